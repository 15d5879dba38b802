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
