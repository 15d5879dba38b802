import { type DestructionPart } from '@werkpad/shared';

import { type ScheduleRow } from '../retention/retention-rows';

/** One row of retention_schedule as the list preparation reads it. */
export type DueScheduleRow = Omit<ScheduleRow, 'client_id' | 'legal_ground'>;

/** A part as stored in destruction_item.parts: the contract's part plus its trajectory (never shown). */
export interface StoredDestructionPart extends DestructionPart {
  readonly trajectoryId: string;
}

export interface PlannedItem {
  readonly scope: 'client' | 'trajectories';
  readonly status: 'due' | 'held';
  readonly trajectoryIds: readonly string[];
  readonly parts: readonly StoredDestructionPart[];
}

function toPart(row: DueScheduleRow): StoredDestructionPart {
  return {
    trajectoryId: row.trajectory_id,
    trajectoryType: row.trajectory_type,
    part: row.part,
    startDate: row.start_date,
    closedOn: row.closed_on as string,
    dueOn: row.due_on as string,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    years: row.years,
  };
}

/**
 * What one client's dossier contributes to the list on `asOf` (R-RET-01..03):
 * - scope `client` when every trajectory is closed, every part is due and no hold applies: the
 *   client record goes with everything (R-RET-02: on the latest date);
 * - else scope `trajectories`: the due parts of trajectories without a hold;
 * - status `held` when a hold keeps back everything that would be due (the reviewers see it);
 * - null when nothing is due.
 */
export function planItem(
  rows: readonly DueScheduleRow[],
  heldTrajectoryIds: ReadonlySet<string>,
  clientHeld: boolean,
  asOf: string,
): PlannedItem | null {
  const isDue = (row: DueScheduleRow) => row.due_on !== null && row.due_on <= asOf;
  const due = rows.filter(isDue);
  if (due.length === 0) return null;
  const everythingDue = due.length === rows.length;
  if (
    clientHeld ||
    (everythingDue &&
      heldTrajectoryIds.size > 0 &&
      due.every((row) => heldTrajectoryIds.has(row.trajectory_id)))
  ) {
    return {
      scope: everythingDue ? 'client' : 'trajectories',
      status: 'held',
      trajectoryIds: unique(due),
      parts: due.map(toPart),
    };
  }
  if (everythingDue && heldTrajectoryIds.size === 0) {
    return { scope: 'client', status: 'due', trajectoryIds: unique(rows), parts: due.map(toPart) };
  }
  const free = due.filter((row) => !heldTrajectoryIds.has(row.trajectory_id));
  if (free.length === 0) {
    return { scope: 'trajectories', status: 'held', trajectoryIds: unique(due), parts: due.map(toPart) };
  }
  return { scope: 'trajectories', status: 'due', trajectoryIds: unique(free), parts: free.map(toPart) };
}

function unique(rows: readonly DueScheduleRow[]): string[] {
  return [...new Set(rows.map((row) => row.trajectory_id))];
}
