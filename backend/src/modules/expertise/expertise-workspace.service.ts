import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  EXPERTISE_CONSENT_PURPOSES,
  type ExpertiseAssignmentRow,
  type ExpertiseConsentStatus,
  type ExpertiseTrajectoryDetail,
  type ExpertiseTrajectorySummary,
  type OutcomeStatus,
} from '@werkpad/shared';
import { type SelectQueryBuilder } from 'typeorm';

import { type AuditGround } from '../../audit/audit-event';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { applyAbilityScope } from '../../authz/sql-scope';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { FieldChangeRecorder } from '../clients/field-change.recorder';
import { ConsentCheck } from '../consents/consent-check.service';
import { Trajectory } from '../trajectories/trajectory.entity';
import { type ExpertiseAssignmentDto, type ExpertiseTrajectoryQueryDto } from './dto/expertise.dto';

const WORKSPACE_GROUND: AuditGround = {
  kind: 'role_policy',
  reference: 'expertise.policy: eigen arbeidsdiagnoses',
};
const ASSIGNMENT_GROUND: AuditGround = {
  kind: 'role_policy',
  reference: 'expertise.policy: toewijzing door functioneel beheer',
};

interface WorkspaceRow {
  trajectoryId: string;
  clientId: string;
  clientName: string;
  status: 'open' | 'closed';
  startDate: string;
  closedOn: string | null;
  coachName: string | null;
  outcomeStatus: OutcomeStatus | null;
  legalBasis: string;
  clientDateOfBirth: string;
  dossierDueOn: string | null;
  medicalDueOn: string | null;
}

interface AssignmentRow {
  trajectoryId: string;
  clientId: string;
  clientName: string;
  startDate: string;
  expertiseUserId: string | null;
  expertiseUserName: string | null;
}

/** A 400 in the validation pipe's shape, for a check that needs the database. */
function badInput(field: string, message: string) {
  return {
    message: `Ongeldige invoer: ${message}`,
    errors: [{ field, messages: [message] }],
  };
}

function summary(row: WorkspaceRow): ExpertiseTrajectorySummary {
  return {
    trajectoryId: row.trajectoryId,
    clientId: row.clientId,
    clientName: row.clientName,
    status: row.status,
    startDate: row.startDate,
    closedOn: row.closedOn,
    coachName: row.coachName,
    outcomeStatus: row.outcomeStatus,
    // R-RET-01: the dossier 2 years after closure, medical records 15 years (retention_policy).
    dossierDestructionDate: row.dossierDueOn,
    medicalDestructionDate: row.medicalDueOn,
  };
}

/**
 * The Expertisecentrum's workspace: its own arbeidsdiagnose trajectories (SQL-scoped by the
 * ExpertiseTrajectory rule), and the functional administrator's assignment of them.
 */
@Injectable()
export class ExpertiseWorkspaceService {
  constructor(
    private readonly access: ClientAccess,
    private readonly consents: ConsentCheck,
    private readonly changes: FieldChangeRecorder,
  ) {}

  async list(ability: AppAbility, query: ExpertiseTrajectoryQueryDto): Promise<ExpertiseTrajectorySummary[]> {
    const builder = this.workspaceQuery(ability);
    if (query.status) builder.andWhere('"trajectory"."status" = :status', { status: query.status });
    const rows = await builder
      .orderBy(`CASE WHEN "trajectory"."status" = 'open' THEN 0 ELSE 1 END`)
      .addOrderBy('"trajectory"."start_date"', 'DESC')
      .addOrderBy('"trajectory"."id"')
      .getRawMany<WorkspaceRow>();
    RequestContext.addAuditDetails({
      subjectClientIds: [...new Set(rows.map((row) => row.clientId))],
      categories: rows.length > 0 ? ['identity', 'diagnosis_outcome'] : [],
      ground: WORKSPACE_GROUND,
      details: query.status ? { status: query.status } : undefined,
    });
    return rows.map(summary);
  }

