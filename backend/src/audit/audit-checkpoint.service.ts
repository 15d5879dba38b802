import { chmod, mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type AuditCheckpointView, type AuditVerificationReport } from '@werkpad/shared';

import { AppConfig } from '../config/app-config';
import {
  CHECKPOINT_FILE_PATTERN,
  type CheckpointKey,
  checkpointFileName,
  checkpointKeyFromSeed,
  checkpointSignatureProblem,
  parseCheckpoint,
  type SignedCheckpoint,
  signCheckpoint,
} from './audit-checkpoint';
import { AuditService } from './audit.service';

/** A year of hourly checkpoints is 8760 files; the list shows the newest. */
const MAX_LISTED = 500;

interface StoredCheckpoint {
  readonly location: string;
  /** Null when the file is not a readable checkpoint at all. */
  readonly checkpoint: SignedCheckpoint | null;
}

function toView(location: string, checkpoint: SignedCheckpoint): AuditCheckpointView {
  return {
    seq: checkpoint.seq,
    rowCount: checkpoint.rowCount,
    headHash: checkpoint.headHash,
    createdAt: checkpoint.createdAt,
    keyId: checkpoint.keyId,
    signature: checkpoint.signature,
    location,
  };
}

/**
 * Writes signed checkpoints of the audit chain to a directory outside the database, periodically and
 * on demand, and verifies the chain against the newest one (R-AUD-02). The files are the external
 * anchor: copy the directory to write-once storage or another host to make it independent of this
 * server as well.
 */
@Injectable()
export class AuditCheckpointService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoint');
  private readonly key: CheckpointKey;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {
    this.key = checkpointKeyFromSeed(config.auditCheckpointKey);
  }

  onApplicationBootstrap(): void {
    const minutes = this.config.auditCheckpointIntervalMinutes;
    if (minutes <= 0) return;
    this.timer = setInterval(() => {
      this.write().catch((error: unknown) =>
        this.logger.error(`Controlepunt van het auditlog niet geschreven: ${String(error)}`),
      );
    }, minutes * 60_000);
    // The timer alone must not keep the process alive.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Signs the current head of the chain and writes it atomically (temp file, then rename). */
  async write(): Promise<AuditCheckpointView> {
    const head = await this.audit.chainHead();
    const checkpoint = signCheckpoint(
      {
        seq: head?.seq ?? '0',
        rowCount: head?.rowCount ?? 0,
        headHash: head ? head.hash.toString('hex') : '',
        createdAt: new Date().toISOString(),
        keyId: this.key.keyId,
      },
      this.key,
    );
    const directory = this.config.auditCheckpointDir;
    await mkdir(directory, { recursive: true, mode: 0o750 });
    const name = checkpointFileName(checkpoint);
    const temporary = join(directory, `.${name}.tmp`);
    const file = await open(temporary, 'wx', 0o640);
    try {
      await file.writeFile(`${JSON.stringify(checkpoint, null, 2)}\n`, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await chmod(temporary, 0o640);
    await rename(temporary, join(directory, name));
    return toView(name, checkpoint);
  }

  /** The newest readable checkpoints (at most MAX_LISTED), newest first. */
  async list(): Promise<AuditCheckpointView[]> {
    return (await this.readNewest(MAX_LISTED))
      .filter((stored): stored is { location: string; checkpoint: SignedCheckpoint } => !!stored.checkpoint)
      .map((stored) => toView(stored.location, stored.checkpoint));
  }

  /**
   * The chain check, plus the chain against the newest checkpoint: its signature, and that the row
   * it names still exists with the same hash and the same number of rows up to it. Only the latter
   * catches a log whose tail was rewritten or cut off with consistently recomputed hashes.
   */
  async verify(): Promise<AuditVerificationReport> {
    const chain = await this.audit.verifyChain();
    const newest = (await this.readNewest(1))[0];
    if (!newest) return { ...chain, checkpoint: null };
    const checkpoint = await this.compare(newest);
    return { ...chain, ok: chain.ok && checkpoint.signatureValid && checkpoint.matches, checkpoint };
  }

  private async compare(
    stored: StoredCheckpoint,
  ): Promise<NonNullable<AuditVerificationReport['checkpoint']>> {
    const { checkpoint } = stored;
    if (!checkpoint) {
      return {
        seq: '',
        createdAt: '',
        signatureValid: false,
        matches: false,
        reason: `checkpoint file ${stored.location} is not a readable checkpoint`,
      };
    }
    const base = { seq: checkpoint.seq, createdAt: checkpoint.createdAt };
    const signatureProblem = checkpointSignatureProblem(checkpoint, this.key);
    if (signatureProblem) return { ...base, signatureValid: false, matches: false, reason: signatureProblem };
    const row = await this.audit.rowAt(checkpoint.seq);
    let reason: string | null = null;
    if (checkpoint.rowCount > 0 && row.hash === null) {
      reason = `row ${checkpoint.seq} named by the checkpoint is missing`;
    } else if (row.hash !== null && row.hash.toString('hex') !== checkpoint.headHash) {
      reason = `row ${checkpoint.seq} no longer has the hash of the checkpoint`;
    } else if (row.rowsUpTo !== checkpoint.rowCount) {
      reason = `the checkpoint counted ${checkpoint.rowCount} rows up to ${checkpoint.seq}, the log now holds ${row.rowsUpTo}`;
    }
    return { ...base, signatureValid: true, matches: reason === null, reason };
  }

  /**
   * Reads the directory, newest first. A file that is named like a checkpoint but does not parse
   * still counts (as unreadable), so that a damaged newest checkpoint cannot be silently skipped.
   */
  private async readNewest(limit: number): Promise<StoredCheckpoint[]> {
    let names: string[];
    try {
      names = await readdir(this.config.auditCheckpointDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // The name states the time and then the head (checkpointFileName): descending is newest first.
    const newestFirst = names
      .filter((name) => CHECKPOINT_FILE_PATTERN.test(name))
      .sort((a, b) => b.localeCompare(a))
      .slice(0, limit);
    return Promise.all(
      newestFirst.map(async (location) => ({
        location,
        checkpoint: parseCheckpoint(await readFile(join(this.config.auditCheckpointDir, location), 'utf8')),
      })),
    );
  }
}
