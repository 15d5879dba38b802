import { CLIENT_FIELD_CATEGORIES, type ClientSummary, type DataCategory } from '@werkpad/shared';

import { abilityOf } from '../../test/ability-of';
import { buildAbility } from './ability.factory';
import { projectByCategory, UnclassifiedFieldError, visibleCategories } from './category-projection';

const client: ClientSummary = {
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
    const withExtra = { ...client, notes: 'vrije tekst' } as ClientSummary & { notes: string };
    expect(() =>
      projectByCategory(
        withExtra,
        CLIENT_FIELD_CATEGORIES as Record<keyof typeof withExtra, DataCategory>,
        new Set(),
      ),
    ).toThrow(UnclassifiedFieldError);
  });

  it('gives a coach identity and contact of their own clients, and nothing of someone else’s', () => {
    const coach = buildAbility({
      id: 'c-1',
      username: 'coach1',
      displayName: 'C',
      roles: ['coach'],
      sessionId: 's',
    });
    expect(visibleCategories(coach, 'read', 'Client', client)).toEqual(new Set(['identity', 'contact']));
    expect(visibleCategories(coach, 'read', 'Client', { ...client, coachId: 'c-9' }).size).toBe(0);
  });
});
