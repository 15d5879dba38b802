import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import {
  CLIENT_FIELD_CATEGORIES,
  CLIENT_WRITE_CATEGORIES,
  type ClientDetail,
  type ClientSummary,
  type ClientView,
  DATA_CATEGORIES,
  type DataCategory,
  type FieldChange as FieldChangeView,
  isValidBsn,
  maskBsn,
  maskIban,
  type Page,
  type StaffMember,
  type StaffRole,
} from '@werkpad/shared';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { type AuditGround } from '../../audit/audit-event';
import { asSubject } from '../../authz/ability.factory';
import { projectByCategory, visibleCategories } from '../../authz/category-projection';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { applyAbilityScope } from '../../authz/sql-scope';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { toPage } from '../../common/dto/page-query.dto';
import { RequestContext } from '../../common/request-context';
import { type AccessibleClient, ClientAccess } from './client-access.service';
import { Client } from './client.entity';
import { type ClientAssignmentDto } from './dto/client-assignment.dto';
import { type ClientListQueryDto } from './dto/client-query.dto';
import { type CreateClientDto, type UpdateClientDto } from './dto/client-write.dto';
import { type FieldChange, FieldChangeRecorder, historyValue } from './field-change.recorder';

const UNIQUE_VIOLATION = '23505';
const BSN_UNIQUE_INDEX = 'client_bsn_blind_index_key';
const DUPLICATE_BSN = 'Er is al een cliënt met dit BSN.';

/**
 * The category under which a caseload assignment is recorded in the field history. The assigned
 * coach and income consultant are who guides the client's route and follows the work progress
 * (R-SHARE-03), so the change belongs with `progress`: coaches, the income consultant and
 * management see it in the history; admin, who made it, sees it in the audit log, not in the file
 * (admin has no file content). `identity` would put staff data under the client's identity, and
 * `account` is about staff accounts, which no role reads on a client.
 */
export const ASSIGNMENT_CATEGORY: DataCategory = 'progress';

/** The fields of a caseload row (ClientSummary); each is shown only with its category. */
const SUMMARY_CATEGORIES: ReadonlySet<DataCategory> = new Set(['identity', 'contact', 'progress']);

/** Categories that have a field in a client response; `categories` of a view names those shown. */
const FIELD_CATEGORIES: ReadonlySet<string> = new Set(Object.values(CLIENT_FIELD_CATEGORIES));

type PlainField = Exclude<keyof UpdateClientDto & keyof Client, 'bsn' | 'iban'>;

interface ListRow {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  bsnEncrypted: Buffer;
  city: string;
  coachId: string | null;
  coachName: string | null;
  incomeConsultantId: string | null;
  openTrajectoryTypes: ClientSummary['openTrajectoryTypes'];
  payrollScope: boolean;
  inIntake: boolean;
}

interface HistoryRow {
  id: string;
  entity_type: string;
  entity_id: string;
  field: string;
  category: string;
  old_value: string | null;
  new_value: string | null;
  changed_by: string;
  changed_by_name: string;
  changed_at: Date;
}

/** The sort column; ties are broken by name and id so that paging is stable. */
const SORT_COLUMNS: Readonly<Record<ClientListQueryDto['sort'], string | null>> = {
  name: null,
  dateOfBirth: '"client"."date_of_birth"',
  city: '"client"."city"',
};

function policyGround(): AuditGround {
  const roles = RequestContext.current()?.user?.roles ?? [];
  return { kind: 'role_policy', reference: `clients.policy (${roles.join(', ')})` };
}

function isUniqueViolationOn(error: unknown, constraint: string): boolean {
  const failure = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
  return (
    failure.code === UNIQUE_VIOLATION &&
    (failure.constraint ?? failure.driverError?.constraint) === constraint
  );
}

/** A 400 in the same shape as the validation pipe's, for checks that need the database. */
function badInput(field: string, message: string): BadRequestException {
  return new BadRequestException({
    message: `Ongeldige invoer: ${message}`,
    errors: [{ field, messages: [message] }],
  });
}

