import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type CreateTrajectoryRequest, TRAJECTORY_TYPE_RULES, type TrajectoryView } from '@werkpad/shared';
import { type EntityManager, In } from 'typeorm';

import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { type AccessibleClient, ClientAccess } from '../clients/client-access.service';
import { FieldChangeRecorder } from '../clients/field-change.recorder';
import { User } from '../users/user.entity';
import { todayIso } from './dto/calendar-date';
import { type CloseTrajectoryDto } from './dto/trajectory.dto';
import { Trajectory } from './trajectory.entity';

export const CONFIRM_CLOSE_MESSAGE = 'Bevestig het afsluiten (confirm: true)';

/**
 * Trajectories of a client (RULES.md §2). A trajectory is progress information: whoever may read a
 * client's `progress` sees its trajectories, whoever may change `progress` opens and closes them.
 */
@Injectable()
export class TrajectoriesService {
  constructor(
    private readonly access: ClientAccess,
    private readonly changes: FieldChangeRecorder,
  ) {}

  async list(ability: AppAbility, clientId: string): Promise<TrajectoryView[]> {
    const access = await this.access.find(ability, clientId);
    this.access.requireCategory(access, 'progress', 'read');
    const trajectories = await this.manager()
      .getRepository(Trajectory)
      .createQueryBuilder('trajectory')
      .where('trajectory.clientId = :clientId', { clientId })
      .orderBy('trajectory.startDate', 'DESC')
      .addOrderBy('trajectory.createdAt', 'DESC')
      .getMany();
    RequestContext.addAuditDetails({
      categories: ['progress'],
      ground: { kind: 'role_policy', reference: 'trajectories: cliënt zichtbaar, categorie voortgang' },
    });
    return this.views(trajectories);
  }

  async create(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    request: CreateTrajectoryRequest,
  ): Promise<TrajectoryView> {
    const access = await this.access.find(ability, clientId);
    this.access.requireCategory(access, 'progress', 'update');
    const incomeConsultantId = request.incomeConsultantId ?? access.client.incomeConsultantId ?? null;
    if (request.incomeConsultantId) await this.requireIncomeConsultant(request.incomeConsultantId);
    const legalBasis = TRAJECTORY_TYPE_RULES[request.type].legalBasis;
    const agreement = request.reportingAgreement;
    const inserted = await this.manager()
      .getRepository(Trajectory)
      .insert({
        clientId,
        type: request.type,
        legalBasis,
        status: 'open',
        startDate: request.startDate,
        closedOn: null,
        coachId: access.client.coachId,
        incomeConsultantId,
        reportingRecipient: agreement.recipient,
        reportingCategories: [...agreement.categories],
        reportingForm: agreement.form,
        reportingPurpose: agreement.purpose,
        reportingFrequency: agreement.frequency,
        createdBy: actor.id,
      });
    const id = (inserted.identifiers[0] as { id: string }).id;
    RequestContext.addAuditDetails({
      objectId: id,
      categories: ['progress'],
      ground: { kind: 'legal_basis', reference: legalBasis },
    });
    return this.view(await this.load(access, id));
  }

  /** R-RET-01: closing starts the retention period; the answer shows the destruction date. */
  async close(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    trajectoryId: string,
    request: CloseTrajectoryDto,
  ): Promise<TrajectoryView> {
    const access = await this.access.find(ability, clientId);
    this.access.requireCategory(access, 'progress', 'update');
    if (request.confirm !== true) {
      throw new BadRequestException({
        message: CONFIRM_CLOSE_MESSAGE,
        errors: [{ field: 'confirm', messages: [CONFIRM_CLOSE_MESSAGE] }],
      });
    }
    const trajectory = await this.load(access, trajectoryId);
    this.auditChange(trajectoryId);
    if (trajectory.status === 'closed') throw new ConflictException('Dit traject is al afgesloten.');
    if (request.closedOn < trajectory.startDate) {
      throw this.badClosedOn(`closedOn mag niet voor de startdatum (${trajectory.startDate}) liggen`);
    }
    if (request.closedOn > todayIso()) throw this.badClosedOn('closedOn mag niet in de toekomst liggen');
    await this.manager()
      .getRepository(Trajectory)
      .update({ id: trajectoryId }, { status: 'closed', closedOn: request.closedOn });
    await this.recordStatusChange(actor, trajectory, { status: 'closed', closedOn: request.closedOn });
    return this.view(await this.load(access, trajectoryId));
  }

