import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type Page, type UserSummary } from '@werkpad/shared';

import { PasswordHasher } from '../../auth/password-hasher';
import { SessionRepository } from '../../auth/session.repository';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { applyAbilityScope } from '../../authz/sql-scope';
import { likePrefix, type PageQueryDto, toPage } from '../../common/dto/page-query.dto';
import { RequestContext } from '../../common/request-context';
import { type CreateUserDto, type UpdateUserDto } from './dto/user.dto';
import { type User } from './user.entity';
import { UsersRepository } from './users.repository';

const UNIQUE_VIOLATION = '23505';

function toSummary(user: User): UserSummary {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as UserSummary['roles'],
    active: user.active,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
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
    return toPage(items.map(toSummary), total, query);
  }

  async get(ability: AppAbility, id: string): Promise<UserSummary> {
    return toSummary(await this.findVisible(ability, id, 'read'));
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
      return toSummary(await repository.findOneByOrFail({ id: saved.id }));
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
    return toSummary(await this.users.repository().findOneByOrFail({ id }));
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
