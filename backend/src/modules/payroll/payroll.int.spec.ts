import { type PayrollFile } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

interface FieldErrorBody {
  message: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

describe('payroll file (salarisadministratie)', () => {
  let ctx: TestContext;
  let payrollUserId: string;
  let coachId: string;
  let payroll: string;
  let coach: string;
  let management: string;
  let incomeConsultant: string;
  let admin: string;
  /** Employed under beschut werk: in the payroll scope. */
  let employed: string;
  /** Same coach and income consultant, only a jobcoaching trajectory: outside the payroll scope. */
  let notEmployed: string;

  const employment = {
    employerName: 'Permar Ede',
    isInlener: false,
    jobTitle: 'Medewerker groenvoorziening',
    startDate: '2026-02-01',
    contractHoursPerWeek: 32,
    grossMonthlySalaryCents: 215000,
  };
  const loonwaarde = {
    assessedOn: '2026-02-15',
    percentage: 60,
    method: 'Dariuz-methode',
    assessedBy: 'A. Jansen, arbeidsdeskundige',
  };
  const lks = { appliedOn: '2026-02-10', periodStart: '2026-03-01', status: 'aangevraagd' };

  const base = (clientId: string) => `/api/clients/${clientId}/payroll`;

  async function createEmployment(clientId: string, body: object = employment): Promise<string> {
    const response = await ctx.http
      .post(`${base(clientId)}/employments`)
      .set(bearer(payroll))
      .send(body);
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    payrollUserId = await ctx.createUser('salaris1', ['payroll']);
    coachId = await ctx.createUser('coach1', ['coach']);
    const consultantId = await ctx.createUser('inkomen1', ['income_consultant']);
    await ctx.createUser('manager1', ['management']);
    await ctx.createUser('beheer1', ['admin']);
    employed = await ctx.createClient({
      lastName: 'Bakker',
      bsn: '999990019',
      coachId,
      incomeConsultantId: consultantId,
    });
    notEmployed = await ctx.createClient({
      lastName: 'Visser',
      bsn: '999990020',
      coachId,
      incomeConsultantId: consultantId,
    });
    await ctx.createTrajectory(employed, 'beschut_werk', { createdBy: coachId });
    await ctx.createTrajectory(notEmployed, 'jobcoaching', { createdBy: coachId });
    payroll = await ctx.login('salaris1');
    coach = await ctx.login('coach1');
    management = await ctx.login('manager1');
    incomeConsultant = await ctx.login('inkomen1');
    admin = await ctx.login('beheer1');
  });
  afterAll(() => ctx.close());

  it('lets payroll record employment, hours, absence, loonwaarde and LKS, and read them back ordered by date with numbers as numbers', async () => {
    const later = await createEmployment(employed, {
      ...employment,
      employerName: 'Groen BV',
      isInlener: true,
      startDate: '2026-06-01',
      endDate: '2026-12-31',
      contractHoursPerWeek: 24.5,
    });
    const first = await createEmployment(employed);
    for (const [month, hoursWorked] of [
      ['2026-03-01', 128.5],
      ['2026-02-01', 120],
    ] as const) {
      const hours = await ctx.http
        .post(`${base(employed)}/employments/${first}/hours`)
        .set(bearer(payroll))
        .send({ month, hoursWorked });
      expect(hours.status).toBe(201);
      expect(hours.body).toMatchObject({ employmentId: first, month, hoursWorked });
    }
    const absence = await ctx.http
      .post(`${base(employed)}/employments/${first}/absences`)
      .set(bearer(payroll))
      .send({ firstDay: '2026-03-09', lastDay: '2026-03-11' });
    expect(absence.status).toBe(201);
    const assessment = await ctx.http
      .post(`${base(employed)}/loonwaarde`)
      .set(bearer(payroll))
      .send(loonwaarde);
    expect(assessment.status).toBe(201);
    expect(assessment.body).toMatchObject({ ...loonwaarde, clientId: employed });
    const application = await ctx.http
      .post(`${base(employed)}/lks-applications`)
      .set(bearer(payroll))
      .send({ ...lks, amountCents: 98000 });
    expect(application.status).toBe(201);
    expect(application.body).toMatchObject({ ...lks, periodEnd: null, amountCents: 98000 });

    const response = await ctx.http.get(base(employed)).set(bearer(payroll));
    expect(response.status).toBe(200);
    const file = response.body as PayrollFile;
    expect(file.employments.map((e) => e.id)).toEqual([first, later]);
    expect(file.employments[0]).toEqual({
      ...employment,
      id: first,
      clientId: employed,
      endDate: null,
    });
    expect(file.employments[1]).toMatchObject({ isInlener: true, contractHoursPerWeek: 24.5 });
    expect(file.hours.map((h) => [h.month, h.hoursWorked])).toEqual([
      ['2026-02-01', 120],
      ['2026-03-01', 128.5],
    ]);
    expect(file.absences).toEqual([
      { id: absence.body.id, employmentId: first, firstDay: '2026-03-09', lastDay: '2026-03-11' },
    ]);
    expect(file.loonwaarde).toHaveLength(1);
    expect(file.lksApplications).toHaveLength(1);
  });

  it('refuses a second hours record for the same employment and month with a Dutch 409', async () => {
    const id = await createEmployment(employed, { ...employment, startDate: '2025-01-01' });
    const url = `${base(employed)}/employments/${id}/hours`;
    expect(
      (await ctx.http.post(url).set(bearer(payroll)).send({ month: '2025-05-01', hoursWorked: 100 })).status,
    ).toBe(201);
    const again = await ctx.http
      .post(url)
      .set(bearer(payroll))
      .send({ month: '2025-05-01', hoursWorked: 90 });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/al vastgelegd/);
    const stored = await ctx.owner.query<{ hours_worked: string }>(
      'SELECT hours_worked FROM hours_record WHERE employment_id = $1',
      [id],
    );
    expect(stored.rows).toEqual([{ hours_worked: '100.0' }]);
  });

