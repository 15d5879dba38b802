import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type DestructionItemStatus,
  type DestructionItemView,
  type DestructionListStatus,
  type DestructionListView,
  type Page,
} from '@werkpad/shared';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../../audit/audit.service';
import { type PageQueryDto, toPage } from '../../common/dto/page-query.dto';
import { RequestContext } from '../../common/request-context';
import { type DueScheduleRow, planItem } from './destruction-items';
import { type ItemRow, type ListRow, SELECT_LIST, toItemView, toListView } from './destruction-views';

/** Advisory-lock key of list preparation: two instances never prepare at the same moment. */
export const PREPARE_LOCK_KEY = 7_513_2027;
/** Clients read per page while a list is prepared (memory stays flat whatever the number due). */
const PREPARE_PAGE_SIZE = 1000;

/** An erasure request's list: only this client's items that may go now (issue 9, ADR 0011). */
export interface ErasureScope {
  readonly requestId: string;
  readonly clientId: string;
}

const OPEN_STATUSES = `('prepared','reviewed','approved','running')`;

/**
 * R-RET-04: the destruction list. Prepared (daily job or on demand) from the schedule, reviewed by
 * the records manager (who may exclude items with a reason), approved by a second person (the FG),
 * then executed by DestructionRunner. Items hold no personal data; the records manager sees the
 * client's name while the client exists, the FG never.
 */
