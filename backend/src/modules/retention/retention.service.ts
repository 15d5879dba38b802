import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ClientRetention,
  type ErasureAssessment,
  type LegalHoldView,
  type RetentionDate,
  type RetentionOverview,
  type RetentionPolicies,
  type RetentionPolicyView,
  type RetentionState,
  type TrajectoryType,
} from '@werkpad/shared';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../../audit/audit.service';
import { type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { todayIso } from '../trajectories/dto/calendar-date';
import {
  type ChangeRetentionPolicyDto,
  type LiftLegalHoldDto,
  type RetentionOverviewQueryDto,
  type SetLegalHoldDto,
} from './dto/retention.dto';
import { assessErasure } from './erasure-assessment';
import {
  clientDueOn,
  DUE_SOON_DAYS,
  dueSoonHorizon,
  type HoldRow,
  type PolicyRow,
  retentionState,
  type ScheduleRow,
  SELECT_HOLD,
  toHoldView,
  toPolicyView,
} from './retention-rows';

/**
 * Retention as data (R-RET-01..03, R-RET-06): the versioned policy, every dossier's dates computed
 * from it in the database (view retention_schedule), legal holds, and what erasure on request can
 * remove now. Dates are Dutch calendar days.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private manager(): EntityManager {
    return RequestContext.current()?.manager ?? this.dataSource.manager;
  }

  async policies(): Promise<RetentionPolicies> {
    const rows = await this.manager().query<PolicyRow[]>(
      `SELECT p.id, p.trajectory_type, p.part, p.version, p.years, p.legal_ground, p.source, p.effective_from,
              u.display_name AS changed_by_name, p.change_reason
         FROM retention_policy p LEFT JOIN app_user u ON u.id = p.changed_by
        ORDER BY p.trajectory_type, p.part, p.version DESC`,
    );
    const views = rows.map(toPolicyView);
    const current = views.filter(
      (view, index) =>
        index === 0 ||
        views[index - 1].trajectoryType !== view.trajectoryType ||
        views[index - 1].part !== view.part,
    );
    return { current, history: views };
  }

  /**
   * A new version (R-RET-01): every date computed from now on uses it, also of closed trajectories
   * not destroyed yet. The version number is taken under a row lock, so two changes cannot collide.
   */
  async changePolicy(dto: ChangeRetentionPolicyDto, actor: AuthenticatedUser): Promise<RetentionPolicyView> {
    if (dto.part === 'medical' && dto.trajectoryType !== 'arbeidsdiagnose') {
      throw new BadRequestException({
        message: 'Alleen de arbeidsdiagnose heeft een aparte termijn voor medische gegevens.',
        errors: [{ field: 'part', messages: ['part medical kan alleen bij arbeidsdiagnose'] }],
      });
    }
    const manager = this.manager();
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('retention_policy:' || $1 || ':' || $2))`, [
      dto.trajectoryType,
      dto.part,
    ]);
    const [created] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO retention_policy (trajectory_type, part, version, years, legal_ground, source, changed_by, change_reason)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7
         FROM retention_policy WHERE trajectory_type = $1 AND part = $2
       RETURNING id`,
      [dto.trajectoryType, dto.part, dto.years, dto.legalGround, dto.source, actor.id, dto.reason],
    );
    RequestContext.addAuditDetails({
      objectId: created.id,
      details: { trajectType: dto.trajectoryType, deel: dto.part, jaren: String(dto.years) },
    });
    const policies = await this.policies();
    return policies.history.find((view) => view.id === created.id) as RetentionPolicyView;
  }

  /** The schedule rows of one client (its trajectories' parts with their due dates). */
  async schedule(clientId: string, manager: EntityManager = this.manager()): Promise<ScheduleRow[]> {
    return manager.query<ScheduleRow[]>(
      `SELECT s.client_id, s.trajectory_id, s.trajectory_type, s.part, s.start_date::text AS start_date,
              s.closed_on::text AS closed_on, s.due_on::text AS due_on, s.policy_id, s.policy_version, s.years,
              p.legal_ground
         FROM retention_schedule s JOIN retention_policy p ON p.id = s.policy_id
        WHERE s.client_id = $1 ORDER BY s.start_date, s.trajectory_id, s.part`,
      [clientId],
    );
  }

  async holds(clientId: string, today = todayIso()): Promise<LegalHoldView[]> {
    const rows = await this.manager().query<HoldRow[]>(
      `${SELECT_HOLD} WHERE h.client_id = $1 ORDER BY h.set_at DESC`,
      [clientId, today],
    );
    return rows.map(toHoldView);
  }

  /** One client's dates, holds and state; the caller has checked access (ClientAccess). */
  async clientRetention(clientId: string): Promise<ClientRetention> {
    const today = todayIso();
    const [rows, holds] = await Promise.all([this.schedule(clientId), this.holds(clientId, today)]);
    const dates: RetentionDate[] = rows.map((row) => ({
      trajectoryId: row.trajectory_id,
      trajectoryType: row.trajectory_type,
      part: row.part,
      closedOn: row.closed_on,
      dueOn: row.due_on,
      policyVersion: row.policy_version,
      years: row.years,
    }));
    return {
      clientId,
      dates,
      clientDueOn: clientDueOn(dates),
      state: retentionState(
        dates,
        holds.some((hold) => hold.active),
        today,
      ),
      holds,
    };
  }

  /**
   * The overview for the records manager (names) and the FG (pseudonymous references only), by
   * state, computed in one query over the schedule; `dossierRef` is the audit log's reference.
   */
  async overview(query: RetentionOverviewQueryDto, withNames: boolean): Promise<RetentionOverview> {
    const today = todayIso();
    const rows = await this.manager().query<
      Array<{
        client_id: string;
        first_name: string;
        last_name: string;
        types: TrajectoryType[];
        next_due_on: string | null;
        client_due_on: string | null;
        state: Exclude<RetentionState, 'open'>;
        total: number;
      }>
    >(
      `WITH per_client AS (
         SELECT s.client_id, array_agg(DISTINCT s.trajectory_type ORDER BY s.trajectory_type) AS types,
                bool_or(s.due_on IS NULL) AS any_open, bool_or(s.due_on <= $1::date) AS any_due,
                min(s.due_on) FILTER (WHERE s.due_on > $1::date) AS next_due_on, max(s.due_on) AS last_due_on
           FROM retention_schedule s GROUP BY s.client_id
       ), classified AS (
         SELECT p.*, CASE
                  WHEN legal_hold_active(p.client_id, $1::date) THEN 'on_hold'
                  WHEN p.any_due THEN 'due'
                  WHEN p.next_due_on <= $2::date THEN 'due_soon'
                  WHEN p.next_due_on IS NOT NULL THEN 'due_later'
                  ELSE 'open' END AS state
           FROM per_client p
       )
       SELECT c.client_id, cl.first_name, cl.last_name, c.types, c.next_due_on::text AS next_due_on,
              CASE WHEN c.any_open THEN NULL ELSE c.last_due_on::text END AS client_due_on, c.state,
              count(*) OVER ()::int AS total
         FROM classified c JOIN client cl ON cl.id = c.client_id
        WHERE c.state <> 'open' AND ($3::text IS NULL OR c.state = $3)
        ORDER BY coalesce(c.next_due_on, c.last_due_on), c.client_id
        LIMIT $4 OFFSET $5`,
      [today, dueSoonHorizon(today), query.state ?? null, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const counts = await this.stateCounts(today);
    RequestContext.addAuditDetails({
      subjectClientIds: withNames ? rows.map((row) => row.client_id) : [],
      categories: withNames ? ['identity'] : [],
      details: query.state ? { status: query.state } : undefined,
    });
    return {
      counts,
      dueSoonDays: DUE_SOON_DAYS,
      items: rows.map((row) => ({
        clientId: withNames ? row.client_id : null,
        clientName: withNames ? `${row.last_name}, ${row.first_name}` : null,
        dossierRef: this.audit.refFor(row.client_id).slice(0, 16),
        trajectoryTypes: row.types,
        nextDueOn: row.next_due_on,
        clientDueOn: row.client_due_on,
        state: row.state,
      })),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** How many dossiers are in each state (for the tabs and the FG dashboard). */
  async stateCounts(today = todayIso()): Promise<Record<Exclude<RetentionState, 'open'>, number>> {
    const rows = await this.manager().query<Array<{ state: RetentionState; count: number }>>(
      `SELECT CASE WHEN legal_hold_active(client_id, $1::date) THEN 'on_hold'
                   WHEN bool_or(due_on <= $1::date) THEN 'due'
                   WHEN min(due_on) FILTER (WHERE due_on > $1::date) <= $2::date THEN 'due_soon'
                   WHEN bool_or(due_on IS NOT NULL) THEN 'due_later' ELSE 'open' END AS state,
              1 AS count
         FROM retention_schedule GROUP BY client_id`,
      [today, dueSoonHorizon(today)],
    );
    const counts = { due_later: 0, due_soon: 0, due: 0, on_hold: 0 };
    for (const row of rows) if (row.state !== 'open') counts[row.state] += row.count;
    return counts;
  }

  /** R-RET-03: a hold on the client or one of its trajectories; the caller has checked access. */
  async setHold(clientId: string, dto: SetLegalHoldDto, actor: AuthenticatedUser): Promise<LegalHoldView> {
    const today = todayIso();
    if (dto.until !== undefined && dto.until < today) {
      throw new BadRequestException({
        message: 'until mag niet in het verleden liggen.',
        errors: [{ field: 'until', messages: ['until mag niet in het verleden liggen'] }],
      });
    }
    const manager = this.manager();
    if (dto.trajectoryId) {
      const found = await manager.query<unknown[]>(
        'SELECT 1 FROM trajectory WHERE id = $1 AND client_id = $2',
        [dto.trajectoryId, clientId],
      );
      if (found.length === 0) {
        throw new BadRequestException({
          message: 'Dit traject hoort niet bij deze cliënt.',
          errors: [{ field: 'trajectoryId', messages: ['trajectoryId hoort niet bij deze cliënt'] }],
        });
      }
    }
    const [created] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO legal_hold (client_id, trajectory_id, reason, until, set_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [clientId, dto.trajectoryId ?? null, dto.reason, dto.until ?? null, actor.id],
    );
    RequestContext.addAuditDetails({ objectId: created.id });
    return this.hold(created.id, today);
  }

  async hold(id: string, today = todayIso()): Promise<LegalHoldView> {
    const rows = await this.manager().query<HoldRow[]>(`${SELECT_HOLD} WHERE h.id = $1`, [id, today]);
    if (!rows[0]) throw new NotFoundException('Bewaarblokkade niet gevonden.');
    return toHoldView(rows[0]);
  }

  /** The client of a hold (for the access check before lifting it); 404 if there is no such hold. */
  async holdClient(id: string): Promise<string> {
    const rows = await this.manager().query<Array<{ client_id: string }>>(
      'SELECT client_id FROM legal_hold WHERE id = $1',
      [id],
    );
    if (!rows[0]) throw new NotFoundException('Bewaarblokkade niet gevonden.');
    return rows[0].client_id;
  }

  async liftHold(id: string, dto: LiftLegalHoldDto, actor: AuthenticatedUser): Promise<LegalHoldView> {
    const lifted = await this.manager().query<Array<{ id: string }>>(
      `UPDATE legal_hold SET lifted_by = $2, lifted_at = now(), lift_reason = $3
        WHERE id = $1 AND lifted_at IS NULL RETURNING id`,
      [id, actor.id, dto.reason],
    );
    if (lifted.length === 0) throw new BadRequestException('Deze bewaarblokkade is al opgeheven.');
    RequestContext.addAuditDetails({ objectId: id });
    return this.hold(id);
  }

  /** R-RET-06: what erasure on request can remove now and what the law requires to keep. */
  async erasureAssessment(clientId: string): Promise<ErasureAssessment> {
    const today = todayIso();
    const [rows, holds] = await Promise.all([this.schedule(clientId), this.holds(clientId, today)]);
    return assessErasure(clientId, rows, holds, today);
  }
}
