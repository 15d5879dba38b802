import { type DataCategory } from './data-categories';
import { type LegalBasis, SHARING_RULES, type SharingRule } from './sharing-rules';
import { type TrajectoryType } from './trajectory-types';

/**
 * Who a progress report can be addressed to (issue 8): the client, or one of the commissioners the
 * sharing rules know. The client is not a disclosure recipient: the report shows the client their
 * own file (AVG art. 12–15); everyone else receives only what a legal-basis rule allows.
 */
export const REPORT_RECIPIENT_TYPES = [
  'client',
  'income_consultant',
  'uwv',
  'employer',
  'diagnosis_commissioner',
] as const;
export type ReportRecipientType = (typeof REPORT_RECIPIENT_TYPES)[number];

export const REPORT_RECIPIENT_LABELS: Readonly<Record<ReportRecipientType, string>> = {
  client: 'De cliënt zelf',
  income_consultant: 'Inkomensconsulent (gemeente)',
  uwv: 'UWV',
  employer: 'Werkgever / inlener',
  diagnosis_commissioner: 'Opdrachtgever arbeidsdiagnose',
};

/**
 * What a progress report can show at all: never medical data (R-MED-01), never conversation notes
 * (a report is not the dossier), never financial details (debts) or religion, never accounts.
 */
export const REPORT_CONTENT_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'work_history',
  'education',
  'language_inburgering',
  'payroll',
  'progress',
  'benefit_impact',
  'diagnosis_outcome',
];

function basisText(basis: LegalBasis): string {
  return basis.article ? `${basis.law} ${basis.article}` : basis.law;
}

export const CLIENT_REPORT_GROUND = 'AVG art. 12 en 15 (informatie aan de betrokkene zelf)';

export interface ReportCategorySelection {
  readonly categories: readonly DataCategory[];
  /** The legal bases the categories rest on, as shown in the footer. */
  readonly grounds: readonly string[];
  readonly ruleIds: readonly string[];
}

/**
 * The categories a report to `recipient` about a trajectory of `trajectoryType` may contain
 * (R-REP-01, R-SHARE-01): the reportable categories a legal-basis sharing rule allows for this
 * recipient and trajectory type, intersected with what the author may read. Consent-based rules
 * are left out: a report rests on a legal basis; consent-based sharing goes through the disclosure
 * dialog, where the consent is checked and named.
 */
export function reportCategories(
  recipient: ReportRecipientType,
  trajectoryType: TrajectoryType,
  readable: ReadonlySet<DataCategory>,
  rules: readonly SharingRule[] = SHARING_RULES,
): ReportCategorySelection {
  if (recipient === 'client') {
    return {
      categories: REPORT_CONTENT_CATEGORIES.filter((category) => readable.has(category)),
      grounds: [CLIENT_REPORT_GROUND],
      ruleIds: [],
    };
  }
  const applicable = rules.filter(
    (rule) =>
      rule.recipientType === recipient &&
      rule.trajectoryTypes.includes(trajectoryType) &&
      rule.legalBasis !== null,
  );
  const categories = REPORT_CONTENT_CATEGORIES.filter(
    (category) =>
      readable.has(category) && applicable.some((rule) => rule.allowedCategories.includes(category)),
  );
  const used = applicable.filter((rule) =>
    rule.allowedCategories.some((category) => categories.includes(category)),
  );
  return {
    categories,
    grounds: [...new Set(used.map((rule) => basisText(rule.legalBasis as LegalBasis)))],
    ruleIds: used.map((rule) => rule.id),
  };
}
