import { type FindingKind } from '@werkpad/shared';

/**
 * The SQL of the unusual-access findings (issue 6, item 3; R-AUD-03). Each kind is computed from
 * audit_event (and emergency_access) with a stable key, so a review stored under the key sticks
 * to the finding however often it is recomputed. Times are judged in Dutch time.
 */

/** What narrows the computation: the list's filters, or the one finding a review names. */
export interface FindingFilter {
  readonly kinds: readonly FindingKind[];
  /** Dutch calendar days, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly seq?: string;
  readonly userId?: string;
  readonly grantId?: string;
  readonly key?: string;
  readonly reviewed?: boolean;
}

export interface FindingSettings {
  readonly manyClientsPerDay: number;
  /** Minutes after midnight, Dutch time, on working days. */
  readonly officeStart: number;
  readonly officeEnd: number;
  /** Public holidays (YYYY-MM-DD): no working days, whatever the hour. */
  readonly holidays: readonly string[];
}

/** One computed finding before it is described in words. */
export interface FindingRow {
  key: string;
  kind: FindingKind;
  occurred_at: Date;
  user_id: string | null;
  username: string | null;
  client_ids: string[];
  seqs: string[];
  info: Record<string, unknown>;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  note: string | null;
  total: string;
}

/**
 * Roles whose client scope is not a per-user relation with the client (all clients, the payroll
 * group, assigned arbeidsdiagnoses, identity for assignment): a user holding one of them may
 * legitimately read a client that is neither in their caseload nor linked to them.
 */
const WIDER_SCOPE_ROLES = ['payroll', 'management', 'admin', 'expertise'];
/** At most this many log rows are named per finding (the FG opens the rest in the access log). */
const MAX_SEQS = 1000;

const LOCAL = `(e.occurred_at AT TIME ZONE 'Europe/Amsterdam')`;
const DAY = `${LOCAL}::date`;