function categoriesOf(fields: readonly string[]): DataCategory[] {
  const found = new Set(fields.map((field) => CLIENT_WRITE_CATEGORIES[field]).filter(Boolean));
  return DATA_CATEGORIES.filter((category) => found.has(category));
}

@Injectable()
export class ClientsService {
  constructor(
    private readonly access: ClientAccess,
    private readonly crypto: FieldCrypto,
    private readonly changes: FieldChangeRecorder,
  ) {}

  /**
   * The caller's visible clients (caseload and search), scoped in SQL by the same rules as
   * `ability.can`. The count runs on the filtered ids only; names of coaches are joined and the
   * BSN decrypted for the rows of the page only, and only where identity is visible.
   */
  async list(ability: AppAbility, query: ClientListQueryDto): Promise<Page<ClientView>> {
    const filtered = this.filtered(ability, query);
    const count = await filtered.clone().select('COUNT(*)', 'total').getRawOne<{ total: string }>();
    const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
    const sortColumn = SORT_COLUMNS[query.sort];
    const builder = filtered
      .leftJoin('app_user', 'coach', '"coach"."id" = "client"."coach_id"')
      .select('"client"."id"', 'id')
      .addSelect('"client"."first_name"', 'firstName')
      .addSelect('"client"."last_name"', 'lastName')
      .addSelect(`to_char("client"."date_of_birth", 'YYYY-MM-DD')`, 'dateOfBirth')
      .addSelect('"client"."bsn_encrypted"', 'bsnEncrypted')
      .addSelect('"client"."city"', 'city')
      .addSelect('"client"."coach_id"', 'coachId')
      .addSelect('"coach"."display_name"', 'coachName')
      .addSelect('"client"."income_consultant_id"', 'incomeConsultantId')
      .addSelect('"client"."open_trajectory_types"', 'openTrajectoryTypes')
      .addSelect('"client"."payroll_scope"', 'payrollScope')
      .addSelect('"client"."in_intake"', 'inIntake');
    // Name order follows the chosen direction; as a tie-breaker after another column it is ascending.
    const nameDirection = sortColumn ? 'ASC' : direction;
    if (sortColumn) builder.orderBy(sortColumn, direction);
    builder
      .addOrderBy('"client"."last_name"', nameDirection)
      .addOrderBy('"client"."first_name"', nameDirection)
      .addOrderBy('"client"."id"', nameDirection);
    const rows = await builder
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<ListRow>();

    const shown = new Set<DataCategory>();
    const items = rows.map((row) => this.summaryView(ability, row, shown));
    RequestContext.addAuditDetails({
      subjectClientIds: items.map((item) => item.id),
      categories: DATA_CATEGORIES.filter((category) => shown.has(category)),
      ground: policyGround(),
      details: this.searchCriteria(query),
    });
    return toPage(items, Number(count?.total ?? 0), query);
  }

  /** The client's file as far as the caller may see it, category by category. */
  async get(ability: AppAbility, id: string): Promise<ClientView> {
    const access = await this.access.find(ability, id);
    const view = await this.view(access);
    RequestContext.addAuditDetails({
      objectId: id,
      categories: view.categories as DataCategory[],
      ground: policyGround(),
    });
    return view;
  }

  /** A coach registers a client into their own caseload. BSN and IBAN are stored encrypted only. */
  async create(ability: AppAbility, user: AuthenticatedUser, dto: CreateClientDto): Promise<ClientView> {
    if (!ability.can('create', asSubject('Client', { coachId: user.id })))
      throw new ForbiddenException('U mag geen cliënt aanmaken.');
    // What may be written at creation is what the creator may change of the new client afterwards.
    const writable = visibleCategories(ability, 'update', 'Client', {
      coachId: user.id,
      incomeConsultantId: null,
      payrollScope: false,
      inIntake: false,
    });
    const written = Object.keys(dto).filter((field) => dto[field as keyof CreateClientDto] != null);
    const forbidden = written.filter((field) => !writable.has(CLIENT_WRITE_CATEGORIES[field]));
    if (forbidden.length > 0)
      throw new ForbiddenException(
        `U mag deze gegevens van de cliënt niet vastleggen: ${forbidden.join(', ')}.`,
      );
    const { bsn, iban, ...fields } = dto;
    const manager = this.access.manager();
    const { encrypted, blindIndex } = this.crypto.protect(bsn);
    let id: string;
    try {
      const result = await manager.getRepository(Client).insert({
        ...fields,
        bsnEncrypted: encrypted,
        bsnBlindIndex: blindIndex,
        ibanEncrypted: iban ? this.crypto.encrypt(iban) : null,
        coachId: user.id,
        incomeConsultantId: null,
      });
      id = (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolationOn(error, BSN_UNIQUE_INDEX)) throw new ConflictException(DUPLICATE_BSN);
      throw error;
    }
    RequestContext.addAuditDetails({
      subjectClientIds: [id],
      objectId: id,
      categories: categoriesOf(written),
      ground: policyGround(),
    });
    return this.view(await this.reload(ability, id));
  }

