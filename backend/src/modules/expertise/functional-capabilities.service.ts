import { Injectable } from '@nestjs/common';
import { type FunctionalCapabilityView } from '@werkpad/shared';

import { type AuditGround } from '../../audit/audit-event';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { Trajectory } from '../trajectories/trajectory.entity';
import { type CreateFunctionalCapabilityDto } from './dto/functional-capability.dto';
import { FunctionalCapability } from './functional-capability.entity';
import { fieldError } from '../../common/field-error';

const GROUND: AuditGround = {
  kind: 'role_policy',
  reference: 'expertise.policy: functionele mogelijkheden (health_functional)',
};

interface CapabilityRow {
  id: string;
  client_id: string;
  trajectory_id: string | null;
  can_do: string;
  cannot_do: string;
  hours_per_week: string | null;
  adjustments: string | null;
  assessed_on: string;
  valid_until: string | null;
  source: FunctionalCapabilityView['source'];
  recorded_by_name: string;
  recorded_at: Date;
}

const VIEW_SELECT = `
  SELECT f.id, f.client_id, f.trajectory_id, f.can_do, f.cannot_do, f.hours_per_week, f.adjustments,
         f.assessed_on::text AS assessed_on, f.valid_until::text AS valid_until, f.source,
         u.display_name AS recorded_by_name, f.recorded_at
    FROM functional_capability f
    JOIN app_user u ON u.id = f.recorded_by`;

function toView(row: CapabilityRow): FunctionalCapabilityView {
  return {
    id: row.id,
    clientId: row.client_id,
    trajectoryId: row.trajectory_id,
    canDo: row.can_do,
    cannotDo: row.cannot_do,
    hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
    adjustments: row.adjustments,
    assessedOn: row.assessed_on,
    validUntil: row.valid_until,
    source: row.source,
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/**
 * Functional capabilities (R-MED-05): an insert-only history of what the client can and cannot do
 * in relation to work, category health_functional. Read by who reads that category of the client
 * (coach of the caseload, the assigned expertise user); added by them through this route only.
 */
@Injectable()
export class FunctionalCapabilitiesService {
  constructor(private readonly access: ClientAccess) {}

  /** Newest assessment first. */
  async list(ability: AppAbility, clientId: string): Promise<FunctionalCapabilityView[]> {
    const access = await this.access.find(ability, clientId);
    this.access.requireCategory(access, 'health_functional', 'read');
    const rows = (await this.access
      .manager()
      .query(
        `${VIEW_SELECT} WHERE f.client_id = $1 ORDER BY f.assessed_on DESC, f.recorded_at DESC, f.id DESC`,
        [clientId],
      )) as CapabilityRow[];
    RequestContext.addAuditDetails({ categories: ['health_functional'], ground: GROUND });
    return rows.map(toView);
  }

  async create(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    dto: CreateFunctionalCapabilityDto,
  ): Promise<FunctionalCapabilityView> {
    const access = await this.access.find(ability, clientId);
    // Readable is enough: the assigned expertise user has no `update` on the file itself, and this
    // route (create FunctionalCapability) is the only way it adds health_functional data.
    this.access.requireCategory(access, 'health_functional', 'read');
    if (dto.validUntil && dto.validUntil < dto.assessedOn)
      throw fieldError('validUntil', 'validUntil mag niet voor assessedOn liggen');
    const manager = this.access.manager();
    if (dto.trajectoryId) {
      const exists = await manager.getRepository(Trajectory).existsBy({ id: dto.trajectoryId, clientId });
      if (!exists) throw fieldError('trajectoryId', 'trajectoryId moet een traject van deze cliënt zijn');
    }
    const inserted = await manager.getRepository(FunctionalCapability).insert({
      clientId,
      trajectoryId: dto.trajectoryId ?? null,
      canDo: dto.canDo,
      cannotDo: dto.cannotDo,
      hoursPerWeek: dto.hoursPerWeek ?? null,
      adjustments: dto.adjustments || null,
      assessedOn: dto.assessedOn,
      validUntil: dto.validUntil ?? null,
      source: dto.source,
      recordedBy: actor.id,
    });
    const id = (inserted.identifiers[0] as { id: string }).id;
    RequestContext.addAuditDetails({
      objectId: id,
      categories: ['health_functional'],
      ground: dto.trajectoryId ? { kind: 'trajectory', reference: dto.trajectoryId } : GROUND,
    });
    const rows = (await manager.query(`${VIEW_SELECT} WHERE f.id = $1`, [id])) as CapabilityRow[];
    return toView(rows[0]);
  }
}
