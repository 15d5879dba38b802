import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { type ClientView, type DataCategory, type StaffMember, type StaffRole } from '@werkpad/shared';

import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from './client-access.service';
import { type Client } from './client.entity';
import { ClientFileService } from './client-file.service';
import { policyGround } from './client-view';
import { type ClientAssignmentDto } from './dto/client-assignment.dto';
import { type FieldChange } from './field-change.recorder';

/**
 * The category under which a caseload assignment is recorded in the field history. The assigned
 * coach and income consultant are who guides the client's route and follows the work progress
 * (R-SHARE-03), so the change belongs with `progress`: coaches, the income consultant and
 * management see it in the history; admin, who made it, sees it in the audit log, not in the file
 * (admin has no file content). `identity` would put staff data under the client's identity, and
 * `account` is about staff accounts, which no role reads on a client.
 */
export const ASSIGNMENT_CATEGORY: DataCategory = 'progress';

type AssignedField = 'coachId' | 'incomeConsultantId';

const TARGETS: ReadonlyArray<{ field: AssignedField; role: StaffRole; label: string }> = [
  { field: 'coachId', role: 'coach', label: 'trajectbegeleider' },
  { field: 'incomeConsultantId', role: 'income_consultant', label: 'inkomensconsulent' },
];

/** A 400 in the same shape as the validation pipe's, for checks that need the database. */
function badInput(field: string, message: string): BadRequestException {
  return new BadRequestException({
    message: `Ongeldige invoer: ${message}`,
    errors: [{ field, messages: [message] }],
  });
}

/** Caseload assignment by functioneel beheer (admin), and the staff lists it chooses from. */
@Injectable()
export class ClientAssignmentService {
  constructor(
    private readonly access: ClientAccess,
    private readonly files: ClientFileService,
  ) {}

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

    const set: Partial<Pick<Client, AssignedField>> = {};
    const changes: FieldChange[] = [];
    for (const { field, role, label } of TARGETS) {
      const next = dto[field];
      if (next === undefined) continue;
      const nextName = next === null ? null : await this.staffName(next, role);
      if (next !== null && nextName === null) throw badInput(field, `${field} is geen actieve ${label}`);
      const current = access.client[field];
      if (next === current) continue;
      set[field] = next;
      const currentName = current === null ? null : await this.files.displayName(current);
      changes.push({ field, category: ASSIGNMENT_CATEGORY, oldValue: currentName, newValue: nextName });
    }

    await this.files.write(user, id, set, changes);
    RequestContext.addAuditDetails({
      objectId: id,
      categories: changes.length > 0 ? [ASSIGNMENT_CATEGORY] : [],
      ground: policyGround(),
    });
    return this.files.reloadView(ability, id);
  }

  /** Active users with the role, for assignment and filter dropdowns: names only. */
  async staff(role: StaffRole): Promise<StaffMember[]> {
    return (await this.access.manager().query(
      `SELECT id, display_name AS "displayName" FROM app_user
        WHERE active AND $1 = ANY(roles) ORDER BY display_name, id`,
      [role],
    )) as StaffMember[];
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
