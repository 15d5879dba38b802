import {
  type CategoryDecision,
  DATA_CATEGORIES,
  type DataCategory,
  type DisclosureChannel,
  type RecipientType,
  type ReportReviewStatus,
  type Role,
  SHARING_RULES,
} from '@werkpad/shared';

export interface RecipientOption {
  readonly type: RecipientType;
  readonly label: string;
}

/**
 * One option per recipient type the user may disclose to (some rule of the type lists one of the
 * user's roles in `disclosedBy`), labelled as the rule data names it (first rule of the type wins).
 */
export function recipientOptions(roles: readonly Role[]): RecipientOption[] {
  const seen = new Map<RecipientType, string>();
  for (const rule of SHARING_RULES) {
    if (!rule.disclosedBy.some((role) => roles.includes(role))) continue;
    if (!seen.has(rule.recipientType)) seen.set(rule.recipientType, rule.recipientLabel);
  }
  return [...seen].map(([type, label]) => ({ type, label }));
}

export function recipientLabel(type: RecipientType): string {
  return SHARING_RULES.find((rule) => rule.recipientType === type)?.recipientLabel ?? type;
}

/**
 * The categories worth asking about for a recipient: every category some rule of that type allows,
 * in the usual category order. The API decides per trajectory; this only keeps the list short.
 */
export function candidateCategories(type: RecipientType | null): DataCategory[] {
  if (!type) return [];
  const allowed = new Set(
    SHARING_RULES.filter((rule) => rule.recipientType === type).flatMap((rule) => rule.allowedCategories),
  );
  return DATA_CATEGORIES.filter((category) => allowed.has(category));
}

export const CHANNEL_LABELS: Readonly<Record<DisclosureChannel, string>> = {
  secure_portal: 'Beveiligd portaal',
  email: 'E-mail',
  post: 'Post',
  phone: 'Telefoon',
  in_person: 'Persoonlijk',
};

export const REVIEW_STATUS_LABELS: Readonly<Record<ReportReviewStatus, string>> = {
  not_shown: 'Nog niet aan de cliënt getoond',
  shown_before_sending: 'Vóór verzending aan de cliënt getoond',
  shown_after_sending: 'Na verzending aan de cliënt getoond',
};

/** The per-category answer in words, so it never depends on colour or an icon alone. */
export function decisionText(decision: CategoryDecision): string {
  if (decision.allowed) return `Toegestaan${decision.ground ? ` (${decision.ground})` : ''}`;
  return `Geweigerd: ${decision.reason}`;
}

export function shortDigest(digest: string): string {
  return digest.length > 12 ? `${digest.slice(0, 12)}…` : digest;
}

/** The calendar day (YYYY-MM-DD) of a moment in the Netherlands, as the API dates a disclosure. */
export function dutchCalendarDay(iso: string): string {
  // en-CA formats as YYYY-MM-DD; the time zone keeps a late-evening send on the Dutch day.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** YYYY-MM-DD as dd-mm-jjjj. */
export function dutchDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}
