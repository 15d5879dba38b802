import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  type AbsenceEpisodeView,
  type EmploymentView,
  type HoursRecordView,
  type LksApplicationView,
  type LoonwaardeView,
  type EmploymentTrajectory,
  type PayrollFile,
} from '@werkpad/shared';
import { type EntityManager, In } from 'typeorm';

import { type AppAbility } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { type AccessibleClient, ClientAccess } from '../clients/client-access.service';
import { type FieldChange, FieldChangeRecorder, historyValue } from '../clients/field-change.recorder';
import { Trajectory } from '../trajectories/trajectory.entity';
import { AbsenceEpisode } from './absence-episode.entity';
import {
  type CreateAbsenceEpisodeDto,
  type CreateEmploymentDto,
  type CreateHoursRecordDto,
  type CreateLksApplicationDto,
  type CreateLoonwaardeDto,
  type UpdateEmploymentDto,
  type UpdateLksApplicationDto,
} from './dto/payroll.dto';
import { Employment } from './employment.entity';
import { HoursRecord } from './hours-record.entity';
import { LksApplication } from './lks-application.entity';
import { LoonwaardeAssessment } from './loonwaarde-assessment.entity';
import { fieldError } from '../../common/field-error';

/** Payroll processes data as employer under WSW / beschut werk, or for loonkostensubsidie. */
const PAYROLL_GROUND = {
  kind: 'legal_basis',
  reference: 'WSW / Participatiewet; fiscale bewaarplicht',
} as const;

/** The changed fields of `patch` against `current`, in the shape of the change history. */
function changesOf<T extends object>(current: T, patch: Partial<T>, fields: ReadonlyArray<keyof T & string>) {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const next = patch[field];
    if (next === undefined || next === current[field]) continue;
    changes.push({
      field,
      category: 'payroll',
      oldValue: historyValue(current[field]),
      newValue: historyValue(next),
    });
  }
  return changes;
}

/** The fields of `patch` that were sent, to write as they are (unchanged ones included). */
function sentFields<T extends object>(
  patch: Partial<T>,
  fields: ReadonlyArray<keyof T & string>,
): Partial<T> {
  const sent: Partial<T> = {};
  for (const field of fields) if (patch[field] !== undefined) sent[field] = patch[field];
  return sent;
}

/** What of an employment or a loonkostensubsidie application may change after it is recorded. */
const EMPLOYMENT_UPDATE_FIELDS = [
  'jobTitle',
  'endDate',
  'contractHoursPerWeek',
  'grossMonthlySalaryCents',
] as const;
const LKS_UPDATE_FIELDS = ['status', 'amountCents'] as const;

const toEmployment = (e: Employment): EmploymentView => ({
  id: e.id,
  clientId: e.clientId,
  employerName: e.employerName,
  isInlener: e.isInlener,
  jobTitle: e.jobTitle,
  startDate: e.startDate,
  endDate: e.endDate,
  contractHoursPerWeek: e.contractHoursPerWeek,
  grossMonthlySalaryCents: e.grossMonthlySalaryCents,
});
const toHours = (h: HoursRecord): HoursRecordView => ({
  id: h.id,
  employmentId: h.employmentId,
  month: h.month,
  hoursWorked: h.hoursWorked,
});
const toAbsence = (a: AbsenceEpisode): AbsenceEpisodeView => ({
  id: a.id,
  employmentId: a.employmentId,
  firstDay: a.firstDay,
  lastDay: a.lastDay,
});
const toLoonwaarde = (l: LoonwaardeAssessment): LoonwaardeView => ({
  id: l.id,
  clientId: l.clientId,
  assessedOn: l.assessedOn,
  percentage: l.percentage,
  method: l.method,
  assessedBy: l.assessedBy,
});
const toLks = (l: LksApplication): LksApplicationView => ({
  id: l.id,
  clientId: l.clientId,
  appliedOn: l.appliedOn,
  periodStart: l.periodStart,
  periodEnd: l.periodEnd,
  status: l.status,
  amountCents: l.amountCents,
});

/**
 * The payroll file of a client (category `payroll`). Every call first finds the client through
 * ClientAccess (404 outside the caller's SQL scope), then requires the payroll category: only the
 * `payroll` role has it, for clients with a beschut_werk or loonkostensubsidie trajectory.
 */
@Injectable()
export class PayrollService {
  constructor(
    private readonly access: ClientAccess,
    private readonly changes: FieldChangeRecorder,
  ) {}

