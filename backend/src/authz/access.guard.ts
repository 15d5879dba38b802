import {
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Request } from 'express';
import { DataSource } from 'typeorm';

import { AUDITED_KEY, type AuditedRoute } from '../audit/audited.decorator';
import { AuditService } from '../audit/audit.service';
import { MESSAGES } from '../auth/auth.constants';
import { RequestContext } from '../common/request-context';
import { AbilityFactory } from './ability.factory';
import { POLICY_KEY, PUBLIC_KEY, type RoutePolicy } from './policy.decorator';
import { type AppAbility, type AuthenticatedUser } from './policy.types';

export const NO_POLICY_MESSAGE =
  'Deze functie is niet vrijgegeven: er is geen autorisatiebeleid voor vastgelegd.';
export const NOT_ALLOWED_MESSAGE = 'U heeft geen toegang tot deze functie.';
export const HIDDEN_NOT_FOUND_MESSAGE = 'Niet gevonden.';

/**
 * The one global guard. Deny by default: a route is reachable only if it is @Public() or declares a
 * @Policy(); then a valid token, an active user and an ability that allows the policy's action on
 * at least some records of its subject are required. Which records follows in SQL (404 otherwise).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly abilities: AbilityFactory,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const store = RequestContext.current();
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    if (store)
      Object.assign(store, { route: (request.route as { path?: string } | undefined)?.path ?? request.path });
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    await super.canActivate(context);
    const user = request.user;
    if (!user) throw new UnauthorizedException(MESSAGES.notAuthenticated);
    const ability = await this.abilityWithGrants(user);
    if (store) {
      store.user = user;
      store.ability = ability;
    }

    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, targets);
    if (!policy) {
      await this.logDenied(context, 'Route', 'no policy declared');
      throw new ForbiddenException(NO_POLICY_MESSAGE);
    }
    if (policy.kind === 'ability' && !ability.can(policy.action, policy.subject)) {
      const hidden = policy.deniedAs === 'not_found';
      await this.logDenied(
        context,
        policy.subject,
        `${policy.action} ${policy.subject} not in role policy`,
        hidden ? 404 : 403,
      );
      if (hidden) throw new NotFoundException(HIDDEN_NOT_FOUND_MESSAGE);
      throw new ForbiddenException(NOT_ALLOWED_MESSAGE);
    }
    return true;
  }

  /**
   * The user's role policies plus their active emergency grants (break-the-glass). Only a user whose
   * roles may hold grants costs the one indexed query (emergency_access_user_idx); an ended or
   * expired grant is simply not loaded, so it stops working on the next request.
   */
  private async abilityWithGrants(user: AuthenticatedUser): Promise<AppAbility> {
    const ability = this.abilities.createForUser(user);
    if (!ability.can('create', 'EmergencyAccess')) return ability;
    const grants: Array<{ client_id: string }> = await this.dataSource.query(
      `SELECT client_id FROM emergency_access
        WHERE user_id = $1 AND expires_at > now() AND ended_at IS NULL`,
      [user.id],
    );
    if (grants.length === 0) return ability;
    return this.abilities.createForUser(user, { emergencyClientIds: grants.map((grant) => grant.client_id) });
  }

  /** passport's hook: a missing or invalid token becomes a Dutch 401. */
  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof UnauthorizedException) throw error;
    if (error || !user) throw new UnauthorizedException(MESSAGES.notAuthenticated);
    return user;
  }

  private async logDenied(
    context: ExecutionContext,
    objectType: string,
    reason: string,
    httpStatus = 403,
  ): Promise<void> {
    const audited = this.reflector.get<AuditedRoute | undefined>(AUDITED_KEY, context.getHandler());
    await this.audit.append({
      ...RequestContext.origin(),
      objectType: audited?.objectType ?? objectType,
      objectId: (context.switchToHttp().getRequest<Request>().params?.['id'] as string | undefined) ?? null,
      categories: audited?.categories ?? [],
      action: audited?.action ?? 'read',
      result: 'denied',
      ground: { kind: 'role_policy', reference: reason },
      httpStatus,
    });
  }
}
