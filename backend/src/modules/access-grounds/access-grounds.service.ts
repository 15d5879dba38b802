import { Injectable } from '@nestjs/common';
import { type AccessGround, DATA_CATEGORIES } from '@werkpad/shared';

import { asSubject } from '../../authz/ability.factory';
import { type AppAbility } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';

/** Used when a rule carries no reason of its own: still names the rule, never stays silent. */
const UNNAMED_RULE = 'Rolbeleid zonder toelichting (clients.policy)';

/**
 * "Waarom zie ik dit": for each category the caller sees of a client, the rules that grant it, from
 * the same ability that scoped the request. A category without a ground cannot be visible: the
 * grounds are the granting rules themselves, so the two cannot drift apart.
 */
@Injectable()
export class AccessGroundsService {
  constructor(private readonly access: ClientAccess) {}

  async forClient(ability: AppAbility, clientId: string): Promise<AccessGround[]> {
    const { client, readable } = await this.access.find(ability, clientId);
    const subject = asSubject('Client', { ...client });
    const grounds = DATA_CATEGORIES.filter((category) => readable.has(category)).map((category) => ({
      category,
      grounds: ability
        .rulesFor('read', 'Client', category)
        .filter((rule) => !rule.inverted && rule.matchesConditions(subject))
        .map((rule) => ({ kind: 'role_policy' as const, reference: rule.reason ?? UNNAMED_RULE })),
    }));
    RequestContext.addAuditDetails({ objectId: clientId, categories: [] });
    return grounds;
  }
}
