import { type TrajectoryView } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

describe('trajectories of a client', () => {
  let ctx: TestContext;
  let coach1: string;
  let coach2Id: string;
  let ic1Id: string;
  let clientA: string;
  let payrollClient: string;
  const tokens: Record<string, string> = {};

  const agreement = {
    recipient: 'Gemeente Ede, Werk en Inkomen',
    categories: ['progress', 'benefit_impact'],
    form: 'written',
    purpose: 'Voortgang naar werk en gevolgen voor de uitkering volgen',
    frequency: 'Elk kwartaal',
  };
  const valid = { type: 'intake', startDate: '2024-01-10', reportingAgreement: agreement };
  const path = (clientId: string, rest = ''): string => `/api/clients/${clientId}/trajectories${rest}`;

  beforeAll(async () => {
    ctx = await createTestContext();
    const coach1Id = await ctx.createUser('coach1', ['coach']);
    coach2Id = await ctx.createUser('coach2', ['coach']);
    ic1Id = await ctx.createUser('ic1', ['income_consultant']);
    await ctx.createUser('payroll1', ['payroll']);
    await ctx.createUser('mgmt1', ['management']);
    clientA = await ctx.createClient({
      lastName: 'Jansen',
      bsn: '111222333',
      coachId: coach1Id,
      incomeConsultantId: ic1Id,
    });
    payrollClient = await ctx.createClient({ lastName: 'Bakker', bsn: '123456782', coachId: coach1Id });
    await ctx.createTrajectory(payrollClient, 'beschut_werk', { createdBy: coach1Id });
    for (const name of ['coach1', 'coach2', 'ic1', 'payroll1', 'mgmt1']) tokens[name] = await ctx.login(name);
    coach1 = tokens['coach1'];
  });
  afterAll(() => ctx.close());

  async function create(body: object = valid, clientId = clientA): Promise<TrajectoryView> {
    const response = await ctx.http.post(path(clientId)).set(bearer(coach1)).send(body);
    expect(response.status).toBe(201);
    return response.body as TrajectoryView;
  }

  it('R-SHARE-07: opening a trajectory records the reporting agreement, the legal basis, coach and income consultant', async () => {
    const created = await create();
    expect(created).toMatchObject({
      clientId: clientA,
      type: 'intake',
      legalBasis: 'Participatiewet',
      status: 'open',
      startDate: '2024-01-10',
      closedOn: null,
      destructionDate: null,
      coachName: 'Test coach1',
      incomeConsultantId: ic1Id,
      incomeConsultantName: 'Test ic1',
      reportingAgreement: agreement,
    });
    const listed = await ctx.http.get(path(clientA)).set(bearer(coach1));
    expect(listed.status).toBe(200);
    expect((listed.body as TrajectoryView[]).find((t) => t.id === created.id)?.reportingAgreement).toEqual(
      agreement,
    );
    const { rows } = await ctx.owner.query(
      'SELECT reporting_categories, reporting_form, legal_basis, coach_id FROM trajectory WHERE id = $1',
      [created.id],
    );
    expect(rows[0]).toMatchObject({
      reporting_categories: ['progress', 'benefit_impact'],
      reporting_form: 'written',
      legal_basis: 'Participatiewet',
    });
  });

  it('R-SHARE-07: medical data can never be part of a reporting agreement (400)', async () => {
    const response = await ctx.http
      .post(path(clientA))
      .set(bearer(coach1))
      .send({ ...valid, reportingAgreement: { ...agreement, categories: ['progress', 'medical'] } });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'reportingAgreement.categories' })]),
    );
    expect(response.body.message).toMatch(/medische gegevens/);
  });

  it.each([
    ['no reporting agreement', { ...valid, reportingAgreement: undefined }, 'reportingAgreement'],
    [
      'an agreement without categories',
      { ...valid, reportingAgreement: { ...agreement, categories: [] } },
      'reportingAgreement.categories',
    ],
    [
      'an unknown reporting form',
      { ...valid, reportingAgreement: { ...agreement, form: 'fax' } },
      'reportingAgreement.form',
    ],
    [
      'an agreement without recipient',
      { ...valid, reportingAgreement: { ...agreement, recipient: '' } },
      'reportingAgreement.recipient',
    ],
    ['an unknown type', { ...valid, type: 'cursus' }, 'type'],
    ['an impossible start date', { ...valid, startDate: '2025-02-29' }, 'startDate'],
    ['a malformed income consultant id', { ...valid, incomeConsultantId: 'geen-uuid' }, 'incomeConsultantId'],
    ['a status set by the caller', { ...valid, status: 'closed' }, 'status'],
  ])('refuses %s with a Dutch 400 naming the field', async (_label, body, field) => {
    const response = await ctx.http.post(path(clientA)).set(bearer(coach1)).send(body);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(response.body.message).toMatch(/^Ongeldige invoer: /);
  });

  it('refuses an income consultant who is not an active income consultant', async () => {
    const response = await ctx.http
      .post(path(clientA))
      .set(bearer(coach1))
      .send({ ...valid, incomeConsultantId: coach2Id });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('geen actieve inkomensconsulent');
  });

  it('R-RET-01: closing asks for confirmation, then shows the destruction date (leap day → 28 February)', async () => {
    const trajectory = await create();
    const unconfirmed = await ctx.http
      .post(path(clientA, `/${trajectory.id}/close`))
      .set(bearer(coach1))
      .send({ closedOn: '2024-02-29' });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.message).toBe('Bevestig het afsluiten (confirm: true)');
    const declined = await ctx.http
      .post(path(clientA, `/${trajectory.id}/close`))
      .set(bearer(coach1))
      .send({ closedOn: '2024-02-29', confirm: false });
    expect(declined.status).toBe(400);

    const closed = await ctx.http
      .post(path(clientA, `/${trajectory.id}/close`))
      .set(bearer(coach1))
      .send({ closedOn: '2024-02-29', confirm: true });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedOn: '2024-02-29',
      destructionDate: '2034-02-28',
    });
    const listed = await ctx.http.get(path(clientA)).set(bearer(coach1));
    expect((listed.body as TrajectoryView[]).find((t) => t.id === trajectory.id)?.destructionDate).toBe(
      '2034-02-28',
    );

    const again = await ctx.http
      .post(path(clientA, `/${trajectory.id}/close`))
      .set(bearer(coach1))
      .send({ closedOn: '2024-03-01', confirm: true });
    expect(again.status).toBe(409);

    const { rows } = await ctx.owner.query(
      `SELECT field, old_value, new_value, category FROM field_change
        WHERE entity_type = 'Trajectory' AND entity_id = $1 ORDER BY field`,
      [trajectory.id],
    );
    expect(rows).toEqual([
      { field: 'closedOn', old_value: null, new_value: '2024-02-29', category: 'progress' },
      { field: 'status', old_value: 'open', new_value: 'closed', category: 'progress' },
    ]);
  });

  it('R-RET-01: reopening clears the closed-on date and the destruction date; reopening an open one is a 409', async () => {
    const trajectory = await create();
    await ctx.http
      .post(path(clientA, `/${trajectory.id}/close`))
      .set(bearer(coach1))
      .send({ closedOn: '2024-06-30', confirm: true })
      .expect(200);
    const reopened = await ctx.http.post(path(clientA, `/${trajectory.id}/reopen`)).set(bearer(coach1));
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', closedOn: null, destructionDate: null });
    const again = await ctx.http.post(path(clientA, `/${trajectory.id}/reopen`)).set(bearer(coach1));
    expect(again.status).toBe(409);
    const { rows } = await ctx.owner.query(
      `SELECT count(*)::int AS n FROM field_change WHERE entity_type = 'Trajectory' AND entity_id = $1`,
      [trajectory.id],
    );
    expect(rows[0].n).toBe(4);
  });

  it('R-RET-01: an arbeidsdiagnose closed on 2026-03-01 is due for destruction on 2028-03-01', async () => {
    const trajectory = await create({ ...valid, type: 'arbeidsdiagnose', startDate: '2026-01-05' });
    expect(trajectory.legalBasis).toContain('WIA');
    const closed = await ctx.http
      .post(path(clientA, `/${trajectory.id}/close`))
      .set(bearer(coach1))
      .send({ closedOn: '2026-03-01', confirm: true });
    expect(closed.body).toMatchObject({ destructionDate: '2028-03-01' });
  });

  it('refuses a closed-on date before the start or in the future', async () => {
    const trajectory = await create({ ...valid, startDate: '2025-05-01' });
    const before = await ctx.http
      .post(path(clientA, `/${trajectory.id}/close`))
      .set(bearer(coach1))
      .send({ closedOn: '2025-04-30', confirm: true });
    expect(before.status).toBe(400);
    expect(before.body.message).toContain('startdatum');
    const future = await ctx.http
      .post(path(clientA, `/${trajectory.id}/close`))
      .set(bearer(coach1))
      .send({ closedOn: '2999-01-01', confirm: true });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('toekomst');
  });

  it('lists the newest start date first', async () => {
    const listed = await ctx.http.get(path(clientA)).set(bearer(coach1));
    const starts = (listed.body as TrajectoryView[]).map((t) => t.startDate);
    expect(starts.length).toBeGreaterThan(2);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('R-SHARE-03: the linked income consultant sees the trajectories but cannot open or close one', async () => {
    const listed = await ctx.http.get(path(clientA)).set(bearer(tokens['ic1']));
    expect(listed.status).toBe(200);
    expect((listed.body as TrajectoryView[]).length).toBeGreaterThan(0);
    expect((await ctx.http.post(path(clientA)).set(bearer(tokens['ic1'])).send(valid)).status).toBe(403);
  });

  it('payroll gets 404 on trajectories, even of a client in its payroll scope', async () => {
    expect((await ctx.http.get(path(payrollClient)).set(bearer(tokens['payroll1']))).status).toBe(404);
    expect((await ctx.http.get(path(clientA)).set(bearer(tokens['payroll1']))).status).toBe(404);
  });

  it('management reads trajectories (progress) of every client but cannot change them', async () => {
    expect((await ctx.http.get(path(clientA)).set(bearer(tokens['mgmt1']))).status).toBe(200);
    expect((await ctx.http.post(path(clientA)).set(bearer(tokens['mgmt1'])).send(valid)).status).toBe(403);
  });

  it('another coach gets 404 for every trajectory route of a client outside their caseload', async () => {
    const trajectory = await create();
    const other = tokens['coach2'];
    expect((await ctx.http.get(path(clientA)).set(bearer(other))).status).toBe(404);
    expect((await ctx.http.post(path(clientA)).set(bearer(other)).send(valid)).status).toBe(404);
    const close = await ctx.http
      .post(path(clientA, `/${trajectory.id}/close`))
      .set(bearer(other))
      .send({ closedOn: '2024-02-29', confirm: true });
    expect(close.status).toBe(404);
    expect((await ctx.http.post(path(clientA, `/${trajectory.id}/reopen`)).set(bearer(other))).status).toBe(
      404,
    );
    const { rows } = await ctx.owner.query('SELECT status FROM trajectory WHERE id = $1', [trajectory.id]);
    expect(rows[0].status).toBe('open');
  });

  it('answers 404 for a trajectory of another client and 400 for a malformed id', async () => {
    const trajectory = await create();
    const wrongClient = await ctx.http
      .post(path(payrollClient, `/${trajectory.id}/close`))
      .set(bearer(coach1))
      .send({ closedOn: '2024-02-29', confirm: true });
    expect(wrongClient.status).toBe(404);
    expect((await ctx.http.get(path('niet-een-uuid')).set(bearer(coach1))).status).toBe(400);
  });

  it('audits reads and changes with the progress category and their ground', async () => {
    const trajectory = await create();
    await ctx.http.get(path(clientA)).set(bearer(coach1)).expect(200);
    const { rows } = await ctx.owner.query(
      `SELECT action, categories, ground, subject_client_ids, object_id FROM audit_event
        WHERE object_type = 'Trajectory' AND result = 'allowed' ORDER BY seq`,
    );
    const created = rows.find((row) => row.action === 'create' && row.object_id === trajectory.id);
    expect(created).toMatchObject({
      categories: ['progress'],
      ground: { kind: 'legal_basis', reference: 'Participatiewet' },
      subject_client_ids: [clientA],
    });
    const read = rows.filter((row) => row.action === 'read').at(-1);
    expect(read).toMatchObject({
      categories: ['progress'],
      ground: { kind: 'role_policy' },
      subject_client_ids: [clientA],
    });
    const closes = rows.filter((row) => row.action === 'update');
    expect(closes.length).toBeGreaterThan(0);
    expect(closes[0].ground.kind).toBe('trajectory');
  });
});
