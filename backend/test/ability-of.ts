import { AbilityBuilder, createMongoAbility } from '@casl/ability';

import { type AppAbility } from '../src/authz/policy.types';

/** An ability from hand-written rules, for testing the translators without the module policies. */
export function abilityOf(define: (builder: AbilityBuilder<AppAbility>) => void): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  define(builder);
  return builder.build({ detectSubjectType: (record) => record.__caslSubjectType__ ?? 'all' });
}
