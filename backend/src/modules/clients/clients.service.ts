import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  CLIENT_WRITE_CATEGORIES,
  type ClientView,
  DATA_CATEGORIES,
  type DataCategory,
  type FieldChange as FieldChangeView,
  maskBsn,
  maskIban,
} from '@werkpad/shared';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { asSubject } from '../../authz/ability.factory';
import { visibleCategories } from '../../authz/category-projection';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { RequestContext } from '../../common/request-context';
import { ConsentCheck, missingConsentMessage } from '../consents/consent-check.service';
import { ClientAccess } from './client-access.service';
import { type Client } from './client.entity';
import { ClientFileService } from './client-file.service';
import { policyGround } from './client-view';
import { type CreateClientDto, type UpdateClientDto } from './dto/client-write.dto';
import { type FieldChange, historyValue } from './field-change.recorder';

type PlainField = Exclude<keyof UpdateClientDto & keyof Client, 'bsn' | 'iban'>;

interface HistoryRow {
  id: string;
  entity_type: string;
  entity_id: string;
  field: string;
  category: string;
  old_value: string | null;
  new_value: string | null;
  changed_by: string;
  changed_by_name: string;
  changed_at: Date;
}

function categoriesOf(fields: readonly string[]): DataCategory[] {
  const found = new Set(fields.map((field) => CLIENT_WRITE_CATEGORIES[field]).filter(Boolean));
  return DATA_CATEGORIES.filter((category) => found.has(category));
}

/**
 * A client's file: reading it, registering and changing it, its field history and the full BSN.
 * Caseload and search are in ClientSearchService, assignment in ClientAssignmentService.
 */
@Injectable()
export class ClientsService {
  constructor(
    private readonly access: ClientAccess,
    private readonly crypto: FieldCrypto,
    private readonly files: ClientFileService,
    private readonly consents: ConsentCheck,
  ) {}

  /** The client's file as far as the caller may see it, category by category. */
  async get(ability: AppAbility, id: string): Promise<ClientView> {
    const access = await this.access.find(ability, id);
    const view = await this.files.view(access);
    RequestContext.addAuditDetails({
      objectId: id,
      categories: view.categories as DataCategory[],
      ground: policyGround(),
    });
    return view;
  }

  /** A coach registers a client into their own caseload. BSN and IBAN are stored encrypted only. */
  async create(ability: AppAbility, user: AuthenticatedUser, dto: CreateClientDto): Promise<ClientView> {
    if (!ability.can('create', asSubject('Client', { coachId: user.id })))
      throw new ForbiddenException('U mag geen cliënt aanmaken.');
    // What may be written at creation is what the creator may change of the new client afterwards.
    const writable = visibleCategories(ability, 'update', 'Client', {
      coachId: user.id,
      incomeConsultantId: null,
      payrollScope: false,
      inIntake: false,
      expertiseUserIds: [],
    });
    const written = Object.keys(dto).filter((field) => dto[field as keyof CreateClientDto] != null);
    const forbidden = written.filter((field) => !writable.has(CLIENT_WRITE_CATEGORIES[field]));
    if (forbidden.length > 0)
      throw new ForbiddenException(
        `U mag deze gegevens van de cliënt niet vastleggen: ${forbidden.join(', ')}.`,
      );
    // R-CONS-05: a client who is not registered yet cannot have consented in the registry.
    if (dto.religiousFunction != null)
      throw new ForbiddenException(missingConsentMessage('religious_function'));
    const { bsn, iban, ...fields } = dto;
    const { encrypted, blindIndex } = this.crypto.protect(bsn);
    const id = await this.files.insert({
      ...fields,
      bsnEncrypted: encrypted,
      bsnBlindIndex: blindIndex,
      ibanEncrypted: iban ? this.crypto.encrypt(iban) : null,
      coachId: user.id,
      incomeConsultantId: null,
    });
    RequestContext.addAuditDetails({
      subjectClientIds: [id],
      objectId: id,
      categories: categoriesOf(written),
      ground: policyGround(),
    });
    return this.files.reloadView(ability, id);
  }

