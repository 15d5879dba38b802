import type { PackedRule } from '../lib/authorization';
import type { Role } from '../lib/roles';

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
}

/** The refresh token travels only in an httpOnly cookie; the body carries the short-lived JWT. */
export interface TokenResponse {
  readonly accessToken: string;
  readonly expiresIn: number;
}

export interface CurrentUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** The user's CASL rules, packed; the UI uses them only to hide what cannot be used. */
  readonly rules: readonly PackedRule[];
}
