import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  addCalendarMonths,
  type ConsentView,
  daysLeft,
  type DestructionListStatus,
  type DsrErasureList,
  type DsrLinkedChange,
  type DsrRequestView,
  dsrDueOn,
} from '@werkpad/shared';
import { type SelectQueryBuilder } from 'typeorm';

import { type AuditGround } from '../../audit/audit-event';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { todayInAmsterdam } from '../consents/consent-check.service';
import { ConsentsService } from '../consents/consents.service';
import { fieldError } from '../../common/field-error';
import { DsrExportService } from './dsr-export.service';
import { DsrRequest, livingClientId } from './dsr-request.entity';
import {
  type CompleteDsrRequestDto,
  type CreateDsrRequestDto,
  type ExtendDsrRequestDto,
  type VerifyDsrIdentityDto,
} from './dto/dsr.dto';

/** The ground of every processing step of a request, in its audit event. */
export const DSR_GROUND: AuditGround = {
  kind: 'legal_basis',
  reference: 'AVG art. 12–22 (verzoek van de betrokkene)',
};

interface ViewRow {
  registered_by_name: string | null;
  verified_by_name: string | null;
  completed_by_name: string | null;
}

/**
 * The register of data-subject requests (R-DSR-01..05): registration, identity check without a
 * copy, the legal clock with its one extension, and the outcome (the letters: DsrLetterService).
 */
@Injectable()
export class DsrService {
  constructor(
    private readonly access: ClientAccess,
    private readonly exports: DsrExportService,
    private readonly consentRegistry: ConsentsService,
  ) {}

  async list(status: 'open' | 'completed' | undefined): Promise<DsrRequestView[]> {
    const builder = this.query();
    if (status) builder.where('request.status = :status', { status });
    const { entities, raw } = await builder.getRawAndEntities<ViewRow>();
    RequestContext.addAuditDetails({
      subjectClientIds: [
        ...new Set(entities.flatMap((request) => (request.clientId ? [request.clientId] : []))),
      ],
      categories: [],
      ground: DSR_GROUND,
    });
    const today = todayInAmsterdam();
    const lists = await this.erasureLists(entities.map((request) => request.id));
    // Open first, then by the deadline that applies (the extended one where there is one).
    return entities
      .map((request, index) => toView(request, raw[index], today, lists.get(request.id) ?? null))
      .sort((a, b) =>
        a.status === b.status ? a.dueOn.localeCompare(b.dueOn) : a.status === 'open' ? -1 : 1,
      );
  }

  async get(requestId: string): Promise<DsrRequestView> {
    RequestContext.addAuditDetails({ objectId: requestId, categories: [], ground: DSR_GROUND });
    return this.view(requestId);
  }

  async create(
    ability: AppAbility,
    actor: AuthenticatedUser,
    dto: CreateDsrRequestDto,
  ): Promise<DsrRequestView> {
    await this.access.find(ability, dto.clientId);
    if (dto.type === 'objection' && !dto.processingObjectedTo)
      throw fieldError(
        'processingObjectedTo',
        'processingObjectedTo is verplicht bij bezwaar: tegen welke verwerking?',
      );
    const [{ number }] = await this.access
      .manager()
      .query<Array<{ number: string }>>(`SELECT nextval('dsr_request_number')::text AS number`);
    const reference = `AVG-${dto.receivedOn.slice(0, 4)}-${number.padStart(6, '0')}`;
    const result = await this.access
      .manager()
      .getRepository(DsrRequest)
      .insert({
        reference,
        clientId: dto.clientId,
        type: dto.type,
        channel: dto.channel,
        receivedOn: dto.receivedOn,
        description: dto.description,
        processingObjectedTo: dto.type === 'objection' ? (dto.processingObjectedTo ?? null) : null,
        dueOn: dsrDueOn(dto.receivedOn),
        status: 'open',
        registeredBy: actor.id,
      });
    const id = (result.identifiers[0] as { id: string }).id;
    RequestContext.addAuditDetails({
      objectId: id,
      categories: [],
      ground: DSR_GROUND,
      details: { soort: dto.type, kenmerk: reference },
    });
    return this.view(id);
  }

  /** R-DSR-02: that a document was seen, its type and at most four characters of its number. */
  async verifyIdentity(
    actor: AuthenticatedUser,
    requestId: string,
    dto: VerifyDsrIdentityDto,
  ): Promise<DsrRequestView> {
    const request = await this.lockOpen(requestId);
    if (request.idSeenOn) throw new ConflictException('De identiteit is voor dit verzoek al vastgesteld.');
    if (dto.seenOn < request.receivedOn)
      throw fieldError('seenOn', 'seenOn mag niet vóór de ontvangst van het verzoek liggen');
    await this.update(requestId, {
      idDocumentType: dto.documentType,
      idDocumentNumberEnd: dto.documentNumberEnd ?? null,
      idSeenOn: dto.seenOn,
      idVerifiedBy: actor.id,
    });
    return this.view(requestId);
  }

