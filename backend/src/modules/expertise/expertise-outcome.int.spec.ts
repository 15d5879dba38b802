import { type DiagnosisOutcomeView, type FunctionalCapabilityView } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';
import { todayInAmsterdam } from '../consents/consent-check.service';

/** The outcome/advice (R-MED-02, R-MED-03) and functional capabilities (R-MED-05). */
describe('Expertisecentrum: outcome and functional capabilities', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let clientA: string;
  let clientB: string;
  let trajectoryA: string;
  let otherTrajectoryA: string;
  let trajectoryB: string;

  const outcomePath = (trajectoryId: string) => `/api/trajectories/${trajectoryId}/outcome`;
  const expertPath = (trajectoryId: string, rest = '') =>
    `/api/expertise/trajectories/${trajectoryId}/outcome${rest}`;
  const capabilities = (clientId: string) => `/api/clients/${clientId}/functional-capabilities`;
  const capability = {
    canDo: 'Licht fysiek werk in dagdelen',
    cannotDo: 'Tillen boven 10 kg',
    hoursPerWeek: 20.5,
    adjustments: 'Stahoge werkplek',
    assessedOn: '2026-02-01',
    validUntil: '2027-02-01',
    source: 'expertisecentrum',
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    for (const [name, roles] of [
      ['coach1', ['coach']],
      ['coach2', ['coach']],
      ['ic1', ['income_consultant']],
      ['expertise1', ['expertise']],
      ['expertise2', ['expertise']],
      ['admin1', ['admin']],
      ['mgmt1', ['management']],
      ['payroll1', ['payroll']],
      ['fg1', ['dpo']],
    ] as const) {
      ids[name] = await ctx.createUser(name, [...roles]);
      tokens[name] = await ctx.login(name);
    }
    clientA = await ctx.createClient({
      lastName: 'Aalbers',
      bsn: '111222333',
      coachId: ids['coach1'],
      incomeConsultantId: ids['ic1'],
    });
    clientB = await ctx.createClient({ lastName: 'Bosman', bsn: '123456782', coachId: ids['coach1'] });
    trajectoryA = await ctx.createTrajectory(clientA, 'arbeidsdiagnose', { createdBy: ids['coach1'] });
    otherTrajectoryA = await ctx.createTrajectory(clientA, 'bemiddeling', { createdBy: ids['coach1'] });
    trajectoryB = await ctx.createTrajectory(clientB, 'arbeidsdiagnose', { createdBy: ids['coach1'] });
    await ctx.owner.query('UPDATE trajectory SET expertise_user_id = $2 WHERE id = $1', [
      trajectoryA,
      ids['expertise1'],
    ]);
    await ctx.owner.query('UPDATE trajectory SET expertise_user_id = $2 WHERE id = $1', [
      trajectoryB,
      ids['expertise2'],
    ]);
  });
  afterAll(() => ctx.close());

  describe('outcome and advice', () => {
    const draft = { conclusion: 'Concepttekst: kan 20 uur werken', advice: 'Conceptadvies: bemiddeling' };

    it('R-MED-02: a draft is the Expertisecentrum’s own; coach and income consultant get 404 until it is final', async () => {
      const noneYet = await ctx.http.get(outcomePath(trajectoryA)).set(bearer(tokens['expertise1']));
      expect(noneYet.status).toBe(404);
      const saved = await ctx.http.put(expertPath(trajectoryA)).set(bearer(tokens['expertise1'])).send(draft);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        trajectoryId: trajectoryA,
        clientId: clientA,
        ...draft,
        status: 'draft',
        version: 1,
        createdByName: 'Test expertise1',
        finalizedByName: null,
        finalizedAt: null,
        sentToClientOn: null,
      });
      const own = await ctx.http.get(outcomePath(trajectoryA)).set(bearer(tokens['expertise1']));
      expect(own.status).toBe(200);
      expect((own.body as DiagnosisOutcomeView).conclusion).toBe(draft.conclusion);
      for (const name of ['coach1', 'ic1']) {
        const hidden = await ctx.http.get(outcomePath(trajectoryA)).set(bearer(tokens[name]));
        expect({
          name,
          status: hidden.status,
          body: JSON.stringify(hidden.body).includes('Concept'),
        }).toEqual({
          name,
          status: 404,
          body: false,
        });
      }
    });

    it('an edit names the version it started from: stale or missing versions are 409, never lost', async () => {
      const stale = await ctx.http
        .put(expertPath(trajectoryA))
        .set(bearer(tokens['expertise1']))
        .send({ ...draft, expectedVersion: 7 });
      expect(stale.status).toBe(409);
      const missing = await ctx.http
        .put(expertPath(trajectoryA))
        .set(bearer(tokens['expertise1']))
        .send(draft);
      expect(missing.status).toBe(409);
      const edited = await ctx.http.put(expertPath(trajectoryA)).set(bearer(tokens['expertise1'])).send({
        conclusion: 'Kan duurzaam 20 uur per week werken',
        advice: 'Bemiddeling met jobcoach',
        expectedVersion: 1,
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, status: 'draft' });
      const empty = await ctx.http
        .put(expertPath(trajectoryA))
        .set(bearer(tokens['expertise1']))
        .send({ conclusion: '  ', advice: 'x', expectedVersion: 2 });
      expect(empty.status).toBe(400);
      expect(empty.body.errors[0].field).toBe('conclusion');
    });

    it('only a final outcome goes to the client; sending a draft is refused', async () => {
      const response = await ctx.http
        .post(expertPath(trajectoryA, '/sent-to-client'))
        .set(bearer(tokens['expertise1']))
        .send({ sentOn: todayInAmsterdam() });
      expect(response.status).toBe(409);
    });

    it('R-MED-02: finalising needs confirmation and records who; then coach and income consultant see it', async () => {
      const unconfirmed = await ctx.http
        .post(expertPath(trajectoryA, '/finalize'))
        .set(bearer(tokens['expertise1']))
        .send({ expectedVersion: 2 });
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.body.errors[0].field).toBe('confirm');
      const stale = await ctx.http
        .post(expertPath(trajectoryA, '/finalize'))
        .set(bearer(tokens['expertise1']))
        .send({ expectedVersion: 1, confirm: true });
      expect(stale.status).toBe(409);
      const final = await ctx.http
        .post(expertPath(trajectoryA, '/finalize'))
        .set(bearer(tokens['expertise1']))
        .send({ expectedVersion: 2, confirm: true });
      expect(final.status).toBe(200);
      expect(final.body).toMatchObject({
        status: 'final',
        version: 3,
        finalizedByName: 'Test expertise1',
        finalizedAt: expect.any(String),
      });
      const stored = await ctx.owner.query(
        'SELECT finalized_by FROM diagnosis_outcome WHERE trajectory_id = $1',
        [trajectoryA],
      );
      expect(stored.rows[0].finalized_by).toBe(ids['expertise1']);
      for (const name of ['coach1', 'ic1']) {
        const seen = await ctx.http.get(outcomePath(trajectoryA)).set(bearer(tokens[name]));
        expect({ name, status: seen.status, conclusion: seen.body.conclusion }).toEqual({
          name,
          status: 200,
          conclusion: 'Kan duurzaam 20 uur per week werken',
        });
      }
      const changed = await ctx.http
        .put(expertPath(trajectoryA))
        .set(bearer(tokens['expertise1']))
        .send({ ...draft, expectedVersion: 3 });
      expect(changed.status).toBe(409);
      expect(changed.body.message).toContain('definitief');
    });

    it('R-MED-03: the client receives the outcome too; the day is recorded once', async () => {
      const today = todayInAmsterdam();
      const future = await ctx.http
        .post(expertPath(trajectoryA, '/sent-to-client'))
        .set(bearer(tokens['expertise1']))
        .send({ sentOn: '2999-01-01' });
      expect(future.status).toBe(400);
      const sent = await ctx.http
        .post(expertPath(trajectoryA, '/sent-to-client'))
        .set(bearer(tokens['expertise1']))
        .send({ sentOn: today });
      expect(sent.status).toBe(200);
      expect(sent.body.sentToClientOn).toBe(today);
      const again = await ctx.http
        .post(expertPath(trajectoryA, '/sent-to-client'))
        .set(bearer(tokens['expertise1']))
        .send({ sentOn: today });
      expect(again.status).toBe(409);
    });

    it('R-MED-02: management, admin, payroll and the FG get 404 on the outcome; so do others outside the file', async () => {
      for (const name of ['mgmt1', 'admin1', 'payroll1', 'fg1', 'coach2', 'expertise2']) {
        const response = await ctx.http.get(outcomePath(trajectoryA)).set(bearer(tokens[name]));
        expect({ name, status: response.status }).toEqual({ name, status: 404 });
      }
      // Writing is the assigned expertise user's only: everyone else, the coach too, gets 404.
      for (const name of ['coach1', 'ic1', 'mgmt1', 'admin1', 'expertise2']) {
        const response = await ctx.http
          .put(expertPath(trajectoryA))
          .set(bearer(tokens[name]))
          .send({ conclusion: 'x', advice: 'y' });
        expect({ name, status: response.status }).toEqual({ name, status: 404 });
      }
      // A trajectory of another type has no outcome.
      expect((await ctx.http.get(outcomePath(otherTrajectoryA)).set(bearer(tokens['coach1']))).status).toBe(
        404,
      );
    });

    it('R-AUD-01: outcome reads and writes are audited with the category and the client, never the text', async () => {
      const audit = await ctx.owner.query<{
        action: string;
        categories: string[];
        subject_client_ids: string[];
        row: string;
      }>(
        `SELECT action, categories, subject_client_ids, row_to_json(a)::text AS row FROM audit_event a
          WHERE object_type = 'DiagnosisOutcome' AND result = 'allowed' AND 'expertise1' = username`,
      );
      expect(audit.rows.length).toBeGreaterThanOrEqual(5);
      for (const row of audit.rows) {
        expect(row.categories).toEqual(['diagnosis_outcome']);
        expect(row.subject_client_ids).toEqual([clientA]);
        expect(row.row).not.toContain('20 uur');
      }
      // The field history (which coach and income consultant read) holds the steps, not the texts.
      const history = await ctx.http.get(`/api/clients/${clientA}/history`).set(bearer(tokens['ic1']));
      expect(history.status).toBe(200);
      const text = JSON.stringify(history.body);
      expect(text).not.toContain('Concept');
      expect(text).not.toContain('20 uur');
      expect(text).toContain('final');
    });
  });

  describe('functional capabilities (R-MED-05)', () => {
    it('R-MED-05: the assigned expertise user and the coach add assessments; the history is newest first', async () => {
      const byExpert = await ctx.http
        .post(capabilities(clientA))
        .set(bearer(tokens['expertise1']))
        .send({ ...capability, trajectoryId: trajectoryA });
      expect(byExpert.status).toBe(201);
      expect(byExpert.body).toMatchObject({
        ...capability,
        clientId: clientA,
        trajectoryId: trajectoryA,
        recordedByName: 'Test expertise1',
      });
      const byCoach = await ctx.http.post(capabilities(clientA)).set(bearer(tokens['coach1'])).send({
        canDo: 'Werken in een klein team',
        cannotDo: 'Nachtdiensten',
        assessedOn: '2026-03-01',
        source: 'bedrijfsarts',
      });
      expect(byCoach.status).toBe(201);
      expect(byCoach.body).toMatchObject({
        hoursPerWeek: null,
        adjustments: null,
        validUntil: null,
        trajectoryId: null,
      });
      for (const name of ['coach1', 'expertise1']) {
        const list = await ctx.http.get(capabilities(clientA)).set(bearer(tokens[name]));
        expect(list.status).toBe(200);
        expect((list.body as FunctionalCapabilityView[]).map((item) => item.assessedOn)).toEqual([
          '2026-03-01',
          '2026-02-01',
        ]);
      }
      const audit = await ctx.owner.query(
        `SELECT categories, subject_client_ids, ground FROM audit_event
          WHERE object_type = 'FunctionalCapability' AND action = 'create' AND object_id = $1`,
        [byExpert.body.id],
      );
      expect(audit.rows).toEqual([
        {
          categories: ['health_functional'],
          subject_client_ids: [clientA],
          ground: { kind: 'trajectory', reference: trajectoryA },
        },
      ]);
    });

    it('R-MED-05: a functional capability has no place for a diagnosis', async () => {
      const response = await ctx.http
        .post(capabilities(clientA))
        .set(bearer(tokens['expertise1']))
        .send({ ...capability, diagnosis: 'Fictieve aandoening' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'diagnosis', messages: ['diagnosis is geen toegestaan veld'] },
      ]);
      const stored = await ctx.owner.query(
        `SELECT count(*)::int AS n FROM functional_capability WHERE row_to_json(functional_capability)::text LIKE '%Fictieve%'`,
      );
      expect(stored.rows[0].n).toBe(0);
    });

    it.each([
      ['an end before the assessment', { validUntil: '2026-01-01' }, 'validUntil'],
      ['more than 60 hours', { hoursPerWeek: 61 }, 'hoursPerWeek'],
      ['an unknown source', { source: 'huisarts' }, 'source'],
      ['a trajectory of another client', { trajectoryId: 'TRAJECTORY_B' }, 'trajectoryId'],
    ])('refuses %s with a Dutch 400 naming the field', async (_label, change, field) => {
      const body: Record<string, unknown> = { ...capability, ...change };
      if (body['trajectoryId'] === 'TRAJECTORY_B') body['trajectoryId'] = trajectoryB;
      const response = await ctx.http
        .post(capabilities(clientA))
        .set(bearer(tokens['expertise1']))
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('is not there for roles without the category or outside the scope', async () => {
      const expected: Record<string, number> = {
        ic1: 403,
        mgmt1: 403,
        admin1: 403,
        payroll1: 403,
        fg1: 403,
        coach2: 404,
        expertise2: 404,
      };
      for (const [name, status] of Object.entries(expected)) {
        const list = await ctx.http.get(capabilities(clientA)).set(bearer(tokens[name]));
        const create = await ctx.http.post(capabilities(clientA)).set(bearer(tokens[name])).send(capability);
        expect({ name, list: list.status, create: create.status }).toEqual({
          name,
          list: status,
          create: status,
        });
      }
    });
  });
});
