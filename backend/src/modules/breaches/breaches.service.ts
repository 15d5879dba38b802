import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataBreachView, type DataCategory, type Page } from '@werkpad/shared';
import { DataSource, type EntityManager } from 'typeorm';

import { type AuthenticatedUser } from '../../authz/policy.types';
import { type PageQueryDto, toPage } from '../../common/dto/page-query.dto';
import { RequestContext } from '../../common/request-context';
import { type CreateDataBreachDto, type UpdateDataBreachDto } from './dto/breach.dto';
import { fieldError } from '../../common/field-error';

/** R-AUD-05 (AVG art. 33): a breach is reported to the Autoriteit Persoonsgegevens within 72 hours. */
export const REPORT_DEADLINE_HOURS = 72;
const HOUR = 3_600_000;
/** Clocks differ a little; a moment "in the future" by less than this is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

interface BreachRow {
  id: string;
  discovered_at: Date;
  description: string;
  categories: DataCategory[];
  people_affected: number;
  measures: string;
  reported_to_ap_at: Date | null;
  ap_reference: string | null;
  not_reported_reason: string | null;
  subjects_informed_at: Date | null;
  subjects_not_informed_reason: string | null;
  registered_by_name: string;
  registered_at: Date;
}

const SELECT_BREACH = `
  SELECT b.id, b.discovered_at, b.description, b.categories, b.people_affected, b.measures,
         b.reported_to_ap_at, b.ap_reference, b.not_reported_reason, b.subjects_informed_at,
         b.subjects_not_informed_reason, u.display_name AS registered_by_name, b.registered_at
    FROM data_breach b JOIN app_user u ON u.id = b.registered_by`;

/**
 * Still waiting for the decision on the AP (neither reported nor decided not to report) and past
 * the 72 hours: the register's overdue marker. The same condition in SQL is OVERDUE_SQL.
 */
export function isOverdue(
  breach: Pick<DataBreachView, 'discoveredAt' | 'reportedToApAt' | 'notReportedReason'>,
  now: Date,
): boolean {
  return (
    breach.reportedToApAt === null &&
    breach.notReportedReason === null &&
    now.getTime() > new Date(breach.discoveredAt).getTime() + REPORT_DEADLINE_HOURS * HOUR
  );
}

const AP_OPEN_SQL = 'reported_to_ap_at IS NULL AND not_reported_reason IS NULL';
const OVERDUE_SQL = `${AP_OPEN_SQL} AND discovered_at + interval '${REPORT_DEADLINE_HOURS} hours' < $1`;
/** Open: a decision is still missing, on the AP or on informing the people concerned. */
const OPEN_SQL = `(${AP_OPEN_SQL}) OR (subjects_informed_at IS NULL AND subjects_not_informed_reason IS NULL)`;

function toView(row: BreachRow, now: Date): DataBreachView {
  const view = {
    id: row.id,
    discoveredAt: row.discovered_at.toISOString(),
    description: row.description,
    categories: row.categories,
    peopleAffected: row.people_affected,
    measures: row.measures,
    reportDeadline: new Date(row.discovered_at.getTime() + REPORT_DEADLINE_HOURS * HOUR).toISOString(),
    reportedToApAt: row.reported_to_ap_at?.toISOString() ?? null,
    apReference: row.ap_reference,
    notReportedReason: row.not_reported_reason,
    subjectsInformedAt: row.subjects_informed_at?.toISOString() ?? null,
    subjectsNotInformedReason: row.subjects_not_informed_reason,
    registeredByName: row.registered_by_name,
    registeredAt: row.registered_at.toISOString(),
  };
  return { ...view, overdue: isOverdue(view, now) };
}

function dutchDate(date: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short' }).format(date);
}

/** Which follow-up fields a PATCH may set once, with the column they go to. */
const SET_ONCE = {
  reportedToApAt: 'reported_to_ap_at',
  apReference: 'ap_reference',
  notReportedReason: 'not_reported_reason',
  subjectsInformedAt: 'subjects_informed_at',
  subjectsNotInformedReason: 'subjects_not_informed_reason',
} as const;
type SetOnceField = keyof typeof SET_ONCE;

/** Pairs of which at most one can ever be set (the table's CHECKs say the same). */
const EXCLUSIVE: ReadonlyArray<readonly [SetOnceField, SetOnceField]> = [
  ['reportedToApAt', 'notReportedReason'],
  ['subjectsInformedAt', 'subjectsNotInformedReason'],
];

/**
 * The breach register (R-AUD-05). It describes incidents, not clients: no client ids, names or BSNs
 * are stored, so its audit rows name the breach, not a data subject.
 */
