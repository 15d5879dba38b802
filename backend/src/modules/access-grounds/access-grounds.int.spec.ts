import { type AccessGround, type ClientView } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

describe('GET /api/clients/:id/access-grounds (waarom zie ik dit)', () => {
  let ctx: TestContext;
  let clientId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const coach = await ctx.createUser('coach1', ['coach']);
    const income = await ctx.createUser('income1', ['income_consultant']);
    await ctx.createUser('coach2', ['coach']);
    clientId = await ctx.createClient({
      lastName: 'Jansen',
      bsn: '999990019',
      coachId: coach,
      incomeConsultantId: income,
    });
    await ctx.createTrajectory(clientId, 'intake', { createdBy: coach });
  });
  afterAll(() => ctx.close());

  it.each(['coach1', 'income1'])(
    'names a ground for exactly the categories %s may read of the client',
    async (user) => {
      const token = await ctx.login(user);
      const file = (await ctx.http.get(`/api/clients/${clientId}`).set(bearer(token))).body as ClientView;
      const response = await ctx.http.get(`/api/clients/${clientId}/access-grounds`).set(bearer(token));
      expect(response.status).toBe(200);
      const grounds = response.body as AccessGround[];
      expect(grounds.map((ground) => ground.category)).toEqual(file.readableCategories);
      for (const ground of grounds) expect(ground.grounds.length).toBeGreaterThan(0);
      expect(grounds.map((ground) => ground.category)).not.toContain('medical');
    },
  );

  it('R-SHARE-03: tells the income consultant that the intake is why they see the financial situation', async () => {
    const response = await ctx.http
      .get(`/api/clients/${clientId}/access-grounds`)
      .set(bearer(await ctx.login('income1')));
    const financial = (response.body as AccessGround[]).find((ground) => ground.category === 'financial');
    expect(financial?.grounds.map((ground) => ground.reference)).toEqual([
      expect.stringContaining('lopende intake'),
    ]);
  });

  it('answers 404 for a client outside the scope, like any other part of the file', async () => {
    const response = await ctx.http
      .get(`/api/clients/${clientId}/access-grounds`)
      .set(bearer(await ctx.login('coach2')));
    expect(response.status).toBe(404);
  });
});
