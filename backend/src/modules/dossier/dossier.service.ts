import { Injectable, NotFoundException } from '@nestjs/common';
import {
  type CreateDossierEntryRequest,
  type DataCategory,
  type DocumentInfo,
  DOSSIER_KIND_CATEGORIES,
  type DossierEntryKind,
  type DossierEntryView,
} from '@werkpad/shared';
import { type EntityManager, In } from 'typeorm';

import { type AuditGround } from '../../audit/audit-event';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { type AccessibleClient, ClientAccess } from '../clients/client-access.service';
import { Trajectory } from '../trajectories/trajectory.entity';
import { User } from '../users/user.entity';
import { StoredDocument } from './document.entity';
import { DossierEntry } from './dossier-entry.entity';
import { type DossierQueryDto } from './dto/dossier.dto';
import { fieldError } from '../../common/field-error';

export const DECISION_NEEDS_DECIDER = 'Een besluit vermeldt wie het besluit nam (R-HUM-01)';

/** The ground of reading the dossier: the client is visible, and then each category on its own. */
export const CATEGORY_GROUND: AuditGround = {
  kind: 'role_policy',
  reference: 'dossier: cliënt zichtbaar, per gegevenscategorie',
};

export function requireKindCategory(kind: DossierEntryKind, category: DataCategory): void {
  const allowed = DOSSIER_KIND_CATEGORIES[kind];
  if (!allowed.includes(category)) {
    throw fieldError(
      'category',
      `category moet bij soort "${kind}" een van deze zijn: ${allowed.join(', ')}`,
    );
  }
}

export function documentInfo(document: StoredDocument): DocumentInfo {
  return {
    id: document.id,
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256.toString('hex'),
    receivedViaWhatsapp: document.receivedViaWhatsapp,
    whatsappDeletedOn: document.whatsappDeletedOn,
  };
}

/**
 * The client dossier (R-REP-02): notes, correspondence, progress, instruments, decisions and
 * documents, each belonging to a trajectory and one data category. What a role sees is decided per
 * category in SQL; documents additionally need the `Document` ability (upload and download are in
 * DocumentsService).
 */
/**
 * R-SHARE-04: the jobcoaching file is between client, coach and (through a recorded disclosure) the
 * employer; other roles do not see its entries, whatever their category.
 */
export function hidesJobcoachingFile(ability: AppAbility): boolean {
  return !ability.can('read', 'JobcoachingFile');
}

@Injectable()
export class DossierService {
  constructor(private readonly access: ClientAccess) {}

