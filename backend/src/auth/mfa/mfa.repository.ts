import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SecondFactorResetNotice } from '@werkpad/shared';
import { DataSource, type EntityManager } from 'typeorm';

export interface StoredMfa {
  readonly secretEncrypted: Buffer;
  readonly confirmed: boolean;
}

/** user_mfa (migration 1763800000800): one TOTP secret per user, encrypted by FieldCrypto. */
@Injectable()
export class MfaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(userId: string): Promise<StoredMfa | null> {
    const rows: Array<{ secret_encrypted: Buffer; confirmed: boolean }> = await this.dataSource.query(
      'SELECT secret_encrypted, confirmed_at IS NOT NULL AS confirmed FROM user_mfa WHERE user_id = $1',
      [userId],
    );
    return rows[0] ? { secretEncrypted: rows[0].secret_encrypted, confirmed: rows[0].confirmed } : null;
  }

  /**
   * Stores a new, unconfirmed secret, replacing an earlier unconfirmed one (a reloaded enrolment
   * page). Returns false, storing nothing, when the user already has a confirmed secret.
   */
  async savePending(userId: string, secretEncrypted: Buffer): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO user_mfa (user_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE
         SET secret_encrypted = EXCLUDED.secret_encrypted, created_at = now(), last_used_step = NULL
         WHERE user_mfa.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, secretEncrypted],
    );
    return rows.length === 1;
  }

  /**
   * Records that the code of `step` was used, and confirms the enrolment if it was not yet.
   * Atomic: of two requests with the same code only one gets a row back, so a code works once (the
   * second waits for the first's row lock and then no longer matches). `before` reads the statement's
   * snapshot, i.e. the row as it was before this update.
   * Returns null for a replayed (or older) step, else whether this use confirmed the enrolment.
   */
  async useStep(userId: string, step: number): Promise<{ confirmedNow: boolean } | null> {
    const rows: Array<{ confirmed_now: boolean }> = await this.dataSource.query(
      // A top-level SELECT, because TypeORM's query() answers an UPDATE with [rows, count].
      `WITH before AS (SELECT confirmed_at FROM user_mfa WHERE user_id = $1),
            used AS (
              UPDATE user_mfa
                 SET last_used_step = $2, confirmed_at = COALESCE(confirmed_at, now())
               WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)
              RETURNING user_id)
       SELECT before.confirmed_at IS NULL AS confirmed_now FROM used, before`,
      [userId, step],
    );
    return rows[0] ? { confirmedNow: rows[0].confirmed_now } : null;
  }

  /** Of these users, the ones with a confirmed second factor (read in the caller's transaction). */
  async confirmedAmong(
    userIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: Array<{ user_id: string }> = await manager.query(
      'SELECT user_id FROM user_mfa WHERE user_id = ANY($1::uuid[]) AND confirmed_at IS NOT NULL',
      [userIds],
    );
    return new Set(rows.map((row) => row.user_id));
  }

  /**
   * Removes the user's secret and records who did so and why, in the caller's transaction (the
   * request's, so that the reset, the new password and the audit event go together).
   */
  async reset(manager: EntityManager, userId: string, resetBy: string, reason: string): Promise<void> {
    await manager.query('DELETE FROM user_mfa WHERE user_id = $1', [userId]);
    await manager.query('INSERT INTO user_mfa_reset (user_id, reset_by, reason) VALUES ($1, $2, $3)', [
      userId,
      resetBy,
      reason,
    ]);
  }

  /** The latest reset of the user's second factor, if any. */
  async lastReset(userId: string): Promise<SecondFactorResetNotice | null> {
    const rows: Array<{ reset_at: Date; display_name: string }> = await this.dataSource.query(
      `SELECT r.reset_at, u.display_name FROM user_mfa_reset r JOIN app_user u ON u.id = r.reset_by
        WHERE r.user_id = $1 ORDER BY r.reset_at DESC LIMIT 1`,
      [userId],
    );
    return rows[0] ? { resetAt: rows[0].reset_at.toISOString(), resetByName: rows[0].display_name } : null;
  }
}
