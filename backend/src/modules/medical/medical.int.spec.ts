import { randomBytes } from 'node:crypto';

import {
  type CareProviderRequestView,
  medicalAad,
  type MedicalRecordVersionView,
  type MedicalRecordView,
} from '@werkpad/shared';
import { Client } from 'pg';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';
import { runMedicalRekey } from '../../cli/medical-rekey';
import { AppConfig } from '../../config/app-config';
import { validateEnvironment } from '../../config/environment';
import { missingConsentMessage } from '../consents/consent-check.service';
import { MedicalCrypto } from './medical-crypto';
import { NOTHING_TO_CHANGE, STALE_VERSION, TRAJECTORY_CLOSED } from './medical-records.service';

interface ErrorBody {
  message: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

/** A unique string per run: if it shows up anywhere it should not, it came from a medical field. */
const marker = (label: string): string => `MEDMARKER-${label}-${randomBytes(6).toString('hex')}`;

describe('medical module (R-MED-01, R-MED-04, R-MED-06)', () => {
  let ctx: TestContext;
  let exp1Id: string;
  let exp2Id: string;
  let clientA: string;
  let clientB: string;
  let clientC: string;
  /** Client A, assigned to exp1, open. */
  let trajectoryA: string;
  /** Client A, assigned to exp1, closed after a record was written. */
  let closedTrajectory: string;
  /** Client B, assigned to exp2. */
  let trajectoryB: string;
  /** Client C, assigned to exp1; its GP consent names a recipient and is withdrawn later. */
  let trajectoryC: string;
  /** Client A's intake: not an arbeidsdiagnose. */
  let intakeA: string;
  let recordA: MedicalRecordView;
  let closedRecord: MedicalRecordView;
  const tokens: Record<string, string> = {};
  /** Every piece of medical text the tests wrote, to look for where it must not be. */
  const plaintexts: string[] = [];

  const recordsOf = (trajectoryId: string): string =>
    `/api/expertise/trajectories/${trajectoryId}/medical-records`;
  const requestsOf = (trajectoryId: string): string =>
    `/api/expertise/trajectories/${trajectoryId}/care-provider-requests`;
  const record = (id: string): string => `/api/expertise/medical-records/${id}`;

  function recordBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
    const title = marker('title');
    const body = marker('body');
    const source = marker('source');
    plaintexts.push(title, body, source);
    return { kind: 'diagnosis', recordedOn: '2026-02-10', title, body, source, ...fields };
  }

  function requestBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
    const question = marker('question');
    plaintexts.push(question);
    return {
      providerKind: 'huisarts',
      provider: 'Huisartsenpraktijk De Linde',
      question,
      requestedOn: '2026-02-12',
      ...fields,
    };
  }