  async list(ability: AppAbility, clientId: string, query: DossierQueryDto): Promise<DossierEntryView[]> {
    const access = await this.access.find(ability, clientId);
    const builder = this.manager()
      .getRepository(DossierEntry)
      .createQueryBuilder('entry')
      .where('entry.clientId = :clientId', { clientId })
      .andWhere('entry.category = ANY(:readable)', { readable: [...access.readable] });
    if (!ability.can('read', 'Document')) builder.andWhere(`entry.kind <> 'document'`);
    if (hidesJobcoachingFile(ability)) {
      builder.andWhere(
        `NOT EXISTS (SELECT 1 FROM trajectory "jobcoaching" WHERE "jobcoaching"."id" = entry.trajectory_id
                       AND "jobcoaching"."type" = 'jobcoaching')`,
      );
    }
    if (query.trajectoryId)
      builder.andWhere('entry.trajectoryId = :trajectoryId', { trajectoryId: query.trajectoryId });
    if (query.kind) builder.andWhere('entry.kind = :kind', { kind: query.kind });
    const entries = await builder
      .orderBy('entry.occurredOn', 'DESC')
      .addOrderBy('entry.createdAt', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .getMany();
    RequestContext.addAuditDetails({
      categories: [...new Set(entries.map((entry) => entry.category))],
      ground: CATEGORY_GROUND,
      ...(query.trajectoryId || query.kind
        ? {
            details: {
              ...(query.trajectoryId ? { trajectoryId: query.trajectoryId } : {}),
              ...(query.kind ? { kind: query.kind } : {}),
            },
          }
        : {}),
    });
    return this.views(entries);
  }

  async create(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    request: CreateDossierEntryRequest,
  ): Promise<DossierEntryView> {
    const access = await this.access.find(ability, clientId);
    await this.requireTrajectory(access, request.trajectoryId);
    requireKindCategory(request.kind, request.category);
    this.requireWritable(access, request.category);
    this.requireKindFields(request);
    const inserted = await this.manager()
      .getRepository(DossierEntry)
      .insert({
        clientId,
        trajectoryId: request.trajectoryId,
        kind: request.kind,
        category: request.category,
        title: request.title,
        body: request.body === undefined || request.body.trim() === '' ? null : request.body,
        occurredOn: request.occurredOn,
        authorId: actor.id,
        decidedBy: request.kind === 'decision' ? (request.decidedBy ?? null) : null,
        correspondenceDirection:
          request.kind === 'correspondence' ? (request.correspondenceDirection ?? null) : null,
        counterparty: request.kind === 'correspondence' ? (request.counterparty ?? null) : null,
        documentId: null,
      });
    const id = (inserted.identifiers[0] as { id: string }).id;
    RequestContext.addAuditDetails({
      objectId: id,
      categories: [request.category],
      ground: { kind: 'trajectory', reference: request.trajectoryId },
      details: { soort: request.kind },
    });
    return this.entryView(id);
  }

  /** The trajectory must be this client's; another client's trajectory answers 404 like a missing one. */
  async requireTrajectory(access: AccessibleClient, trajectoryId: string): Promise<void> {
    const exists = await this.manager()
      .getRepository(Trajectory)
      .existsBy({ id: trajectoryId, clientId: access.client.id });
    if (!exists) throw new NotFoundException('Traject niet gevonden.');
  }

  /** One entry as the API returns it, with its author's name and its document, if any. */
  async entryView(entryId: string): Promise<DossierEntryView> {
    const entry = await this.manager().getRepository(DossierEntry).findOneByOrFail({ id: entryId });
    const [view] = await this.views([entry]);
    return view;
  }

  private manager(): EntityManager {
    return this.access.manager();
  }

  /** 404 when the category is hidden from the caller, 403 when it is visible but not theirs to change. */
  private requireWritable(access: AccessibleClient, category: DataCategory): void {
    this.access.requireCategory(access, category, 'update');
  }

  private requireKindFields(request: CreateDossierEntryRequest): void {
    const decidedBy = request.decidedBy?.trim() ?? '';
    if (request.kind === 'decision' && decidedBy === '') {
      throw fieldError('decidedBy', DECISION_NEEDS_DECIDER);
    }
    if (request.kind !== 'decision' && request.decidedBy !== undefined) {
      throw fieldError('decidedBy', 'decidedBy hoort alleen bij een besluit (kind "decision")');
    }
    if (request.kind === 'correspondence') {
      if (!request.correspondenceDirection) {
        throw fieldError(
          'correspondenceDirection',
          'Correspondentie vermeldt de richting: incoming of outgoing',
        );
      }
      if (!request.counterparty?.trim()) {
        throw fieldError('counterparty', 'Correspondentie vermeldt de afzender of ontvanger (counterparty)');
      }
    } else if (request.correspondenceDirection !== undefined || request.counterparty !== undefined) {
      const field =
        request.correspondenceDirection !== undefined ? 'correspondenceDirection' : 'counterparty';
      throw fieldError(field, `${field} hoort alleen bij correspondentie (kind "correspondence")`);
    }
  }
  private async views(entries: readonly DossierEntry[]): Promise<DossierEntryView[]> {
    const manager = this.manager();
    const authorIds = [...new Set(entries.map((entry) => entry.authorId))];
    const documentIds = entries.flatMap((entry) => (entry.documentId ? [entry.documentId] : []));
    const authors =
      authorIds.length === 0
        ? []
        : await manager
            .getRepository(User)
            .find({ where: { id: In(authorIds) }, select: { id: true, displayName: true } });
    const documents =
      documentIds.length === 0
        ? []
        : await manager.getRepository(StoredDocument).findBy({ id: In(documentIds) });
    const names = new Map(authors.map((author) => [author.id, author.displayName]));
    const documentsById = new Map(documents.map((document) => [document.id, document]));
    return entries.map((entry) => {
      const document = entry.documentId ? documentsById.get(entry.documentId) : undefined;
      return {
        id: entry.id,
        clientId: entry.clientId,
        trajectoryId: entry.trajectoryId,
        kind: entry.kind,
        category: entry.category,
        title: entry.title,
        body: entry.body,
        occurredOn: entry.occurredOn,
        authorId: entry.authorId,
        authorName: names.get(entry.authorId) ?? '',
        createdAt: entry.createdAt.toISOString(),
        decidedBy: entry.decidedBy,
        correspondenceDirection: entry.correspondenceDirection,
        counterparty: entry.counterparty,
        document: document ? documentInfo(document) : null,
      };
    });
  }
}