  /**
   * Changes the fields sent, each only within a category the caller may change of this client.
   * Only real changes are written, and each is recorded old -> new (BSN and IBAN masked).
   */
  async update(
    ability: AppAbility,
    user: AuthenticatedUser,
    id: string,
    dto: UpdateClientDto,
  ): Promise<ClientView> {
    const access = await this.access.find(ability, id);
    const { client } = access;
    // In the order of the file (CLIENT_WRITE_CATEGORIES), so history and audit read the same each time.
    const sent = (Object.keys(CLIENT_WRITE_CATEGORIES) as Array<keyof UpdateClientDto>).filter(
      (field) => dto[field] !== undefined,
    );
    const forbidden = sent.filter((field) => !access.writable.has(CLIENT_WRITE_CATEGORIES[field]));
    if (forbidden.length > 0)
      throw new ForbiddenException(
        `U mag deze gegevens van de cliënt niet wijzigen: ${forbidden.join(', ')}.`,
      );

    const set: Record<string, unknown> = {};
    const changes: FieldChange[] = [];
    const change = (field: string, oldValue: string | null, newValue: string | null) =>
      changes.push({ field, category: CLIENT_WRITE_CATEGORIES[field], oldValue, newValue });
    for (const field of sent) {
      if (field === 'bsn') {
        const current = this.crypto.decrypt(client.bsnEncrypted);
        const next = dto.bsn as string;
        if (next === current) continue;
        const { encrypted, blindIndex } = this.crypto.protect(next);
        set.bsnEncrypted = encrypted;
        set.bsnBlindIndex = blindIndex;
        change('bsn', maskBsn(current), maskBsn(next));
      } else if (field === 'iban') {
        const current = client.ibanEncrypted ? this.crypto.decrypt(client.ibanEncrypted) : null;
        const next = dto.iban ?? null;
        if (next === current) continue;
        set.ibanEncrypted = next ? this.crypto.encrypt(next) : null;
        change('iban', current && maskIban(current), next && maskIban(next));
      } else {
        const plain = field as PlainField;
        const current = client[plain] ?? null;
        const next = dto[plain] ?? null;
        if (next === current) continue;
        set[plain] = next;
        change(plain, historyValue(current), historyValue(next));
      }
    }

    const manager = this.access.manager();
    if (changes.length > 0) {
      try {
        await manager
          .createQueryBuilder()
          .update(Client)
          .set({ ...(set as QueryDeepPartialEntity<Client>), updatedAt: () => 'now()' })
          .where('id = :id', { id })
          .execute();
      } catch (error) {
        if (isUniqueViolationOn(error, BSN_UNIQUE_INDEX)) throw new ConflictException(DUPLICATE_BSN);
        throw error;
      }
      await this.changes.record(
        manager,
        { clientId: id, entityType: 'Client', entityId: id, changedBy: user.id },
        changes,
      );
    }
    RequestContext.addAuditDetails({
      objectId: id,
      categories: categoriesOf(changes.map((entry) => entry.field)),
      ground: policyGround(),
    });
    return this.view(await this.reload(ability, id));
  }

