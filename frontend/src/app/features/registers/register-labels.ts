import {
  CONSENT_PURPOSE_RULES,
  type ConsentForm,
  type ConsentPurpose,
  DATA_CATEGORY_LABELS,
  type DataCategory,
  type DisclosureRecipient,
  type RecipientType,
  type ReportReviewStatus,
  SHARING_RULES,
} from '@werkpad/shared';

/*
 * The registers' own labels. The client file has similar ones, but these pages are the FG's and must
 * not depend on another feature's internals; the wording matches the client file on purpose.
 */

export interface Option<T extends string> {
  readonly value: T;
  readonly label: string;
}

/** The rule data's name of a recipient type (every rule of a type carries the same label). */
export function recipientTypeLabel(type: RecipientType): string {
  return SHARING_RULES.find((rule) => rule.recipientType === type)?.recipientLabel ?? type;
}

/** One filter option per recipient type, in rule order. */
export function recipientTypeOptions(): Option<RecipientType>[] {
  const types = [...new Set(SHARING_RULES.map((rule) => rule.recipientType))];
  return types.map((value) => ({ value, label: recipientTypeLabel(value) }));
}

/** "UWV – UWV Ede": the type says which rule applied, the organisation who received it. */
export function recipientLabel(recipient: DisclosureRecipient): string {
  return `${recipientTypeLabel(recipient.type)} – ${recipient.organisation}`;
}

export function categoryLabels(categories: readonly DataCategory[]): string {
  return categories.length === 0
    ? '—'
    : categories.map((category) => DATA_CATEGORY_LABELS[category]).join(', ');
}

/** A disclosure without a legal basis rests on the client's consent (SharingRule.consentPurpose). */
export function groundLabel(legalBasis: string | null): string {
  return legalBasis ?? 'Toestemming';
}

export const REVIEW_STATUS_LABELS: Readonly<Record<ReportReviewStatus, string>> = {
  not_shown: 'Nog niet aan de cliënt getoond',
  shown_before_sending: 'Vóór verzending aan de cliënt getoond',
  shown_after_sending: 'Na verzending aan de cliënt getoond',
};

/** Only written reports have a review status (R-SHARE-06); other disclosures are no report. */
export function reviewLabel(isReport: boolean, status: ReportReviewStatus | null): string {
  if (!isReport) return 'Geen rapportage';
  return REVIEW_STATUS_LABELS[status ?? 'not_shown'];
}

/** Enough of the SHA-256 to compare by eye; the full digest goes in the title and accessible name. */
export function shortDigest(digest: string): string {
  return digest.length > 12 ? `${digest.slice(0, 12)}…` : digest;
}

export function purposeLabel(purpose: ConsentPurpose): string {
  return CONSENT_PURPOSE_RULES[purpose].label;
}

export function purposeOptions(): Option<ConsentPurpose>[] {
  return Object.values(CONSENT_PURPOSE_RULES).map((rule) => ({ value: rule.purpose, label: rule.label }));
}

export const CONSENT_FORM_LABELS: Readonly<Record<ConsentForm, string>> = {
  written: 'Schriftelijk',
  oral: 'Mondeling',
};

export function consentFormLabel(form: ConsentForm): string {
  return CONSENT_FORM_LABELS[form];
}

// One definition of how dates look, shared with the rest of the UI.
export { dutchDate, dutchDateTime } from '../../shared/dutch-dates';