  async detail(ability: AppAbility, trajectoryId: string): Promise<ExpertiseTrajectoryDetail> {
    RequestContext.addAuditDetails({ objectId: trajectoryId });
    const row = await this.workspaceQuery(ability)
      .andWhere('"trajectory"."id" = :trajectoryId', { trajectoryId })
      .getRawOne<WorkspaceRow>();
    if (!row) throw new NotFoundException('Traject niet gevonden.');
    // The client through the one way in, so the client rules hold here too (and the audit names it).
    const access = await this.access.find(ability, row.clientId);
    this.access.requireCategory(access, 'identity', 'read');
    const consents: ExpertiseConsentStatus[] = [];
    for (const purpose of EXPERTISE_CONSENT_PURPOSES) {
      const consent = await this.consents.findValid(row.clientId, purpose);
      consents.push({
        purpose,
        valid: consent !== null,
        consentId: consent?.id ?? null,
        givenOn: consent?.givenOn ?? null,
        recipient: consent?.recipient ?? null,
      });
    }
    RequestContext.addAuditDetails({
      categories: ['identity', 'diagnosis_outcome'],
      ground: { kind: 'trajectory', reference: trajectoryId },
    });
    return {
      ...summary(row),
      legalBasis: row.legalBasis,
      clientDateOfBirth: row.clientDateOfBirth,
      consents,
    };
  }

  /** Open arbeidsdiagnoses and who works on them: names only (the administrator has no file content). */
  async assignments(): Promise<ExpertiseAssignmentRow[]> {
    const rows = await this.assignmentQuery()
      .where(`"trajectory"."type" = 'arbeidsdiagnose'`)
      .andWhere(`"trajectory"."status" = 'open'`)
      .orderBy('"client"."last_name" COLLATE werkpad_nl')
      .addOrderBy('"client"."first_name" COLLATE werkpad_nl')
      .addOrderBy('"trajectory"."start_date"')
      .addOrderBy('"trajectory"."id"')
      .getRawMany<AssignmentRow>();
    RequestContext.addAuditDetails({
      subjectClientIds: [...new Set(rows.map((row) => row.clientId))],
      categories: rows.length > 0 ? ['identity'] : [],
      ground: ASSIGNMENT_GROUND,
    });
    return rows;
  }

  /**
   * Assigns (or with null unassigns) the expertise user of an open arbeidsdiagnose. From then on the
   * database lets that user, and only that user, at its medical records (RLS on schema medical).
   */
  async assign(
    actor: AuthenticatedUser,
    trajectoryId: string,
    dto: ExpertiseAssignmentDto,
  ): Promise<ExpertiseAssignmentRow> {
    const manager = this.access.manager();
    const trajectory = await manager.getRepository(Trajectory).findOneBy({ id: trajectoryId });
    RequestContext.addAuditDetails({ objectId: trajectoryId, ground: ASSIGNMENT_GROUND });
    if (!trajectory) throw new NotFoundException('Traject niet gevonden.');
    RequestContext.addAuditDetails({ subjectClientIds: [trajectory.clientId], categories: ['identity'] });
    if (trajectory.type !== 'arbeidsdiagnose')
      throw new ConflictException(
        'Alleen aan een arbeidsdiagnose wordt een medewerker van het Expertisecentrum toegewezen.',
      );
    if (trajectory.status !== 'open')
      throw new ConflictException('Dit traject is afgesloten; de toewijzing verandert niet meer.');
    const next = dto.expertiseUserId;
    const nextName = next === null ? null : await this.expertiseUserName(next);
    if (next !== null && nextName === null)
      throw new BadRequestException(
        badInput('expertiseUserId', 'expertiseUserId is geen actieve medewerker van het Expertisecentrum'),
      );
    if (next !== trajectory.expertiseUserId) {
      await manager.getRepository(Trajectory).update({ id: trajectoryId }, { expertiseUserId: next });
      const previousName =
        trajectory.expertiseUserId === null ? null : await this.userName(trajectory.expertiseUserId);
      // Who works on the trajectory, by name: no content of the research (category progress, as a
      // caseload assignment).
      await this.changes.record(
        manager,
        {
          clientId: trajectory.clientId,
          entityType: 'Trajectory',
          entityId: trajectoryId,
          changedBy: actor.id,
        },
        [{ field: 'expertiseUserId', category: 'progress', oldValue: previousName, newValue: nextName }],
      );
      RequestContext.addAuditDetails({ categories: ['identity', 'progress'] });
    }
    const row = await this.assignmentQuery()
      .where('"trajectory"."id" = :trajectoryId', { trajectoryId })
      .getRawOne<AssignmentRow>();
    if (!row) throw new NotFoundException('Traject niet gevonden.');
    return row;
  }

