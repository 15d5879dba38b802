import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { addCalendarMonths, DSR_TYPES, type DsrRequestView } from '@werkpad/shared';
import { unzipSync } from 'fflate';
import type { Response } from 'supertest';

import { bearer, binaryBody, createTestContext, type TestContext } from '../../../test/test-context';
import { todayInAmsterdam } from '../consents/consent-check.service';

describe('data-subject requests (issue 9, R-DSR)', () => {
  let ctx: TestContext;
  let admin: string;
  let clientId: string;
  const folder = mkdtempSync(join(tmpdir(), 'werkpad-dsr-'));
  const today = todayInAmsterdam();
  const daysAgo = (days: number) =>
    new Date(Date.parse(`${today}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

  const register = (body: Record<string, unknown>) =>
    ctx.http
      .post('/api/dsr-requests')
      .set(bearer(admin))
      .send({
        clientId,
        type: 'access',
        channel: 'letter',
        receivedOn: daysAgo(5),
        description: 'Wil weten welke gegevens er zijn',
        ...body,
      });

  const textOf = async (response: Response | Promise<Response>, name: string): Promise<string> => {
    const done = await response;
    expect(done.status).toBe(200);
    expect(done.headers['content-type']).toBe('application/pdf');
    const file = join(folder, `${name}.pdf`);
    writeFileSync(file, done.body as Buffer);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.createUser('dsr_admin', ['admin']);
    await ctx.createUser('dsr_fg', ['dpo']);
    const coachId = await ctx.createUser('dsr_coach', ['coach']);
    clientId = await ctx.createClient({
      lastName: 'Verzoeker',
      firstName: 'Sanne',
      bsn: '111222333',
      coachId,
    });
    admin = await ctx.login('dsr_admin');
  });

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await ctx.close();
  });

  it('R-DSR-01: each of the six rights can be registered; an unknown one answers 400', async () => {
    for (const type of DSR_TYPES) {
      const response = await register({ type, processingObjectedTo: 'Profilering voor vacatures' });
      expect(response.status).toBe(201);
      expect((response.body as DsrRequestView).type).toBe(type);
    }
    const unknown = await register({ type: 'vergeten' });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { message: string }).message).toContain('type moet een van deze zijn');
  });

  it('R-DSR-03: the first deadline is one calendar month after receipt (31 January → 28 February)', async () => {
    const view = (await register({ receivedOn: '2026-01-31' })).body as DsrRequestView;
    expect(view.dueOn).toBe('2026-02-28');
    expect(view.overdue).toBe(true);
    expect(view.daysLeft).toBeLessThan(0);
    // The deadline has passed: an extension is no longer possible.
    const late = await ctx.http
      .post(`/api/dsr-requests/${view.id}/extend`)
      .set(bearer(admin))
      .send({ months: 2, reason: 'Veel gegevens' });
    expect(late.status).toBe(400);
    expect((late.body as { message: string }).message).toContain('vóór de eerste termijn');
  });

  it('R-DSR-03: one extension of at most two months, with a reason and a Dutch notice letter', async () => {
    const view = (await register({})).body as DsrRequestView;
    const base = `/api/dsr-requests/${view.id}`;
    const noReason = await ctx.http
      .post(`${base}/extend`)
      .set(bearer(admin))
      .send({ months: 2, reason: ' ' });
    expect(noReason.status).toBe(400);
    const three = await ctx.http
      .post(`${base}/extend`)
      .set(bearer(admin))
      .send({ months: 3, reason: 'Veel' });
    expect(three.status).toBe(400);
    expect((three.body as { message: string }).message).toContain('hoogstens twee maanden');
    const noLetterYet = await ctx.http.get(`${base}/extension-letter`).set(bearer(admin));
    expect(noLetterYet.status).toBe(409);
    const extended = await ctx.http
      .post(`${base}/extend`)
      .set(bearer(admin))
      .send({ months: 2, reason: 'Uw gegevens staan in drie systemen.' });
    expect(extended.status).toBe(200);
    expect((extended.body as DsrRequestView).dueOn).toBe(addCalendarMonths(view.receivedOn, 3));
    const again = await ctx.http
      .post(`${base}/extend`)
      .set(bearer(admin))
      .send({ months: 1, reason: 'Nog meer' });
    expect(again.status).toBe(409);
    const text = await textOf(
      ctx.http.get(`${base}/extension-letter`).set(bearer(admin)).buffer(true).parse(binaryBody),
      'extension',
    );
    expect(text).toContain('Beste Sanne Verzoeker');
    expect(text).toContain('Uw gegevens staan in drie systemen.');
    expect(text).toMatch(/uiterlijk op \d{1,2} [a-z]+ \d{4}/);
  });

  it('R-DSR-02: the identity check records type, at most four characters and who; never a copy; no outcome before it', async () => {
    const view = (await register({ type: 'erasure' })).body as DsrRequestView;
    const base = `/api/dsr-requests/${view.id}`;
    const early = await ctx.http.post(`${base}/complete`).set(bearer(admin)).send({ outcome: 'granted' });
    expect(early.status).toBe(400);
    expect((early.body as { message: string }).message).toContain('identiteit');
    const tooMuch = await ctx.http
      .post(`${base}/identity`)
      .set(bearer(admin))
      .send({ documentType: 'passport', documentNumberEnd: 'NX12345', seenOn: today });
    expect(tooMuch.status).toBe(400);
    const verified = await ctx.http
      .post(`${base}/identity`)
      .set(bearer(admin))
      .send({ documentType: 'passport', documentNumberEnd: '45ab', seenOn: today });
    expect(verified.status).toBe(200);
    expect((verified.body as DsrRequestView).identity).toEqual({
      documentType: 'passport',
      documentNumberEnd: '45AB',
      seenOn: today,
      verifiedByName: expect.any(String),
    });
    // No column of the register could hold an image or a full document number.
    const columns = await ctx.owner.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'dsr_request'`,
    );
    expect(columns.rows.filter((column: { data_type: string }) => column.data_type === 'bytea')).toEqual([]);
  });

  it('R-DSR-05: an outcome names its ground when not granted, and the client gets a Dutch letter', async () => {
    const view = (await register({ type: 'erasure' })).body as DsrRequestView;
    const base = `/api/dsr-requests/${view.id}`;
    await ctx.http
      .post(`${base}/identity`)
      .set(bearer(admin))
      .send({ documentType: 'identity_card', seenOn: today })
      .expect(200);
    const noGround = await ctx.http
      .post(`${base}/complete`)
      .set(bearer(admin))
      .send({ outcome: 'partly_granted' });
    expect(noGround.status).toBe(400);
    const done = await ctx.http.post(`${base}/complete`).set(bearer(admin)).send({
      outcome: 'partly_granted',
      ground: 'De loongegevens moeten wij 7 jaar bewaren (fiscale bewaarplicht).',
    });
    expect(done.status).toBe(200);
    expect(done.body as DsrRequestView).toMatchObject({
      status: 'completed',
      outcome: 'partly_granted',
      overdue: false,
    });
    const twice = await ctx.http.post(`${base}/complete`).set(bearer(admin)).send({ outcome: 'granted' });
    expect(twice.status).toBe(409);
    const text = await textOf(
      ctx.http.get(`${base}/outcome-letter`).set(bearer(admin)).buffer(true).parse(binaryBody),
      'outcome',
    );
    expect(text).toContain('deels toegewezen');
    expect(text).toContain('fiscale bewaarplicht');
    const audit = await ctx.owner.query(
      `SELECT action, subject_client_ids::text[] AS subjects FROM audit_event
        WHERE object_type = 'DataSubjectRequest' AND object_id = $1 AND route LIKE '%outcome-letter'`,
      [view.id],
    );
    expect(audit.rows).toEqual([{ action: 'export', subjects: [clientId] }]);
  });

  it('R-DSR-03: the FG sees open requests with days left and overdue ones; a coach does not see the register', async () => {
    await register({ receivedOn: '2026-03-31', type: 'objection' });
    const fg = await ctx.login('dsr_fg');
    const list = await ctx.http.get('/api/dsr-requests?status=open').set(bearer(fg));
    expect(list.status).toBe(200);
    const items = list.body as DsrRequestView[];
    expect(items.some((item) => item.overdue)).toBe(true);
    expect(items.every((item) => item.status === 'open')).toBe(true);
    // Sorted on the deadline: the overdue ones first.
    expect(items.map((item) => item.dueOn)).toEqual([...items.map((item) => item.dueOn)].sort());
    const fgCannotHandle = await ctx.http
      .post(`/api/dsr-requests/${items[0].id}/complete`)
      .set(bearer(fg))
      .send({ outcome: 'granted' });
    expect(fgCannotHandle.status).toBe(403);
    const coach = await ctx.http.get('/api/dsr-requests').set(bearer(await ctx.login('dsr_coach')));
    expect(coach.status).toBe(403);
  });

  it('R-DSR-04: the access export holds every category of this client, their own medical records, and no one else’s data', async () => {
    const marker = (what: string) => `EIGEN${what}7391`;
    const other = 'ANDERECLIENT5521';
    const coachId = (await ctx.owner.query(`SELECT id FROM app_user WHERE username = 'dsr_coach'`)).rows[0]
      .id;
    const expertiseId = await ctx.createUser('dsr_expertise', ['expertise']);
    const subject = await ctx.createClient({
      lastName: marker('NAAM'),
      firstName: 'Eva',
      bsn: '123456782',
      coachId,
    });
    const neighbour = await ctx.createClient({
      lastName: other,
      firstName: 'Piet',
      bsn: '999990019',
      coachId,
    });
    const diagnosis = await ctx.createTrajectory(subject, 'arbeidsdiagnose', { createdBy: coachId });
    const neighbourTrajectory = await ctx.createTrajectory(neighbour, 'bemiddeling', { createdBy: coachId });
    await ctx.owner.query('UPDATE trajectory SET expertise_user_id = $1 WHERE id = $2', [
      expertiseId,
      diagnosis,
    ]);
    const entry = `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id,
                                              correspondence_direction, counterparty)
                   VALUES ($1, $2, $3, $4, $5, $6, '2026-02-01', $7, $8, $9)`;
    await ctx.owner.query(entry, [
      subject,
      diagnosis,
      'note',
      'coaching_notes',
      'Gesprek',
      `${marker('NOTITIE')} sprak met Jan Derdeman`,
      coachId,
      null,
      null,
    ]);
    await ctx.owner.query(entry, [
      subject,
      diagnosis,
      'correspondence',
      'progress',
      'Brief',
      marker('BRIEF'),
      coachId,
      'outgoing',
      'Jan Derdeman',
    ]);
    await ctx.owner.query(entry, [
      neighbour,
      neighbourTrajectory,
      'note',
      'coaching_notes',
      'Gesprek',
      other,
      coachId,
      null,
      null,
    ]);
    await ctx.owner.query(
      `INSERT INTO consent (client_id, purpose, given_on, form, recorded_by, evidence_reference)
       VALUES ($1, 'cv_profile', '2026-01-10', 'written', $2, $3)`,
      [subject, coachId, marker('TOESTEMMING')],
    );
    await ctx.owner.query(
      `INSERT INTO employment (client_id, employer_name, job_title, start_date, contract_hours_per_week,
                               gross_monthly_salary_cents, created_by)
       VALUES ($1, $2, 'Inpakker', '2026-01-05', 24, 180000, $3)`,
      [subject, marker('WERKGEVER'), coachId],
    );
    await ctx.owner.query(
      `INSERT INTO functional_capability (client_id, can_do, cannot_do, assessed_on, source, recorded_by)
       VALUES ($1, $2, 'Tillen', '2026-02-01', 'expertisecentrum', $3)`,
      [subject, marker('KANWEL'), expertiseId],
    );
    await ctx.owner.query(`INSERT INTO legal_hold (client_id, reason, set_by) VALUES ($1, $2, $3)`, [
      subject,
      `Bezwaarprocedure ${marker('BLOKKADE')}`,
      coachId,
    ]);
    const record = await ctx.http
      .post(`/api/expertise/trajectories/${diagnosis}/medical-records`)
      .set(bearer(await ctx.login('dsr_expertise')))
      .send({
        kind: 'diagnosis',
        recordedOn: '2026-02-02',
        title: marker('MEDISCH'),
        body: 'Bevinding',
        source: 'Huisarts',
      });
    expect(record.status).toBe(201);

    const request = (
      await ctx.http.post('/api/dsr-requests').set(bearer(admin)).send({
        clientId: subject,
        type: 'access',
        channel: 'desk',
        receivedOn: today,
        description: 'Inzage in alles',
      })
    ).body as DsrRequestView;
    const base = `/api/dsr-requests/${request.id}`;
    const unverified = await ctx.http.get(`${base}/export`).set(bearer(admin));
    expect(unverified.status).toBe(400);
    await ctx.http
      .post(`${base}/identity`)
      .set(bearer(admin))
      .send({ documentType: 'identity_card', seenOn: today })
      .expect(200);
    const response = await ctx.http.get(`${base}/export`).set(bearer(admin)).buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(Object.keys(files).sort()).toEqual(['SHA256SUMS', 'export.json', 'export.pdf']);
    const json = new TextDecoder().decode(files['export.json']);
    const data = JSON.parse(json) as {
      schema: string;
      medicalRecords: Array<{ title: string }>;
      client: { bsn: string };
    };
    expect(data.schema).toBe('werkpad.inzage.v1');
    for (const what of [
      'NAAM',
      'NOTITIE',
      'BRIEF',
      'TOESTEMMING',
      'WERKGEVER',
      'KANWEL',
      'BLOKKADE',
      'MEDISCH',
    ])
      expect({ what, found: json.includes(marker(what)) }).toEqual({ what, found: true });
    expect(data.client.bsn).toBe('123456782');
    expect(data.medicalRecords.map((item) => item.title)).toEqual([marker('MEDISCH')]);
    // Nobody else's data; third parties redacted, and the export says so.
    expect(json).not.toContain(other);
    expect(json).not.toContain('Jan Derdeman');
    expect(json).toContain('[derde]');
    expect(json).toContain('Gegevens over andere personen zijn weggelaten');
    const pdfFile = join(folder, 'export.pdf');
    writeFileSync(pdfFile, Buffer.from(files['export.pdf']));
    const pdfText = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain(marker('MEDISCH'));
    expect(pdfText).not.toContain(other);
    // Audited with the medical category named, never its content (R-AUD-04).
    const audit = await ctx.owner.query(
      `SELECT categories, details::text AS details FROM audit_event
        WHERE object_type = 'DataSubjectRequest' AND object_id = $1 AND route LIKE '%/export' AND http_status = 200`,
      [request.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].categories).toContain('medical');
    expect(audit.rows[0].details).not.toContain(marker('MEDISCH'));
  });

  it('R-DSR-01, R-CONS-02: a withdrawal request withdraws the consent at once; the history stays', async () => {
    const coachId = (await ctx.owner.query(`SELECT id FROM app_user WHERE username = 'dsr_coach'`)).rows[0]
      .id;
    const consent = await ctx.owner.query<{ id: string }>(
      `INSERT INTO consent (client_id, purpose, given_on, form, recorded_by, evidence_reference)
       VALUES ($1, 'whatsapp', '2026-01-10', 'written', $2, 'Formulier') RETURNING id`,
      [clientId, coachId],
    );
    const consentId = consent.rows[0].id;
    const access = (await register({ type: 'access' })).body as DsrRequestView;
    const wrongType = await ctx.http.get(`/api/dsr-requests/${access.id}/consents`).set(bearer(admin));
    expect(wrongType.status).toBe(400);
    const request = (await register({ type: 'withdrawal', description: 'Geen WhatsApp meer' }))
      .body as DsrRequestView;
    const base = `/api/dsr-requests/${request.id}`;
    const listed = await ctx.http.get(`${base}/consents`).set(bearer(admin));
    expect(listed.status).toBe(200);
    expect(
      (listed.body as Array<{ id: string; valid: boolean }>).find((item) => item.id === consentId)?.valid,
    ).toBe(true);
    const unverified = await ctx.http.post(`${base}/consents/${consentId}/withdraw`).set(bearer(admin));
    expect(unverified.status).toBe(400);
    await ctx.http
      .post(`${base}/identity`)
      .set(bearer(admin))
      .send({ documentType: 'passport', seenOn: today })
      .expect(200);
    const withdrawn = await ctx.http.post(`${base}/consents/${consentId}/withdraw`).set(bearer(admin));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id: consentId, withdrawnOn: today, valid: false });
    const again = await ctx.http.post(`${base}/consents/${consentId}/withdraw`).set(bearer(admin));
    expect(again.status).toBe(409);
    // The consent row stays, with who recorded the withdrawal (R-CONS-02: history is kept).
    const row = await ctx.owner.query(
      `SELECT given_on::text, withdrawn_on::text FROM consent WHERE id = $1`,
      [consentId],
    );
    expect(row.rows).toEqual([{ given_on: '2026-01-10', withdrawn_on: today }]);
  });

  it('R-DSR-01, R-HUM-01: an objection names the processing objected to and is decided by a person with reasons', async () => {
    const unnamed = await register({ type: 'objection' });
    expect(unnamed.status).toBe(400);
    expect((unnamed.body as { message: string }).message).toContain('processingObjectedTo');
    const created = await register({
      type: 'objection',
      processingObjectedTo: 'Gegevens delen met de werkgever',
    });
    expect(created.status).toBe(201);
    const view = created.body as DsrRequestView;
    expect(view.processingObjectedTo).toBe('Gegevens delen met de werkgever');
    const base = `/api/dsr-requests/${view.id}`;
    await ctx.http
      .post(`${base}/identity`)
      .set(bearer(admin))
      .send({ documentType: 'passport', seenOn: today })
      .expect(200);
    const noReasons = await ctx.http.post(`${base}/complete`).set(bearer(admin)).send({ outcome: 'granted' });
    expect(noReasons.status).toBe(400);
    expect((noReasons.body as { message: string }).message).toContain('R-HUM-01');
    const decided = await ctx.http
      .post(`${base}/complete`)
      .set(bearer(admin))
      .send({ outcome: 'granted', ground: 'Geen wettelijke plicht tot delen; het delen stopt.' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ outcome: 'granted', completedByName: expect.any(String) });
  });

  it('R-DSR-01: a rectification shows the corrections made since it came in, with old and new values', async () => {
    const view = (await register({ type: 'rectification', receivedOn: daysAgo(2) })).body as DsrRequestView;
    const coachId = (await ctx.owner.query(`SELECT id FROM app_user WHERE username = 'dsr_coach'`)).rows[0]
      .id;
    const change = `INSERT INTO field_change (client_id, entity_type, entity_id, field, category, old_value, new_value, changed_by, changed_at)
                    VALUES ($1, 'Client', $1, 'phone', 'contact', $2, $3, $4, $5)`;
    await ctx.owner.query(change, [clientId, '0611111111', '0622222222', coachId, new Date()]);
    await ctx.owner.query(change, [
      clientId,
      '0600000000',
      '0611111111',
      coachId,
      new Date(Date.now() - 10 * 86_400_000),
    ]);
    const response = await ctx.http.get(`/api/dsr-requests/${view.id}/changes`).set(bearer(admin));
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      expect.objectContaining({ field: 'phone', oldValue: '0611111111', newValue: '0622222222' }),
    ]);
    const access = (await register({ type: 'access' })).body as DsrRequestView;
    expect((await ctx.http.get(`/api/dsr-requests/${access.id}/changes`).set(bearer(admin))).status).toBe(
      400,
    );
  });
});
