import { type AbilityBuilder, type MongoAbility } from '@casl/ability';
import { type Action, type Role, type SubjectName } from '@werkpad/shared';

/** The signed-in user as the guards see it (loaded fresh from the database on every request). */
export interface AuthenticatedUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly sessionId: string;
}

/** A record handed to CASL for an instance check: its subject type plus its own fields. */
export type SubjectRecord = Record<string, unknown> & { readonly __caslSubjectType__?: SubjectName };

export type AppAbility = MongoAbility<[Action, SubjectName | SubjectRecord]>;

export interface PolicyContext {
  readonly user: AuthenticatedUser;
  readonly can: AbilityBuilder<AppAbility>['can'];
  readonly cannot: AbilityBuilder<AppAbility>['cannot'];
}

/**
 * One module's authorization, keyed by role: what each role may do with that module's subjects.
 * A role absent here may do nothing with them (deny by default). Conditions may only compare a
 * record's own columns with `$eq`/`$in`/`$ne`/`$nin`, or test that an array column contains values
 * with `$all` (see sql-scope.ts), so that every rule can be enforced in SQL as well as in memory.
 */
export interface ModulePolicy {
  readonly module: string;
  readonly subjects: readonly SubjectName[];
  readonly byRole: Partial<Record<Role, (context: PolicyContext) => void>>;
}
