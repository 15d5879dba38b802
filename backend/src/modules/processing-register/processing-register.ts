import {
  CLIENT_FIELD_CATEGORIES,
  type ConsentPurpose,
  type ConsentPurposeRule,
  DATA_CATEGORIES,
  type DataCategory,
  DOSSIER_KIND_CATEGORIES,
  type ProcessingActivity,
  type ProcessingRegister,
  type SharingRule,
  TRAJECTORY_TYPES,
  type TrajectoryType,
  type TrajectoryTypeRule,
} from '@werkpad/shared';

import { ARTICLE_PENDING } from '../disclosures/sharing-rules-doc';
import { type ProcessingActivityRule } from './processing-activities';

/** Everything the register is generated from: the rule data the code enforces (see defaultProcessingRules). */
export interface ProcessingRules {
  readonly controller: string;
  readonly trajectoryTypes: Readonly<Record<TrajectoryType, TrajectoryTypeRule>>;
  readonly sharingRules: readonly SharingRule[];
  readonly sharingRulesVersion: string;
  readonly consentPurposes: Readonly<Record<ConsentPurpose, ConsentPurposeRule>>;
  /** The categories a client file can hold, whatever the trajectory (fields and dossier entries). */
  readonly clientFileCategories: readonly DataCategory[];
  readonly clientFileConsentPurposes: readonly ConsentPurpose[];
  readonly activities: Readonly<Record<TrajectoryType, ProcessingActivityRule>>;
  readonly securityMeasures: readonly string[];
  /**
   * The current retention periods from the database's retention policy (issue 7), which a records
   * manager may change; without them the register shows the initial values of RULES.md §2.
   */
  readonly retentionPeriods?: Readonly<Partial<Record<TrajectoryType, RetentionPeriods>>>;
}

/** The years of one trajectory type's parts and the policy version they come from. */
export interface RetentionPeriods {
  readonly file: number;
  readonly medical?: number;
  readonly version: number;
}

/**
 * The categories of the client file itself: those of its fields (CLIENT_FIELD_CATEGORIES) and of its
 * dossier entries (DOSSIER_KIND_CATEGORIES). Medical data and the Expertisecentrum's outcome are never
 * part of it (R-MED-01, R-MED-02); they come in only through the arbeidsdiagnose activity.
 */
export function clientFileCategories(): DataCategory[] {
  const held = new Set<DataCategory>();
  for (const category of Object.values(CLIENT_FIELD_CATEGORIES))
    if (category !== 'always') held.add(category);
  for (const categories of Object.values(DOSSIER_KIND_CATEGORIES)) categories.forEach((c) => held.add(c));
  return DATA_CATEGORIES.filter((category) => held.has(category));
}

function inOrder(categories: Iterable<DataCategory>): DataCategory[] {
  const set = new Set(categories);
  return DATA_CATEGORIES.filter((category) => set.has(category));
}

/** How a recipient's ground reads in the register: the law and article, or the consent it rests on. */
function recipientGround(rule: SharingRule, consentPurposes: ProcessingRules['consentPurposes']): string {
  if (rule.legalBasis) return `${rule.legalBasis.law}, ${rule.legalBasis.article ?? ARTICLE_PENDING}`;
  return `toestemming: ${rule.consentPurpose ? consentPurposes[rule.consentPurpose].label : 'onbekend doel'}`;
}

/**
 * The categories of one activity: what the client file can hold, minus what is bound to other kinds of
 * trajectory (payroll data exists only for employment trajectories, medical data only for an
 * arbeidsdiagnose), plus this activity's own categories and everything its recipients may receive.
 */
function activityCategories(
  type: TrajectoryType,
  rules: ProcessingRules,
  recipients: SharingRule[],
): DataCategory[] {
  const boundElsewhere = new Set<DataCategory>();
  for (const other of TRAJECTORY_TYPES) {
    if (other === type) continue;
    for (const category of rules.activities[other].ownCategories) boundElsewhere.add(category);
  }
  for (const category of rules.activities[type].ownCategories) boundElsewhere.delete(category);
  return inOrder([
    ...rules.clientFileCategories.filter((category) => !boundElsewhere.has(category)),
    ...rules.activities[type].ownCategories,
    ...recipients.flatMap((rule) => rule.allowedCategories),
  ]);
}

function retention(rule: TrajectoryTypeRule, periods?: RetentionPeriods): string {
  const file = `${periods?.file ?? rule.retentionYears} jaar na afsluiting van het traject`;
  const medical = periods ? periods.medical : rule.medicalRetentionYears;
  const text = medical === undefined ? file : `${file}; medische gegevens ${medical} jaar na afsluiting`;
  return periods ? `${text} (bewaarbeleid versie ${periods.version})` : text;
}

/**
 * AVG art. 30: the register of processing activities, one activity per trajectory type, generated
 * from the rule data itself so that it cannot drift from what the code enforces. Pure: the same rules
 * and moment give the same register.
 */
export function buildProcessingRegister(rules: ProcessingRules, now: Date): ProcessingRegister {
  const activities = TRAJECTORY_TYPES.map((type): ProcessingActivity => {
    const rule = rules.trajectoryTypes[type];
    const activity = rules.activities[type];
    const recipients = rules.sharingRules.filter((sharing) => sharing.trajectoryTypes.includes(type));
    const consentPurposes = [
      ...new Set<ConsentPurpose>([
        ...rules.clientFileConsentPurposes,
        ...activity.consentPurposes,
        ...recipients.flatMap((sharing) => (sharing.consentPurpose ? [sharing.consentPurpose] : [])),
      ]),
    ];
    const legalBases = rule.legalBasis.split(/,\s*/).filter((basis) => basis.length > 0);
    if (consentPurposes.length > 0) {
      legalBases.push('Toestemming van de cliënt, alleen voor de genoemde toestemmingsdoelen');
    }
    return {
      trajectoryType: type,
      name: rule.label,
      purposes: [...activity.purposes],
      legalBases,
      dataCategories: activityCategories(type, rules, recipients),
      recipients: recipients.map((sharing) => ({
        recipient: sharing.recipientLabel,
        categories: inOrder(sharing.allowedCategories),
        ground: recipientGround(sharing, rules.consentPurposes),
      })),
      consentPurposes: consentPurposes.map((purpose) => rules.consentPurposes[purpose].label),
      retention: retention(rule, rules.retentionPeriods?.[type]),
    };
  });
  return {
    generatedAt: now.toISOString(),
    sharingRulesVersion: rules.sharingRulesVersion,
    controller: rules.controller,
    activities,
    securityMeasures: [...rules.securityMeasures],
  };
}
