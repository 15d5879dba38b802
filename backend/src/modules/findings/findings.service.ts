import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  dutchPublicHoliday,
  dutchPublicHolidays,
  EMERGENCY_REASON_LABELS,
  type EmergencyReason,
  type Finding,
  FINDING_KINDS,
  type FindingKind,
  type Page,
} from '@werkpad/shared';
import { DataSource, type EntityManager } from 'typeorm';

import { type AuditGround } from '../../audit/audit-event';
import { type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { AppConfig } from '../../config/app-config';
import { type FindingQueryDto, type ReviewFindingDto } from './dto/findings.dto';
import { type FindingFilter, type FindingRow, type FindingSettings, findingsQuery } from './findings.sql';

const FG_GROUND: AuditGround = {
  kind: 'role_policy',
  reference: 'audit.policy: FG, bevindingen (alleen metadata)',
};
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DAY = '\\d{4}-\\d{2}-\\d{2}';

/** A finding's key, parsed back into its kind and the narrowest computation that finds it again. */
export function parseFindingKey(key: string): FindingFilter | null {
  let match = new RegExp(`^emergency:(${UUID})$`).exec(key);
  if (match) return { kinds: ['emergency'], grantId: match[1], key };
  match = /^(denied|outside):(\d{1,18})$/.exec(key);
  if (match) return { kinds: [match[1] === 'denied' ? 'denied' : 'outside_scope'], seq: match[2], key };
  match = new RegExp(`^(many|offhours):(${UUID}):(${DAY})$`).exec(key);
  if (match)
    return {
      kinds: [match[1] === 'many' ? 'many_clients' : 'off_hours'],
      userId: match[2],
      from: match[3],
      to: match[3],
      key,
    };
  return null;
}

/** dd-mm-jjjj of an ISO day or time, in Dutch time. */
function dutchDay(value: unknown): string {
  const date = new Date(
    typeof value === 'string' && value.length === 10 ? `${value}T12:00:00Z` : String(value),
  );
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

function dutchTime(value: unknown): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(String(value)));
}

/** No log row predates Werkpad: the holidays from this year on go with every off-hours query. */
const FIRST_HOLIDAY_YEAR = 2000;

