import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../../audit/audit.service';
import { MedicalDestructionPort } from '../../common/medical-destruction.port';
import { AppConfig } from '../../config/app-config';
import { todayIso } from '../trajectories/dto/calendar-date';
import { storeCertificate } from './destruction-certificate';
import { DestructionService } from './destruction.service';

/**
 * Dossiers per transaction (ADR 0008): each dossier is wholly inside one transaction, and one
 * transaction holds a batch of them, so that 100,000 dossiers take about a minute, not four.
 */
const BATCH_SIZE = 250;
/** Batches destroyed at the same time; the run never holds more than WORKERS × BATCH_SIZE items. */
const WORKERS = 2;

interface DueItem {
  id: string;
  has_medical: boolean;
}

interface DestroyedItem {
  item_id: string;
  scope: 'client' | 'trajectories';
  client_id: string | null;
  dossier_ref: string;
  held: boolean;
}

interface Actor {
  id: string;
  username: string;
  roles: string[];
}

/**
 * Executes an approved destruction list (R-RET-04/05) in batches of whole dossiers: the medical
 * records of the batch first on the medical module's connection, then one transaction on the main
 * connection with destroy_dossiers (migration 1150), which re-checks approval and holds, destroys
 * the rest and pseudonymises the access log, together with one audit event per dossier. A batch
 * that fails is retried dossier by dossier, so one bad dossier stops only itself. Idempotent and
 * resumable: only items still `due` are taken, and a session advisory lock per list makes sure that
 * only one process runs a list. A list left `running` (a crash, kill -9) is resumed at boot.
 */
