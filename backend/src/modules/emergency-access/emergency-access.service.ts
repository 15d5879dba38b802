import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EMERGENCY_ACCESS_MINUTES, type EmergencyAccessGrant, type EmergencyReason } from '@werkpad/shared';

import { type AuditGround } from '../../audit/audit-event';
import { asSubject, buildAbility } from '../../authz/ability.factory';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { applyAbilityScope } from '../../authz/sql-scope';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { type EmergencyAccessRequestDto } from './dto/emergency-access.dto';
import { EmergencyAccessRecord } from './emergency-access.entity';

interface GrantRow {
  id: string;
  user_id: string;
  client_id: string;
  reason: EmergencyReason;
  explanation: string;
  started_at: Date;
  expires_at: Date;
  ended_at: Date | null;
}

function toGrant(row: GrantRow): EmergencyAccessGrant {
  return {
    id: row.id,
    clientId: row.client_id,
    userId: row.user_id,
    reason: row.reason,
    explanation: row.explanation,
    startedAt: row.started_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    endedAt: row.ended_at ? row.ended_at.toISOString() : null,
  };
}

function emergencyGround(grantId: string): AuditGround {
  return { kind: 'emergency', reference: grantId };
}

/**
 * Break-the-glass (issue 6, item 4). A grant opens one client outside the user's scope, read only
 * and never medical, for EMERGENCY_ACCESS_MINUTES; AccessGuard loads the active grants into the
 * ability on every request, so ending or expiry takes effect on the next one. The client is found
 * by exact BSN only, so no list of other clients is ever shown. The explanation stays in
 * emergency_access for the FG; the audit row names the grant, the client and the reason.
 */
@Injectable()
export class EmergencyAccessService {
  constructor(
    private readonly access: ClientAccess,
    private readonly crypto: FieldCrypto,
  ) {}

  async create(user: AuthenticatedUser, dto: EmergencyAccessRequestDto): Promise<EmergencyAccessGrant> {
    const manager = this.access.manager();
    const client = await this.access
      .clientQuery()
      .where('client.bsnBlindIndex = :blindIndex', { blindIndex: this.crypto.blindIndex(dto.bsn) })
      .getOne();
    if (!client) throw new NotFoundException('Geen cliënt gevonden met dit BSN.');
    RequestContext.addAuditDetails({ subjectClientIds: [client.id], categories: [] });

    // The role policies alone, without the grants the request's ability may already hold.
    const ordinary = buildAbility(user);
    if (ordinary.can('read', asSubject('Client', { ...client })))
      throw new ConflictException('Deze cliënt valt al binnen uw toegang; noodtoegang is niet nodig.');
    const active: GrantRow[] = await manager.query(
      `SELECT * FROM emergency_access
        WHERE user_id = $1 AND client_id = $2 AND expires_at > now() AND ended_at IS NULL`,
      [user.id, client.id],
    );
    if (active.length > 0)
      throw new ConflictException('U heeft al noodtoegang tot deze cliënt; beëindig die eerst.');

    const [row]: GrantRow[] = await manager.query(
      `INSERT INTO emergency_access (user_id, client_id, reason, explanation, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))
       RETURNING *`,
      [user.id, client.id, dto.reason, dto.explanation, EMERGENCY_ACCESS_MINUTES],
    );
    RequestContext.addAuditDetails({
      objectId: row.id,
      ground: emergencyGround(row.id),
      // The reason code only: the explanation is free text and stays in emergency_access (R-AUD-04).
      details: { reden: dto.reason, minuten: String(EMERGENCY_ACCESS_MINUTES) },
    });
    return toGrant(row);
  }

  /** The caller's active grants (the policy scopes to the own ones), newest first. */
  async mine(ability: AppAbility): Promise<EmergencyAccessGrant[]> {
    const rows = await this.scoped(ability, 'read')
      .andWhere('emergency.expiresAt > now()')
      .andWhere('emergency.endedAt IS NULL')
      .orderBy('emergency.startedAt', 'DESC')
      .getMany();
    RequestContext.addAuditDetails({
      subjectClientIds: rows.map((grant) => grant.clientId),
      categories: [],
      ground: { kind: 'role_policy', reference: 'emergency-access.policy: eigen noodtoegang' },
    });
    return rows.map((grant) =>
      toGrant({
        id: grant.id,
        user_id: grant.userId,
        client_id: grant.clientId,
        reason: grant.reason,
        explanation: grant.explanation,
        started_at: grant.startedAt,
        expires_at: grant.expiresAt,
        ended_at: grant.endedAt,
      }),
    );
  }

  /** Ends an own active grant now; someone else's is 404, an ended or expired one 409. */
  async end(ability: AppAbility, id: string): Promise<EmergencyAccessGrant> {
    RequestContext.addAuditDetails({ objectId: id, categories: [], ground: emergencyGround(id) });
    const grant = await this.scoped(ability, 'update').andWhere('emergency.id = :id', { id }).getOne();
    if (!grant) throw new NotFoundException('Noodtoegang niet gevonden.');
    RequestContext.addAuditDetails({ subjectClientIds: [grant.clientId] });
    const [rows]: [GrantRow[], number] = await this.access.manager().query(
      `UPDATE emergency_access SET ended_at = now()
        WHERE id = $1 AND ended_at IS NULL AND expires_at > now()
        RETURNING *`,
      [id],
    );
    if (!rows[0]) throw new ConflictException('Deze noodtoegang is al beëindigd of verlopen.');
    return toGrant(rows[0]);
  }

  private scoped(ability: AppAbility, action: 'read' | 'update') {
    return applyAbilityScope(
      this.access.manager().getRepository(EmergencyAccessRecord).createQueryBuilder('emergency'),
      ability,
      action,
      'EmergencyAccess',
    );
  }
}
