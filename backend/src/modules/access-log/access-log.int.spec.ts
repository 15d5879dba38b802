import { randomUUID } from 'node:crypto';

import {
  type AccessLogEntry,
  type ClientAccessOverview,
  type DataCategory,
  type Page,
  type Role,
} from '@werkpad/shared';
import { authenticator } from 'otplib';
import type request from 'supertest';

import { type ChainedAuditFields, chainHash } from '../../audit/audit-chain';
import { AuditService } from '../../audit/audit.service';
import { bearer, createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/test-context';

/** Text that exists only inside a dossier note: it must never reach the FG. */
const MARKER = 'GEHEIM-NOTITIE-7513';
const CLIENT_A_BSN = '111222333';
const CLIENT_B_BSN = '123456782';
const UNKNOWN_VALID_BSN = '999999990';

/** Parses a binary response body (CSV/PDF) into a Buffer. */
function binary(call: request.Test): request.Test {
  return call.buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

/**
 * Signs in, also as a log reader who needs a second factor (MfaChallenge: enrol on first login, then
 * the current TOTP code), so that these tests do not depend on how the login helper handles it.
 */
async function signIn(ctx: TestContext, username: string): Promise<string> {
  const login = await ctx.http.post('/api/auth/login').send({ username, password: TEST_PASSWORD });
  expect(login.status).toBe(200);
  const body = login.body as { accessToken?: string; mfa?: 'enroll' | 'verify'; mfaToken?: string };
  if (body.accessToken) return body.accessToken;
  expect(body.mfa).toBe('enroll');
  const enrollment = await ctx.http.post('/api/auth/mfa/enrollment').send({ mfaToken: body.mfaToken });
  expect([200, 201]).toContain(enrollment.status);
  const code = authenticator.clone({ step: 30, digits: 6 }).generate(enrollment.body.secret as string);
  const verified = await ctx.http.post('/api/auth/mfa/verify').send({ mfaToken: body.mfaToken, code });
  expect([200, 201]).toContain(verified.status);
  return (verified.body as { accessToken: string }).accessToken;
}

describe('the FG access log (R-AUD-01, R-AUD-03)', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let clientA: string;
  let clientB: string;
  /** A client whose file no longer exists: the log outlives it. */
  const goneClient = randomUUID();
  const emergencyGrant = randomUUID();

  /**
   * Writes audit rows at chosen moments with a valid hash chain (AuditService always stamps "now").
   * Used for the day-boundary, emergency and volume cases; everything else comes from real requests.
   */
  async function appendAt(
    events: Array<{
      occurredAt: Date;
      userId: string | null;
      username: string | null;
      roles: string[];
      subjectClientIds: string[];
      categories?: DataCategory[];
      action?: string;
      result?: string;
      ground?: Record<string, string> | null;
    }>,
  ): Promise<void> {
    const last = await ctx.owner.query<{ hash: Buffer }>(
      'SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    let prevHash: Buffer | null = last.rows[0]?.hash ?? null;
    for (let start = 0; start < events.length; start += 1000) {
      const values: string[] = [];
      const params: unknown[] = [];
      for (const event of events.slice(start, start + 1000)) {
        const fields: ChainedAuditFields = {
          id: randomUUID(),
          occurredAt: event.occurredAt,
          userId: event.userId,
          username: event.username,
          roles: event.roles,
          subjectClientIds: event.subjectClientIds,
          objectType: 'Client',
          objectId: event.subjectClientIds[0] ?? null,
          categories: event.categories ?? ['identity'],
          action: event.action ?? 'read',
          result: event.result ?? 'allowed',
          ground: event.ground === undefined ? { kind: 'role_policy', reference: 'test' } : event.ground,
          route: 'GET /api/clients/:id',
          httpStatus: 200,
          ip: '127.0.0.1',
          userAgent: 'test',
          requestId: null,
          details: null,
        };
        const hash = chainHash(prevHash, fields);
        const row = [
          fields.id,
          fields.occurredAt,
          fields.userId,
          fields.username,
          fields.roles,
          fields.subjectClientIds,
          fields.objectType,
          fields.objectId,
          fields.categories,
          fields.action,
          fields.result,
          fields.ground,
          fields.route,
          fields.httpStatus,
          fields.ip,
          fields.userAgent,
          fields.requestId,
          prevHash,
          hash,
        ];
        values.push(`(${row.map((_, index) => `$${params.length + index + 1}`).join(', ')})`);
        params.push(...row);
        prevHash = hash;
      }
      await ctx.owner.query(
        `INSERT INTO audit_event (id, occurred_at, user_id, username, roles, subject_client_ids, object_type,
           object_id, categories, action, result, ground, route, http_status, ip, user_agent, request_id,
           prev_hash, hash)
         VALUES ${values.join(', ')}`,
        params,
      );
    }
  }

  const dpo = () => bearer(tokens['dpo1']);
  const search = async (query: string): Promise<Page<AccessLogEntry>> => {
    const response = await ctx.http.get(`/api/access-log?pageSize=200&${query}`).set(dpo());
    expect(response.status).toBe(200);
    return response.body as Page<AccessLogEntry>;
  };
  const lastAuditRow = async () =>
    (
      await ctx.owner.query<{
        user_id: string;
        action: string;
        object_type: string;
        result: string;
        subject_client_ids: string[];
        details: Record<string, string> | null;
        http_status: number;
      }>('SELECT * FROM audit_event ORDER BY seq DESC LIMIT 1')
    ).rows[0];

  beforeAll(async () => {
    ctx = await createTestContext();
    const users: Array<[string, Role]> = [
      ['dpo1', 'dpo'],
      ['coach1', 'coach'],
      ['ic1', 'income_consultant'],
      ['expertise1', 'expertise'],
      ['payroll1', 'payroll'],
      ['mgmt1', 'management'],
      ['admin1', 'admin'],
    ];
    for (const [name, role] of users) ids[name] = await ctx.createUser(name, [role]);
    clientA = await ctx.createClient({
      lastName: 'Vermeulen',
      bsn: CLIENT_A_BSN,
      coachId: ids['coach1'],
      incomeConsultantId: ids['ic1'],
    });
    clientB = await ctx.createClient({ lastName: 'Bakker', bsn: CLIENT_B_BSN, coachId: ids['coach1'] });
    const trajectory = await ctx.createTrajectory(clientA, 'bemiddeling', { createdBy: ids['coach1'] });
    for (const [name] of users) tokens[name] = await signIn(ctx, name);

    // Real work by others: a coach writes a note and reads the file, the income consultant reads it,
    // management tries the log and is refused.
    const note = await ctx.http
      .post(`/api/clients/${clientA}/dossier`)
      .set(bearer(tokens['coach1']))
      .send({
        trajectoryId: trajectory,
        kind: 'note',
        category: 'coaching_notes',
        title: `Gesprek ${MARKER}`,
        body: `Cliënt vertelt iets vertrouwelijks: ${MARKER}`,
        occurredOn: '2026-02-02',
      });
    expect(note.status).toBe(201);
    expect((await ctx.http.get(`/api/clients/${clientA}`).set(bearer(tokens['coach1']))).status).toBe(200);
    expect((await ctx.http.get(`/api/clients/${clientA}`).set(bearer(tokens['ic1']))).status).toBe(200);
    expect((await ctx.http.get('/api/access-log').set(bearer(tokens['mgmt1']))).status).toBe(403);

    // Emergency access by the income consultant to client B, and two reads either side of midnight
    // (Dutch time) between 1 and 2 March 2026, of a client whose file is gone.
    await ctx.app.get(AuditService).append({
      userId: ids['ic1'],
      username: 'ic1',
      roles: ['income_consultant'],
      subjectClientIds: [clientB],
      objectType: 'Client',
      objectId: clientB,
      categories: ['identity', 'contact'],
      action: 'read',
      result: 'allowed',
      ground: { kind: 'emergency', reference: emergencyGrant },
      route: 'GET /api/clients/:id',
      httpStatus: 200,
    });
    await appendAt([
      {
        occurredAt: new Date('2026-03-01T22:59:00Z'), // 23:59 on 1 March in Amsterdam (CET)
        userId: ids['coach1'],
        username: 'coach1',
        roles: ['coach'],
        subjectClientIds: [goneClient],
      },
      {
        occurredAt: new Date('2026-03-01T23:01:00Z'), // 00:01 on 2 March in Amsterdam
        userId: ids['coach1'],
        username: 'coach1',
        roles: ['coach'],
        subjectClientIds: [goneClient],
      },
    ]);
  });
  afterAll(() => ctx.close());

  describe('search', () => {
    it('R-AUD-03: by client: only rows about that client, including the note written and the file reads by others', async () => {
      const page = await search(`clientId=${clientA}`);
      expect(page.items.length).toBeGreaterThanOrEqual(3);
      expect(page.items.every((entry) => entry.subjectClientIds.includes(clientA))).toBe(true);
      expect(page.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ username: 'coach1', action: 'create', objectType: 'DossierEntry' }),
          expect.objectContaining({
            username: 'ic1',
            action: 'read',
            objectType: 'Client',
            result: 'allowed',
          }),
        ]),
      );
      expect(page.items.some((entry) => entry.subjectClientIds.includes(clientB))).toBe(false);
    });

    it('R-AUD-03: by user and by role', async () => {
      const byUser = await search(`userId=${ids['ic1']}`);
      expect(byUser.items.length).toBeGreaterThanOrEqual(2);
      expect(byUser.items.every((entry) => entry.userId === ids['ic1'])).toBe(true);

      const byRole = await search('role=coach');
      expect(byRole.items.length).toBeGreaterThanOrEqual(3);
      expect(byRole.items.every((entry) => entry.roles.includes('coach'))).toBe(true);
      expect(byRole.items.some((entry) => entry.username === 'ic1')).toBe(false);
    });

    it('R-AUD-03: by action, data category and result', async () => {
      const created = await search('action=create');
      expect(created.items.map((entry) => entry.objectType)).toContain('DossierEntry');
      expect(created.items.every((entry) => entry.action === 'create')).toBe(true);

      const notes = await search('category=coaching_notes');
      expect(notes.items.length).toBeGreaterThanOrEqual(1);
      expect(notes.items.every((entry) => entry.categories.includes('coaching_notes'))).toBe(true);

      const denied = await search('result=denied');
      expect(denied.items.every((entry) => entry.result === 'denied')).toBe(true);
      expect(denied.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ username: 'mgmt1', objectType: 'AuditEvent', httpStatus: 403 }),
        ]),
      );
    });

    it('R-AUD-03: by ground; emergency access is flagged', async () => {
      const emergency = await search('groundKind=emergency');
      expect(emergency.total).toBe(1);
      expect(emergency.items[0]).toMatchObject({
        userId: ids['ic1'],
        subjectClientIds: [clientB],
        ground: { kind: 'emergency', reference: emergencyGrant },
        emergency: true,
      });
      const trajectory = await search('groundKind=trajectory');
      expect(trajectory.items.length).toBeGreaterThanOrEqual(1);
      expect(trajectory.items.every((entry) => entry.ground?.kind === 'trajectory' && !entry.emergency)).toBe(
        true,
      );
    });

    it('R-AUD-03: by period in Dutch calendar days, both ends included', async () => {
      const first = await search('from=2026-03-01&to=2026-03-01');
      expect(first.items.map((entry) => entry.occurredAt)).toEqual(['2026-03-01T22:59:00.000Z']);
      const second = await search('from=2026-03-02&to=2026-03-02');
      expect(second.items.map((entry) => entry.occurredAt)).toEqual(['2026-03-01T23:01:00.000Z']);
      const both = await search(`from=2026-02-28&to=2026-03-02&clientId=${goneClient}`);
      expect(both.total).toBe(2);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
      const recent = await search(`from=${today}&userId=${ids['coach1']}`);
      expect(recent.items.length).toBeGreaterThanOrEqual(2);
      expect(recent.items.every((entry) => entry.subjectClientIds[0] !== goneClient)).toBe(true);
    });

    it('combines filters, sorts newest first by default or oldest first, and pages', async () => {
      const combined = await search(
        `clientId=${goneClient}&role=coach&action=read&result=allowed&category=identity`,
      );
      expect(combined.total).toBe(2);
      const none = await search(`clientId=${goneClient}&role=income_consultant`);
      expect(none).toMatchObject({ items: [], total: 0 });

      const newest = await search('');
      const times = newest.items.map((entry) => entry.occurredAt);
      expect([...times].sort().reverse()).toEqual(times);
      const oldest = await search('order=asc');
      expect(oldest.items[0].occurredAt).toBe('2026-03-01T22:59:00.000Z');

      // Filtered to the coach: each search adds a row of its own (the FG's), which would shift pages.
      const first = await ctx.http.get('/api/access-log?role=coach&pageSize=1&page=1').set(dpo());
      const second = await ctx.http.get('/api/access-log?role=coach&pageSize=1&page=2').set(dpo());
      expect(first.body.items).toHaveLength(1);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0].seq).not.toBe(first.body.items[0].seq);
      expect(second.body).toMatchObject({ page: 2, pageSize: 1 });
    });

    it.each([
      ['pageSize=201', 'pageSize'],
      ['role=superuser', 'role'],
      ['category=gossip', 'category'],
      ['groundKind=whim', 'groundKind'],
      ['from=2026-02-30', 'from'],
      ['from=2026-03-05&to=2026-03-01', 'to'],
      ['clientId=niet-een-uuid', 'clientId'],
      ['order=sideways', 'order'],
    ])('refuses %s with a 400 in Dutch naming the field', async (query, field) => {
      const response = await ctx.http.get(`/api/access-log?${query}`).set(dpo());
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(response.body.message).toMatch(/^Ongeldige invoer: /);
    });

    it('R-AUD-01: reading the log is itself logged, with the criteria and the client searched for', async () => {
      await search(`clientId=${clientA}&action=read`);
      expect(await lastAuditRow()).toMatchObject({
        user_id: ids['dpo1'],
        action: 'search',
        object_type: 'AuditEvent',
        result: 'allowed',
        subject_client_ids: [clientA],
        details: expect.objectContaining({ action: 'read' }),
      });
      // The client is the row's subject, never a value in details, which destruction could not pseudonymise.
      expect(JSON.stringify((await lastAuditRow()).details)).not.toContain(clientA);
    });
  });

  describe('volume', () => {
    const bulkUser = randomUUID();

    beforeAll(async () => {
      const base = Date.parse('2025-06-01T08:00:00Z');
      await appendAt(
        Array.from({ length: 10_001 }, (_, index) => ({
          occurredAt: new Date(base + index * 1000),
          userId: bulkUser,
          username: 'bulk',
          roles: ['coach'],
          subjectClientIds: [goneClient],
        })),
      );
    });

    it('caps the count at 10 001 ("more than 10 000") and still pages', async () => {
      const page = await ctx.http.get(`/api/access-log?userId=${bulkUser}&pageSize=200&page=3`).set(dpo());
      expect(page.body.total).toBe(10_001);
      expect(page.body.items).toHaveLength(200);
    });

    it('R-AUD-03: an export holds at most 10 000 rows and says so when cut off', async () => {
      const response = await binary(
        ctx.http.get(`/api/access-log/export?format=csv&userId=${bulkUser}`).set(dpo()),
      );
      expect(response.status).toBe(200);
      const lines = (response.body as Buffer).toString('utf8').trimEnd().split('\r\n');
      expect(lines).toHaveLength(1 + 10_000 + 1);
      expect(lines[lines.length - 1]).toMatch(/^Let op: meer dan 10\.000 regels gevonden/);
      expect(await lastAuditRow()).toMatchObject({
        action: 'export',
        details: expect.objectContaining({ regels: '10000', afgekapt: 'ja' }),
      });
    });
  });

  describe('export', () => {
    it('R-AUD-03: CSV for Dutch Excel: BOM, semicolons, Dutch headers and Dutch dates, as an attachment', async () => {
      const response = await binary(
        ctx.http
          .get(`/api/access-log/export?format=csv&clientId=${goneClient}&from=2026-03-01&to=2026-03-02`)
          .set(dpo()),
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="toegangslog-\d{8}-\d{4}\.csv"$/,
      );
      const body = response.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.subarray(3).toString('utf8').trimEnd().split('\r\n');
      expect(lines[0].split(';').slice(0, 6)).toEqual([
        'Volgnummer',
        'Tijdstip',
        'Gebruikersnaam',
        'Gebruiker-id',
        'Rollen',
        'Organisatie-eenheid',
      ]);
      expect(lines).toHaveLength(3);
      // Newest first; 00:01 on 2 March and 23:59 on 1 March on the Dutch clock.
      expect(lines[1].split(';').slice(1, 6)).toEqual([
        '02-03-2026 00:01',
        'coach1',
        ids['coach1'],
        'Trajectbegeleider',
        'Werkpad – trajectbegeleiding',
      ]);
      expect(lines[2].split(';')[1]).toBe('01-03-2026 23:59');
      expect(lines[1]).toContain(goneClient);
      expect(lines[1]).toContain(';Inzien;Toegestaan;Rol en autorisatiebeleid;');
      expect(await lastAuditRow()).toMatchObject({
        user_id: ids['dpo1'],
        action: 'export',
        object_type: 'AuditEvent',
        subject_client_ids: [goneClient],
      });
    });

    it('R-AUD-03: PDF export is a PDF attachment', async () => {
      const response = await binary(
        ctx.http.get(`/api/access-log/export?format=pdf&clientId=${clientA}`).set(dpo()),
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(/filename="toegangslog-\d{8}-\d{4}\.pdf"/);
      expect((response.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('refuses an unknown format with a 400', async () => {
      const response = await ctx.http.get('/api/access-log/export?format=xlsx').set(dpo());
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('format');
    });
  });

  describe('client access overview', () => {
    it('R-AUD-03: lists who read or changed the client, oldest first, with unit, role, categories and ground', async () => {
      const response = await ctx.http.get(`/api/access-log/clients/${clientA}`).set(dpo());
      expect(response.status).toBe(200);
      const overview = response.body as ClientAccessOverview;
      expect(overview.clientId).toBe(clientA);
      expect(overview.total).toBe(overview.entries.length);
      const times = overview.entries.map((entry) => entry.occurredAt);
      expect([...times].sort()).toEqual(times);
      const noteWritten = overview.entries.find((entry) => entry.action === 'create');
      expect(noteWritten).toMatchObject({
        userId: ids['coach1'],
        userName: 'Test coach1',
        roles: ['coach'],
        organisationUnit: 'Werkpad – trajectbegeleiding',
        categories: ['coaching_notes'],
        ground: { kind: 'trajectory' },
        result: 'allowed',
        emergency: false,
      });
      const consultantRead = overview.entries.find((entry) => entry.userId === ids['ic1']);
      expect(consultantRead).toMatchObject({
        organisationUnit: 'Gemeente – inkomen',
        action: 'read',
        ground: { kind: expect.any(String) },
      });
      expect(consultantRead?.categories.length).toBeGreaterThan(0);
      expect(await lastAuditRow()).toMatchObject({
        user_id: ids['dpo1'],
        action: 'read',
        object_type: 'AuditEvent',
        subject_client_ids: [clientA],
      });
    });

    it('R-AUD-03: marks emergency access', async () => {
      const overview = (await ctx.http.get(`/api/access-log/clients/${clientB}`).set(dpo()))
        .body as ClientAccessOverview;
      expect(overview.entries.filter((entry) => entry.emergency)).toEqual([
        expect.objectContaining({
          userId: ids['ic1'],
          ground: { kind: 'emergency', reference: emergencyGrant },
        }),
      ]);
    });

    it('keeps answering for a client whose file is gone (the log outlives it)', async () => {
      const overview = (await ctx.http.get(`/api/access-log/clients/${goneClient}`).set(dpo()))
        .body as ClientAccessOverview;
      // The coach's 2 + 10 001 reads, plus the FG's own searches about this client (also logged),
      // and now this overview's own row too.
      const { rows } = await ctx.owner.query<{ count: string }>(
        'SELECT count(*) FROM audit_event WHERE $1 = ANY (subject_client_ids)',
        [goneClient],
      );
      expect(Number(rows[0].count)).toBe(overview.total + 1);
      expect(overview.total).toBeGreaterThan(10_003);
      expect(overview.entries).toHaveLength(1000);
      expect(overview.entries[0].occurredAt).toBe('2025-06-01T08:00:00.000Z');
    });
  });

  it('R-AUD-04: the FG sees log metadata only, never dossier content, client names or BSNs', async () => {
    const responses = [
      await ctx.http.get(`/api/access-log?clientId=${clientA}`).set(dpo()),
      await ctx.http.get('/api/access-log?pageSize=200').set(dpo()),
      await ctx.http.get(`/api/access-log/clients/${clientA}`).set(dpo()),
      await binary(ctx.http.get(`/api/access-log/export?format=csv&clientId=${clientA}`).set(dpo())),
    ];
    for (const response of responses) {
      expect(response.status).toBe(200);
      const text = Buffer.isBuffer(response.body)
        ? response.body.toString('utf8')
        : JSON.stringify(response.body);
      expect(text).toContain(clientA);
      for (const secret of [MARKER, 'Vermeulen', CLIENT_A_BSN, 'vertrouwelijks'])
        expect(text).not.toContain(secret);
    }
  });

  describe('client lookup by BSN', () => {
    it('R-AUD-03: finds the client id by exact BSN; the audit row names the client but not the BSN', async () => {
      const response = await ctx.http
        .post('/api/access-log/client-lookup')
        .set(dpo())
        .send({ bsn: CLIENT_A_BSN });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ clientId: clientA });
      expect(await lastAuditRow()).toMatchObject({
        user_id: ids['dpo1'],
        action: 'search',
        object_type: 'Client',
        result: 'allowed',
        subject_client_ids: [clientA],
        details: { zoekterm: '[BSN]' },
      });
    });

    it('answers 404 for a valid BSN of nobody, logged as a denied search', async () => {
      const response = await ctx.http
        .post('/api/access-log/client-lookup')
        .set(dpo())
        .send({ bsn: UNKNOWN_VALID_BSN });
      expect(response.status).toBe(404);
      expect(response.body.message).toBe('Er is geen cliënt met dit burgerservicenummer.');
      expect(await lastAuditRow()).toMatchObject({
        user_id: ids['dpo1'],
        result: 'denied',
        http_status: 404,
        subject_client_ids: [],
        details: { zoekterm: '[BSN]' },
      });
    });

    it.each([['123456789'], ['12345678'], ['abcdefghi'], [123456782]])(
      'refuses %j with a 400 in Dutch (11-proef)',
      async (bsn) => {
        const response = await ctx.http.post('/api/access-log/client-lookup').set(dpo()).send({ bsn });
        expect(response.status).toBe(400);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('bsn');
      },
    );

    it('R-AUD-04: no audit row holds a BSN that was looked up', async () => {
      const { rows } = await ctx.owner.query<{ line: string }>(
        'SELECT row_to_json(audit_event)::text AS line FROM audit_event',
      );
      for (const bsn of [CLIENT_A_BSN, UNKNOWN_VALID_BSN, '123456789']) {
        expect(rows.filter((row) => row.line.includes(bsn))).toEqual([]);
      }
    });
  });

  describe('only the FG', () => {
    const routes: Array<[string, (token: string) => request.Test]> = [
      ['GET /api/access-log', (token) => ctx.http.get('/api/access-log').set(bearer(token))],
      [
        'GET /api/access-log/export',
        (token) => ctx.http.get('/api/access-log/export?format=csv').set(bearer(token)),
      ],
      [
        'GET /api/access-log/clients/:id',
        (token) => ctx.http.get(`/api/access-log/clients/${clientA}`).set(bearer(token)),
      ],
      [
        'POST /api/access-log/client-lookup',
        (token) =>
          ctx.http.post('/api/access-log/client-lookup').set(bearer(token)).send({ bsn: CLIENT_A_BSN }),
      ],
    ];

    it.each(['coach1', 'ic1', 'expertise1', 'payroll1', 'mgmt1', 'admin1'])(
      'R-AUD-03: %s gets 403 on every access-log route, and each refusal is logged',
      async (name) => {
        for (const [, call] of routes) {
          const response = await call(tokens[name]);
          expect(response.status).toBe(403);
          expect(JSON.stringify(response.body)).not.toContain(clientB);
        }
        const { rows } = await ctx.owner.query<{ count: string }>(
          "SELECT count(*) FROM audit_event WHERE user_id = $1 AND object_type IN ('AuditEvent', 'Client') AND result = 'denied' AND http_status = 403",
          [ids[name]],
        );
        expect(Number(rows[0].count)).toBeGreaterThanOrEqual(routes.length);
      },
    );

    it('answers 401 without a session', async () => {
      expect((await ctx.http.get('/api/access-log')).status).toBe(401);
    });
  });

  it('R-AUD-02: the rows written for this test keep the chain intact', async () => {
    expect(await ctx.app.get(AuditService).verifyChain()).toMatchObject({ ok: true });
  });
});