  /** Who changed what when, newest first; only changes in categories the caller may read (in SQL). */
  async history(ability: AppAbility, id: string): Promise<FieldChangeView[]> {
    const access = await this.access.find(ability, id);
    const rows = (await this.access.manager().query(
      `SELECT fc.id, fc.entity_type, fc.entity_id, fc.field, fc.category, fc.old_value, fc.new_value,
              fc.changed_by, u.display_name AS changed_by_name, fc.changed_at
         FROM field_change fc
         JOIN app_user u ON u.id = fc.changed_by
        WHERE fc.client_id = $1 AND fc.category = ANY($2::text[])
        ORDER BY fc.changed_at DESC, fc.entity_type, fc.field, fc.id`,
      [id, [...access.readable]],
    )) as HistoryRow[];
    const shown = new Set(rows.map((row) => row.category));
    RequestContext.addAuditDetails({
      objectId: id,
      categories: DATA_CATEGORIES.filter((category) => shown.has(category)),
      ground: policyGround(),
    });
    return rows.map((row) => ({
      id: row.id,
      entityType: row.entity_type,
      entityId: row.entity_id,
      field: row.field,
      category: row.category,
      oldValue: row.old_value,
      newValue: row.new_value,
      changedBy: row.changed_by,
      changedByName: row.changed_by_name,
      changedAt: row.changed_at.toISOString(),
    }));
  }

  /** The full BSN, for those whose work needs it (e.g. the benefit system is keyed by BSN). */
  async revealBsn(ability: AppAbility, id: string): Promise<{ bsn: string }> {
    const access = await this.access.find(ability, id);
    if (!this.access.can(ability, 'reveal', access.client))
      throw new ForbiddenException('U mag het volledige BSN van deze cliënt niet inzien.');
    RequestContext.addAuditDetails({
      objectId: id,
      categories: ['identity'],
      ground: policyGround(),
      details: { onthuld: 'bsn' },
    });
    return { bsn: this.crypto.decrypt(access.client.bsnEncrypted) };
  }

  /**
   * Caseload assignment by functioneel beheer: the coach and income consultant must be active
   * users holding that role. A field left out stays as it is; null removes the assignment.
   */
  async assign(
    ability: AppAbility,
    user: AuthenticatedUser,
    id: string,
    dto: ClientAssignmentDto,
  ): Promise<ClientView> {
    if (dto.coachId === undefined && dto.incomeConsultantId === undefined)
      throw badInput('coachId', 'geef coachId en/of incomeConsultantId op');
    const access = await this.access.find(ability, id);
    if (!this.access.can(ability, 'assign', access.client))
      throw new ForbiddenException('U mag de caseload van deze cliënt niet toewijzen.');

    const targets: ReadonlyArray<{
      field: 'coachId' | 'incomeConsultantId';
      role: StaffRole;
      label: string;
    }> = [
      { field: 'coachId', role: 'coach', label: 'trajectbegeleider' },
      { field: 'incomeConsultantId', role: 'income_consultant', label: 'inkomensconsulent' },
    ];
    const set: Partial<Pick<Client, 'coachId' | 'incomeConsultantId'>> = {};
    const changes: FieldChange[] = [];
    for (const { field, role, label } of targets) {
      const next = dto[field];
      if (next === undefined) continue;
      const nextName = next === null ? null : await this.staffName(next, role);
      if (next !== null && nextName === null) throw badInput(field, `${field} is geen actieve ${label}`);
      const current = access.client[field];
      if (next === current) continue;
      set[field] = next;
      const currentName = current === null ? null : await this.displayName(current);
      changes.push({ field, category: ASSIGNMENT_CATEGORY, oldValue: currentName, newValue: nextName });
    }

    const manager = this.access.manager();
    if (changes.length > 0) {
      await manager
        .createQueryBuilder()
        .update(Client)
        .set({ ...set, updatedAt: () => 'now()' })
        .where('id = :id', { id })
        .execute();
      await this.changes.record(
        manager,
        { clientId: id, entityType: 'Client', entityId: id, changedBy: user.id },
        changes,
      );
    }
    RequestContext.addAuditDetails({
      objectId: id,
      categories: changes.length > 0 ? [ASSIGNMENT_CATEGORY] : [],
      ground: policyGround(),
    });
    return this.view(await this.reload(ability, id));
  }

