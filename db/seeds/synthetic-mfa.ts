import { type Pool } from 'pg';

/**
 * The demo FG's (dpo1) TOTP secret, base32: FIXED and PUBLIC, so that the e2e tests and anyone trying
 * the demo can log in as dpo1. Add it to an authenticator app (Werkpad, account dpo1, 30 s, 6 digits,
 * SHA-1) or print the current code with `npm run demo:totp`. Demo data only; seed-demo refuses
 * production. Documented in README.md and docs/mfa.md; scripts/demo-totp.mjs holds the same value.
 */
export const DEMO_TOTP_SECRET = 'WERKPADDEMOFGTOTPSECRETDEMOONLY2';
export const DEMO_TOTP_USERNAME = 'dpo1';

export interface SeedDemoMfaOptions {
  /** The demo FG's user id. */
  readonly userId: string;
  /** Encrypts the secret as the backend stores it (FieldCrypto.encrypt). */
  readonly encrypt: (plaintext: string) => Buffer;
}

/**
 * Gives the demo FG a confirmed second factor with DEMO_TOTP_SECRET. Other log readers (made in the
 * user management) set theirs up with a QR code on first login. A second run keeps what is there.
 */
export async function seedDemoMfa(pool: Pool, options: SeedDemoMfaOptions): Promise<void> {
  await pool.query(
    `INSERT INTO user_mfa (user_id, secret_encrypted, confirmed_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO NOTHING`,
    [options.userId, options.encrypt(DEMO_TOTP_SECRET)],
  );
}