  async file(ability: AppAbility, clientId: string): Promise<PayrollFile> {
    await this.payrollClient(ability, clientId, 'read');
    const manager = this.access.manager();
    const [trajectories, employments, hours, absences, loonwaarde, lksApplications] = await Promise.all([
      manager.getRepository(Trajectory).find({
        where: { clientId, type: In(['beschut_werk', 'loonkostensubsidie']) },
        order: { startDate: 'ASC' },
      }),
      manager
        .getRepository(Employment)
        .find({ where: { clientId }, order: { startDate: 'ASC', createdAt: 'ASC' } }),
      manager
        .getRepository(HoursRecord)
        .createQueryBuilder('hours')
        .innerJoin(Employment, 'employment', 'employment.id = hours.employment_id')
        .where('employment.client_id = :clientId', { clientId })
        .orderBy('hours.month', 'ASC')
        .addOrderBy('employment.start_date', 'ASC')
        .getMany(),
      manager
        .getRepository(AbsenceEpisode)
        .createQueryBuilder('absence')
        .innerJoin(Employment, 'employment', 'employment.id = absence.employment_id')
        .where('employment.client_id = :clientId', { clientId })
        .orderBy('absence.first_day', 'ASC')
        .addOrderBy('absence.created_at', 'ASC')
        .getMany(),
      manager
        .getRepository(LoonwaardeAssessment)
        .find({ where: { clientId }, order: { assessedOn: 'ASC', createdAt: 'ASC' } }),
      manager
        .getRepository(LksApplication)
        .find({ where: { clientId }, order: { appliedOn: 'ASC', createdAt: 'ASC' } }),
    ]);
    return {
      employmentTrajectories: trajectories.map((trajectory) => ({
        id: trajectory.id,
        type: trajectory.type as EmploymentTrajectory['type'],
        status: trajectory.status,
        startDate: trajectory.startDate,
        closedOn: trajectory.closedOn,
      })),
      employments: employments.map(toEmployment),
      hours: hours.map(toHours),
      absences: absences.map(toAbsence),
      loonwaarde: loonwaarde.map(toLoonwaarde),
      lksApplications: lksApplications.map(toLks),
    };
  }

  async createEmployment(
    ability: AppAbility,
    actorId: string,
    clientId: string,
    dto: CreateEmploymentDto,
  ): Promise<EmploymentView> {
    await this.payrollClient(ability, clientId, 'update');
    const employment = await this.access
      .manager()
      .getRepository(Employment)
      .save({ ...dto, endDate: dto.endDate ?? null, clientId, createdBy: actorId });
    RequestContext.addAuditDetails({ objectId: employment.id });
    return toEmployment(employment);
  }

  async updateEmployment(
    ability: AppAbility,
    actorId: string,
    clientId: string,
    employmentId: string,
    dto: UpdateEmploymentDto,
  ): Promise<EmploymentView> {
    await this.payrollClient(ability, clientId, 'update');
    const manager = this.access.manager();
    const employment = await this.employmentOf(manager, clientId, employmentId);
    if (dto.endDate && dto.endDate < employment.startDate)
      throw fieldError('endDate', `endDate mag niet vóór de startdatum (${employment.startDate}) liggen`);
    const changes = changesOf(employment, dto, EMPLOYMENT_UPDATE_FIELDS);
    if (changes.length > 0) {
      const patch = sentFields<Employment>(dto, EMPLOYMENT_UPDATE_FIELDS);
      await manager.getRepository(Employment).update({ id: employment.id }, patch);
      Object.assign(employment, patch);
      await this.changes.record(
        manager,
        { clientId, entityType: 'Employment', entityId: employment.id, changedBy: actorId },
        changes,
      );
    }
    return toEmployment(employment);
  }

  async addHours(
    ability: AppAbility,
    actorId: string,
    clientId: string,
    employmentId: string,
    dto: CreateHoursRecordDto,
  ): Promise<HoursRecordView> {
    await this.payrollClient(ability, clientId, 'update');
    const manager = this.access.manager();
    const employment = await this.employmentOf(manager, clientId, employmentId);
    const startMonth = `${employment.startDate.slice(0, 7)}-01`;
    if (dto.month < startMonth || (employment.endDate !== null && dto.month > employment.endDate))
      throw fieldError('month', 'month valt buiten de looptijd van het dienstverband');
    // ON CONFLICT DO NOTHING: a second record for the month is refused without aborting the transaction.
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(HoursRecord)
      .values({ employmentId, month: dto.month, hoursWorked: dto.hoursWorked, createdBy: actorId })
      .orIgnore()
      .returning('id')
      .execute();
    const id = (result.raw as Array<{ id: string }>)[0]?.id;
    if (!id)
      throw new ConflictException(
        'Voor deze maand zijn de uren van dit dienstverband al vastgelegd. Pas het bestaande record aan.',
      );
    RequestContext.addAuditDetails({ objectId: id });
    return { id, employmentId, month: dto.month, hoursWorked: dto.hoursWorked };
  }

