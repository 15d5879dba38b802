import type { DestructionListStatus } from './retention';

/** Data-subject requests (RULES.md §6, R-DSR-01..05; issue 9). */
export const DSR_TYPES = [
  'access',
  'erasure',
  'rectification',
  'objection',
  'portability',
  'withdrawal',
] as const;
export type DsrType = (typeof DSR_TYPES)[number];

export const DSR_TYPE_LABELS: Readonly<Record<DsrType, string>> = {
  access: 'Inzage',
  erasure: 'Verwijdering',
  rectification: 'Aanpassing (rectificatie)',
  objection: 'Bezwaar',
  portability: 'Overdracht (dataportabiliteit)',
  withdrawal: 'Intrekken van toestemming',
};

export const DSR_CHANNELS = ['letter', 'email', 'desk', 'phone'] as const;
export type DsrChannel = (typeof DSR_CHANNELS)[number];

export const DSR_CHANNEL_LABELS: Readonly<Record<DsrChannel, string>> = {
  letter: 'Brief',
  email: 'E-mail',
  desk: 'Balie',
  phone: 'Telefoon',
};

/** R-DSR-02: the kind of document that was seen; never a copy of it. */
export const ID_DOCUMENT_TYPES = [
  'passport',
  'identity_card',
  'driving_licence',
  'residence_permit',
] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export const ID_DOCUMENT_LABELS: Readonly<Record<IdDocumentType, string>> = {
  passport: 'Paspoort',
  identity_card: 'Identiteitskaart',
  driving_licence: 'Rijbewijs',
  residence_permit: 'Verblijfsdocument',
};

export const DSR_OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;
export type DsrOutcome = (typeof DSR_OUTCOMES)[number];

export const DSR_OUTCOME_LABELS: Readonly<Record<DsrOutcome, string>> = {
  granted: 'Toegewezen',
  partly_granted: 'Deels toegewezen',
  refused: 'Afgewezen',
};

export type DsrStatus = 'open' | 'completed';

export interface DsrIdentityCheck {
  readonly documentType: IdDocumentType;
  /** At most the last four characters of the document number (R-DSR-02). */
  readonly documentNumberEnd: string | null;
  readonly seenOn: string;
  readonly verifiedByName: string;
}

export interface DsrRequestView {
  readonly id: string;
  readonly reference: string;
  /** Null once the client's dossier is destroyed; the request stays in the register (ADR 0011). */
  readonly clientId: string | null;
  /** The pseudonymous dossier reference of a destroyed client, as on the verklaring van vernietiging. */
  readonly dossierRef: string | null;
  readonly type: DsrType;
  readonly channel: DsrChannel;
  readonly receivedOn: string;
  readonly description: string;
  /** An objection: the processing objected to. */
  readonly processingObjectedTo: string | null;
  /** R-DSR-03: received on + 1 calendar month, or the extended date. */
  readonly dueOn: string;
  readonly extendedDueOn: string | null;
  readonly extensionReason: string | null;
  readonly daysLeft: number;
  readonly overdue: boolean;
  readonly identity: DsrIdentityCheck | null;
  readonly status: DsrStatus;
  readonly outcome: DsrOutcome | null;
  readonly outcomeGround: string | null;
  readonly completedOn: string | null;
  readonly completedByName: string | null;
  readonly registeredByName: string;
  /** An erasure request: the destruction list that erases what may go now (R-RET-06), latest first. */
  readonly erasureList: DsrErasureList | null;
}

/** The destruction list of an erasure request, as the request shows it. */
export interface DsrErasureList {
  readonly id: string;
  /** e.g. VV-2026-0008 */
  readonly reference: string;
  readonly status: DestructionListStatus;
  readonly hasCertificate: boolean;
}

export interface CreateDsrRequest {
  readonly clientId: string;
  readonly type: DsrType;
  readonly channel: DsrChannel;
  readonly receivedOn: string;
  readonly description: string;
  /** Required for an objection: which processing the client objects to. */
  readonly processingObjectedTo?: string;
}

export interface VerifyDsrIdentityRequest {
  readonly documentType: IdDocumentType;
  readonly documentNumberEnd?: string;
  readonly seenOn: string;
}

export interface ExtendDsrRequest {
  /** One or two further months (R-DSR-03). */
  readonly months: 1 | 2;
  readonly reason: string;
}

export interface CompleteDsrRequest {
  readonly outcome: DsrOutcome;
  /** Required unless granted, and always for an objection: the reasons of the person who decides (R-DSR-05, R-HUM-01). */
  readonly ground?: string;
}

/** A correction made through the normal edit paths since the request came in (rectification). */
export interface DsrLinkedChange {
  readonly field: string;
  readonly category: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly changedAt: string;
  readonly changedByName: string;
}
