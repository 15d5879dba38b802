import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Role, RECIPIENT_TYPES, DATA_CATEGORIES, REPORT_RECIPIENT_TYPES } from '@werkpad/shared';

import {
  type HttpMethod,
  type IdPool,
  type OpenApiDocument,
  plannedRequests,
  type RequestFiller,
} from './canary/openapi-requests';
import { bearer, binaryBody, createTestContext, type TestContext } from './test-context';

/**
 * R-MED-06 canary: a unique marker goes into every medical field; then every route of the OpenAPI
 * document is called as every role that is not the assigned expertise user, together with every
 * search, disclosure package and register they can reach. The marker may appear in no response,
 * no log line and no table outside the medical schema, and not in plain text inside it either.
 * The test knows no route by name for the sweep, so routes added later are covered automatically.
 */
const MARKER = `CANARIE${randomBytes(5).toString('hex')}MEDISCH`;
/** A word that stands in the medical text next to the marker, used as the search term. */
const SEARCH_WORD = `Zeldzaamsyndroom${randomBytes(3).toString('hex')}`;

interface Leak {
  readonly where: string;
  readonly status?: number;
}

class LogCapture {
  readonly lines: string[] = [];
  write(chunk: string): void {
    this.lines.push(chunk);
  }
}

const OUTSIDE_ROLES: ReadonlyArray<{ username: string; roles: Role[] }> = [
  { username: 'canary_coach', roles: ['coach'] },
  { username: 'canary_income', roles: ['income_consultant'] },
  { username: 'canary_payroll', roles: ['payroll'] },
  { username: 'canary_management', roles: ['management'] },
  { username: 'canary_admin', roles: ['admin'] },
  { username: 'canary_dpo', roles: ['dpo'] },
  // An Expertisecentrum colleague who is not on this trajectory sees nothing of it either.
  { username: 'canary_other_expertise', roles: ['expertise'] },
];

