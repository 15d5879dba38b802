import type { Role } from '../lib/roles';

export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
  readonly lockedUntil: string | null;
  /** The second factor of a log reader: not needed for this role, not (yet) set up, or set up. */
  readonly secondFactor: SecondFactorStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const SECOND_FACTOR_STATUSES = ['not_required', 'not_set', 'set'] as const;
export type SecondFactorStatus = (typeof SECOND_FACTOR_STATUSES)[number];

/**
 * POST /api/users/:id/second-factor-reset: a lost second factor is removed; the user sets up a new
 * one at the next login, with the temporary password given here (the old one may be lost too).
 */
export interface ResetSecondFactorRequest {
  readonly reason: string;
  readonly temporaryPassword: string;
}

/** The latest reset of a user's second factor, shown to them when they set up the new one. */
export interface SecondFactorResetNotice {
  readonly resetAt: string;
  readonly resetByName: string;
}

export interface CreateUserRequest {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly Role[];
}

export interface UpdateUserRequest {
  readonly displayName?: string;
  readonly roles?: readonly Role[];
  readonly active?: boolean;
  readonly password?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Password rules shared by the API's validation and the UI's form hints. */
export const PASSWORD_MIN_LENGTH = 12;
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,39}$/;
