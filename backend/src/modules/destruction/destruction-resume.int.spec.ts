import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { type DestructionListView } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

const ROOT = join(__dirname, '../../../..');
const DOSSIERS = 600;

describe('R-RET-04: a destruction run killed with SIGKILL and resumed', () => {
  let ctx: TestContext;
  let admin: string;
  let dpo: string;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.createUser('admin1', ['admin']);
    await ctx.createUser('dpo1', ['dpo']);
    const coach = await ctx.createUser('coach1', ['coach']);
    admin = await ctx.login('admin1');
    dpo = await ctx.login('dpo1');
    // DOSSIERS historic clients, each one closed bemiddeling (due 2022) with one dossier entry.
    await ctx.owner.query(
      `WITH made AS (
         INSERT INTO client (first_name, last_name, date_of_birth, bsn_encrypted, bsn_blind_index, street,
                             house_number, postcode, city, coach_id)
         SELECT 'Historisch', 'Dossier ' || g, DATE '1970-01-01', sha256(('bsn-' || g)::bytea),
                sha256(('bi-' || g)::bytea), 'Bankastraat', '1', '6711AA', 'Ede', $2
           FROM generate_series(1, $1::int) g RETURNING id
       ), trajectories AS (
         INSERT INTO trajectory (client_id, type, legal_basis, status, start_date, closed_on, coach_id,
                                 reporting_recipient, reporting_categories, reporting_form, reporting_purpose,
                                 reporting_frequency, created_by)
         SELECT id, 'bemiddeling', 'Participatiewet', 'closed', DATE '2011-01-03', DATE '2012-06-30', $2,
                'Gemeente Ede', '{progress}', 'written', 'Voortgang volgen', 'Elk kwartaal', $2 FROM made
         RETURNING id, client_id
       )
       INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id)
       SELECT client_id, id, 'note', 'coaching_notes', 'Gesprek', 'Verslag', DATE '2011-03-01', $2 FROM trajectories`,
      [DOSSIERS, coach],
    );
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await ctx.close();
  });

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await ctx.owner.query<{ n: number }>(sql, params)).rows[0].n;

  it('R-RET-04: leaves every dossier wholly present or wholly gone, and the resumed run destroys each exactly once', async () => {
    const prepared = await ctx.http.post('/api/destruction-lists').set(bearer(admin));
    expect(prepared.status).toBe(201);
    const list = prepared.body as DestructionListView;
    expect(list.itemCounts.due).toBe(DOSSIERS);
    expect((await ctx.http.post(`/api/destruction-lists/${list.id}/review`).set(bearer(admin))).status).toBe(
      200,
    );
    expect((await ctx.http.post(`/api/destruction-lists/${list.id}/approve`).set(bearer(dpo))).status).toBe(
      200,
    );
    // Running, but left to another process: at start-up its runner resumes every running list.
    await ctx.owner.query(
      `UPDATE destruction_list SET status = 'running', started_at = now() WHERE id = $1`,
      [list.id],
    );

    const config = ctx.config;
    child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'backend/test/destruction-child.ts',
      ],
      {
        cwd: ROOT,
        stdio: 'ignore',
        env: {
          ...process.env,
          TS_NODE_PROJECT: 'backend/tsconfig.spec.json',
          NODE_ENV: 'test',
          DATABASE_URL: config.databaseUrl,
          DB_APP_PASSWORD: config.dbAppPassword,
          DB_MEDICAL_PASSWORD: config.dbMedicalPassword,
          JWT_SECRET: config.jwtSecret,
          FIELD_ENCRYPTION_KEY: config.fieldEncryptionKey,
          BLIND_INDEX_KEY: config.blindIndexKey,
          MEDICAL_ENCRYPTION_KEY: config.medicalEncryptionKeys[0],
          AUDIT_CHECKPOINT_KEY: config.auditCheckpointKey,
          AUDIT_PSEUDONYM_KEY: config.auditPseudonymKey,
          AUDIT_CHECKPOINT_DIR: config.auditCheckpointDir,
          AUDIT_CHECKPOINT_INTERVAL_MINUTES: '0',
          RETENTION_JOB_INTERVAL_MINUTES: '0',
          MIGRATE_ON_BOOT: 'false',
          LOG_LEVEL: 'silent',
        },
      },
    );
    const destroyed = () =>
      count(`SELECT count(*)::int AS n FROM destruction_item WHERE list_id = $1 AND status = 'destroyed'`, [
        list.id,
      ]);
    const deadline = Date.now() + 60_000;
    while ((await destroyed()) < 20) {
      if (Date.now() > deadline) throw new Error('the child process destroyed nothing within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    child = null;

    const done = await destroyed();
    expect(done).toBeLessThan(DOSSIERS);
    // Wholly gone: no client row for a destroyed item; wholly present: a due item still has its
    // client, its trajectory and its entry.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM destruction_item i WHERE i.list_id = $1 AND i.status = 'due'
            AND (NOT EXISTS (SELECT 1 FROM client c WHERE c.id = i.client_id)
                 OR (SELECT count(*) FROM trajectory t WHERE t.client_id = i.client_id) <> 1
                 OR (SELECT count(*) FROM dossier_entry e WHERE e.client_id = i.client_id) <> 1)`,
        [list.id],
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM client WHERE first_name = 'Historisch'`, [])).toBe(
      DOSSIERS - done,
    );

    // Resumed in this process.
    expect((await ctx.http.post(`/api/destruction-lists/${list.id}/execute`).set(bearer(admin))).status).toBe(
      202,
    );
    let status = 'running';
    for (let attempt = 0; attempt < 300 && status === 'running'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (
        (await ctx.http.get(`/api/destruction-lists/${list.id}`).set(bearer(admin)))
          .body as DestructionListView
      ).status;
    }
    expect(status).toBe('completed');
    expect(await count(`SELECT count(*)::int AS n FROM client WHERE first_name = 'Historisch'`, [])).toBe(0);
    // Destroyed once each: every item counted its one entry, and has exactly one audit event.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM destruction_item WHERE list_id = $1 AND status = 'destroyed'
            AND (counts->>'dossierEntries')::int = 1 AND (counts->>'trajectories')::int = 1`,
        [list.id],
      ),
    ).toBe(DOSSIERS);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT object_id FROM audit_event
            WHERE object_type = 'DestructionItem' AND action = 'delete' GROUP BY object_id HAVING count(*) = 1) once`,
        [],
      ),
    ).toBe(DOSSIERS);
    expect((await ctx.http.get('/api/audit/verify').set(bearer(dpo))).body).toMatchObject({ ok: true });
  }, 120_000);
});