  it('answers 404 for a client without a beschut_werk or loonkostensubsidie trajectory, until one is added', async () => {
    const client = await ctx.createClient({ lastName: 'De Boer', bsn: '999990032', coachId });
    expect((await ctx.http.get(base(client)).set(bearer(payroll))).status).toBe(404);
    const write = await ctx.http
      .post(`${base(client)}/employments`)
      .set(bearer(payroll))
      .send(employment);
    expect(write.status).toBe(404);
    expect(await ctx.owner.query('SELECT 1 FROM employment WHERE client_id = $1', [client])).toMatchObject({
      rowCount: 0,
    });

    await ctx.createTrajectory(client, 'bemiddeling', { createdBy: coachId });
    const trajectory = await ctx.createTrajectory(client, 'loonkostensubsidie', { createdBy: coachId });
    const response = await ctx.http.get(base(client)).set(bearer(payroll));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      // Only the trajectory that makes the agency the employer, the ground for payroll's disclosures.
      employmentTrajectories: [
        {
          id: trajectory,
          type: 'loonkostensubsidie',
          status: 'open',
          startDate: '2026-01-05',
          closedOn: null,
        },
      ],
      employments: [],
      hours: [],
      absences: [],
      loonwaarde: [],
      lksApplications: [],
    });
  });

  it('need-to-know: the client’s own coach cannot read or write the payroll file (404, coaches have no payroll category)', async () => {
    // The coach does see the client itself, so the 404 is about the category, not the caseload.
    expect((await ctx.http.get(`/api/clients/${employed}`).set(bearer(coach))).status).toBe(200);
    expect((await ctx.http.get(base(employed)).set(bearer(coach))).status).toBe(404);
    const before = await ctx.owner.query('SELECT 1 FROM employment WHERE client_id = $1', [employed]);
    const write = await ctx.http
      .post(`${base(employed)}/employments`)
      .set(bearer(coach))
      .send(employment);
    expect(write.status).toBe(404);
    const loon = await ctx.http
      .post(`${base(employed)}/loonwaarde`)
      .set(bearer(coach))
      .send(loonwaarde);
    expect(loon.status).toBe(404);
    const after = await ctx.owner.query('SELECT 1 FROM employment WHERE client_id = $1', [employed]);
    expect(after.rowCount).toBe(before.rowCount);
  });

  it('need-to-know: management, income consultant and admin get 404 on the payroll file and may not write it', async () => {
    for (const token of [management, incomeConsultant, admin]) {
      expect((await ctx.http.get(base(employed)).set(bearer(token))).status).toBe(404);
      // None of them may change any client: refused by the role policy before the client is looked up.
      const write = await ctx.http
        .post(`${base(employed)}/employments`)
        .set(bearer(token))
        .send(employment);
      expect(write.status).toBe(403);
    }
  });

  it('answers 404 for an employment or LKS application of another client, and 400 for a malformed id', async () => {
    const other = await ctx.createClient({ lastName: 'Smit', bsn: '999990044', coachId: null });
    await ctx.createTrajectory(other, 'beschut_werk', { createdBy: coachId });
    const foreign = await createEmployment(other);
    const application = await ctx.http
      .post(`${base(other)}/lks-applications`)
      .set(bearer(payroll))
      .send(lks);
    for (const request of [
      ctx.http.patch(`${base(employed)}/employments/${foreign}`).send({ jobTitle: 'Anders' }),
      ctx.http
        .post(`${base(employed)}/employments/${foreign}/hours`)
        .send({ month: '2026-03-01', hoursWorked: 1 }),
      ctx.http.post(`${base(employed)}/employments/${foreign}/absences`).send({ firstDay: '2026-03-02' }),
      ctx.http
        .patch(`${base(employed)}/lks-applications/${application.body.id}`)
        .send({ status: 'toegekend' }),
    ]) {
      const response = await request.set(bearer(payroll));
      expect(response.status).toBe(404);
    }
    const unchanged = await ctx.owner.query('SELECT job_title FROM employment WHERE id = $1', [foreign]);
    expect(unchanged.rows[0].job_title).toBe(employment.jobTitle);
    const malformed = await ctx.http
      .patch(`${base(employed)}/employments/niet-een-uuid`)
      .set(bearer(payroll))
      .send({});
    expect(malformed.status).toBe(400);
  });

  describe('bad input', () => {
    let employmentId: string;
    let applicationId: string;

    beforeAll(async () => {
      employmentId = await createEmployment(employed, { ...employment, startDate: '2024-01-01' });
      const application = await ctx.http
        .post(`${base(employed)}/lks-applications`)
        .set(bearer(payroll))
        .send(lks);
      applicationId = application.body.id;
    });

    const cases: Array<
      [string, 'post' | 'patch', (ids: { e: string; a: string }) => string, object, string]
    > = [
      [
        'employment without employer',
        'post',
        () => 'employments',
        { ...employment, employerName: undefined },
        'employerName',
      ],
      [
        'employment with a blank job title',
        'post',
        () => 'employments',
        { ...employment, jobTitle: '   ' },
        'jobTitle',
      ],
      [
        'employment with isInlener as text',
        'post',
        () => 'employments',
        { ...employment, isInlener: 'ja' },
        'isInlener',
      ],
      [
        'employment with a Dutch date',
        'post',
        () => 'employments',
        { ...employment, startDate: '01-02-2026' },
        'startDate',
      ],
      [
        'employment on 30 February',
        'post',
        () => 'employments',
        { ...employment, startDate: '2026-02-30' },
        'startDate',
      ],
      [
        'employment ending before it starts',
        'post',
        () => 'employments',
        { ...employment, endDate: '2026-01-31' },
        'endDate',
      ],
      [
        'employment of 0 hours',
        'post',
        () => 'employments',
        { ...employment, contractHoursPerWeek: 0 },
        'contractHoursPerWeek',
      ],
      [
        'employment of 41 hours',
        'post',
        () => 'employments',
        { ...employment, contractHoursPerWeek: 41 },
        'contractHoursPerWeek',
      ],
      [
        'employment with hours as text',
        'post',
        () => 'employments',
        { ...employment, contractHoursPerWeek: '32' },
        'contractHoursPerWeek',
      ],
      [
        'salary in euros with cents',
        'post',
        () => 'employments',
        { ...employment, grossMonthlySalaryCents: 2150.5 },
        'grossMonthlySalaryCents',
      ],
      [
        'negative salary',
        'post',
        () => 'employments',
        { ...employment, grossMonthlySalaryCents: -1 },
        'grossMonthlySalaryCents',
      ],
      [
        'employment with an unknown field',
        'post',
        () => 'employments',
        { ...employment, bsn: '999990019' },
        'bsn',
      ],
      [
        'patch with null hours',
        'patch',
        ({ e }) => `employments/${e}`,
        { contractHoursPerWeek: null },
        'contractHoursPerWeek',
      ],
      [
        'patch with a bad end date',
        'patch',
        ({ e }) => `employments/${e}`,
        { endDate: '2026-13-01' },
        'endDate',
      ],
      [
        'patch ending before the start',
        'patch',
        ({ e }) => `employments/${e}`,
        { endDate: '2023-12-31' },
        'endDate',
      ],
      [
        'patch of the employer',
        'patch',
        ({ e }) => `employments/${e}`,
        { employerName: 'Ander BV' },
        'employerName',
      ],
      [
        'hours for a month as YYYY-MM',
        'post',
        ({ e }) => `employments/${e}/hours`,
        { month: '2026-03', hoursWorked: 10 },
        'month',
      ],
      [
        'hours not on the first of the month',
        'post',
        ({ e }) => `employments/${e}/hours`,
        { month: '2026-03-15', hoursWorked: 10 },
        'month',
      ],
      [
        'hours before the employment',
        'post',
        ({ e }) => `employments/${e}/hours`,
        { month: '2023-12-01', hoursWorked: 10 },
        'month',
      ],
      [
        '301 hours',
        'post',
        ({ e }) => `employments/${e}/hours`,
        { month: '2026-03-01', hoursWorked: 301 },
        'hoursWorked',
      ],
      [
        'hours with two decimals',
        'post',
        ({ e }) => `employments/${e}/hours`,
        { month: '2026-03-01', hoursWorked: 10.25 },
        'hoursWorked',
      ],
      [
        'absence without a first day',
        'post',
        ({ e }) => `employments/${e}/absences`,
        { lastDay: '2026-03-01' },
        'firstDay',
      ],
      [
        'absence ending before it starts',
        'post',
        ({ e }) => `employments/${e}/absences`,
        { firstDay: '2026-03-05', lastDay: '2026-03-04' },
        'lastDay',
      ],
      [
        'absence before the employment',
        'post',
        ({ e }) => `employments/${e}/absences`,
        { firstDay: '2023-03-05' },
        'firstDay',
      ],
      ['loonwaarde above 100', 'post', () => 'loonwaarde', { ...loonwaarde, percentage: 101 }, 'percentage'],
      [
        'loonwaarde with a fraction',
        'post',
        () => 'loonwaarde',
        { ...loonwaarde, percentage: 60.5 },
        'percentage',
      ],
      ['loonwaarde without a method', 'post', () => 'loonwaarde', { ...loonwaarde, method: '' }, 'method'],
      [
        'loonwaarde without a date',
        'post',
        () => 'loonwaarde',
        { ...loonwaarde, assessedOn: undefined },
        'assessedOn',
      ],
      [
        'LKS with an unknown status',
        'post',
        () => 'lks-applications',
        { ...lks, status: 'ingediend' },
        'status',
      ],
      [
        'LKS period ending before it starts',
        'post',
        () => 'lks-applications',
        { ...lks, periodEnd: '2026-02-28' },
        'periodEnd',
      ],
      [
        'LKS with a negative amount',
        'post',
        () => 'lks-applications',
        { ...lks, amountCents: -5 },
        'amountCents',
      ],
      [
        'LKS without an application date',
        'post',
        () => 'lks-applications',
        { ...lks, appliedOn: undefined },
        'appliedOn',
      ],
      [
        'LKS patch to an unknown status',
        'patch',
        ({ a }) => `lks-applications/${a}`,
        { status: 'gestopt' },
        'status',
      ],
      [
        'LKS patch of the period',
        'patch',
        ({ a }) => `lks-applications/${a}`,
        { periodStart: '2026-04-01' },
        'periodStart',
      ],
    ];

    it.each(cases)(
      'refuses %s with a 400 and a Dutch message naming the field',
      async (_, method, path, body, field) => {
        const response = await ctx.http[method](
          `${base(employed)}/${path({ e: employmentId, a: applicationId })}`,
        )
          .set(bearer(payroll))
          .send(body);
        expect(response.status).toBe(400);
        const error = response.body as FieldErrorBody;
        expect(error.message).toMatch(/^Ongeldige invoer: /);
        expect(error.errors?.map((e) => e.field)).toContain(field);
        const messages = error.errors?.find((e) => e.field === field)?.messages ?? [];
        expect(messages[0]).toContain(field);
        expect(messages[0]).toMatch(/moet|mag|verplicht|valt|geen toegestaan/);
      },
    );
  });

  it('R-MED-01: refuses an absence with a reason (400) and stores nothing, since an absence reason is medical', async () => {
    const id = await createEmployment(employed, { ...employment, startDate: '2025-06-01' });
    const response = await ctx.http
      .post(`${base(employed)}/employments/${id}/absences`)
      .set(bearer(payroll))
      .send({ firstDay: '2026-03-02', reason: 'griep' });
    expect(response.status).toBe(400);
    expect((response.body as FieldErrorBody).errors).toEqual([
      { field: 'reason', messages: ['reason is geen toegestaan veld'] },
    ]);
    const stored = await ctx.owner.query('SELECT 1 FROM absence_episode WHERE employment_id = $1', [id]);
    expect(stored.rowCount).toBe(0);
    // Nor is there anywhere to put one: the table holds dates only.
    const columns = await ctx.owner.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'absence_episode' ORDER BY column_name`,
    );
    expect(columns.rows.map((c) => c.column_name)).toEqual([
      'created_at',
      'created_by',
      'employment_id',
      'first_day',
      'id',
      'last_day',
    ]);
  });

  it('R-HUM-01: refuses a loonwaarde without the person who assessed it (400)', async () => {
    const url = `${base(employed)}/loonwaarde`;
    const missing = await ctx.http
      .post(url)
      .set(bearer(payroll))
      .send({ ...loonwaarde, assessedBy: undefined });
    expect(missing.status).toBe(400);
    expect((missing.body as FieldErrorBody).errors).toEqual([
      { field: 'assessedBy', messages: ['assessedBy is verplicht'] },
    ]);
    const blank = await ctx.http
      .post(url)
      .set(bearer(payroll))
      .send({ ...loonwaarde, assessedBy: '   ' });
    expect(blank.status).toBe(400);
    expect((blank.body as FieldErrorBody).errors?.[0].field).toBe('assessedBy');
  });

  it('records every change of an employment and an LKS application old -> new, with who changed it', async () => {
    const id = await createEmployment(employed, { ...employment, startDate: '2025-09-01' });
    const patched = await ctx.http
      .patch(`${base(employed)}/employments/${id}`)
      .set(bearer(payroll))
      .send({ endDate: '2026-08-31', contractHoursPerWeek: 28.5, grossMonthlySalaryCents: 215000 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ endDate: '2026-08-31', contractHoursPerWeek: 28.5 });
    const application = await ctx.http
      .post(`${base(employed)}/lks-applications`)
      .set(bearer(payroll))
      .send({ ...lks, appliedOn: '2025-08-01' });
    const decided = await ctx.http
      .patch(`${base(employed)}/lks-applications/${application.body.id}`)
      .set(bearer(payroll))
      .send({ status: 'toegekend', amountCents: 120000 });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'toegekend', amountCents: 120000 });

    const changes = await ctx.owner.query<Record<string, string | null>>(
      `SELECT entity_type, entity_id, field, category, old_value, new_value, changed_by, client_id
         FROM field_change WHERE entity_id = ANY($1) ORDER BY entity_type, field`,
      [[id, application.body.id]],
    );
    const common = { category: 'payroll', changed_by: payrollUserId, client_id: employed };
    // The unchanged salary is not recorded as a change.
    expect(changes.rows).toEqual([
      {
        ...common,
        entity_type: 'Employment',
        entity_id: id,
        field: 'contractHoursPerWeek',
        old_value: '32',
        new_value: '28.5',
      },
      {
        ...common,
        entity_type: 'Employment',
        entity_id: id,
        field: 'endDate',
        old_value: null,
        new_value: '2026-08-31',
      },
      {
        ...common,
        entity_type: 'LksApplication',
        entity_id: application.body.id,
        field: 'amountCents',
        old_value: null,
        new_value: '120000',
      },
      {
        ...common,
        entity_type: 'LksApplication',
        entity_id: application.body.id,
        field: 'status',
        old_value: 'aangevraagd',
        new_value: 'toegekend',
      },
    ]);
    const stored = await ctx.owner.query(
      'SELECT end_date::text, contract_hours_per_week FROM employment WHERE id = $1',
      [id],
    );
    expect(stored.rows[0]).toEqual({ end_date: '2026-08-31', contract_hours_per_week: '28.5' });
  });

  it('logs reads and changes with category payroll, the client and the legal basis, and the coach’s refused read as denied', async () => {
    const before = await ctx.owner.query<{ seq: string }>(
      'SELECT COALESCE(max(seq), 0) AS seq FROM audit_event',
    );
    const id = await createEmployment(employed, { ...employment, startDate: '2025-10-01' });
    await ctx.http.get(base(employed)).set(bearer(payroll));
    await ctx.http.get(base(employed)).set(bearer(coach));
    const rows = await ctx.owner.query<{
      username: string;
      action: string;
      object_type: string;
      object_id: string | null;
      categories: string[];
      subject_client_ids: string[];
      result: string;
      ground: { kind: string; reference: string } | null;
    }>(
      `SELECT username, action, object_type, object_id, categories, subject_client_ids, result, ground
         FROM audit_event WHERE seq > $1 AND route LIKE '%payroll%' ORDER BY seq`,
      [before.rows[0].seq],
    );
    expect(rows.rows).toEqual([
      expect.objectContaining({
        username: 'salaris1',
        action: 'create',
        object_type: 'Employment',
        object_id: id,
        categories: ['payroll'],
        subject_client_ids: [employed],
        result: 'allowed',
        ground: { kind: 'legal_basis', reference: expect.stringMatching(/WSW/) },
      }),
      expect.objectContaining({
        username: 'salaris1',
        action: 'read',
        categories: ['payroll'],
        subject_client_ids: [employed],
        result: 'allowed',
      }),
      expect.objectContaining({
        username: 'coach1',
        action: 'read',
        categories: ['payroll'],
        subject_client_ids: [employed],
        result: 'denied',
      }),
    ]);
  });
});
