import { ForbiddenException, Injectable } from '@nestjs/common';
import { type DisclosureView, type Page } from '@werkpad/shared';

import { type AppAbility } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { disclosureViewQuery, distinct, type DisclosureViewRow, toDisclosureView } from './disclosure-views';
import { type DisclosureRegisterQueryDto } from './dto/disclosure.dto';

/** The FG's view of the disclosure register across clients (R-SHARE-06): metadata only. */
@Injectable()
export class DisclosureRegisterService {
  constructor(private readonly access: ClientAccess) {}

  /** The FG's register across clients: metadata only, never a package (R-SHARE-06 unreviewed reports). */
  async register(ability: AppAbility, query: DisclosureRegisterQueryDto): Promise<Page<DisclosureView>> {
    // The FG has no client access; this list is the register, not the client file.
    if (!ability.can('read', 'AuditEvent'))
      throw new ForbiddenException(
        'Alleen de functionaris gegevensbescherming ziet het verstrekkingenregister.',
      );
    const builder = disclosureViewQuery(this.access.manager());
    if (query.clientId) builder.andWhere('disclosure.clientId = :clientId', { clientId: query.clientId });
    if (query.recipientType)
      builder.andWhere('disclosure.recipientType = :recipientType', { recipientType: query.recipientType });
    const day = `(disclosure.disclosed_at AT TIME ZONE 'Europe/Amsterdam')::date`;
    if (query.from) builder.andWhere(`${day} >= :from`, { from: query.from });
    if (query.to) builder.andWhere(`${day} <= :to`, { to: query.to });
    if (query.unreviewedReports) builder.andWhere(`disclosure.review_status = 'not_shown'`);
    const total = await builder.getCount();
    const { entities, raw } = await builder
      .orderBy('disclosure.disclosedAt', 'DESC')
      .addOrderBy('disclosure.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawAndEntities<DisclosureViewRow>();
    RequestContext.addAuditDetails({
      subjectClientIds: distinct(entities.map((entity) => entity.clientId)),
      categories: [],
      ground: { kind: 'role_policy', reference: 'disclosures.policy (FG: verstrekkingenregister)' },
      details: {
        ...(query.clientId ? { clientId: query.clientId } : {}),
        ...(query.recipientType ? { ontvanger: query.recipientType } : {}),
        ...(query.unreviewedReports ? { nietGezieneRapporten: 'ja' } : {}),
      },
    });
    return {
      items: entities.map((entity, index) => toDisclosureView(entity, raw[index]?.disclosed_by_name ?? null)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
