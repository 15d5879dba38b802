import {
  type LegalHoldView,
  type RetentionDate,
  type RetentionPart,
  type RetentionPolicyView,
  type RetentionState,
  type TrajectoryType,
} from '@werkpad/shared';

/** How retention policies, schedule rows and legal holds are read, shown and classified. */

/** Dossiers due within this many days count as "due soon" in the overview. */
export const DUE_SOON_DAYS = 90;

export interface PolicyRow {
  id: string;
  trajectory_type: TrajectoryType;
  part: RetentionPart;
  version: number;
  years: number;
  legal_ground: string;
  source: string;
  effective_from: Date;
  changed_by_name: string | null;
  change_reason: string;
}

/** One row of retention_schedule (migration 1000/1050): a trajectory's part and its due date. */
export interface ScheduleRow {
  client_id: string;
  trajectory_id: string;
  trajectory_type: TrajectoryType;
  part: RetentionPart;
  start_date: string;
  closed_on: string | null;
  due_on: string | null;
  policy_id: string;
  policy_version: number;
  years: number;
  legal_ground: string;
}

export interface HoldRow {
  id: string;
  client_id: string;
  trajectory_id: string | null;
  reason: string;
  until: string | null;
  set_by: string;
  set_by_name: string;
  set_at: Date;
  lifted_by: string | null;
  lifted_by_name: string | null;
  lifted_at: Date | null;
  lift_reason: string | null;
  active: boolean;
}

export function toPolicyView(row: PolicyRow): RetentionPolicyView {
  return {
    id: row.id,
    trajectoryType: row.trajectory_type,
    part: row.part,
    version: row.version,
    years: row.years,
    legalGround: row.legal_ground,
    source: row.source,
    effectiveFrom: row.effective_from.toISOString(),
    changedBy: row.changed_by_name,
    changeReason: row.change_reason,
  };
}

export function toHoldView(row: HoldRow): LegalHoldView {
  return {
    id: row.id,
    clientId: row.client_id,
    trajectoryId: row.trajectory_id,
    reason: row.reason,
    until: row.until,
    setBy: row.set_by,
    setByName: row.set_by_name,
    setAt: row.set_at.toISOString(),
    liftedBy: row.lifted_by,
    liftedByName: row.lifted_by_name,
    liftedAt: row.lifted_at?.toISOString() ?? null,
    liftReason: row.lift_reason,
    active: row.active,
  };
}

/** The day a due date counts as "soon" up to. */
export function dueSoonHorizon(today: string): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + DUE_SOON_DAYS);
  return day.toISOString().slice(0, 10);
}

/**
 * R-RET-02: the client record goes on the latest date of all its parts, and only once every
 * trajectory is closed; null while anything is open or the client has no trajectory.
 */
export function clientDueOn(dates: ReadonlyArray<Pick<RetentionDate, 'dueOn'>>): string | null {
  if (dates.length === 0 || dates.some((date) => date.dueOn === null)) return null;
  return dates.reduce(
    (latest, date) => ((date.dueOn as string) > latest ? (date.dueOn as string) : latest),
    '',
  );
}

/** The state of one dossier on `today` (the overview's tabs). */
export function retentionState(
  dates: ReadonlyArray<Pick<RetentionDate, 'dueOn'>>,
  held: boolean,
  today: string,
): RetentionState {
  if (held) return 'on_hold';
  const known = dates.map((date) => date.dueOn).filter((due): due is string => due !== null);
  if (known.some((due) => due <= today)) return 'due';
  if (known.length === 0) return 'open';
  return known.some((due) => due <= dueSoonHorizon(today)) ? 'due_soon' : 'due_later';
}

export const SELECT_HOLD = `
  SELECT h.id, h.client_id, h.trajectory_id, h.reason, h.until::text AS until, h.set_by,
         s.display_name AS set_by_name, h.set_at, h.lifted_by, l.display_name AS lifted_by_name,
         h.lifted_at, h.lift_reason,
         (h.lifted_at IS NULL AND (h.until IS NULL OR h.until >= $2::date)) AS active
    FROM legal_hold h JOIN app_user s ON s.id = h.set_by LEFT JOIN app_user l ON l.id = h.lifted_by`;
