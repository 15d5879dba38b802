import {
  CONSENT_PURPOSE_RULES,
  type ConsentForm,
  type ConsentPurpose,
  type ConsentView,
  DATA_CATEGORY_LABELS,
  type DataCategory,
} from '@werkpad/shared';

export const CONSENT_FORM_LABELS: Readonly<Record<ConsentForm, string>> = {
  written: 'Schriftelijk',
  oral: 'Mondeling',
};

export function purposeLabel(purpose: ConsentPurpose): string {
  return CONSENT_PURPOSE_RULES[purpose].label;
}

export function categoryList(categories: readonly DataCategory[]): string {
  const labels = categories.map((category) => DATA_CATEGORY_LABELS[category]);
  return labels.length > 0 ? labels.join(', ') : '—';
}

/** Why a consent does not count today; null when it does (R-CONS-02: withdrawal ends it at once). */
export function invalidReason(consent: ConsentView): string | null {
  if (consent.valid) return null;
  if (consent.withdrawnOn) return 'ingetrokken';
  return 'verlopen of nog niet ingegaan';
}

/** The written-form rule of a purpose as a sentence for the form (R-MED-04, R-MED-07). */
export function writtenHint(purpose: ConsentPurpose | null): string | null {
  if (!purpose || !CONSENT_PURPOSE_RULES[purpose].writtenRequired) return null;
  return 'Voor dit doel is schriftelijke toestemming verplicht: voeg het ondertekende formulier toe of verwijs ernaar.';
}
