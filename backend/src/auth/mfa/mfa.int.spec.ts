import { JwtService } from '@nestjs/jwt';
import { DEMO_TOTP_SECRET, seedDemoMfa } from '@werkpad/db';
import { type MfaChallenge, type MfaEnrollment } from '@werkpad/shared';

import { bearer, createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/test-context';
import { MESSAGES, REFRESH_COOKIE } from '../auth.constants';
import { MFA_TOKEN_AUDIENCE } from './mfa-token.service';
import { totpCode, totpStep } from './totp';

function refreshCookie(setCookie: string[] | string | undefined): string | undefined {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return cookies.find((value) => value.startsWith(`${REFRESH_COOKIE}=`))?.split(';')[0];
}

const nowStep = (): number => totpStep(Date.now());

/** A six-digit code that is valid in none of the steps the server accepts around now. */
function wrongCode(secret: string): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => totpCode(secret, nowStep() + offset)));
  return ['000000', '111111', '222222'].find((code) => !valid.has(code)) as string;
}

describe('two-step login for log readers (TOTP)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.createUser('coach1', ['coach']);
  });
  afterAll(() => ctx.close());

  async function passwordStep(username: string): Promise<MfaChallenge> {
    const response = await ctx.http.post('/api/auth/login').send({ username, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(refreshCookie(response.headers['set-cookie'])).toBeUndefined();
    expect(response.body).not.toHaveProperty('accessToken');
    return response.body as MfaChallenge;
  }

  /** A dpo user with a confirmed secret (enrolled through the API); returns the secret. */
  async function enrolledDpo(username: string): Promise<{ userId: string; secret: string }> {
    const userId = await ctx.createUser(username, ['dpo']);
    const { mfaToken } = await passwordStep(username);
    const enrollment = await ctx.http.post('/api/auth/mfa/enrollment').send({ mfaToken });
    const secret = (enrollment.body as MfaEnrollment).secret;
    const verified = await ctx.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken, code: totpCode(secret, nowStep()) });
    expect(verified.status).toBe(200);
    return { userId, secret };
  }

  async function lastLoginEvent(
    userId: string,
  ): Promise<{ result: string; ground: unknown; details: unknown }> {
    const { rows } = await ctx.owner.query(
      `SELECT result, ground, details FROM audit_event
        WHERE user_id = $1 AND action = 'login' ORDER BY seq DESC LIMIT 1`,
      [userId],
    );
    return rows[0];
  }

  it('R-AUD-03: a log reader enrols with a QR code on first login and is signed in by the first valid code', async () => {
    const userId = await ctx.createUser('fg_nieuw', ['dpo']);
    const challenge = await passwordStep('fg_nieuw');
    expect(challenge.mfa).toBe('enroll');
    expect(challenge.mfaToken).toEqual(expect.any(String));

    const enrollment = await ctx.http.post('/api/auth/mfa/enrollment').send({ mfaToken: challenge.mfaToken });
    expect(enrollment.status).toBe(201);
    const { otpauthUrl, qrCodeDataUrl, secret } = enrollment.body as MfaEnrollment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(otpauthUrl);
    expect(decodeURIComponent(url.pathname)).toBe('/Werkpad:fg_nieuw');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('Werkpad');
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    // Stored encrypted, not yet confirmed.
    const stored = await ctx.owner.query(
      'SELECT secret_encrypted, confirmed_at FROM user_mfa WHERE user_id = $1',
      [userId],
    );
    expect(stored.rows[0].confirmed_at).toBeNull();
    expect(Buffer.from(stored.rows[0].secret_encrypted).includes(Buffer.from(secret))).toBe(false);
    expect(ctx.crypto.decrypt(stored.rows[0].secret_encrypted)).toBe(secret);

    const verified = await ctx.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken: challenge.mfaToken, code: totpCode(secret, nowStep()) });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    const cookie = refreshCookie(verified.headers['set-cookie']);
    expect(cookie).toBeDefined();
    const me = await ctx.http.get('/api/auth/me').set(bearer(verified.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('fg_nieuw');

    const confirmed = await ctx.owner.query('SELECT confirmed_at FROM user_mfa WHERE user_id = $1', [userId]);
    expect(confirmed.rows[0].confirmed_at).not.toBeNull();
    expect(await lastLoginEvent(userId)).toEqual({
      result: 'allowed',
      ground: { kind: 'authentication', reference: 'password+totp' },
      details: { totp: 'ingesteld' },
    });
    const enrolmentEvents = await ctx.owner.query(
      "SELECT action, result FROM audit_event WHERE user_id = $1 AND object_type = 'UserMfa'",
      [userId],
    );
    expect(enrolmentEvents.rows).toEqual([{ action: 'create', result: 'allowed' }]);

    // A refresh of this session asks for no code again: the session was made with the second factor.
    const refreshed = await ctx.http.post('/api/auth/refresh').set('Cookie', cookie as string);
    expect(refreshed.status).toBe(200);
  });

  it('R-AUD-03: a log reader with a confirmed second factor is asked for a code, and cannot enrol a new secret', async () => {
    const { secret } = await enrolledDpo('fg_bevestigd');
    const challenge = await passwordStep('fg_bevestigd');
    expect(challenge.mfa).toBe('verify');

    const again = await ctx.http.post('/api/auth/mfa/enrollment').send({ mfaToken: challenge.mfaToken });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(MESSAGES.mfaAlreadyEnrolled);

    // The earlier login used the current step; the next step is inside the window and not used yet.
    const verified = await ctx.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken: challenge.mfaToken, code: totpCode(secret, nowStep() + 1) });
    expect(verified.status).toBe(200);
  });

  it('R-AUD-01: a wrong code is refused with a Dutch message, logged as denied and counted towards the lockout', async () => {
    const { userId, secret } = await enrolledDpo('fg_fout');
    const { mfaToken } = await passwordStep('fg_fout');

    const wrong = await ctx.http.post('/api/auth/mfa/verify').send({ mfaToken, code: wrongCode(secret) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe(MESSAGES.wrongCode);
    expect(refreshCookie(wrong.headers['set-cookie'])).toBeUndefined();
    expect(await lastLoginEvent(userId)).toMatchObject({
      result: 'denied',
      ground: { kind: 'authentication', reference: 'wrong totp code' },
    });
    const counted = await ctx.owner.query('SELECT failed_login_count FROM app_user WHERE id = $1', [userId]);
    expect(counted.rows[0].failed_login_count).toBe(1);

    // Four more wrong codes make five failures: the account is locked, even for the right code.
    for (let attempt = 0; attempt < 4; attempt++) {
      await ctx.http.post('/api/auth/mfa/verify').send({ mfaToken, code: wrongCode(secret) });
    }
    const right = await ctx.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken, code: totpCode(secret, nowStep() + 1) });
    expect(right.status).toBe(401);
    expect(right.body.message).toBe(MESSAGES.locked);
    expect(refreshCookie(right.headers['set-cookie'])).toBeUndefined();
  });

  it('R-AUD-03: a code is accepted once; the same code again is refused (replay)', async () => {
    const { userId, secret } = await enrolledDpo('fg_herhaal');
    const { mfaToken } = await passwordStep('fg_herhaal');
    const code = totpCode(secret, nowStep() + 1);
    const first = await ctx.http.post('/api/auth/mfa/verify').send({ mfaToken, code });
    expect(first.status).toBe(200);
    const replay = await ctx.http.post('/api/auth/mfa/verify').send({ mfaToken, code });
    expect(replay.status).toBe(401);
    expect(replay.body.message).toBe(MESSAGES.wrongCode);
    expect(await lastLoginEvent(userId)).toMatchObject({
      result: 'denied',
      ground: { kind: 'authentication', reference: 'replayed totp code' },
    });
    // An older step than the last one used is refused too.
    const older = await ctx.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken, code: totpCode(secret, nowStep()) });
    expect(older.status).toBe(401);
  });

  it('R-AUD-03: the MFA token is no access token, an access token is no MFA token, and an expired one is refused', async () => {
    const userId = await ctx.createUser('fg_token', ['dpo']);
    const { mfaToken } = await passwordStep('fg_token');
    expect((await ctx.http.get('/api/auth/me').set(bearer(mfaToken))).status).toBe(401);

    const accessToken = await ctx.login('coach1');
    const misused = await ctx.http.post('/api/auth/mfa/enrollment').send({ mfaToken: accessToken });
    expect(misused.status).toBe(401);
    expect(misused.body.message).toBe(MESSAGES.mfaExpired);

    const expired = await ctx.app
      .get(JwtService)
      .signAsync(
        { sub: userId, typ: 'mfa', exp: Math.floor(Date.now() / 1000) - 1 },
        { issuer: 'werkpad', audience: MFA_TOKEN_AUDIENCE, algorithm: 'HS256' },
      );
    const late = await ctx.http.post('/api/auth/mfa/enrollment').send({ mfaToken: expired });
    expect(late.status).toBe(401);
    expect(late.body.message).toBe(MESSAGES.mfaExpired);
  });

  it('the demo seed gives a log reader the documented demo secret, ready for use (npm run demo:totp)', async () => {
    const userId = await ctx.createUser('fg_demo', ['dpo']);
    await seedDemoMfa(ctx.owner, { userId, encrypt: (secret) => ctx.crypto.encrypt(secret) });
    const { mfa, mfaToken } = await passwordStep('fg_demo');
    expect(mfa).toBe('verify');
    const verified = await ctx.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken, code: totpCode(DEMO_TOTP_SECRET, nowStep()) });
    expect(verified.status).toBe(200);
  });

  it('a wrong password for a log reader is refused before any second step', async () => {
    await ctx.createUser('fg_wachtwoord', ['dpo']);
    const response = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'fg_wachtwoord', password: 'niet-het-wachtwoord' });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe(MESSAGES.badCredentials);
    expect(response.body).not.toHaveProperty('mfaToken');
  });

  it('users without the dpo role log in with their password alone, as before', async () => {
    const response = await ctx.http
      .post('/api/auth/login')
      .send({ username: 'coach1', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    expect(refreshCookie(response.headers['set-cookie'])).toBeDefined();
  });

  it('refuses a code that is not six digits with a 400 naming the field', async () => {
    await enrolledDpo('fg_invoer');
    const { mfaToken } = await passwordStep('fg_invoer');
    const response = await ctx.http.post('/api/auth/mfa/verify').send({ mfaToken, code: '12 34' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'code', messages: ['code moet uit 6 cijfers bestaan'] }),
      ]),
    );
  });

  describe('a lost second factor', () => {
    let admin: string;
    let adminId: string;
    const reason = 'Telefoon verloren, gemeld aan de servicedesk op 23-11';
    const temporaryPassword = 'Tijdelijk-wachtwoord-2026';

    beforeAll(async () => {
      adminId = await ctx.createUser('beheer_mfa', ['admin']);
      admin = await ctx.login('beheer_mfa');
    });

    async function loggedInDpo(username: string): Promise<{ userId: string; accessToken: string }> {
      const { userId, secret } = await enrolledDpo(username);
      const { mfaToken } = await passwordStep(username);
      const verified = await ctx.http
        .post('/api/auth/mfa/verify')
        .send({ mfaToken, code: totpCode(secret, nowStep() + 1) });
      expect(verified.status).toBe(200);
      return { userId, accessToken: (verified.body as { accessToken: string }).accessToken };
    }

    it('functioneel beheer resets it with a reason and a temporary password; sessions end and the FG sets up a new one, told who reset it', async () => {
      const { userId, accessToken } = await loggedInDpo('fg_kwijt');
      const before = await ctx.http.get(`/api/users/${userId}`).set(bearer(admin));
      expect(before.body.secondFactor).toBe('set');

      const reset = await ctx.http
        .post(`/api/users/${userId}/second-factor-reset`)
        .set(bearer(admin))
        .send({ reason, temporaryPassword });
      expect(reset.status).toBe(200);
      expect(reset.body).toMatchObject({ id: userId, secondFactor: 'not_set' });

      // The session of whoever holds the phone (or the FG) is over; the old password no longer works.
      expect((await ctx.http.get('/api/auth/me').set(bearer(accessToken))).status).toBe(401);
      const oldPassword = await ctx.http
        .post('/api/auth/login')
        .send({ username: 'fg_kwijt', password: TEST_PASSWORD });
      expect(oldPassword.status).toBe(401);

      const login = await ctx.http
        .post('/api/auth/login')
        .send({ username: 'fg_kwijt', password: temporaryPassword });
      expect(login.body).toMatchObject({ mfa: 'enroll' });
      const enrollment = await ctx.http
        .post('/api/auth/mfa/enrollment')
        .send({ mfaToken: (login.body as MfaChallenge).mfaToken });
      expect(enrollment.status).toBe(201);
      expect((enrollment.body as MfaEnrollment).lastReset).toEqual({
        resetAt: expect.any(String),
        resetByName: 'Test beheer_mfa',
      });

      const { rows: register } = await ctx.owner.query(
        'SELECT reset_by, reason FROM user_mfa_reset WHERE user_id = $1',
        [userId],
      );
      expect(register).toEqual([{ reset_by: adminId, reason }]);
      const { rows: events } = await ctx.owner.query(
        `SELECT result, object_id, details FROM audit_event
          WHERE user_id = $1 AND action = 'update' AND object_type = 'User' ORDER BY seq DESC LIMIT 1`,
        [adminId],
      );
      expect(events[0]).toMatchObject({
        result: 'allowed',
        object_id: userId,
        details: expect.objectContaining({ tweedeStap: 'opnieuw in te stellen' }),
      });
      // The reason is free text: it stays in the register, not in the log (R-AUD-04).
      expect(JSON.stringify(events[0])).not.toContain('Telefoon');
    });

    it("is refused for the administrator's own account, for a user without a second step, without a reason, and for other roles", async () => {
      const { userId } = await enrolledDpo('fg_weigeren');
      const coach = await ctx.createUser('coach_mfa', ['coach']);
      const send = (id: string, token: string, body: object) =>
        ctx.http.post(`/api/users/${id}/second-factor-reset`).set(bearer(token)).send(body);

      const own = await send(adminId, admin, { reason, temporaryPassword });
      expect(own.status).toBe(409);
      const noSecondStep = await send(coach, admin, { reason, temporaryPassword });
      expect(noSecondStep.status).toBe(409);
      expect(noSecondStep.body.message).toContain('zonder tweede stap');
      const noReason = await send(userId, admin, { reason: ' kwijt ', temporaryPassword: 'kort' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'reason',
        'temporaryPassword',
      ]);
      const byCoach = await send(userId, await ctx.login('coach1'), { reason, temporaryPassword });
      expect(byCoach.status).toBe(403);
      const unknown = await send('00000000-0000-4000-8000-000000000000', admin, {
        reason,
        temporaryPassword,
      });
      expect(unknown.status).toBe(404);
      // Nothing of it happened: the factor is still set.
      expect((await ctx.http.get(`/api/users/${userId}`).set(bearer(admin))).body.secondFactor).toBe('set');
    });
  });
});