  /** Reopening stops the retention period again: the destruction date disappears. */
  async reopen(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    trajectoryId: string,
  ): Promise<TrajectoryView> {
    const access = await this.access.find(ability, clientId);
    this.access.requireCategory(access, 'progress', 'update');
    const trajectory = await this.load(access, trajectoryId);
    this.auditChange(trajectoryId);
    if (trajectory.status === 'open') throw new ConflictException('Dit traject is niet afgesloten.');
    await this.manager()
      .getRepository(Trajectory)
      .update({ id: trajectoryId }, { status: 'open', closedOn: null });
    await this.recordStatusChange(actor, trajectory, { status: 'open', closedOn: null });
    return this.view(await this.load(access, trajectoryId));
  }

  private manager(): EntityManager {
    return this.access.manager();
  }

  /** A trajectory of this (visible) client, or 404. */
  private async load(access: AccessibleClient, trajectoryId: string): Promise<Trajectory> {
    const trajectory = await this.manager()
      .getRepository(Trajectory)
      .findOneBy({ id: trajectoryId, clientId: access.client.id });
    if (!trajectory) throw new NotFoundException('Traject niet gevonden.');
    return trajectory;
  }

  private async requireIncomeConsultant(userId: string): Promise<void> {
    const found = await this.manager()
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.id = :userId', { userId })
      .andWhere('user.active')
      .andWhere(`'income_consultant' = ANY(user.roles)`)
      .getExists();
    if (!found) {
      const message = 'incomeConsultantId is geen actieve inkomensconsulent';
      throw new BadRequestException({
        message: `Ongeldige invoer: ${message}`,
        errors: [{ field: 'incomeConsultantId', messages: [message] }],
      });
    }
  }

  private badClosedOn(message: string): BadRequestException {
    return new BadRequestException({
      message: `Ongeldige invoer: ${message}`,
      errors: [{ field: 'closedOn', messages: [message] }],
    });
  }

  private auditChange(trajectoryId: string): void {
    RequestContext.addAuditDetails({
      objectId: trajectoryId,
      categories: ['progress'],
      ground: { kind: 'trajectory', reference: trajectoryId },
    });
  }

  private async recordStatusChange(
    actor: AuthenticatedUser,
    before: Trajectory,
    after: Pick<Trajectory, 'status' | 'closedOn'>,
  ): Promise<void> {
    await this.changes.record(
      this.manager(),
      { clientId: before.clientId, entityType: 'Trajectory', entityId: before.id, changedBy: actor.id },
      [
        { field: 'status', category: 'progress', oldValue: before.status, newValue: after.status },
        { field: 'closedOn', category: 'progress', oldValue: before.closedOn, newValue: after.closedOn },
      ],
    );
  }

  private async view(trajectory: Trajectory): Promise<TrajectoryView> {
    const [view] = await this.views([trajectory]);
    return view;
  }

  private async views(trajectories: readonly Trajectory[]): Promise<TrajectoryView[]> {
    const userIds = [
      ...new Set(
        trajectories.flatMap((trajectory) =>
          [trajectory.coachId, trajectory.incomeConsultantId].filter((id): id is string => id !== null),
        ),
      ),
    ];
    const users =
      userIds.length === 0
        ? []
        : await this.manager()
            .getRepository(User)
            .find({ where: { id: In(userIds) }, select: { id: true, displayName: true } });
    const names = new Map(users.map((user) => [user.id, user.displayName]));
    const nameOf = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? null));
    // R-RET-01: the date from the retention policy in the database (a changed period applies at once).
    const schedule =
      trajectories.length === 0
        ? []
        : await this.manager().query<Array<{ trajectory_id: string; due_on: string | null }>>(
            `SELECT trajectory_id, due_on::text AS due_on FROM retention_schedule
              WHERE part = 'file' AND trajectory_id = ANY ($1::uuid[])`,
            [trajectories.map((trajectory) => trajectory.id)],
          );
    const dueOn = new Map(schedule.map((row) => [row.trajectory_id, row.due_on]));
    return trajectories.map((trajectory) => ({
      id: trajectory.id,
      clientId: trajectory.clientId,
      type: trajectory.type,
      legalBasis: trajectory.legalBasis,
      status: trajectory.status,
      startDate: trajectory.startDate,
      closedOn: trajectory.closedOn,
      destructionDate: dueOn.get(trajectory.id) ?? null,
      coachId: trajectory.coachId,
      coachName: nameOf(trajectory.coachId),
      incomeConsultantId: trajectory.incomeConsultantId,
      incomeConsultantName: nameOf(trajectory.incomeConsultantId),
      reportingAgreement: {
        recipient: trajectory.reportingRecipient,
        categories: trajectory.reportingCategories,
        form: trajectory.reportingForm,
        purpose: trajectory.reportingPurpose,
        frequency: trajectory.reportingFrequency,
      },
      createdAt: trajectory.createdAt.toISOString(),
    }));
  }
}
