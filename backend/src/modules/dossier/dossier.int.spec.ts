import { createHash } from 'node:crypto';

import { DOCUMENT_MAX_BYTES, type DossierEntryView } from '@werkpad/shared';
import type request from 'supertest';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);
const NOTE_TEXT = 'Cliënt vertelt over schulden bij de woningcorporatie';

describe('client dossier (R-REP-02)', () => {
  let ctx: TestContext;
  let coach1Id: string;
  let clientA: string;
  let otherClient: string;
  let trajectory: string;
  let otherTrajectory: string;
  const tokens: Record<string, string> = {};

  const dossier = (clientId = clientA): string => `/api/clients/${clientId}/dossier`;
  const documents = (clientId = clientA): string => `/api/clients/${clientId}/documents`;
  const content = (documentId: string, clientId = clientA): string =>
    `/api/clients/${clientId}/documents/${documentId}/content`;

  const entry = (fields: Record<string, string> = {}) => ({
    trajectoryId: trajectory,
    kind: 'note',
    category: 'coaching_notes',
    title: 'Gesprek',
    body: 'Tekst',
    occurredOn: '2026-02-02',
    ...fields,
  });

  async function addEntry(
    fields: Record<string, string>,
    token = tokens['coach1'],
  ): Promise<DossierEntryView> {
    const response = await ctx.http.post(dossier()).set(bearer(token)).send(entry(fields));
    expect(response.status).toBe(201);
    return response.body as DossierEntryView;
  }

  function upload(
    file: Buffer | null,
    options: {
      filename?: string;
      contentType?: string;
      fields?: Record<string, string>;
      token?: string;
      clientId?: string;
    } = {},
  ): request.Test {
    const { filename = 'brief.pdf', contentType = 'application/pdf', token = tokens['coach1'] } = options;
    let call = ctx.http.post(documents(options.clientId)).set(bearer(token));
    const fields = {
      trajectoryId: trajectory,
      category: 'coaching_notes',
      title: 'Brief van de werkgever',
      occurredOn: '2026-02-03',
      ...options.fields,
    };
    for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
    if (file) call = call.attach('file', file, { filename, contentType });
    return call;
  }

  async function uploaded(
    file: Buffer,
    options: Parameters<typeof upload>[1] = {},
  ): Promise<DossierEntryView> {
    const response = await upload(file, options);
    if (response.status !== 201)
      throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as DossierEntryView;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    coach1Id = await ctx.createUser('coach1', ['coach']);
    const coach2Id = await ctx.createUser('coach2', ['coach']);
    const ic1Id = await ctx.createUser('ic1', ['income_consultant']);
    await ctx.createUser('payroll1', ['payroll']);
    await ctx.createUser('mgmt1', ['management']);
    clientA = await ctx.createClient({
      lastName: 'Jansen',
      bsn: '111222333',
      coachId: coach1Id,
      incomeConsultantId: ic1Id,
    });
    otherClient = await ctx.createClient({ lastName: 'Bakker', bsn: '123456782', coachId: coach2Id });
    trajectory = await ctx.createTrajectory(clientA, 'bemiddeling', { createdBy: coach1Id });
    otherTrajectory = await ctx.createTrajectory(otherClient, 'bemiddeling', { createdBy: coach2Id });
    for (const name of ['coach1', 'coach2', 'ic1', 'payroll1', 'mgmt1']) tokens[name] = await ctx.login(name);
  });
  afterAll(() => ctx.close());

  describe('entries', () => {
    it('R-REP-02: the dossier holds notes, correspondence, progress, instruments, decisions and documents, newest first', async () => {
      await addEntry({ title: 'Gespreksverslag', body: NOTE_TEXT, occurredOn: '2026-01-10' });
      await addEntry({
        kind: 'correspondence',
        category: 'work_history',
        title: 'Brief aan werkgever',
        correspondenceDirection: 'outgoing',
        counterparty: 'Bouwbedrijf Ede',
        occurredOn: '2026-01-11',
      });
      await addEntry({
        kind: 'progress',
        category: 'progress',
        title: 'Sollicitatie verstuurd',
        occurredOn: '2026-01-12',
      });
      await addEntry({
        kind: 'instrument',
        category: 'progress',
        title: 'Werkfit-traject',
        occurredOn: '2026-01-13',
      });
      await addEntry({
        kind: 'decision',
        category: 'benefit_impact',
        title: 'Uitkering loopt door',
        decidedBy: 'M. de Boer, teamleider',
        occurredOn: '2026-01-14',
      });
      await uploaded(PDF, { fields: { occurredOn: '2026-01-15' } });

      const response = await ctx.http.get(dossier()).set(bearer(tokens['coach1']));
      expect(response.status).toBe(200);
      const list = response.body as DossierEntryView[];
      expect(list.map((item) => item.kind).slice(0, 6)).toEqual([
        'document',
        'decision',
        'instrument',
        'progress',
        'correspondence',
        'note',
      ]);
      expect(list[0].document).toMatchObject({ mediaType: 'application/pdf', sizeBytes: PDF.length });
      expect(list[1]).toMatchObject({
        decidedBy: 'M. de Boer, teamleider',
        authorName: 'Test coach1',
        authorId: coach1Id,
      });
      expect(list[4]).toMatchObject({ correspondenceDirection: 'outgoing', counterparty: 'Bouwbedrijf Ede' });
      expect(list[5].body).toBe(NOTE_TEXT);

      const filtered = await ctx.http
        .get(`${dossier()}?kind=decision&trajectoryId=${trajectory}`)
        .set(bearer(tokens['coach1']));
      expect((filtered.body as DossierEntryView[]).every((item) => item.kind === 'decision')).toBe(true);
      expect(filtered.body.length).toBeGreaterThan(0);
    });

    it('R-SHARE-07: an oral report to a commissioner is recorded as a conversation note', async () => {
      const note = await addEntry({
        title: 'Mondelinge rapportage aan gemeente',
        body: 'Telefonisch voortgang gemeld',
      });
      expect(note).toMatchObject({ kind: 'note', category: 'coaching_notes' });
    });

    it('R-HUM-01: a decision without the person who took it is refused by the API and by the database', async () => {
      const response = await ctx.http
        .post(dossier())
        .set(bearer(tokens['coach1']))
        .send(entry({ kind: 'decision', category: 'benefit_impact', title: 'Besluit' }));
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(
        'Ongeldige invoer: Een besluit vermeldt wie het besluit nam (R-HUM-01)',
      );
      expect(response.body.errors).toEqual([
        { field: 'decidedBy', messages: ['Een besluit vermeldt wie het besluit nam (R-HUM-01)'] },
      ]);
      const blank = await ctx.http
        .post(dossier())
        .set(bearer(tokens['coach1']))
        .send(entry({ kind: 'decision', category: 'benefit_impact', title: 'Besluit', decidedBy: '   ' }));
      expect(blank.status).toBe(400);
      await expect(
        ctx.owner.query(
          `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, occurred_on, author_id)
           VALUES ($1, $2, 'decision', 'benefit_impact', 'Besluit zonder beslisser', '2026-01-01', $3)`,
          [clientA, trajectory, coach1Id],
        ),
      ).rejects.toThrow(/check constraint/);
    });

    it.each([
      ['a note outside coaching notes', { category: 'progress' }, 'category', /coaching_notes/],
      ['a document through the entry route', { kind: 'document' }, 'kind', /upload/],
      ['medical data', { category: 'medical' }, 'category', /category/],
      ['a date in the future', { occurredOn: '2999-01-01' }, 'occurredOn', /toekomst/],
      ['an impossible date', { occurredOn: '2026-02-30' }, 'occurredOn', /datum/],
      ['an empty title', { title: '' }, 'title', /title/],
      ['a long title', { title: 'x'.repeat(201) }, 'title', /200/],
      ['a long body', { body: 'x'.repeat(20001) }, 'body', /20000/],
      [
        'correspondence without counterparty',
        { kind: 'correspondence', category: 'contact', correspondenceDirection: 'incoming' },
        'counterparty',
        /afzender/,
      ],
      [
        'correspondence without direction',
        { kind: 'correspondence', category: 'contact', counterparty: 'UWV' },
        'correspondenceDirection',
        /richting/,
      ],
      ['decidedBy on a note', { decidedBy: 'iemand' }, 'decidedBy', /besluit/],
      ['an unknown field', { mood: 'goed' }, 'mood', /toegestaan/],
    ])('refuses %s with a Dutch 400 naming the field', async (_label, fields, field, message) => {
      const response = await ctx.http.post(dossier()).set(bearer(tokens['coach1'])).send(entry(fields));
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(response.body.message).toMatch(message);
    });

    it('refuses a trajectory of another client with a 404', async () => {
      const response = await ctx.http
        .post(dossier())
        .set(bearer(tokens['coach1']))
        .send(entry({ trajectoryId: otherTrajectory }));
      expect(response.status).toBe(404);
    });

    it('refuses a category the caller cannot see with a 404, and one they can see but not change with a 403', async () => {
      const correspondence = (category: string, trajectoryId: string) => ({
        trajectoryId,
        kind: 'correspondence',
        category,
        title: 'Loonstrook',
        correspondenceDirection: 'outgoing',
        counterparty: 'Cliënt',
        occurredOn: '2026-02-02',
      });
      const hidden = await ctx.http
        .post(dossier())
        .set(bearer(tokens['coach1']))
        .send(correspondence('payroll', trajectory));
      expect(hidden.status).toBe(404);

      const employed = await ctx.createClient({ lastName: 'Visser', bsn: '999990019', coachId: coach1Id });
      const work = await ctx.createTrajectory(employed, 'beschut_werk', { createdBy: coach1Id });
      const payroll = tokens['payroll1'];
      const readOnly = await ctx.http
        .post(dossier(employed))
        .set(bearer(payroll))
        .send(correspondence('contact', work));
      expect(readOnly.status).toBe(403);
      const own = await ctx.http
        .post(dossier(employed))
        .set(bearer(payroll))
        .send(correspondence('payroll', work));
      expect(own.status).toBe(201);
      const note = await ctx.http
        .post(dossier(employed))
        .set(bearer(payroll))
        .send({ ...entry(), trajectoryId: work });
      expect(note.status).toBe(404);
    });
  });

  describe('who sees what', () => {
    let noteDocument: string;
    let progressDocument: string;

    beforeAll(async () => {
      await addEntry({ kind: 'progress', category: 'benefit_impact', title: 'Meer uren gewerkt' });
      await addEntry({
        kind: 'correspondence',
        category: 'coaching_notes',
        title: 'Mail van cliënt',
        correspondenceDirection: 'incoming',
        counterparty: 'Cliënt',
      });
      noteDocument = (await uploaded(PDF, { fields: { category: 'coaching_notes' } })).document?.id ?? '';
      progressDocument =
        (await uploaded(PDF, { fields: { category: 'progress', title: 'Voortgangsrapport' } })).document
          ?.id ?? '';
    });

    it('R-SHARE-03: the linked income consultant sees progress and benefit impact, no notes and no coaching correspondence', async () => {
      const response = await ctx.http.get(dossier()).set(bearer(tokens['ic1']));
      expect(response.status).toBe(200);
      const list = response.body as DossierEntryView[];
      const categories = new Set(list.map((item) => item.category));
      expect(categories).toEqual(new Set(['progress', 'benefit_impact']));
      expect(list.some((item) => item.kind === 'note')).toBe(false);
      expect(JSON.stringify(list)).not.toContain(NOTE_TEXT);
      expect(list.some((item) => item.document?.id === progressDocument)).toBe(true);

      expect((await ctx.http.get(content(noteDocument)).set(bearer(tokens['ic1']))).status).toBe(404);
      expect((await ctx.http.get(content(progressDocument)).set(bearer(tokens['ic1']))).status).toBe(200);
      const filteredToNotes = await ctx.http.get(`${dossier()}?kind=note`).set(bearer(tokens['ic1']));
      expect(filteredToNotes.body).toEqual([]);
    });

    it('R-SHARE-03: the income consultant cannot add to the dossier or upload', async () => {
      expect((await ctx.http.post(dossier()).set(bearer(tokens['ic1'])).send(entry())).status).toBe(403);
      expect((await upload(PDF, { token: tokens['ic1'] })).status).toBe(403);
    });

    it('management sees progress entries but no notes and no documents', async () => {
      const response = await ctx.http.get(dossier()).set(bearer(tokens['mgmt1']));
      expect(response.status).toBe(200);
      const list = response.body as DossierEntryView[];
      expect(list.length).toBeGreaterThan(0);
      expect(new Set(list.map((item) => item.category))).toEqual(new Set(['progress']));
      expect(list.some((item) => item.kind === 'document' || item.document !== null)).toBe(false);
      expect((await ctx.http.get(content(progressDocument)).set(bearer(tokens['mgmt1']))).status).toBe(403);
    });

    it('payroll gets 404 on the dossier of a client outside its payroll scope', async () => {
      expect((await ctx.http.get(dossier()).set(bearer(tokens['payroll1']))).status).toBe(404);
      expect((await ctx.http.get(content(progressDocument)).set(bearer(tokens['payroll1']))).status).toBe(
        404,
      );
    });

    it('another coach gets 404 on every dossier and document route', async () => {
      const other = tokens['coach2'];
      expect((await ctx.http.get(dossier()).set(bearer(other))).status).toBe(404);
      expect((await ctx.http.post(dossier()).set(bearer(other)).send(entry())).status).toBe(404);
      expect((await upload(PDF, { token: other })).status).toBe(404);
      expect((await ctx.http.get(content(noteDocument)).set(bearer(other))).status).toBe(404);
      expect((await ctx.http.get(content(noteDocument, otherClient)).set(bearer(other))).status).toBe(404);
      const whatsapp = await ctx.http
        .patch(`${documents()}/${noteDocument}/whatsapp`)
        .set(bearer(other))
        .send({ whatsappDeletedOn: '2026-01-01' });
      expect(whatsapp.status).toBe(404);
    });

    it('R-SHARE-04: the jobcoaching file stays between client and coach; the income consultant sees none of it', async () => {
      const jobcoaching = await ctx.createTrajectory(clientA, 'jobcoaching', { createdBy: coach1Id });
      const progress = await addEntry({
        trajectoryId: jobcoaching,
        kind: 'progress',
        category: 'progress',
        title: 'Werkplekbezoek: gaat goed met collega’s',
        occurredOn: '2026-02-10',
      });
      const report = await uploaded(PDF, {
        fields: { trajectoryId: jobcoaching, category: 'progress', title: 'Verslag werkplekbezoek' },
      });
      const ids = (body: unknown) => (body as DossierEntryView[]).map((item) => item.id);
      const coach = await ctx.http.get(dossier()).set(bearer(tokens['coach1']));
      expect(ids(coach.body)).toEqual(expect.arrayContaining([progress.id, report.id]));
      for (const name of ['ic1', 'mgmt1']) {
        const other = await ctx.http.get(dossier()).set(bearer(tokens[name]));
        expect(other.status).toBe(200);
        expect(ids(other.body)).not.toContain(progress.id);
        expect(ids(other.body)).not.toContain(report.id);
        // Progress of other trajectories stays visible: only the jobcoaching file is withheld.
        expect((other.body as DossierEntryView[]).some((item) => item.category === 'progress')).toBe(true);
      }
      const download = await ctx.http.get(content(report.document?.id ?? '')).set(bearer(tokens['ic1']));
      expect(download.status).toBe(404);
      expect(
        (await ctx.http.get(content(report.document?.id ?? '')).set(bearer(tokens['coach1']))).status,
      ).toBe(200);
    });
  });

  describe('documents', () => {
    it('downloads exactly the uploaded bytes with their checksum, as an attachment that is not sniffed', async () => {
      const stored = await uploaded(PNG, {
        filename: '../../etc/Verslag ëén.png',
        contentType: 'image/png',
        fields: { category: 'work_history' },
      });
      const sha256 = createHash('sha256').update(PNG).digest('hex');
      expect(stored.document).toMatchObject({ sha256, sizeBytes: PNG.length, fileName: 'Verslag ëén.png' });
      const response = await ctx.http
        .get(content(stored.document?.id ?? ''))
        .set(bearer(tokens['coach1']))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(response.status).toBe(200);
      expect(Buffer.compare(response.body as Buffer, PNG)).toBe(0);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="Verslag __n.png"; filename*=UTF-8''Verslag%20%C3%AB%C3%A9n.png`,
      );
      expect(response.headers['cache-control']).toContain('no-store');
    });

    it('accepts every allowed type whose content matches', async () => {
      const zip = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(20)]);
      const cases: Array<[Buffer, string, string]> = [
        [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), 'image/jpeg', 'foto.jpg'],
        [zip, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'cv.docx'],
        [zip, 'application/vnd.oasis.opendocument.text', 'cv.odt'],
        [Buffer.from('Gewoon tekst, met één accent.\n', 'utf8'), 'text/plain', 'notitie.txt'],
      ];
      for (const [file, contentType, filename] of cases) {
        const response = await upload(file, { contentType, filename, fields: { category: 'work_history' } });
        expect({ filename, status: response.status }).toEqual({ filename, status: 201 });
      }
    });

    it.each([
      [
        'a type that is not allowed',
        Buffer.from('<html></html>'),
        'text/html',
        /bestandstype \(text\/html\) is niet toegestaan/,
      ],
      ['a PNG declared as PDF', PNG, 'application/pdf', /past niet bij het opgegeven type \(PDF\)/],
      ['a PDF declared as PNG', PDF, 'image/png', /past niet bij het opgegeven type/],
      ['text that is not UTF-8', Buffer.from([0x61, 0xff, 0xfe, 0x62]), 'text/plain', /past niet/],
      ['text with NUL bytes', Buffer.from('a\u0000b'), 'text/plain', /past niet/],
      ['an empty file', Buffer.alloc(0), 'application/pdf', /leeg/],
    ])('refuses %s with a 400 that says why', async (_label, file, contentType, message) => {
      const response = await upload(file, { contentType });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
    });

    it('refuses an upload without a file, and fields that do not fit', async () => {
      const none = await upload(null);
      expect(none.status).toBe(400);
      expect(none.body.message).toMatch(/Kies een bestand/);
      const badCategory = await upload(PDF, { fields: { category: 'medical' } });
      expect(badCategory.status).toBe(400);
      const noTitle = await upload(PDF, { fields: { title: '' } });
      expect(noTitle.body.errors.map((error: { field: string }) => error.field)).toContain('title');
      const otherTraject = await upload(PDF, { fields: { trajectoryId: otherTrajectory } });
      expect(otherTraject.status).toBe(404);
    });

    it('refuses a file over 10 MB with a 413 in Dutch', async () => {
      const response = await upload(Buffer.alloc(DOCUMENT_MAX_BYTES + 1, 0x61), {
        contentType: 'text/plain',
        filename: 'groot.txt',
      });
      expect(response.status).toBe(413);
      expect(response.body.message).toBe('Het bestand is groter dan 10 MB.');
      const { rows } = await ctx.owner.query(
        `SELECT count(*)::int AS n FROM document WHERE file_name = 'groot.txt'`,
      );
      expect(rows[0].n).toBe(0);
    });

    it('refuses to hand out a document whose stored content no longer matches its checksum', async () => {
      const stored = await uploaded(PDF, { filename: 'gemanipuleerd.pdf' });
      const documentId = stored.document?.id ?? '';
      await ctx.owner.query(`UPDATE document_content SET content = $2 WHERE document_id = $1`, [
        documentId,
        Buffer.from('%PDF-1.4 anders'),
      ]);
      const response = await ctx.http.get(content(documentId)).set(bearer(tokens['coach1']));
      expect(response.status).toBe(500);
      expect(response.body.message).toMatch(/controlesom klopt niet/);
      expect(response.headers['content-disposition']).toBeUndefined();
      const { rows } = await ctx.owner.query(
        `SELECT result, http_status FROM audit_event WHERE object_type = 'Document' AND object_id = $1 AND action = 'read'`,
        [documentId],
      );
      expect(rows).toEqual([{ result: 'failed', http_status: 500 }]);
    });

    it('R-CONS-04: a document received via WhatsApp records when it was deleted there', async () => {
      const received = await uploaded(PDF, { fields: { receivedViaWhatsapp: 'true' } });
      expect(received.document).toMatchObject({ receivedViaWhatsapp: true, whatsappDeletedOn: null });
      const documentId = received.document?.id ?? '';
      const marked = await ctx.http
        .patch(`${documents()}/${documentId}/whatsapp`)
        .set(bearer(tokens['coach1']))
        .send({ whatsappDeletedOn: '2026-02-04' });
      expect(marked.status).toBe(200);
      expect(marked.body).toMatchObject({
        id: documentId,
        receivedViaWhatsapp: true,
        whatsappDeletedOn: '2026-02-04',
      });
      const { rows } = await ctx.owner.query(
        `SELECT f.field, f.old_value, f.new_value, d.whatsapp_deleted_on::text AS stored
           FROM field_change f JOIN document d ON d.id = f.entity_id WHERE f.entity_id = $1`,
        [documentId],
      );
      expect(rows).toEqual([
        { field: 'whatsappDeletedOn', old_value: null, new_value: '2026-02-04', stored: '2026-02-04' },
      ]);

      const direct = await uploaded(PDF, {
        fields: { receivedViaWhatsapp: 'true', whatsappDeletedOn: '2026-02-05' },
      });
      expect(direct.document).toMatchObject({ receivedViaWhatsapp: true, whatsappDeletedOn: '2026-02-05' });
    });

    it('R-CONS-04: a deletion date belongs only to a document received via WhatsApp', async () => {
      const plain = await uploaded(PDF);
      expect(plain.document?.receivedViaWhatsapp).toBe(false);
      const conflict = await ctx.http
        .patch(`${documents()}/${plain.document?.id ?? ''}/whatsapp`)
        .set(bearer(tokens['coach1']))
        .send({ whatsappDeletedOn: '2026-02-04' });
      expect(conflict.status).toBe(409);
      const withDate = await upload(PDF, { fields: { whatsappDeletedOn: '2026-02-05' } });
      expect(withDate.status).toBe(400);
      expect(withDate.body.message).toMatch(/WhatsApp/);
      const future = await ctx.http
        .patch(`${documents()}/${plain.document?.id ?? ''}/whatsapp`)
        .set(bearer(tokens['coach1']))
        .send({ whatsappDeletedOn: '2999-01-01' });
      expect(future.status).toBe(400);
      const badFlag = await upload(PDF, { fields: { receivedViaWhatsapp: 'ja' } });
      expect(badFlag.status).toBe(400);
    });
  });

  it('audits reads and writes with the categories concerned, never the note text', async () => {
    const note = await addEntry({ title: 'Gesprek over werk', body: NOTE_TEXT });
    await ctx.http.get(dossier()).set(bearer(tokens['ic1'])).expect(200);
    const { rows } = await ctx.owner.query(
      `SELECT action, object_type, object_id, categories, ground, subject_client_ids, username
         FROM audit_event WHERE object_type IN ('DossierEntry', 'Document') AND result = 'allowed' ORDER BY seq`,
    );
    expect(rows.find((row) => row.object_id === note.id)).toMatchObject({
      action: 'create',
      categories: ['coaching_notes'],
      ground: { kind: 'trajectory', reference: trajectory },
      subject_client_ids: [clientA],
    });
    const icRead = rows
      .filter((row) => row.username === 'ic1' && row.action === 'read' && row.object_type === 'DossierEntry')
      .at(-1);
    expect(new Set(icRead.categories)).toEqual(new Set(['progress', 'benefit_impact']));
    expect(icRead.subject_client_ids).toEqual([clientA]);
    expect(rows.some((row) => row.object_type === 'Document' && row.action === 'create')).toBe(true);
    expect(rows.some((row) => row.object_type === 'Document' && row.action === 'read')).toBe(true);
    const everything = await ctx.owner.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE row_to_json(audit_event)::text LIKE $1`,
      [`%${NOTE_TEXT.slice(0, 20)}%`],
    );
    expect(everything.rows[0].n).toBe(0);
  });
});
