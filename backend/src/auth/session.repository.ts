import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { SESSION_TTL_HOURS } from './auth.constants';

export interface ActiveUserSession {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/**
 * Refresh sessions. The cookie holds `<session id>.<secret>`; only a hash of the secret is stored.
 * Each refresh rotates the secret; presenting an old secret ends the session (token theft).
 */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(userId: string): Promise<{ sessionId: string; refreshToken: string }> {
    const secret = randomBytes(32).toString('base64url');
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO user_session (user_id, refresh_token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING id`,
      [userId, digest(secret), SESSION_TTL_HOURS],
    );
    return { sessionId: rows[0].id, refreshToken: `${rows[0].id}.${secret}` };
  }

  async findActiveUserSession(userId: string, sessionId: string): Promise<ActiveUserSession | null> {
    const rows: ActiveUserSession[] = await this.dataSource.query(
      `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.roles
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND u.active AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [sessionId, userId],
    );
    return rows[0] ?? null;
  }

  /** Returns the session's user and a new refresh token, or null when the token is not valid. */
  async rotate(
    refreshToken: string,
  ): Promise<{ userId: string; sessionId: string; refreshToken: string } | null> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) return null;
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ user_id: string; refresh_token_hash: Buffer }> = await manager.query(
        `SELECT s.user_id, s.refresh_token_hash FROM user_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active FOR UPDATE OF s`,
        [sessionId],
      );
      const session = rows[0];
      if (!session) return null;
      if (!timingSafeEqual(session.refresh_token_hash, digest(secret))) {
        await manager.query('UPDATE user_session SET revoked_at = now() WHERE id = $1', [sessionId]);
        return null;
      }
      const nextSecret = randomBytes(32).toString('base64url');
      await manager.query(
        'UPDATE user_session SET refresh_token_hash = $2, last_refreshed_at = now() WHERE id = $1',
        [sessionId, digest(nextSecret)],
      );
      return { userId: session.user_id, sessionId, refreshToken: `${sessionId}.${nextSecret}` };
    });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [sessionId],
    );
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }
}
