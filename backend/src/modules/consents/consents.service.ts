import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  CONSENT_PURPOSE_RULES,
  CONSENT_PURPOSES,
  type ConsentRegisterEntry,
  type ConsentView,
  DATA_CATEGORIES,
  type DataCategory,
  type Page,
} from '@werkpad/shared';

import { type AuditGround } from '../../audit/audit-event';
import { asSubject } from '../../authz/ability.factory';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { StoredDocument } from '../dossier/document.entity';
import { Consent } from './consent.entity';
import { consentValidOnSql, isConsentValidOn, todayInAmsterdam } from './consent-check.service';
import {
  type ConsentRegisterQueryDto,
  type CreateConsentDto,
  type WithdrawConsentDto,
} from './dto/consent.dto';
import { fieldError } from '../../common/field-error';

export const WRITTEN_REQUIRED = 'Voor dit doel is schriftelijke toestemming nodig';

/** The ground of working with the registry itself: the client is in the caller's scope. */
const REGISTRY_GROUND: AuditGround = { kind: 'role_policy', reference: 'consents.policy: cliënt zichtbaar' };

interface ConsentRow {
  id: string;
  client_id: string;
  purpose: ConsentView['purpose'];
  recipient: string | null;
  categories: DataCategory[];
  given_on: string;
  form: ConsentView['form'];
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
  evidence_document_id: string | null;
  evidence_reference: string | null;
  valid_until: string | null;
  withdrawn_on: string | null;
  withdrawn_recorded_by: string | null;
  withdrawn_by_name: string | null;
}

/** Dates as text so that they stay calendar days (no time zone shift through a JS Date). */
const VIEW_SELECT = `
  SELECT c.id, c.client_id, c.purpose, c.recipient, c.categories, c.given_on::text AS given_on, c.form,
         c.recorded_by, r.display_name AS recorded_by_name, c.recorded_at, c.evidence_document_id,
         c.evidence_reference, c.valid_until::text AS valid_until, c.withdrawn_on::text AS withdrawn_on,
         c.withdrawn_recorded_by, w.display_name AS withdrawn_by_name
    FROM consent c
    JOIN app_user r ON r.id = c.recorded_by
    LEFT JOIN app_user w ON w.id = c.withdrawn_recorded_by`;

function sortedCategories(categories: readonly DataCategory[]): DataCategory[] {
  return DATA_CATEGORIES.filter((category) => categories.includes(category));
}

function toView(row: ConsentRow, today: string): ConsentView {
  const givenOn = row.given_on;
  const validUntil = row.valid_until;
  const withdrawnOn = row.withdrawn_on;
  return {
    id: row.id,
    clientId: row.client_id,
    purpose: row.purpose,
    recipient: row.recipient,
    categories: row.categories,
    givenOn,
    form: row.form,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at.toISOString(),
    evidenceDocumentId: row.evidence_document_id,
    evidenceReference: row.evidence_reference,
    validUntil,
    withdrawnOn,
    withdrawnRecordedBy: row.withdrawn_recorded_by,
    withdrawnRecordedByName: row.withdrawn_by_name,
    valid: isConsentValidOn({ givenOn, validUntil, withdrawnOn }, today),
  };
}

/**
 * The consent registry (R-CONS-01, R-CONS-02): the only place a consent is recorded, so consent is
 * never a checkbox on another record. Rows are append-only apart from the withdrawal (column grants).
 */
@Injectable()
export class ConsentsService {
  constructor(private readonly access: ClientAccess) {}

  /** The client's consents, withdrawn ones included, newest first. */
  async list(ability: AppAbility, clientId: string): Promise<ConsentView[]> {
    await this.access.find(ability, clientId);
    // Only the purposes the caller's rules cover (all for a coach; the Expertisecentrum's own).
    const purposes = CONSENT_PURPOSES.filter((purpose) =>
      ability.can('read', asSubject('Consent', { clientId, purpose })),
    );
    const rows = (await this.access.manager().query(
      `${VIEW_SELECT} WHERE c.client_id = $1 AND c.purpose = ANY($2::text[])
          ORDER BY c.given_on DESC, c.recorded_at DESC, c.id DESC`,
      [clientId, purposes],
    )) as ConsentRow[];
    RequestContext.addAuditDetails({ categories: [], ground: REGISTRY_GROUND });
    const today = todayInAmsterdam();
    return rows.map((row) => toView(row, today));
  }

