import {
  type AccessGround,
  type ClientView,
  EMERGENCY_ACCESS_MINUTES,
  type EmergencyAccessGrant,
  type Page,
} from '@werkpad/shared';

import { bearer, createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/test-context';
import { totpCode, totpStep } from '../../auth/mfa/totp';

const OWN_BSN = '111222333';
const OTHER_BSN = '123456782';
const UNKNOWN_BSN = '999999990';
const EXPLANATION = 'Cliënt belt in crisis, eigen begeleider is met verlof en onbereikbaar.';

interface AuditRow {
  seq: string;
  user_id: string;
  action: string;
  result: string;
  ground: { kind: string; reference: string } | null;
  subject_client_ids: string[];
  details: Record<string, string> | null;
  route: string;
}

/** Signs in; a log reader (dpo) enrols the second factor on the way (MfaChallenge). */
async function signIn(ctx: TestContext, username: string): Promise<string> {
  const login = await ctx.http.post('/api/auth/login').send({ username, password: TEST_PASSWORD });
  const body = login.body as { accessToken?: string; mfaToken?: string };
  if (body.accessToken) return body.accessToken;
  const enrollment = await ctx.http.post('/api/auth/mfa/enrollment').send({ mfaToken: body.mfaToken });
  const code = totpCode((enrollment.body as { secret: string }).secret, totpStep(Date.now()));
  const verified = await ctx.http.post('/api/auth/mfa/verify').send({ mfaToken: body.mfaToken, code });
  return (verified.body as { accessToken: string }).accessToken;
}

describe('emergency access (break-the-glass, issue 6 item 4)', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let ownClient: string;
  let otherClient: string;
  let diagnosisTrajectory: string;

  const as = (user: string) => bearer(tokens[user]);
  const requestGrant = (user: string, body: Record<string, unknown>) =>
    ctx.http.post('/api/emergency-access').set(as(user)).send(body);
  const auditRows = async (sinceSeq: string, userId: string): Promise<AuditRow[]> =>
    (
      await ctx.owner.query<AuditRow>(
        `SELECT seq::text, user_id, action, result, ground, subject_client_ids, details, route
           FROM audit_event WHERE seq > $1 AND user_id = $2 ORDER BY seq`,
        [sinceSeq, userId],
      )
    ).rows;
  const lastSeq = async (): Promise<string> =>
    (await ctx.owner.query<{ seq: string }>('SELECT COALESCE(max(seq), 0)::text AS seq FROM audit_event'))
      .rows[0].seq;

  beforeAll(async () => {
    ctx = await createTestContext();
    for (const [name, roles] of [
      ['coach1', ['coach']],
      ['coach2', ['coach']],
      ['income1', ['income_consultant']],
      ['income2', ['income_consultant']],
      ['payroll1', ['payroll']],
      ['mgmt1', ['management']],
      ['expertise1', ['expertise']],
      ['dpo1', ['dpo']],
    ] as const)
      ids[name] = await ctx.createUser(name, [...roles]);
    ownClient = await ctx.createClient({
      lastName: 'Eigen',
      bsn: OWN_BSN,
      coachId: ids['coach1'],
      incomeConsultantId: ids['income1'],
    });
    otherClient = await ctx.createClient({
      lastName: 'Ander',
      bsn: OTHER_BSN,
      coachId: ids['coach2'],
      incomeConsultantId: ids['income2'],
    });
    // An intake (income consultants see more during intake) and an arbeidsdiagnose with medical records.
    await ctx.createTrajectory(otherClient, 'intake', { createdBy: ids['coach2'] });
    diagnosisTrajectory = await ctx.createTrajectory(otherClient, 'arbeidsdiagnose', {
      createdBy: ids['coach2'],
    });
    for (const name of Object.keys(ids)) tokens[name] = await signIn(ctx, name);
  });
  afterAll(() => ctx.close());

  describe('who may break the glass', () => {
    it.each(['payroll1', 'mgmt1', 'dpo1', 'expertise1'])(
      'refuses %s (403): only coaches and income consultants',
      async (user) => {
        const response = await requestGrant(user, {
          bsn: OTHER_BSN,
          reason: 'crisis_contact',
          explanation: EXPLANATION,
        });
        expect(response.status).toBe(403);
        expect(
          (await ctx.owner.query('SELECT 1 FROM emergency_access WHERE user_id = $1', [ids[user]])).rowCount,
        ).toBe(0);
      },
    );

    it('refuses an invalid BSN with a Dutch message (400)', async () => {
      const response = await requestGrant('coach1', {
        bsn: '123456789',
        reason: 'crisis_contact',
        explanation: EXPLANATION,
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('bsn moet een geldig burgerservicenummer zijn');
    });

    it('refuses an explanation shorter than 20 characters with a Dutch message (400)', async () => {
      const response = await requestGrant('coach1', {
        bsn: OTHER_BSN,
        reason: 'crisis_contact',
        explanation: '  te kort   uitgelegd  ',
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('explanation moet minstens 20 tekens lang zijn');
    });

    it('refuses an unknown reason (400)', async () => {
      const response = await requestGrant('coach1', {
        bsn: OTHER_BSN,
        reason: 'nieuwsgierig',
        explanation: EXPLANATION,
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('reason moet een van deze redenen zijn');
    });

    it('answers 404 when no client has the BSN', async () => {
      const response = await requestGrant('coach1', {
        bsn: UNKNOWN_BSN,
        reason: 'crisis_contact',
        explanation: EXPLANATION,
      });
      expect(response.status).toBe(404);
    });

    it('answers 409 for a client already in the own caseload', async () => {
      const response = await requestGrant('coach1', {
        bsn: OWN_BSN,
        reason: 'crisis_contact',
        explanation: EXPLANATION,
      });
      expect(response.status).toBe(409);
    });
  });

  describe('a coach opens a client outside the caseload', () => {
    let grant: EmergencyAccessGrant;
    let seqBefore: string;

    it('answers 404 for the client before any grant', async () => {
      expect((await ctx.http.get(`/api/clients/${otherClient}`).set(as('coach1'))).status).toBe(404);
    });

    it('R-AUD-01: creates a grant for an hour, logged with ground emergency and the reason, not the explanation', async () => {
      seqBefore = await lastSeq();
      const response = await requestGrant('coach1', {
        bsn: OTHER_BSN.replace(/(\d{3})/g, '$1 '),
        reason: 'danger_to_client_or_others',
        explanation: `  ${EXPLANATION}  `,
      });
      expect(response.status).toBe(201);
      grant = response.body as EmergencyAccessGrant;
      expect(grant).toMatchObject({
        clientId: otherClient,
        userId: ids['coach1'],
        reason: 'danger_to_client_or_others',
        explanation: EXPLANATION,
        endedAt: null,
      });
      const minutes = (Date.parse(grant.expiresAt) - Date.parse(grant.startedAt)) / 60_000;
      expect(minutes).toBe(EMERGENCY_ACCESS_MINUTES);

      const [row] = await auditRows(seqBefore, ids['coach1']);
      expect(row).toMatchObject({
        action: 'create',
        result: 'allowed',
        ground: { kind: 'emergency', reference: grant.id },
        subject_client_ids: [otherClient],
      });
      expect(row.details).toEqual({ reden: 'danger_to_client_or_others', minuten: '60' });
      expect(JSON.stringify(row)).not.toContain('verlof');
      expect(JSON.stringify(row)).not.toContain(OTHER_BSN);
    });

    it('refuses a second grant for the same client while the first is active (409)', async () => {
      const response = await requestGrant('coach1', {
        bsn: OTHER_BSN,
        reason: 'crisis_contact',
        explanation: EXPLANATION,
      });
      expect(response.status).toBe(409);
    });

    it("R-AUD-01: reads the client file under the grant, each read logged with ground 'emergency'", async () => {
      seqBefore = await lastSeq();
      const file = await ctx.http.get(`/api/clients/${otherClient}`).set(as('coach1'));
      expect(file.status).toBe(200);
      const view = file.body as ClientView;
      expect(view.lastName).toBe('Ander');
      expect(view.readableCategories).not.toContain('medical');
      expect(view.readableCategories).not.toContain('payroll');
      expect((await ctx.http.get(`/api/clients/${otherClient}/trajectories`).set(as('coach1'))).status).toBe(
        200,
      );

      const rows = await auditRows(seqBefore, ids['coach1']);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const row of rows) {
        expect(row).toMatchObject({ result: 'allowed', ground: { kind: 'emergency', reference: grant.id } });
      }
    });

    it('shows the client in the caseload list, and names the grant as the ground of what is visible', async () => {
      const list = await ctx.http.get('/api/clients?pageSize=100').set(as('coach1'));
      expect((list.body as Page<ClientView>).items.map((client) => client.id)).toEqual(
        expect.arrayContaining([ownClient, otherClient]),
      );
      const grounds = await ctx.http.get(`/api/clients/${otherClient}/access-grounds`).set(as('coach1'));
      expect(grounds.status).toBe(200);
      for (const ground of grounds.body as AccessGround[])
        expect(ground.grounds.map((item) => item.reference)).toEqual([
          expect.stringContaining('Noodtoegang'),
        ]);
    });

    it('cannot change anything of the client (403): the grant is read only', async () => {
      const response = await ctx.http
        .patch(`/api/clients/${otherClient}`)
        .set(as('coach1'))
        .send({ phone: '0318 123456' });
      expect(response.status).toBe(403);
    });

    it('R-MED-01: never opens medical records (404)', async () => {
      const response = await ctx.http
        .get(`/api/expertise/trajectories/${diagnosisTrajectory}/medical-records`)
        .set(as('coach1'));
      expect(response.status).toBe(404);
    });

    it('does not widen anyone else’s access: another coach still gets 404', async () => {
      const other = await ctx.createUser('coach3', ['coach']);
      ids['coach3'] = other;
      expect(
        (await ctx.http.get(`/api/clients/${otherClient}`).set(bearer(await ctx.login('coach3')))).status,
      ).toBe(404);
    });

    it('lists the grant among the caller’s active grants, and no one else’s', async () => {
      const mine = await ctx.http.get('/api/emergency-access/mine').set(as('coach1'));
      expect(mine.status).toBe(200);
      expect((mine.body as EmergencyAccessGrant[]).map((item) => item.id)).toEqual([grant.id]);
      const theirs = await ctx.http.get('/api/emergency-access/mine').set(as('coach2'));
      expect(theirs.body).toEqual([]);
    });

    it('lets only the owner end the grant; after that the client is 404 again', async () => {
      expect((await ctx.http.post(`/api/emergency-access/${grant.id}/end`).set(as('coach2'))).status).toBe(
        404,
      );
      const ended = await ctx.http.post(`/api/emergency-access/${grant.id}/end`).set(as('coach1'));
      expect(ended.status).toBe(200);
      expect((ended.body as EmergencyAccessGrant).endedAt).not.toBeNull();
      expect((await ctx.http.post(`/api/emergency-access/${grant.id}/end`).set(as('coach1'))).status).toBe(
        409,
      );
      expect((await ctx.http.get(`/api/clients/${otherClient}`).set(as('coach1'))).status).toBe(404);
      expect((await ctx.http.get('/api/emergency-access/mine').set(as('coach1'))).body).toEqual([]);
    });

    it('stops working when the hour has passed (404 again)', async () => {
      const response = await requestGrant('coach1', {
        bsn: OTHER_BSN,
        reason: 'coach_unreachable',
        explanation: EXPLANATION,
      });
      expect(response.status).toBe(201);
      const id = (response.body as EmergencyAccessGrant).id;
      expect((await ctx.http.get(`/api/clients/${otherClient}`).set(as('coach1'))).status).toBe(200);
      await ctx.owner.query(
        `UPDATE emergency_access SET started_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
          WHERE id = $1`,
        [id],
      );
      expect((await ctx.http.get(`/api/clients/${otherClient}`).set(as('coach1'))).status).toBe(404);
      expect((await ctx.http.post(`/api/emergency-access/${id}/end`).set(as('coach1'))).status).toBe(409);
    });
  });

  it('R-SHARE-03: an income consultant sees under a grant only what an income consultant sees, never the intake extras', async () => {
    const response = await requestGrant('income1', {
      bsn: OTHER_BSN,
      reason: 'urgent_benefit_decision',
      explanation: EXPLANATION,
    });
    expect(response.status).toBe(201);
    const file = await ctx.http.get(`/api/clients/${otherClient}`).set(as('income1'));
    expect(file.status).toBe(200);
    expect([...((file.body as ClientView).readableCategories ?? [])].sort()).toEqual(
      ['benefit_impact', 'contact', 'diagnosis_outcome', 'identity', 'progress'].sort(),
    );
  });
});
