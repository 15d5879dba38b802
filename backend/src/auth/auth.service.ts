import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole, type MfaChallenge, type MfaEnrollment, type Role } from '@werkpad/shared';

import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/request-context';
import { type User } from '../modules/users/user.entity';
import { UsersRepository } from '../modules/users/users.repository';
import { ACCESS_TOKEN_TTL_SECONDS, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, MESSAGES } from './auth.constants';
import { MfaService, requiresSecondFactor } from './mfa/mfa.service';
import { MfaTokenService } from './mfa/mfa-token.service';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

export function isMfaChallenge(outcome: IssuedTokens | MfaChallenge): outcome is MfaChallenge {
  return 'mfaToken' in outcome;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly mfa: MfaService,
    private readonly mfaTokens: MfaTokenService,
  ) {}

  /**
   * Checks the password, then the lockout and the active flag, so the answer reveals an account's
   * state only to someone who knows its password. Every attempt is logged (R-AUD-01). A log reader
   * gets an MFA challenge instead of tokens: the login is complete only with a code (verifyMfa).
   */
  async login(username: string, password: string): Promise<IssuedTokens | MfaChallenge> {
    const user = await this.users.findByUsername(username.trim().toLowerCase());
    if (!user) {
      await this.hasher.verifyAgainstNothing(password);
      await this.logAttempt(null, username, [], 'denied', 'unknown user');
      throw new UnauthorizedException(MESSAGES.badCredentials);
    }
    const roles = user.roles.filter(isRole);
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await this.logAttempt(user.id, user.username, roles, 'denied', 'locked');
      throw new UnauthorizedException(MESSAGES.locked);
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      const lockedNow = await this.users.registerFailedLogin(user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES);
      await this.logAttempt(
        user.id,
        user.username,
        roles,
        'denied',
        lockedNow ? 'wrong password, locked' : 'wrong password',
      );
      throw new UnauthorizedException(lockedNow ? MESSAGES.locked : MESSAGES.badCredentials);
    }
    if (!user.active) {
      await this.logAttempt(user.id, user.username, roles, 'denied', 'deactivated');
      throw new UnauthorizedException(MESSAGES.deactivated);
    }
    // No session and no reset of the failure count yet: a password alone must not buy fresh
    // attempts at the code. The successful login is logged when the code is accepted.
    if (requiresSecondFactor(roles)) return this.mfa.challenge(user.id);
    return this.completeLogin(user, roles, 'password');
  }

  /** Step two for a user without a confirmed secret: a new secret and its QR code (201). */
  async startMfaEnrollment(mfaToken: string): Promise<MfaEnrollment> {
    const { user, roles } = await this.userOfMfaToken(mfaToken);
    const enrollment = await this.mfa.startEnrollment(user.id, user.username);
    if (!enrollment) throw new ConflictException(MESSAGES.mfaAlreadyEnrolled);
    await this.audit.append({
      ...RequestContext.origin(),
      userId: user.id,
      username: user.username,
      roles,
      objectType: 'UserMfa',
      objectId: user.id,
      action: 'create',
      result: 'allowed',
      categories: ['account'],
      ground: { kind: 'authentication', reference: 'totp enrolment' },
      httpStatus: 201,
    });
    return enrollment;
  }

  /**
   * Step two: the code from the authenticator app. A wrong or replayed code counts like a wrong
   * password (lockout) and is logged as denied; a good one completes the login as `login` does.
   */
  async verifyMfa(mfaToken: string, code: string): Promise<IssuedTokens> {
    const { user, roles } = await this.userOfMfaToken(mfaToken);
    const check = await this.mfa.checkCode(user.id, code);
    if (check === 'not_enrolled') throw new ConflictException(MESSAGES.mfaNotEnrolled);
    if (check === 'wrong' || check === 'replayed') {
      const lockedNow = await this.users.registerFailedLogin(user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES);
      const reason = check === 'wrong' ? 'wrong totp code' : 'replayed totp code';
      await this.logAttempt(
        user.id,
        user.username,
        roles,
        'denied',
        lockedNow ? `${reason}, locked` : reason,
      );
      throw new UnauthorizedException(lockedNow ? MESSAGES.locked : MESSAGES.wrongCode);
    }
    return this.completeLogin(
      user,
      roles,
      'password+totp',
      check === 'confirmed' ? { totp: 'ingesteld' } : {},
    );
  }

  /** The one way a login ends in a session, with or without a second factor. */
  private async completeLogin(
    user: User,
    roles: readonly Role[],
    reference: 'password' | 'password+totp',
    details: Record<string, string> = {},
  ): Promise<IssuedTokens> {
    await this.users.registerSuccessfulLogin(user.id);
    const session = await this.sessions.create(user.id);
    await this.logAttempt(user.id, user.username, roles, 'allowed', reference, details);
    return {
      ...(await this.signAccessToken(user.id, session.sessionId)),
      refreshToken: session.refreshToken,
    };
  }

  /** The user the MFA token was issued to, checked again: locked or deactivated in the meantime? */
  private async userOfMfaToken(mfaToken: string): Promise<{ user: User; roles: Role[] }> {
    const userId = await this.mfaTokens.userId(mfaToken);
    const user = await this.users.repository().findOneBy({ id: userId });
    if (!user) throw new UnauthorizedException(MESSAGES.mfaExpired);
    const roles = user.roles.filter(isRole);
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await this.logAttempt(user.id, user.username, roles, 'denied', 'locked');
      throw new UnauthorizedException(MESSAGES.locked);
    }
    if (!user.active) {
      await this.logAttempt(user.id, user.username, roles, 'denied', 'deactivated');
      throw new UnauthorizedException(MESSAGES.deactivated);
    }
    return { user, roles };
  }

  async refresh(refreshToken: string | undefined): Promise<IssuedTokens> {
    const rotated = refreshToken ? await this.sessions.rotate(refreshToken) : null;
    if (!rotated) throw new UnauthorizedException(MESSAGES.sessionEnded);
    return {
      ...(await this.signAccessToken(rotated.userId, rotated.sessionId)),
      refreshToken: rotated.refreshToken,
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
  }

  private async signAccessToken(
    userId: string,
    sessionId: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const accessToken = await this.jwt.signAsync(
      { sub: userId, sid: sessionId },
      { expiresIn: ACCESS_TOKEN_TTL_SECONDS, issuer: 'werkpad', audience: 'werkpad-api', algorithm: 'HS256' },
    );
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  private async logAttempt(
    userId: string | null,
    username: string,
    roles: readonly Role[],
    result: 'allowed' | 'denied',
    reference: string,
    details: Record<string, string> = {},
  ): Promise<void> {
    await this.audit.append({
      ...RequestContext.origin(),
      // The caller is not signed in yet: the row names the account the attempt was for.
      userId,
      username: username.slice(0, 100),
      roles,
      objectType: 'Session',
      action: 'login',
      result,
      categories: ['account'],
      ground: { kind: 'authentication', reference },
      httpStatus: result === 'allowed' ? 200 : 401,
      details,
    });
  }
}
