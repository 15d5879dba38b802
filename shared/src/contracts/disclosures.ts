import type { DataCategory } from '../lib/data-categories';
import type { RecipientType } from '../lib/sharing-rules';

export const DISCLOSURE_CHANNELS = ['post', 'email', 'secure_portal', 'phone', 'in_person'] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];

export interface DisclosureRecipient {
  readonly type: RecipientType;
  readonly organisation: string;
  readonly person?: string;
  /** ISO 3166-1 alpha-2; outside the EU/EEA is refused (R-SHARE-05). */
  readonly country: string;
}

export interface DisclosureRequest {
  readonly trajectoryId: string;
  readonly recipient: DisclosureRecipient;
  readonly categories: readonly DataCategory[];
  readonly channel: DisclosureChannel;
  /** A written report to a commissioner: the client must see it (R-SHARE-06). */
  readonly isReport?: boolean;
  readonly purpose: string;
}

/** Per category: allowed, and on which ground, or refused and why (R-SHARE-01). */
export interface CategoryDecision {
  readonly category: DataCategory;
  readonly allowed: boolean;
  readonly ruleId: string | null;
  readonly ground: string | null;
  readonly consentId: string | null;
  readonly reason: string;
}

export interface DisclosureDecision {
  readonly allowed: boolean;
  readonly ruleVersion: string;
  readonly categories: readonly CategoryDecision[];
  /** Refusals that concern the whole request (recipient outside the EU, no rule for this trajectory). */
  readonly refusals: readonly string[];
}

export const REPORT_REVIEW_STATUSES = ['not_shown', 'shown_before_sending', 'shown_after_sending'] as const;
export type ReportReviewStatus = (typeof REPORT_REVIEW_STATUSES)[number];

export interface DisclosureView {
  readonly id: string;
  readonly clientId: string;
  readonly trajectoryId: string;
  readonly recipient: DisclosureRecipient;
  readonly categories: readonly DataCategory[];
  readonly fields: readonly string[];
  readonly channel: DisclosureChannel;
  readonly purpose: string;
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly legalBasis: string | null;
  readonly consentId: string | null;
  readonly disclosedBy: string;
  readonly disclosedByName: string;
  readonly disclosedAt: string;
  /** SHA-256 of the package as sent (hex). */
  readonly digest: string;
  readonly isReport: boolean;
  readonly reviewStatus: ReportReviewStatus | null;
  readonly shownToClientOn: string | null;
}

/** What actually goes out: the data per category and a readable summary (reused by PDF reports). */
export interface DisclosurePackage {
  readonly disclosureId: string;
  readonly generatedAt: string;
  readonly recipient: DisclosureRecipient;
  readonly ground: string;
  readonly categories: readonly DataCategory[];
  readonly data: Readonly<Record<string, unknown>>;
  readonly summary: string;
}

export interface DisclosureResult {
  readonly disclosure: DisclosureView;
  readonly package: DisclosurePackage;
}

export interface RecordReportReviewRequest {
  readonly status: Exclude<ReportReviewStatus, 'not_shown'>;
  readonly shownOn: string;
}

/** "Waarom zie ik dit": each category the caller sees of a client, with what grants it. */
export interface AccessGround {
  readonly category: DataCategory;
  readonly grounds: readonly { readonly kind: 'role_policy'; readonly reference: string }[];
}

/**
 * Recipient types that receive the full BSN when identity is disclosed (they are keyed by it:
 * UWV, the Belastingdienst, the municipality's benefit system). Everyone else gets it masked.
 */
export const FULL_BSN_RECIPIENT_TYPES: readonly RecipientType[] = [
  'uwv',
  'belastingdienst',
  'income_consultant',
];

/** Recipient types that receive the bank account (IBAN) within the payroll category; nobody else does. */
export const IBAN_RECIPIENT_TYPES: readonly RecipientType[] = ['belastingdienst', 'employer'];

/** The body of a refused disclosure (403): the reasons in one message, and the decision per category. */
export interface DisclosureRefusalBody {
  readonly statusCode: 403;
  readonly error: 'Forbidden';
  readonly message: string;
  readonly decision: DisclosureDecision;
  readonly requestId?: string;
}

/** The FG's register filter (metadata only, across clients). */
export interface DisclosureRegisterQuery {
  readonly clientId?: string;
  readonly recipientType?: RecipientType;
  readonly from?: string;
  readonly to?: string;
  /** Only written reports the client has not yet seen (R-SHARE-06). */
  readonly unreviewedReports?: boolean;
  readonly page?: number;
  readonly pageSize?: number;
}