  /** Active users with the role, for assignment and filter dropdowns: names only. */
  async staff(role: StaffRole): Promise<StaffMember[]> {
    return (await this.access.manager().query(
      `SELECT id, display_name AS "displayName" FROM app_user
        WHERE active AND $1 = ANY(roles) ORDER BY display_name, id`,
      [role],
    )) as StaffMember[];
  }

  /** The scoped, filtered client query shared by the page and its count. */
  private filtered(ability: AppAbility, query: ClientListQueryDto) {
    // Deny by default: the caller's `read` rules become the WHERE clause (sql-scope.ts).
    const builder = applyAbilityScope(this.access.clientQuery(), ability, 'read', 'Client');
    const bsn = this.bsnIn(query.q);
    const name = query.q?.trim().replace(/\s+/g, ' ');
    if (bsn) {
      builder.andWhere('"client"."bsn_blind_index" = :blindIndex', {
        blindIndex: this.crypto.blindIndex(bsn),
      });
    } else if (name) {
      // Accent-insensitive, anywhere in "first last"; served by the trigram index on search_name.
      builder.andWhere(`"client"."search_name" LIKE '%' || werkpad_fold(:name) || '%'`, {
        name: name.replace(/[\\%_]/g, (char) => `\\${char}`),
      });
    }
    if (query.trajectoryType || query.status) {
      // Filtering on trajectories discloses progress: only for who may read that category.
      if (!ability.can('read', 'Client', 'progress'))
        throw new ForbiddenException('U mag niet op trajecten filteren.');
      const conditions = ['"trajectory_filter"."client_id" = "client"."id"'];
      if (query.trajectoryType) conditions.push('"trajectory_filter"."type" = :trajectoryType');
      if (query.status) conditions.push('"trajectory_filter"."status" = :trajectoryStatus');
      builder.andWhere(
        `EXISTS (SELECT 1 FROM trajectory "trajectory_filter" WHERE ${conditions.join(' AND ')})`,
        { trajectoryType: query.trajectoryType, trajectoryStatus: query.status },
      );
    }
    if (query.coachId) builder.andWhere('"client"."coach_id" = :coachId', { coachId: query.coachId });
    return builder;
  }

  /** A search text that is a BSN (spaces allowed): then searched exactly, by blind index. */
  private bsnIn(q: string | undefined): string | null {
    const compact = q?.replace(/\s+/g, '') ?? '';
    return isValidBsn(compact) ? compact : null;
  }

  /**
   * The search as the audit row records it: the criteria, but never a BSN or a name (R-AUD-04):
   * who was shown is in the row's subject client ids, which is what the FG needs.
   */
  private searchCriteria(query: ClientListQueryDto): Record<string, string> {
    const criteria: Record<string, string> = {
      sort: query.sort,
      direction: query.direction,
      page: String(query.page),
      pageSize: String(query.pageSize),
    };
    if (query.trajectoryType) criteria.trajectoryType = query.trajectoryType;
    if (query.status) criteria.status = query.status;
    if (query.coachId) criteria.coachId = query.coachId;
    const text = query.q?.trim();
    if (text) {
      // A number that looks like a BSN (valid or mistyped) is never written down.
      if (this.bsnIn(text)) criteria.zoekterm = '[BSN]';
      else if (/^[\d\s-]+$/.test(text)) criteria.zoekterm = '[cijfers]';
      else criteria.zoekterm = '[naam]';
    }
    return criteria;
  }

