import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { type SubjectName } from '@werkpad/shared';

import {
  type AppAbility,
  type AuthenticatedUser,
  type ModulePolicy,
  type SubjectRecord,
} from './policy.types';
import { EMERGENCY_READ_CATEGORIES } from '../modules/emergency-access/emergency-access.policy';
import { MODULE_POLICIES } from './policy-registry';

/** The reason of the rule an emergency grant adds; ClientAccess recognises the rule by it. */
export const EMERGENCY_RULE_REASON = 'Noodtoegang (break-the-glass), tijdelijk';

/** What a request adds to the user's role policies. */
export interface AbilityOptions {
  /** Clients of the user's active emergency grants (break-the-glass), read only and never medical. */
  readonly emergencyClientIds?: readonly string[];
}

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
  options: AbilityOptions = {},
): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const policy of policies) {
    for (const role of user.roles) {
      policy.byRole[role]?.({ user, can: builder.can, cannot: builder.cannot });
    }
  }
  const emergencyClientIds = [...new Set(options.emergencyClientIds ?? [])];
  if (emergencyClientIds.length > 0) {
    for (const role of user.roles) {
      // The role's normal categories, read only; `medical` is filtered again here on purpose.
      const categories = (EMERGENCY_READ_CATEGORIES[role] ?? []).filter((category) => category !== 'medical');
      if (categories.length === 0) continue;
      builder
        .can('read', 'Client', categories, { id: { $in: emergencyClientIds } })
        .because(EMERGENCY_RULE_REASON);
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
  createForUser(user: AuthenticatedUser, options: AbilityOptions = {}): AppAbility {
    return buildAbility(user, MODULE_POLICIES, options);
  }
}