  /** The caller's own arbeidsdiagnose trajectories with the client's name and the outcome status. */
  private workspaceQuery(ability: AppAbility): SelectQueryBuilder<Trajectory> {
    const query = this.access.manager().getRepository(Trajectory).createQueryBuilder('trajectory');
    return (
      applyAbilityScope(query, ability, 'read', 'ExpertiseTrajectory')
        .andWhere(`"trajectory"."type" = 'arbeidsdiagnose'`)
        .innerJoin('client', 'client', '"client"."id" = "trajectory"."client_id"')
        .leftJoin('app_user', 'coach', '"coach"."id" = "client"."coach_id"')
        .leftJoin('diagnosis_outcome', 'outcome', '"outcome"."trajectory_id" = "trajectory"."id"')
        .select('"trajectory"."id"', 'trajectoryId')
        .addSelect('"trajectory"."client_id"', 'clientId')
        .addSelect(`"client"."first_name" || ' ' || "client"."last_name"`, 'clientName')
        .addSelect('"trajectory"."status"', 'status')
        .addSelect('"trajectory"."start_date"::text', 'startDate')
        .addSelect('"trajectory"."closed_on"::text', 'closedOn')
        .addSelect('"coach"."display_name"', 'coachName')
        .addSelect('"outcome"."status"', 'outcomeStatus')
        .addSelect('"trajectory"."legal_basis"', 'legalBasis')
        .addSelect('"client"."date_of_birth"::text', 'clientDateOfBirth')
        // R-RET-01: both dates from the retention policy in the database.
        .addSelect(
          `(SELECT s.due_on::text FROM retention_schedule s WHERE s.trajectory_id = "trajectory"."id" AND s.part = 'file')`,
          'dossierDueOn',
        )
        .addSelect(
          `(SELECT s.due_on::text FROM retention_schedule s WHERE s.trajectory_id = "trajectory"."id" AND s.part = 'medical')`,
          'medicalDueOn',
        )
    );
  }

  private assignmentQuery(): SelectQueryBuilder<Trajectory> {
    return this.access
      .manager()
      .getRepository(Trajectory)
      .createQueryBuilder('trajectory')
      .innerJoin('client', 'client', '"client"."id" = "trajectory"."client_id"')
      .leftJoin('app_user', 'expert', '"expert"."id" = "trajectory"."expertise_user_id"')
      .select('"trajectory"."id"', 'trajectoryId')
      .addSelect('"trajectory"."client_id"', 'clientId')
      .addSelect(`"client"."first_name" || ' ' || "client"."last_name"`, 'clientName')
      .addSelect('"trajectory"."start_date"::text', 'startDate')
      .addSelect('"trajectory"."expertise_user_id"', 'expertiseUserId')
      .addSelect('"expert"."display_name"', 'expertiseUserName');
  }

  private async expertiseUserName(userId: string): Promise<string | null> {
    const rows = (await this.access
      .manager()
      .query(`SELECT display_name FROM app_user WHERE id = $1 AND active AND 'expertise' = ANY(roles)`, [
        userId,
      ])) as Array<{ display_name: string }>;
    return rows[0]?.display_name ?? null;
  }

  private async userName(userId: string): Promise<string | null> {
    const rows = (await this.access
      .manager()
      .query('SELECT display_name FROM app_user WHERE id = $1', [userId])) as Array<{ display_name: string }>;
    return rows[0]?.display_name ?? null;
  }
}
