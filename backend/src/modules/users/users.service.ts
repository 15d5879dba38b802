import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type Page, type UserSummary } from '@werkpad/shared';

import { MfaRepository } from '../../auth/mfa/mfa.repository';
import { requiresSecondFactor } from '../../auth/mfa/mfa.service';
import { PasswordHasher } from '../../auth/password-hasher';
import { SessionRepository } from '../../auth/session.repository';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { applyAbilityScope } from '../../authz/sql-scope';
import { likePrefix, type PageQueryDto, toPage } from '../../common/dto/page-query.dto';
import { RequestContext } from '../../common/request-context';
import { type CreateUserDto, type ResetSecondFactorDto, type UpdateUserDto } from './dto/user.dto';
import { type User } from './user.entity';
import { UsersRepository } from './users.repository';

const UNIQUE_VIOLATION = '23505';

function toSummary(user: User, confirmedSecondFactors: ReadonlySet<string>): UserSummary {
  const roles = user.roles as UserSummary['roles'];
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    active: user.active,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
    secondFactor: !requiresSecondFactor(roles)
      ? 'not_required'
      : confirmedSecondFactors.has(user.id)
        ? 'set'
        : 'not_set',
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionRepository,
    private readonly secondFactors: MfaRepository,
  ) {}

  async list(ability: AppAbility, query: PageQueryDto): Promise<Page<UserSummary>> {
    const builder = applyAbilityScope(
      this.users.repository().createQueryBuilder('user'),
      ability,
      'read',
      'User',
    );
    if (query.q) {
      builder.andWhere('(user.username LIKE :text OR lower(user.displayName) LIKE :text)', {
        text: likePrefix(query.q.trim().toLowerCase()),
      });
    }
    const [items, total] = await builder
      .orderBy('user.username')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const confirmed = await this.secondFactors.confirmedAmong(
      items.map((user) => user.id),
      this.users.repository().manager,
    );
    return toPage(
      items.map((user) => toSummary(user, confirmed)),
      total,
      query,
    );
  }

  async get(ability: AppAbility, id: string): Promise<UserSummary> {
    return this.summary(await this.findVisible(ability, id, 'read'));
  }

  async create(dto: CreateUserDto): Promise<UserSummary> {
    const repository = this.users.repository();
    try {
      const saved = await repository.save(
        repository.create({
          username: dto.username.toLowerCase(),
          displayName: dto.displayName,
          passwordHash: await this.hasher.hash(dto.password),
          roles: [...dto.roles],
          active: true,
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: new Date(),
        }),
      );
      RequestContext.addAuditDetails({ objectId: saved.id });
      return this.summary(await repository.findOneByOrFail({ id: saved.id }));
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException('Deze gebruikersnaam bestaat al.');
      }
      throw error;
    }
  }

  /**
   * Changes an account. Deactivating or changing roles ends the user's sessions, so the change
   * holds from their next request on (their ability is rebuilt per request anyway).
   */
  async update(
    ability: AppAbility,
    actor: AuthenticatedUser,
    id: string,
    dto: UpdateUserDto,
  ): Promise<UserSummary> {
    const user = await this.findVisible(ability, id, 'update');
    // Functioneel beheer must not lock itself out: another admin makes such a change.
    if (
      id === actor.id &&
      (dto.active === false || (dto.roles !== undefined && !dto.roles.includes('admin')))
    ) {
      throw new ConflictException(
        'U kunt uw eigen account niet deactiveren en uzelf de beheerrol niet afnemen.',
      );
    }
    const changes: Partial<User> = { updatedAt: new Date() };
    if (dto.displayName !== undefined) changes.displayName = dto.displayName;
    if (dto.roles !== undefined) changes.roles = [...dto.roles];
    if (dto.active !== undefined) changes.active = dto.active;
    if (dto.password !== undefined) {
      changes.passwordHash = await this.hasher.hash(dto.password);
      changes.failedLoginCount = 0;
      changes.lockedUntil = null;
    }
    if (dto.username !== undefined && dto.username.toLowerCase() !== user.username) {
      throw new ConflictException('Een gebruikersnaam kan niet worden gewijzigd.');
    }
    await this.users.repository().update({ id }, changes);
    if (dto.active === false || dto.roles !== undefined || dto.password !== undefined) {
      await this.sessions.revokeAllForUser(id);
    }
    return this.summary(await this.users.repository().findOneByOrFail({ id }));
  }

  /**
   * A lost second factor: the secret is removed and a temporary password set (whoever found the
   * phone may know the old one), the user's sessions end and the reset is registered with its
   * reason. The user sets up a new factor at the next login and is shown who reset it and when.
   * Never one's own: another administrator does that (also a CHECK).
   */
  async resetSecondFactor(
    ability: AppAbility,
    actor: AuthenticatedUser,
    id: string,
    dto: ResetSecondFactorDto,
  ): Promise<UserSummary> {
    const user = await this.findVisible(ability, id, 'update');
    if (id === actor.id) {
      throw new ConflictException('Uw eigen tweede stap laat u door een andere beheerder opnieuw instellen.');
    }
    if (!requiresSecondFactor(user.roles as UserSummary['roles'])) {
      throw new ConflictException(
        'Deze gebruiker logt in zonder tweede stap; er is niets opnieuw in te stellen.',
      );
    }
    const repository = this.users.repository();
    await this.secondFactors.reset(repository.manager, id, actor.id, dto.reason);
    await repository.update(
      { id },
      {
        passwordHash: await this.hasher.hash(dto.temporaryPassword),
        failedLoginCount: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      },
    );
    await this.sessions.revokeAllForUser(id);
    // The reason is free text (R-AUD-04: not in the log); the register of resets keeps it.
    RequestContext.addAuditDetails({
      details: { tweedeStap: 'opnieuw in te stellen', wachtwoord: 'tijdelijk' },
    });
    return this.summary(await repository.findOneByOrFail({ id }));
  }

  private async summary(user: User): Promise<UserSummary> {
    return toSummary(
      user,
      await this.secondFactors.confirmedAmong([user.id], this.users.repository().manager),
    );
  }

  /** 404 for a record that does not exist and for one the ability does not cover alike. */
  private async findVisible(ability: AppAbility, id: string, action: 'read' | 'update'): Promise<User> {
    RequestContext.addAuditDetails({ objectId: id });
    const user = await applyAbilityScope(
      this.users.repository().createQueryBuilder('user'),
      ability,
      action,
      'User',
    )
      .andWhere('user.id = :id', { id })
      .getOne();
    if (!user) throw new NotFoundException('Gebruiker niet gevonden.');
    return user;
  }
}
