import { DataSource } from 'typeorm';

import { abilityOf } from '../../test/ability-of';
import { Client } from '../modules/clients/client.entity';
import { asSubject, buildAbility } from './ability.factory';
import { type AppAbility } from './policy.types';
import { applyAbilityScope, UnsupportedConditionError } from './sql-scope';

/** A DataSource that is never connected: enough for TypeORM to build SQL from entity metadata. */
class MetadataOnlyDataSource extends DataSource {
  loadMetadata(): Promise<void> {
    return this.buildMetadatas();
  }
}
const dataSource = new MetadataOnlyDataSource({ type: 'postgres', entities: [Client] });
beforeAll(() => dataSource.loadMetadata());

function scoped(ability: AppAbility): { sql: string; params: Record<string, unknown> } {
  const query = applyAbilityScope(
    dataSource.getRepository(Client).createQueryBuilder('client'),
    ability,
    'read',
    'Client',
  );
  return { sql: query.getQuery(), params: query.getParameters() };
}

describe('applyAbilityScope', () => {
  it('denies every row when no rule exists (deny by default)', () => {
    expect(scoped(abilityOf(() => undefined)).sql).toContain('1 = 0');
  });

  it('adds no condition for an unconditional rule', () => {
    const { sql } = scoped(abilityOf(({ can }) => can('read', 'Client')));
    expect(sql).toContain('1 = 1');
    expect(sql).not.toContain('casl_');
  });

  it('translates an equality to the entity’s database column with a bound parameter', () => {
    const { sql, params } = scoped(abilityOf(({ can }) => can('read', 'Client', { coachId: 'c-1' })));
    expect(sql).toContain('"client"."coach_id" = :casl_0');
    expect(params).toEqual({ casl_0: 'c-1' });
  });

  it('ORs separate rules and ANDs a later `cannot` into each of them', () => {
    const { sql, params } = scoped(
      abilityOf(({ can, cannot }) => {
        can('read', 'Client', { coachId: 'c-1' });
        can('read', 'Client', { city: { $in: ['Ede', 'Bennekom'] } });
        cannot('read', 'Client', { city: 'Otterlo' });
      }),
    );
    expect(sql).toMatch(/OR/);
    expect(sql).toMatch(/NOT \("client"\."city" = :casl_\d\)/);
    expect(sql).toMatch(/"client"\."city" = ANY\(:casl_\d\)/);
    expect(Object.values(params)).toEqual(expect.arrayContaining(['c-1', ['Ede', 'Bennekom'], 'Otterlo']));
  });

  it('writes IS NULL for a null comparison instead of a comparison that is never true', () => {
    expect(scoped(abilityOf(({ can }) => can('read', 'Client', { coachId: null }))).sql).toContain(
      '"client"."coach_id" IS NULL',
    );
  });

  it('refuses operators it does not translate, rather than silently dropping them', () => {
    expect(() =>
      scoped(abilityOf(({ can }) => can('read', 'Client', { lastName: { $regex: '^J' } }))),
    ).toThrow(UnsupportedConditionError);
  });

  it('refuses a condition on a field the entity does not have', () => {
    expect(() => scoped(abilityOf(({ can }) => can('read', 'Client', { ownerId: 'x' })))).toThrow(
      /No column/,
    );
  });

  it('agrees with ability.can for the coach policy on records inside and outside the caseload', () => {
    const ability = buildAbility({
      id: 'c-1',
      username: 'coach1',
      displayName: 'C',
      roles: ['coach'],
      sessionId: 's',
    });
    expect(ability.can('read', asSubject('Client', { coachId: 'c-1' }))).toBe(true);
    expect(ability.can('read', asSubject('Client', { coachId: 'c-2' }))).toBe(false);
    expect(ability.can('update', asSubject('Client', { coachId: 'c-2' }))).toBe(false);
    expect(ability.can('assign', asSubject('Client', { coachId: 'c-1' }))).toBe(false);
    expect(scoped(ability).params).toEqual({ casl_0: 'c-1' });
  });
  describe('array contains ($all), for the Expertisecentrum', () => {
    const expertise = buildAbility({
      id: 'e-1',
      username: 'expertise1',
      displayName: 'E',
      roles: ['expertise'],
      sessionId: 's',
    });

    it('R-MED-01: translates $all on an array column to one "= ANY" per value, with bound parameters', () => {
      const { sql, params } = scoped(
        abilityOf(({ can }) => can('read', 'Client', { expertiseUserIds: { $all: ['e-1', 'e-2'] } })),
      );
      expect(sql).toContain(
        '(:casl_0 = ANY("client"."expertise_user_ids") AND :casl_1 = ANY("client"."expertise_user_ids"))',
      );
      expect(params).toEqual({ casl_0: 'e-1', casl_1: 'e-2' });
    });

    it('R-MED-01: the expertise rule is read by CASL as "the array contains the user", like the SQL', () => {
      const client = (expertiseUserIds: string[]) =>
        asSubject('Client', { coachId: 'c-1', expertiseUserIds });
      expect(expertise.can('read', client(['e-1']))).toBe(true);
      expect(expertise.can('read', client(['e-0', 'e-1', 'e-2']))).toBe(true);
      expect(expertise.can('read', client(['e-2']))).toBe(false);
      expect(expertise.can('read', client([]))).toBe(false);
      expect(expertise.can('read', asSubject('Client', { coachId: 'c-1' }))).toBe(false);
      expect(expertise.can('read', client(['e-1']), 'health_functional')).toBe(true);
      expect(expertise.can('read', client(['e-1']), 'coaching_notes')).toBe(false);
      expect(expertise.can('read', client(['e-1']), 'medical')).toBe(false);
      expect(expertise.can('update', client(['e-1']))).toBe(false);
      const { sql, params } = scoped(expertise);
      expect(sql).toContain(':casl_0 = ANY("client"."expertise_user_ids")');
      expect(params).toEqual({ casl_0: 'e-1' });
    });

    it('refuses $all on a column that is not an array, an equality on an array column, and an empty $all', () => {
      expect(() =>
        scoped(abilityOf(({ can }) => can('read', 'Client', { coachId: { $all: ['c-1'] } }))),
      ).toThrow(/not an array/);
      expect(() =>
        scoped(abilityOf(({ can }) => can('read', 'Client', { expertiseUserIds: 'e-1' }))),
      ).toThrow(/is an array/);
      expect(() =>
        scoped(abilityOf(({ can }) => can('read', 'Client', { expertiseUserIds: { $all: [] } }))),
      ).toThrow(UnsupportedConditionError);
    });
  });
});
