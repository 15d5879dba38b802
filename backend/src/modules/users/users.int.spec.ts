import { type UserSummary } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

describe('user management by admin', () => {
  let ctx: TestContext;
  let admin: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.createUser('admin1', ['admin']);
    await ctx.createUser('coach1', ['coach']);
    admin = await ctx.login('admin1');
  });
  afterAll(() => ctx.close());

  const valid = {
    username: 'jdevries',
    displayName: 'Jan de Vries',
    password: 'een-lang-wachtwoord',
    roles: ['coach'],
  };

  it('creates a user who can then log in with the given roles, and never returns the password hash', async () => {
    const response = await ctx.http.post('/api/users').set(bearer(admin)).send(valid);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      username: 'jdevries',
      displayName: 'Jan de Vries',
      roles: ['coach'],
      active: true,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|password/i);
    const token = await ctx.login('jdevries', 'een-lang-wachtwoord');
    const me = await ctx.http.get('/api/auth/me').set(bearer(token));
    expect(me.body.roles).toEqual(['coach']);
  });

  it('answers 409 with a Dutch message for an existing username, in any case', async () => {
    const response = await ctx.http
      .post('/api/users')
      .set(bearer(admin))
      .send({ ...valid, username: 'COACH1' });
    expect(response.status).toBe(400);
    const lower = await ctx.http
      .post('/api/users')
      .set(bearer(admin))
      .send({ ...valid, username: 'coach1' });
    expect(lower.status).toBe(409);
    expect(lower.body.message).toBe('Deze gebruikersnaam bestaat al.');
  });

  it.each([
    [{ ...valid, username: 'x' }, 'username'],
    [{ ...valid, password: 'kort' }, 'password'],
    [{ ...valid, roles: [] }, 'roles'],
    [{ ...valid, roles: ['superuser'] }, 'roles'],
    [{ ...valid, roles: 'coach' }, 'roles'],
    [{ ...valid, displayName: undefined }, 'displayName'],
    [{ ...valid, isAdmin: true }, 'isAdmin'],
  ])('refuses bad input %j with a 400 naming the field', async (body, field) => {
    const response = await ctx.http.post('/api/users').set(bearer(admin)).send(body);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(response.body.message).toMatch(/^Ongeldige invoer: /);
  });

  it('refuses a malformed id with a 400 and an unknown id with a 404', async () => {
    expect((await ctx.http.get('/api/users/niet-een-uuid').set(bearer(admin))).status).toBe(400);
    expect(
      (await ctx.http.get('/api/users/00000000-0000-4000-8000-000000000000').set(bearer(admin))).status,
    ).toBe(404);
  });

  it('searches by username and name prefix, paginated, with wildcards taken literally', async () => {
    const page = await ctx.http.get('/api/users?q=jan&pageSize=1').set(bearer(admin));
    expect(page.status).toBe(200);
    expect((page.body.items as UserSummary[]).map((user) => user.username)).toEqual(['jdevries']);
    const wildcard = await ctx.http.get('/api/users?q=%25').set(bearer(admin));
    expect(wildcard.body.total).toBe(0);
    const badPage = await ctx.http.get('/api/users?pageSize=1000').set(bearer(admin));
    expect(badPage.status).toBe(400);
    expect(badPage.body.errors[0].field).toBe('pageSize');
  });

  it('changes roles, which ends the user’s sessions so the new roles apply at the next login', async () => {
    const list = await ctx.http.get('/api/users?q=jdevries').set(bearer(admin));
    const id = (list.body.items as UserSummary[])[0].id;
    const token = await ctx.login('jdevries', 'een-lang-wachtwoord');
    const patched = await ctx.http
      .patch(`/api/users/${id}`)
      .set(bearer(admin))
      .send({ roles: ['coach', 'management'] });
    expect(patched.status).toBe(200);
    expect(patched.body.roles).toEqual(['coach', 'management']);
    expect((await ctx.http.get('/api/auth/me').set(bearer(token))).status).toBe(401);
  });

  it('does not let an admin deactivate their own account or drop their own admin role', async () => {
    const me = await ctx.http.get('/api/auth/me').set(bearer(admin));
    for (const change of [{ active: false }, { roles: ['coach'] }]) {
      const response = await ctx.http.patch(`/api/users/${me.body.id}`).set(bearer(admin)).send(change);
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/eigen account/);
    }
    const rename = await ctx.http
      .patch(`/api/users/${me.body.id}`)
      .set(bearer(admin))
      .send({ displayName: 'Ad B.' });
    expect(rename.status).toBe(200);
  });

  it('does not let a coach read or change accounts', async () => {
    const coach = await ctx.login('coach1');
    const list = await ctx.http.get('/api/users').set(bearer(coach));
    expect(list.status).toBe(403);
    const create = await ctx.http.post('/api/users').set(bearer(coach)).send(valid);
    expect(create.status).toBe(403);
  });
});
