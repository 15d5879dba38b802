import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { MESSAGES } from '../auth.constants';

/** Five minutes to open the authenticator app and type the code. */
export const MFA_TOKEN_TTL_SECONDS = 5 * 60;
/** Not the access tokens' audience ('werkpad-api'), so JwtStrategy refuses an MFA token as a bearer. */
export const MFA_TOKEN_AUDIENCE = 'werkpad-mfa';
const ISSUER = 'werkpad';

interface MfaTokenPayload {
  sub: string;
  typ: 'mfa';
}

/**
 * The proof that the password step succeeded, carried to the second step. A signed JWT rather than
 * a row in the database: nothing to clean up, and it grants nothing on its own (no session id, a
 * different audience, five minutes); what it unlocks still needs a valid one-time code, and every
 * wrong code counts towards the account lockout.
 */
@Injectable()
export class MfaTokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId, typ: 'mfa' } satisfies MfaTokenPayload, {
      expiresIn: MFA_TOKEN_TTL_SECONDS,
      issuer: ISSUER,
      audience: MFA_TOKEN_AUDIENCE,
      algorithm: 'HS256',
    });
  }

  /** The user id, or 401 when the token is forged, expired or not an MFA token. */
  async userId(token: string): Promise<string> {
    try {
      const payload = await this.jwt.verifyAsync<Partial<MfaTokenPayload>>(token, {
        issuer: ISSUER,
        audience: MFA_TOKEN_AUDIENCE,
        algorithms: ['HS256'],
      });
      if (payload.typ === 'mfa' && typeof payload.sub === 'string') return payload.sub;
    } catch {
      // Falls through to the refusal: the reason (expired, bad signature) is not the caller's business.
    }
    throw new UnauthorizedException(MESSAGES.mfaExpired);
  }
}