  async addAbsence(
    ability: AppAbility,
    actorId: string,
    clientId: string,
    employmentId: string,
    dto: CreateAbsenceEpisodeDto,
  ): Promise<AbsenceEpisodeView> {
    await this.payrollClient(ability, clientId, 'update');
    const manager = this.access.manager();
    const employment = await this.employmentOf(manager, clientId, employmentId);
    if (
      dto.firstDay < employment.startDate ||
      (employment.endDate !== null && dto.firstDay > employment.endDate)
    )
      throw fieldError('firstDay', 'firstDay valt buiten de looptijd van het dienstverband');
    // R-MED-01: only the dates are stored; the DTO admits no reason.
    const absence = await manager
      .getRepository(AbsenceEpisode)
      .save({ employmentId, firstDay: dto.firstDay, lastDay: dto.lastDay ?? null, createdBy: actorId });
    RequestContext.addAuditDetails({ objectId: absence.id });
    return toAbsence(absence);
  }

  async addLoonwaarde(
    ability: AppAbility,
    actorId: string,
    clientId: string,
    dto: CreateLoonwaardeDto,
  ): Promise<LoonwaardeView> {
    await this.payrollClient(ability, clientId, 'update');
    // R-HUM-01: assessedBy (a person) is required by the DTO and by a CHECK in the schema.
    const assessment = await this.access
      .manager()
      .getRepository(LoonwaardeAssessment)
      .save({ ...dto, clientId, createdBy: actorId });
    RequestContext.addAuditDetails({ objectId: assessment.id });
    return toLoonwaarde(assessment);
  }

  async addLksApplication(
    ability: AppAbility,
    actorId: string,
    clientId: string,
    dto: CreateLksApplicationDto,
  ): Promise<LksApplicationView> {
    await this.payrollClient(ability, clientId, 'update');
    const application = await this.access
      .manager()
      .getRepository(LksApplication)
      .save({
        ...dto,
        periodEnd: dto.periodEnd ?? null,
        amountCents: dto.amountCents ?? null,
        clientId,
        createdBy: actorId,
      });
    RequestContext.addAuditDetails({ objectId: application.id });
    return toLks(application);
  }

  async updateLksApplication(
    ability: AppAbility,
    actorId: string,
    clientId: string,
    applicationId: string,
    dto: UpdateLksApplicationDto,
  ): Promise<LksApplicationView> {
    await this.payrollClient(ability, clientId, 'update');
    const manager = this.access.manager();
    const repository = manager.getRepository(LksApplication);
    const application = await repository.findOne({ where: { id: applicationId, clientId } });
    if (!application) throw new NotFoundException('Aanvraag loonkostensubsidie niet gevonden.');
    RequestContext.addAuditDetails({ objectId: application.id });
    const changes = changesOf(application, dto, LKS_UPDATE_FIELDS);
    if (changes.length > 0) {
      const patch = sentFields<LksApplication>(dto, LKS_UPDATE_FIELDS);
      await repository.update({ id: application.id }, patch);
      Object.assign(application, patch);
      await this.changes.record(
        manager,
        { clientId, entityType: 'LksApplication', entityId: application.id, changedBy: actorId },
        changes,
      );
    }
    return toLks(application);
  }

  /** The client through the caller's SQL scope (404 outside it), then the payroll category. */
  private async payrollClient(
    ability: AppAbility,
    clientId: string,
    action: 'read' | 'update',
  ): Promise<AccessibleClient> {
    const access = await this.access.find(ability, clientId);
    this.access.requireCategory(access, 'payroll', action);
    RequestContext.addAuditDetails({ categories: ['payroll'], ground: PAYROLL_GROUND });
    return access;
  }

  /** An employment of this client; another client's employment answers 404 like a missing one. */
  private async employmentOf(
    manager: EntityManager,
    clientId: string,
    employmentId: string,
  ): Promise<Employment> {
    const employment = await manager
      .getRepository(Employment)
      .findOne({ where: { id: employmentId, clientId } });
    if (!employment) throw new NotFoundException('Dienstverband niet gevonden.');
    RequestContext.addAuditDetails({ objectId: employment.id });
    return employment;
  }
}
