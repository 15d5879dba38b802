import {
  type AccessLogEntry,
  type AuditAction,
  type AuditGroundView,
  type AuditResult,
  type ClientAccessOverviewEntry,
  isRole,
  type Role,
} from '@werkpad/shared';

/** An audit_event row as the FG's queries select it (metadata only: no details, ip or hashes). */
export interface AccessLogRow {
  seq: string;
  occurred_at: Date;
  user_id: string | null;
  username: string | null;
  display_name?: string | null;
  roles: string[];
  subject_client_ids: string[];
  object_type: string;
  object_id: string | null;
  categories: string[];
  action: string;
  result: AuditResult;
  ground: { kind?: unknown; reference?: unknown } | null;
  route: string | null;
  http_status: number | null;
}

/** The columns of audit_event the FG's views need; `e` is the table alias. */
export const ACCESS_LOG_COLUMNS = `e.seq::text AS seq, e.occurred_at, e.user_id, e.username, e.roles,
  e.subject_client_ids, e.object_type, e.object_id, e.categories, e.action, e.result, e.ground, e.route,
  e.http_status`;

/** The organisation unit a role works in, as NEN 7513 asks an access overview to show. */
export const ORGANISATION_UNITS: Readonly<Record<Role, string>> = {
  coach: 'Werkpad – trajectbegeleiding',
  income_consultant: 'Gemeente – inkomen',
  expertise: 'Expertisecentrum',
  payroll: 'Salarisadministratie',
  management: 'Management',
  admin: 'Functioneel beheer',
  dpo: 'Functionaris gegevensbescherming',
};

/** The unit(s) of the roles a user held at the time; a failed login has no roles. */
export function organisationUnit(roles: readonly string[]): string {
  const units = [...new Set(roles.filter(isRole).map((role) => ORGANISATION_UNITS[role]))];
  return units.length > 0 ? units.join(' / ') : 'Onbekend (niet aangemeld)';
}

export const ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  read: 'Inzien',
  search: 'Zoeken',
  create: 'Aanmaken',
  update: 'Wijzigen',
  delete: 'Verwijderen',
  export: 'Exporteren',
  login: 'Aanmelden',
  logout: 'Afmelden',
};

export const RESULT_LABELS: Readonly<Record<AuditResult, string>> = {
  allowed: 'Toegestaan',
  denied: 'Geweigerd',
  failed: 'Mislukt',
};

function groundOf(row: AccessLogRow): AuditGroundView | null {
  if (!row.ground || typeof row.ground.kind !== 'string') return null;
  return {
    kind: row.ground.kind as AuditGroundView['kind'],
    reference: typeof row.ground.reference === 'string' ? row.ground.reference : '',
  };
}

export function toEntry(row: AccessLogRow): AccessLogEntry {
  const ground = groundOf(row);
  return {
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    userId: row.user_id,
    username: row.username,
    roles: row.roles,
    subjectClientIds: row.subject_client_ids,
    objectType: row.object_type,
    objectId: row.object_id,
    categories: row.categories,
    action: row.action,
    result: row.result,
    ground,
    route: row.route,
    httpStatus: row.http_status,
    emergency: ground?.kind === 'emergency',
  };
}

export function toOverviewEntry(row: AccessLogRow): ClientAccessOverviewEntry {
  const ground = groundOf(row);
  return {
    occurredAt: row.occurred_at.toISOString(),
    organisationUnit: organisationUnit(row.roles),
    roles: row.roles,
    userId: row.user_id,
    userName: row.display_name ?? row.username,
    categories: row.categories,
    action: row.action,
    result: row.result,
    ground,
    emergency: ground?.kind === 'emergency',
  };
}

/** dd-mm-jjjj for an ISO calendar date. */
export function dutchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}