  /** One caseload row, shaped by the categories the caller may see of that client. */
  private summaryView(ability: AppAbility, row: ListRow, shown: Set<DataCategory>): ClientView {
    const visible = visibleCategories(ability, 'read', 'Client', {
      coachId: row.coachId,
      incomeConsultantId: row.incomeConsultantId,
      payrollScope: row.payrollScope,
      inIntake: row.inIntake,
    });
    const summary: ClientSummary = {
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      dateOfBirth: row.dateOfBirth,
      bsnMasked: visible.has('identity') ? maskBsn(this.crypto.decrypt(row.bsnEncrypted)) : '',
      city: row.city,
      coachId: row.coachId,
      coachName: row.coachName,
      incomeConsultantId: row.incomeConsultantId,
      openTrajectoryTypes: row.openTrajectoryTypes,
    };
    const categories = DATA_CATEGORIES.filter(
      (category) => SUMMARY_CATEGORIES.has(category) && visible.has(category),
    );
    categories.forEach((category) => shown.add(category));
    return {
      ...projectByCategory(summary, CLIENT_FIELD_CATEGORIES, visible),
      id: row.id,
      coachId: row.coachId,
      incomeConsultantId: row.incomeConsultantId,
      categories,
    };
  }

  /**
   * The whole file projected on the readable categories. The BSN is decrypted only when identity
   * is shown, the IBAN only when payroll is; both leave the server masked.
   */
  private async view(access: AccessibleClient): Promise<ClientView> {
    const { client, readable } = access;
    const detail: ClientDetail = {
      id: client.id,
      firstName: client.firstName,
      lastName: client.lastName,
      dateOfBirth: client.dateOfBirth,
      bsnMasked: readable.has('identity') ? maskBsn(this.crypto.decrypt(client.bsnEncrypted)) : '',
      nationality: client.nationality,
      city: client.city,
      street: client.street,
      houseNumber: client.houseNumber,
      postcode: client.postcode,
      phone: client.phone,
      email: client.email,
      coachId: client.coachId,
      coachName: client.coachId ? await this.displayName(client.coachId) : null,
      incomeConsultantId: client.incomeConsultantId,
      openTrajectoryTypes: client.openTrajectoryTypes,
      dutchLanguageLevel: client.dutchLanguageLevel,
      inburgeringStatus: client.inburgeringStatus,
      drivingLicence: client.drivingLicence,
      transport: client.transport,
      availabilityHoursPerWeek: client.availabilityHoursPerWeek,
      availabilityNotes: client.availabilityNotes,
      cvLink: client.cvLink,
      educationLevel: client.educationLevel,
      hasDebts: client.hasDebts,
      debtNotes: client.debtNotes,
      lifeDomainsNotes: client.lifeDomainsNotes,
      functionalLimitations: client.functionalLimitations,
      ibanMasked:
        readable.has('payroll') && client.ibanEncrypted
          ? maskIban(this.crypto.decrypt(client.ibanEncrypted))
          : null,
      createdAt: client.createdAt.toISOString(),
      updatedAt: client.updatedAt.toISOString(),
    };
    return {
      ...projectByCategory(detail, CLIENT_FIELD_CATEGORIES, readable),
      id: client.id,
      coachId: client.coachId,
      incomeConsultantId: client.incomeConsultantId,
      categories: DATA_CATEGORIES.filter(
        (category) => readable.has(category) && FIELD_CATEGORIES.has(category),
      ),
    };
  }

  /**
   * The client again after a change in this request, with what the caller may now see of it. Its
   * id is in the audit row already (ClientAccess.find or create), so it is not added twice.
   */
  private async reload(ability: AppAbility, id: string): Promise<AccessibleClient> {
    const client = await this.access.manager().getRepository(Client).findOneByOrFail({ id });
    return {
      client,
      readable: visibleCategories(ability, 'read', 'Client', client),
      writable: visibleCategories(ability, 'update', 'Client', client),
    };
  }

  private async displayName(userId: string): Promise<string | null> {
    const rows = (await this.access
      .manager()
      .query('SELECT display_name FROM app_user WHERE id = $1', [userId])) as Array<{ display_name: string }>;
    return rows[0]?.display_name ?? null;
  }

  /** The name of an active user holding the role, or null. */
  private async staffName(userId: string, role: StaffRole): Promise<string | null> {
    const rows = (await this.access
      .manager()
      .query('SELECT display_name FROM app_user WHERE id = $1 AND active AND $2 = ANY(roles)', [
        userId,
        role,
      ])) as Array<{ display_name: string }>;
    return rows[0]?.display_name ?? null;
  }
}
