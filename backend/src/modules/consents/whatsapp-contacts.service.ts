import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { type DossierEntryView } from '@werkpad/shared';

import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { ClientAccess } from '../clients/client-access.service';
import { DossierEntry } from '../dossier/dossier-entry.entity';
import { Trajectory } from '../trajectories/trajectory.entity';
import { ConsentCheck, missingConsentMessage } from './consent-check.service';
import { type WhatsappContactDto } from './dto/whatsapp-contact.dto';

/** How a WhatsApp appointment appears in the dossier: outgoing correspondence about contact. */
export const WHATSAPP_ENTRY = {
  kind: 'correspondence',
  category: 'contact',
  correspondenceDirection: 'outgoing',
  counterparty: 'Cliënt (WhatsApp)',
  title: 'Afspraak via WhatsApp',
} as const;

/**
 * R-CONS-04: WhatsApp is used only with the client's consent and only to make appointments. An
 * appointment made that way is recorded as a dossier entry (no table of its own), with the consent
 * as the ground in the audit row. Substantive content never goes this way: the request can only say
 * "appointment", with a short practical note.
 */
@Injectable()
export class WhatsappContactsService {
  constructor(
    private readonly access: ClientAccess,
    private readonly consents: ConsentCheck,
  ) {}

  async record(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    dto: WhatsappContactDto,
  ): Promise<DossierEntryView> {
    const access = await this.access.find(ability, clientId);
    this.access.requireCategory(access, WHATSAPP_ENTRY.category, 'update');
    const manager = this.access.manager();
    const trajectoryExists = await manager
      .getRepository(Trajectory)
      .existsBy({ id: dto.trajectoryId, clientId });
    if (!trajectoryExists) throw new NotFoundException('Traject niet gevonden.');
    // Valid on the day of the contact: a consent withdrawn before then no longer covers it (R-CONS-02).
    const consent = await this.consents.findValid(clientId, 'whatsapp', { on: dto.occurredOn });
    if (!consent) throw new ForbiddenException(missingConsentMessage('whatsapp'));

    const entry = manager.getRepository(DossierEntry).create({
      clientId,
      trajectoryId: dto.trajectoryId,
      ...WHATSAPP_ENTRY,
      body: dto.note ? dto.note : null,
      occurredOn: dto.occurredOn,
      authorId: actor.id,
      decidedBy: null,
      documentId: null,
    });
    const inserted = await manager.getRepository(DossierEntry).insert(entry);
    const id = (inserted.identifiers[0] as { id: string }).id;
    RequestContext.addAuditDetails({
      objectId: id,
      categories: [WHATSAPP_ENTRY.category],
      ground: { kind: 'consent', reference: consent.id },
      details: { kanaal: 'whatsapp', onderwerp: dto.subject },
    });
    const saved = await manager.getRepository(DossierEntry).findOneByOrFail({ id });
    const author = (await manager.query('SELECT display_name FROM app_user WHERE id = $1', [
      actor.id,
    ])) as Array<{
      display_name: string;
    }>;
    return {
      id: saved.id,
      clientId: saved.clientId,
      trajectoryId: saved.trajectoryId,
      kind: saved.kind,
      category: saved.category,
      title: saved.title,
      body: saved.body,
      occurredOn: saved.occurredOn,
      authorId: saved.authorId,
      authorName: author[0]?.display_name ?? '',
      createdAt: saved.createdAt.toISOString(),
      decidedBy: saved.decidedBy,
      correspondenceDirection: saved.correspondenceDirection,
      counterparty: saved.counterparty,
      document: null,
    };
  }
}
