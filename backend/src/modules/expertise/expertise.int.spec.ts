import {
  type ClientView,
  type ConsentView,
  type ExpertiseAssignmentRow,
  type ExpertiseTrajectoryDetail,
  type ExpertiseTrajectorySummary,
  type Page,
  type StaffMember,
} from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

/** The Expertisecentrum's workspace, client scope and assignment (issue 5). */
describe('Expertisecentrum: workspace, client scope and assignment', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let clientA: string;
  let clientB: string;
  let clientC: string;
  let clientD: string;
  let trajectoryA: string;
  let trajectoryB: string;
  let trajectoryC: string;
  let trajectoryD: string;
  let bemiddelingD: string;
  let closedD: string;

  const assign = (trajectoryId: string, userId: string) =>
    ctx.owner.query('UPDATE trajectory SET expertise_user_id = $2 WHERE id = $1', [trajectoryId, userId]);

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
    ] as const) {
      ids[name] = await ctx.createUser(name, [...roles]);
      tokens[name] = await ctx.login(name);
    }
    ids['expertiseOld'] = await ctx.createUser('expertise-oud', ['expertise'], { active: false });
    const coach1 = ids['coach1'];
    clientA = await ctx.createClient({
      lastName: 'Aalbers',
      bsn: '111222333',
      coachId: coach1,
      incomeConsultantId: ids['ic1'],
    });
    clientB = await ctx.createClient({ lastName: 'Bosman', bsn: '123456782', coachId: ids['coach2'] });
    clientC = await ctx.createClient({ lastName: 'Claassen', bsn: '999990019', coachId: coach1 });
    clientD = await ctx.createClient({ lastName: 'Dijkstra', bsn: '999990020', coachId: coach1 });
    trajectoryA = await ctx.createTrajectory(clientA, 'arbeidsdiagnose', {
      createdBy: coach1,
      startDate: '2026-01-05',
    });
    trajectoryB = await ctx.createTrajectory(clientB, 'arbeidsdiagnose', {
      createdBy: ids['coach2'],
      startDate: '2023-09-01',
      closedOn: '2024-02-29',
    });
    trajectoryC = await ctx.createTrajectory(clientC, 'arbeidsdiagnose', { createdBy: coach1 });
    trajectoryD = await ctx.createTrajectory(clientD, 'arbeidsdiagnose', { createdBy: coach1 });
    bemiddelingD = await ctx.createTrajectory(clientD, 'bemiddeling', { createdBy: coach1 });
    closedD = await ctx.createTrajectory(clientD, 'arbeidsdiagnose', {
      createdBy: coach1,
      startDate: '2025-01-06',
      closedOn: '2025-06-30',
    });
    await assign(trajectoryA, ids['expertise1']);
    await assign(trajectoryB, ids['expertise1']);
    await assign(trajectoryC, ids['expertise2']);
    await ctx.owner.query(`UPDATE client SET functional_limitations = 'Niet tillen' WHERE id = $1`, [
      clientA,
    ]);
    await ctx.owner.query(
      `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id)
       VALUES ($1, $2, 'note', 'coaching_notes', 'Gesprek', 'Vertrouwelijk', '2026-02-01', $3)`,
      [clientA, trajectoryA, coach1],
    );
  });
  afterAll(() => ctx.close());

  describe('client scope (clients.policy, expertiseUserIds)', () => {
    it('R-MED-01: the client list as expertise returns exactly the clients of its assigned arbeidsdiagnoses', async () => {
      const names = async (token: string) => {
        const response = await ctx.http.get('/api/clients?pageSize=100').set(bearer(token));
        expect(response.status).toBe(200);
        const page = response.body as Page<ClientView>;
        expect(page.total).toBe(page.items.length);
        return page.items.map((client) => client.lastName);
      };
      expect(await names(tokens['expertise1'])).toEqual(['Aalbers', 'Bosman']);
      expect(await names(tokens['expertise2'])).toEqual(['Claassen']);
      const response = await ctx.http.get('/api/clients?pageSize=100').set(bearer(tokens['expertise1']));
      const row = (response.body as Page<ClientView>).items[0];
      // A caseload row shows identity and contact; the trajectories (progress) are not the Expertisecentrum's.
      expect(row.categories).toEqual(['identity', 'contact']);
      expect(row.openTrajectoryTypes).toBeUndefined();
    });

    it('R-MED-01: the file shows identity, contact, functional limitations and the outcome category; never notes, documents or payroll', async () => {
      const file = await ctx.http.get(`/api/clients/${clientA}`).set(bearer(tokens['expertise1']));
      expect(file.status).toBe(200);
      const view = file.body as ClientView;
      expect(view.readableCategories).toEqual([
        'identity',
        'contact',
        'health_functional',
        'diagnosis_outcome',
      ]);
      expect(view.functionalLimitations).toBe('Niet tillen');
      expect(view.coachId).toBe(ids['coach1']);
      const dossier = await ctx.http.get(`/api/clients/${clientA}/dossier`).set(bearer(tokens['expertise1']));
      expect(JSON.stringify(dossier.body)).not.toContain('Vertrouwelijk');
      // No update rule at all: changing the file is refused even for an assigned client.
      const update = await ctx.http
        .patch(`/api/clients/${clientA}`)
        .set(bearer(tokens['expertise1']))
        .send({ functionalLimitations: 'Anders' });
      expect(update.status).toBe(403);
      // Another expertise user's client is not there at all.
      expect((await ctx.http.get(`/api/clients/${clientC}`).set(bearer(tokens['expertise1']))).status).toBe(
        404,
      );
    });

    it('R-MED-02: the income consultant now reads the outcome category of a linked client', async () => {
      const file = await ctx.http.get(`/api/clients/${clientA}`).set(bearer(tokens['ic1']));
      expect((file.body as ClientView).readableCategories).toContain('diagnosis_outcome');
      expect((file.body as ClientView).readableCategories).not.toContain('health_functional');
    });
  });

  describe('workspace', () => {
    it('R-RET-01: medical records 15 years after closure, the rest 2 years', async () => {
      const response = await ctx.http.get('/api/expertise/trajectories').set(bearer(tokens['expertise1']));
      expect(response.status).toBe(200);
      const rows = response.body as ExpertiseTrajectorySummary[];
      expect(rows.map((row) => row.trajectoryId)).toEqual([trajectoryA, trajectoryB]);
      expect(rows[0]).toEqual({
        trajectoryId: trajectoryA,
        clientId: clientA,
        clientName: 'Test Aalbers',
        status: 'open',
        startDate: '2026-01-05',
        closedOn: null,
        coachName: 'Test coach1',
        outcomeStatus: null,
        dossierDestructionDate: null,
        medicalDestructionDate: null,
      });
      // Closed on a leap day: 2 years → 28 February 2026; 15 years → 28 February 2039.
      expect(rows[1]).toMatchObject({
        status: 'closed',
        closedOn: '2024-02-29',
        dossierDestructionDate: '2026-02-28',
        medicalDestructionDate: '2039-02-28',
      });
      const closed = await ctx.http
        .get('/api/expertise/trajectories?status=closed')
        .set(bearer(tokens['expertise1']));
      expect((closed.body as ExpertiseTrajectorySummary[]).map((row) => row.trajectoryId)).toEqual([
        trajectoryB,
      ]);
      const bad = await ctx.http
        .get('/api/expertise/trajectories?status=alle')
        .set(bearer(tokens['expertise1']));
      expect(bad.status).toBe(400);
    });

    it('R-MED-01: shows only the own trajectories; another expertise user sees only theirs, other roles none', async () => {
      const other = await ctx.http.get('/api/expertise/trajectories').set(bearer(tokens['expertise2']));
      expect((other.body as ExpertiseTrajectorySummary[]).map((row) => row.trajectoryId)).toEqual([
        trajectoryC,
      ]);
      for (const name of ['coach1', 'ic1', 'admin1', 'mgmt1']) {
        const response = await ctx.http.get('/api/expertise/trajectories').set(bearer(tokens[name]));
        expect({ name, status: response.status }).toEqual({ name, status: 403 });
      }
      const foreign = await ctx.http
        .get(`/api/expertise/trajectories/${trajectoryC}`)
        .set(bearer(tokens['expertise1']));
      expect(foreign.status).toBe(404);
    });

    it('the detail names the consent status per purpose of the Expertisecentrum', async () => {
      const recorded = await ctx.http
        .post(`/api/clients/${clientA}/consents`)
        .set(bearer(tokens['expertise1']))
        .send({
          purpose: 'gp_data_request',
          recipient: 'Huisartsenpraktijk De Brink',
          givenOn: '2026-01-06',
          form: 'written',
          evidenceReference: 'Getekende machtiging, map Expertisecentrum',
        });
      expect(recorded.status).toBe(201);
      const response = await ctx.http
        .get(`/api/expertise/trajectories/${trajectoryA}`)
        .set(bearer(tokens['expertise1']));
      expect(response.status).toBe(200);
      const detail = response.body as ExpertiseTrajectoryDetail;
      expect(detail).toMatchObject({
        trajectoryId: trajectoryA,
        legalBasis: expect.stringContaining('WIA'),
        clientDateOfBirth: '1980-05-17',
      });
      expect(detail.consents).toEqual([
        { purpose: 'expertise_research', valid: false, consentId: null, givenOn: null, recipient: null },
        {
          purpose: 'gp_data_request',
          valid: true,
          consentId: recorded.body.id,
          givenOn: '2026-01-06',
          recipient: 'Huisartsenpraktijk De Brink',
        },
        { purpose: 'health_to_commissioner', valid: false, consentId: null, givenOn: null, recipient: null },
      ]);
      const audit = await ctx.owner.query(
        `SELECT categories, subject_client_ids, ground FROM audit_event
          WHERE object_type = 'ExpertiseTrajectory' AND action = 'read' AND object_id = $1`,
        [trajectoryA],
      );
      expect(audit.rows).toEqual([
        {
          categories: ['identity', 'diagnosis_outcome'],
          subject_client_ids: [clientA],
          ground: { kind: 'trajectory', reference: trajectoryA },
        },
      ]);
    });
  });

  describe('assignment by functioneel beheer', () => {
    const put = (trajectoryId: string, body: object, token = tokens['admin1']) =>
      ctx.http.put(`/api/trajectories/${trajectoryId}/expertise-assignment`).set(bearer(token)).send(body);

    it('lists open arbeidsdiagnoses with who works on them, and nothing but the client name', async () => {
      const response = await ctx.http.get('/api/expertise/assignments').set(bearer(tokens['admin1']));
      expect(response.status).toBe(200);
      const rows = response.body as ExpertiseAssignmentRow[];
      expect(rows.map((row) => row.trajectoryId)).toEqual([trajectoryA, trajectoryC, trajectoryD]);
      expect(rows[0]).toEqual({
        trajectoryId: trajectoryA,
        clientId: clientA,
        clientName: 'Test Aalbers',
        startDate: '2026-01-05',
        expertiseUserId: ids['expertise1'],
        expertiseUserName: 'Test expertise1',
      });
      expect(rows[2]).toMatchObject({ expertiseUserId: null, expertiseUserName: null });
      for (const name of ['coach1', 'expertise1', 'mgmt1']) {
        const denied = await ctx.http.get('/api/expertise/assignments').set(bearer(tokens[name]));
        expect({ name, status: denied.status }).toEqual({ name, status: 403 });
      }
    });

    it('offers the active expertise users in the staff list', async () => {
      const response = await ctx.http.get('/api/clients/staff?role=expertise').set(bearer(tokens['admin1']));
      expect(response.status).toBe(200);
      expect((response.body as StaffMember[]).map((member) => member.displayName)).toEqual([
        'Test expertise1',
        'Test expertise2',
      ]);
    });

    it('R-MED-01: assigning gives the expertise user the client, unassigning takes it away; both are recorded', async () => {
      const assigned = await put(trajectoryD, { expertiseUserId: ids['expertise2'] });
      expect(assigned.status).toBe(200);
      expect(assigned.body).toEqual({
        trajectoryId: trajectoryD,
        clientId: clientD,
        clientName: 'Test Dijkstra',
        startDate: '2026-01-05',
        expertiseUserId: ids['expertise2'],
        expertiseUserName: 'Test expertise2',
      });
      const file = await ctx.http.get(`/api/clients/${clientD}`).set(bearer(tokens['expertise2']));
      expect(file.status).toBe(200);
      const audit = await ctx.owner.query(
        `SELECT categories, subject_client_ids, action FROM audit_event
          WHERE object_type = 'ExpertiseTrajectory' AND object_id = $1 AND result = 'allowed'`,
        [trajectoryD],
      );
      expect(audit.rows).toEqual([
        { categories: ['identity', 'progress'], subject_client_ids: [clientD], action: 'update' },
      ]);

      const unassigned = await put(trajectoryD, { expertiseUserId: null });
      expect(unassigned.status).toBe(200);
      expect(unassigned.body).toMatchObject({ expertiseUserId: null, expertiseUserName: null });
      expect((await ctx.http.get(`/api/clients/${clientD}`).set(bearer(tokens['expertise2']))).status).toBe(
        404,
      );
      const changes = await ctx.owner.query(
        `SELECT field, category, old_value, new_value FROM field_change
          WHERE entity_type = 'Trajectory' AND entity_id = $1 ORDER BY changed_at, id`,
        [trajectoryD],
      );
      expect(changes.rows).toEqual([
        { field: 'expertiseUserId', category: 'progress', old_value: null, new_value: 'Test expertise2' },
        { field: 'expertiseUserId', category: 'progress', old_value: 'Test expertise2', new_value: null },
      ]);
    });

    it.each([
      ['a coach', 'coach1'],
      ['an inactive expertise user', 'expertiseOld'],
    ])('refuses %s as expertise user with a Dutch 400 naming the field', async (_label, user) => {
      const response = await put(trajectoryD, { expertiseUserId: ids[user] });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'expertiseUserId',
          messages: ['expertiseUserId is geen actieve medewerker van het Expertisecentrum'],
        },
      ]);
    });

    it('refuses a malformed or missing user id (400), another trajectory type or a closed one (409), an unknown one (404)', async () => {
      expect((await put(trajectoryD, { expertiseUserId: 'geen-uuid' })).status).toBe(400);
      expect((await put(trajectoryD, {})).status).toBe(400);
      const bemiddeling = await put(bemiddelingD, { expertiseUserId: ids['expertise1'] });
      expect(bemiddeling.status).toBe(409);
      expect(bemiddeling.body.message).toContain('arbeidsdiagnose');
      expect((await put(closedD, { expertiseUserId: ids['expertise1'] })).status).toBe(409);
      expect((await put('00000000-0000-4000-8000-000000000000', { expertiseUserId: null })).status).toBe(404);
    });

    it('only functioneel beheer assigns', async () => {
      for (const name of ['coach1', 'expertise1', 'mgmt1', 'ic1']) {
        const response = await put(trajectoryD, { expertiseUserId: ids['expertise1'] }, tokens[name]);
        expect({ name, status: response.status }).toEqual({ name, status: 403 });
      }
    });
  });

  describe('consents recorded by the Expertisecentrum', () => {
    it('R-MED-04: records a written GP consent with its evidence reference; other purposes are not its to record or see', async () => {
      await ctx.http
        .post(`/api/clients/${clientA}/consents`)
        .set(bearer(tokens['coach1']))
        .send({
          purpose: 'whatsapp',
          givenOn: '2026-01-10',
          form: 'oral',
          evidenceReference: 'Gespreksverslag',
        })
        .expect(201);
      const gp = await ctx.http
        .post(`/api/clients/${clientA}/consents`)
        .set(bearer(tokens['expertise1']))
        .send({
          purpose: 'gp_data_request',
          recipient: 'Huisartsenpraktijk De Brink',
          givenOn: '2026-01-12',
          form: 'written',
          evidenceReference: 'Getekende machtiging, map Expertisecentrum',
        });
      expect(gp.status).toBe(201);
      expect(gp.body).toMatchObject({ recordedByName: 'Test expertise1', valid: true });
      const employer = await ctx.http
        .post(`/api/clients/${clientA}/consents`)
        .set(bearer(tokens['expertise1']))
        .send({
          purpose: 'functional_to_employer',
          recipient: 'Groenbedrijf Ede',
          givenOn: '2026-01-12',
          form: 'written',
          evidenceReference: 'Getekend formulier',
        });
      expect(employer.status).toBe(201);
      const whatsapp = await ctx.http
        .post(`/api/clients/${clientA}/consents`)
        .set(bearer(tokens['expertise1']))
        .send({ purpose: 'whatsapp', givenOn: '2026-01-12', form: 'oral', evidenceReference: 'Gesprek' });
      expect(whatsapp.status).toBe(403);
      const list = await ctx.http.get(`/api/clients/${clientA}/consents`).set(bearer(tokens['expertise1']));
      // Its own purposes only (the coach's WhatsApp consent is not shown); the workspace test added a GP one too.
      expect(new Set((list.body as ConsentView[]).map((consent) => consent.purpose))).toEqual(
        new Set(['functional_to_employer', 'gp_data_request']),
      );
      const coachList = await ctx.http.get(`/api/clients/${clientA}/consents`).set(bearer(tokens['coach1']));
      expect((coachList.body as ConsentView[]).map((consent) => consent.purpose)).toContain('whatsapp');
      const foreign = await ctx.http
        .post(`/api/clients/${clientC}/consents`)
        .set(bearer(tokens['expertise1']))
        .send({
          purpose: 'expertise_research',
          givenOn: '2026-01-12',
          form: 'written',
          evidenceReference: 'x',
        });
      expect(foreign.status).toBe(404);
    });
  });
});
