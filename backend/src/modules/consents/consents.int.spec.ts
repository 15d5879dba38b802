import {
  type ConsentRegisterEntry,
  type ConsentView,
  type DossierEntryView,
  type Page,
} from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';
import { ConsentCheck, missingConsentMessage, todayInAmsterdam } from './consent-check.service';
import { WRITTEN_REQUIRED } from './consents.service';
import { WHATSAPP_APPOINTMENTS_ONLY } from './dto/whatsapp-contact.dto';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');

/** A day after today in Amsterdam (ISO dates). */
function daysFromToday(days: number): string {
  const date = new Date(`${todayInAmsterdam()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface ErrorBody {
  message: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

describe('consent registry (R-CONS-01..05)', () => {
  let ctx: TestContext;
  let check: ConsentCheck;
  let coach1Id: string;
  let clientA: string;
  let clientW: string;
  let clientR: string;
  let otherClient: string;
  let trajectoryA: string;
  let otherTrajectory: string;
  const tokens: Record<string, string> = {};

  const consents = (clientId: string): string => `/api/clients/${clientId}/consents`;
  const whatsapp = (clientId: string): string => `/api/clients/${clientId}/whatsapp-contacts`;

  const consentBody = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
    purpose: 'whatsapp',
    givenOn: '2026-01-10',
    form: 'oral',
    evidenceReference: 'Gespreksverslag intake 10-01-2026',
    ...fields,
  });

  async function recordConsent(clientId: string, fields: Record<string, unknown> = {}): Promise<ConsentView> {
    const response = await ctx.http
      .post(consents(clientId))
      .set(bearer(tokens['coach1']))
      .send(consentBody(fields));
    if (response.status !== 201)
      throw new Error(`consent: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as ConsentView;
  }

  function expectFieldError(body: unknown, field: string, text?: string): void {
    const error = body as ErrorBody;
    const messages = error.errors?.find((entry) => entry.field === field)?.messages ?? [];
    expect(messages.length).toBeGreaterThan(0);
    if (text) expect(messages.join(' ')).toContain(text);
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    check = ctx.app.get(ConsentCheck, { strict: false });
    coach1Id = await ctx.createUser('coach1', ['coach']);
    const coach2Id = await ctx.createUser('coach2', ['coach']);
    const ic1Id = await ctx.createUser('ic1', ['income_consultant']);
    await ctx.createUser('mgmt1', ['management']);
    await ctx.createUser('fg1', ['dpo']);
    clientA = await ctx.createClient({
      lastName: 'Jansen',
      bsn: '111222333',
      coachId: coach1Id,
      incomeConsultantId: ic1Id,
    });
    clientW = await ctx.createClient({ lastName: 'Willems', bsn: '123456782', coachId: coach1Id });
    clientR = await ctx.createClient({ lastName: 'Rahimi', bsn: '100000009', coachId: coach1Id });
    otherClient = await ctx.createClient({ lastName: 'Bakker', bsn: '100000010', coachId: coach2Id });
    trajectoryA = await ctx.createTrajectory(clientA, 'bemiddeling', { createdBy: coach1Id });
    otherTrajectory = await ctx.createTrajectory(otherClient, 'bemiddeling', { createdBy: coach2Id });
    for (const name of ['coach1', 'coach2', 'ic1', 'mgmt1', 'fg1']) tokens[name] = await ctx.login(name);
  });
  afterAll(() => ctx.close());

  describe('recording', () => {
    it('R-CONS-01: a consent holds purpose, scope, given on, form, evidence, end date and who recorded it', async () => {
      const upload = await ctx.http
        .post(`/api/clients/${clientA}/documents`)
        .set(bearer(tokens['coach1']))
        .field('trajectoryId', trajectoryA)
        .field('category', 'contact')
        .field('title', 'Getekend toestemmingsformulier')
        .field('occurredOn', '2026-01-12')
        .attach('file', PDF, { filename: 'toestemming.pdf', contentType: 'application/pdf' });
      expect(upload.status).toBe(201);
      const documentId = (upload.body as DossierEntryView).document?.id;

      const consent = await recordConsent(clientA, {
        purpose: 'sociaal_team',
        recipient: 'Sociaal team Ede-Zuid',
        categories: ['life_domains', 'contact'],
        givenOn: '2026-01-12',
        form: 'written',
        evidenceDocumentId: documentId,
        evidenceReference: undefined,
        validUntil: '2027-01-12',
      });
      expect(consent).toMatchObject({
        clientId: clientA,
        purpose: 'sociaal_team',
        recipient: 'Sociaal team Ede-Zuid',
        categories: ['contact', 'life_domains'],
        givenOn: '2026-01-12',
        form: 'written',
        recordedBy: coach1Id,
        recordedByName: 'Test coach1',
        evidenceDocumentId: documentId,
        evidenceReference: null,
        validUntil: '2027-01-12',
        withdrawnOn: null,
        withdrawnRecordedBy: null,
        withdrawnRecordedByName: null,
        valid: true,
      });
      const stored = await ctx.owner.query<{ recorded_by: string; evidence_document_id: string }>(
        'SELECT recorded_by, evidence_document_id FROM consent WHERE id = $1',
        [consent.id],
      );
      expect(stored.rows[0]).toEqual({ recorded_by: coach1Id, evidence_document_id: documentId });

      const list = await ctx.http.get(consents(clientA)).set(bearer(tokens['coach1']));
      expect(list.status).toBe(200);
      expect((list.body as ConsentView[]).map((entry) => entry.id)).toContain(consent.id);

      const audit = await ctx.owner.query<{
        ground: unknown;
        categories: string[];
        subject_client_ids: string[];
      }>(
        `SELECT ground, categories, subject_client_ids FROM audit_event
          WHERE object_type = 'Consent' AND action = 'create' AND object_id = $1`,
        [consent.id],
      );
      expect(audit.rows).toEqual([
        {
          ground: { kind: 'consent', reference: consent.id },
          categories: ['contact', 'life_domains'],
          subject_client_ids: [clientA],
        },
      ]);
    });

    it('R-CONS-01: purposes that need written consent refuse oral consent (400), and so does the database', async () => {
      for (const purpose of ['gp_data_request', 'health_to_commissioner', 'expertise_research']) {
        const response = await ctx.http
          .post(consents(clientA))
          .set(bearer(tokens['coach1']))
          .send(consentBody({ purpose, recipient: 'Huisartsenpraktijk De Linde', form: 'oral' }));
        expect(response.status).toBe(400);
        expectFieldError(response.body, 'form', WRITTEN_REQUIRED);
      }
      await expect(
        ctx.owner.query(
          `INSERT INTO consent (client_id, purpose, recipient, given_on, form, recorded_by, evidence_reference)
           VALUES ($1, 'gp_data_request', 'Huisarts', '2026-01-10', 'oral', $2, 'map 1')`,
          [clientA, coach1Id],
        ),
      ).rejects.toMatchObject({ code: '23514' });
    });

    it.each([
      ['consent dated in the future', { givenOn: daysFromToday(1) }, 'givenOn', 'toekomst'],
      ['unknown purpose', { purpose: 'marketing' }, 'purpose', 'purpose moet een van deze zijn'],
      ['no evidence', { evidenceReference: undefined }, 'evidenceReference', 'bewijs'],
      ['blank evidence reference', { evidenceReference: '   ' }, 'evidenceReference', undefined],
      ['unknown form', { form: 'email' }, 'form', 'form moet een van deze zijn'],
      ['missing recipient', { purpose: 'sociaal_team' }, 'recipient', 'ontvanger'],
      ['medical category', { categories: ['medical'] }, 'categories', 'nooit medical'],
      ['end date before given on', { validUntil: '2026-01-09' }, 'validUntil', 'givenOn'],
      ['impossible date', { givenOn: '2026-02-30' }, 'givenOn', 'JJJJ-MM-DD'],
    ])('bad input: %s -> 400 naming the field', async (_name, fields, field, text) => {
      const response = await ctx.http
        .post(consents(clientA))
        .set(bearer(tokens['coach1']))
        .send(consentBody(fields));
      expect(response.status).toBe(400);
      expectFieldError(response.body, field, text);
    });

    it('bad input: evidence document of another client -> 400 naming evidenceDocumentId', async () => {
      const upload = await ctx.http
        .post(`/api/clients/${otherClient}/documents`)
        .set(bearer(tokens['coach2']))
        .field('trajectoryId', otherTrajectory)
        .field('category', 'contact')
        .field('title', 'Formulier')
        .field('occurredOn', '2026-01-12')
        .attach('file', PDF, { filename: 'f.pdf', contentType: 'application/pdf' });
      expect(upload.status).toBe(201);
      const response = await ctx.http
        .post(consents(clientA))
        .set(bearer(tokens['coach1']))
        .send(
          consentBody({
            evidenceReference: undefined,
            evidenceDocumentId: (upload.body as DossierEntryView).document?.id,
          }),
        );
      expect(response.status).toBe(400);
      expectFieldError(response.body, 'evidenceDocumentId', 'deze cliënt');
    });
  });

  describe('withdrawal', () => {
    it('R-CONS-02: a withdrawal counts from its day on, and the record and its history stay', async () => {
      const consent = await recordConsent(clientW, { givenOn: '2026-01-10' });
      expect(await check.findValid(clientW, 'whatsapp', { on: '2026-02-01' })).not.toBeNull();

      const response = await ctx.http
        .post(`${consents(clientW)}/${consent.id}/withdraw`)
        .set(bearer(tokens['coach1']))
        .send({ withdrawnOn: '2026-02-01', confirm: true });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: consent.id,
        withdrawnOn: '2026-02-01',
        withdrawnRecordedBy: coach1Id,
        withdrawnRecordedByName: 'Test coach1',
        valid: false,
      });

      // Lawful before the withdrawal; not on or after its day.
      expect((await check.findValid(clientW, 'whatsapp', { on: '2026-01-31' }))?.id).toBe(consent.id);
      expect(await check.findValid(clientW, 'whatsapp', { on: '2026-02-01' })).toBeNull();
      expect(await check.findValid(clientW, 'whatsapp')).toBeNull();

      const list = await ctx.http.get(consents(clientW)).set(bearer(tokens['coach1']));
      const kept = (list.body as ConsentView[]).find((entry) => entry.id === consent.id);
      expect(kept).toMatchObject({ purpose: 'whatsapp', givenOn: '2026-01-10', withdrawnOn: '2026-02-01' });
      const stored = await ctx.owner.query<{ withdrawn_recorded_at: Date | null }>(
        'SELECT withdrawn_recorded_at FROM consent WHERE id = $1',
        [consent.id],
      );
      expect(stored.rows[0].withdrawn_recorded_at).toBeInstanceOf(Date);

      const again = await ctx.http
        .post(`${consents(clientW)}/${consent.id}/withdraw`)
        .set(bearer(tokens['coach1']))
        .send({ withdrawnOn: '2026-02-02', confirm: true });
      expect(again.status).toBe(409);
    });

    it('R-CONS-02: the history is newest first and a later consent is valid again', async () => {
      const later = await recordConsent(clientW, { givenOn: '2026-03-01' });
      const list = await ctx.http.get(consents(clientW)).set(bearer(tokens['coach1']));
      const views = list.body as ConsentView[];
      expect(views[0].id).toBe(later.id);
      expect(views.map((view) => view.valid)).toEqual([true, false]);
    });

    it.each([
      ['withdrawal before given', { withdrawnOn: '2026-01-01', confirm: true }, 'withdrawnOn', 'givenOn'],
      [
        'withdrawal in the future',
        { withdrawnOn: daysFromToday(1), confirm: true },
        'withdrawnOn',
        'toekomst',
      ],
      ['not confirmed', { withdrawnOn: '2026-02-01', confirm: false }, 'confirm', 'bevestig'],
    ])('bad input: %s -> 400 naming the field', async (_name, body, field, text) => {
      const consent = await recordConsent(clientW, { purpose: 'cv_profile', givenOn: '2026-01-10' });
      const response = await ctx.http
        .post(`${consents(clientW)}/${consent.id}/withdraw`)
        .set(bearer(tokens['coach1']))
        .send(body);
      expect(response.status).toBe(400);
      expectFieldError(response.body, field, text);
    });

    it('a consent of another client cannot be withdrawn through this client (404)', async () => {
      const consent = await recordConsent(clientW, { purpose: 'cv_profile' });
      const response = await ctx.http
        .post(`${consents(clientA)}/${consent.id}/withdraw`)
        .set(bearer(tokens['coach1']))
        .send({ withdrawnOn: '2026-02-01', confirm: true });
      expect(response.status).toBe(404);
    });
  });

  describe('consent-gated actions', () => {
    const contact = (fields: Record<string, unknown> = {}) => ({
      trajectoryId: trajectoryA,
      occurredOn: '2026-02-03',
      subject: 'appointment',
      note: 'Dinsdag 10:00 op kantoor',
      ...fields,
    });

    it('R-CONS-03, R-CONS-04: WhatsApp contact without a valid consent is refused, naming the missing consent', async () => {
      const response = await ctx.http.post(whatsapp(clientA)).set(bearer(tokens['coach1'])).send(contact());
      expect(response.status).toBe(403);
      expect((response.body as ErrorBody).message).toBe(missingConsentMessage('whatsapp'));
      expect((response.body as ErrorBody).message).toContain('contact via whatsapp');
      const entries = await ctx.owner.query(
        'SELECT 1 FROM dossier_entry WHERE client_id = $1 AND title = $2',
        [clientA, 'Afspraak via WhatsApp'],
      );
      expect(entries.rowCount).toBe(0);
    });

    it('R-CONS-04: with consent an appointment via WhatsApp is recorded in the dossier, with the consent as ground', async () => {
      const consent = await recordConsent(clientA, { purpose: 'whatsapp', givenOn: '2026-02-01' });
      const before = await ctx.http
        .post(whatsapp(clientA))
        .set(bearer(tokens['coach1']))
        .send(contact({ occurredOn: '2026-01-31' }));
      expect(before.status).toBe(403);

      const response = await ctx.http.post(whatsapp(clientA)).set(bearer(tokens['coach1'])).send(contact());
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        clientId: clientA,
        trajectoryId: trajectoryA,
        kind: 'correspondence',
        category: 'contact',
        correspondenceDirection: 'outgoing',
        counterparty: 'Cliënt (WhatsApp)',
        title: 'Afspraak via WhatsApp',
        body: 'Dinsdag 10:00 op kantoor',
        occurredOn: '2026-02-03',
        authorId: coach1Id,
      });
      const entryId = (response.body as DossierEntryView).id;
      const dossier = await ctx.http.get(`/api/clients/${clientA}/dossier`).set(bearer(tokens['coach1']));
      expect((dossier.body as DossierEntryView[]).map((entry) => entry.id)).toContain(entryId);
      const audit = await ctx.owner.query<{ ground: unknown }>(
        `SELECT ground FROM audit_event WHERE object_type = 'DossierEntry' AND object_id = $1`,
        [entryId],
      );
      expect(audit.rows).toEqual([{ ground: { kind: 'consent', reference: consent.id } }]);
    });

    it('R-CONS-04: WhatsApp is for appointments only (400), and the trajectory must be the client’s (404)', async () => {
      const substantive = await ctx.http
        .post(whatsapp(clientA))
        .set(bearer(tokens['coach1']))
        .send(contact({ subject: 'decision' }));
      expect(substantive.status).toBe(400);
      expectFieldError(substantive.body, 'subject', WHATSAPP_APPOINTMENTS_ONLY);
      const foreign = await ctx.http
        .post(whatsapp(clientA))
        .set(bearer(tokens['coach1']))
        .send(contact({ trajectoryId: otherTrajectory }));
      expect(foreign.status).toBe(404);
    });

    it('R-CONS-05: a religious function is noted only with a valid consent; clearing it is always allowed', async () => {
      const file = `/api/clients/${clientR}`;
      const refused = await ctx.http
        .patch(file)
        .set(bearer(tokens['coach1']))
        .send({ religiousFunction: 'Imam' });
      expect(refused.status).toBe(403);
      expect((refused.body as ErrorBody).message).toBe(missingConsentMessage('religious_function'));
      const unchanged = await ctx.owner.query<{ religious_function: string | null }>(
        'SELECT religious_function FROM client WHERE id = $1',
        [clientR],
      );
      expect(unchanged.rows[0].religious_function).toBeNull();

      const consent = await recordConsent(clientR, { purpose: 'religious_function', givenOn: '2026-01-10' });
      const noted = await ctx.http
        .patch(file)
        .set(bearer(tokens['coach1']))
        .send({ religiousFunction: 'Imam' });
      expect(noted.status).toBe(200);
      expect(noted.body).toMatchObject({ religiousFunction: 'Imam' });
      expect((noted.body as { categories: string[] }).categories).toContain('religion');

      await ctx.http
        .post(`${consents(clientR)}/${consent.id}/withdraw`)
        .set(bearer(tokens['coach1']))
        .send({ withdrawnOn: todayInAmsterdam(), confirm: true })
        .expect(200);
      const changed = await ctx.http
        .patch(file)
        .set(bearer(tokens['coach1']))
        .send({ religiousFunction: 'Voorganger' });
      expect(changed.status).toBe(403);
      const cleared = await ctx.http
        .patch(file)
        .set(bearer(tokens['coach1']))
        .send({ religiousFunction: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ religiousFunction: null });
    });

    it('R-CONS-05: a new client cannot be registered with a religious function (no consent can exist yet)', async () => {
      const response = await ctx.http.post('/api/clients').set(bearer(tokens['coach1'])).send({
        firstName: 'Nieuw',
        lastName: 'Cliënt',
        dateOfBirth: '1990-01-01',
        bsn: '100000022',
        street: 'Stationsweg',
        houseNumber: '1',
        postcode: '6711 AA',
        city: 'Ede',
        religiousFunction: 'Imam',
      });
      expect(response.status).toBe(403);
      expect((response.body as ErrorBody).message).toBe(missingConsentMessage('religious_function'));
    });
  });

  describe('who may', () => {
    it('another coach gets 404 for a client outside their caseload', async () => {
      const list = await ctx.http.get(consents(clientA)).set(bearer(tokens['coach2']));
      expect(list.status).toBe(404);
      const create = await ctx.http.post(consents(clientA)).set(bearer(tokens['coach2'])).send(consentBody());
      expect(create.status).toBe(404);
      const contact = await ctx.http
        .post(whatsapp(clientA))
        .set(bearer(tokens['coach2']))
        .send({ trajectoryId: trajectoryA, occurredOn: '2026-02-03', subject: 'appointment' });
      expect(contact.status).toBe(404);
    });

    it('income consultant and management cannot read or record consents (403)', async () => {
      for (const name of ['ic1', 'mgmt1']) {
        expect((await ctx.http.get(consents(clientA)).set(bearer(tokens[name]))).status).toBe(403);
        expect(
          (await ctx.http.post(consents(clientA)).set(bearer(tokens[name])).send(consentBody())).status,
        ).toBe(403);
      }
    });

    it('the FG has no client scope: a client’s consent tab answers 404, recording 403', async () => {
      expect((await ctx.http.get(consents(clientA)).set(bearer(tokens['fg1']))).status).toBe(404);
      expect(
        (await ctx.http.post(consents(clientA)).set(bearer(tokens['fg1'])).send(consentBody())).status,
      ).toBe(403);
    });
  });

  describe('FG register', () => {
    it('R-AUD-02: the FG lists consent metadata across clients, without names or dossier content', async () => {
      const response = await ctx.http.get('/api/consents?pageSize=100').set(bearer(tokens['fg1']));
      expect(response.status).toBe(200);
      const page = response.body as Page<ConsentRegisterEntry>;
      const total = await ctx.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM consent');
      expect(page.total).toBe(total.rows[0].n);
      expect(new Set(page.items.map((item) => item.clientId))).toEqual(new Set([clientA, clientW, clientR]));
      for (const item of page.items) {
        expect(Object.keys(item).sort()).toEqual(
          [
            'clientId',
            'evidencePresent',
            'form',
            'givenOn',
            'id',
            'purpose',
            'recordedAt',
            'recordedByName',
            'validUntil',
            'withdrawnOn',
          ].sort(),
        );
        expect(item.evidencePresent).toBe(true);
      }
      const text = JSON.stringify(page);
      for (const name of ['Jansen', 'Willems', 'Rahimi', 'Ede-Zuid', 'Gespreksverslag'])
        expect(text).not.toContain(name);

      const audit = await ctx.owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE object_type = 'Consent' AND action = 'search'
           AND result = 'allowed' AND username = 'fg1'`,
      );
      expect(audit.rows[0].n).toBe(1);
    });

    it('the register filters by client, purpose and validity on a day', async () => {
      const byClient = await ctx.http.get(`/api/consents?clientId=${clientW}`).set(bearer(tokens['fg1']));
      expect(
        (byClient.body as Page<ConsentRegisterEntry>).items.every((item) => item.clientId === clientW),
      ).toBe(true);
      const valid = await ctx.http
        .get(`/api/consents?clientId=${clientW}&purpose=whatsapp&validOn=2026-02-15`)
        .set(bearer(tokens['fg1']));
      // The first whatsapp consent was withdrawn on 2026-02-01; the later one starts 2026-03-01.
      expect((valid.body as Page<ConsentRegisterEntry>).total).toBe(0);
      const january = await ctx.http
        .get(`/api/consents?clientId=${clientW}&purpose=whatsapp&validOn=2026-01-20`)
        .set(bearer(tokens['fg1']));
      expect((january.body as Page<ConsentRegisterEntry>).items.map((item) => item.withdrawnOn)).toEqual([
        '2026-02-01',
      ]);
      const bad = await ctx.http.get('/api/consents?purpose=marketing').set(bearer(tokens['fg1']));
      expect(bad.status).toBe(400);
    });

    it('a coach (who may read consents of own clients) and management get 403 on the register', async () => {
      expect((await ctx.http.get('/api/consents').set(bearer(tokens['coach1']))).status).toBe(403);
      expect((await ctx.http.get('/api/consents').set(bearer(tokens['mgmt1']))).status).toBe(403);
    });
  });
});
