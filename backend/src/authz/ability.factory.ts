import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { type SubjectName } from '@werkpad/shared';

import {
  type AppAbility,
  type AuthenticatedUser,
  type ModulePolicy,
  type SubjectRecord,
} from './policy.types';
import { MODULE_POLICIES } from './policy-registry';

/** Tells CASL a plain object's subject type; set by `asSubject`. */
function detectSubjectType(record: SubjectRecord): SubjectName {
  const type = record.__caslSubjectType__;
  if (!type) throw new Error('A record checked against the ability must be wrapped with asSubject()');
  return type;
}

export function asSubject<T extends object>(type: SubjectName, record: T): T & SubjectRecord {
  return { ...record, __caslSubjectType__: type } as T & SubjectRecord;
}

/** Builds the user's ability from every module's policy for each role the user holds. */
export function buildAbility(
  user: AuthenticatedUser,
  policies: readonly ModulePolicy[] = MODULE_POLICIES,
): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const policy of policies) {
    for (const role of user.roles) {
      policy.byRole[role]?.({ user, can: builder.can, cannot: builder.cannot });
    }
  }
  return builder.build({ detectSubjectType });
}

@Injectable()
export class AbilityFactory {
  /**
   * One ability per request, never cached across requests: a changed role or a deactivation
   * takes effect on the next request (the pitfall of gauzy's five-minute cache).
   */
  createForUser(user: AuthenticatedUser): AppAbility {
    return buildAbility(user);
  }
}
