import { ForbiddenException, Injectable } from '@nestjs/common';
import { type ClientView, DATA_CATEGORIES, isValidBsn, type Page } from '@werkpad/shared';

import { type AppAbility } from '../../authz/policy.types';
import { applyAbilityScope } from '../../authz/sql-scope';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { toPage } from '../../common/dto/page-query.dto';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from './client-access.service';
import { type ListRow, policyGround, summaryView } from './client-view';
import { type ClientListQueryDto } from './dto/client-query.dto';

/** The sort column; ties are broken by name and id so that paging is stable. */
const SORT_COLUMNS: Readonly<Record<ClientListQueryDto['sort'], string | null>> = {
  name: null,
  dateOfBirth: '"client"."date_of_birth"',
  city: '"client"."city" COLLATE werkpad_nl',
};

/** A search text that is a BSN (spaces allowed): then searched exactly, by blind index. */
function bsnIn(q: string | undefined): string | null {
  const compact = q?.replace(/\s+/g, '') ?? '';
  return isValidBsn(compact) ? compact : null;
}

/**
 * The search as the audit row records it: the criteria, but never a BSN or a name (R-AUD-04):
 * who was shown is in the row's subject client ids, which is what the FG needs.
 */
function searchCriteria(query: ClientListQueryDto): Record<string, string> {
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
    if (bsnIn(text)) criteria.zoekterm = '[BSN]';
    else if (/^[\d\s-]+$/.test(text)) criteria.zoekterm = '[cijfers]';
    else criteria.zoekterm = '[naam]';
  }
  return criteria;
}

/** Caseload and search: the caller's visible clients, filtered, sorted and paged in SQL. */
@Injectable()
export class ClientSearchService {
  constructor(
    private readonly access: ClientAccess,
    private readonly crypto: FieldCrypto,
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
      .addSelect('"client"."in_intake"', 'inIntake')
      .addSelect('"client"."expertise_user_ids"', 'expertiseUserIds');
    // Name order follows the chosen direction; as a tie-breaker after another column it is ascending.
    const nameDirection = sortColumn ? 'ASC' : direction;
    if (sortColumn) builder.orderBy(sortColumn, direction);
    // A name search orders the (few) matches by their folded name: accent-insensitive, so Çelik sorts
    // with C, and it keeps the planner from walking the whole caseload in index order looking for a
    // rare match (measured: 500 ms → see docs/benchmarks.md); the trigram index finds the matches.
    // Otherwise the Dutch collation (migration DutchNameOrder), which the caseload indexes serve.
    const [lastName, firstName] = this.isNameSearch(query)
      ? ['werkpad_fold("client"."last_name")', 'werkpad_fold("client"."first_name")']
      : ['"client"."last_name" COLLATE werkpad_nl', '"client"."first_name" COLLATE werkpad_nl'];
    builder
      .addOrderBy(lastName, nameDirection)
      .addOrderBy(firstName, nameDirection)
      .addOrderBy('"client"."id"', nameDirection);
    const rows = await builder
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<ListRow>();

    const decrypt = (stored: Buffer) => this.crypto.decrypt(stored);
    const items = rows.map((row) => summaryView(ability, row, decrypt));
    const shown = new Set<string>(items.flatMap((item) => item.categories ?? []));
    RequestContext.addAuditDetails({
      subjectClientIds: items.map((item) => item.id),
      categories: DATA_CATEGORIES.filter((category) => shown.has(category)),
      ground: policyGround(),
      details: searchCriteria(query),
    });
    return toPage(items, Number(count?.total ?? 0), query);
  }

  private isNameSearch(query: ClientListQueryDto): boolean {
    return Boolean(query.q?.trim()) && bsnIn(query.q) === null;
  }

  /** The scoped, filtered client query shared by the page and its count. */
  private filtered(ability: AppAbility, query: ClientListQueryDto) {
    // Deny by default: the caller's `read` rules become the WHERE clause (sql-scope.ts).
    const builder = applyAbilityScope(this.access.clientQuery(), ability, 'read', 'Client');
    const bsn = bsnIn(query.q);
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
}
