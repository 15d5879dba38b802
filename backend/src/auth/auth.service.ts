import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole, type Role } from '@werkpad/shared';

import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/request-context';
import { UsersRepository } from '../modules/users/users.repository';
import { ACCESS_TOKEN_TTL_SECONDS, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, MESSAGES } from './auth.constants';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the password, then the lockout and the active flag, so the answer reveals an account's
   * state only to someone who knows its password. Every attempt is logged (R-AUD-01).
   */
  async login(username: string, password: string): Promise<IssuedTokens> {
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
    await this.users.registerSuccessfulLogin(user.id);
    const session = await this.sessions.create(user.id);
    await this.logAttempt(user.id, user.username, roles, 'allowed', 'password');
    return {
      ...(await this.signAccessToken(user.id, session.sessionId)),
      refreshToken: session.refreshToken,
    };
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
    });
  }
}
