import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { isRole } from '@werkpad/shared';
import { ExtractJwt, Strategy } from 'passport-jwt';

import { type AuthenticatedUser } from '../authz/policy.types';
import { AppConfig } from '../config/app-config';
import { MESSAGES } from './auth.constants';
import { SessionRepository } from './session.repository';

interface AccessTokenPayload {
  sub: string;
  sid: string;
}

/**
 * Validates the bearer token and then the user and session in the database on every request, so a
 * deactivated user or an ended session stops working at once, not when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly sessions: SessionRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt's types say string | Buffer, but it hands the key to jsonwebtoken, which takes a
      // KeyObject as is (see AppConfig.jwtKey for why that matters).
      secretOrKeyProvider: (_request: unknown, _token: unknown, done: (error: null, key: Buffer) => void) =>
        done(null, config.jwtKey as unknown as Buffer),
      algorithms: ['HS256'],
      issuer: 'werkpad',
      audience: 'werkpad-api',
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthenticatedUser> {
    // Only access tokens carry a session id; the audience check already keeps MFA tokens out.
    if (typeof payload.sid !== 'string') throw new UnauthorizedException(MESSAGES.notAuthenticated);
    const found = await this.sessions.findActiveUserSession(payload.sub, payload.sid);
    if (!found) throw new UnauthorizedException(MESSAGES.sessionEnded);
    return {
      id: found.userId,
      username: found.username,
      displayName: found.displayName,
      roles: found.roles.filter(isRole),
      sessionId: payload.sid,
    };
  }
}