  async function createRecord(
    trajectoryId: string,
    fields: Record<string, unknown> = {},
  ): Promise<MedicalRecordView> {
    const response = await ctx.http
      .post(recordsOf(trajectoryId))
      .set(bearer(tokens['exp1']))
      .send(recordBody(fields));
    if (response.status !== 201)
      throw new Error(`record: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as MedicalRecordView;
  }

  async function recordConsent(
    clientId: string,
    fields: { recipient?: string; givenOn?: string; purpose?: string; form?: string } = {},
  ): Promise<string> {
    const result = await ctx.owner.query<{ id: string }>(
      `INSERT INTO consent (client_id, purpose, recipient, given_on, form, recorded_by, evidence_reference)
       VALUES ($1, $2, $3, $4, $5, $6, 'Ondertekend formulier, map Expertisecentrum') RETURNING id`,
      [
        clientId,
        fields.purpose ?? 'gp_data_request',
        fields.recipient ?? null,
        fields.givenOn ?? '2026-01-10',
        fields.form ?? 'written',
        exp1Id,
      ],
    );
    return result.rows[0].id;
  }

  async function assign(trajectoryId: string, expertiseUserId: string): Promise<void> {
    await ctx.owner.query('UPDATE trajectory SET expertise_user_id = $2 WHERE id = $1', [
      trajectoryId,
      expertiseUserId,
    ]);
  }

  /** A raw connection as the medical role, in a transaction, optionally as a user. */
  async function asMedicalRole<T>(userId: string | null, work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: ctx.medicalRoleUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      if (userId) await client.query(`SELECT set_config('werkpad.user_id', $1, true)`, [userId]);
      return await work(client);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  function expectFieldError(body: unknown, field: string, text?: string): void {
    const messages = (body as ErrorBody).errors?.find((entry) => entry.field === field)?.messages ?? [];
    expect(messages.length).toBeGreaterThan(0);
    if (text) expect(messages.join(' ')).toContain(text);
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    exp1Id = await ctx.createUser('exp1', ['expertise']);
    exp2Id = await ctx.createUser('exp2', ['expertise']);
    const coachId = await ctx.createUser('coach1', ['coach']);
    const icId = await ctx.createUser('ic1', ['income_consultant']);
    await ctx.createUser('admin1', ['admin']);
    await ctx.createUser('fg1', ['dpo']);
    await ctx.createUser('mgmt1', ['management']);
    await ctx.createUser('pay1', ['payroll']);
    clientA = await ctx.createClient({
      lastName: 'Jansen',
      bsn: '111222333',
      coachId,
      incomeConsultantId: icId,
    });
    clientB = await ctx.createClient({ lastName: 'Bakker', bsn: '123456782', coachId });
    clientC = await ctx.createClient({ lastName: 'Visser', bsn: '999990019', coachId });
    trajectoryA = await ctx.createTrajectory(clientA, 'arbeidsdiagnose', { createdBy: coachId });
    closedTrajectory = await ctx.createTrajectory(clientA, 'arbeidsdiagnose', { createdBy: coachId });
    intakeA = await ctx.createTrajectory(clientA, 'intake', { createdBy: coachId });
    trajectoryB = await ctx.createTrajectory(clientB, 'arbeidsdiagnose', { createdBy: coachId });
    trajectoryC = await ctx.createTrajectory(clientC, 'arbeidsdiagnose', { createdBy: coachId });
    await assign(trajectoryA, exp1Id);
    await assign(closedTrajectory, exp1Id);
    await assign(trajectoryB, exp2Id);
    await assign(trajectoryC, exp1Id);
    for (const name of ['exp1', 'exp2', 'coach1', 'ic1', 'admin1', 'fg1', 'mgmt1', 'pay1']) {
      tokens[name] = await ctx.login(name);
    }
    recordA = await createRecord(trajectoryA);
    closedRecord = await createRecord(closedTrajectory, { kind: 'gp_information' });
    await ctx.owner.query(`UPDATE trajectory SET status = 'closed', closed_on = '2026-03-01' WHERE id = $1`, [
      closedTrajectory,
    ]);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('R-MED-06: the application connection gets permission denied on schema medical', async () => {
    const client = new Client({ connectionString: ctx.appRoleUrl });
    await client.connect();
    try {
      await expect(client.query('SELECT * FROM medical.medical_record')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(client.query('SELECT * FROM medical.care_provider_request')).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await client.end();
    }
  });

  it('R-MED-06: row-level security shows a record only to the assigned expertise user', async () => {
    const count = (client: Client) =>
      client
        .query<{ n: number }>('SELECT count(*)::int AS n FROM medical.medical_record WHERE id = $1', [
          recordA.id,
        ])
        .then((result) => result.rows[0].n);
    expect(await asMedicalRole(null, count)).toBe(0);
    expect(await asMedicalRole(exp2Id, count)).toBe(0);
    expect(await asMedicalRole(exp1Id, count)).toBe(1);

    // Writing for a trajectory someone else is assigned to: refused by the database itself.
    const insert = (trajectoryId: string, clientId: string) => (client: Client) =>
      client.query(
        `INSERT INTO medical.medical_record (trajectory_id, client_id, kind, recorded_on, title_encrypted,
           body_encrypted, key_id, created_by) VALUES ($1, $2, 'diagnosis', '2026-02-10', '\\x00', '\\x00', 'x', $3)`,
        [trajectoryId, clientId, exp1Id],
      );
    await expect(asMedicalRole(exp1Id, insert(trajectoryB, clientB))).rejects.toMatchObject({
      code: '42501',
    });
    await expect(asMedicalRole(null, insert(trajectoryA, clientA))).rejects.toMatchObject({ code: '42501' });
    // And for its own trajectory once closed.
    await expect(asMedicalRole(exp1Id, insert(closedTrajectory, clientA))).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('R-MED-06: content is encrypted at rest', async () => {
    const edited = await ctx.http
      .patch(record(recordA.id))
      .set(bearer(tokens['exp1']))
      .send({ expectedVersion: recordA.version, body: marker('encrypted-edit') });
    expect(edited.status).toBe(200);
    plaintexts.push((edited.body as MedicalRecordView).body);
    recordA = edited.body as MedicalRecordView;

    const stored = [
      ...(await ctx.owner.query('SELECT * FROM medical.medical_record')).rows,
      ...(await ctx.owner.query('SELECT * FROM medical.medical_record_version')).rows,
    ] as Array<Record<string, unknown>>;
    expect(stored.length).toBeGreaterThanOrEqual(3);
    for (const row of stored) {
      for (const value of Object.values(row)) {
        for (const text of plaintexts) {
          if (Buffer.isBuffer(value)) expect(value.includes(Buffer.from(text, 'utf8'))).toBe(false);
          else expect(String(value)).not.toContain(text);
        }
      }
    }
    const keyIds = new Set(stored.map((row) => row['key_id']));
    expect([...keyIds]).toEqual([new MedicalCrypto(ctx.config.medicalEncryptionKeys).currentKeyId]);
  });

  it('R-MED-01: only the assigned expertise user reads and writes; every other role, including admin, dpo and management, gets 404', async () => {
    const routes: ReadonlyArray<{ method: 'get' | 'post' | 'patch'; path: string; body?: object }> = [
      { method: 'get', path: recordsOf(trajectoryA) },
      { method: 'post', path: recordsOf(trajectoryA), body: recordBody() },
      { method: 'get', path: record(recordA.id) },
      {
        method: 'patch',
        path: record(recordA.id),
        body: { expectedVersion: recordA.version, title: 'Nieuw' },
      },
      { method: 'get', path: `${record(recordA.id)}/versions` },
      { method: 'get', path: requestsOf(trajectoryA) },
      { method: 'post', path: requestsOf(trajectoryA), body: requestBody() },
    ];
    for (const user of ['admin1', 'fg1', 'mgmt1', 'coach1', 'ic1', 'pay1', 'exp2']) {
      for (const route of routes) {
        const response = await ctx.http[route.method](route.path)
          .set(bearer(tokens[user]))
          .send(route.body ?? {});
        expect({ user, route: `${route.method} ${route.path}`, status: response.status }).toEqual({
          user,
          route: `${route.method} ${route.path}`,
          status: 404,
        });
        expect(JSON.stringify(response.body)).not.toContain('MEDMARKER');
      }
    }
    // The assigned user's other routes: exp1 sees nothing of exp2's trajectory, nor of a non-diagnosis one.
    for (const path of [recordsOf(trajectoryB), requestsOf(trajectoryB), recordsOf(intakeA)]) {
      expect((await ctx.http.get(path).set(bearer(tokens['exp1']))).status).toBe(404);
    }
    expect(
      (await ctx.http.post(recordsOf(intakeA)).set(bearer(tokens['exp1'])).send(recordBody())).status,
    ).toBe(404);
    // Nothing of the refused attempts was written.
    expect(
      await asMedicalRole(exp1Id, (client) => client.query('SELECT 1 FROM medical.medical_record')),
    ).toEqual(expect.objectContaining({ rowCount: 2 }));

    // ...and the assigned user does get every answer.
    const list = await ctx.http.get(recordsOf(trajectoryA)).set(bearer(tokens['exp1']));
    expect(list.status).toBe(200);
    expect((list.body as MedicalRecordView[]).map((entry) => entry.id)).toEqual([recordA.id]);
    const one = await ctx.http.get(record(recordA.id)).set(bearer(tokens['exp1']));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(recordA);
    expect((await ctx.http.get(`${record(recordA.id)}/versions`).set(bearer(tokens['exp1']))).status).toBe(
      200,
    );
    expect((await ctx.http.get(requestsOf(trajectoryA)).set(bearer(tokens['exp1']))).status).toBe(200);
  });

  it('keeps the history on edit, newest first, and refuses a stale version with 409', async () => {
    const created = await createRecord(trajectoryA, { kind: 'research_note', recordedOn: '2026-02-20' });
    expect(created.version).toBe(1);
    const first = await ctx.http
      .patch(record(created.id))
      .set(bearer(tokens['exp1']))
      .send({ expectedVersion: 1, title: marker('title-v2'), source: null });
    expect(first.status).toBe(200);
    const v2 = first.body as MedicalRecordView;
    expect(v2).toMatchObject({ version: 2, body: created.body, source: null, updatedBy: exp1Id });
    const second = await ctx.http
      .patch(record(created.id))
      .set(bearer(tokens['exp1']))
      .send({ expectedVersion: 2, kind: 'test_result', recordedOn: '2026-02-21' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      version: 3,
      kind: 'test_result',
      recordedOn: '2026-02-21',
      title: v2.title,
    });

    const stale = await ctx.http
      .patch(record(created.id))
      .set(bearer(tokens['exp1']))
      .send({ expectedVersion: 2, body: 'Te laat' });
    expect(stale.status).toBe(409);
    expect((stale.body as ErrorBody).message).toBe(STALE_VERSION);

    const versions = await ctx.http.get(`${record(created.id)}/versions`).set(bearer(tokens['exp1']));
    expect(versions.status).toBe(200);
    const history = versions.body as MedicalRecordVersionView[];
    expect(history.map((entry) => entry.version)).toEqual([2, 1]);
    expect(history[1]).toMatchObject({
      kind: 'research_note',
      recordedOn: '2026-02-20',
      title: created.title,
      body: created.body,
      source: created.source,
      writtenBy: exp1Id,
      writtenAt: created.createdAt,
      supersededBy: exp1Id,
    });
    expect(history[0]).toMatchObject({ title: v2.title, source: null, writtenAt: v2.updatedAt });

    // Listed newest first by recorded date.
    const list = await ctx.http.get(recordsOf(trajectoryA)).set(bearer(tokens['exp1']));
    expect((list.body as MedicalRecordView[]).map((entry) => entry.recordedOn)).toEqual([
      '2026-02-21',
      '2026-02-10',
    ]);
  });

  it('a closed trajectory can still be read but refuses every write with 409', async () => {
    const read = await ctx.http.get(record(closedRecord.id)).set(bearer(tokens['exp1']));
    expect(read.status).toBe(200);
    expect((await ctx.http.get(recordsOf(closedTrajectory)).set(bearer(tokens['exp1']))).status).toBe(200);

    const create = await ctx.http
      .post(recordsOf(closedTrajectory))
      .set(bearer(tokens['exp1']))
      .send(recordBody());
    expect(create.status).toBe(409);
    expect((create.body as ErrorBody).message).toBe(TRAJECTORY_CLOSED);
    const edit = await ctx.http
      .patch(record(closedRecord.id))
      .set(bearer(tokens['exp1']))
      .send({ expectedVersion: 1, title: 'Nieuw' });
    expect(edit.status).toBe(409);
    expect((edit.body as ErrorBody).message).toBe(TRAJECTORY_CLOSED);
    await recordConsent(clientA);
    const request = await ctx.http
      .post(requestsOf(closedTrajectory))
      .set(bearer(tokens['exp1']))
      .send(requestBody());
    expect(request.status).toBe(409);
    const unchanged = await ctx.http.get(record(closedRecord.id)).set(bearer(tokens['exp1']));
    expect(unchanged.body).toEqual(closedRecord);
  });

  it('R-MED-04: a care provider request needs a valid written consent first; the refusal names the missing consent', async () => {
    // Client B has none: exp2 is refused, with the purpose named.
    const refused = await ctx.http
      .post(requestsOf(trajectoryB))
      .set(bearer(tokens['exp2']))
      .send(requestBody());
    expect(refused.status).toBe(403);
    expect((refused.body as ErrorBody).message).toBe(missingConsentMessage('gp_data_request'));
    // Another purpose does not count, nor does a consent given after the request date.
    await recordConsent(clientB, { purpose: 'expertise_research' });
    await recordConsent(clientB, { givenOn: '2026-02-15' });
    const early = await ctx.http
      .post(requestsOf(trajectoryB))
      .set(bearer(tokens['exp2']))
      .send(requestBody({ requestedOn: '2026-02-14' }));
    expect(early.status).toBe(403);

    const allowed = await ctx.http
      .post(requestsOf(trajectoryB))
      .set(bearer(tokens['exp2']))
      .send(requestBody({ requestedOn: '2026-02-16' }));
    expect(allowed.status).toBe(201);
    const created = allowed.body as CareProviderRequestView;
    const consentId = (
      await ctx.owner.query<{ id: string }>(
        `SELECT id FROM consent WHERE client_id = $1 AND purpose = 'gp_data_request'`,
        [clientB],
      )
    ).rows[0].id;
    expect(created).toMatchObject({
      trajectoryId: trajectoryB,
      providerKind: 'huisarts',
      provider: 'Huisartsenpraktijk De Linde',
      consentId,
      requestedOn: '2026-02-16',
      requestedBy: exp2Id,
    });
    const list = await ctx.http.get(requestsOf(trajectoryB)).set(bearer(tokens['exp2']));
    expect(list.body).toEqual([created]);
    const stored = await ctx.owner.query<{ consent_id: string; provider_encrypted: Buffer }>(
      'SELECT consent_id, provider_encrypted FROM medical.care_provider_request WHERE id = $1',
      [created.id],
    );
    expect(stored.rows[0].consent_id).toBe(consentId);
    expect(stored.rows[0].provider_encrypted.includes(Buffer.from('De Linde'))).toBe(false);
  });

  it('R-MED-04: a consent that names a care provider covers only that provider, and a withdrawn consent refuses', async () => {
    const consentId = await recordConsent(clientC, { recipient: 'Huisartsenpraktijk De Linde' });
    const other = await ctx.http
      .post(requestsOf(trajectoryC))
      .set(bearer(tokens['exp1']))
      .send(requestBody({ provider: 'Ziekenhuis Gelderse Vallei', providerKind: 'specialist' }));
    expect(other.status).toBe(403);
    expect((other.body as ErrorBody).message).toBe(missingConsentMessage('gp_data_request'));
    const named = await ctx.http
      .post(requestsOf(trajectoryC))
      .set(bearer(tokens['exp1']))
      .send(requestBody({ provider: 'huisartsenpraktijk de linde' }));
    expect(named.status).toBe(201);
    expect((named.body as CareProviderRequestView).consentId).toBe(consentId);

    await ctx.owner.query(
      `UPDATE consent SET withdrawn_on = '2026-03-01', withdrawn_recorded_by = $2, withdrawn_recorded_at = now()
        WHERE id = $1`,
      [consentId, exp1Id],
    );
    for (const requestedOn of ['2026-03-02', '2026-02-20']) {
      const withdrawn = await ctx.http
        .post(requestsOf(trajectoryC))
        .set(bearer(tokens['exp1']))
        .send(requestBody({ requestedOn }));
      expect(withdrawn.status).toBe(403);
      expect((withdrawn.body as ErrorBody).message).toBe(missingConsentMessage('gp_data_request'));
    }
    const list = await ctx.http.get(requestsOf(trajectoryC)).set(bearer(tokens['exp1']));
    expect((list.body as CareProviderRequestView[]).length).toBe(1);
  });

  it('R-MED-04: the database refuses a direct insert whose consent_id is not a valid written GP consent', async () => {
    const whatsapp = await ctx.owner.query<{ id: string }>(
      `INSERT INTO consent (client_id, purpose, given_on, form, recorded_by, evidence_reference)
       VALUES ($1, 'whatsapp', '2026-01-10', 'oral', $2, 'Gespreksverslag') RETURNING id`,
      [clientA, exp1Id],
    );
    const clientBConsent = (
      await ctx.owner.query<{ id: string }>(
        `SELECT id FROM consent WHERE client_id = $1 AND purpose = 'gp_data_request'`,
        [clientB],
      )
    ).rows[0].id;
    for (const consentId of [whatsapp.rows[0].id, clientBConsent]) {
      await expect(
        asMedicalRole(exp1Id, (client) =>
          client.query(
            `INSERT INTO medical.care_provider_request (trajectory_id, client_id, provider_kind, provider_encrypted,
               question_encrypted, key_id, consent_id, requested_on, requested_by)
             VALUES ($1, $2, 'huisarts', '\\x00', '\\x00', 'x', $3, '2026-02-12', $4)`,
            [trajectoryA, clientA, consentId, exp1Id],
          ),
        ),
      ).rejects.toMatchObject({ code: '23514', message: expect.stringContaining('R-MED-04') });
    }
  });

  it('answers bad input with 400 and Dutch messages, refuses unknown fields and never echoes the text', async () => {
    const secret = marker('echo');
    const bad = await ctx.http
      .post(recordsOf(trajectoryA))
      .set(bearer(tokens['exp1']))
      .send({
        kind: 'horoscoop',
        recordedOn: '2099-01-01',
        title: '',
        body: secret.repeat(2000),
        icd10: 'F32',
      });
    expect(bad.status).toBe(400);
    expectFieldError(bad.body, 'kind', 'kind moet een van deze zijn');
    expectFieldError(bad.body, 'recordedOn', 'mag niet in de toekomst liggen');
    expectFieldError(bad.body, 'title', 'moet minstens 1 tekens lang zijn');
    expectFieldError(bad.body, 'body', 'mag maximaal 20000 tekens lang zijn');
    expectFieldError(bad.body, 'icd10');
    expect(JSON.stringify(bad.body)).not.toContain(secret);

    const nothing = await ctx.http
      .patch(record(recordA.id))
      .set(bearer(tokens['exp1']))
      .send({ expectedVersion: 1 });
    expect(nothing.status).toBe(400);
    expect((nothing.body as ErrorBody).message).toBe(NOTHING_TO_CHANGE);
    const version = await ctx.http
      .patch(record(recordA.id))
      .set(bearer(tokens['exp1']))
      .send({ expectedVersion: 'twee', title: 'x' });
    expect(version.status).toBe(400);
    expectFieldError(version.body, 'expectedVersion', 'geheel getal');

    const request = await ctx.http
      .post(requestsOf(trajectoryA))
      .set(bearer(tokens['exp1']))
      .send({ providerKind: 'kwakzalver', provider: '', question: 'x', requestedOn: '12-02-2026' });
    expect(request.status).toBe(400);
    expectFieldError(request.body, 'providerKind', 'providerKind moet een van deze zijn');
    expectFieldError(request.body, 'provider');
    expectFieldError(request.body, 'requestedOn', 'JJJJ-MM-DD');

    expect((await ctx.http.get(record('geen-uuid')).set(bearer(tokens['exp1']))).status).toBe(400);
  });

  it('R-AUD-04: medical reads and writes are audited with ids and category medical, never their content', async () => {
    const rows = await ctx.owner.query<{
      action: string;
      object_type: string;
      object_id: string | null;
      result: string;
      username: string;
      subject_client_ids: string[];
      categories: string[];
    }>(
      `SELECT action, object_type, object_id, result, username, subject_client_ids, categories
         FROM audit_event WHERE object_type IN ('MedicalRecord', 'CareProviderRequest') ORDER BY seq`,
    );
    const allowed = rows.rows.filter((row) => row.result === 'allowed');
    const kinds = new Set(allowed.map((row) => `${row.action} ${row.object_type}`));
    for (const kind of [
      'read MedicalRecord',
      'create MedicalRecord',
      'update MedicalRecord',
      'read CareProviderRequest',
      'create CareProviderRequest',
    ]) {
      expect(kinds).toContain(kind);
    }
    for (const row of allowed) expect(row.categories).toEqual(['medical']);
    expect(allowed).toContainEqual(
      expect.objectContaining({
        action: 'read',
        object_id: recordA.id,
        username: 'exp1',
        subject_client_ids: [clientA],
      }),
    );
    // Refusals are logged too (the hidden 404s of other roles).
    expect(rows.rows.filter((row) => row.result === 'denied').map((row) => row.username)).toEqual(
      expect.arrayContaining(['admin1', 'fg1', 'mgmt1', 'exp2']),
    );

    expect(plaintexts.length).toBeGreaterThan(10);
    const leaked = await ctx.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event a WHERE a::text LIKE '%MEDMARKER%'
          OR a::text ILIKE '%linde%'`,
    );
    expect(leaked.rows[0].n).toBe(0);
  });

  it('rekey: records written with key A are re-encrypted with key B and then decrypt with B alone', async () => {
    const keyA = ctx.config.medicalEncryptionKeys[0];
    const keyB = randomBytes(32).toString('base64');
    const rotated = new AppConfig(
      validateEnvironment({
        NODE_ENV: 'test',
        DATABASE_URL: ctx.config.databaseUrl,
        DB_APP_PASSWORD: ctx.config.dbAppPassword,
        DB_MEDICAL_PASSWORD: ctx.config.dbMedicalPassword,
        JWT_SECRET: ctx.config.jwtSecret,
        FIELD_ENCRYPTION_KEY: ctx.config.fieldEncryptionKey,
        BLIND_INDEX_KEY: ctx.config.blindIndexKey,
        MEDICAL_ENCRYPTION_KEY: keyB,
        MEDICAL_ENCRYPTION_PREVIOUS_KEYS: keyA,
        AUDIT_CHECKPOINT_KEY: ctx.config.auditCheckpointKey,
        AUDIT_PSEUDONYM_KEY: ctx.config.auditPseudonymKey,
        AUDIT_CHECKPOINT_DIR: ctx.config.auditCheckpointDir,
      }),
    );
    const onlyB = new MedicalCrypto([keyB]);
    const onlyA = new MedicalCrypto([keyA]);
    const keyIds = async () =>
      (
        await ctx.owner.query<{ key_id: string }>(
          `SELECT key_id FROM medical.medical_record UNION SELECT key_id FROM medical.medical_record_version
           UNION SELECT key_id FROM medical.care_provider_request`,
        )
      ).rows.map((row) => row.key_id);
    expect(await keyIds()).toEqual([onlyA.currentKeyId]);

    // A batch size of 2 makes every table take several batches.
    const result = await runMedicalRekey(rotated, { batchSize: 2 });
    expect(result.currentKeyId).toBe(onlyB.currentKeyId);
    const counts = Object.fromEntries(result.tables.map((table) => [table.table, table]));
    expect(counts['medical_record']).toEqual({ table: 'medical_record', reencrypted: 3, failed: 0 });
    expect(counts['medical_record_version']).toEqual({
      table: 'medical_record_version',
      reencrypted: 3,
      failed: 0,
    });
    expect(counts['care_provider_request']).toEqual({
      table: 'care_provider_request',
      reencrypted: 2,
      failed: 0,
    });
    expect(await keyIds()).toEqual([onlyB.currentKeyId]);

    const records = await ctx.owner.query<{
      id: string;
      title_encrypted: Buffer;
      body_encrypted: Buffer;
      source_encrypted: Buffer | null;
      version: number;
    }>('SELECT id, title_encrypted, body_encrypted, source_encrypted, version FROM medical.medical_record');
    for (const row of records.rows) {
      expect(() =>
        onlyB.decrypt(row.title_encrypted, medicalAad('medical_record', row.id, 'title')),
      ).not.toThrow();
      expect(() => onlyA.decrypt(row.body_encrypted, medicalAad('medical_record', row.id, 'body'))).toThrow();
    }
    const a = records.rows.find((row) => row.id === recordA.id);
    expect(onlyB.decrypt(a?.body_encrypted as Buffer, medicalAad('medical_record', recordA.id, 'body'))).toBe(
      recordA.body,
    );
    expect(a?.version).toBe(recordA.version);
    const versions = await ctx.owner.query<{ id: string; title_encrypted: Buffer }>(
      'SELECT id, title_encrypted FROM medical.medical_record_version',
    );
    for (const row of versions.rows) {
      expect(() =>
        onlyB.decrypt(row.title_encrypted, medicalAad('medical_record_version', row.id, 'title')),
      ).not.toThrow();
    }
    const requests = await ctx.owner.query<{ id: string; question_encrypted: Buffer }>(
      'SELECT id, question_encrypted FROM medical.care_provider_request',
    );
    for (const row of requests.rows) {
      expect(() =>
        onlyB.decrypt(row.question_encrypted, medicalAad('care_provider_request', row.id, 'question')),
      ).not.toThrow();
    }

    // Nothing left to do on a second run; both runs are in the access log.
    const again = await runMedicalRekey(rotated);
    expect(again.tables.every((table) => table.reencrypted === 0 && table.failed === 0)).toBe(true);
    const audit = await ctx.owner.query<{ details: Record<string, string>; categories: string[] }>(
      `SELECT details, categories FROM audit_event WHERE route = 'cli medical:rekey' ORDER BY seq`,
    );
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[0]).toMatchObject({
      categories: ['medical'],
      details: expect.objectContaining({
        currentKeyId: onlyB.currentKeyId,
        'medical_record.reencrypted': '3',
      }),
    });
  });
});
