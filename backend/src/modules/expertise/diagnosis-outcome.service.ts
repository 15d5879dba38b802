import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type DiagnosisOutcomeView } from '@werkpad/shared';
import { type EntityManager, QueryFailedError } from 'typeorm';

import { asSubject } from '../../authz/ability.factory';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { applyAbilityScope } from '../../authz/sql-scope';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { FieldChangeRecorder } from '../clients/field-change.recorder';
import { todayInAmsterdam } from '../consents/consent-check.service';
import { Trajectory } from '../trajectories/trajectory.entity';
import { DiagnosisOutcome } from './diagnosis-outcome.entity';
import {
  type FinalizeDiagnosisOutcomeDto,
  type OutcomeSentToClientDto,
  type SaveDiagnosisOutcomeDto,
} from './dto/outcome.dto';

const NOT_FOUND = 'Er is (nog) geen uitkomst van dit traject.';
const STALE = 'De uitkomst is intussen door iemand anders gewijzigd; laad haar opnieuw.';
const FINAL = 'De uitkomst is definitief en verandert niet meer.';
const CLOSED = 'Het traject is afgesloten; de uitkomst kan niet meer worden gewijzigd.';

interface OutcomeRow {
  created_by_name: string;
  finalized_by_name: string | null;
}

function toView(outcome: DiagnosisOutcome, names: OutcomeRow): DiagnosisOutcomeView {
  return {
    id: outcome.id,
    trajectoryId: outcome.trajectoryId,
    clientId: outcome.clientId,
    conclusion: outcome.conclusion,
    advice: outcome.advice,
    status: outcome.status,
    version: outcome.version,
    createdByName: names.created_by_name,
    updatedAt: outcome.updatedAt?.toISOString() ?? null,
    finalizedByName: names.finalized_by_name,
    finalizedAt: outcome.finalizedAt?.toISOString() ?? null,
    sentToClientOn: outcome.sentToClientOn,
  };
}

/**
 * The outcome/advice of an arbeidsdiagnose (R-MED-02, R-MED-03). The assigned expertise user writes
 * a draft, finalises it and records that the client received it. Outside the Expertisecentrum
 * (the client's coach and income consultant, category diagnosis_outcome) only a final one exists:
 * a draft answers 404 exactly like no outcome. Draft texts are never copied into the field history,
 * which coach and income consultant can read; only status changes are.
 */
@Injectable()
export class DiagnosisOutcomeService {
  constructor(
    private readonly access: ClientAccess,
    private readonly changes: FieldChangeRecorder,
  ) {}

  /** GET /api/trajectories/:trajectoryId/outcome */
  async get(ability: AppAbility, trajectoryId: string): Promise<DiagnosisOutcomeView> {
    RequestContext.addAuditDetails({ objectId: trajectoryId });
    const trajectory = await this.manager().getRepository(Trajectory).findOneBy({ id: trajectoryId });
    if (!trajectory || trajectory.type !== 'arbeidsdiagnose') throw new NotFoundException(NOT_FOUND);
    const access = await this.access.find(ability, trajectory.clientId);
    this.access.requireCategory(access, 'diagnosis_outcome', 'read');
    const outcome = await this.manager().getRepository(DiagnosisOutcome).findOneBy({ trajectoryId });
    // R-MED-02: before it is final the outcome is the Expertisecentrum's own work in progress.
    if (!outcome || (outcome.status !== 'final' && !this.isAssigned(ability, trajectory)))
      throw new NotFoundException(NOT_FOUND);
    this.audit(outcome.id, trajectoryId);
    return this.view(outcome);
  }

