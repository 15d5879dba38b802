import { createHash, timingSafeEqual } from 'node:crypto';

import {
  BadRequestException,
  ConflictException,
  Injectable,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import {
  type CreateDossierEntryRequest,
  type DataCategory,
  type DocumentInfo,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  DOSSIER_KIND_CATEGORIES,
  type DossierEntryKind,
  type DossierEntryView,
} from '@werkpad/shared';
import { type EntityManager, In } from 'typeorm';

import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { type AccessibleClient, ClientAccess } from '../clients/client-access.service';
import { FieldChangeRecorder } from '../clients/field-change.recorder';
import { Trajectory } from '../trajectories/trajectory.entity';
import { User } from '../users/user.entity';
import {
  contentMatchesType,
  isAllowedMediaType,
  normaliseMediaType,
  sanitiseFileName,
} from './document-checks';
import { DocumentContent, StoredDocument } from './document.entity';
import { TOO_LARGE_MESSAGE, type UploadedDocumentFile } from './document-upload.interceptor';
import { DossierEntry } from './dossier-entry.entity';
import { type DossierQueryDto, type UploadDocumentDto } from './dto/dossier.dto';

export const DECISION_NEEDS_DECIDER = 'Een besluit vermeldt wie het besluit nam (R-HUM-01)';
export const CHECKSUM_MISMATCH_MESSAGE =
  'Het document is beschadigd: de controlesom klopt niet meer. Het wordt niet getoond; meld dit aan functioneel beheer.';

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, errors: [{ field, messages: [message] }] });
}

/** A stored document with the dossier entry that files it (and so gives it its category). */
interface FiledDocument {
  readonly document: StoredDocument;
  readonly entry: DossierEntry;
}

/**
 * The client dossier (R-REP-02): notes, correspondence, progress, instruments, decisions and
 * documents, each belonging to a trajectory and one data category. What a role sees is decided per
 * category in SQL; documents additionally need the `Document` ability.
 */
@Injectable()
export class DossierService {
  private readonly logger = new Logger('Dossier');

  constructor(
    private readonly access: ClientAccess,
    private readonly changes: FieldChangeRecorder,
  ) {}

  async list(ability: AppAbility, clientId: string, query: DossierQueryDto): Promise<DossierEntryView[]> {
    const access = await this.access.find(ability, clientId);
    const builder = this.manager()
      .getRepository(DossierEntry)
      .createQueryBuilder('entry')
      .where('entry.clientId = :clientId', { clientId })
      .andWhere('entry.category = ANY(:readable)', { readable: [...access.readable] });
    if (!ability.can('read', 'Document')) builder.andWhere(`entry.kind <> 'document'`);
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
      ground: { kind: 'role_policy', reference: 'dossier: cliënt zichtbaar, per gegevenscategorie' },
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
    this.requireKindCategory(request.kind, request.category);
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
    return this.view(id);
  }

  async upload(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    fields: UploadDocumentDto,
    file: UploadedDocumentFile | undefined,
  ): Promise<DossierEntryView> {
    const access = await this.access.find(ability, clientId);
    const { file: upload, mediaType } = this.checkFile(file);
    await this.requireTrajectory(access, fields.trajectoryId);
    this.requireKindCategory('document', fields.category);
    this.requireWritable(access, fields.category);
    const receivedViaWhatsapp = fields.receivedViaWhatsapp === 'true';
    if (fields.whatsappDeletedOn && !receivedViaWhatsapp) {
      throw fieldError(
        'whatsappDeletedOn',
        'whatsappDeletedOn kan alleen bij een document dat via WhatsApp is ontvangen (R-CONS-04)',
      );
    }
    const manager = this.manager();
    const inserted = await manager.getRepository(StoredDocument).insert({
      clientId,
      fileName: sanitiseFileName(upload.originalname),
      mediaType,
      sizeBytes: upload.buffer.length,
      sha256: createHash('sha256').update(upload.buffer).digest(),
      receivedViaWhatsapp,
      whatsappDeletedOn: fields.whatsappDeletedOn ?? null,
      uploadedBy: actor.id,
    });
    const documentId = (inserted.identifiers[0] as { id: string }).id;
    await manager.getRepository(DocumentContent).insert({ documentId, content: upload.buffer });
    const entry = await manager.getRepository(DossierEntry).insert({
      clientId,
      trajectoryId: fields.trajectoryId,
      kind: 'document',
      category: fields.category,
      title: fields.title,
      body: null,
      occurredOn: fields.occurredOn,
      authorId: actor.id,
      decidedBy: null,
      correspondenceDirection: null,
      counterparty: null,
      documentId,
    });
    RequestContext.addAuditDetails({
      objectId: documentId,
      categories: [fields.category],
      ground: { kind: 'trajectory', reference: fields.trajectoryId },
      details: { mediaType, whatsapp: receivedViaWhatsapp ? 'ja' : 'nee' },
    });
    return this.view((entry.identifiers[0] as { id: string }).id);
  }

