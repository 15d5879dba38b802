import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type AppConfig } from '../config/app-config';
import {
  checkpointFileName,
  checkpointKeyFromSeed,
  checkpointSignatureProblem,
  parseCheckpoint,
  signCheckpoint,
} from './audit-checkpoint';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { type AuditService } from './audit.service';

// RFC 8032, section 7.1, test 1.
const RFC_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

describe('audit checkpoints', () => {
  const payload = {
    seq: '42',
    rowCount: 40,
    headHash: 'ab'.repeat(32),
    createdAt: '2026-11-22T10:15:00.123Z',
  };

  it('R-AUD-02: derives the Ed25519 key from the 32-byte seed, named by a hash of its public key', () => {
    const key = checkpointKeyFromSeed(Buffer.from(RFC_SEED, 'hex').toString('base64'));
    expect(key.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex')).toBe(
      RFC_PUBLIC,
    );
    expect(key.keyId).toBe(
      createHash('sha256').update(Buffer.from(RFC_PUBLIC, 'hex')).digest('hex').slice(0, 16),
    );
    expect(() => checkpointKeyFromSeed(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('R-AUD-02: a signature covers every stated field', () => {
    const key = checkpointKeyFromSeed(randomBytes(32).toString('base64'));
    const signed = signCheckpoint({ ...payload, keyId: key.keyId }, key);
    expect(checkpointSignatureProblem(signed, key)).toBeNull();
    expect(parseCheckpoint(JSON.stringify(signed))).toEqual(signed);
    for (const changed of [
      { seq: '43' },
      { rowCount: 41 },
      { headHash: 'cd'.repeat(32) },
      { createdAt: '2026-11-22T10:15:00.124Z' },
    ]) {
      expect(checkpointSignatureProblem({ ...signed, ...changed }, key)).toBe(
        'checkpoint signature is not valid',
      );
    }
    expect(checkpointFileName(signed)).toBe('checkpoint-20261122T101500123Z-000000000042.json');
    expect(parseCheckpoint('{"format":"iets anders"}')).toBeNull();
  });

  it('R-AUD-02: writes one periodically when an interval is set, and stops on shutdown', async () => {
    jest.useFakeTimers();
    try {
      const directory = join(mkdtempSync(join(tmpdir(), 'werkpad-cp-unit-')), 'nested');
      const config = {
        auditCheckpointKey: randomBytes(32).toString('base64'),
        auditCheckpointDir: directory,
        auditCheckpointIntervalMinutes: 5,
      } as AppConfig;
      const audit = {
        chainHead: jest.fn().mockResolvedValue({ seq: '7', hash: Buffer.alloc(32, 1), rowCount: 7 }),
      } as unknown as AuditService;
      const service = new AuditCheckpointService(audit, config);
      service.onApplicationBootstrap();
      jest.advanceTimersByTime(4 * 60_000);
      expect(audit.chainHead).not.toHaveBeenCalled();
      jest.advanceTimersByTime(60_000);
      expect(audit.chainHead).toHaveBeenCalledTimes(1);
      service.onApplicationShutdown();
      jest.advanceTimersByTime(60 * 60_000);
      expect(audit.chainHead).toHaveBeenCalledTimes(1);
      jest.useRealTimers();
      // The write the timer started finishes on real timers; it created the directory.
      const written = (): string[] =>
        existsSync(directory) ? readdirSync(directory).filter((name) => name.endsWith('.json')) : [];
      for (let tries = 0; tries < 100 && written().length === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(readdirSync(directory)).toEqual([expect.stringMatching(/^checkpoint-.*-000000000007\.json$/)]);
    } finally {
      jest.useRealTimers();
    }
  });
});
