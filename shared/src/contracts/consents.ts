import type { ConsentForm, ConsentPurpose } from '../lib/consent-purposes';
import type { DataCategory } from '../lib/data-categories';

/** R-CONS-01: one consent, with its evidence; withdrawal keeps the record (R-CONS-02). */
export interface ConsentView {
  readonly id: string;
  readonly clientId: string;
  readonly purpose: ConsentPurpose;
  readonly recipient: string | null;
  readonly categories: readonly DataCategory[];
  readonly givenOn: string;
  readonly form: ConsentForm;
  readonly recordedBy: string;
  readonly recordedByName: string;
  readonly recordedAt: string;
  readonly evidenceDocumentId: string | null;
  readonly evidenceReference: string | null;
  readonly validUntil: string | null;
  readonly withdrawnOn: string | null;
  readonly withdrawnRecordedBy: string | null;
  readonly withdrawnRecordedByName: string | null;
  /** Valid today: given, not past its end date, not withdrawn. */
  readonly valid: boolean;
}

export interface CreateConsentRequest {
  readonly purpose: ConsentPurpose;
  readonly recipient?: string;
  readonly categories?: readonly DataCategory[];
  readonly givenOn: string;
  readonly form: ConsentForm;
  /** A dossier document (the signed form) or a reference to where the evidence is kept. */
  readonly evidenceDocumentId?: string;
  readonly evidenceReference?: string;
  readonly validUntil?: string;
}

export interface WithdrawConsentRequest {
  readonly withdrawnOn: string;
  readonly confirm: true;
}

/** GET /api/consents: the FG's register across clients (R-AUD-02); metadata only, never names. */
export interface ConsentRegisterQuery {
  readonly clientId?: string;
  readonly purpose?: ConsentPurpose;
  /** Only consents valid on this day (given, not ended, not withdrawn). */
  readonly validOn?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

/** One row of the FG's consent register: no client name and no dossier content. */
export interface ConsentRegisterEntry {
  readonly id: string;
  readonly clientId: string;
  readonly purpose: ConsentPurpose;
  readonly form: ConsentForm;
  readonly givenOn: string;
  readonly validUntil: string | null;
  readonly withdrawnOn: string | null;
  readonly recordedByName: string;
  readonly recordedAt: string;
  /** A signed form or a reference is on file (R-CONS-01). */
  readonly evidencePresent: boolean;
}

/** R-CONS-04: WhatsApp is used only to make appointments. */
export const WHATSAPP_SUBJECTS = ['appointment'] as const;
export type WhatsappSubject = (typeof WHATSAPP_SUBJECTS)[number];

/** POST /api/clients/:clientId/whatsapp-contacts: an appointment made via WhatsApp (needs consent). */
export interface WhatsappContactRequest {
  readonly trajectoryId: string;
  readonly occurredOn: string;
  readonly subject: WhatsappSubject;
  /** Short practical note (time, place); never substantive content. */
  readonly note?: string;
}
