import { createHash, timingSafeEqual } from 'node:crypto';

import {
  ConflictException,
  Injectable,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import {
  type DocumentInfo,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  type DossierEntryView,
} from '@werkpad/shared';

import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { type AccessibleClient, ClientAccess } from '../clients/client-access.service';
import { FieldChangeRecorder } from '../clients/field-change.recorder';
import { Trajectory } from '../trajectories/trajectory.entity';
import {
  contentMatchesType,
  isAllowedMediaType,
  normaliseMediaType,
  sanitiseFileName,
} from './document-checks';
import { DocumentContent, StoredDocument } from './document.entity';
import { TOO_LARGE_MESSAGE, type UploadedDocumentFile } from './document-upload.interceptor';
import { DossierEntry } from './dossier-entry.entity';
import {
  CATEGORY_GROUND,
  documentInfo,
  DossierService,
  hidesJobcoachingFile,
  requireKindCategory,
} from './dossier.service';
import { type UploadDocumentDto } from './dto/dossier.dto';
import { fieldError } from '../../common/field-error';

export const CHECKSUM_MISMATCH_MESSAGE =
  'Het document is beschadigd: de controlesom klopt niet meer. Het wordt niet getoond; meld dit aan functioneel beheer.';

/** A stored document with the dossier entry that files it (and so gives it its category). */
interface FiledDocument {
  readonly document: StoredDocument;
  readonly entry: DossierEntry;
}

/** Checks the upload and returns its media type; every refusal says which rule it broke. */
function checkFile(file: UploadedDocumentFile | undefined): {
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

/**
 * Documents in the client dossier: each is filed as a dossier entry of kind `document`, which gives
 * it its trajectory and data category; the caller also needs the `Document` ability (the routes).
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('Dossier');

  constructor(
    private readonly access: ClientAccess,
    private readonly changes: FieldChangeRecorder,
    private readonly dossier: DossierService,
  ) {}

  async upload(
    ability: AppAbility,
    actor: AuthenticatedUser,
    clientId: string,
    fields: UploadDocumentDto,
    file: UploadedDocumentFile | undefined,
  ): Promise<DossierEntryView> {
    const access = await this.access.find(ability, clientId);
    const { file: upload, mediaType } = checkFile(file);
    await this.dossier.requireTrajectory(access, fields.trajectoryId);
    requireKindCategory('document', fields.category);
    this.access.requireCategory(access, fields.category, 'update');
    const receivedViaWhatsapp = fields.receivedViaWhatsapp === 'true';
    if (fields.whatsappDeletedOn && !receivedViaWhatsapp) {
      throw fieldError(
        'whatsappDeletedOn',
        'whatsappDeletedOn kan alleen bij een document dat via WhatsApp is ontvangen (R-CONS-04)',
      );
    }
    const manager = this.access.manager();
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
    return this.dossier.entryView((entry.identifiers[0] as { id: string }).id);
  }

  /** The stored bytes, only after their SHA-256 matches the one recorded at upload. */
  async content(
    ability: AppAbility,
    clientId: string,
    documentId: string,
  ): Promise<{ document: StoredDocument; content: Buffer }> {
    const access = await this.access.find(ability, clientId);
    const { document, entry } = await this.findDocument(access, documentId, ability);
    RequestContext.addAuditDetails({
      objectId: documentId,
      categories: [entry.category],
      ground: CATEGORY_GROUND,
    });
    const stored = await this.access.manager().getRepository(DocumentContent).findOneBy({ documentId });
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
    const { document, entry } = await this.findDocument(access, documentId, ability);
    this.access.requireCategory(access, entry.category, 'update');
    RequestContext.addAuditDetails({
      objectId: documentId,
      categories: [entry.category],
      ground: { kind: 'trajectory', reference: entry.trajectoryId },
    });
    if (!document.receivedViaWhatsapp) {
      throw new ConflictException('Dit document is niet via WhatsApp ontvangen.');
    }
    const manager = this.access.manager();
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
    return documentInfo({ ...document, whatsappDeletedOn });
  }

  /** The document as filed for this client, or 404 (also when its category is hidden from the caller). */
  private async findDocument(
    access: AccessibleClient,
    documentId: string,
    ability: AppAbility,
  ): Promise<FiledDocument> {
    const manager = this.access.manager();
    const entry = await manager
      .getRepository(DossierEntry)
      .findOneBy({ documentId, clientId: access.client.id, kind: 'document' });
    const document = entry
      ? await manager.getRepository(StoredDocument).findOneBy({ id: documentId, clientId: access.client.id })
      : null;
    const hidden =
      entry !== null &&
      hidesJobcoachingFile(ability) &&
      (await manager.getRepository(Trajectory).existsBy({ id: entry.trajectoryId, type: 'jobcoaching' }));
    if (!entry || !document || hidden || !access.readable.has(entry.category)) {
      throw new NotFoundException('Document niet gevonden.');
    }
    return { document, entry };
  }
}
