import {
  AUDIT_ACTIONS,
  AUDIT_GROUND_KIND_LABELS,
  AUDIT_GROUND_KINDS,
  AUDIT_RESULTS,
  type AuditAction,
  type AuditGroundKind,
  type AuditGroundView,
  type AuditResult,
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  type FindingKind,
  isRole,
  ROLE_LABELS,
  ROLES,
  type Role,
} from '@werkpad/shared';

/*
 * The FG workplace's labels. The log stores ids (actions, roles, categories); the FG reads Dutch.
 * Unknown values (a role or category added later) are shown as stored rather than hidden.
 */

export interface Option<T extends string> {
  readonly value: T;
  readonly label: string;
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

const has = <T extends string>(record: Readonly<Record<T, string>>, key: string): key is T =>
  Object.prototype.hasOwnProperty.call(record, key);

export function actionLabel(action: string): string {
  return has(ACTION_LABELS, action) ? ACTION_LABELS[action] : action;
}

export function resultLabel(result: string): string {
  return has(RESULT_LABELS, result) ? RESULT_LABELS[result] : result;
}

export function roleLabel(role: string): string {
  if (role === '') return 'Onbekend';
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** A failed login has no roles; the dash says so rather than an empty cell. */
export function roleLabels(roles: readonly string[]): string {
  return roles.length === 0 ? '—' : roles.map(roleLabel).join(', ');
}

export function categoryLabels(categories: readonly string[]): string {
  if (categories.length === 0) return '—';
  return categories
    .map((category) => (has(DATA_CATEGORY_LABELS, category) ? DATA_CATEGORY_LABELS[category] : category))
    .join(', ');
}

export function groundKindLabel(kind: string): string {
  return has(AUDIT_GROUND_KIND_LABELS, kind) ? AUDIT_GROUND_KIND_LABELS[kind] : kind;
}

/** "Traject" with its reference below it in the table; no ground at all as a dash. */
export function groundLabel(ground: AuditGroundView | null): string {
  return ground ? groundKindLabel(ground.kind) : '—';
}

export function findingKindLabel(kind: FindingKind): string {
  return FINDING_KIND_LABELS[kind];
}

export function isFindingKind(value: unknown): value is FindingKind {
  return typeof value === 'string' && (FINDING_KINDS as readonly string[]).includes(value);
}

export const roleOptions = (): Option<Role>[] => ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
export const actionOptions = (): Option<AuditAction>[] =>
  AUDIT_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] }));
export const resultOptions = (): Option<AuditResult>[] =>
  AUDIT_RESULTS.map((value) => ({ value, label: RESULT_LABELS[value] }));
export const groundKindOptions = (): Option<AuditGroundKind>[] =>
  AUDIT_GROUND_KINDS.map((value) => ({ value, label: AUDIT_GROUND_KIND_LABELS[value] }));
export const categoryOptions = () =>
  DATA_CATEGORIES.map((value) => ({ value, label: DATA_CATEGORY_LABELS[value] }));
export const findingKindOptions = (): Option<FindingKind>[] =>
  FINDING_KINDS.map((value) => ({ value, label: FINDING_KIND_LABELS[value] }));

/**
 * The access log counts at most this many matches; a total above it (the API sends 10 001) means
 * "more than that", so a search on tens of millions of rows never waits for an exact count.
 */
export const ACCESS_LOG_COUNT_CAP = 10_000;

const NUMBER = new Intl.NumberFormat('nl-NL');

/** A number as Dutch people write it: 1.234. */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** The access log's total: "10.000+" when the API stopped counting at the cap. */
export function countLabel(total: number): string {
  return total > ACCESS_LOG_COUNT_CAP ? `${NUMBER.format(ACCESS_LOG_COUNT_CAP)}+` : NUMBER.format(total);
}

/** Enough of a UUID to tell clients apart by eye; the whole id goes in the accessible name. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export { dutchDate, dutchDateTime } from '../../shared/dutch-dates';
