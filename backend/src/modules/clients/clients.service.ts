import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CLIENT_FIELD_CATEGORIES,
  type ClientSummary,
  type ClientView,
  type DataCategory,
  isValidBsn,
  maskBsn,
  type Page,
} from '@werkpad/shared';
import { DataSource } from 'typeorm';

import { type AppAbility } from '../../authz/policy.types';
import { projectByCategory, visibleCategories } from '../../authz/category-projection';
import { applyAbilityScope } from '../../authz/sql-scope';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { likePrefix, type PageQueryDto, toPage } from '../../common/dto/page-query.dto';
import { RequestContext } from '../../common/request-context';
import { Client } from './client.entity';

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldCrypto,
  ) {}

  /**
   * The caller's visible clients, scoped in SQL by the same rules as `ability.can`. A nine-digit
   * search text that passes the 11-proef is looked up by the BSN's blind index, exactly.
   */
  async list(ability: AppAbility, query: PageQueryDto): Promise<Page<ClientView>> {
    const builder = applyAbilityScope(this.query(), ability, 'read', 'Client');
    const text = query.q?.trim();
    if (text && isValidBsn(text)) {
      builder.andWhere('client.bsnBlindIndex = :blindIndex', { blindIndex: this.crypto.blindIndex(text) });
    } else if (text) {
      builder.andWhere('(lower(client.lastName) LIKE :text OR lower(client.firstName) LIKE :text)', {
        text: likePrefix(text.toLowerCase()),
      });
    }
    const [items, total] = await builder
      .orderBy('client.lastName')
      .addOrderBy('client.firstName')
      .addOrderBy('client.id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    RequestContext.addAuditDetails({
      subjectClientIds: items.map((client) => client.id),
      ground: { kind: 'role_policy', reference: 'clients: eigen caseload' },
    });
    return toPage(
      items.map((client) => this.toSummary(client)),
      total,
      query,
    );
  }

  async get(ability: AppAbility, id: string): Promise<ClientView> {
    RequestContext.addAuditDetails({ objectId: id });
    const client = await applyAbilityScope(this.query(), ability, 'read', 'Client')
      .andWhere('client.id = :id', { id })
      .getOne();
    if (!client) throw new NotFoundException('Cliënt niet gevonden.');
    const shown = new Set<DataCategory>();
    const summary = this.project(ability, client, shown);
    RequestContext.addAuditDetails({
      subjectClientIds: [client.id],
      ground: { kind: 'role_policy', reference: 'clients: eigen caseload' },
      categories: [...shown],
    });
    return summary;
  }

  private query() {
    const manager = RequestContext.current()?.manager ?? this.dataSource.manager;
    return manager.getRepository(Client).createQueryBuilder('client');
  }

  /**
   * Only the categories this user may see of this client leave the server; `shown` collects them so
   * the audit row names exactly what was disclosed. The BSN is decrypted only when identity is shown.
   */
  private project(ability: AppAbility, client: Client, shown: Set<DataCategory>): ClientView {
    const visible = visibleCategories(ability, 'read', 'Client', client);
    visible.forEach((category) => shown.add(category));
    const projected = projectByCategory(
      this.toSummary(client, visible.has('identity')),
      CLIENT_FIELD_CATEGORIES,
      visible,
    );
    return {
      ...projected,
      id: client.id,
      coachId: client.coachId,
      incomeConsultantId: client.incomeConsultantId,
    };
  }

  private toSummary(client: Client, withBsn = true): ClientSummary {
    return {
      id: client.id,
      firstName: client.firstName,
      lastName: client.lastName,
      dateOfBirth: client.dateOfBirth,
      bsnMasked: withBsn ? maskBsn(this.crypto.decrypt(client.bsnEncrypted)) : '',
      city: client.city,
      coachId: client.coachId,
      coachName: null,
      incomeConsultantId: client.incomeConsultantId,
      openTrajectoryTypes: client.openTrajectoryTypes,
    };
  }
}