@Injectable()
export class DestructionRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DestructionRunner.name);
  private readonly runs = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly medical: MedicalDestructionPort,
    private readonly destruction: DestructionService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.retentionJobIntervalMinutes;
    if (minutes > 0) {
      this.timer = setInterval(() => void this.prepareDaily(), minutes * 60_000);
      this.timer.unref();
      void this.prepareDaily();
    }
    void this.resumeRunning();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.runs.values()]);
  }

  /** The daily job: a list of what is due today, unless one is still open (then nothing). */
  async prepareDaily(): Promise<void> {
    try {
      const due = await this.dataSource.query<unknown[]>(
        'SELECT 1 FROM retention_schedule WHERE due_on <= $1::date LIMIT 1',
        [todayIso()],
      );
      if (due.length === 0) return;
      await this.dataSource.transaction((manager) => this.destruction.prepare(todayIso(), null, manager));
    } catch (error) {
      // Another instance preparing, or a list still open: the next run tries again.
      this.logger.log(`Vernietigingslijst niet voorbereid: ${(error as Error).message}`);
    }
  }

  private async resumeRunning(): Promise<void> {
    const lists = await this.dataSource
      .query<Array<{ id: string; approved_by: string }>>(
        `SELECT id, approved_by FROM destruction_list WHERE status = 'running'`,
      )
      .catch(() => []);
    for (const list of lists) void this.start(list.id, list.approved_by);
  }

  /** Starts (or joins) the run of a list; resolves when it has finished in this process. */
  start(listId: string, actorId: string): Promise<void> {
    const existing = this.runs.get(listId);
    if (existing) return existing;
    const run = this.run(listId, actorId)
      .catch((error: unknown) =>
        this.logger.error(`Vernietiging ${listId} afgebroken: ${(error as Error).message}`),
      )
      .finally(() => this.runs.delete(listId));
    this.runs.set(listId, run);
    return run;
  }

  private async run(listId: string, actorId: string): Promise<void> {
    const lockRunner = this.dataSource.createQueryRunner();
    await lockRunner.connect();
    try {
      const [{ locked }] = await lockRunner.query(
        `SELECT pg_try_advisory_lock(hashtext('destruction:' || $1)) AS locked`,
        [listId],
      );
      if (!locked) return; // another process runs this list
      try {
        const actor = await this.actor(actorId);
        const failed = new Set<string>();
        const nextBatch = this.dueBatches(listId);
        // Each worker takes the next batch as soon as it is done with its own: no worker waits for
        // the slower one of a round.
        const worker = async (): Promise<void> => {
          for (let batch = await nextBatch(); batch.length > 0 && !this.stopping; batch = await nextBatch())
            await this.destroyBatchOrEach(batch, actor, failed);
        };
        await Promise.all(Array.from({ length: WORKERS }, worker));
        if (this.stopping) return;
        if (failed.size === 0) await this.complete(listId);
      } finally {
        await lockRunner.query(`SELECT pg_advisory_unlock(hashtext('destruction:' || $1))`, [listId]);
      }
    } finally {
      await lockRunner.release();
    }
  }

  /**
   * Hands out the list's due items in batches, one call at a time. A keyset walk: each batch starts
   * after the last id handed out, so a dossier that failed is not tried again in this run.
   */
  private dueBatches(listId: string): () => Promise<DueItem[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    let previous: Promise<DueItem[]> = Promise.resolve([]);
    return () => {
      previous = previous.then(async () => {
        const batch = await this.dataSource.query<DueItem[]>(
          `SELECT id, parts @> '[{"part":"medical"}]' AS has_medical FROM destruction_item
            WHERE list_id = $1 AND status = 'due' AND id > $2 ORDER BY id LIMIT $3`,
          [listId, after, BATCH_SIZE],
        );
        if (batch.length > 0) after = batch[batch.length - 1].id;
        return batch;
      });
      return previous;
    };
  }

  private async actor(actorId: string): Promise<Actor> {
    const [user] = await this.dataSource.query<Array<{ username: string; roles: string[] }>>(
      'SELECT username, roles FROM app_user WHERE id = $1',
      [actorId],
    );
    return { id: actorId, username: user?.username ?? 'onbekend', roles: user?.roles ?? [] };
  }

  /** A batch in one go; when that fails, each of its dossiers on its own (one bad dossier stops only itself). */
  private async destroyBatchOrEach(
    batch: readonly DueItem[],
    actor: Actor,
    failed: Set<string>,
  ): Promise<void> {
    try {
      await this.destroyBatch(batch, actor);
      return;
    } catch (error) {
      if (batch.length === 1) {
        failed.add(batch[0].id);
        this.logger.error(`Dossier ${batch[0].id} niet vernietigd: ${(error as Error).message}`);
        return;
      }
    }
    for (const item of batch) await this.destroyBatchOrEach([item], actor, failed);
  }

  /**
   * Whole dossiers: their medical records first (one transaction on the medical connection, only for
   * items with a medical part), then the rest in one transaction with one audit event per dossier.
   */
  async destroyBatch(batch: readonly DueItem[], actor: Actor): Promise<void> {
    const medicalItems = batch.filter((item) => item.has_medical).map((item) => item.id);
    if (medicalItems.length > 0) await this.medical.destroyRecords(medicalItems, actor.id);
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const results = await manager.query<DestroyedItem[]>(
        'SELECT item_id, scope, client_id, dossier_ref, held FROM destroy_dossiers($1::uuid[])',
        [batch.map((item) => item.id)],
      );
      // A destroyed client is no longer named (its id is gone from the log too): the reference says which.
      await this.audit.appendAll(
        results.map((result) => ({
          userId: actor.id,
          username: actor.username,
          roles: actor.roles,
          subjectClientIds: result.scope === 'client' || result.client_id === null ? [] : [result.client_id],
          objectType: 'DestructionItem',
          objectId: result.item_id,
          action: result.held ? ('update' as const) : ('delete' as const),
          result: 'allowed' as const,
          ground: { kind: 'legal_basis' as const, reference: 'Archiefwet 1995; bewaartermijn verstreken' },
          details: {
            dossier: result.dossier_ref.slice(0, 16),
            omvang: result.scope,
            ...(result.held ? { blokkade: 'ja' } : {}),
          },
        })),
        manager,
      );
    });
  }

  /** All items handled: status completed, with the certificate and its SHA-256 stored. */
  private async complete(listId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE destruction_list SET completed_at = now() WHERE id = $1 AND status = 'running' RETURNING id`,
        [listId],
      );
      if (updated.length > 0) await storeCertificate(manager, listId);
    });
  }
}
