import { routeInventory } from '../src/authz/route-inventory';
import { createTestContext, type TestContext } from './test-context';

describe('OpenAPI document', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('documents every route of the running app, with a response and, for bodies, a schema', async () => {
    const response = await ctx.http.get('/api/docs-json');
    expect(response.status).toBe(200);
    const paths = response.body.paths as Record<
      string,
      Record<string, { responses: object; requestBody?: object }>
    >;
    for (const route of routeInventory(ctx.app)) {
      const documented = paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect({ route: `${route.method} ${route.path}`, documented: Boolean(documented) }).toEqual({
        route: `${route.method} ${route.path}`,
        documented: true,
      });
      expect(Object.keys(documented.responses).length).toBeGreaterThan(0);
    }
    expect(paths['/api/users'].post.requestBody).toBeDefined();
    expect(paths['/api/auth/login'].post.requestBody).toBeDefined();
  });

  it('serves the interactive documentation at /api/docs', async () => {
    const response = await ctx.http.get('/api/docs');
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger');
  });
});