@Injectable()
export class BreachesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return RequestContext.current()?.manager ?? this.dataSource.manager;
  }

  async list(query: PageQueryDto, now = new Date()): Promise<Page<DataBreachView>> {
    const text = query.q?.trim();
    const where = text ? `WHERE b.description ILIKE '%' || $1 || '%'` : '';
    const params = text ? [text.replace(/[\\%_]/g, (char) => `\\${char}`)] : [];
    const rows: BreachRow[] = await this.manager().query(
      `${SELECT_BREACH} ${where} ORDER BY b.discovered_at DESC, b.registered_at DESC
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    const total: Array<{ n: number }> = await this.manager().query(
      `SELECT count(*)::int AS n FROM data_breach b ${where}`,
      params,
    );
    return toPage(
      rows.map((row) => toView(row, now)),
      total[0].n,
      query,
    );
  }

  async get(id: string, now = new Date()): Promise<DataBreachView> {
    const rows: BreachRow[] = await this.manager().query(`${SELECT_BREACH} WHERE b.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundException('Datalek niet gevonden.');
    RequestContext.addAuditDetails({ objectId: id });
    return toView(rows[0], now);
  }

  async create(dto: CreateDataBreachDto, actor: AuthenticatedUser): Promise<DataBreachView> {
    const discoveredAt = new Date(dto.discoveredAt);
    if (discoveredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw fieldError('discoveredAt', 'discoveredAt ligt in de toekomst');
    }
    const inserted: Array<{ id: string }> = await this.manager().query(
      `INSERT INTO data_breach (discovered_at, description, categories, people_affected, measures, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [discoveredAt, dto.description, dto.categories, dto.peopleAffected, dto.measures, actor.id],
    );
    return this.get(inserted[0].id);
  }

  /**
   * The follow-up. Each part is set once: a decision in the register is evidence and is not
   * rewritten (409). Measures grow: new text is added under the date, never replacing the old.
   */
  async update(id: string, dto: UpdateDataBreachDto): Promise<DataBreachView> {
    const manager = this.manager();
    const rows: BreachRow[] = await manager.query(`${SELECT_BREACH} WHERE b.id = $1 FOR UPDATE OF b`, [id]);
    const current = rows[0];
    if (!current) throw new NotFoundException('Datalek niet gevonden.');
    RequestContext.addAuditDetails({ objectId: id });
    const stored = toView(current, new Date());

    const sent = (Object.keys(SET_ONCE) as SetOnceField[]).filter((field) => dto[field] !== undefined);
    if (sent.length === 0 && dto.measures === undefined) {
      throw new BadRequestException('Geef minstens één onderdeel van de afhandeling op.');
    }
    for (const [a, b] of EXCLUSIVE) {
      if (dto[a] !== undefined && dto[b] !== undefined) {
        throw fieldError(b, `${a} en ${b} sluiten elkaar uit: geef er één op`);
      }
    }
    for (const field of sent) {
      if (stored[field] !== null) {
        throw new ConflictException(`${field} is al vastgelegd en wordt niet gewijzigd.`);
      }
      const other = EXCLUSIVE.flatMap(([a, b]) => (a === field ? [b] : b === field ? [a] : []))[0];
      if (other && stored[other] !== null) {
        throw new ConflictException(`${other} is al vastgelegd; ${field} kan daarnaast niet.`);
      }
    }
    if (dto.apReference !== undefined && stored.reportedToApAt === null && dto.reportedToApAt === undefined) {
      throw fieldError('apReference', 'apReference hoort bij een melding: geef ook reportedToApAt op');
    }
    for (const field of ['reportedToApAt', 'subjectsInformedAt'] as const) {
      const value = dto[field];
      if (value === undefined) continue;
      const moment = new Date(value);
      if (moment.getTime() < current.discovered_at.getTime()) {
        throw fieldError(field, `${field} ligt vóór het moment van ontdekken`);
      }
      if (moment.getTime() > Date.now() + CLOCK_SKEW_MS) {
        throw fieldError(field, `${field} ligt in de toekomst`);
      }
    }

    const assignments: string[] = [];
    const params: unknown[] = [id];
    for (const field of sent) {
      const value = dto[field] as string;
      params.push(field === 'reportedToApAt' || field === 'subjectsInformedAt' ? new Date(value) : value);
      assignments.push(`${SET_ONCE[field]} = $${params.length}`);
    }
    if (dto.measures !== undefined) {
      params.push(`${current.measures}\n\n[${dutchDate(new Date())}] ${dto.measures}`);
      assignments.push(`measures = $${params.length}`);
    }
    await manager.query(`UPDATE data_breach SET ${assignments.join(', ')} WHERE id = $1`, params);
    RequestContext.addAuditDetails({
      details: { fields: [...sent, ...(dto.measures !== undefined ? ['measures'] : [])].join(',') },
    });
    return this.get(id);
  }

  /** For the FG dashboard: breaches still awaiting a decision, and those past the AP deadline. */
  async counts(now = new Date()): Promise<{ open: number; overdue: number }> {
    const rows: Array<{ open: number; overdue: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ${OPEN_SQL})::int AS open,
              count(*) FILTER (WHERE ${OVERDUE_SQL})::int AS overdue
         FROM data_breach`,
      [now],
    );
    return rows[0];
  }
}
