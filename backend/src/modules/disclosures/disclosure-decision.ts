import {
  type CategoryDecision,
  type ConsentPurpose,
  DATA_CATEGORY_LABELS,
  type DataCategory,
  type DisclosureDecision,
  EEA_COUNTRIES,
  type LegalBasis,
  type RecipientType,
  type Role,
  SHARING_RULES,
  SHARING_RULES_VERSION,
  type SharingRule,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryType,
} from '@werkpad/shared';

import { missingConsentMessage } from '../consents/consent-check.service';

/** A consent that is valid today for a purpose; `categories` empty means the whole rule. */
export interface ValidConsent {
  readonly id: string;
  readonly categories?: readonly DataCategory[];
}

export interface DisclosureDecisionInput {
  readonly recipient: { readonly type: RecipientType; readonly country: string };
  readonly trajectoryType: TrajectoryType;
  readonly categories: readonly DataCategory[];
  readonly discloserRoles: readonly Role[];
  /** Purpose → the valid consent (ConsentCheck.findValid), absent when there is none. */
  readonly validConsents: Readonly<Partial<Record<ConsentPurpose, ValidConsent>>>;
  /** The rule data; SHARING_RULES unless a test passes its own. */
  readonly rules?: readonly SharingRule[];
}

export const OUTSIDE_EEA_MESSAGE = 'Gegevens gaan nooit naar ontvangers buiten de EU/EER (R-SHARE-05).';
export const NO_CATEGORIES_MESSAGE =
  'Een verstrekking noemt de gegevenscategorieën die worden verstrekt, nooit een heel dossier (R-SHARE-02).';
export const MEDICAL_MESSAGE =
  'Medische gegevens worden nooit verstrekt; alleen de uitkomst van een onderzoek (R-MED-01, R-MED-03).';

/** The legal basis as it is stored and shown: law plus article, when the article is known. */
export function legalBasisText(basis: LegalBasis): string {
  return basis.article ? `${basis.law} ${basis.article}` : basis.law;
}

export function consentGroundText(consentId: string): string {
  return `toestemming ${consentId}`;
}

function recipientLabel(type: RecipientType, rules: readonly SharingRule[]): string {
  return rules.find((rule) => rule.recipientType === type)?.recipientLabel ?? type;
}

function refused(category: DataCategory, reason: string): CategoryDecision {
  return { category, allowed: false, ruleId: null, ground: null, consentId: null, reason };
}

/**
 * Decides a disclosure from the sharing rules alone (R-SHARE-01): per requested category, the rule
 * that allows it and its ground (legal basis or valid consent), or why not. No recipient has code
 * of its own; a changed rule changes the decision. Pure: the caller looks up the consents.
 */
export function decideDisclosure(input: DisclosureDecisionInput): DisclosureDecision {
  const rules = input.rules ?? SHARING_RULES;
  const label = recipientLabel(input.recipient.type, rules);
  const trajectoryLabel = TRAJECTORY_TYPE_RULES[input.trajectoryType].label.toLowerCase();
  const outsideEea = !EEA_COUNTRIES.includes(input.recipient.country.toUpperCase());
  const applicable = rules.filter(
    (rule) =>
      rule.recipientType === input.recipient.type && rule.trajectoryTypes.includes(input.trajectoryType),
  );
  const noRule = `Er is geen deelregel voor ${label} bij een traject ${trajectoryLabel} (R-SHARE-01).`;

  const refusals: string[] = [];
  // R-SHARE-05: never outside the EU/EEA, whatever the rule says.
  if (outsideEea) refusals.push(OUTSIDE_EEA_MESSAGE);
  // R-SHARE-02: a disclosure names its categories.
  if (input.categories.length === 0) refusals.push(NO_CATEGORIES_MESSAGE);
  if (applicable.length === 0) refusals.push(noRule);

  const categories = input.categories.map((category): CategoryDecision => {
    const categoryLabel = DATA_CATEGORY_LABELS[category];
    // R-MED-01: medical data is never disclosed, even if a rule were to name it.
    if (category === 'medical') return refused(category, MEDICAL_MESSAGE);
    if (outsideEea) return refused(category, OUTSIDE_EEA_MESSAGE);
    if (applicable.length === 0) return refused(category, noRule);
    const covering = applicable.filter((rule) => rule.allowedCategories.includes(category));
    if (covering.length === 0)
      return refused(category, `${categoryLabel} mag niet naar ${label} (R-SHARE-01).`);
    const byRole = covering.filter((rule) =>
      rule.disclosedBy.some((role) => input.discloserRoles.includes(role)),
    );
    if (byRole.length === 0)
      return refused(category, `Uw rol mag geen gegevens verstrekken aan ${label} (R-SHARE-01).`);

    let consentReason: string | null = null;
    for (const rule of byRole) {
      if (rule.legalBasis) {
        const ground = legalBasisText(rule.legalBasis);
        return {
          category,
          allowed: true,
          ruleId: rule.id,
          ground,
          consentId: null,
          reason: `Toegestaan: ${ground}`,
        };
      }
      if (!rule.consentPurpose) continue;
      const consent = input.validConsents[rule.consentPurpose];
      if (!consent) {
        // R-CONS-03: the message names the consent that is missing.
        consentReason ??= missingConsentMessage(rule.consentPurpose);
        continue;
      }
      if (consent.categories && consent.categories.length > 0 && !consent.categories.includes(category)) {
        consentReason ??= `De toestemming van de cliënt geldt niet voor ${categoryLabel.toLowerCase()}.`;
        continue;
      }
      const ground = consentGroundText(consent.id);
      return {
        category,
        allowed: true,
        ruleId: rule.id,
        ground,
        consentId: consent.id,
        reason: `Toegestaan: ${ground}`,
      };
    }
    return refused(category, consentReason ?? noRule);
  });

  return {
    allowed: refusals.length === 0 && categories.every((category) => category.allowed),
    ruleVersion: SHARING_RULES_VERSION,
    categories,
    refusals,
  };
}

/** The consent purposes the rules for this recipient and trajectory type could rest on. */
export function consentPurposesFor(
  recipientType: RecipientType,
  trajectoryType: TrajectoryType,
  rules: readonly SharingRule[] = SHARING_RULES,
): ConsentPurpose[] {
  const purposes = rules
    .filter((rule) => rule.recipientType === recipientType && rule.trajectoryTypes.includes(trajectoryType))
    .map((rule) => rule.consentPurpose)
    .filter((purpose): purpose is ConsentPurpose => purpose !== null);
  return [...new Set(purposes)];
}

/** Every refusal of a decision in one sentence list, for the 403 message. */
export function refusalMessage(decision: DisclosureDecision): string {
  const reasons = [
    ...decision.refusals,
    ...decision.categories
      .filter((category) => !category.allowed)
      .map((category) => `${DATA_CATEGORY_LABELS[category.category]}: ${category.reason}`),
  ];
  return `Deze verstrekking is niet toegestaan. ${[...new Set(reasons)].join(' ')}`;
}
