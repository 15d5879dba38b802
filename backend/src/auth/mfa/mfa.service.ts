import { Injectable } from '@nestjs/common';
import { type MfaChallenge, type MfaEnrollment, type Role } from '@werkpad/shared';
import { toDataURL } from 'qrcode';

import { FieldCrypto } from '../../common/crypto/field-crypto';
import { MfaRepository } from './mfa.repository';
import { MfaTokenService } from './mfa-token.service';
import { generateTotpSecret, matchTotpStep, totpKeyUri } from './totp';

/**
 * Who logs in with a second factor: the readers of the access log (NEN 7513 asks it of them; in
 * Werkpad the FG, role `dpo`, is the one role that may read AuditEvent).
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['dpo'];

export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => SECOND_FACTOR_ROLES.includes(role));
}

export type CodeCheck = 'accepted' | 'confirmed' | 'wrong' | 'replayed' | 'not_enrolled';

/** TOTP secrets (stored encrypted) and the check of a code; AuthService does lockout and audit. */
@Injectable()
export class MfaService {
  constructor(
    private readonly repository: MfaRepository,
    private readonly crypto: FieldCrypto,
    private readonly tokens: MfaTokenService,
  ) {}

  /** What the login answers instead of tokens: set up a secret first, or type a code. */
  async challenge(userId: string): Promise<MfaChallenge> {
    const stored = await this.repository.find(userId);
    return { mfa: stored?.confirmed ? 'verify' : 'enroll', mfaToken: await this.tokens.sign(userId) };
  }

  /** A new secret for the user's app, or null when the user already has a confirmed one. */
  async startEnrollment(userId: string, username: string): Promise<MfaEnrollment | null> {
    const secret = generateTotpSecret();
    if (!(await this.repository.savePending(userId, this.crypto.encrypt(secret)))) return null;
    const otpauthUrl = totpKeyUri(username, secret);
    const qrCodeDataUrl = await toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    return { otpauthUrl, qrCodeDataUrl, secret, lastReset: await this.repository.lastReset(userId) };
  }

  /** Checks a code and, when it is good, uses up its time step; the first good code confirms. */
  async checkCode(userId: string, code: string): Promise<CodeCheck> {
    const stored = await this.repository.find(userId);
    if (!stored) return 'not_enrolled';
    const step = matchTotpStep(this.crypto.decrypt(stored.secretEncrypted), code);
    if (step === null) return 'wrong';
    const used = await this.repository.useStep(userId, step);
    if (!used) return 'replayed';
    return used.confirmedNow ? 'confirmed' : 'accepted';
  }
}
