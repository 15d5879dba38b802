import { MESSAGES, REFRESH_COOKIE } from './auth.constants';
import { bearer, createTestContext, TEST_PASSWORD, type TestContext } from '../../test/test-context';

function refreshCookie(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((value) => value.startsWith(`${REFRESH_COOKIE}=`));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie.split(';')[0];
}

describe('authentication', () => {
  let ctx: TestContext;
  let coachId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    coachId = await ctx.createUser('coach1', ['coach']);
    await ctx.createUser('admin1', ['admin']);
    await ctx.createUser('slot1', ['coach']);
    await ctx.createUser('oud1', ['coach'], { active: false });
  });
  afterAll(() => ctx.close());

  it('returns a short-lived JWT and an httpOnly refresh cookie for a correct password', async () => {
    const response = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'coach1', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.expiresIn).toBeLessThanOrEqual(900);
    const [, payload] = (response.body.accessToken as string).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      sub: string;
      exp: number;
      iat: number;
    };
    expect(claims.sub).toBe(coachId);
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
  });

  it('accepts the username in any case', async () => {
    await expect(ctx.login('COACH1')).resolves.toEqual(expect.any(String));
  });

  it('refuses a wrong password and an unknown user with the same Dutch message', async () => {
    const wrong = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'coach1', password: 'niet-goed-genoeg' });
    const unknown = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'niemand', password: 'niet-goed-genoeg' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(MESSAGES.badCredentials);
    expect(unknown.body.message).toBe(MESSAGES.badCredentials);
  });

  it('locks an account after five wrong passwords, even for the right password, until the lock ends', async () => {
    const messages: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await ctx.http
        .post('/api/auth/login')
        .send({ username: 'slot1', password: 'fout-wachtwoord' });
      messages.push((response.body as { message: string }).message);
    }
    // The attempt that locks the account already says so.
    expect(messages[4]).toBe(MESSAGES.locked);
    expect(messages[3]).not.toBe(MESSAGES.locked);
    const locked = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'slot1', password: TEST_PASSWORD });
    expect(locked.status).toBe(401);
    expect(locked.body.message).toBe(MESSAGES.locked);
    await ctx.owner.query(
      "UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = 'slot1'",
    );
    await expect(ctx.login('slot1')).resolves.toEqual(expect.any(String));
  });

  it('tells a deactivated user, who knows the password, that the account is deactivated', async () => {
    const response = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'oud1', password: TEST_PASSWORD });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe(MESSAGES.deactivated);
  });

  describe('bad input on login gets a 400 that names the field, never a 500', () => {
    it.each([
      [{ username: 'coach1' }, 'password', 'password is verplicht'],
      [{ username: 42, password: 'x' }, 'username', 'username moet tekst zijn'],
      [{ username: 'coach1', password: 'x', admin: true }, 'admin', 'admin is geen toegestaan veld'],
      [
        { username: 'c'.repeat(101), password: 'x' },
        'username',
        'username mag maximaal 100 tekens lang zijn',
      ],
    ])('%j', async (body, field, message) => {
      const response = await ctx.http.post('/api/auth/login').send(body);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field, messages: expect.arrayContaining([message]) }),
        ]),
      );
      expect(response.body.message).toContain(message);
    });

    it('malformed JSON', async () => {
      const response = await ctx.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username": "coach1",');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        message: 'De aanvraag bevat geen geldige JSON.',
      });
    });

    it('an oversized body is refused as too large (413), with a message', async () => {
      const response = await ctx.http
        .post('/api/auth/login')
        .send({ username: 'coach1', password: 'x'.repeat(200_000) });
      expect(response.status).toBe(413);
      expect(response.body.message).toMatch(/te groot/);
    });
  });

  it('stops accepting a deactivated user’s token on the very next request', async () => {
    const victim = await ctx.createUser('tijdelijk1', ['coach']);
    const token = await ctx.login('tijdelijk1');
    expect((await ctx.http.get('/api/auth/me').set(bearer(token))).status).toBe(200);
    const admin = await ctx.login('admin1');
    const patched = await ctx.http.patch(`/api/users/${victim}`).set(bearer(admin)).send({ active: false });
    expect(patched.status).toBe(200);
    const after = await ctx.http.get('/api/auth/me').set(bearer(token));
    expect(after.status).toBe(401);
  });

  it('ends the session on logout: the same token no longer works and refresh is refused', async () => {
    const login = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'coach1', password: TEST_PASSWORD });
    const token = login.body.accessToken as string;
    const cookie = refreshCookie(login.headers['set-cookie']);
    expect((await ctx.http.post('/api/auth/logout').set(bearer(token))).status).toBe(204);
    expect((await ctx.http.get('/api/auth/me').set(bearer(token))).status).toBe(401);
    expect((await ctx.http.post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
  });

  it('rotates the refresh token, and a replayed old one ends the session (theft detection)', async () => {
    const login = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'coach1', password: TEST_PASSWORD });
    const first = refreshCookie(login.headers['set-cookie']);
    const refreshed = await ctx.http.post('/api/auth/refresh').set('Cookie', first);
    expect(refreshed.status).toBe(200);
    const second = refreshCookie(refreshed.headers['set-cookie']);
    expect(second).not.toBe(first);
    expect((await ctx.http.get('/api/auth/me').set(bearer(refreshed.body.accessToken))).status).toBe(200);

    expect((await ctx.http.post('/api/auth/refresh').set('Cookie', first)).status).toBe(401);
    expect((await ctx.http.post('/api/auth/refresh').set('Cookie', second)).status).toBe(401);
    expect((await ctx.http.get('/api/auth/me').set(bearer(refreshed.body.accessToken))).status).toBe(401);
  });

  it('refuses a token signed with another key and a token with a bad signature', async () => {
    const token = await ctx.login('coach1');
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('vervalst').toString('base64url')}`;
    expect((await ctx.http.get('/api/auth/me').set(bearer(forged))).status).toBe(401);
    expect((await ctx.http.get('/api/auth/me').set('Authorization', 'Bearer zomaar')).status).toBe(401);
  });

  it('records the socket address, not a forged X-Forwarded-For, when no proxy is configured', async () => {
    await ctx.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ username: 'coach1', password: TEST_PASSWORD });
    const { rows } = await ctx.owner.query(
      "SELECT ip FROM audit_event WHERE action = 'login' ORDER BY seq DESC LIMIT 1",
    );
    expect(rows[0].ip).not.toContain('203.0.113.9');
    expect(rows[0].ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('sends no-store and security headers on API responses', async () => {
    const response = await ctx.http.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body.info.database.status).toBe('up');
    expect(response.headers['cache-control']).toContain('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