describe('R-MED-06: medical canary over every route, role, search, package, log line and table', () => {
  const logs = new LogCapture();
  let ctx: TestContext;
  let expertiseToken: string;
  let pool: IdPool;
  let clientId: string;
  let diagnosisTrajectoryId: string;
  const leaks: Leak[] = [];
  const searchHits: string[] = [];
  let requestCount = 0;

  const check = (where: string, text: string, status?: number): void => {
    if (text.includes(MARKER)) leaks.push({ where, status });
  };

  beforeAll(async () => {
    ctx = await createTestContext({ logDestination: logs, logLevel: 'trace' });
    const users = new Map<string, string>();
    users.set('canary_expertise', await ctx.createUser('canary_expertise', ['expertise']));
    for (const user of OUTSIDE_ROLES)
      users.set(user.username, await ctx.createUser(user.username, user.roles));
    const id = (username: string): string => users.get(username) as string;

    clientId = await ctx.createClient({
      lastName: 'Kanarie',
      bsn: '111222333',
      coachId: id('canary_coach'),
      incomeConsultantId: id('canary_income'),
    });
    diagnosisTrajectoryId = await ctx.createTrajectory(clientId, 'arbeidsdiagnose', {
      createdBy: id('canary_coach'),
    });
    const beschutId = await ctx.createTrajectory(clientId, 'beschut_werk', { createdBy: id('canary_coach') });
    await ctx.owner.query('UPDATE trajectory SET expertise_user_id = $1 WHERE id = $2', [
      id('canary_expertise'),
      diagnosisTrajectoryId,
    ]);
    const consentIds: string[] = [];
    for (const [purpose, recipient] of [
      // No recipient: the consent then covers any care provider, whose name holds the marker.
      ['gp_data_request', null],
      ['health_to_commissioner', 'Gemeente Ede'],
      ['functional_to_employer', 'Bakkerij Ede'],
    ] as const) {
      const consent = await ctx.owner.query<{ id: string }>(
        `INSERT INTO consent (client_id, purpose, recipient, given_on, form, recorded_by, evidence_reference)
         VALUES ($1, $2, $3, '2026-01-05', 'written', $4, 'Getekend formulier in de map') RETURNING id`,
        [clientId, purpose, recipient, id('canary_expertise')],
      );
      consentIds.push(consent.rows[0].id);
    }

    expertiseToken = await ctx.login('canary_expertise');
    const asExpertise = bearer(expertiseToken);
    const medicalText = `${MARKER} ${SEARCH_WORD}`;
    const recordIds: string[] = [];
    for (const kind of [
      'diagnosis',
      'gp_information',
      'specialist_information',
      'bedrijfsarts_report',
      'research_note',
      'test_result',
    ]) {
      const created = await ctx.http
        .post(`/api/expertise/trajectories/${diagnosisTrajectoryId}/medical-records`)
        .set(asExpertise)
        .send({ kind, recordedOn: '2026-02-02', title: medicalText, body: medicalText, source: medicalText });
      expect(created.status).toBe(201);
      recordIds.push((created.body as { id: string }).id);
    }
    // An edit, so the marker is in the history too.
    const edited = await ctx.http
      .patch(`/api/expertise/medical-records/${recordIds[0]}`)
      .set(asExpertise)
      .send({ expectedVersion: 1, body: `${medicalText} bijgewerkt` });
    expect(edited.status).toBe(200);
    const request = await ctx.http
      .post(`/api/expertise/trajectories/${diagnosisTrajectoryId}/care-provider-requests`)
      .set(asExpertise)
      .send({
        providerKind: 'huisarts',
        provider: medicalText,
        question: medicalText,
        requestedOn: '2026-02-03',
      });
    expect(request.status).toBe(201);

    // What may leave the Expertisecentrum, without the marker: a final outcome and capabilities.
    const outcome = await ctx.http
      .put(`/api/expertise/trajectories/${diagnosisTrajectoryId}/outcome`)
      .set(asExpertise)
      .send({ conclusion: 'Geschikt voor licht productiewerk.', advice: 'Start met 16 uur per week.' });
    expect(outcome.status).toBe(200);
    const final = await ctx.http
      .post(`/api/expertise/trajectories/${diagnosisTrajectoryId}/outcome/finalize`)
      .set(asExpertise)
      .send({ expectedVersion: (outcome.body as { version: number }).version, confirm: true });
    expect(final.status).toBe(200);
    const capability = await ctx.http
      .post(`/api/clients/${clientId}/functional-capabilities`)
      .set(asExpertise)
      .send({
        canDo: 'Zittend werk, vier uur per dag',
        cannotDo: 'Tillen boven tien kilo',
        assessedOn: '2026-02-10',
        source: 'expertisecentrum',
        trajectoryId: diagnosisTrajectoryId,
      });
    expect(capability.status).toBe(201);

    const everyId = [
      clientId,
      diagnosisTrajectoryId,
      beschutId,
      ...recordIds,
      (request.body as { id: string }).id,
      (outcome.body as { id: string }).id,
      (capability.body as { id: string }).id,
      ...consentIds,
      id('canary_expertise'),
      id('canary_coach'),
    ];
    pool = {
      all: everyId,
      byNameHint: [
        { pattern: /^clientId$/, ids: [clientId] },
        { pattern: /^trajectoryId$/, ids: [diagnosisTrajectoryId, beschutId] },
      ],
    };
  }, 120_000);

  afterAll(() => ctx.close());

  it('R-MED-06: control: the assigned expertise user does read the marker, so the sweep can see a leak', async () => {
    const response = await ctx.http
      .get(`/api/expertise/trajectories/${diagnosisTrajectoryId}/medical-records`)
      .set(bearer(expertiseToken));
    expect(response.status).toBe(200);
    expect(response.text).toContain(MARKER);
  });

  it('R-MED-06: no route answers any other role with medical content, nor finds the client by a medical word', async () => {
    const doc = (await ctx.http.get('/api/docs-json')).body as OpenApiDocument;
    const filler: RequestFiller = {
      text: 'kanarie-vulling',
      searchText: SEARCH_WORD,
      date: '2026-03-03',
      uuid: clientId,
    };
    // Session routes would end the session under test; they hold no client data.
    const skip = (template: string): boolean => template.startsWith('/api/auth/');
    const phases: ReadonlyArray<readonly HttpMethod[]> = [['get'], ['post', 'put', 'patch', 'delete']];
    for (const methods of phases) {
      const planned = plannedRequests(doc, pool, filler, { methods, skip });
      for (const user of OUTSIDE_ROLES) {
        const token = await ctx.login(user.username);
        for (const call of planned) {
          const response = await ctx.http[call.method](call.url)
            .set(bearer(token))
            .send(call.body as object | undefined);
          requestCount++;
          const where = `${user.username} ${call.method.toUpperCase()} ${call.url}`;
          check(where, `${response.text} ${JSON.stringify(response.headers)}`, response.status);
          if (call.url.includes(SEARCH_WORD) && response.status === 200 && response.text.includes(clientId))
            searchHits.push(where);
          // An unexpected 500 may hide a leak in its log line; it is a finding of its own.
          expect({ where, status: response.status }).not.toEqual({ where, status: 500 });
        }
      }
    }
    expect(requestCount).toBeGreaterThan(500);
    expect(leaks).toEqual([]);
    expect(searchHits).toEqual([]);
  }, 600_000);

  it('R-MED-06: every disclosure the coach can attempt, to every recipient type, carries no medical content', async () => {
    const token = await ctx.login('canary_coach');
    for (const type of RECIPIENT_TYPES) {
      const response = await ctx.http
        .post(`/api/clients/${clientId}/disclosures`)
        .set(bearer(token))
        .send({
          trajectoryId: diagnosisTrajectoryId,
          recipient: { type, organisation: 'Ontvanger BV', country: 'NL' },
          categories: DATA_CATEGORIES.filter((category) => category !== 'medical'),
          channel: 'secure_portal',
          purpose: 'Kanarietest',
        });
      check(`disclosure to ${type}`, response.text, response.status);
      const narrow = await ctx.http
        .post(`/api/clients/${clientId}/disclosures`)
        .set(bearer(token))
        .send({
          trajectoryId: diagnosisTrajectoryId,
          recipient: { type, organisation: 'Ontvanger BV', country: 'NL' },
          categories: ['identity', 'health_functional', 'diagnosis_outcome'],
          channel: 'secure_portal',
          purpose: 'Kanarietest',
        });
      check(`narrow disclosure to ${type}`, narrow.text, narrow.status);
    }
    const register = await ctx.http.get(`/api/clients/${clientId}/disclosures`).set(bearer(token));
    for (const disclosure of (register.body as { items?: Array<{ id: string }> }).items ?? []) {
      const pkg = await ctx.http
        .get(`/api/clients/${clientId}/disclosures/${disclosure.id}/package`)
        .set(bearer(token));
      check(`package ${disclosure.id}`, pkg.text, pkg.status);
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it('R-MED-06, R-REP-01: no progress report PDF, to any recipient, by the coach or the Expertisecentrum, holds medical content', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'werkpad-canary-'));
    let rendered = 0;
    try {
      for (const username of ['canary_coach', 'canary_expertise']) {
        const token = await ctx.login(username);
        for (const recipientType of REPORT_RECIPIENT_TYPES) {
          for (const trajectoryIds of [[diagnosisTrajectoryId], pool.byNameHint[1].ids]) {
            const created = await ctx.http
              .post(`/api/clients/${clientId}/reports`)
              .set(bearer(token))
              .send({ trajectoryIds, periodStart: '2026-01-01', periodEnd: '2026-12-31', recipientType });
            check(`report by ${username} to ${recipientType}`, created.text, created.status);
            if (created.status !== 201) continue;
            const id = (created.body as { id: string }).id;
            const pdf = await ctx.http
              .get(`/api/clients/${clientId}/reports/${id}/pdf`)
              .set(bearer(token))
              .buffer(true)
              .parse(binaryBody);
            expect(pdf.status).toBe(200);
            const file = join(folder, `${id}.pdf`);
            writeFileSync(file, pdf.body as Buffer);
            const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
            check(`report PDF by ${username} to ${recipientType}`, text);
            rendered++;
          }
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    // Control: reports were made (the outcome goes to the commissioner, progress to the client).
    expect(rendered).toBeGreaterThan(3);
    expect(leaks).toEqual([]);
  }, 120_000);

  it('R-MED-06: no log line holds the marker, and logging did capture the run', () => {
    // Control: the capture holds both request lines and the application's own log lines.
    expect(logs.lines.length).toBeGreaterThan(100);
    expect(logs.lines.some((line) => line.includes('"context":"NestFactory"'))).toBe(true);
    const leaking = logs.lines.filter((line) => line.includes(MARKER) || line.includes(SEARCH_WORD));
    expect(leaking).toEqual([]);
  });

  it('R-MED-06: no table outside the medical schema holds the marker; inside it only ciphertext', async () => {
    const tables = await ctx.owner.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('public', 'medical') AND table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.some((table) => table.schema === 'medical')).toBe(true);
    const found: string[] = [];
    for (const table of tables.rows) {
      const rows = await ctx.owner.query<{ row: string }>(
        `SELECT t::text AS row FROM "${table.schema}"."${table.name}" t`,
      );
      const hexMarker = Buffer.from(MARKER, 'utf8').toString('hex');
      for (const { row } of rows.rows) {
        if (row.includes(MARKER) || row.includes(SEARCH_WORD) || row.includes(hexMarker))
          found.push(`${table.schema}.${table.name}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('R-MED-06: a made-up id of a medical record answers 404 to everyone outside, like a real one', async () => {
    const token = await ctx.login('canary_dpo');
    const made = await ctx.http.get(`/api/expertise/medical-records/${randomUUID()}`).set(bearer(token));
    const real = await ctx.http.get(`/api/expertise/medical-records/${pool.all[3]}`).set(bearer(token));
    expect([made.status, real.status]).toEqual([404, 404]);
    const withoutRequestId = ({ requestId: _id, ...rest }: Record<string, unknown>) => rest;
    expect(withoutRequestId(made.body as Record<string, unknown>)).toEqual(
      withoutRequestId(real.body as Record<string, unknown>),
    );
  });
});