@Injectable()
export class DestructionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private manager(): EntityManager {
    return RequestContext.current()?.manager ?? this.dataSource.manager;
  }

  /** For reads outside the request's transaction (the certificate). */
  readManager(): EntityManager {
    return this.manager();
  }

  /**
   * Prepares the list of what is due on `asOf`, under a transaction-scoped advisory lock, in pages
   * of clients; 409 when a periodic list is still open or another instance is preparing one right
   * now. With `erasure`, the list of an erasure request: only that client's items due now; 409
   * when the client is already on an open list or nothing of theirs may go yet.
   */
  async prepare(
    asOf: string,
    actorId: string | null,
    manager: EntityManager = this.manager(),
    erasure?: ErasureScope,
  ): Promise<DestructionListView> {
    const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [PREPARE_LOCK_KEY],
    );
    if (!locked) throw new ConflictException('Er wordt op dit moment al een vernietigingslijst voorbereid.');
    // A client is never on two open lists: the periodic list leaves out clients of an open
    // erasure list, and an erasure list is refused while the client is on any open list.
    const onOpenLists = await manager.query<Array<{ client_id: string; reference: string }>>(
      `SELECT i.client_id, l.reference FROM destruction_item i JOIN destruction_list l ON l.id = i.list_id
        WHERE l.status IN ${OPEN_STATUSES} AND i.status IN ('due','held') AND i.client_id IS NOT NULL
          AND ($1::uuid IS NULL OR i.client_id = $1) AND ($1::uuid IS NOT NULL OR l.dsr_request_id IS NOT NULL)`,
      [erasure?.clientId ?? null],
    );
    if (erasure && onOpenLists[0]) {
      throw new ConflictException(
        `Het dossier staat al op vernietigingslijst ${onOpenLists[0].reference} en wordt daar vernietigd. ` +
          'Sluit het daar uit (met dit verzoek als reden) om het via dit verzoek te wissen.',
      );
    }
    if (!erasure) {
      const open = await manager.query<Array<{ reference: string }>>(
        `SELECT reference FROM destruction_list WHERE status IN ${OPEN_STATUSES} AND dsr_request_id IS NULL`,
      );
      if (open[0]) {
        throw new ConflictException(
          `Vernietigingslijst ${open[0].reference} is nog in behandeling; rond die eerst af.`,
        );
      }
    }
    const year = asOf.slice(0, 4);
    const [{ id }] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO destruction_list (reference, as_of, prepared_by, dsr_request_id)
       SELECT 'VV-' || $1 || '-' || lpad((count(*) + 1)::text, 4, '0'), $2::date, $3, $4
         FROM destruction_list WHERE reference LIKE 'VV-' || $1 || '-%'
       RETURNING id`,
      [year, asOf, actorId, erasure?.requestId ?? null],
    );
    if (erasure) {
      await this.addItems(manager, id, [erasure.clientId], asOf);
      const [{ due }] = await manager.query<Array<{ due: number }>>(
        `SELECT count(*)::int AS due FROM destruction_item WHERE list_id = $1 AND status = 'due'`,
        [id],
      );
      if (due === 0) {
        throw new ConflictException(
          'Van deze cliënt mag nu niets worden gewist: alles valt nog onder een bewaarplicht of blokkade (R-RET-06).',
        );
      }
    } else {
      await this.addDueClients(manager, id, asOf, new Set(onOpenLists.map((row) => row.client_id)));
    }
    RequestContext.addAuditDetails({ objectId: id });
    return this.getList(id, manager);
  }

  /** Every client with something due on `asOf`, page by page, except those on an erasure list. */
  private async addDueClients(
    manager: EntityManager,
    listId: string,
    asOf: string,
    onErasureLists: ReadonlySet<string>,
  ): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const clients = await manager.query<Array<{ client_id: string }>>(
        `SELECT DISTINCT client_id FROM retention_schedule
          WHERE due_on <= $1::date AND client_id > $2 ORDER BY client_id LIMIT $3`,
        [asOf, after, PREPARE_PAGE_SIZE],
      );
      if (clients.length === 0) break;
      const ids = clients.map((row) => row.client_id).filter((clientId) => !onErasureLists.has(clientId));
      if (ids.length > 0) await this.addItems(manager, listId, ids, asOf);
      after = clients[clients.length - 1].client_id;
    }
  }

  private async addItems(
    manager: EntityManager,
    listId: string,
    clientIds: string[],
    asOf: string,
  ): Promise<void> {
    const rows = await manager.query<Array<DueScheduleRow & { client_id: string }>>(
      `SELECT client_id, trajectory_id, trajectory_type, part, start_date::text AS start_date,
              closed_on::text AS closed_on, due_on::text AS due_on, policy_id, policy_version, years
         FROM retention_schedule WHERE client_id = ANY ($1::uuid[]) ORDER BY client_id, start_date, trajectory_id, part`,
      [clientIds],
    );
    const holds = await manager.query<Array<{ client_id: string; trajectory_id: string | null }>>(
      `SELECT client_id, trajectory_id FROM legal_hold
        WHERE client_id = ANY ($1::uuid[]) AND lifted_at IS NULL AND (until IS NULL OR until >= $2::date)`,
      [clientIds, asOf],
    );
    const items: Array<Record<string, unknown>> = [];
    for (const clientId of clientIds) {
      const held = holds.filter((hold) => hold.client_id === clientId);
      const planned = planItem(
        rows.filter((row) => row.client_id === clientId),
        new Set(held.map((hold) => hold.trajectory_id).filter((value): value is string => value !== null)),
        held.some((hold) => hold.trajectory_id === null),
        asOf,
      );
      if (!planned) continue;
      items.push({
        client_id: clientId,
        dossier_ref: this.audit.refFor(clientId),
        scope: planned.scope,
        status: planned.status,
        trajectory_ids: planned.trajectoryIds,
        parts: planned.parts,
      });
    }
    if (items.length === 0) return;
    await manager.query(
      `INSERT INTO destruction_item (list_id, client_id, dossier_ref, scope, status, trajectory_ids, parts)
       SELECT $1, i.client_id, i.dossier_ref, i.scope, i.status,
              ARRAY(SELECT jsonb_array_elements_text(i.trajectory_ids))::uuid[], i.parts
         FROM jsonb_to_recordset($2::jsonb) AS i(client_id uuid, dossier_ref text, scope text, status text,
                                                 trajectory_ids jsonb, parts jsonb)`,
      [listId, JSON.stringify(items)],
    );
  }

  async lists(query: PageQueryDto): Promise<Page<DestructionListView>> {
    const rows = await this.manager().query<ListRow[]>(
      `${SELECT_LIST} ORDER BY l.prepared_at DESC LIMIT $1 OFFSET $2`,
      [query.pageSize, (query.page - 1) * query.pageSize],
    );
    const [{ total }] = await this.manager().query<Array<{ total: number }>>(
      'SELECT count(*)::int AS total FROM destruction_list',
    );
    return toPage(rows.map(toListView), total, query);
  }

  async getList(id: string, manager: EntityManager = this.manager()): Promise<DestructionListView> {
    const rows = await manager.query<ListRow[]>(`${SELECT_LIST} WHERE l.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundException('Vernietigingslijst niet gevonden.');
    return toListView(rows[0]);
  }

  /** The items; the records manager (`withNames`) sees the client's name while the client exists. */
  async items(
    listId: string,
    query: PageQueryDto & { status?: DestructionItemStatus },
    withNames: boolean,
  ): Promise<Page<DestructionItemView>> {
    await this.getList(listId);
    const rows = await this.manager().query<Array<ItemRow & { total: number }>>(
      `SELECT i.id, i.client_id, c.first_name, c.last_name, i.dossier_ref, i.scope, i.parts, i.status,
              i.excluded_reason, i.destroyed_at, i.counts, count(*) OVER ()::int AS total
         FROM destruction_item i LEFT JOIN client c ON c.id = i.client_id
        WHERE i.list_id = $1 AND ($2::text IS NULL OR i.status = $2)
        ORDER BY i.dossier_ref LIMIT $3 OFFSET $4`,
      [listId, query.status ?? null, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const shown = rows.filter((row) => withNames && row.client_id !== null && row.last_name !== null);
    RequestContext.addAuditDetails({
      objectId: listId,
      subjectClientIds: shown.map((row) => row.client_id as string),
      categories: shown.length > 0 ? ['identity'] : [],
    });
    return toPage(
      rows.map((row) => toItemView(row, withNames)),
      rows[0]?.total ?? 0,
      query,
    );
  }

  /** Locks the list and checks its status; 409 naming the status otherwise. */
  private async lockList(
    id: string,
    allowed: readonly DestructionListStatus[],
  ): Promise<{ reviewed_by: string | null }> {
    const rows = await this.manager().query<
      Array<{ status: DestructionListStatus; reviewed_by: string | null }>
    >('SELECT status, reviewed_by FROM destruction_list WHERE id = $1 FOR UPDATE', [id]);
    if (!rows[0]) throw new NotFoundException('Vernietigingslijst niet gevonden.');
    if (!allowed.includes(rows[0].status)) {
      throw new ConflictException(`Dat kan niet bij een lijst met status "${rows[0].status}".`);
    }
    RequestContext.addAuditDetails({ objectId: id });
    return rows[0];
  }

  /** The records manager keeps an item off the list, with a reason (e.g. a case still pending). */
  async exclude(
    listId: string,
    itemId: string,
    reason: string,
    actorId: string,
  ): Promise<DestructionItemView> {
    await this.lockList(listId, ['prepared']);
    const updated = await this.manager().query<Array<{ client_id: string | null }>>(
      `UPDATE destruction_item SET status = 'excluded', excluded_reason = $3, excluded_by = $4, excluded_at = now()
        WHERE id = $2 AND list_id = $1 AND status IN ('due','held') RETURNING client_id`,
      [listId, itemId, reason, actorId],
    );
    if (!updated[0]) throw new NotFoundException('Item niet gevonden of al uitgezonderd.');
    RequestContext.addAuditDetails({
      objectId: itemId,
      subjectClientIds: updated[0].client_id ? [updated[0].client_id] : [],
    });
    const page = await this.items(listId, { page: 1, pageSize: 100, status: 'excluded' }, true);
    return page.items.find((item) => item.id === itemId) as DestructionItemView;
  }

  async review(id: string, actorId: string): Promise<DestructionListView> {
    await this.lockList(id, ['prepared']);
    await this.manager().query(
      `UPDATE destruction_list SET status = 'reviewed', reviewed_by = $2, reviewed_at = now() WHERE id = $1`,
      [id, actorId],
    );
    return this.getList(id);
  }

  /** The second person (R-RET-04): never the one who reviewed (also a CHECK in the database). */
  async approve(id: string, actorId: string): Promise<DestructionListView> {
    const list = await this.lockList(id, ['reviewed']);
    if (list.reviewed_by === actorId) {
      throw new ForbiddenException('Wie de lijst beoordeelde, mag hem niet ook goedkeuren.');
    }
    await this.manager().query(
      `UPDATE destruction_list SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`,
      [id, actorId],
    );
    return this.getList(id);
  }

  async cancel(id: string): Promise<DestructionListView> {
    await this.lockList(id, ['prepared', 'reviewed', 'approved']);
    await this.manager().query(`UPDATE destruction_list SET status = 'cancelled' WHERE id = $1`, [id]);
    return this.getList(id);
  }

  /**
   * approved → running (or a running list again, to resume it); the runner does the work. An
   * erasure list runs only once its request has an outcome: the letter needs the client's address,
   * which the destruction removes (ADR 0011).
   */
  async markRunning(id: string): Promise<void> {
    await this.lockList(id, ['approved', 'running']);
    const [pending] = await this.manager().query<Array<{ reference: string }>>(
      `SELECT d.reference FROM destruction_list l JOIN dsr_request d ON d.id = l.dsr_request_id
        WHERE l.id = $1 AND d.status = 'open'`,
      [id],
    );
    if (pending) {
      throw new ConflictException(
        `Leg eerst de uitkomst van verzoek ${pending.reference} vast en maak de brief: na de vernietiging is het adres er niet meer.`,
      );
    }
    await this.manager().query(
      `UPDATE destruction_list SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = $1`,
      [id],
    );
  }

  /** A request for an unknown status filter is a 400, not an empty page. */
  static checkStatus(status: string | undefined): DestructionItemStatus | undefined {
    if (status === undefined) return undefined;
    if (!['due', 'excluded', 'held', 'destroyed'].includes(status)) {
      throw new BadRequestException('status moet een van due, excluded, held, destroyed zijn');
    }
    return status as DestructionItemStatus;
  }
}