class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `column` within the Dutch calendar days of the filter. */
function period(column: string, filter: FindingFilter, p: Parameters): string[] {
  const conditions: string[] = [];
  if (filter.from)
    conditions.push(`${column} >= (${p.add(filter.from)}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`);
  if (filter.to)
    conditions.push(
      `${column} < ((${p.add(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    );
  return conditions;
}

function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

/** Conditions every audit-based kind shares: the period and, for a review, the row or the user. */
function auditConditions(filter: FindingFilter, p: Parameters): string[] {
  const conditions = period('e.occurred_at', filter, p);
  if (filter.seq) conditions.push(`e.seq = ${p.add(filter.seq)}::bigint`);
  if (filter.userId) conditions.push(`e.user_id = ${p.add(filter.userId)}::uuid`);
  return conditions;
}

const BRANCHES: Readonly<
  Record<FindingKind, (filter: FindingFilter, s: FindingSettings, p: Parameters) => string>
> = {
  // Every grant is a finding that must be reviewed; its log rows are those carrying its ground.
  emergency: (filter, _s, p) => {
    const conditions = period('g.started_at', filter, p);
    if (filter.grantId) conditions.push(`g.id = ${p.add(filter.grantId)}::uuid`);
    if (filter.userId) conditions.push(`g.user_id = ${p.add(filter.userId)}::uuid`);
    return `
        SELECT 'emergency:' || g.id AS key, 'emergency' AS kind, g.started_at AS occurred_at, g.user_id,
               u.username, ARRAY[g.client_id::text] AS client_ids,
               COALESCE(logged.seqs, '{}') AS seqs,
               jsonb_build_object('reason', g.reason, 'explanation', g.explanation, 'expiresAt', g.expires_at,
                                  'endedAt', g.ended_at, 'rows', COALESCE(logged.n, 0)) AS info
          FROM emergency_access g
          JOIN app_user u ON u.id = g.user_id
          LEFT JOIN LATERAL (
            SELECT (array_agg(e.seq ORDER BY e.seq))[1:${MAX_SEQS}]::text[] AS seqs, count(*)::int AS n
              FROM audit_event e
             WHERE e.ground->>'kind' = 'emergency' AND e.ground->>'reference' = g.id::text
          ) logged ON true
          ${where(conditions)}`;
  },

  // Refused attempts, failed logins included (password guessing is what the FG must notice).
  denied: (filter, _s, p) => `
        SELECT 'denied:' || e.seq AS key, 'denied' AS kind, e.occurred_at, e.user_id, e.username,
               e.subject_client_ids::text[] AS client_ids, ARRAY[e.seq::text] AS seqs,
               jsonb_build_object('action', e.action, 'objectType', e.object_type, 'route', e.route,
                                  'httpStatus', e.http_status) AS info
          FROM audit_event e
          ${where([`e.result <> 'allowed'`, `e.result = 'denied'`, ...auditConditions(filter, p)])}`,

  // Distinct clients read by one user on one Dutch calendar day, above the configured threshold.
  many_clients: (filter, s, p) => `
        SELECT 'many:' || x.user_id || ':' || x.day AS key, 'many_clients' AS kind, x.occurred_at, x.user_id,
               x.username, x.client_ids, x.seqs,
               jsonb_build_object('day', x.day, 'count', x.n, 'threshold', ${p.add(s.manyClientsPerDay)}::int) AS info
          FROM (
            SELECT e.user_id, ${DAY} AS day, max(e.occurred_at) AS occurred_at, max(e.username) AS username,
                   count(DISTINCT c.id)::int AS n, array_agg(DISTINCT c.id::text) AS client_ids,
                   (array_agg(DISTINCT e.seq))[1:${MAX_SEQS}]::text[] AS seqs
              FROM audit_event e
             CROSS JOIN LATERAL unnest(e.subject_client_ids) AS c(id)
             ${where([`e.result = 'allowed'`, `e.action = 'read'`, `e.user_id IS NOT NULL`, ...auditConditions(filter, p)])}
             GROUP BY e.user_id, ${DAY}
            HAVING count(DISTINCT c.id) > ${p.add(s.manyClientsPerDay)}::int
          ) x`,

  // Any allowed access to client data outside office hours on a working day, in the weekend or on
  // a public holiday; one finding per user per day.
  off_hours: (filter, s, p) => {
    const minutes = `(EXTRACT(HOUR FROM ${LOCAL}) * 60 + EXTRACT(MINUTE FROM ${LOCAL}))`;
    const outside = `(EXTRACT(ISODOW FROM ${LOCAL}) IN (6, 7) OR ${minutes} < ${p.add(s.officeStart)}::int
                        OR ${minutes} >= ${p.add(s.officeEnd)}::int OR ${DAY} = ANY(${p.add(s.holidays)}::date[]))`;
    return `
        SELECT 'offhours:' || x.user_id || ':' || x.day AS key, 'off_hours' AS kind, x.occurred_at, x.user_id,
               x.username, x.client_ids, x.seqs,
               jsonb_build_object('day', x.day, 'count', x.n, 'first', x.first_at, 'last', x.occurred_at) AS info
          FROM (
            SELECT e.user_id, ${DAY} AS day, min(e.occurred_at) AS first_at, max(e.occurred_at) AS occurred_at,
                   max(e.username) AS username, count(DISTINCT e.seq)::int AS n,
                   array_agg(DISTINCT c.id::text) AS client_ids,
                   (array_agg(DISTINCT e.seq))[1:${MAX_SEQS}]::text[] AS seqs
              FROM audit_event e
             CROSS JOIN LATERAL unnest(e.subject_client_ids) AS c(id)
             ${where([`e.result = 'allowed'`, `e.user_id IS NOT NULL`, outside, ...auditConditions(filter, p)])}
             GROUP BY e.user_id, ${DAY}
          ) x`;
  },

  // A coach reading a client not (or no longer) in their caseload, an income consultant a client
  // not linked to them. Rows under an emergency grant are the emergency finding, not this one.
  outside_scope: (filter, _s, p) => `
        SELECT 'outside:' || e.seq AS key, 'outside_scope' AS kind, e.occurred_at, e.user_id,
               max(e.username) AS username, array_agg(c.id::text ORDER BY c.id) AS client_ids,
               ARRAY[e.seq::text] AS seqs,
               jsonb_build_object('action', max(e.action), 'objectType', max(e.object_type),
                                  'roles', max(array_to_string(e.roles, ', '))) AS info
          FROM audit_event e
         CROSS JOIN LATERAL unnest(e.subject_client_ids) AS s(id)
          JOIN client c ON c.id = s.id
          ${where([
            `e.result = 'allowed'`,
            `e.user_id IS NOT NULL`,
            `COALESCE(e.ground->>'kind', '') <> 'emergency'`,
            `e.roles && ARRAY['coach', 'income_consultant']::text[]`,
            `NOT (e.roles && ${p.add(WIDER_SCOPE_ROLES)}::text[])`,
            `(NOT ('coach' = ANY(e.roles)) OR c.coach_id IS DISTINCT FROM e.user_id)`,
            `(NOT ('income_consultant' = ANY(e.roles)) OR c.income_consultant_id IS DISTINCT FROM e.user_id)`,
            `NOT EXISTS (SELECT 1 FROM emergency_access g
                          WHERE g.user_id = e.user_id AND g.client_id = c.id AND e.occurred_at >= g.started_at
                            AND e.occurred_at <= LEAST(g.expires_at, COALESCE(g.ended_at, g.expires_at)))`,
            ...auditConditions(filter, p),
          ])}
         GROUP BY e.seq, e.occurred_at, e.user_id`,
};

/** The page of findings (newest first) with each one's review and the total count. */
export function findingsQuery(
  filter: FindingFilter,
  settings: FindingSettings,
  page: { readonly limit: number; readonly offset: number },
): { sql: string; parameters: unknown[] } {
  const p = new Parameters();
  const branches = filter.kinds.map((kind) => BRANCHES[kind](filter, settings, p));
  const outer: string[] = [];
  if (filter.key) outer.push(`f.key = ${p.add(filter.key)}`);
  if (filter.reviewed !== undefined)
    outer.push(filter.reviewed ? 'r.finding_key IS NOT NULL' : 'r.finding_key IS NULL');
  const sql = `
    WITH findings AS (${branches.join('\n UNION ALL \n')})
    SELECT f.key, f.kind, f.occurred_at, f.user_id, f.username, f.client_ids, f.seqs, f.info,
           r.reviewed_by, ru.display_name AS reviewed_by_name, r.reviewed_at, r.note,
           count(*) OVER () AS total
      FROM findings f
      LEFT JOIN audit_finding_review r ON r.finding_key = f.key
      LEFT JOIN app_user ru ON ru.id = r.reviewed_by
      ${where(outer)}
     ORDER BY f.occurred_at DESC, f.key DESC
     LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`;
  return { sql, parameters: p.values };
}