  /**
   * Changes the fields sent, each only within a category the caller may change of this client.
   * Only real changes are written, and each is recorded old -> new (BSN and IBAN masked).
   */
  async update(
    ability: AppAbility,
    user: AuthenticatedUser,
    id: string,
    dto: UpdateClientDto,
  ): Promise<ClientView> {
    const access = await this.access.find(ability, id);
    const { client } = access;
    // In the order of the file (CLIENT_WRITE_CATEGORIES), so history and audit read the same each time.
    const sent = (Object.keys(CLIENT_WRITE_CATEGORIES) as Array<keyof UpdateClientDto>).filter(
      (field) => dto[field] !== undefined,
    );
    const forbidden = sent.filter((field) => !access.writable.has(CLIENT_WRITE_CATEGORIES[field]));
    if (forbidden.length > 0)
      throw new ForbiddenException(
        `U mag deze gegevens van de cliënt niet wijzigen: ${forbidden.join(', ')}.`,
      );
    await this.requireReligiousFunctionConsent(client, dto);

    const set: Record<string, unknown> = {};
    const changes: FieldChange[] = [];
    const change = (field: string, oldValue: string | null, newValue: string | null) =>
      changes.push({ field, category: CLIENT_WRITE_CATEGORIES[field], oldValue, newValue });
    for (const field of sent) {
      if (field === 'bsn') {
        const current = this.crypto.decrypt(client.bsnEncrypted);
        const next = dto.bsn as string;
        if (next === current) continue;
        const { encrypted, blindIndex } = this.crypto.protect(next);
        set.bsnEncrypted = encrypted;
        set.bsnBlindIndex = blindIndex;
        change('bsn', maskBsn(current), maskBsn(next));
      } else if (field === 'iban') {
        const current = client.ibanEncrypted ? this.crypto.decrypt(client.ibanEncrypted) : null;
        const next = dto.iban ?? null;
        if (next === current) continue;
        set.ibanEncrypted = next ? this.crypto.encrypt(next) : null;
        change('iban', current && maskIban(current), next && maskIban(next));
      } else {
        const plain = field as PlainField;
        const current = client[plain] ?? null;
        const next = dto[plain] ?? null;
        if (next === current) continue;
        set[plain] = next;
        change(plain, historyValue(current), historyValue(next));
      }
    }

    await this.files.write(user, id, set as QueryDeepPartialEntity<Client>, changes);
    RequestContext.addAuditDetails({
      objectId: id,
      categories: categoriesOf(changes.map((entry) => entry.field)),
      ground: policyGround(),
    });
    return this.files.reloadView(ability, id);
  }

  /**
   * R-CONS-05: noting (or changing) a religious function needs a valid consent of the client today;
   * clearing it, or sending the value that is already there, notes nothing new and is always allowed.
   */
  private async requireReligiousFunctionConsent(client: Client, dto: UpdateClientDto): Promise<void> {
    const next = dto.religiousFunction;
    if (next == null || next === client.religiousFunction) return;
    if (!(await this.consents.findValid(client.id, 'religious_function')))
      throw new ForbiddenException(missingConsentMessage('religious_function'));
  }

  /** Who changed what when, newest first; only changes in categories the caller may read (in SQL). */
  async history(ability: AppAbility, id: string): Promise<FieldChangeView[]> {
    const access = await this.access.find(ability, id);
    const rows = (await this.access.manager().query(
      `SELECT fc.id, fc.entity_type, fc.entity_id, fc.field, fc.category, fc.old_value, fc.new_value,
              fc.changed_by, u.display_name AS changed_by_name, fc.changed_at
         FROM field_change fc
         JOIN app_user u ON u.id = fc.changed_by
        WHERE fc.client_id = $1 AND fc.category = ANY($2::text[])
        ORDER BY fc.changed_at DESC, fc.entity_type, fc.field, fc.id`,
      [id, [...access.readable]],
    )) as HistoryRow[];
    const shown = new Set(rows.map((row) => row.category));
    RequestContext.addAuditDetails({
      objectId: id,
      categories: DATA_CATEGORIES.filter((category) => shown.has(category)),
      ground: policyGround(),
    });
    return rows.map((row) => ({
      id: row.id,
      entityType: row.entity_type,
      entityId: row.entity_id,
      field: row.field,
      category: row.category,
      oldValue: row.old_value,
      newValue: row.new_value,
      changedBy: row.changed_by,
      changedByName: row.changed_by_name,
      changedAt: row.changed_at.toISOString(),
    }));
  }

  /** The full BSN, for those whose work needs it (e.g. the benefit system is keyed by BSN). */
  async revealBsn(ability: AppAbility, id: string): Promise<{ bsn: string }> {
    const access = await this.access.find(ability, id);
    if (!this.access.can(ability, 'reveal', access.client))
      throw new ForbiddenException('U mag het volledige BSN van deze cliënt niet inzien.');
    RequestContext.addAuditDetails({
      objectId: id,
      categories: ['identity'],
      ground: policyGround(),
      details: { onthuld: 'bsn' },
    });
    return { bsn: this.crypto.decrypt(access.client.bsnEncrypted) };
  }
}
