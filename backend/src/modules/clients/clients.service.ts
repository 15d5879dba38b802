import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ClientSummary, isValidBsn, maskBsn, type Page } from '@werkpad/shared';
import { DataSource } from 'typeorm';

import { type AppAbility } from '../../authz/policy.types';
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
  async list(ability: AppAbility, query: PageQueryDto): Promise<Page<ClientSummary>> {
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

  async get(ability: AppAbility, id: string): Promise<ClientSummary> {
    RequestContext.addAuditDetails({ objectId: id });
    const client = await applyAbilityScope(this.query(), ability, 'read', 'Client')
      .andWhere('client.id = :id', { id })
      .getOne();
    if (!client) throw new NotFoundException('Cliënt niet gevonden.');
    RequestContext.addAuditDetails({
      subjectClientIds: [client.id],
      ground: { kind: 'role_policy', reference: 'clients: eigen caseload' },
    });
    return this.toSummary(client);
  }

  private query() {
    const manager = RequestContext.current()?.manager ?? this.dataSource.manager;
    return manager.getRepository(Client).createQueryBuilder('client');
  }

  private toSummary(client: Client): ClientSummary {
    return {
      id: client.id,
      firstName: client.firstName,
      lastName: client.lastName,
      dateOfBirth: client.dateOfBirth,
      bsnMasked: maskBsn(this.crypto.decrypt(client.bsnEncrypted)),
      city: client.city,
      coachId: client.coachId,
    };
  }
}
