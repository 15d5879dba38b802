import { randomUUID } from 'node:crypto';

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  type CategoryDecision,
  type ConsentPurpose,
  type DataCategory,
  type DisclosureDecision,
  type DisclosurePackage,
  type DisclosureRequest,
  type DisclosureResult,
  type DisclosureView,
  SHARING_RULES,
} from '@werkpad/shared';
import { type SelectQueryBuilder } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { type AuditGround } from '../../audit/audit-event';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { RequestContext } from '../../common/request-context';
import { type AccessibleClient, ClientAccess } from '../clients/client-access.service';
import { ConsentCheck, todayInAmsterdam } from '../consents/consent-check.service';
import { DossierEntry } from '../dossier/dossier-entry.entity';
import { finalOutcomeOf, latestCapabilityOf } from '../expertise/expertise-records';
import { hidesJobcoachingFile } from '../dossier/dossier.service';
import { Employment } from '../payroll/employment.entity';
import { Trajectory } from '../trajectories/trajectory.entity';
import { consentPurposesFor, decideDisclosure, type ValidConsent } from './disclosure-decision';
import { buildPackage, packageDigest } from './disclosure-package';
import { DisclosureRefusedException } from './disclosure-refused';
import { Disclosure } from './disclosure.entity';
import { disclosureViewQuery, distinct, type DisclosureViewRow, toDisclosureView } from './disclosure-views';
import { type DisclosureRequestDto, type RecordReportReviewDto } from './dto/disclosure.dto';
import { fieldError } from '../../common/field-error';

export const UNREADABLE_MESSAGE =
  'U kunt deze gegevens van de cliënt niet inzien en kunt ze dus ook niet verstrekken.';
export const NO_FINAL_OUTCOME_MESSAGE =
  'Er is nog geen definitieve uitkomst van deze arbeidsdiagnose; alleen een definitieve uitkomst wordt verstrekt (R-MED-03).';

const REGISTER_GROUND: AuditGround = { kind: 'role_policy', reference: 'disclosures.policy (register)' };

/** The ground of a disclosure for the audit row: its legal basis, or else its consent. */
function auditGround(decision: DisclosureDecision): AuditGround | undefined {
  const allowed = decision.categories.filter((category) => category.allowed);
  const legal = distinct(
    allowed.filter((category) => !category.consentId).map((category) => category.ground),
  );
  if (legal.length > 0) return { kind: 'legal_basis', reference: legal.join('; ') };
  const consents = distinct(allowed.map((category) => category.consentId));
  return consents.length > 0 ? { kind: 'consent', reference: consents.join(', ') } : undefined;
}

/** A progress report's part about one trajectory, as it is recorded in the register. */
export interface ReportDisclosure {
  readonly request: DisclosureRequest;
  readonly sentAt: Date;
  readonly data: Readonly<Record<string, unknown>>;
  readonly summary: string;
  readonly reviewStatus: Disclosure['reviewStatus'];
  readonly shownToClientOn: string | null;
}

/**
 * The disclosure register (R-SHARE-01..08): decides a request from the sharing rules, builds the
 * package of what goes out, and records it with its digest in the request's transaction.
 */
@Injectable()
export class DisclosuresService {
  constructor(
    private readonly access: ClientAccess,
    private readonly consents: ConsentCheck,
    private readonly crypto: FieldCrypto,
  ) {}

  /** The decision only (the sharing dialog's preview): nothing is recorded. */
  async decide(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    request: DisclosureRequestDto,
  ): Promise<DisclosureDecision> {
    const access = await this.access.find(ability, clientId);
    const trajectory = await this.requireTrajectory(clientId, request.trajectoryId);
    const decision = await this.decideFor(access, trajectory, actor, request);
    RequestContext.addAuditDetails({
      categories: [],
      ground: REGISTER_GROUND,
      details: { ontvanger: request.recipient.type, voorbeeld: 'ja' },
    });
    return decision;
  }

