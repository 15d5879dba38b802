import type { Role } from '../lib/roles';

export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
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
