import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { bearer, createTestContext, TEST_PASSWORD, type TestContext } from '../../test/test-context';
import { AuditService } from './audit.service';

async function asAppRole<T>(ctx: TestContext, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ctx.appRoleUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tampering needs the owner to switch the append-only trigger off first, as an attacker with DBA rights would. */
async function tamper(ctx: TestContext, sql: string): Promise<void> {
  await ctx.owner.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
  try {
    await ctx.owner.query(sql);
  } finally {
    await ctx.owner.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
  }
}

describe('audit trail', () => {
  let ctx: TestContext;
  let coach: string;
  let clientId: string;

  beforeEach(async () => {
    ctx = await createTestContext();
    coach = await ctx.createUser('coach1', ['coach']);
    await ctx.createUser('dpo1', ['dpo']);
    await ctx.createUser('admin1', ['admin']);
    clientId = await ctx.createClient({ lastName: 'Jansen', bsn: '999990019', coachId: coach });
  });
  afterEach(() => ctx.close());

  it('R-AUD-01: logs who read which client, with role, categories, action, ground, IP and request id', async () => {
    const token = await ctx.login('coach1');
    const response = await ctx.http
      .get(`/api/clients/${clientId}`)
      .set(bearer(token))
      .set('X-Request-Id', 'req-test-0001');
    expect(response.status).toBe(200);
    const { rows } = await ctx.owner.query(
      "SELECT * FROM audit_event WHERE object_type = 'Client' ORDER BY seq",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: coach,
      username: 'coach1',
      roles: ['coach'],
      subject_client_ids: [clientId],
      object_id: clientId,
      categories: expect.arrayContaining(['identity', 'contact']),
      action: 'read',
      result: 'allowed',
      ground: { kind: 'role_policy', reference: 'clients.policy (coach)' },
      route: 'GET /api/clients/:id',
      http_status: 200,
      request_id: 'req-test-0001',
    });
    expect(rows[0].ip).toMatch(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
    // Exactly the categories that were shown: a coach never receives medical or payroll data.
    expect(rows[0].categories).not.toContain('medical');
    expect(rows[0].categories).not.toContain('payroll');
  });

  it('R-AUD-01: logs a search with every client it showed, and a denied attempt with its result', async () => {
    const token = await ctx.login('coach1');
    await ctx.http.get('/api/clients').set(bearer(token)).expect(200);
    await ctx.http.get('/api/users').set(bearer(token)).expect(403);
    const { rows } = await ctx.owner.query(
      "SELECT action, result, object_type, subject_client_ids, http_status FROM audit_event WHERE object_type IN ('Client', 'User') ORDER BY seq",
    );
    expect(rows).toEqual([
      {
        action: 'search',
        result: 'allowed',
        object_type: 'Client',
        subject_client_ids: [clientId],
        http_status: 200,
      },
      { action: 'search', result: 'denied', object_type: 'User', subject_client_ids: [], http_status: 403 },
    ]);
  });

  it('R-AUD-01: logs a 404 on a client outside the caseload as a denied read of that id', async () => {
    const other = await ctx.createClient({ lastName: 'Anders', bsn: '999990020', coachId: null });
    await ctx.http
      .get(`/api/clients/${other}`)
      .set(bearer(await ctx.login('coach1')))
      .expect(404);
    const { rows } = await ctx.owner.query(
      'SELECT object_id, result, http_status FROM audit_event WHERE object_id = $1',
      [other],
    );
    expect(rows).toEqual([{ object_id: other, result: 'denied', http_status: 404 }]);
  });

  it('R-AUD-01: logs logins, failed and successful, and a change by admin in the same transaction', async () => {
    await ctx.http
      .post('/api/auth/login')
      .send({ username: 'coach1', password: 'helemaal-fout' })
      .expect(401);
    const admin = await ctx.login('admin1');
    const created = await ctx.http
      .post('/api/users')
      .set(bearer(admin))
      .send({
        username: 'nieuw1',
        displayName: 'Nieuwe Collega',
        password: 'lang-genoeg-wachtwoord',
        roles: ['coach'],
      });
    expect(created.status).toBe(201);
    const { rows } = await ctx.owner.query(
      "SELECT username, action, result, object_type, object_id, http_status FROM audit_event WHERE action IN ('login', 'create') ORDER BY seq",
    );
    expect(rows).toEqual([
      {
        username: 'coach1',
        action: 'login',
        result: 'denied',
        object_type: 'Session',
        object_id: null,
        http_status: 401,
      },
      {
        username: 'admin1',
        action: 'login',
        result: 'allowed',
        object_type: 'Session',
        object_id: null,
        http_status: 200,
      },
      {
        username: 'admin1',
        action: 'create',
        result: 'allowed',
        object_type: 'User',
        object_id: created.body.id,
        http_status: 201,
      },
    ]);
  });

  it('R-AUD-04: never writes a password, a BSN or a name of a client into the log', async () => {
    await ctx.http.post('/api/auth/login').send({ username: 'coach1', password: 'Geheim-Wachtwoord-99' });
    const token = await ctx.login('coach1');
    await ctx.http.get('/api/clients?q=999990019').set(bearer(token)).expect(200);
    await ctx.http.get('/api/clients?q=Jansen').set(bearer(token)).expect(200);
    const { rows } = await ctx.owner.query('SELECT row_to_json(audit_event)::text AS line FROM audit_event');
    const everything = rows.map((row: { line: string }) => row.line).join('\n');
    for (const secret of ['Geheim-Wachtwoord-99', TEST_PASSWORD, '999990019', 'Jansen']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('R-AUD-02: refuses UPDATE and DELETE on audit_event for the application role (INSERT and SELECT only)', async () => {
    await ctx.login('coach1');
    await asAppRole(ctx, async (client) => {
      await expect(client.query("UPDATE audit_event SET result = 'allowed'")).rejects.toMatchObject({
        code: '42501',
      });
      await expect(client.query('DELETE FROM audit_event')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('TRUNCATE audit_event')).rejects.toMatchObject({ code: '42501' });
      const count = await client.query('SELECT count(*)::int AS n FROM audit_event');
      expect(count.rows[0].n).toBeGreaterThan(0);
    });
    const { rows } = await ctx.owner.query(
      "SELECT privilege_type FROM information_schema.role_table_grants WHERE table_name = 'audit_event' AND grantee = 'werkpad_app' ORDER BY 1",
    );
    expect(rows.map((row: { privilege_type: string }) => row.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it('R-AUD-02: refuses UPDATE and DELETE even for the owner while the append-only trigger is in place', async () => {
    await ctx.login('coach1');
    await expect(ctx.owner.query("UPDATE audit_event SET username = 'x'")).rejects.toThrow(/append-only/);
    await expect(ctx.owner.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
  });

  it('R-AUD-02: the refusal trigger names every column but the two that pseudonymisation may clear', async () => {
    // A column added to audit_event later must be added to audit_event_no_update, or it could be
    // changed by the owner without the trigger noticing.
    const { rows } = await ctx.owner.query(
      `SELECT a.attname AS name
         FROM pg_attribute a
        WHERE a.attrelid = 'audit_event'::regclass AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attname NOT IN ('subject_client_ids', 'object_id')
          AND a.attnum <> ALL ((SELECT t.tgattr FROM pg_trigger t
                                 WHERE t.tgrelid = 'audit_event'::regclass AND t.tgname = 'audit_event_no_update')::int2[])`,
    );
    expect(rows).toEqual([]);
  });

  it('R-AUD-02: with the pseudonymisation setting on, the owner can still change nothing but removing those ids', async () => {
    await ctx.http
      .get(`/api/clients/${clientId}`)
      .set(bearer(await ctx.login('coach1')))
      .expect(200);
    const client = await ctx.owner.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `SELECT seq, subject_client_ids::text[] AS ids FROM audit_event WHERE subject_client_ids @> ARRAY[$1::uuid] LIMIT 1`,
        [clientId],
      );
      const [{ seq, ids }] = rows as Array<{ seq: string; ids: string[] }>;
      await client.query(`SELECT set_config('werkpad.audit_pseudonymise', $1, true)`, [`{${ids[0]}}`]);
      const refusals = [
        `UPDATE audit_event SET username = 'x' WHERE seq = $1`,
        `UPDATE audit_event SET subject_client_ids = '{}', details = '{}' WHERE seq = $1`,
        `UPDATE audit_event SET subject_client_ids = subject_client_ids || gen_random_uuid() WHERE seq = $1`,
        `UPDATE audit_event SET object_id = 'anders' WHERE seq = $1`,
      ];
      for (const statement of refusals) {
        await client.query('SAVEPOINT attempt');
        await expect(client.query(statement, [seq])).rejects.toThrow(/append-only/);
        await client.query('ROLLBACK TO SAVEPOINT attempt');
      }
      await client.query(
        `UPDATE audit_event SET subject_client_ids = array_remove(subject_client_ids, $2::uuid) WHERE seq = $1`,
        [seq, ids[0]],
      );
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  describe('R-AUD-02: chain verification', () => {
    async function writeEvents(count: number, token?: string): Promise<void> {
      token ??= await ctx.login('coach1');
      for (let index = 0; index < count; index++) {
        await ctx.http.get(`/api/clients/${clientId}`).set(bearer(token)).expect(200);
      }
    }

    async function verifyAsDpo() {
      const response = await ctx.http.get('/api/audit/verify').set(bearer(await ctx.login('dpo1')));
      expect(response.status).toBe(200);
      return response.body as {
        ok: boolean;
        checked: number;
        firstBrokenSeq: string | null;
        reason: string | null;
      };
    }

    it('reports an untouched log as intact', async () => {
      await writeEvents(4);
      const result = await verifyAsDpo();
      expect(result.ok).toBe(true);
      expect(result.checked).toBeGreaterThanOrEqual(5);
    });

    it('names the changed row when a row was altered', async () => {
      await writeEvents(4);
      const { rows } = await ctx.owner.query(
        "SELECT seq FROM audit_event WHERE object_type = 'Client' ORDER BY seq",
      );
      const target = rows[2].seq as string;
      await tamper(ctx, `UPDATE audit_event SET username = 'iemand-anders' WHERE seq = ${target}`);
      const result = await verifyAsDpo();
      expect(result).toMatchObject({
        ok: false,
        firstBrokenSeq: String(target),
        reason: 'row content does not match its hash',
      });
    });

    it('names the row after the gap when a row was deleted', async () => {
      await writeEvents(4);
      const { rows } = await ctx.owner.query('SELECT seq FROM audit_event ORDER BY seq');
      await tamper(ctx, `DELETE FROM audit_event WHERE seq = ${rows[2].seq}`);
      const result = await verifyAsDpo();
      expect(result).toMatchObject({ ok: false, firstBrokenSeq: String(rows[3].seq) });
      expect(result.reason).toMatch(/link/);
    });

    it('keeps one unbroken chain under parallel writes (no fork)', async () => {
      const audit = ctx.app.get(AuditService);
      await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          audit.append({
            userId: coach,
            username: 'coach1',
            roles: ['coach'],
            objectType: 'Client',
            objectId: clientId,
            action: 'read',
            result: 'allowed',
            requestId: `parallel-${index}`,
          }),
        ),
      );
      const token = await ctx.login('coach1');
      const http = Array.from({ length: 20 }, () => writeEvents(1, token));
      await Promise.all(http);
      const verification = await audit.verifyChain();
      expect(verification.ok).toBe(true);
      const forks = await ctx.owner.query(
        'SELECT prev_hash, count(*)::int AS n FROM audit_event GROUP BY prev_hash HAVING count(*) > 1',
      );
      expect(forks.rows).toEqual([]);
    });

    it('R-AUD-01: a group commit writes concurrent events in call order, and one bad event fails alone', async () => {
      const audit = ctx.app.get(AuditService);
      const event = (requestId: string, result: 'allowed' | 'bogus' = 'allowed') =>
        audit.append({
          userId: coach,
          username: 'coach1',
          roles: ['coach'],
          objectType: 'Client',
          objectId: clientId,
          action: 'read',
          // 'bogus' breaks the result CHECK: that one event is refused, the rest of its batch is not.
          result: result as 'allowed',
          requestId,
        });
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 30 }, (_, index) => event(`batch-${String(index).padStart(2, '0')}`)),
        event('batch-bad', 'bogus'),
        ...Array.from({ length: 10 }, (_, index) => event(`batch-${30 + index}`)),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
      expect((outcomes[30] as PromiseRejectedResult).reason).toBeDefined();
      const { rows } = await ctx.owner.query<{ request_id: string }>(
        `SELECT request_id FROM audit_event WHERE request_id LIKE 'batch-%' ORDER BY seq`,
      );
      // Each caller's row was committed before its promise resolved, in the order of the calls.
      expect(rows.map((row) => row.request_id)).toEqual(
        Array.from({ length: 40 }, (_, index) => `batch-${String(index).padStart(2, '0')}`),
      );
      expect((await audit.verifyChain()).ok).toBe(true);
    });

    it('is also what the command-line verifier uses, and it reads the log through the app role only', async () => {
      await writeEvents(2);
      const dataSource = new DataSource({ type: 'postgres', url: ctx.appRoleUrl });
      await dataSource.initialize();
      try {
        await expect(new AuditService(dataSource, ctx.config).verifyChain()).resolves.toMatchObject({
          ok: true,
        });
      } finally {
        await dataSource.destroy();
      }
    });
  });
});