  async disclose(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    request: DisclosureRequestDto,
  ): Promise<DisclosureResult> {
    const access = await this.access.find(ability, clientId);
    const trajectory = await this.requireTrajectory(clientId, request.trajectoryId);
    const decision = await this.decideFor(access, trajectory, actor, request);
    RequestContext.addAuditDetails({
      categories: [...request.categories],
      details: { ontvanger: request.recipient.type },
    });
    // R-SHARE-01: all requested categories must be allowed, or nothing goes out.
    if (!decision.allowed) throw new DisclosureRefusedException(decision);

    const ground = distinct(decision.categories.map((category) => category.ground)).join('; ');
    const id = randomUUID();
    const disclosedAt = new Date();
    const { pkg, fields } = buildPackage({
      disclosureId: id,
      generatedAt: disclosedAt.toISOString(),
      recipient: request.recipient,
      recipientLabel:
        SHARING_RULES.find((rule) => rule.recipientType === request.recipient.type)?.recipientLabel ??
        request.recipient.type,
      ground,
      categories: request.categories,
      client: access.client,
      trajectoryType: trajectory.type,
      purpose: request.purpose,
      channel: request.channel,
      entries: await this.entriesFor(ability, trajectory, request.categories),
      outcome: request.categories.includes('diagnosis_outcome')
        ? await finalOutcomeOf(this.access.manager(), trajectory.id)
        : null,
      functionalCapability: request.categories.includes('health_functional')
        ? await latestCapabilityOf(this.access.manager(), clientId)
        : null,
      employments: request.categories.includes('payroll')
        ? await this.access
            .manager()
            .getRepository(Employment)
            .find({
              where: { clientId },
              order: { startDate: 'DESC' },
            })
        : [],
      decrypt: (stored) => this.crypto.decrypt(stored),
    });
    await this.insertDisclosure(id, clientId, actor, request, decision, pkg, disclosedAt, {
      fields,
      reviewStatus: request.isReport ? 'not_shown' : null,
      shownToClientOn: null,
    });
    RequestContext.addAuditDetails({ objectId: id, ground: auditGround(decision) });
    return { disclosure: await this.view(clientId, id), package: pkg };
  }

  /**
   * A written progress report as sent (issue 8, R-SHARE-06): decided from the same rules as any
   * disclosure, for one trajectory of the report, and recorded with the digest of what went out.
   * Refused (403 with the reasons) when a rule no longer allows it, e.g. a consent was withdrawn.
   */
  async recordReport(
    access: AccessibleClient,
    actor: AuthenticatedUser,
    report: ReportDisclosure,
  ): Promise<string> {
    const trajectory = await this.requireTrajectory(access.client.id, report.request.trajectoryId);
    const decision = await this.decideFor(access, trajectory, actor, report.request);
    if (!decision.allowed) throw new DisclosureRefusedException(decision);
    const id = randomUUID();
    const pkg: DisclosurePackage = {
      disclosureId: id,
      generatedAt: report.sentAt.toISOString(),
      recipient: report.request.recipient,
      ground: distinct(decision.categories.map((category) => category.ground)).join('; '),
      categories: [...report.request.categories],
      data: report.data,
      summary: report.summary,
    };
    await this.insertDisclosure(id, access.client.id, actor, report.request, decision, pkg, report.sentAt, {
      fields: ['voortgangsrapportage'],
      reviewStatus: report.reviewStatus,
      shownToClientOn: report.shownToClientOn,
    });
    return id;
  }

  /** R-SHARE-06 for a report's disclosures: the client saw it after it was sent. */
  async recordReportReview(disclosureIds: readonly string[], review: RecordReportReviewDto): Promise<void> {
    if (disclosureIds.length === 0) return;
    await this.access
      .manager()
      .createQueryBuilder()
      .update(Disclosure)
      .set({ reviewStatus: review.status, shownToClientOn: review.shownOn })
      .where('id = ANY(:ids) AND review_status = :open', { ids: [...disclosureIds], open: 'not_shown' })
      .execute();
  }

  /** The client's disclosure history, newest first (metadata; the package is fetched apart). */
  async history(ability: AppAbility, clientId: string): Promise<DisclosureView[]> {
    await this.access.find(ability, clientId);
    const { entities, raw } = await this.viewQuery()
      .where('disclosure.clientId = :clientId', { clientId })
      .orderBy('disclosure.disclosedAt', 'DESC')
      .addOrderBy('disclosure.id', 'DESC')
      .getRawAndEntities<DisclosureViewRow>();
    RequestContext.addAuditDetails({ categories: [], ground: REGISTER_GROUND });
    return entities.map((entity, index) => toDisclosureView(entity, raw[index]?.disclosed_by_name ?? null));
  }