  /** PUT /api/expertise/trajectories/:trajectoryId/outcome: first save or a later edit of the draft. */
  async save(
    ability: AppAbility,
    actor: AuthenticatedUser,
    trajectoryId: string,
    dto: SaveDiagnosisOutcomeDto,
  ): Promise<DiagnosisOutcomeView> {
    const trajectory = await this.ownTrajectory(ability, trajectoryId);
    if (trajectory.status !== 'open') throw new ConflictException(CLOSED);
    const repository = this.manager().getRepository(DiagnosisOutcome);
    const existing = await repository.findOneBy({ trajectoryId });
    if (!existing) {
      if (dto.expectedVersion !== undefined) throw new ConflictException(STALE);
      const id = await this.insertDraft(actor, trajectory, dto);
      this.audit(id, trajectoryId);
      return this.view(await this.load(trajectoryId));
    }
    this.audit(existing.id, trajectoryId);
    if (existing.status === 'final') throw new ConflictException(FINAL);
    if (dto.expectedVersion === undefined)
      throw new ConflictException(
        'Er bestaat al een uitkomst: geef de versie op waarmee de bewerking begon (expectedVersion).',
      );
    if (dto.expectedVersion !== existing.version) throw new ConflictException(STALE);
    const result = await this.manager()
      .createQueryBuilder()
      .update(DiagnosisOutcome)
      .set({
        conclusion: dto.conclusion,
        advice: dto.advice,
        version: () => 'version + 1',
        updatedBy: actor.id,
        updatedAt: () => 'now()',
      })
      .where(`id = :id AND version = :version AND status = 'draft'`, {
        id: existing.id,
        version: dto.expectedVersion,
      })
      .execute();
    if (result.affected !== 1) throw new ConflictException(STALE);
    return this.view(await this.load(trajectoryId));
  }

  /** POST .../outcome/finalize: from now on visible to coach and income consultant, and disclosable. */
  async finalize(
    ability: AppAbility,
    actor: AuthenticatedUser,
    trajectoryId: string,
    dto: FinalizeDiagnosisOutcomeDto,
  ): Promise<DiagnosisOutcomeView> {
    const trajectory = await this.ownTrajectory(ability, trajectoryId);
    const outcome = await this.load(trajectoryId);
    this.audit(outcome.id, trajectoryId);
    if (outcome.status === 'final') throw new ConflictException(FINAL);
    if (trajectory.status !== 'open') throw new ConflictException(CLOSED);
    if (dto.expectedVersion !== outcome.version) throw new ConflictException(STALE);
    const result = await this.manager()
      .createQueryBuilder()
      .update(DiagnosisOutcome)
      .set({
        status: 'final',
        finalizedBy: actor.id,
        finalizedAt: () => 'now()',
        version: () => 'version + 1',
        updatedBy: actor.id,
        updatedAt: () => 'now()',
      })
      .where(`id = :id AND version = :version AND status = 'draft'`, {
        id: outcome.id,
        version: dto.expectedVersion,
      })
      .execute();
    if (result.affected !== 1) throw new ConflictException(STALE);
    // R-HUM-01: who took the decision is on the record; the history shows the step, not the text.
    await this.changes.record(this.manager(), this.changeTarget(actor, outcome), [
      { field: 'status', category: 'diagnosis_outcome', oldValue: 'draft', newValue: 'final' },
    ]);
    return this.view(await this.load(trajectoryId));
  }

  /** POST .../outcome/sent-to-client (R-MED-03): the client receives the outcome too. */
  async sentToClient(
    ability: AppAbility,
    actor: AuthenticatedUser,
    trajectoryId: string,
    dto: OutcomeSentToClientDto,
  ): Promise<DiagnosisOutcomeView> {
    await this.ownTrajectory(ability, trajectoryId);
    const outcome = await this.load(trajectoryId);
    this.audit(outcome.id, trajectoryId);
    if (outcome.status !== 'final' || !outcome.finalizedAt)
      throw new ConflictException('Alleen een definitieve uitkomst gaat naar de cliënt.');
    if (outcome.sentToClientOn !== null)
      throw new ConflictException(
        `Al vastgelegd: de cliënt ontving de uitkomst op ${outcome.sentToClientOn}.`,
      );
    const finalizedOn = todayInAmsterdam(outcome.finalizedAt);
    if (dto.sentOn < finalizedOn) {
      const message = `sentOn mag niet voor de dag van definitief maken (${finalizedOn}) liggen`;
      throw new BadRequestException({
        message: `Ongeldige invoer: ${message}`,
        errors: [{ field: 'sentOn', messages: [message] }],
      });
    }
    const result = await this.manager()
      .createQueryBuilder()
      .update(DiagnosisOutcome)
      .set({ sentToClientOn: dto.sentOn })
      .where(`id = :id AND status = 'final' AND sent_to_client_on IS NULL`, { id: outcome.id })
      .execute();
    if (result.affected !== 1) throw new ConflictException('Dit is al vastgelegd.');
    await this.changes.record(this.manager(), this.changeTarget(actor, outcome), [
      { field: 'sentToClientOn', category: 'diagnosis_outcome', oldValue: null, newValue: dto.sentOn },
    ]);
    return this.view(await this.load(trajectoryId));
  }

