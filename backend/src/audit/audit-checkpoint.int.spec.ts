import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { type AuditCheckpointView, type AuditVerificationReport } from '@werkpad/shared';
import { DataSource } from 'typeorm';

import { bearer, createTestContext, type TestContext } from '../../test/test-context';
import { checkpointKeyFromSeed, parseCheckpoint, signCheckpoint } from './audit-checkpoint';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { chainHash } from './audit-chain';
import { type AuditRowRecord, AuditService, toStoredRow } from './audit.service';

/**
 * Tampering as an attacker with owner rights would: switch the append-only triggers off, change the
 * table, switch them on again.
 */
async function tamper(ctx: TestContext, work: () => Promise<void>): Promise<void> {
  await ctx.owner.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
  try {
    await work();
  } finally {
    await ctx.owner.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
  }
}

/**
 * Rewrites row `seq` and recomputes the hash of it and of every later row with the chain's own
 * function, so that the chain is internally consistent again.
 */
async function rewriteFrom(ctx: TestContext, seq: string, username: string): Promise<void> {
  const { rows } = await ctx.owner.query<AuditRowRecord>(
    'SELECT * FROM audit_event WHERE seq >= $1 ORDER BY seq',
    [seq],
  );
  const before = await ctx.owner.query<{ hash: Buffer }>(
    'SELECT hash FROM audit_event WHERE seq < $1 ORDER BY seq DESC LIMIT 1',
    [seq],
  );
  let previous: Buffer | null = before.rows[0]?.hash ?? null;
  for (const [index, record] of rows.entries()) {
    const row = toStoredRow(index === 0 ? { ...record, username } : record);
    const hash = chainHash(previous, row);
    await ctx.owner.query('UPDATE audit_event SET username = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [
      row.seq,
      row.username,
      previous,
      hash,
    ]);
    previous = hash;
  }
}