  /** R-DSR-03: one extension of one or two months, with a reason, before the first deadline passes. */
  async extend(
    actor: AuthenticatedUser,
    requestId: string,
    dto: ExtendDsrRequestDto,
  ): Promise<DsrRequestView> {
    const request = await this.lockOpen(requestId);
    if (request.extendedDueOn)
      throw new ConflictException('Dit verzoek is al verlengd; nog eens verlengen kan niet.');
    const today = todayInAmsterdam();
    if (today > request.dueOn)
      throw new BadRequestException(
        `Uitstel kan alleen vóór de eerste termijn verstrijkt (${request.dueOn}); die is voorbij (R-DSR-03).`,
      );
    await this.update(requestId, {
      extendedDueOn: addCalendarMonths(request.receivedOn, 1 + dto.months),
      extensionReason: dto.reason,
      extendedOn: today,
      extendedBy: actor.id,
    });
    RequestContext.addAuditDetails({ details: { maanden: String(dto.months) } });
    return this.view(requestId);
  }

  /** R-DSR-05: the outcome; a request cannot be answered before the identity is verified (R-DSR-02). */
  async complete(
    actor: AuthenticatedUser,
    requestId: string,
    dto: CompleteDsrRequestDto,
  ): Promise<DsrRequestView> {
    const request = await this.lockOpen(requestId);
    if (!request.idSeenOn)
      throw new BadRequestException('Stel eerst de identiteit van de verzoeker vast (R-DSR-02).');
    if (dto.outcome !== 'granted' && !dto.ground)
      throw fieldError('ground', 'ground is verplicht bij (deels) afwijzen: noem de grond (R-DSR-05)');
    if (request.type === 'objection' && !dto.ground)
      throw fieldError('ground', 'ground is verplicht bij bezwaar: een mens beslist, met redenen (R-HUM-01)');
    await this.update(requestId, {
      status: 'completed',
      outcome: dto.outcome,
      outcomeGround: dto.ground ?? null,
      completedOn: todayInAmsterdam(),
      completedBy: actor.id,
    });
    RequestContext.addAuditDetails({ details: { uitkomst: dto.outcome } });
    return this.view(requestId);
  }

  /**
   * A rectification is carried out through the normal edit paths (their history keeps old and new
   * values); the request shows the corrections made to the client's data since it came in.
   */
  async changes(requestId: string): Promise<DsrLinkedChange[]> {
    const request = await this.find(requestId);
    if (request.type !== 'rectification')
      throw new BadRequestException('Wijzigingen horen bij een verzoek om aanpassing (rectificatie).');
    RequestContext.addAuditDetails({ objectId: requestId, categories: [], ground: DSR_GROUND });
    const rows = await this.access.manager().query<
      Array<{
        field: string;
        category: string;
        old_value: string | null;
        new_value: string | null;
        changed_at: Date;
        name: string | null;
      }>
    >(
      `SELECT f.field, f.category, f.old_value, f.new_value, f.changed_at, u.display_name AS name
         FROM field_change f LEFT JOIN app_user u ON u.id = f.changed_by
        WHERE f.client_id = $1 AND f.changed_at >= ($2::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'
        ORDER BY f.changed_at`,
      [livingClientId(request), request.receivedOn],
    );
    return rows.map((row) => ({
      field: row.field,
      category: row.category,
      oldValue: row.old_value,
      newValue: row.new_value,
      changedAt: row.changed_at.toISOString(),
      changedByName: row.name ?? '',
    }));
  }

  /** The client's consents, for a withdrawal request (R-DSR-01). */
  async consents(ability: AppAbility, requestId: string): Promise<ConsentView[]> {
    const request = await this.withdrawal(requestId, false);
    RequestContext.addAuditDetails({ objectId: requestId, categories: [], ground: DSR_GROUND });
    return this.consentRegistry.listForSubject(ability, livingClientId(request));
  }

  /** R-CONS-02 through the request: the withdrawal takes effect today, the history stays. */
  async withdrawConsent(
    ability: AppAbility,
    actor: AuthenticatedUser,
    requestId: string,
    consentId: string,
  ): Promise<ConsentView> {
    const request = await this.withdrawal(requestId, true);
    const consent = await this.consentRegistry.withdraw(ability, actor, livingClientId(request), consentId, {
      withdrawnOn: todayInAmsterdam(),
      confirm: true,
    });
    RequestContext.addAuditDetails({ details: { verzoek: request.reference } });
    return consent;
  }

  private async withdrawal(requestId: string, verified: boolean): Promise<DsrRequest> {
    const request = await this.find(requestId);
    if (request.type !== 'withdrawal')
      throw new BadRequestException('Toestemmingen worden ingetrokken bij een verzoek om intrekking.');
    if (request.status !== 'open') throw new ConflictException('Op dit verzoek is al beslist.');
    if (verified && !request.idSeenOn)
      throw new BadRequestException('Stel eerst de identiteit van de verzoeker vast (R-DSR-02).');
    return request;
  }