  private manager(): EntityManager {
    return this.access.manager();
  }

  /** The caller's own arbeidsdiagnose (ExpertiseTrajectory rule, in SQL), or 404. */
  private async ownTrajectory(ability: AppAbility, trajectoryId: string): Promise<Trajectory> {
    RequestContext.addAuditDetails({ objectId: trajectoryId });
    const query = this.manager().getRepository(Trajectory).createQueryBuilder('trajectory');
    const trajectory = await applyAbilityScope(query, ability, 'read', 'ExpertiseTrajectory')
      .andWhere('"trajectory"."id" = :trajectoryId', { trajectoryId })
      .andWhere(`"trajectory"."type" = 'arbeidsdiagnose'`)
      .getOne();
    if (!trajectory) throw new NotFoundException('Traject niet gevonden.');
    // Through the client's own rules as well: the outcome is the client's category diagnosis_outcome.
    const access = await this.access.find(ability, trajectory.clientId);
    this.access.requireCategory(access, 'diagnosis_outcome', 'read');
    return trajectory;
  }

  private isAssigned(ability: AppAbility, trajectory: Trajectory): boolean {
    return ability.can('read', asSubject('ExpertiseTrajectory', { ...trajectory }));
  }

  private async insertDraft(
    actor: AuthenticatedUser,
    trajectory: Trajectory,
    dto: SaveDiagnosisOutcomeDto,
  ): Promise<string> {
    try {
      const inserted = await this.manager().getRepository(DiagnosisOutcome).insert({
        trajectoryId: trajectory.id,
        clientId: trajectory.clientId,
        conclusion: dto.conclusion,
        advice: dto.advice,
        status: 'draft',
        version: 1,
        createdBy: actor.id,
      });
      return (inserted.identifiers[0] as { id: string }).id;
    } catch (error) {
      // Two first saves at the same time: the second finds the unique trajectory taken.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new ConflictException(STALE);
      throw error;
    }
  }

  private async load(trajectoryId: string): Promise<DiagnosisOutcome> {
    const outcome = await this.manager().getRepository(DiagnosisOutcome).findOneBy({ trajectoryId });
    if (!outcome) throw new NotFoundException(NOT_FOUND);
    return outcome;
  }

  private async view(outcome: DiagnosisOutcome): Promise<DiagnosisOutcomeView> {
    const rows = (await this.manager().query(
      `SELECT c.display_name AS created_by_name, f.display_name AS finalized_by_name
         FROM app_user c LEFT JOIN app_user f ON f.id = $2 WHERE c.id = $1`,
      [outcome.createdBy, outcome.finalizedBy],
    )) as OutcomeRow[];
    return toView(outcome, rows[0] ?? { created_by_name: '', finalized_by_name: null });
  }

  private audit(outcomeId: string, trajectoryId: string): void {
    RequestContext.addAuditDetails({
      objectId: outcomeId,
      categories: ['diagnosis_outcome'],
      ground: { kind: 'trajectory', reference: trajectoryId },
    });
  }

  private changeTarget(actor: AuthenticatedUser, outcome: DiagnosisOutcome) {
    return {
      clientId: outcome.clientId,
      entityType: 'DiagnosisOutcome',
      entityId: outcome.id,
      changedBy: actor.id,
    };
  }
}