  /**
   * Every consent of the client, whatever its purpose: for a withdrawal requested by the client
   * (R-DSR-01, R-CONS-02), handled by the privacy desk under its own policy.
   */
  async listForSubject(ability: AppAbility, clientId: string): Promise<ConsentView[]> {
    await this.access.find(ability, clientId);
    const rows = (await this.access
      .manager()
      .query(
        `${VIEW_SELECT} WHERE c.client_id = $1 ORDER BY c.given_on DESC, c.recorded_at DESC, c.id DESC`,
        [clientId],
      )) as ConsentRow[];
    const today = todayInAmsterdam();
    return rows.map((row) => toView(row, today));
  }

  async create(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    dto: CreateConsentDto,
  ): Promise<ConsentView> {
    await this.access.find(ability, clientId);
    if (!ability.can('create', asSubject('Consent', { clientId, purpose: dto.purpose })))
      throw new ForbiddenException('U mag geen toestemming voor dit doel vastleggen.');
    const rule = CONSENT_PURPOSE_RULES[dto.purpose];
    if (rule.writtenRequired && dto.form !== 'written') throw fieldError('form', WRITTEN_REQUIRED);
    if (rule.recipientRequired && !dto.recipient)
      throw fieldError('recipient', 'recipient is verplicht: de toestemming noemt bij dit doel de ontvanger');
    if (!dto.evidenceDocumentId && !dto.evidenceReference)
      throw fieldError(
        'evidenceReference',
        'evidenceReference is verplicht als er geen evidenceDocumentId is: leg het bewijs van de toestemming vast',
      );
    if (dto.validUntil && dto.validUntil < dto.givenOn)
      throw fieldError('validUntil', 'validUntil mag niet voor givenOn liggen');
    if (dto.evidenceDocumentId) await this.requireClientDocument(clientId, dto.evidenceDocumentId);

    const categories = sortedCategories(dto.categories ?? []);
    const inserted = await this.access
      .manager()
      .getRepository(Consent)
      .insert({
        clientId,
        purpose: dto.purpose,
        recipient: dto.recipient ?? null,
        categories,
        givenOn: dto.givenOn,
        form: dto.form,
        recordedBy: actor.id,
        evidenceDocumentId: dto.evidenceDocumentId ?? null,
        evidenceReference: dto.evidenceReference ?? null,
        validUntil: dto.validUntil ?? null,
      });
    const id = (inserted.identifiers[0] as { id: string }).id;
    RequestContext.addAuditDetails({
      objectId: id,
      categories,
      ground: { kind: 'consent', reference: id },
      details: { doel: dto.purpose },
    });
    return this.view(id);
  }

  /** R-CONS-02: from the withdrawal day on the consent no longer counts; the record stays. */
  async withdraw(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    consentId: string,
    dto: WithdrawConsentDto,
  ): Promise<ConsentView> {
    await this.access.find(ability, clientId);
    const manager = this.access.manager();
    const consent = await manager.getRepository(Consent).findOneBy({ id: consentId, clientId });
    if (!consent) throw new NotFoundException('Toestemming niet gevonden.');
    RequestContext.addAuditDetails({
      objectId: consentId,
      categories: consent.categories,
      ground: { kind: 'consent', reference: consentId },
      details: { doel: consent.purpose },
    });
    if (consent.withdrawnOn !== null)
      throw new ConflictException(`Deze toestemming is al ingetrokken op ${consent.withdrawnOn}.`);
    if (dto.withdrawnOn < consent.givenOn)
      throw fieldError(
        'withdrawnOn',
        'withdrawnOn mag niet voor de datum van de toestemming (givenOn) liggen',
      );
    // Only the withdrawal columns may be updated (column grants); `withdrawn_on IS NULL` also
    // makes a second, concurrent withdrawal change nothing.
    const result = await manager
      .createQueryBuilder()
      .update(Consent)
      .set({
        withdrawnOn: dto.withdrawnOn,
        withdrawnRecordedBy: actor.id,
        withdrawnRecordedAt: () => 'now()',
      })
      .where('id = :id AND withdrawn_on IS NULL', { id: consentId })
      .execute();
    if (result.affected !== 1) throw new ConflictException('Deze toestemming is al ingetrokken.');
    return this.view(consentId);
  }

