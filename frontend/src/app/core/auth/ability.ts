import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { type PackRule, unpackRules } from '@casl/ability/extra';
import type { Action, PackedRule, SubjectName } from '@werkpad/shared';

/** The UI's view of the API's permissions; it only decides what to show, the API still enforces. */
export type AppAbility = MongoAbility<[Action, SubjectName]>;
export type AbilityRequirement = readonly [Action, SubjectName];

/** Builds an ability from the packed rules of `GET /api/auth/me`; no rules means nothing is allowed. */
export function buildAbility(packed: readonly PackedRule[]): AppAbility {
  // The shared contract types packed rules loosely (readonly unknown[]) so it does not depend on CASL.
  const rules = unpackRules(packed as unknown as PackRule<RawRuleOf<AppAbility>>[]);
  return createMongoAbility<AppAbility>(rules);
}

export function allows(ability: AppAbility, requirement: AbilityRequirement | undefined): boolean {
  return requirement === undefined || ability.can(requirement[0], requirement[1]);
}