describe('R-AUD-02: signed checkpoints of the audit chain', () => {
  let ctx: TestContext;
  let clientId: string;

  beforeEach(async () => {
    ctx = await createTestContext();
    const coach = await ctx.createUser('coach1', ['coach']);
    await ctx.createUser('dpo1', ['dpo']);
    clientId = await ctx.createClient({ lastName: 'Jansen', bsn: '999990019', coachId: coach });
  });
  afterEach(() => ctx.close());

  async function writeEvents(count: number): Promise<void> {
    const token = await ctx.login('coach1');
    for (let index = 0; index < count; index++) {
      await ctx.http.get(`/api/clients/${clientId}`).set(bearer(token)).expect(200);
    }
  }

  async function checkpointNow(): Promise<AuditCheckpointView> {
    const response = await ctx.http.post('/api/audit/checkpoints').set(bearer(await ctx.login('dpo1')));
    expect(response.status).toBe(201);
    return response.body as AuditCheckpointView;
  }

  async function verify(): Promise<AuditVerificationReport> {
    const response = await ctx.http.get('/api/audit/verify').set(bearer(await ctx.login('dpo1')));
    expect(response.status).toBe(200);
    return response.body as AuditVerificationReport;
  }

  async function seqs(): Promise<string[]> {
    const { rows } = await ctx.owner.query<{ seq: string }>('SELECT seq FROM audit_event ORDER BY seq');
    return rows.map((row) => String(row.seq));
  }

  it('R-AUD-02: writes a signed checkpoint file outside the database (dpo only) and lists the newest first', async () => {
    await writeEvents(3);
    const first = await checkpointNow();
    const second = await checkpointNow();

    const key = checkpointKeyFromSeed(ctx.config.auditCheckpointKey);
    const head = await ctx.owner.query<{ seq: string; hash: Buffer; n: number }>(
      `SELECT seq, hash, (SELECT count(*)::int FROM audit_event WHERE seq <= $1) AS n
         FROM audit_event WHERE seq = $1`,
      [first.seq],
    );
    expect(first).toMatchObject({
      keyId: key.keyId,
      headHash: head.rows[0].hash.toString('hex'),
      rowCount: head.rows[0].n,
    });
    const path = join(ctx.config.auditCheckpointDir, first.location);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(parseCheckpoint(readFileSync(path, 'utf8'))).toMatchObject({ signature: first.signature });
    // Temp files do not stay behind.
    expect(readdirSync(ctx.config.auditCheckpointDir).sort()).toEqual(
      [first.location, second.location].sort(),
    );
    // The checkpoint request itself was logged, after the head the checkpoint names.
    expect(BigInt(second.seq)).toBeGreaterThan(BigInt(first.seq));

    const listed = await ctx.http.get('/api/audit/checkpoints').set(bearer(await ctx.login('dpo1')));
    expect(listed.status).toBe(200);
    expect((listed.body as AuditCheckpointView[]).map((checkpoint) => checkpoint.location)).toEqual([
      second.location,
      first.location,
    ]);

    const coach = await ctx.login('coach1');
    await ctx.http.post('/api/audit/checkpoints').set(bearer(coach)).expect(403);
    await ctx.http.get('/api/audit/checkpoints').set(bearer(coach)).expect(403);
  });

  it('R-AUD-02: an untouched log matches the newest checkpoint', async () => {
    const before = await verify();
    expect(before).toMatchObject({ ok: true, checkpoint: null });
    await writeEvents(3);
    const checkpoint = await checkpointNow();
    await writeEvents(2);
    expect(await verify()).toEqual({
      ok: true,
      checked: expect.any(Number),
      checkedByLinkOnly: 0,
      firstBrokenSeq: null,
      reason: null,
      checkpoint: {
        seq: checkpoint.seq,
        createdAt: checkpoint.createdAt,
        signatureValid: true,
        matches: true,
        reason: null,
      },
    });
  });

  it('R-AUD-02: deleting a row is detected', async () => {
    await writeEvents(4);
    const checkpoint = await checkpointNow();
    const all = await seqs();
    const victim = all[2];
    await tamper(ctx, async () => {
      await ctx.owner.query('DELETE FROM audit_event WHERE seq = $1', [victim]);
    });
    const report = await verify();
    expect(report).toMatchObject({ ok: false, firstBrokenSeq: all[3] });
    expect(report.reason).toMatch(/link/);
    expect(report.checkpoint).toMatchObject({ seq: checkpoint.seq, signatureValid: true, matches: false });
    expect(report.checkpoint?.reason).toMatch(/counted \d+ rows/);
  });

  it('R-AUD-02: cutting off the newest rows is detected by the checkpoint, though the shortened chain is intact', async () => {
    await writeEvents(4);
    const checkpoint = await checkpointNow();
    await tamper(ctx, async () => {
      await ctx.owner.query('DELETE FROM audit_event WHERE seq >= $1', [checkpoint.seq]);
    });
    const report = await verify();
    expect(report.firstBrokenSeq).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.checkpoint).toMatchObject({
      signatureValid: true,
      matches: false,
      reason: `row ${checkpoint.seq} named by the checkpoint is missing`,
    });
  });

  it('R-AUD-02: changing a row is detected', async () => {
    await writeEvents(4);
    await checkpointNow();
    const target = (await seqs())[2];
    await tamper(ctx, async () => {
      await ctx.owner.query("UPDATE audit_event SET username = 'iemand-anders' WHERE seq = $1", [target]);
    });
    const report = await verify();
    expect(report).toMatchObject({
      ok: false,
      firstBrokenSeq: target,
      reason: 'row content does not match its hash',
    });
  });

  it('R-AUD-02: rewriting the tail after a checkpoint is detected even though the rewritten chain is internally consistent', async () => {
    await writeEvents(4);
    const checkpoint = await checkpointNow();
    await writeEvents(2);
    const target = (await seqs())[2];
    expect(BigInt(target)).toBeLessThan(BigInt(checkpoint.seq));
    await tamper(ctx, () => rewriteFrom(ctx, target, 'iemand-anders'));

    // The chain alone no longer shows anything: every hash was recomputed.
    const chainOnly = await ctx.app.get(AuditService).verifyChain();
    expect(chainOnly).toMatchObject({ ok: true, firstBrokenSeq: null });
    const { rows } = await ctx.owner.query('SELECT username FROM audit_event WHERE seq = $1', [target]);
    expect(rows[0].username).toBe('iemand-anders');

    const report = await verify();
    expect(report).toMatchObject({ ok: false, firstBrokenSeq: null, reason: null });
    expect(report.checkpoint).toMatchObject({
      seq: checkpoint.seq,
      signatureValid: true,
      matches: false,
      reason: `row ${checkpoint.seq} no longer has the hash of the checkpoint`,
    });
  });

  it('R-AUD-02: a forged checkpoint file is reported, whether altered or signed with another key', async () => {
    await writeEvents(2);
    const genuine = await checkpointNow();
    const directory = ctx.config.auditCheckpointDir;
    const stored = JSON.parse(readFileSync(join(directory, genuine.location), 'utf8')) as Record<
      string,
      unknown
    >;
    // An attacker who rewrote the log writes a newer "checkpoint" for the rewritten head.
    writeFileSync(
      join(directory, 'checkpoint-29991231T235959000Z-000000000001.json'),
      JSON.stringify({ ...stored, headHash: 'ab'.repeat(32), createdAt: '2999-12-31T23:59:59.000Z' }),
    );
    let report = await verify();
    expect(report.ok).toBe(false);
    expect(report.checkpoint).toMatchObject({
      createdAt: '2999-12-31T23:59:59.000Z',
      signatureValid: false,
      matches: false,
      reason: 'checkpoint signature is not valid',
    });

    const otherKey = checkpointKeyFromSeed(randomBytes(32).toString('base64'));
    const signedElsewhere = signCheckpoint(
      {
        seq: genuine.seq,
        rowCount: genuine.rowCount,
        headHash: genuine.headHash,
        createdAt: '3000-01-01T00:00:00.000Z',
        keyId: otherKey.keyId,
      },
      otherKey,
    );
    writeFileSync(
      join(directory, 'checkpoint-30000101T000000000Z-000000000001.json'),
      JSON.stringify(signedElsewhere),
    );
    report = await verify();
    expect(report.ok).toBe(false);
    expect(report.checkpoint?.signatureValid).toBe(false);
    expect(report.checkpoint?.reason).toMatch(/signed with another key/);

    writeFileSync(join(directory, 'checkpoint-30010101T000000000Z-000000000001.json'), 'geen json');
    report = await verify();
    expect(report.ok).toBe(false);
    expect(report.checkpoint?.reason).toMatch(/not a readable checkpoint/);
  });

  it('R-AUD-02: the command-line tool writes a checkpoint through the app role only', async () => {
    await writeEvents(2);
    const dataSource = new DataSource({ type: 'postgres', url: ctx.appRoleUrl });
    await dataSource.initialize();
    try {
      const service = new AuditCheckpointService(new AuditService(dataSource, ctx.config), ctx.config);
      const written = await service.write();
      expect(written.rowCount).toBeGreaterThan(0);
      await expect(service.verify()).resolves.toMatchObject({
        ok: true,
        checkpoint: { seq: written.seq, matches: true },
      });
    } finally {
      await dataSource.destroy();
    }
  });
});