  /**
   * The FG's register across clients (R-AUD-02): metadata only, never a client's name or dossier
   * content. Not through ClientAccess: the FG has no client scope, and needs none for metadata.
   */
  async register(query: ConsentRegisterQueryDto): Promise<Page<ConsentRegisterEntry>> {
    const params: unknown[] = [query.clientId ?? null, query.purpose ?? null, query.validOn ?? null];
    const where = `WHERE ($1::uuid IS NULL OR c.client_id = $1::uuid)
                     AND ($2::text IS NULL OR c.purpose = $2::text)
                     AND ($3::date IS NULL OR ${consentValidOnSql('c', '$3::date')})`;
    const manager = this.access.manager();
    const [count] = (await manager.query(
      `SELECT count(*)::int AS total FROM consent c ${where}`,
      params,
    )) as Array<{
      total: number;
    }>;
    const rows = (await manager.query(
      `SELECT c.id, c.client_id, c.purpose, c.form, c.given_on::text AS given_on,
              c.valid_until::text AS valid_until, c.withdrawn_on::text AS withdrawn_on,
              r.display_name AS recorded_by_name, c.recorded_at,
              (c.evidence_document_id IS NOT NULL OR length(btrim(coalesce(c.evidence_reference, ''))) > 0)
                AS evidence_present
         FROM consent c
         JOIN app_user r ON r.id = c.recorded_by
        ${where}
        ORDER BY c.recorded_at DESC, c.id DESC
        LIMIT $4 OFFSET $5`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    )) as Array<
      Pick<
        ConsentRow,
        'id' | 'client_id' | 'purpose' | 'form' | 'given_on' | 'valid_until' | 'withdrawn_on'
      > & {
        recorded_by_name: string;
        recorded_at: Date;
        evidence_present: boolean;
      }
    >;
    RequestContext.addAuditDetails({
      subjectClientIds: [...new Set(rows.map((row) => row.client_id))],
      categories: [],
      ground: { kind: 'role_policy', reference: 'consents.policy: register voor de FG (alleen metadata)' },
      details: {
        ...(query.clientId ? { clientId: query.clientId } : {}),
        ...(query.purpose ? { doel: query.purpose } : {}),
        ...(query.validOn ? { geldigOp: query.validOn } : {}),
      },
    });
    return {
      items: rows.map((row) => ({
        id: row.id,
        clientId: row.client_id,
        purpose: row.purpose,
        form: row.form,
        givenOn: row.given_on,
        validUntil: row.valid_until,
        withdrawnOn: row.withdrawn_on,
        recordedByName: row.recorded_by_name,
        recordedAt: row.recorded_at.toISOString(),
        evidencePresent: row.evidence_present,
      })),
      total: count?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async view(id: string): Promise<ConsentView> {
    const rows = (await this.access.manager().query(`${VIEW_SELECT} WHERE c.id = $1`, [id])) as ConsentRow[];
    return toView(rows[0], todayInAmsterdam());
  }

  /** The signed form must be a document in this client's file (another's reads as not found). */
  private async requireClientDocument(clientId: string, documentId: string): Promise<void> {
    const exists = await this.access
      .manager()
      .getRepository(StoredDocument)
      .existsBy({ id: documentId, clientId });
    if (!exists)
      throw fieldError(
        'evidenceDocumentId',
        'evidenceDocumentId moet een document in het dossier van deze cliënt zijn',
      );
  }
}
