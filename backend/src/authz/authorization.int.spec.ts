import { Controller, Get, Module } from '@nestjs/common';
import { type ClientSummary, type Page } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../test/test-context';
import { buildAbility } from './ability.factory';
import { routeInventory } from './route-inventory';
import { DataSource } from 'typeorm';

import { Client } from '../modules/clients/client.entity';
import { COACH_CATEGORIES } from '../modules/clients/clients.policy';
import { NO_POLICY_MESSAGE } from './access.guard';
import { applyAbilityScope } from './sql-scope';
import { Policy } from './policy.decorator';

describe('authorization (deny by default, scoped in SQL)', () => {
  let ctx: TestContext;
  let coach1: string;
  let coach2: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    coach1 = await ctx.createUser('coach1', ['coach']);
    coach2 = await ctx.createUser('coach2', ['coach']);
    await ctx.createUser('admin1', ['admin']);
    await ctx.createUser('dpo1', ['dpo']);
    for (const [index, bsn] of ['999990019', '999990020', '999990032'].entries()) {
      await ctx.createClient({ lastName: `Eerste${index}`, bsn, coachId: coach1 });
    }
    await ctx.createClient({ lastName: 'Tweede', bsn: '999990044', coachId: coach2 });
    await ctx.createClient({ lastName: 'Zonder', bsn: '999990056', coachId: null });
  });
  afterAll(() => ctx.close());

  it('lists every route with its policy and audit declaration (review a diff as a permission change)', () => {
    // The handler's name is not part of the permission surface; method, path, policy and audit are.
    expect(routeInventory(ctx.app).map(({ handler: _handler, ...route }) => route)).toMatchSnapshot();
  });

  it('has a policy (or is explicitly public) and an audit declaration on every route', () => {
    const routes = routeInventory(ctx.app);
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((route) => route.policy.startsWith('NONE') || route.audit === 'NONE')).toEqual([]);
    expect(routes.filter((route) => route.policy === 'PUBLIC').map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/auth/login',
      // The second factor of log readers: reachable only with the short-lived token of a right password.
      'POST /api/auth/mfa/enrollment',
      'POST /api/auth/mfa/verify',
      'POST /api/auth/refresh',
      'GET /api/health',
    ]);
  });

  it('answers 401 on every non-public route when no token is sent', async () => {
    for (const route of routeInventory(ctx.app).filter((r) => r.policy !== 'PUBLIC')) {
      const path = route.path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const response = await ctx.http[route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put'](
        path,
      ).send({});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });

  it('gives two coaches different rows from the same list query (scoping in SQL)', async () => {
    const first = await ctx.http.get('/api/clients').set(bearer(await ctx.login('coach1')));
    const second = await ctx.http.get('/api/clients').set(bearer(await ctx.login('coach2')));
    const names = (body: unknown) => (body as Page<ClientSummary>).items.map((client) => client.lastName);
    expect(first.status).toBe(200);
    expect(names(first.body)).toEqual(['Eerste0', 'Eerste1', 'Eerste2']);
    expect((first.body as Page<ClientSummary>).total).toBe(3);
    expect(names(second.body)).toEqual(['Tweede']);
  });

  it('puts the caseload condition into the generated SQL, not into a filter after loading', () => {
    const ability = buildAbility({
      id: coach1,
      username: 'coach1',
      displayName: 'C',
      roles: ['coach'],
      sessionId: 's',
    });
    const query = applyAbilityScope(
      ctx.app.get(DataSource).getRepository(Client).createQueryBuilder('client'),
      ability,
      'read',
      'Client',
    );
    expect(query.getQuery()).toMatch(/"client"\."coach_id" = :casl_0/);
    expect(query.getParameters()).toMatchObject({ casl_0: coach1 });
  });

  it('scopes to no rows at all for a role without a client rule (the FG sees no client content)', async () => {
    const ability = buildAbility({
      id: 'x',
      username: 'dpo1',
      displayName: 'F',
      roles: ['dpo'],
      sessionId: 's',
    });
    const rows = await applyAbilityScope(
      ctx.app.get(DataSource).getRepository(Client).createQueryBuilder('client'),
      ability,
      'read',
      'Client',
    ).getMany();
    expect(rows).toEqual([]);
    const response = await ctx.http.get('/api/clients').set(bearer(await ctx.login('dpo1')));
    expect(response.status).toBe(403);
  });

  it('shows admin only what identifies a person for assignment, never the file', async () => {
    const response = await ctx.http.get('/api/clients?pageSize=100').set(bearer(await ctx.login('admin1')));
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(5);
    for (const client of response.body.items as Array<Record<string, unknown>>) {
      expect(client).not.toHaveProperty('city');
      expect(client).not.toHaveProperty('openTrajectoryTypes');
    }
  });

  it('answers 404, not 403, for a client outside the caseload, exactly as for one that does not exist', async () => {
    const { rows } = await ctx.owner.query<{ id: string }>(
      "SELECT id FROM client WHERE last_name = 'Tweede'",
    );
    const token = await ctx.login('coach1');
    const hidden = await ctx.http.get(`/api/clients/${rows[0].id}`).set(bearer(token));
    const missing = await ctx.http
      .get('/api/clients/00000000-0000-4000-8000-000000000000')
      .set(bearer(token));
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.message).toBe(missing.body.message);
    const own = await ctx.http.get(`/api/clients/${rows[0].id}`).set(bearer(await ctx.login('coach2')));
    expect(own.status).toBe(200);
    expect(own.body.bsnMasked).toBe('******044');
  });

  it('finds a client by exact BSN through the blind index, and only within the caseload', async () => {
    const mine = await ctx.http.get('/api/clients?q=999990020').set(bearer(await ctx.login('coach1')));
    expect(mine.body.items.map((c: ClientSummary) => c.lastName)).toEqual(['Eerste1']);
    const notMine = await ctx.http.get('/api/clients?q=999990020').set(bearer(await ctx.login('coach2')));
    expect(notMine.body.total).toBe(0);
  });

  it('refuses user management to everyone but admin', async () => {
    for (const user of ['coach1', 'dpo1']) {
      const response = await ctx.http.get('/api/users').set(bearer(await ctx.login(user)));
      expect(response.status).toBe(403);
    }
    expect((await ctx.http.get('/api/users').set(bearer(await ctx.login('admin1')))).status).toBe(200);
  });

  it('sends the ability to the UI as packed rules that carry the caseload condition and categories', async () => {
    const response = await ctx.http.get('/api/auth/me').set(bearer(await ctx.login('coach1')));
    const rules = response.body.rules as unknown[][];
    expect(rules).toContainEqual([
      'read',
      'Client',
      { coachId: coach1 },
      0,
      COACH_CATEGORIES.join(','),
      expect.stringContaining('eigen caseload'),
    ]);
    expect(
      rules.filter((rule) => rule[1] === 'Client').every((rule) => !String(rule[4]).includes('medical')),
    ).toBe(true);
  });
});

describe('a route that declares no policy', () => {
  @Controller('zonder-beleid')
  class UndeclaredController {
    @Get()
    leak(): string {
      return 'geheim';
    }

    @Get('met-beleid')
    @Policy('read', 'User')
    declared(): string {
      return 'alleen voor beheer';
    }
  }

  @Module({ controllers: [UndeclaredController] })
  class UndeclaredModule {}

  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ extraModules: [UndeclaredModule] });
    await ctx.createUser('admin1', ['admin']);
  });
  afterAll(() => ctx.close());

  it('is refused for a signed-in user with every permission it could need, and the refusal is logged', async () => {
    const token = await ctx.login('admin1');
    const refused = await ctx.http.get('/api/zonder-beleid').set(bearer(token));
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe(NO_POLICY_MESSAGE);
    expect(refused.text).not.toContain('geheim');
    const declared = await ctx.http.get('/api/zonder-beleid/met-beleid').set(bearer(token));
    expect(declared.status).toBe(200);
    const { rows } = await ctx.owner.query(
      "SELECT result, route FROM audit_event WHERE route = 'GET /api/zonder-beleid'",
    );
    expect(rows).toEqual([{ result: 'denied', route: 'GET /api/zonder-beleid' }]);
  });
});
