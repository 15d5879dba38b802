import { type DataCategory } from '@werkpad/shared';

import { abilityOf } from '../../test/ability-of';
import { buildAbility } from './ability.factory';
import { COACH_CATEGORIES } from '../modules/clients/clients.policy';
import { projectByCategory, UnclassifiedFieldError, visibleCategories } from './category-projection';

interface ClientRow {
  id: string;
  coachId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  bsnMasked: string;
  city: string;
}

const CLIENT_FIELD_CATEGORIES: Record<keyof ClientRow, DataCategory | 'always'> = {
  id: 'always',
  coachId: 'always',
  firstName: 'identity',
  lastName: 'identity',
  dateOfBirth: 'identity',
  bsnMasked: 'identity',
  city: 'contact',
};

const client: ClientRow = {
  id: 'k-1',
  coachId: 'c-1',
  firstName: 'Anna',
  lastName: 'de Vries',
  dateOfBirth: '1980-05-17',
  bsnMasked: '******019',
  city: 'Ede',
};

describe('category projection', () => {
  it('keeps only the fields of categories the role may see for this record', () => {
    const ability = abilityOf(({ can }) => can('read', 'Client', ['identity'], { coachId: 'c-1' }));
    const visible = visibleCategories(ability, 'read', 'Client', client);
    expect([...visible]).toEqual(['identity']);
    expect(projectByCategory(client, CLIENT_FIELD_CATEGORIES, visible)).toEqual({
      id: 'k-1',
      coachId: 'c-1',
      firstName: 'Anna',
      lastName: 'de Vries',
      dateOfBirth: '1980-05-17',
      bsnMasked: '******019',
    });
  });

  it('grants nothing for a record outside the rule’s conditions', () => {
    const ability = abilityOf(({ can }) =>
      can('read', 'Client', ['identity', 'contact'], { coachId: 'c-2' }),
    );
    const visible = visibleCategories(ability, 'read', 'Client', client);
    expect(visible.size).toBe(0);
    expect(projectByCategory(client, CLIENT_FIELD_CATEGORIES, visible)).toEqual({
      id: 'k-1',
      coachId: 'c-1',
    });
  });

  it('never grants medical data through a rule that names no categories (R-MED-01 by default)', () => {
    const ability = abilityOf(({ can }) => can('read', 'Client'));
    const visible = visibleCategories(ability, 'read', 'Client', client);
    expect(visible.has('medical')).toBe(false);
    expect(visible.has('coaching_notes')).toBe(true);
  });

  it('lets a later `cannot` take a category away', () => {
    const ability = abilityOf(({ can, cannot }) => {
      can('read', 'Client', ['identity', 'contact']);
      cannot('read', 'Client', ['contact']);
    });
    expect([...visibleCategories(ability, 'read', 'Client', client)]).toEqual(['identity']);
  });

  it('refuses to send a field that has no declared category', () => {
    const withExtra = { ...client, notes: 'vrije tekst' } as ClientRow & { notes: string };
    expect(() =>
      projectByCategory(
        withExtra,
        CLIENT_FIELD_CATEGORIES as Record<keyof typeof withExtra, DataCategory>,
        new Set(),
      ),
    ).toThrow(UnclassifiedFieldError);
  });

  it('gives a coach the whole file of their own clients except medical and payroll, and nothing of someone else’s', () => {
    const coach = buildAbility({
      id: 'c-1',
      username: 'coach1',
      displayName: 'C',
      roles: ['coach'],
      sessionId: 's',
    });
    const own = visibleCategories(coach, 'read', 'Client', client);
    expect(own).toEqual(new Set(COACH_CATEGORIES));
    expect(own.has('coaching_notes')).toBe(true);
    expect(own.has('medical')).toBe(false);
    expect(own.has('payroll')).toBe(false);
    expect(visibleCategories(coach, 'read', 'Client', { ...client, coachId: 'c-9' }).size).toBe(0);
  });
});
