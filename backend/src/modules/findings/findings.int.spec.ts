import { randomUUID } from 'node:crypto';

import { type EmergencyAccessGrant, type Finding, type FindingKind, type Page } from '@werkpad/shared';
import type request from 'supertest';

import { bearer, createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/test-context';
import { type ChainedAuditFields, chainHash } from '../../audit/audit-chain';
import { AuditService } from '../../audit/audit.service';
import { totpCode, totpStep } from '../../auth/mfa/totp';

const EXPLANATION = 'Cliënt meldt zich in crisis; de eigen begeleider is ziek.';

/** Parses a binary response body (CSV) into a Buffer. */
function binary(call: request.Test): request.Test {
  return call.buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

/** The cells of one CSV line (semicolons, cells with a separator quoted, "" for a quote). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted && char === '"' && line[index + 1] === '"') {
      cell += '"';
      index++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ';' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  return [...cells, cell];
}

/** Signs in; a log reader (dpo) enrols the second factor on the way (MfaChallenge). */
async function signIn(ctx: TestContext, username: string): Promise<string> {
  const login = await ctx.http.post('/api/auth/login').send({ username, password: TEST_PASSWORD });
  const body = login.body as { accessToken?: string; mfaToken?: string };
  if (body.accessToken) return body.accessToken;
  const enrollment = await ctx.http.post('/api/auth/mfa/enrollment').send({ mfaToken: body.mfaToken });
  const code = totpCode((enrollment.body as { secret: string }).secret, totpStep(Date.now()));
  const verified = await ctx.http.post('/api/auth/mfa/verify').send({ mfaToken: body.mfaToken, code });
  return (verified.body as { accessToken: string }).accessToken;
}

/** A moment in Dutch time (CET, UTC+1, in early March 2026). */
const amsterdam = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

describe('R-AUD-03: unusual access findings for the FG', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let clientB: string;
  let clientC: string;
  let grant: EmergencyAccessGrant;
  let emergencySeqs: string[];
  let outsideSeq: string;
  let listSeq: string;
  let deniedSeq: string;

  const as = (user: string) => bearer(tokens[user]);
  const findings = async (query = ''): Promise<Page<Finding>> => {
    const response = await ctx.http.get(`/api/findings?pageSize=100&${query}`).set(as('dpo1'));
    expect(response.status).toBe(200);
    return response.body as Page<Finding>;
  };
  const ofKind = async (kind: FindingKind, query = '') => (await findings(`kind=${kind}&${query}`)).items;
  const lastSeq = async () =>
    (await ctx.owner.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM audit_event')).rows[0].seq;

  /** Audit rows at chosen moments, chained like AuditService does (which always stamps "now"). */
  async function appendAt(
    events: ReadonlyArray<{ occurredAt: Date; user: string; clientIds: string[]; action?: string }>,
  ): Promise<void> {
    const client = await ctx.owner.connect();
    try {
      await client.query('BEGIN');
      const last = await client.query<{ hash: Buffer }>(
        'SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1',
      );
      let prevHash: Buffer | null = last.rows[0]?.hash ?? null;
      for (const event of events) {
        const fields: ChainedAuditFields = {
          id: randomUUID(),
          occurredAt: event.occurredAt,
          userId: ids[event.user],
          username: event.user,
          roles: ['coach'],
          subjectClientIds: event.clientIds,
          objectType: 'Client',
          objectId: event.clientIds.length === 1 ? event.clientIds[0] : null,
          categories: ['identity'],
          action: event.action ?? 'read',
          result: 'allowed',
          ground: { kind: 'role_policy', reference: 'test' },
          route: 'GET /api/clients/:id',
          httpStatus: 200,
          ip: '127.0.0.1',
          userAgent: 'test',
          requestId: null,
          details: null,
        };
        const hash = chainHash(prevHash, fields);
        await client.query(
          `INSERT INTO audit_event (id, occurred_at, user_id, username, roles, subject_client_ids, object_type,
             object_id, categories, action, result, ground, route, http_status, ip, user_agent, request_id,
             prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
          [
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
          ],
        );
        prevHash = hash;
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    for (const [name, roles] of [
      ['coach1', ['coach']],
      ['coach2', ['coach']],
      ['income1', ['income_consultant']],
      ['mgmt1', ['management']],
      ['bulk1', ['coach']],
      ['night1', ['coach']],
      ['dpo1', ['dpo']],
    ] as const)
      ids[name] = await ctx.createUser(name, [...roles]);
    // coach1's own client: in the caseload list, never a finding.
    await ctx.createClient({ lastName: 'Eerste', bsn: '111222333', coachId: ids['coach1'] });
    clientB = await ctx.createClient({ lastName: 'Tweede', bsn: '123456782', coachId: ids['coach2'] });
    clientC = await ctx.createClient({
      lastName: 'Derde',
      bsn: '999990019',
      coachId: ids['coach1'],
      incomeConsultantId: ids['income1'],
    });
    for (const name of Object.keys(ids)) tokens[name] = await signIn(ctx, name);

    // Denied: coach1 tries a client of coach2; and someone guesses a password.
    expect((await ctx.http.get(`/api/clients/${clientB}`).set(as('coach1'))).status).toBe(404);
    deniedSeq = await lastSeq();
    await ctx.http.post('/api/auth/login').send({ username: 'coach2', password: 'fout-wachtwoord-123' });

    // Emergency: coach1 breaks the glass for clientB and reads the file (logged under the grant).
    const created = await ctx.http
      .post('/api/emergency-access')
      .set(as('coach1'))
      .send({ bsn: '123456782', reason: 'crisis_contact', explanation: EXPLANATION });
    expect(created.status).toBe(201);
    grant = created.body as EmergencyAccessGrant;
    expect((await ctx.http.get(`/api/clients/${clientB}`).set(as('coach1'))).status).toBe(200);
    expect((await ctx.http.get('/api/clients').set(as('coach1'))).status).toBe(200);
    listSeq = await lastSeq();
    emergencySeqs = (
      await ctx.owner.query<{ seq: string }>(
        `SELECT seq::text FROM audit_event WHERE ground->>'reference' = $1 ORDER BY seq`,
        [grant.id],
      )
    ).rows.map((row) => row.seq);

    // Outside scope: coach1 and income1 read clientC, which is then handed to coach2 and unlinked.
    expect((await ctx.http.get(`/api/clients/${clientC}`).set(as('coach1'))).status).toBe(200);
    outsideSeq = await lastSeq();
    await ctx.owner.query('UPDATE client SET coach_id = $1, income_consultant_id = NULL WHERE id = $2', [
      ids['coach2'],
      clientC,
    ]);
    // Management reads every client by role: never outside a caseload.
    expect((await ctx.http.get(`/api/clients/${clientC}`).set(as('mgmt1'))).status).toBe(200);

    const threshold = ctx.config.findingsManyClientsPerDay;
    const nightClient = randomUUID();
    const distinct = (count: number) => Array.from({ length: count }, () => randomUUID());
    await appendAt([
      // Many clients: one above the threshold on Monday 2 March; exactly the threshold on Tuesday 3
      // March (opened twice each), plus a caseload list of 100 that is not "opening" a client.
      ...distinct(threshold + 1).map((id, index) => ({
        occurredAt: amsterdam('2026-03-02', `10:${String(index % 60).padStart(2, '0')}`),
        user: 'bulk1',
        clientIds: [id],
      })),
      ...distinct(threshold).flatMap((id) =>
        [1, 2].map(() => ({ occurredAt: amsterdam('2026-03-03', '11:00'), user: 'bulk1', clientIds: [id] })),
      ),
      {
        occurredAt: amsterdam('2026-03-03', '11:30'),
        user: 'bulk1',
        clientIds: distinct(100),
        action: 'search',
      },
      // Office hours (07:00-19:00 on working days): 22:00 on Tuesday, 11:00 on Saturday; 18:59 and
      // 07:00 on Wednesday are inside. (Clients whose files are gone: the log outlives them.)
      { occurredAt: amsterdam('2026-03-03', '22:00'), user: 'night1', clientIds: [nightClient] },
      { occurredAt: amsterdam('2026-03-03', '22:30'), user: 'night1', clientIds: [nightClient] },
      { occurredAt: amsterdam('2026-03-07', '11:00'), user: 'night1', clientIds: [nightClient] },
      { occurredAt: amsterdam('2026-03-04', '18:59'), user: 'night1', clientIds: [nightClient] },
      { occurredAt: amsterdam('2026-03-04', '07:00'), user: 'night1', clientIds: [nightClient] },
    ]);
  });
  afterAll(() => ctx.close());

  it('R-AUD-03: only the FG sees findings or reviews them (403 for everyone else)', async () => {
    for (const user of ['coach1', 'mgmt1', 'income1']) {
      expect((await ctx.http.get('/api/findings').set(as(user))).status).toBe(403);
      const review = await ctx.http.put('/api/findings/review').set(as(user)).send({ key: 'x:1', note: 'n' });
      expect(review.status).toBe(403);
    }
  });

  it('R-AUD-03: every emergency grant is an open finding, with its reason, explanation and log rows', async () => {
    const [finding] = await ofKind('emergency');
    expect(finding).toMatchObject({
      key: `emergency:${grant.id}`,
      userId: ids['coach1'],
      username: 'coach1',
      clientIds: [clientB],
      review: null,
    });
    expect(finding.auditSeqs).toEqual(emergencySeqs);
    expect(emergencySeqs.length).toBeGreaterThanOrEqual(2); // the grant and the file read
    expect(finding.description).toContain('Crisiscontact met de cliënt');
    expect(finding.description).toContain(EXPLANATION);
    expect(finding.description).not.toContain('Tweede');
  });

  it('R-AUD-03: denied attempts are findings, failed logins included', async () => {
    const denied = await ofKind('denied');
    const attempt = denied.find((finding) => finding.key === `denied:${deniedSeq}`);
    expect(attempt).toMatchObject({ userId: ids['coach1'], clientIds: [clientB] });
    expect(attempt?.description).toContain('Geweigerde poging van coach1');
    const login = denied.find((finding) => finding.description.startsWith('Mislukte aanmelding'));
    expect(login).toMatchObject({ username: 'coach2' });
  });

  it('R-AUD-03: a read of a client outside the caseload is a finding; reads under a grant and by management are not', async () => {
    const outside = await ofKind('outside_scope');
    // The file read and the caseload list that showed clientC before it was handed over; in the
    // list, clientB (under the grant) and clientA (still coach1's) are not named.
    expect(outside.map((finding) => finding.key)).toEqual([`outside:${outsideSeq}`, `outside:${listSeq}`]);
    for (const finding of outside)
      expect(finding).toMatchObject({ userId: ids['coach1'], clientIds: [clientC] });
    expect(outside[0].description).toContain('buiten de eigen caseload');
    expect(outside.flatMap((finding) => finding.auditSeqs)).not.toContain(emergencySeqs[1]);
  });

  it('R-AUD-03: many clients in one day is a finding above the configured threshold only', async () => {
    const many = await ofKind('many_clients');
    expect(many.map((finding) => finding.key)).toEqual([`many:${ids['bulk1']}:2026-03-02`]);
    expect(many[0].clientIds).toHaveLength(ctx.config.findingsManyClientsPerDay + 1);
    expect(many[0].description).toContain(
      `${ctx.config.findingsManyClientsPerDay + 1} verschillende cliënten`,
    );
  });

  it('R-AUD-03: access outside office hours or in the weekend is one finding per user per Dutch day', async () => {
    const night = (await ofKind('off_hours')).filter((finding) => finding.userId === ids['night1']);
    expect(night.map((finding) => finding.key)).toEqual([
      `offhours:${ids['night1']}:2026-03-07`,
      `offhours:${ids['night1']}:2026-03-03`,
    ]);
    expect(night[1].auditSeqs).toHaveLength(2);
    expect(night[1].description).toContain('03-03-2026');
    expect(night[1].description).toContain('2 keer');
  });

  it('R-AUD-03: access on a public holiday is outside office hours, whatever the hour, and the finding names the holiday', async () => {
    ids['feest1'] = await ctx.createUser('feest1', ['coach']);
    const client = randomUUID();
    await appendAt([
      { occurredAt: amsterdam('2026-04-27', '10:00'), user: 'feest1', clientIds: [client] }, // Koningsdag
      { occurredAt: amsterdam('2026-04-28', '10:00'), user: 'feest1', clientIds: [client] }, // an ordinary Tuesday
      { occurredAt: amsterdam('2026-05-14', '14:30'), user: 'feest1', clientIds: [client] }, // Hemelvaartsdag
    ]);
    const holidays = (await ofKind('off_hours', 'from=2026-04-01&to=2026-05-31')).filter(
      (finding) => finding.userId === ids['feest1'],
    );
    expect(holidays.map((finding) => finding.key)).toEqual([
      `offhours:${ids['feest1']}:2026-05-14`,
      `offhours:${ids['feest1']}:2026-04-27`,
    ]);
    expect(holidays[1].description).toContain('27-04-2026 (Koningsdag)');
    expect(holidays[0].description).toContain('(Hemelvaartsdag)');
  });

  it('R-AUD-03: filters by period and pages newest first', async () => {
    const saturday = await findings('from=2026-03-07&to=2026-03-07');
    expect(saturday.items.map((finding) => finding.key)).toEqual([`offhours:${ids['night1']}:2026-03-07`]);
    const march = await findings('from=2026-03-01&to=2026-03-31');
    expect(march.total).toBe(3);
    const all = await findings();
    const times = all.items.map((finding) => finding.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    const second = await ctx.http.get('/api/findings?pageSize=1&page=2').set(as('dpo1'));
    expect((second.body as Page<Finding>).items[0].key).toBe(all.items[1].key);
    expect((second.body as Page<Finding>).total).toBe(all.total);
    const beyond = await ctx.http.get('/api/findings?pageSize=100&page=50').set(as('dpo1'));
    expect(beyond.body).toMatchObject({ items: [], total: all.total });
  });

  it('refuses bad filters with a Dutch message (400)', async () => {
    for (const query of ['kind=raar', 'from=1-3-2026', 'reviewed=misschien']) {
      const response = await ctx.http.get(`/api/findings?${query}`).set(as('dpo1'));
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });

  describe('reviewing', () => {
    const key = () => `emergency:${grant.id}`;

    it('needs a note (400) and a key of a current finding (404)', async () => {
      const review = (body: Record<string, unknown>) =>
        ctx.http.put('/api/findings/review').set(as('dpo1')).send(body);
      const noNote = await review({ key: key(), note: '   ' });
      expect(noNote.status).toBe(400);
      expect(noNote.body.message).toContain('note is verplicht');
      expect((await review({ key: 'denied:999999999', note: 'Bekeken.' })).status).toBe(404);
      expect((await review({ key: `many:${ids['bulk1']}:2026-03-03`, note: 'Bekeken.' })).status).toBe(404);
      expect((await review({ key: 'zomaar-iets', note: 'Bekeken.' })).status).toBe(404);
    });

    it('R-AUD-03: a review sticks to the finding, is logged, and cannot be made twice (409)', async () => {
      const before = await lastSeq();
      const response = await ctx.http
        .put('/api/findings/review')
        .set(as('dpo1'))
        .send({ key: key(), note: '  Toelichting gecontroleerd bij de teamleider; terecht.  ' });
      expect(response.status).toBe(200);
      expect((response.body as Finding).review).toMatchObject({
        reviewedBy: ids['dpo1'],
        reviewedByName: 'Test dpo1',
        note: 'Toelichting gecontroleerd bij de teamleider; terecht.',
      });
      const logged = await ctx.owner.query(
        `SELECT action, result, object_id, user_id, details FROM audit_event WHERE seq > $1 ORDER BY seq`,
        [before],
      );
      expect(logged.rows[0]).toMatchObject({
        action: 'update',
        result: 'allowed',
        object_id: key(),
        user_id: ids['dpo1'],
        details: { soort: 'emergency' },
      });

      const again = await ctx.http
        .put('/api/findings/review')
        .set(as('dpo1'))
        .send({ key: key(), note: 'Nogmaals.' });
      expect(again.status).toBe(409);

      const reviewed = await findings('reviewed=true');
      expect(reviewed.items.map((finding) => finding.key)).toEqual([key()]);
      expect(reviewed.items[0].review?.note).toContain('terecht');
      const open = await findings('reviewed=false&kind=emergency');
      expect(open.items).toEqual([]);
    });
  });

  describe('export', () => {
    const exportCsv = (query: string) =>
      binary(ctx.http.get(`/api/findings/export?${query}`).set(as('dpo1')));
    const csvLines = (body: Buffer) => body.subarray(3).toString('utf8').trimEnd().split('\r\n');

    it('R-AUD-03: the FG exports findings as CSV for Dutch Excel, with the filters applied and the export logged', async () => {
      const before = await lastSeq();
      const response = await exportCsv('kind=off_hours&from=2026-03-01&to=2026-03-31');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="bevindingen-\d{8}-\d{4}\.csv"$/,
      );
      const body = response.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csvLines(body);
      expect(cellsOf(lines[0])).toEqual([
        'Sleutel',
        'Soort',
        'Tijdstip',
        'Gebruiker',
        "Cliënt-id's",
        'Beschrijving',
        "Audit-seq's",
        'Beoordeeld',
        'Beoordeeld door',
        'Beoordeeld op',
        'Notitie',
      ]);
      // Only night1's two off-hours days in March, newest first; times on the Dutch clock.
      expect(lines).toHaveLength(3);
      const [saturday, tuesday] = lines.slice(1).map(cellsOf);
      expect(saturday.slice(0, 4)).toEqual([
        `offhours:${ids['night1']}:2026-03-07`,
        'Toegang buiten kantoortijden',
        '07-03-2026 11:00',
        'night1',
      ]);
      expect(tuesday.slice(0, 4)).toEqual([
        `offhours:${ids['night1']}:2026-03-03`,
        'Toegang buiten kantoortijden',
        '03-03-2026 22:30', // the last access of the day
        'night1',
      ]);
      expect(tuesday.slice(-4)).toEqual(['nee', '', '', '']);
      expect(lines.join('\n')).not.toMatch(/Eerste|Tweede|Derde/);

      const logged = await ctx.owner.query(
        `SELECT action, result, object_type, user_id, details FROM audit_event WHERE seq > $1 ORDER BY seq`,
        [before],
      );
      expect(logged.rows).toHaveLength(1);
      expect(logged.rows[0]).toMatchObject({
        action: 'export',
        result: 'allowed',
        object_type: 'Finding',
        user_id: ids['dpo1'],
        details: expect.objectContaining({
          soort: 'off_hours',
          van: '2026-03-01',
          regels: '2',
          afgekapt: 'nee',
        }),
      });
    });

    it('R-AUD-03: a reviewed finding carries its review: who, when (Dutch clock) and the note', async () => {
      const response = await exportCsv('reviewed=true');
      expect(response.status).toBe(200);
      const lines = csvLines(response.body as Buffer);
      expect(lines).toHaveLength(2);
      const cells = cellsOf(lines[1]);
      expect(cells[0]).toBe(`emergency:${grant.id}`);
      expect(cells[1]).toBe('Noodtoegang');
      expect(cells[6]).toBe(emergencySeqs.join(', '));
      expect(cells[7]).toBe('ja');
      expect(cells[8]).toBe('Test dpo1');
      expect(cells[9]).toMatch(/^\d\d-\d\d-\d{4} \d\d:\d\d$/);
      expect(cells[10]).toBe('Toelichting gecontroleerd bij de teamleider; terecht.');
      // The note and the description hold a semicolon or quotes: their cells are quoted.
      expect(lines[1]).toContain('"Toelichting gecontroleerd bij de teamleider; terecht."');
      expect(cells[5]).toContain(EXPLANATION);
    });

    it('R-AUD-03: only the FG exports findings (403 for a coach); bad filters are a 400', async () => {
      expect((await ctx.http.get('/api/findings/export').set(as('coach1'))).status).toBe(403);
      expect((await ctx.http.get('/api/findings/export?kind=raar').set(as('dpo1'))).status).toBe(400);
    });
  });

  it('keeps the audit chain intact while computing findings', async () => {
    expect((await ctx.app.get(AuditService).verifyChain()).ok).toBe(true);
  });
});