  /** The package as it was sent; only for a caller who may read every category in it. */
  async package(ability: AppAbility, clientId: string, disclosureId: string): Promise<DisclosurePackage> {
    const access = await this.access.find(ability, clientId);
    RequestContext.addAuditDetails({ objectId: disclosureId });
    const disclosure = await this.findDisclosure(clientId, disclosureId);
    if (!disclosure.categories.every((category) => access.readable.has(category)))
      throw new NotFoundException('Verstrekking niet gevonden.');
    RequestContext.addAuditDetails({
      categories: disclosure.categories,
      ground: disclosure.consentId
        ? { kind: 'consent', reference: disclosure.consentId }
        : { kind: 'legal_basis', reference: disclosure.legalBasis ?? '' },
    });
    return disclosure.package;
  }

  /** R-SHARE-06: the client saw the written report before or after it was sent. */
  async recordReview(
    ability: AppAbility,
    clientId: string,
    disclosureId: string,
    review: RecordReportReviewDto,
  ): Promise<DisclosureView> {
    await this.access.find(ability, clientId);
    RequestContext.addAuditDetails({ objectId: disclosureId, categories: [], ground: REGISTER_GROUND });
    const disclosure = await this.findDisclosure(clientId, disclosureId);
    if (!disclosure.isReport)
      throw new BadRequestException(
        'Alleen bij een schriftelijk rapport wordt vastgelegd dat de cliënt het zag.',
      );
    if (disclosure.reviewStatus !== 'not_shown')
      throw new ConflictException('Voor dit rapport is al vastgelegd wanneer de cliënt het zag.');
    const sentOn = todayInAmsterdam(disclosure.disclosedAt);
    if (review.status === 'shown_before_sending' && review.shownOn > sentOn)
      throw fieldError('shownOn', `shownOn moet op of vóór de verzenddatum (${sentOn}) liggen`);
    if (review.status === 'shown_after_sending' && review.shownOn < sentOn)
      throw fieldError('shownOn', `shownOn moet op of na de verzenddatum (${sentOn}) liggen`);
    const result = await this.access
      .manager()
      .createQueryBuilder()
      .update(Disclosure)
      .set({ reviewStatus: review.status, shownToClientOn: review.shownOn })
      .where('id = :id AND review_status = :open', { id: disclosureId, open: 'not_shown' })
      .execute();
    if (result.affected !== 1)
      throw new ConflictException('Voor dit rapport is al vastgelegd wanneer de cliënt het zag.');
    return this.view(clientId, disclosureId);
  }

  private async insertDisclosure(
    id: string,
    clientId: string,
    actor: AuthenticatedUser,
    request: DisclosureRequest,
    decision: DisclosureDecision,
    pkg: DisclosurePackage,
    disclosedAt: Date,
    extra: Pick<Disclosure, 'fields' | 'reviewStatus' | 'shownToClientOn'>,
  ): Promise<void> {
    const allowed = decision.categories;
    const legalBasis = distinct(
      allowed.filter((category) => !category.consentId).map((category) => category.ground),
    );
    await this.access
      .manager()
      .getRepository(Disclosure)
      .insert({
        id,
        clientId,
        trajectoryId: request.trajectoryId,
        recipientType: request.recipient.type,
        recipientOrganisation: request.recipient.organisation,
        recipientPerson: request.recipient.person ?? null,
        recipientCountry: request.recipient.country,
        categories: [...request.categories],
        fields: extra.fields,
        channel: request.channel,
        purpose: request.purpose,
        ruleId: distinct(allowed.map((category) => category.ruleId)).join(', '),
        ruleVersion: decision.ruleVersion,
        legalBasis: legalBasis.length > 0 ? legalBasis.join('; ') : null,
        consentId: distinct(allowed.map((category) => category.consentId))[0] ?? null,
        disclosedBy: actor.id,
        disclosedAt,
        digest: packageDigest(pkg),
        // jsonb: TypeORM's partial-entity type cannot express `unknown` values.
        package: pkg as QueryDeepPartialEntity<DisclosurePackage>,
        isReport: request.isReport ?? false,
        reviewStatus: extra.reviewStatus,
        shownToClientOn: extra.shownToClientOn,
      });
  }

