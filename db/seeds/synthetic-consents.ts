import { type ConsentForm, type ConsentPurpose } from '@werkpad/shared';

import { addDays, dayNumber } from './synthetic-calendar';
import { type SyntheticTrajectory } from './synthetic-trajectories';

/** A synthetic consent as the registry holds it (R-CONS-01); some are withdrawn (R-CONS-02). */
export interface SyntheticConsent {
  readonly purpose: ConsentPurpose;
  readonly recipient: string | null;
  readonly givenOn: string;
  readonly form: ConsentForm;
  readonly evidenceReference: string;
  readonly withdrawnOn: string | null;
}

/**
 * Consents of a synthetic client: WhatsApp for appointments for every 7th client, sharing with the
 * sociaal team for every 5th client with an intake (discussed at the intake, as the source says),
 * a third of those withdrawn a month later when that month has passed. Deterministic per index.
 */
export function syntheticConsents(
  index: number,
  trajectories: readonly SyntheticTrajectory[],
  today: string,
): SyntheticConsent[] {
  const first = trajectories[0];
  if (!first) return [];
  const consents: SyntheticConsent[] = [];
  if (index % 7 === 0) {
    consents.push({
      purpose: 'whatsapp',
      recipient: null,
      givenOn: first.startDate,
      form: 'oral',
      evidenceReference: `Gespreksverslag intake ${first.startDate}`,
      withdrawnOn: null,
    });
  }
  const intake = trajectories.find((trajectory) => trajectory.type === 'intake');
  if (intake && index % 5 === 0) {
    const withdrawnOn = addDays(intake.startDate, 30);
    consents.push({
      purpose: 'sociaal_team',
      recipient: 'Sociaal team Ede',
      givenOn: intake.startDate,
      form: 'written',
      evidenceReference: `Ondertekend toestemmingsformulier, map intake ${intake.startDate}`,
      withdrawnOn: index % 3 === 0 && dayNumber(withdrawnOn) < dayNumber(today) ? withdrawnOn : null,
    });
  }
  return consents;
}
