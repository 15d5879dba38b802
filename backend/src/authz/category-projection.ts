import { permittedFieldsOf } from '@casl/ability/extra';
import { DATA_CATEGORIES, type Action, type DataCategory, type SubjectName } from '@werkpad/shared';

import { asSubject } from './ability.factory';
import { type AppAbility } from './policy.types';

/**
 * Data categories are CASL *fields*: a policy grants `can('read', 'Client', ['identity', 'contact'],
 * { coachId: user.id })`. A rule without fields grants every category except `medical`, which must
 * always be named (R-MED-01). Which categories apply is decided per record, so conditions count.
 */
export function visibleCategories(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  record: object,
): ReadonlySet<DataCategory> {
  const fields = permittedFieldsOf(ability, action, asSubject(subject, record), {
    fieldsFrom: (rule) => rule.fields ?? DATA_CATEGORIES.filter((category) => category !== 'medical'),
  });
  return new Set(
    fields.filter((field): field is DataCategory => (DATA_CATEGORIES as readonly string[]).includes(field)),
  );
}

export class UnclassifiedFieldError extends Error {}

/**
 * Shapes a response by category, in one place: only fields whose category is visible are kept.
 * A field with no declared category is never sent (it throws, so a test finds it first).
 */
export function projectByCategory<T extends object>(
  record: T,
  fieldCategories: Readonly<Record<keyof T, DataCategory | 'always'>>,
  visible: ReadonlySet<DataCategory>,
): Partial<T> {
  const projected: Partial<T> = {};
  for (const key of Object.keys(record) as Array<keyof T>) {
    const category = fieldCategories[key];
    if (category === undefined)
      throw new UnclassifiedFieldError(`Field "${String(key)}" has no data category`);
    if (category === 'always' || visible.has(category)) projected[key] = record[key];
  }
  return projected;
}