  /** R-DSR-04: the client's complete export (JSON, PDF and documents in one zip). */
  async exportArchive(
    actor: AuthenticatedUser,
    requestId: string,
  ): Promise<{ request: DsrRequest; zip: Buffer }> {
    const request = await this.find(requestId);
    return { request, zip: await this.exports.archive(actor, request) };
  }

  /** The request, locked for update; 409 when it already has an outcome. */
  async lockOpen(requestId: string): Promise<DsrRequest> {
    RequestContext.addAuditDetails({ objectId: requestId, categories: [], ground: DSR_GROUND });
    const request = await this.find(requestId, true);
    if (request.status !== 'open') throw new ConflictException('Op dit verzoek is al beslist.');
    return request;
  }

  /** The request (404 if there is none), its client named as the audit subject. */
  async find(requestId: string, lock = false): Promise<DsrRequest> {
    const builder = this.access
      .manager()
      .getRepository(DsrRequest)
      .createQueryBuilder('request')
      .where('request.id = :requestId', { requestId });
    if (lock) builder.setLock('pessimistic_write');
    const request = await builder.getOne();
    if (!request) throw new NotFoundException('Verzoek niet gevonden.');
    RequestContext.addAuditDetails({ subjectClientIds: request.clientId ? [request.clientId] : [] });
    return request;
  }

  private update(requestId: string, values: Partial<DsrRequest>): Promise<unknown> {
    return this.access
      .manager()
      .createQueryBuilder()
      .update(DsrRequest)
      .set(values)
      .where('id = :requestId', { requestId })
      .execute();
  }

  private query(): SelectQueryBuilder<DsrRequest> {
    return this.access
      .manager()
      .getRepository(DsrRequest)
      .createQueryBuilder('request')
      .leftJoin('app_user', 'registrar', '"registrar"."id" = "request"."registered_by"')
      .leftJoin('app_user', 'verifier', '"verifier"."id" = "request"."id_verified_by"')
      .leftJoin('app_user', 'closer', '"closer"."id" = "request"."completed_by"')
      .addSelect('"registrar"."display_name"', 'registered_by_name')
      .addSelect('"verifier"."display_name"', 'verified_by_name')
      .addSelect('"closer"."display_name"', 'completed_by_name');
  }

  /** The latest destruction list (not cancelled) of each erasure request among `requestIds`. */
  private async erasureLists(requestIds: string[]): Promise<Map<string, DsrErasureList>> {
    const rows = await this.access.manager().query<
      Array<{
        request_id: string;
        id: string;
        reference: string;
        status: DestructionListStatus;
        has_certificate: boolean;
      }>
    >(
      `SELECT DISTINCT ON (dsr_request_id) dsr_request_id AS request_id, id, reference, status,
              certificate_sha256 IS NOT NULL AS has_certificate
         FROM destruction_list WHERE dsr_request_id = ANY ($1::uuid[]) AND status <> 'cancelled'
        ORDER BY dsr_request_id, prepared_at DESC`,
      [requestIds],
    );
    return new Map(
      rows.map((row) => [
        row.request_id,
        { id: row.id, reference: row.reference, status: row.status, hasCertificate: row.has_certificate },
      ]),
    );
  }

  private async view(requestId: string): Promise<DsrRequestView> {
    const { entities, raw } = await this.query()
      .where('request.id = :requestId', { requestId })
      .getRawAndEntities<ViewRow>();
    if (!entities[0]) throw new NotFoundException('Verzoek niet gevonden.');
    const request = entities[0];
    RequestContext.addAuditDetails({ subjectClientIds: request.clientId ? [request.clientId] : [] });
    const lists = await this.erasureLists([request.id]);
    return toView(request, raw[0], todayInAmsterdam(), lists.get(request.id) ?? null);
  }
}

function toView(
  request: DsrRequest,
  row: ViewRow | undefined,
  today: string,
  erasureList: DsrErasureList | null,
): DsrRequestView {
  const dueOn = request.extendedDueOn ?? request.dueOn;
  const left = daysLeft(dueOn, today);
  return {
    id: request.id,
    reference: request.reference,
    clientId: request.clientId,
    dossierRef: request.dossierRef,
    type: request.type,
    channel: request.channel,
    receivedOn: request.receivedOn,
    description: request.description,
    processingObjectedTo: request.processingObjectedTo,
    dueOn,
    extendedDueOn: request.extendedDueOn,
    extensionReason: request.extensionReason,
    daysLeft: left,
    overdue: request.status === 'open' && left < 0,
    identity:
      request.idDocumentType && request.idSeenOn
        ? {
            documentType: request.idDocumentType,
            documentNumberEnd: request.idDocumentNumberEnd,
            seenOn: request.idSeenOn,
            verifiedByName: row?.verified_by_name ?? '',
          }
        : null,
    status: request.status,
    outcome: request.outcome,
    outcomeGround: request.outcomeGround,
    completedOn: request.completedOn,
    completedByName: row?.completed_by_name ?? null,
    registeredByName: row?.registered_by_name ?? '',
    erasureList,
  };
}
