import { type ClientView, type FieldChange, type Page, type StaffMember } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

/** Fields of categories an income consultant never sees outside intake (R-SHARE-03). */
const INTAKE_ONLY_FIELDS = [
  'cvLink',
  'educationLevel',
  'hasDebts',
  'debtNotes',
  'lifeDomainsNotes',
  'dutchLanguageLevel',
  'availabilityHoursPerWeek',
];

describe('client files by role (issue 3)', () => {
  let ctx: TestContext;
  const users: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let jansen: string; // coach1's client, linked to ic1
  let bakker: string; // coach2's client
  let visser: string; // coach1's client with a beschut_werk trajectory (payroll scope)

  const as = (user: string) => bearer(tokens[user]);

  async function lastAudit(route: string): Promise<{
    action: string;
    result: string;
    categories: string[];
    subject_client_ids: string[];
    object_id: string | null;
    details: Record<string, string> | null;
  }> {
    const { rows } = await ctx.owner.query(
      `SELECT action, result, categories, subject_client_ids, object_id, details
         FROM audit_event WHERE route = $1 ORDER BY seq DESC LIMIT 1`,
      [route],
    );
    return rows[0];
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    users.coach1 = await ctx.createUser('coach1', ['coach']);
    users.coach2 = await ctx.createUser('coach2', ['coach']);
    users.ic1 = await ctx.createUser('ic1', ['income_consultant']);
    users.payroll1 = await ctx.createUser('payroll1', ['payroll']);
    users.mgmt1 = await ctx.createUser('mgmt1', ['management']);
    users.admin1 = await ctx.createUser('admin1', ['admin']);
    users.mixed1 = await ctx.createUser('mixed1', ['management', 'coach']);
    users.oldcoach = await ctx.createUser('oldcoach', ['coach'], { active: false });
    for (const name of ['coach1', 'coach2', 'ic1', 'payroll1', 'mgmt1', 'admin1', 'mixed1']) {
      tokens[name] = await ctx.login(name);
    }
    jansen = await ctx.createClient({
      lastName: 'Jansen',
      firstName: 'Anna',
      bsn: '999990019',
      coachId: users.coach1,
      incomeConsultantId: users.ic1,
    });
    bakker = await ctx.createClient({ lastName: 'Bakker', bsn: '999990020', coachId: users.coach2 });
    visser = await ctx.createClient({ lastName: 'Visser', bsn: '999990032', coachId: users.coach1 });
    await ctx.owner.query(
      `UPDATE client SET phone = '06 12345678', cv_link = 'https://cv.example.nl/anna', education_level = 'mbo 2',
              has_debts = true, debt_notes = 'Schuld bij energieleverancier', life_domains_notes = 'Mantelzorg',
              functional_limitations = 'Kan niet lang staan', dutch_language_level = 'B1',
              availability_hours_per_week = 24, iban_encrypted = $2
        WHERE id = $1`,
      [jansen, ctx.crypto.encrypt('NL91ABNA0417164300')],
    );
    await ctx.owner.query('UPDATE client SET iban_encrypted = $2 WHERE id = $1', [
      visser,
      ctx.crypto.encrypt('NL91ABNA0417164300'),
    ]);
    await ctx.createTrajectory(visser, 'beschut_werk', { createdBy: users.coach1 });
  });
  afterAll(() => ctx.close());

  describe('GET /api/clients/:id', () => {
    it('gives a coach the whole file of their own client, BSN masked, never medical or payroll', async () => {
      const response = await ctx.http.get(`/api/clients/${jansen}`).set(as('coach1'));
      expect(response.status).toBe(200);
      const view = response.body as ClientView;
      expect(view).toMatchObject({
        id: jansen,
        firstName: 'Anna',
        lastName: 'Jansen',
        bsnMasked: '******019',
        city: 'Ede',
        phone: '06 12345678',
        cvLink: 'https://cv.example.nl/anna',
        debtNotes: 'Schuld bij energieleverancier',
        functionalLimitations: 'Kan niet lang staan',
        coachId: users.coach1,
        coachName: 'Test coach1',
      });
      expect(view).not.toHaveProperty('ibanMasked');
      expect(view.categories).not.toContain('payroll');
      expect(view.categories).not.toContain('medical');
      expect(JSON.stringify(view)).not.toContain('999990019');
      const audit = await lastAudit('GET /api/clients/:id');
      expect(audit).toMatchObject({ action: 'read', result: 'allowed', object_id: jansen });
      expect(audit.subject_client_ids).toEqual([jansen]);
      expect(audit.categories).toEqual(view.categories);
    });

    it("answers 404 for another coach's client, exactly as for one that does not exist", async () => {
      const hidden = await ctx.http.get(`/api/clients/${bakker}`).set(as('coach1'));
      const missing = await ctx.http
        .get('/api/clients/00000000-0000-4000-8000-000000000000')
        .set(as('coach1'));
      expect(hidden.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(hidden.body.message).toBe(missing.body.message);
    });

    it('R-SHARE-03: income consultant sees identity, contact and progress only, intake extras only during an open intake', async () => {
      const before = await ctx.http.get(`/api/clients/${jansen}`).set(as('ic1'));
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({ firstName: 'Anna', bsnMasked: '******019', phone: '06 12345678' });
      expect(before.body).toHaveProperty('openTrajectoryTypes');
      for (const field of [...INTAKE_ONLY_FIELDS, 'functionalLimitations', 'ibanMasked']) {
        expect(before.body).not.toHaveProperty(field);
      }
      expect(before.body.categories).toEqual(['identity', 'contact', 'progress']);
      // What the UI may say it shows: benefit impact lives in the dossier, the Expertisecentrum's
      // outcome in its own record (R-MED-02), neither in a client field.
      expect(before.body.readableCategories).toEqual([
        'identity',
        'contact',
        'progress',
        'benefit_impact',
        'diagnosis_outcome',
      ]);

      const intake = await ctx.createTrajectory(jansen, 'intake', { createdBy: users.coach1 });
      const during = await ctx.http.get(`/api/clients/${jansen}`).set(as('ic1'));
      expect(during.body).toMatchObject({
        cvLink: 'https://cv.example.nl/anna',
        hasDebts: true,
        debtNotes: 'Schuld bij energieleverancier',
        lifeDomainsNotes: 'Mantelzorg',
        openTrajectoryTypes: ['intake'],
      });
      // Functional health limitations are not part of the intake exception.
      expect(during.body).not.toHaveProperty('functionalLimitations');
      expect(during.body).not.toHaveProperty('ibanMasked');

      await ctx.owner.query(
        "UPDATE trajectory SET status = 'closed', closed_on = '2026-02-01' WHERE id = $1",
        [intake],
      );
      const after = await ctx.http.get(`/api/clients/${jansen}`).set(as('ic1'));
      for (const field of INTAKE_ONLY_FIELDS) expect(after.body).not.toHaveProperty(field);
    });

    it('R-SHARE-03: an income consultant does not see clients not linked to them', async () => {
      expect((await ctx.http.get(`/api/clients/${bakker}`).set(as('ic1'))).status).toBe(404);
      const list = await ctx.http.get('/api/clients').set(as('ic1'));
      expect((list.body as Page<ClientView>).items.map((client) => client.id)).toEqual([jansen]);
    });

    it('payroll sees only clients with a beschut werk or loonkostensubsidie trajectory, with the IBAN masked', async () => {
      const list = await ctx.http.get('/api/clients').set(as('payroll1'));
      expect((list.body as Page<ClientView>).items.map((client) => client.id)).toEqual([visser]);
      const file = await ctx.http.get(`/api/clients/${visser}`).set(as('payroll1'));
      expect(file.status).toBe(200);
      expect(file.body).toMatchObject({
        lastName: 'Visser',
        bsnMasked: '******032',
        ibanMasked: 'NL** **** **** **43 00',
      });
      expect(file.body).not.toHaveProperty('openTrajectoryTypes');
      expect(file.body).not.toHaveProperty('cvLink');
      expect(file.body.categories).toEqual(['identity', 'contact', 'payroll']);
      expect((await ctx.http.get(`/api/clients/${jansen}`).set(as('payroll1'))).status).toBe(404);
    });

    it('management sees identity and progress of every client, nothing else', async () => {
      const file = await ctx.http.get(`/api/clients/${jansen}`).set(as('mgmt1'));
      expect(file.status).toBe(200);
      expect(file.body.categories).toEqual(['identity', 'progress']);
      expect(file.body).toMatchObject({ firstName: 'Anna', bsnMasked: '******019' });
      expect(file.body).toHaveProperty('openTrajectoryTypes');
      for (const field of [
        'city',
        'street',
        'phone',
        'cvLink',
        'debtNotes',
        'functionalLimitations',
        'ibanMasked',
      ]) {
        expect(file.body).not.toHaveProperty(field);
      }
      const list = await ctx.http.get('/api/clients').set(as('mgmt1'));
      expect((list.body as Page<ClientView>).total).toBeGreaterThanOrEqual(3);
      expect((list.body as Page<ClientView>).items[0]).not.toHaveProperty('city');
    });

    it('admin sees identity only (no file content)', async () => {
      const file = await ctx.http.get(`/api/clients/${jansen}`).set(as('admin1'));
      expect(file.status).toBe(200);
      expect(file.body.categories).toEqual(['identity']);
      expect(file.body).not.toHaveProperty('openTrajectoryTypes');
      expect(file.body).not.toHaveProperty('city');
    });
  });

  describe('POST /api/clients', () => {
    const valid = {
      firstName: ' Fatma ',
      lastName: 'Yılmaz',
      dateOfBirth: '1985-03-14',
      bsn: '999990044',
      street: 'Stationsweg',
      houseNumber: '12a',
      postcode: '6711ab',
      city: 'Ede',
      email: 'fatma@example.nl',
      dutchLanguageLevel: 'A2',
      availabilityHoursPerWeek: 32,
      cvLink: 'https://cv.example.nl/fatma',
    };

    it('creates a client in the creator’s caseload, BSN stored encrypted with a blind index, audited', async () => {
      const response = await ctx.http.post('/api/clients').set(as('coach2')).send(valid);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        firstName: 'Fatma',
        lastName: 'Yılmaz',
        postcode: '6711 AB',
        bsnMasked: '******044',
        coachId: users.coach2,
        dutchLanguageLevel: 'A2',
      });
      const { rows } = await ctx.owner.query(
        'SELECT bsn_encrypted, bsn_blind_index, coach_id FROM client WHERE id = $1',
        [response.body.id],
      );
      expect(rows[0].bsn_encrypted.toString('latin1')).not.toContain('999990044');
      expect(ctx.crypto.decrypt(rows[0].bsn_encrypted)).toBe('999990044');
      expect(rows[0].bsn_blind_index.equals(ctx.crypto.blindIndex('999990044'))).toBe(true);
      const audit = await lastAudit('POST /api/clients');
      expect(audit).toMatchObject({ action: 'create', result: 'allowed', object_id: response.body.id });
      expect(audit.subject_client_ids).toEqual([response.body.id]);
      expect(audit.categories).toEqual([
        'identity',
        'contact',
        'work_history',
        'availability_transport',
        'language_inburgering',
      ]);
    });

    it('refuses a duplicate BSN with a 409 in Dutch', async () => {
      const response = await ctx.http
        .post('/api/clients')
        .set(as('coach1'))
        .send({ ...valid, lastName: 'Ander', bsn: '999990019' });
      expect(response.status).toBe(409);
      expect(response.body.message).toBe('Er is al een cliënt met dit BSN.');
    });

    it('refuses a BSN that fails the 11-proef with a Dutch message', async () => {
      const response = await ctx.http
        .post('/api/clients')
        .set(as('coach1'))
        .send({ ...valid, bsn: '123456789' });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('bsn is geen geldig BSN (11-proef)');
    });

    it('names every missing required field', async () => {
      const response = await ctx.http.post('/api/clients').set(as('coach1')).send({});
      expect(response.status).toBe(400);
      const fields = (response.body.errors as Array<{ field: string }>).map((error) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'firstName',
          'lastName',
          'dateOfBirth',
          'bsn',
          'street',
          'houseNumber',
          'postcode',
          'city',
        ]),
      );
      expect(response.body.message).toContain('firstName is verplicht');
    });

    it.each([
      [{ dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      [{ dateOfBirth: '1899-12-31' }, 'dateOfBirth'],
      [{ dateOfBirth: '2001-02-30' }, 'dateOfBirth'],
      [{ dateOfBirth: '14-03-1985' }, 'dateOfBirth'],
      [{ postcode: 'ABCD 12' }, 'postcode'],
      [{ houseNumber: 'geen' }, 'houseNumber'],
      [{ firstName: '   ' }, 'firstName'],
      [{ email: 'geen-adres' }, 'email'],
      [{ cvLink: 'http://cv.example.nl/x' }, 'cvLink'],
      [{ dutchLanguageLevel: 'D1' }, 'dutchLanguageLevel'],
      [{ inburgeringStatus: 'misschien' }, 'inburgeringStatus'],
      [{ availabilityHoursPerWeek: 61 }, 'availabilityHoursPerWeek'],
      [{ drivingLicence: 'ja' }, 'drivingLicence'],
      [{ iban: 'NL92ABNA0417164300' }, 'iban'],
      [{ phone: 'bel me' }, 'phone'],
      [{ coachId: 'x' }, 'coachId'],
    ])('refuses bad input %j with a 400 naming the field', async (change, field) => {
      const response = await ctx.http
        .post('/api/clients')
        .set(as('coach1'))
        .send({ ...valid, bsn: '999990056', ...change });
      expect(response.status).toBe(400);
      expect((response.body.errors as Array<{ field: string }>).map((error) => error.field)).toContain(field);
      expect(response.body.message).toMatch(/^Ongeldige invoer: /);
    });

    it('lets only roles with a create rule register clients', async () => {
      for (const user of ['ic1', 'payroll1', 'mgmt1', 'admin1']) {
        const response = await ctx.http
          .post('/api/clients')
          .set(as(user))
          .send({ ...valid, bsn: '999990068' });
        expect({ user, status: response.status }).toEqual({ user, status: 403 });
      }
    });

    it('does not let a coach write payroll data (the bank account) when registering a client', async () => {
      const response = await ctx.http
        .post('/api/clients')
        .set(as('coach1'))
        .send({ ...valid, bsn: '999990068', iban: 'NL91ABNA0417164300' });
      expect(response.status).toBe(403);
      expect(response.body.message).toContain('iban');
    });
  });

  describe('PATCH /api/clients/:id and its history', () => {
    it('records only real changes old -> new, BSN masked, and audits the changed categories', async () => {
      const response = await ctx.http
        .patch(`/api/clients/${jansen}`)
        .set(as('coach1'))
        .send({ city: 'Wageningen', phone: null, firstName: 'Anna', bsn: '999990081' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ city: 'Wageningen', phone: null, bsnMasked: '******081' });
      const { rows } = await ctx.owner.query(
        `SELECT field, category, old_value, new_value, changed_by FROM field_change
          WHERE client_id = $1 ORDER BY field`,
        [jansen],
      );
      expect(rows).toEqual([
        {
          field: 'bsn',
          category: 'identity',
          old_value: '******019',
          new_value: '******081',
          changed_by: users.coach1,
        },
        {
          field: 'city',
          category: 'contact',
          old_value: 'Ede',
          new_value: 'Wageningen',
          changed_by: users.coach1,
        },
        {
          field: 'phone',
          category: 'contact',
          old_value: '06 12345678',
          new_value: null,
          changed_by: users.coach1,
        },
      ]);
      const audit = await lastAudit('PATCH /api/clients/:id');
      expect(audit).toMatchObject({ action: 'update', result: 'allowed', object_id: jansen });
      expect(audit.categories).toEqual(['identity', 'contact']);
      expect(audit.details).toEqual({ gewijzigdeVelden: 'city,phone,bsn' });
      const found = await ctx.http.get('/api/clients?q=999990081').set(as('coach1'));
      expect(found.body.items.map((client: ClientView) => client.id)).toEqual([jansen]);
    });

    it('shows the history newest first with who changed it, only in categories the caller may read', async () => {
      await ctx.http.patch(`/api/clients/${jansen}`).set(as('coach1')).send({ debtNotes: 'Afgelost' });
      const coach = await ctx.http.get(`/api/clients/${jansen}/history`).set(as('coach1'));
      expect(coach.status).toBe(200);
      const changes = coach.body as FieldChange[];
      expect(changes[0]).toMatchObject({
        field: 'debtNotes',
        oldValue: 'Schuld bij energieleverancier',
        newValue: 'Afgelost',
        changedBy: users.coach1,
        changedByName: 'Test coach1',
        entityType: 'Client',
      });
      expect(changes.map((change) => change.field)).toEqual(expect.arrayContaining(['city', 'bsn', 'phone']));
      // R-SHARE-03: outside intake the income consultant does not see the debt change.
      const consultant = await ctx.http.get(`/api/clients/${jansen}/history`).set(as('ic1'));
      expect((consultant.body as FieldChange[]).map((change) => change.field).sort()).toEqual([
        'bsn',
        'city',
        'phone',
      ]);
      const management = await ctx.http.get(`/api/clients/${jansen}/history`).set(as('mgmt1'));
      expect((management.body as FieldChange[]).map((change) => change.field)).toEqual(['bsn']);
      const audit = await lastAudit('GET /api/clients/:id/history');
      expect(audit).toMatchObject({ action: 'read', object_id: jansen, categories: ['identity'] });
    });

    it('writes nothing when nothing changes', async () => {
      const before = await ctx.owner.query(
        'SELECT count(*)::int AS n FROM field_change WHERE client_id = $1',
        [jansen],
      );
      const response = await ctx.http
        .patch(`/api/clients/${jansen}`)
        .set(as('coach1'))
        .send({ city: 'Wageningen' });
      expect(response.status).toBe(200);
      const after = await ctx.owner.query(
        'SELECT count(*)::int AS n FROM field_change WHERE client_id = $1',
        [jansen],
      );
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it("answers 404 when a coach edits another coach's client", async () => {
      const response = await ctx.http
        .patch(`/api/clients/${bakker}`)
        .set(as('coach1'))
        .send({ city: 'Arnhem' });
      expect(response.status).toBe(404);
      const { rows } = await ctx.owner.query('SELECT city FROM client WHERE id = $1', [bakker]);
      expect(rows[0].city).toBe('Ede');
    });

    it('answers 403 naming the fields outside the categories the caller may change', async () => {
      const coach = await ctx.http
        .patch(`/api/clients/${jansen}`)
        .set(as('coach1'))
        .send({ iban: 'NL91ABNA0417164300', city: 'Ede' });
      expect(coach.status).toBe(403);
      expect(coach.body.message).toContain('iban');
      const payroll = await ctx.http
        .patch(`/api/clients/${visser}`)
        .set(as('payroll1'))
        .send({ city: 'Arnhem' });
      expect(payroll.status).toBe(403);
      expect(payroll.body.message).toContain('city');
    });

    it('lets payroll change the bank account, recorded masked', async () => {
      const response = await ctx.http
        .patch(`/api/clients/${visser}`)
        .set(as('payroll1'))
        .send({ iban: 'DE89 3704 0044 0532 0130 00' });
      expect(response.status).toBe(200);
      expect(response.body.ibanMasked).toBe('DE** **** **** **** **30 00');
      const { rows } = await ctx.owner.query(
        "SELECT old_value, new_value, category FROM field_change WHERE client_id = $1 AND field = 'iban'",
        [visser],
      );
      expect(rows).toEqual([
        {
          old_value: 'NL** **** **** **43 00',
          new_value: 'DE** **** **** **** **30 00',
          category: 'payroll',
        },
      ]);
    });

    it('refuses clearing a required field, an invalid value and a duplicate BSN', async () => {
      const cleared = await ctx.http
        .patch(`/api/clients/${jansen}`)
        .set(as('coach1'))
        .send({ lastName: null });
      expect(cleared.status).toBe(400);
      expect(cleared.body.message).toContain('lastName is verplicht');
      const invalid = await ctx.http
        .patch(`/api/clients/${jansen}`)
        .set(as('coach1'))
        .send({ bsn: '999990018' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toContain('bsn is geen geldig BSN (11-proef)');
      const duplicate = await ctx.http
        .patch(`/api/clients/${visser}`)
        .set(as('coach1'))
        .send({ bsn: '999990081' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.message).toBe('Er is al een cliënt met dit BSN.');
    });

    it('refuses edits to roles without an update rule', async () => {
      for (const user of ['ic1', 'mgmt1', 'admin1']) {
        const response = await ctx.http.patch(`/api/clients/${jansen}`).set(as(user)).send({ city: 'Ede' });
        expect({ user, status: response.status }).toEqual({ user, status: 403 });
      }
    });
  });

  describe('POST /api/clients/:id/bsn-reveal', () => {
    it('gives the coach the full BSN of their own client, audited without the number', async () => {
      const response = await ctx.http.post(`/api/clients/${visser}/bsn-reveal`).set(as('coach1'));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ bsn: '999990032' });
      const audit = await lastAudit('POST /api/clients/:id/bsn-reveal');
      expect(audit).toMatchObject({
        action: 'read',
        result: 'allowed',
        object_id: visser,
        categories: ['identity'],
        details: { onthuld: 'bsn' },
      });
      expect(JSON.stringify(audit)).not.toContain('999990032');
    });

    it('answers 404 to another coach, 403 to management and admin', async () => {
      expect((await ctx.http.post(`/api/clients/${visser}/bsn-reveal`).set(as('coach2'))).status).toBe(404);
      expect((await ctx.http.post(`/api/clients/${visser}/bsn-reveal`).set(as('mgmt1'))).status).toBe(403);
      expect((await ctx.http.post(`/api/clients/${visser}/bsn-reveal`).set(as('admin1'))).status).toBe(403);
    });

    it('answers 403 when the client is visible but revealing is not allowed for it', async () => {
      // mixed1 sees every client as management but may reveal only in their own caseload as coach.
      const response = await ctx.http.post(`/api/clients/${bakker}/bsn-reveal`).set(as('mixed1'));
      expect(response.status).toBe(403);
      expect(response.body.message).toBe('U mag het volledige BSN van deze cliënt niet inzien.');
    });
  });

  describe('PUT /api/clients/:id/assignment and GET /api/clients/staff', () => {
    it('lists active staff of a role by name only', async () => {
      const response = await ctx.http.get('/api/clients/staff?role=coach').set(as('admin1'));
      expect(response.status).toBe(200);
      const staff = response.body as StaffMember[];
      expect(staff.map((member) => member.displayName)).toEqual([
        'Test coach1',
        'Test coach2',
        'Test mixed1',
      ]);
      expect(Object.keys(staff[0]).sort()).toEqual(['displayName', 'id']);
      const consultants = await ctx.http.get('/api/clients/staff?role=income_consultant').set(as('coach1'));
      expect(consultants.body).toEqual([{ id: users.ic1, displayName: 'Test ic1' }]);
      expect((await ctx.http.get('/api/clients/staff?role=admin').set(as('admin1'))).status).toBe(400);
      expect((await ctx.http.get('/api/clients/staff').set(as('admin1'))).status).toBe(400);
    });

    it('lets admin move a client to another caseload, recorded and audited', async () => {
      const response = await ctx.http
        .put(`/api/clients/${bakker}/assignment`)
        .set(as('admin1'))
        .send({ coachId: users.coach1, incomeConsultantId: users.ic1 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        coachId: users.coach1,
        incomeConsultantId: users.ic1,
        categories: ['identity'],
      });
      expect((await ctx.http.get(`/api/clients/${bakker}`).set(as('coach1'))).status).toBe(200);
      expect((await ctx.http.get(`/api/clients/${bakker}`).set(as('coach2'))).status).toBe(404);
      const { rows } = await ctx.owner.query(
        'SELECT field, category, old_value, new_value FROM field_change WHERE client_id = $1 ORDER BY field',
        [bakker],
      );
      expect(rows).toEqual([
        { field: 'coachId', category: 'progress', old_value: 'Test coach2', new_value: 'Test coach1' },
        { field: 'incomeConsultantId', category: 'progress', old_value: null, new_value: 'Test ic1' },
      ]);
      const audit = await lastAudit('PUT /api/clients/:id/assignment');
      expect(audit).toMatchObject({
        action: 'update',
        result: 'allowed',
        object_id: bakker,
        categories: ['progress'],
      });
    });

    it('refuses a target that is not an active user with the right role, with a Dutch message', async () => {
      const cases: Array<[Record<string, string | null>, string]> = [
        [{ coachId: users.ic1 }, 'coachId is geen actieve trajectbegeleider'],
        [{ coachId: users.oldcoach }, 'coachId is geen actieve trajectbegeleider'],
        [{ incomeConsultantId: users.coach1 }, 'incomeConsultantId is geen actieve inkomensconsulent'],
        [{ coachId: '00000000-0000-4000-8000-000000000000' }, 'coachId is geen actieve trajectbegeleider'],
        [{}, 'geef coachId en/of incomeConsultantId op'],
      ];
      for (const [body, message] of cases) {
        const response = await ctx.http.put(`/api/clients/${visser}/assignment`).set(as('admin1')).send(body);
        expect({ body, status: response.status, message: response.body.message }).toEqual({
          body,
          status: 400,
          message: `Ongeldige invoer: ${message}`,
        });
      }
      const malformed = await ctx.http
        .put(`/api/clients/${visser}/assignment`)
        .set(as('admin1'))
        .send({ coachId: 'x' });
      expect(malformed.status).toBe(400);
    });

    it('lets admin remove an assignment with null, and nobody else assign', async () => {
      const response = await ctx.http
        .put(`/api/clients/${bakker}/assignment`)
        .set(as('admin1'))
        .send({ incomeConsultantId: null });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ coachId: users.coach1, incomeConsultantId: null });
      for (const user of ['coach1', 'mgmt1', 'ic1']) {
        const refused = await ctx.http
          .put(`/api/clients/${bakker}/assignment`)
          .set(as(user))
          .send({ coachId: users.coach1 });
        expect({ user, status: refused.status }).toEqual({ user, status: 403 });
      }
    });
  });
});
