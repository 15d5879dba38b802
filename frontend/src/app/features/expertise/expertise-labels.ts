import {
  CONSENT_PURPOSE_RULES,
  type ConsentPurpose,
  type OutcomeStatus,
  TRAJECTORY_TYPE_RULES,
} from '@werkpad/shared';

/** The Expertisecentrum's words for an outcome's state; null is "not started". */
export function outcomeStatusLabel(status: OutcomeStatus | null): string {
  if (status === 'final') return 'Vastgesteld';
  if (status === 'draft') return 'Concept';
  return 'Nog geen uitkomst';
}

export function trajectoryStatusLabel(status: 'open' | 'closed'): string {
  return status === 'open' ? 'Open' : 'Afgesloten';
}

export function consentPurposeLabel(purpose: ConsentPurpose): string {
  return CONSENT_PURPOSE_RULES[purpose].label;
}

const RULE = TRAJECTORY_TYPE_RULES.arbeidsdiagnose;

/** RULES.md §2 and R-RET-01 in one sentence, with the periods taken from the rule data. */
export const RETENTION_EXPLANATION =
  `Het dossier van de arbeidsdiagnose wordt ${RULE.retentionYears} jaar na afsluiting vernietigd; ` +
  `de medische gegevens ${RULE.medicalRetentionYears ?? 15} jaar na afsluiting, los van de rest (R-RET-01). ` +
  'Zolang het onderzoek open is, staat er nog geen datum.';

export const MEDICAL_CONFLICT_MESSAGE =
  'Dit medisch gegeven is intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen: ' +
  'sluit het venster en open het opnieuw om de nieuwste versie te zien.';

export const OUTCOME_CONFLICT_MESSAGE =
  'De uitkomst is intussen door iemand anders gewijzigd of al vastgesteld. Uw wijziging is niet ' +
  'opgeslagen: laad de uitkomst opnieuw.';
