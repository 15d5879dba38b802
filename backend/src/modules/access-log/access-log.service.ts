import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AccessLogEntry, type ClientAccessOverview, type Page } from '@werkpad/shared';
import { DataSource, type EntityManager } from 'typeorm';

import { type AuditGround } from '../../audit/audit-event';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { RequestContext } from '../../common/request-context';
import { EXPORT_MAX_ROWS } from './access-log-export';
import { ACCESS_LOG_COLUMNS, type AccessLogRow, toEntry, toOverviewEntry } from './access-log-view';
import { type AccessLogQueryDto } from './dto/access-log.dto';

/**
 * The count of a search stops here: an exact count over millions of rows costs seconds, and the FG
 * needs "more than 10 000" rather than the exact figure. A total of COUNT_CAP + 1 means "more".
 */
export const COUNT_CAP = 10_000;

/** The overview of one client holds at most this many rows (oldest first); `total` has the rest. */
export const OVERVIEW_MAX_ROWS = 1000;

/** Why the FG may read the log: the audit policy (the FG supervises processing, AVG art. 39). */
const FG_GROUND: AuditGround = { kind: 'role_policy', reference: 'audit.policy (dpo)' };

interface Where {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * The search as SQL conditions that the indexes of migrations 100 and 800 serve: the client by GIN
 * containment, user by (user_id, occurred_at), category by GIN, ground kind by expression index, and
 * the period as an occurred_at range from 00:00 Dutch time on `from` to 00:00 on the day after `to`.
 */
export function accessLogWhere(query: AccessLogQueryDto): Where {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.clientId) conditions.push(`e.subject_client_ids @> ARRAY[${param(query.clientId)}]::uuid[]`);
  if (query.userId) conditions.push(`e.user_id = ${param(query.userId)}`);
  if (query.role) conditions.push(`${param(query.role)} = ANY (e.roles)`);
  if (query.action) conditions.push(`e.action = ${param(query.action)}`);
  if (query.category) conditions.push(`e.categories @> ARRAY[${param(query.category)}]::text[]`);
  if (query.result) conditions.push(`e.result = ${param(query.result)}`);
  if (query.groundKind) conditions.push(`(e.ground->>'kind') = ${param(query.groundKind)}`);
  if (query.from) {
    conditions.push(
      `e.occurred_at >= (${param(query.from)}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    );
  }
  if (query.to) {
    conditions.push(
      `e.occurred_at < ((${param(query.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    );
  }
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * The search criteria for the audit row's details. Not the client id: the client searched for is
 * the row's subject, so that destruction can pseudonymise it (R-RET-05); details are never rewritten.
 */
function criteria(query: AccessLogQueryDto): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of [
    'userId',
    'role',
    'action',
    'category',
    'result',
    'groundKind',
    'from',
    'to',
    'order',
  ] as const) {
    const value = query[key];
    if (value) result[key] = value;
  }
  return result;
}

/**
 * The FG's view of the access log (R-AUD-03): log metadata only, never dossier content or client
 * names (R-AUD-04). It reads audit_event directly, not through ClientAccess: the FG has no client
 * scope, and what the FG may see is the log itself. Every read is itself logged (R-AUD-01).
 */
@Injectable()
export class AccessLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldCrypto,
  ) {}

  private manager(): EntityManager {
    return RequestContext.current()?.manager ?? this.dataSource.manager;
  }

  private order(query: AccessLogQueryDto): string {
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    return `ORDER BY e.occurred_at ${direction}, e.seq ${direction}`;
  }

  async search(query: AccessLogQueryDto): Promise<Page<AccessLogEntry>> {
    this.recordRead(query, { pagina: String(query.page), paginagrootte: String(query.pageSize) });
    const where = accessLogWhere(query);
    const limit = `$${where.params.length + 1}`;
    const offset = `$${where.params.length + 2}`;
    const [rows, counted] = await Promise.all([
      this.manager().query<AccessLogRow[]>(
        `SELECT ${ACCESS_LOG_COLUMNS} FROM audit_event e ${where.sql} ${this.order(query)}
         LIMIT ${limit} OFFSET ${offset}`,
        [...where.params, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      this.manager().query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM (SELECT 1 FROM audit_event e ${where.sql} LIMIT ${limit}) capped`,
        [...where.params, COUNT_CAP + 1],
      ),
    ]);
    return {
      items: rows.map(toEntry),
      total: counted[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The rows of an export: at most EXPORT_MAX_ROWS, and whether more matched. */
  async exportRows(query: AccessLogQueryDto): Promise<{ rows: AccessLogRow[]; truncated: boolean }> {
    this.recordRead(query, {});
    const where = accessLogWhere(query);
    const rows = await this.manager().query<AccessLogRow[]>(
      `SELECT ${ACCESS_LOG_COLUMNS} FROM audit_event e ${where.sql} ${this.order(query)}
       LIMIT $${where.params.length + 1}`,
      [...where.params, EXPORT_MAX_ROWS + 1],
    );
    const truncated = rows.length > EXPORT_MAX_ROWS;
    RequestContext.addAuditDetails({
      details: { regels: String(Math.min(rows.length, EXPORT_MAX_ROWS)), afgekapt: truncated ? 'ja' : 'nee' },
    });
    return { rows: truncated ? rows.slice(0, EXPORT_MAX_ROWS) : rows, truncated };
  }

  /** Who looked at this client's data, oldest first (NEN 7513); the log outlives the client file. */
  async clientOverview(clientId: string): Promise<ClientAccessOverview> {
    RequestContext.addAuditDetails({ subjectClientIds: [clientId], objectId: clientId, ground: FG_GROUND });
    const [rows, counted] = await Promise.all([
      this.manager().query<AccessLogRow[]>(
        `SELECT ${ACCESS_LOG_COLUMNS}, u.display_name
           FROM audit_event e LEFT JOIN app_user u ON u.id = e.user_id
          WHERE e.subject_client_ids @> ARRAY[$1]::uuid[]
          ORDER BY e.occurred_at ASC, e.seq ASC
          LIMIT $2`,
        [clientId, OVERVIEW_MAX_ROWS],
      ),
      this.manager().query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM audit_event e WHERE e.subject_client_ids @> ARRAY[$1]::uuid[]`,
        [clientId],
      ),
    ]);
    return { clientId, entries: rows.map(toOverviewEntry), total: counted[0]?.total ?? 0 };
  }

  /**
   * The client id for an exact BSN, by blind index, so that the FG can answer a data-subject
   * request without ever seeing a list of clients. The audit row says a BSN was used, never which.
   */
  async lookupClient(bsn: string): Promise<{ clientId: string }> {
    RequestContext.addAuditDetails({ ground: FG_GROUND, details: { zoekterm: '[BSN]' } });
    const rows = await this.manager().query<Array<{ id: string }>>(
      'SELECT id FROM client WHERE bsn_blind_index = $1',
      [this.crypto.blindIndex(bsn)],
    );
    if (rows.length === 0) throw new NotFoundException('Er is geen cliënt met dit burgerservicenummer.');
    RequestContext.addAuditDetails({ subjectClientIds: [rows[0].id], objectId: rows[0].id });
    return { clientId: rows[0].id };
  }

  /** The search's audit row: the criteria and the client searched for, if any. */
  private recordRead(query: AccessLogQueryDto, extra: Record<string, string>): void {
    RequestContext.addAuditDetails({
      subjectClientIds: query.clientId ? [query.clientId] : [],
      ground: FG_GROUND,
      details: { ...criteria(query), ...extra },
    });
  }
}