  /** The stored bytes, only after their SHA-256 matches the one recorded at upload. */
  async content(
    ability: AppAbility,
    clientId: string,
    documentId: string,
  ): Promise<{ document: StoredDocument; content: Buffer }> {
    const access = await this.access.find(ability, clientId);
    const { document, entry } = await this.findDocument(access, documentId);
    RequestContext.addAuditDetails({
      objectId: documentId,
      categories: [entry.category],
      ground: { kind: 'role_policy', reference: 'dossier: cliënt zichtbaar, per gegevenscategorie' },
    });
    const stored = await this.manager().getRepository(DocumentContent).findOneBy({ documentId });
    const actual = stored ? createHash('sha256').update(stored.content).digest() : null;
    if (
      !stored ||
      !actual ||
      actual.length !== document.sha256.length ||
      !timingSafeEqual(actual, document.sha256)
    ) {
      this.logger.error(
        { documentId, clientId, requestId: RequestContext.current()?.requestId },
        'Document content missing or SHA-256 mismatch; download refused',
      );
      throw new InternalServerErrorException(CHECKSUM_MISMATCH_MESSAGE);
    }
    return { document, content: stored.content };
  }

  /** R-CONS-04: the day a document received via WhatsApp was deleted there. */
  async recordWhatsappDeletion(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    documentId: string,
    whatsappDeletedOn: string,
  ): Promise<DocumentInfo> {
    const access = await this.access.find(ability, clientId);
    const { document, entry } = await this.findDocument(access, documentId);
    this.requireWritable(access, entry.category);
    RequestContext.addAuditDetails({
      objectId: documentId,
      categories: [entry.category],
      ground: { kind: 'trajectory', reference: entry.trajectoryId },
    });
    if (!document.receivedViaWhatsapp) {
      throw new ConflictException('Dit document is niet via WhatsApp ontvangen.');
    }
    const manager = this.manager();
    await manager.getRepository(StoredDocument).update({ id: documentId }, { whatsappDeletedOn });
    await this.changes.record(
      manager,
      { clientId, entityType: 'Document', entityId: documentId, changedBy: actor.id },
      [
        {
          field: 'whatsappDeletedOn',
          category: entry.category,
          oldValue: document.whatsappDeletedOn,
          newValue: whatsappDeletedOn,
        },
      ],
    );
    return this.documentInfo({ ...document, whatsappDeletedOn });
  }

  private manager(): EntityManager {
    return this.access.manager();
  }

  private async requireTrajectory(access: AccessibleClient, trajectoryId: string): Promise<void> {
    const exists = await this.manager()
      .getRepository(Trajectory)
      .existsBy({ id: trajectoryId, clientId: access.client.id });
    if (!exists) throw new NotFoundException('Traject niet gevonden.');
  }

  private requireKindCategory(kind: DossierEntryKind, category: DataCategory): void {
    const allowed = DOSSIER_KIND_CATEGORIES[kind];
    if (!allowed.includes(category)) {
      throw fieldError(
        'category',
        `category moet bij soort "${kind}" een van deze zijn: ${allowed.join(', ')}`,
      );
    }
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

  /** Checks the upload and returns its media type; every refusal says which rule it broke. */
  private checkFile(file: UploadedDocumentFile | undefined): {
    file: UploadedDocumentFile;
    mediaType: string;
  } {
    if (!file) throw fieldError('file', 'Kies een bestand om te uploaden (veld "file").');
    if (file.buffer.length === 0) throw fieldError('file', 'Het bestand is leeg.');
    if (file.buffer.length > DOCUMENT_MAX_BYTES) throw new PayloadTooLargeException(TOO_LARGE_MESSAGE);
    const mediaType = normaliseMediaType(file.mimetype);
    if (!isAllowedMediaType(mediaType)) {
      throw fieldError(
        'file',
        `Dit bestandstype (${mediaType || 'onbekend'}) is niet toegestaan. Toegestaan zijn: ${Object.values(DOCUMENT_MEDIA_TYPES).join(', ')}.`,
      );
    }
    if (!contentMatchesType(mediaType, file.buffer)) {
      throw fieldError(
        'file',
        `De inhoud van het bestand past niet bij het opgegeven type (${DOCUMENT_MEDIA_TYPES[mediaType]}).`,
      );
    }
    return { file, mediaType };
  }

  private async findDocument(access: AccessibleClient, documentId: string): Promise<FiledDocument> {
    const manager = this.manager();
    const entry = await manager
      .getRepository(DossierEntry)
      .findOneBy({ documentId, clientId: access.client.id, kind: 'document' });
    const document = entry
      ? await manager.getRepository(StoredDocument).findOneBy({ id: documentId, clientId: access.client.id })
      : null;
    if (!entry || !document || !access.readable.has(entry.category)) {
      throw new NotFoundException('Document niet gevonden.');
    }
    return { document, entry };
  }

  private documentInfo(document: StoredDocument): DocumentInfo {
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

  private async view(entryId: string): Promise<DossierEntryView> {
    const entry = await this.manager().getRepository(DossierEntry).findOneByOrFail({ id: entryId });
    const [view] = await this.views([entry]);
    return view;
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
        document: document ? this.documentInfo(document) : null,
      };
    });
  }
}
