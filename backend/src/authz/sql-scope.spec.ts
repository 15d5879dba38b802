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
});
