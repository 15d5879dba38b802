import { type Role } from '@werkpad/shared';
import { DataSource } from 'typeorm';

import { Client } from '../modules/clients/client.entity';
import { COACH_CATEGORIES, INCOME_CONSULTANT_CATEGORIES } from '../modules/clients/clients.policy';
import { asSubject, buildAbility, EMERGENCY_RULE_REASON } from './ability.factory';
import { visibleCategories } from './category-projection';
import { MODULE_POLICIES } from './policy-registry';
import { applyAbilityScope } from './sql-scope';

class MetadataOnlyDataSource extends DataSource {
  loadMetadata(): Promise<void> {
    return this.buildMetadatas();
  }
}
const dataSource = new MetadataOnlyDataSource({ type: 'postgres', entities: [Client] });
beforeAll(() => dataSource.loadMetadata());

const GRANTED = 'client-granted';
const user = (roles: Role[]) => ({ id: 'u-1', username: 'u', displayName: 'U', roles, sessionId: 's' });
const client = (id: string) =>
  asSubject('Client', {
    id,
    coachId: 'someone-else',
    incomeConsultantId: 'someone-else',
    inIntake: true,
    payrollScope: true,
    expertiseUserIds: [],
  });
const withGrant = (roles: Role[]) =>
  buildAbility(user(roles), MODULE_POLICIES, { emergencyClientIds: [GRANTED] });

describe('emergency access in the ability (break-the-glass)', () => {
  it('lets a coach read the granted client with the coach categories, never medical, and nothing else', () => {
    const ability = withGrant(['coach']);
    expect(ability.can('read', client(GRANTED))).toBe(true);
    expect(ability.can('read', client('another'))).toBe(false);
    const visible = visibleCategories(ability, 'read', 'Client', client(GRANTED));
    expect([...visible].sort()).toEqual([...COACH_CATEGORIES].sort());
    expect(visible.has('medical')).toBe(false);
    expect(visible.has('payroll')).toBe(false);
  });

  it('grants read only: no update, reveal or assign of the granted client', () => {
    const ability = withGrant(['coach', 'income_consultant']);
    for (const action of ['update', 'reveal', 'assign'] as const)
      expect(ability.can(action, client(GRANTED))).toBe(false);
  });

  it('gives an income consultant the normal categories, not the intake extras, even during intake', () => {
    const visible = visibleCategories(withGrant(['income_consultant']), 'read', 'Client', client(GRANTED));
    expect([...visible].sort()).toEqual([...INCOME_CONSULTANT_CATEGORIES].sort());
  });

  it.each<Role>(['payroll', 'management', 'admin', 'dpo', 'expertise'])(
    'adds nothing for %s, who cannot hold a grant',
    (role) => {
      const without = buildAbility(user([role]));
      expect(withGrant([role]).rules).toEqual(without.rules);
    },
  );

  it('names the grant as the ground of every category it opens', () => {
    const ability = withGrant(['coach']);
    const reasons = ability
      .rulesFor('read', 'Client', 'identity')
      .filter((rule) => rule.matchesConditions(client(GRANTED)))
      .map((rule) => rule.reason);
    expect(reasons).toEqual([EMERGENCY_RULE_REASON]);
  });

  it('reaches the SQL scope, so lists and ClientAccess find the granted client', () => {
    const query = applyAbilityScope(
      dataSource.getRepository(Client).createQueryBuilder('client'),
      withGrant(['coach']),
      'read',
      'Client',
    );
    expect(query.getQuery()).toMatch(/"client"\."id" = ANY\(:casl_\d+\)/);
    expect(Object.values(query.getParameters())).toContainEqual([GRANTED]);
  });
});