  private async decideFor(
    access: AccessibleClient,
    trajectory: Trajectory,
    actor: AuthenticatedUser,
    request: DisclosureRequest,
  ): Promise<DisclosureDecision> {
    const validConsents: Partial<Record<ConsentPurpose, ValidConsent>> = {};
    for (const purpose of consentPurposesFor(request.recipient.type, trajectory.type)) {
      const consent = await this.consents.findValid(access.client.id, purpose, {
        recipient: request.recipient.organisation,
      });
      if (consent) validConsents[purpose] = { id: consent.id, categories: consent.categories };
    }
    const decision = decideDisclosure({
      recipient: request.recipient,
      trajectoryType: trajectory.type,
      categories: request.categories,
      discloserRoles: actor.roles,
      validConsents,
    });
    // R-MED-03: only a finalised outcome leaves the Expertisecentrum; without one there is nothing to send.
    const noFinalOutcome =
      request.categories.includes('diagnosis_outcome') &&
      (await finalOutcomeOf(this.access.manager(), trajectory.id)) === null;
    const refuse = (category: CategoryDecision, reason: string): CategoryDecision => ({
      ...category,
      allowed: false,
      ruleId: null,
      ground: null,
      consentId: null,
      reason,
    });
    // You cannot disclose what you cannot see: a category the caller may not read is refused.
    const categories = decision.categories.map((category): CategoryDecision => {
      if (!category.allowed) return category;
      if (!access.readable.has(category.category)) return refuse(category, UNREADABLE_MESSAGE);
      if (category.category === 'diagnosis_outcome' && noFinalOutcome)
        return refuse(category, NO_FINAL_OUTCOME_MESSAGE);
      return category;
    });
    return {
      ...decision,
      categories,
      allowed: decision.refusals.length === 0 && categories.every((category) => category.allowed),
    };
  }

  /** The trajectory must be this client's; another client's answers 404 like a missing one. */
  private async requireTrajectory(clientId: string, trajectoryId: string): Promise<Trajectory> {
    const trajectory = await this.access
      .manager()
      .getRepository(Trajectory)
      .findOne({ where: { id: trajectoryId, clientId } });
    if (!trajectory) throw new NotFoundException('Traject niet gevonden.');
    return trajectory;
  }

  /**
   * The trajectory's dossier entries of the disclosed categories. Never conversation notes (unless
   * coaching notes themselves were disclosed, which no rule allows), never what the caller cannot see.
   */
  private entriesFor(
    ability: AppAbility,
    trajectory: Trajectory,
    categories: readonly DataCategory[],
  ): Promise<DossierEntry[]> {
    if (trajectory.type === 'jobcoaching' && hidesJobcoachingFile(ability)) return Promise.resolve([]);
    const builder = this.access
      .manager()
      .getRepository(DossierEntry)
      .createQueryBuilder('entry')
      .where('entry.trajectoryId = :trajectoryId', { trajectoryId: trajectory.id })
      .andWhere('entry.category = ANY(:categories)', { categories: [...categories] });
    if (!categories.includes('coaching_notes')) builder.andWhere(`entry.kind <> 'note'`);
    if (!ability.can('read', 'Document')) builder.andWhere(`entry.kind <> 'document'`);
    return builder
      .orderBy('entry.occurredOn', 'ASC')
      .addOrderBy('entry.createdAt', 'ASC')
      .addOrderBy('entry.id', 'ASC')
      .getMany();
  }

  private async findDisclosure(clientId: string, disclosureId: string): Promise<Disclosure> {
    const disclosure = await this.access
      .manager()
      .getRepository(Disclosure)
      .findOne({ where: { id: disclosureId, clientId } });
    if (!disclosure) throw new NotFoundException('Verstrekking niet gevonden.');
    return disclosure;
  }

  private viewQuery(): SelectQueryBuilder<Disclosure> {
    return disclosureViewQuery(this.access.manager());
  }

  private async view(clientId: string, disclosureId: string): Promise<DisclosureView> {
    const { entities, raw } = await this.viewQuery()
      .where('disclosure.id = :disclosureId', { disclosureId })
      .andWhere('disclosure.clientId = :clientId', { clientId })
      .getRawAndEntities<DisclosureViewRow>();
    if (!entities[0]) throw new NotFoundException('Verstrekking niet gevonden.');
    return toDisclosureView(entities[0], raw[0]?.disclosed_by_name ?? null);
  }
}
