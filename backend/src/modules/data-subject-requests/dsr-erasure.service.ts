import { BadRequestException, Injectable } from '@nestjs/common';
import { type DestructionListView } from '@werkpad/shared';

import { type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { DestructionService } from '../destruction/destruction.service';
import { todayIso } from '../trajectories/dto/calendar-date';
import { livingClientId } from './dsr-request.entity';
import { DsrService } from './dsr.service';

/**
 * Erasure on request (issue 9 item 5, R-RET-06, ADR 0011): what may go now is erased through the
 * reviewed destruction of issue 7, on a list of its own that belongs to the request. The records
 * manager reviews it, the FG approves it, and it runs only after the outcome is recorded (the
 * letter needs the address); the verklaring van vernietiging names the dossier by its reference.
 * What must be kept stays, and the outcome names the ground (partly granted or refused).
 */
@Injectable()
export class DsrErasureService {
  constructor(
    private readonly requests: DsrService,
    private readonly destruction: DestructionService,
  ) {}

  async prepare(actor: AuthenticatedUser, requestId: string): Promise<DestructionListView> {
    const request = await this.requests.lockOpen(requestId);
    if (request.type !== 'erasure')
      throw new BadRequestException('Een vernietigingslijst hoort bij een verzoek om verwijdering.');
    if (!request.idSeenOn)
      throw new BadRequestException('Stel eerst de identiteit van de verzoeker vast (R-DSR-02).');
    const list = await this.destruction.prepare(todayIso(), actor.id, undefined, {
      requestId,
      clientId: livingClientId(request),
    });
    RequestContext.addAuditDetails({
      objectId: requestId,
      details: { kenmerk: request.reference, vernietigingslijst: list.reference },
    });
    return list;
  }
}
