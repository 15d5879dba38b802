import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../../audit/audit.service';
import { MedicalDestructionPort } from '../../common/medical-destruction.port';
import { AppConfig } from '../../config/app-config';
import { todayIso } from '../trajectories/dto/calendar-date';
import { buildCertificate, certificateDigest } from './destruction-certificate';
import { DestructionService } from './destruction.service';

/** Items fetched per round; the run never holds more than this in memory. */
const ROUND_SIZE = 200;
/** Dossiers destroyed at the same time (each in its own transactions). */
const WORKERS = 3;

interface Actor {
  id: string;
  username: string;
  roles: string[];
}

/**
 * Executes an approved destruction list (R-RET-04/05), item by item: the medical records first on
 * the medical module's connection, then one transaction on the main connection with
 * destroy_dossier (migration 1050), which re-checks approval and holds, destroys the rest and
 * pseudonymises the access log, together with the item's audit event. Idempotent and resumable:
 * only items still `due` are taken, and a session advisory lock per list makes sure that only one
 * process runs a list. A list left `running` (a crash, kill -9) is resumed at boot.
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
        for (;;) {
          if (this.stopping) return;
          const round = await this.dataSource.query<Array<{ id: string; has_medical: boolean }>>(
            `SELECT id, parts @> '[{"part":"medical"}]' AS has_medical FROM destruction_item
              WHERE list_id = $1 AND status = 'due' AND NOT (id = ANY ($2::uuid[]))
              ORDER BY id LIMIT $3`,
            [listId, [...failed], ROUND_SIZE],
          );
          if (round.length === 0) break;
          await forEachConcurrently(round, WORKERS, async (item) => {
            try {
              await this.destroyItem(item.id, actor, item.has_medical);
            } catch (error) {
              failed.add(item.id);
              this.logger.error(`Dossier ${item.id} niet vernietigd: ${(error as Error).message}`);
            }
          });
        }
        if (failed.size === 0) await this.complete(listId);
      } finally {
        await lockRunner.query(`SELECT pg_advisory_unlock(hashtext('destruction:' || $1))`, [listId]);
      }
    } finally {
      await lockRunner.release();
    }
  }

  private async actor(actorId: string): Promise<Actor> {
    const [user] = await this.dataSource.query<Array<{ username: string; roles: string[] }>>(
      'SELECT username, roles FROM app_user WHERE id = $1',
      [actorId],
    );
    return { id: actorId, username: user?.username ?? 'onbekend', roles: user?.roles ?? [] };
  }

  /**
   * One dossier: medical records first (their own transaction on the medical connection, only when
   * the item has a medical part), then the rest in one transaction.
   */
  async destroyItem(itemId: string, actor: Actor, hasMedicalPart: boolean): Promise<void> {
    const medicalRecords = hasMedicalPart ? await this.medical.destroyRecords(itemId, actor.id) : 0;
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const [item] = await manager.query<Array<{ client_id: string; scope: string; dossier_ref: string }>>(
        'SELECT client_id, scope, dossier_ref FROM destruction_item WHERE id = $1',
        [itemId],
      );
      const [{ result }] = await manager.query<Array<{ result: { held?: boolean } }>>(
        'SELECT destroy_dossier($1, $2) AS result',
        [itemId, medicalRecords],
      );
      const held = result.held === true;
      // A destroyed client is no longer named (its id is gone from the log too): the reference says which.
      await this.audit.append(
        {
          userId: actor.id,
          username: actor.username,
          roles: actor.roles,
          subjectClientIds: item.scope === 'client' ? [] : [item.client_id],
          objectType: 'DestructionItem',
          objectId: itemId,
          action: held ? 'update' : 'delete',
          result: 'allowed',
          ground: { kind: 'legal_basis', reference: 'Archiefwet 1995; bewaartermijn verstreken' },
          details: {
            dossier: item.dossier_ref.slice(0, 16),
            omvang: item.scope,
            ...(held ? { blokkade: 'ja' } : {}),
          },
        },
        manager,
      );
    });
  }

  /** All items handled: the certificate (JSON stored with its SHA-256) and status completed. */
  private async complete(listId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE destruction_list SET completed_at = now() WHERE id = $1 AND status = 'running' RETURNING id`,
        [listId],
      );
      if (updated.length === 0) return;
      const { json, sha256 } = certificateDigest(await buildCertificate(manager, listId));
      await manager.query(
        `UPDATE destruction_list SET status = 'completed', certificate = $2::jsonb, certificate_sha256 = $3 WHERE id = $1`,
        [listId, json, sha256],
      );
    });
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  });
  await Promise.all(workers);
}
