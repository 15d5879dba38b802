import { DATA_CATEGORIES, type DataCategory } from '../lib/data-categories';

/** R-REP-02: what a client dossier holds. */
export const DOSSIER_ENTRY_KINDS = [
  'note',
  'correspondence',
  'progress',
  'instrument',
  'decision',
  'document',
] as const;
export type DossierEntryKind = (typeof DOSSIER_ENTRY_KINDS)[number];

export const DOSSIER_ENTRY_KIND_LABELS: Readonly<Record<DossierEntryKind, string>> = {
  note: 'Gespreksverslag',
  correspondence: 'Correspondentie',
  progress: 'Voortgang',
  instrument: 'Ingezet instrument',
  decision: 'Besluit',
  document: 'Document',
};

/**
 * Which categories an entry of each kind may carry. A conversation note is always a coaching note
 * (so roles without `coaching_notes`, like the income consultant, never see one); a progress entry
 * is progress or benefit impact. `medical` is never a dossier category (R-MED-01).
 */
/**
 * What a client file can hold: every category except medical (R-MED-01), religion (R-CONS-05,
 * issue 4), accounts, and the Expertisecentrum's outcome, which is only ever the outcome record
 * itself (R-MED-02): a note filed under it would reach the income consultant as if it were one.
 */
const FILE_CATEGORIES: readonly DataCategory[] = DATA_CATEGORIES.filter(
  (category) => !['medical', 'religion', 'account', 'diagnosis_outcome'].includes(category),
);

export const DOSSIER_KIND_CATEGORIES: Readonly<Record<DossierEntryKind, readonly DataCategory[]>> = {
  note: ['coaching_notes'],
  correspondence: FILE_CATEGORIES.filter((category) => category !== 'identity'),
  progress: ['progress', 'benefit_impact'],
  instrument: ['progress', 'work_history', 'education', 'language_inburgering', 'health_functional'],
  decision: ['progress', 'benefit_impact'],
  document: FILE_CATEGORIES,
};

export const CORRESPONDENCE_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type CorrespondenceDirection = (typeof CORRESPONDENCE_DIRECTIONS)[number];

export interface DocumentInfo {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** SHA-256 of the stored content, hex; checked again on every download. */
  readonly sha256: string;
  /** R-CONS-04: received via WhatsApp, and when it was deleted there. */
  readonly receivedViaWhatsapp: boolean;
  readonly whatsappDeletedOn: string | null;
}

export interface DossierEntryView {
  readonly id: string;
  readonly clientId: string;
  readonly trajectoryId: string;
  readonly kind: DossierEntryKind;
  readonly category: DataCategory;
  readonly title: string;
  readonly body: string | null;
  readonly occurredOn: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly createdAt: string;
  /** R-HUM-01: a decision names the human who took it. */
  readonly decidedBy: string | null;
  readonly correspondenceDirection: CorrespondenceDirection | null;
  readonly counterparty: string | null;
  readonly document: DocumentInfo | null;
}

export interface CreateDossierEntryRequest {
  readonly trajectoryId: string;
  readonly kind: Exclude<DossierEntryKind, 'document'>;
  readonly category: DataCategory;
  readonly title: string;
  readonly body?: string;
  readonly occurredOn: string;
  readonly decidedBy?: string;
  readonly correspondenceDirection?: CorrespondenceDirection;
  readonly counterparty?: string;
}

/** Uploads: what is accepted and how big (a rejected upload says which rule it broke). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG-afbeelding',
  'image/png': 'PNG-afbeelding',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-document (.docx)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-tekst (.odt)',
  'text/plain': 'Tekstbestand',
};

/**
 * The text fields of the multipart upload `POST /api/clients/:clientId/documents`, sent next to the
 * file in the field `file`. Multipart fields are text, hence the flag as 'true' | 'false'.
 */
export interface UploadDocumentFields {
  readonly trajectoryId: string;
  readonly category: DataCategory;
  readonly title: string;
  readonly occurredOn: string;
  readonly receivedViaWhatsapp?: 'true' | 'false';
  /** Only with receivedViaWhatsapp 'true' (R-CONS-04). */
  readonly whatsappDeletedOn?: string;
}

/** R-CONS-04: the day a document received via WhatsApp was deleted from WhatsApp. */
export interface RecordWhatsappDeletionRequest {
  readonly whatsappDeletedOn: string;
}

/** Filters of `GET /api/clients/:clientId/dossier`. */
export interface DossierQuery {
  readonly trajectoryId?: string;
  readonly kind?: DossierEntryKind;
}
