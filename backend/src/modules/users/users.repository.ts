import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';

import { RequestContext } from '../../common/request-context';
import { User } from './user.entity';

/** Data access for accounts; joins the request's transaction when there is one. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return RequestContext.current()?.manager ?? this.dataSource.manager;
  }

  repository(): Repository<User> {
    return this.manager.getRepository(User);
  }

  findByUsername(username: string): Promise<(User & { passwordHash: string }) | null> {
    return this.repository()
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :username', { username })
      .getOne();
  }

  /** Counts a wrong password atomically; returns true when this attempt locked the account. */
  async registerFailedLogin(userId: string, maxFailures: number, lockoutMinutes: number): Promise<boolean> {
    // A CTE so the driver answers with plain rows: TypeORM returns [rows, count] for UPDATE … RETURNING,
    // which made this always false (the locking attempt then said "wrong password", not "locked").
    const rows: Array<{ locked: boolean }> = await this.dataSource.query(
      `WITH updated AS (
         UPDATE app_user
            SET failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
                locked_until = CASE WHEN failed_login_count + 1 >= $2
                                    THEN now() + make_interval(mins => $3) ELSE locked_until END
          WHERE id = $1
          RETURNING locked_until IS NOT NULL AND locked_until > now() AS locked)
       SELECT locked FROM updated`,
      [userId, maxFailures, lockoutMinutes],
    );
    return rows[0]?.locked ?? false;
  }

  async registerSuccessfulLogin(userId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE app_user SET failed_login_count = 0, locked_until = NULL WHERE id = $1',
      [userId],
    );
  }
}
