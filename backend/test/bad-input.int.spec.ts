import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';

import { routeInventory } from '../src/authz/route-inventory';
import { bearer, createTestContext, type TestContext } from './test-context';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** Handlers that take a request body, found from the same metadata Nest uses to inject it. */
function handlersWithBody(ctx: TestContext): Set<string> {
  const names = new Set<string>();
  for (const module of ctx.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          unknown
        >;
        if (Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`)))
          names.add(`${controller.name}.${name}`);
      }
    }
  }
  return names;
}

/**
 * Bad input on every route gets a 400 with a Dutch message, never a 500 (DEVELOPERS.md, 5): an
 * unknown field in a body, a body of the wrong shape, and a path id that is not a UUID. The caller
 * holds every role that can change something, so the guard lets each request reach validation.
 */
describe('bad input on every route → 400 with a message', () => {
  let ctx: TestContext;
  let token: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.createUser('alles1', [
      'coach',
      'income_consultant',
      'payroll',
      'management',
      'admin',
      'dpo',
      'expertise',
    ]);
    token = await ctx.login('alles1');
  });
  afterAll(() => ctx.close());

  const validId = '00000000-0000-4000-8000-000000000000';

  it('refuses an unknown field in every request body, naming the field', async () => {
    const withBody = handlersWithBody(ctx);
    const routes = routeInventory(ctx.app).filter((route) => withBody.has(route.handler));
    expect(routes.length).toBeGreaterThan(8);
    for (const route of routes) {
      const path = route.path.replace(/:\w+/g, validId);
      const response = await ctx.http[route.method.toLowerCase() as Method](path)
        .set(bearer(token))
        .send({ onbekendVeld: 'x' });
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 400,
      });
      expect(response.body.message).toContain('onbekendVeld is geen toegestaan veld');
    }
  });

  it('refuses a path id that is not a UUID on every route with an id, before looking anything up', async () => {
    for (const route of routeInventory(ctx.app).filter((r) => /:\w+/.test(r.path))) {
      const path = route.path.replace(/:\w+/g, 'geen-id');
      const response = await ctx.http[route.method.toLowerCase() as Method](path).set(bearer(token)).send({});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 400,
      });
      expect(response.body.message).toEqual(expect.any(String));
    }
  });

  it('answers a malformed JSON body with 400, never 500', async () => {
    for (const route of routeInventory(ctx.app).filter((r) => r.method !== 'GET')) {
      const path = route.path.replace(/:\w+/g, validId);
      const response = await ctx.http[route.method.toLowerCase() as Method](path)
        .set(bearer(token))
        .set('Content-Type', 'application/json')
        .send('{"kapot": ');
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 400,
      });
    }
  });
});
