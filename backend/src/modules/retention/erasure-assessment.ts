import { type ErasureAssessment, type LegalHoldView, TRAJECTORY_TYPE_RULES } from '@werkpad/shared';

import { dutchDay } from '../../common/pdf';
import { type ScheduleRow } from './retention-rows';

type Keep = ErasureAssessment['mustKeep'][number];
type Erase = ErasureAssessment['erasableNow'][number];

/**
 * R-RET-06 (AVG art. 17 lid 3 sub b; 002 "Rechten": "wij kunnen geen gegevens verwijderen wanneer de
 * wet ons verplicht die gegevens te hebben"): per trajectory part, whether erasure on request can
 * remove it now, or what must be kept, until when and on what ground. A legal hold keeps everything
 * it covers; a running trajectory is needed for the statutory task; a closed one is kept for its
 * retention period; a part past its date can go now (through the reviewed destruction).
 */
export function assessErasure(
  clientId: string,
  rows: readonly ScheduleRow[],
  holds: readonly LegalHoldView[],
  today: string,
): ErasureAssessment {
  const active = holds.filter((hold) => hold.active);
  const clientHold = active.find((hold) => hold.trajectoryId === null);
  const mustKeep: Keep[] = [];
  const erasableNow: Erase[] = [];
  for (const row of rows) {
    const place = { trajectoryId: row.trajectory_id, trajectoryType: row.trajectory_type, part: row.part };
    const hold = clientHold ?? active.find((candidate) => candidate.trajectoryId === row.trajectory_id);
    if (hold) {
      mustKeep.push({
        ...place,
        keepUntil: hold.until,
        ground: `Juridische blokkade (${hold.reason}); vernietiging is opgeschort${hold.until ? ` tot en met ${dutchDay(hold.until)}` : ''}.`,
      });
    } else if (row.due_on === null) {
      mustKeep.push({
        ...place,
        keepUntil: null,
        ground: `Het traject loopt nog; de gegevens zijn nodig voor de wettelijke taak (${TRAJECTORY_TYPE_RULES[row.trajectory_type].legalBasis}; AVG art. 6 lid 1 sub e).`,
      });
    } else if (row.due_on > today) {
      mustKeep.push({
        ...place,
        keepUntil: row.due_on,
        ground: `Wettelijke bewaarplicht: ${row.years} jaar na afsluiting (${row.legal_ground}; AVG art. 17 lid 3 sub b), tot ${dutchDay(row.due_on)}.`,
      });
    } else {
      erasableNow.push({
        ...place,
        reason: `De bewaartermijn is verstreken op ${dutchDay(row.due_on)}; de gegevens worden vernietigd via de vernietigingslijst.`,
      });
    }
  }
  // R-RET-02: the client record goes only when nothing of the client is left to keep.
  if (rows.length > 0 && mustKeep.length === 0) {
    erasableNow.push({
      trajectoryId: null,
      trajectoryType: null,
      part: 'client',
      reason: 'Er hoeft niets meer bewaard te worden.',
    });
  } else {
    const dates = mustKeep.map((keep) => keep.keepUntil);
    const until = dates.some((date) => date === null) ? null : ((dates as string[]).sort().at(-1) ?? null);
    mustKeep.push({
      trajectoryId: null,
      trajectoryType: null,
      part: 'client',
      keepUntil: until,
      ground:
        rows.length === 0
          ? 'De cliënt heeft geen traject; de gegevens worden beoordeeld door functioneel beheer.'
          : 'Cliëntgegevens worden bewaard zolang er gegevens van een traject bewaard moeten worden (R-RET-02).',
    });
  }
  return { clientId, assessedOn: today, erasableNow, mustKeep };
}
