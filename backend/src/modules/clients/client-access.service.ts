import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Action, type DataCategory } from '@werkpad/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';

import { type AuditGround } from '../../audit/audit-event';
import { asSubject, EMERGENCY_RULE_REASON } from '../../authz/ability.factory';
import { visibleCategories } from '../../authz/category-projection';
import { type AppAbility } from '../../authz/policy.types';
import { applyAbilityScope } from '../../authz/sql-scope';
import { RequestContext } from '../../common/request-context';
import { Client } from './client.entity';

/** A client the caller may see, with the categories they may read and change of it. */
export interface AccessibleClient {
  readonly client: Client;
  readonly readable: ReadonlySet<DataCategory>;
  readonly writable: ReadonlySet<DataCategory>;
  /** The coach's display name, read with the client (the file shows it; one query fewer). */
  readonly coachName?: string | null;
}

/**
 * The one way into a client's file for every module (trajectories, dossier, payroll): the client is
 * loaded through the SQL scope of the caller's `read` rules, so a client outside the scope answers
 * 404 exactly as if it did not exist; what may be read or changed of it is then per category.
 */
@Injectable()
export class ClientAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The request's transaction for a change, the pool for a read. */
  manager(): EntityManager {
    return RequestContext.current()?.manager ?? this.dataSource.manager;
  }

  clientQuery(): SelectQueryBuilder<Client> {
    return this.manager().getRepository(Client).createQueryBuilder('client');
  }

  /** Loads a visible client or answers 404 (never 403: that would confirm the client exists). */
  async find(ability: AppAbility, clientId: string): Promise<AccessibleClient> {
    // The client is the object unless the handler names a more specific record afterwards, so a
    // refused access (404) is still logged against the client that was asked for.
    if (RequestContext.current()?.audit.objectId === undefined)
      RequestContext.addAuditDetails({ objectId: clientId });
    RequestContext.addAuditDetails({ subjectClientIds: [clientId] });
    const { entities, raw } = await applyAbilityScope(this.clientQuery(), ability, 'read', 'Client')
      .andWhere('client.id = :clientId', { clientId })
      .leftJoin('app_user', 'coach', '"coach"."id" = "client"."coach_id"')
      .addSelect('"coach"."display_name"', 'coach_display_name')
      .getRawAndEntities<{ coach_display_name: string | null }>();
    const client = entities[0];
    if (!client) throw new NotFoundException('Cliënt niet gevonden.');
    await this.groundEmergencyAccess(ability, client);
    return {
      client,
      readable: visibleCategories(ability, 'read', 'Client', client),
      writable: visibleCategories(ability, 'update', 'Client', client),
      coachName: raw[0]?.coach_display_name ?? null,
    };
  }

  /**
   * Break-the-glass: when the only rule that shows this client is an emergency grant, the request's
   * audit row carries ground `emergency` with the grant id, and no later ground set by the handler
   * (a role policy, a trajectory) replaces it: the FG must see every access made under the grant.
   */
  private async groundEmergencyAccess(ability: AppAbility, client: Client): Promise<void> {
    const store = RequestContext.current();
    const userId = store?.user?.id;
    if (!store || !userId) return;
    const subject = asSubject('Client', { ...client });
    const granting = ability
      .rulesFor('read', 'Client')
      .filter((rule) => !rule.inverted && rule.matchesConditions(subject));
    if (granting.length === 0 || granting.some((rule) => rule.reason !== EMERGENCY_RULE_REASON)) return;
    const grants: Array<{ id: string }> = await this.manager().query(
      `SELECT id FROM emergency_access
        WHERE user_id = $1 AND client_id = $2 AND expires_at > now() AND ended_at IS NULL
        ORDER BY started_at DESC LIMIT 1`,
      [userId, client.id],
    );
    // The guard loaded the grant moments ago; one that ended in between no longer opens the client.
    if (!grants[0]) throw new NotFoundException('Cliënt niet gevonden.');
    const ground: AuditGround = { kind: 'emergency', reference: grants[0].id };
    RequestContext.lockAuditGround(ground);
  }

  /** 404 when the category is not readable at all, 403 when it is readable but not writable. */
  requireCategory(
    access: AccessibleClient,
    category: DataCategory,
    action: Extract<Action, 'read' | 'update'>,
  ) {
    if (!access.readable.has(category)) throw new NotFoundException('Niet gevonden.');
    if (action === 'update' && !access.writable.has(category))
      throw new ForbiddenException('U mag deze gegevens van de cliënt niet wijzigen.');
  }

  /** Whether the caller may do `action` on this client as a whole (e.g. `reveal`, `assign`). */
  can(ability: AppAbility, action: Action, client: Client): boolean {
    return ability.can(action, asSubject('Client', { ...client }));
  }
}
