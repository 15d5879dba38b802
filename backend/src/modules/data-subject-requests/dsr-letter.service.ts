import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DSR_TYPE_LABELS } from '@werkpad/shared';

import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { renderExtensionLetter, renderOutcomeLetter, type LetterAddressee } from './dsr-letters';
import { type DsrRequest, livingClientId } from './dsr-request.entity';
import { DSR_GROUND, DsrService } from './dsr.service';

/**
 * The letters to the client about a request (R-DSR-03 extension notice, R-DSR-05 outcome), made on
 * demand from the register and the client's current address; each download is audited as a read
 * of the client's identity and contact data.
 */
@Injectable()
export class DsrLetterService {
  constructor(
    private readonly requests: DsrService,
    private readonly access: ClientAccess,
  ) {}

  async extensionLetter(requestId: string): Promise<{ request: DsrRequest; pdf: Buffer }> {
    const request = await this.requests.find(requestId);
    if (!request.extendedDueOn || !request.extensionReason || !request.extendedOn)
      throw new ConflictException('Dit verzoek is niet verlengd; er is geen brief over uitstel.');
    const pdf = await renderExtensionLetter({
      ...(await this.letterBase(request, request.extendedOn)),
      dueOn: request.dueOn,
      extendedDueOn: request.extendedDueOn,
      reason: request.extensionReason,
    });
    return { request, pdf };
  }

  async outcomeLetter(requestId: string): Promise<{ request: DsrRequest; pdf: Buffer }> {
    const request = await this.requests.find(requestId);
    if (!request.outcome || !request.completedOn)
      throw new ConflictException('Op dit verzoek is nog niet beslist; er is nog geen brief.');
    const pdf = await renderOutcomeLetter({
      ...(await this.letterBase(request, request.completedOn)),
      outcome: request.outcome,
      ground: request.outcomeGround,
    });
    return { request, pdf };
  }

  private async letterBase(request: DsrRequest, writtenOn: string) {
    const [client] = await this.access.manager().query<
      Array<{
        first_name: string;
        last_name: string;
        street: string;
        house_number: string;
        postcode: string;
        city: string;
      }>
    >(`SELECT first_name, last_name, street, house_number, postcode, city FROM client WHERE id = $1`, [livingClientId(request)]);
    if (!client) throw new NotFoundException('Cliënt niet gevonden.');
    const addressee: LetterAddressee = {
      name: `${client.first_name} ${client.last_name}`,
      street: client.street,
      houseNumber: client.house_number,
      postcode: client.postcode,
      city: client.city,
    };
    RequestContext.addAuditDetails({
      objectId: request.id,
      subjectClientIds: [livingClientId(request)],
      categories: ['identity', 'contact'],
      ground: DSR_GROUND,
      details: { kenmerk: request.reference, soort: DSR_TYPE_LABELS[request.type] },
    });
    return {
      reference: request.reference,
      type: request.type,
      receivedOn: request.receivedOn,
      writtenOn,
      addressee,
    };
  }
}