/** Public holidays from `firstYear` to next year (a few hundred dates: one array parameter). */
function holidaysSince(firstYear: number): string[] {
  const lastYear = new Date().getUTCFullYear() + 1;
  return Array.from({ length: lastYear - firstYear + 1 }, (_, index) =>
    dutchPublicHolidays(firstYear + index).map((holiday) => holiday.date),
  ).flat();
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Unusual access for the FG (issue 6, item 3; R-AUD-03): computed from the log on every request,
 * never stored, so it cannot drift from the log; only the FG's review is stored, under the
 * finding's stable key. Metadata only: client ids, never names or content.
 */
@Injectable()
export class FindingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async list(query: FindingQueryDto): Promise<Page<Finding>> {
    const filter: FindingFilter = {
      kinds: query.kind ? [query.kind] : FINDING_KINDS,
      from: query.from,
      to: query.to,
      reviewed: query.reviewed,
    };
    RequestContext.addAuditDetails({
      categories: [],
      ground: FG_GROUND,
      details: {
        ...(query.kind ? { soort: query.kind } : {}),
        ...(query.reviewed !== undefined ? { beoordeeld: query.reviewed ? 'ja' : 'nee' } : {}),
        ...(query.from ? { van: query.from } : {}),
        ...(query.to ? { tot: query.to } : {}),
        pagina: String(query.page),
      },
    });
    const offset = (query.page - 1) * query.pageSize;
    let rows = await this.compute(filter, { limit: query.pageSize, offset });
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (rows.length === 0 && offset > 0) {
      // Past the last page the window count is not there; count without paging.
      rows = await this.compute(filter, { limit: 1, offset: 0 });
      total = rows[0] ? Number(rows[0].total) : 0;
      rows = [];
    }
    return {
      items: rows.map((row) => this.toFinding(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Unreviewed findings per kind (for the FG dashboard), one computation per kind. */
  async openCounts(): Promise<Record<FindingKind, number>> {
    const counts = await Promise.all(
      FINDING_KINDS.map(async (kind) => {
        const [row] = await this.compute({ kinds: [kind], reviewed: false }, { limit: 1, offset: 0 });
        return [kind, row ? Number(row.total) : 0] as const;
      }),
    );
    return Object.fromEntries(counts) as Record<FindingKind, number>;
  }

  /** Marks a current finding reviewed, once; the review is the FG's, with a note. */
  async review(user: AuthenticatedUser, dto: ReviewFindingDto): Promise<Finding> {
    RequestContext.addAuditDetails({ objectId: dto.key, categories: [], ground: FG_GROUND });
    const filter = parseFindingKey(dto.key);
    const [found] = filter ? await this.compute(filter, { limit: 1, offset: 0 }) : [];
    if (!filter || !found) throw new NotFoundException('Deze bevinding bestaat niet (meer).');
    RequestContext.addAuditDetails({ details: { soort: found.kind } });
    const inserted: Array<{ reviewed_at: Date }> = await this.manager().query(
      `INSERT INTO audit_finding_review (finding_key, kind, reviewed_by, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (finding_key) DO NOTHING RETURNING reviewed_at`,
      [found.key, found.kind, user.id, dto.note],
    );
    if (!inserted[0]) throw new ConflictException('Deze bevinding is al beoordeeld.');
    return this.toFinding({
      ...found,
      reviewed_by: user.id,
      reviewed_by_name: user.displayName,
      reviewed_at: inserted[0].reviewed_at,
      note: dto.note,
    });
  }

  private manager(): EntityManager {
    return RequestContext.current()?.manager ?? this.dataSource.manager;
  }

  private settings(): FindingSettings {
    return {
      manyClientsPerDay: this.config.findingsManyClientsPerDay,
      officeStart: this.config.officeHours.start,
      officeEnd: this.config.officeHours.end,
      holidays: holidaysSince(FIRST_HOLIDAY_YEAR),
    };
  }

  private compute(filter: FindingFilter, page: { limit: number; offset: number }): Promise<FindingRow[]> {
    const { sql, parameters } = findingsQuery(filter, this.settings(), page);
    return this.manager().query(sql, parameters);
  }

  private toFinding(row: FindingRow): Finding {
    return {
      key: row.key,
      kind: row.kind,
      occurredAt: row.occurred_at.toISOString(),
      userId: row.user_id,
      username: row.username,
      clientIds: row.client_ids,
      description: this.describe(row),
      auditSeqs: row.seqs,
      review:
        row.reviewed_by && row.reviewed_at
          ? {
              reviewedBy: row.reviewed_by,
              reviewedByName: row.reviewed_by_name ?? '',
              reviewedAt: row.reviewed_at.toISOString(),
              note: row.note ?? '',
            }
          : null,
    };
  }

  /** A Dutch sentence about what was found: who, when, how much; never a client's name. */
  private describe(row: FindingRow): string {
    const info = row.info;
    const who = row.username ?? 'onbekende gebruiker';
    switch (row.kind) {
      case 'emergency': {
        const reason = EMERGENCY_REASON_LABELS[info['reason'] as EmergencyReason] ?? String(info['reason']);
        const ended = info['endedAt'] ? `, beëindigd om ${dutchTime(info['endedAt'])}` : '';
        return (
          `Noodtoegang door ${who} op ${dutchDay(row.occurred_at)} om ${dutchTime(row.occurred_at)} ` +
          `(tot ${dutchTime(info['expiresAt'])}${ended}). Reden: ${reason}. ` +
          `Toelichting: "${String(info['explanation'])}". ${Number(info['rows'])} logregel(s) onder deze noodtoegang.`
        );
      }
      case 'denied':
        if (info['action'] === 'login')
          return `Mislukte aanmelding voor gebruikersnaam "${who}" op ${dutchDay(row.occurred_at)} om ${dutchTime(row.occurred_at)}.`;
        return (
          `Geweigerde poging van ${who}: ${String(info['action'])} ${String(info['objectType'])}` +
          `${info['route'] ? ` (${String(info['route'])})` : ''}, HTTP ${String(info['httpStatus'] ?? '-')}.`
        );
      case 'many_clients':
        return (
          `${who} opende op ${dutchDay(info['day'])} ${Number(info['count'])} verschillende cliënten ` +
          `(drempel: meer dan ${Number(info['threshold'])} per dag).`
        );
      case 'off_hours': {
        const { start, end } = this.config.officeHours;
        const holiday = typeof info['day'] === 'string' ? dutchPublicHoliday(info['day']) : null;
        return (
          `${who} benaderde op ${dutchDay(info['day'])}${holiday ? ` (${holiday})` : ''} cliëntgegevens buiten kantoortijden ` +
          `(werkdagen ${clock(start)}–${clock(end)}): ${Number(info['count'])} keer, ` +
          `${dutchTime(info['first'])}–${dutchTime(info['last'])}.`
        );
      }
      case 'outside_scope':
        return (
          `${who} (${String(info['roles'])}): ${String(info['action'])} ${String(info['objectType'])} van een cliënt ` +
          `buiten de eigen caseload of toewijzing (of na een overdracht).`
        );
    }
  }
}
