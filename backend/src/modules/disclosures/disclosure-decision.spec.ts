import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  DATA_CATEGORIES,
  type DataCategory,
  RECIPIENT_TYPES,
  type RecipientType,
  SHARING_RULES,
  SHARING_RULES_VERSION,
  type SharingRule,
  TRAJECTORY_TYPES,
  type TrajectoryType,
} from '@werkpad/shared';

import { missingConsentMessage } from '../consents/consent-check.service';
import {
  decideDisclosure,
  type DisclosureDecisionInput,
  MEDICAL_MESSAGE,
  NO_CATEGORIES_MESSAGE,
  OUTSIDE_EEA_MESSAGE,
  type ValidConsent,
} from './disclosure-decision';

const ALL_CONSENTS: Partial<Record<ConsentPurpose, ValidConsent>> = Object.fromEntries(
  CONSENT_PURPOSES.map((purpose) => [purpose, { id: `consent-${purpose}` }]),
);

function input(overrides: Partial<DisclosureDecisionInput>): DisclosureDecisionInput {
  return {
    recipient: { type: 'uwv', country: 'NL' },
    trajectoryType: 'bemiddeling',
    categories: ['identity'],
    discloserRoles: ['coach'],
    validConsents: {},
    ...overrides,
  };
}

function ruleById(id: string): SharingRule {
  const found = SHARING_RULES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

function allowedCategories(overrides: Partial<DisclosureDecisionInput>): DataCategory[] {
  return decideDisclosure(input({ ...overrides, categories: DATA_CATEGORIES }))
    .categories.filter((category) => category.allowed)
    .map((category) => category.category);
}

/** The expectation, computed from the rule data on its own (not through decideDisclosure). */
function expected(
  recipient: RecipientType,
  trajectory: TrajectoryType,
  category: DataCategory,
  consents: Partial<Record<ConsentPurpose, ValidConsent>>,
): { allowed: boolean; ground: string | null } {
  if (category === 'medical') return { allowed: false, ground: null };
  const rule = SHARING_RULES.find(
    (candidate) =>
      candidate.recipientType === recipient &&
      candidate.trajectoryTypes.includes(trajectory) &&
      candidate.allowedCategories.includes(category) &&
      (candidate.legalBasis !== null ||
        (candidate.consentPurpose !== null && consents[candidate.consentPurpose] !== undefined)),
  );
  if (!rule) return { allowed: false, ground: null };
  if (rule.legalBasis)
    return {
      allowed: true,
      ground: [rule.legalBasis.law, rule.legalBasis.article].filter(Boolean).join(' '),
    };
  return { allowed: true, ground: `toestemming ${consents[rule.consentPurpose as ConsentPurpose]?.id}` };
}

describe('decideDisclosure', () => {
  const table = RECIPIENT_TYPES.flatMap((recipient) =>
    TRAJECTORY_TYPES.flatMap((trajectory) =>
      (['zonder toestemming', 'met toestemming'] as const).map((consent) => ({
        recipient,
        trajectory,
        consent,
      })),
    ),
  );

  it.each(table)(
    'R-SHARE-01: $recipient bij traject $trajectory ($consent): elke categorie volgens de deelregels',
    ({ recipient, trajectory, consent }) => {
      const consents = consent === 'met toestemming' ? ALL_CONSENTS : {};
      // Every role that appears in a rule, so that only the rule's categories and ground decide here.
      const roles = [...new Set(SHARING_RULES.flatMap((rule) => rule.disclosedBy))];
      for (const category of DATA_CATEGORIES) {
        const decision = decideDisclosure({
          recipient: { type: recipient, country: 'NL' },
          trajectoryType: trajectory,
          categories: [category],
          discloserRoles: roles,
          validConsents: consents,
        });
        const want = expected(recipient, trajectory, category, consents);
        expect({ category, allowed: decision.allowed }).toEqual({ category, allowed: want.allowed });
        expect(decision.categories).toHaveLength(1);
        expect(decision.categories[0]).toMatchObject({
          category,
          allowed: want.allowed,
          ground: want.ground,
        });
        expect(decision.ruleVersion).toBe(SHARING_RULES_VERSION);
        if (!want.allowed) expect(decision.categories[0].reason).not.toBe('');
      }
    },
  );

  it('R-SHARE-01: names the refused category and why, and allows the rest in the same answer', () => {
    const decision = decideDisclosure(input({ categories: ['identity', 'work_history', 'coaching_notes'] }));
    expect(decision.allowed).toBe(false);
    expect(decision.categories.map((category) => [category.category, category.allowed])).toEqual([
      ['identity', true],
      ['work_history', true],
      ['coaching_notes', false],
    ]);
    expect(decision.categories[0]).toMatchObject({
      ruleId: 'uwv',
      ground: 'Participatiewet / WSW; Wet SUWI',
    });
    expect(decision.categories[2].reason).toBe('Gespreksverslagen mag niet naar UWV (R-SHARE-01).');
  });

  it('R-SHARE-01: a recipient without a rule for the trajectory type is refused as a whole', () => {
    const decision = decideDisclosure(
      input({ recipient: { type: 'belastingdienst', country: 'NL' }, trajectoryType: 'intake' }),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.refusals).toEqual([
      'Er is geen deelregel voor Belastingdienst bij een traject intake en routebepaling (R-SHARE-01).',
    ]);
  });

  it('R-SHARE-01: the ground of a legal basis names law and article when the article is known', () => {
    const decision = decideDisclosure(
      input({
        recipient: { type: 'belastingdienst', country: 'NL' },
        trajectoryType: 'beschut_werk',
        categories: ['payroll'],
        discloserRoles: ['payroll'],
      }),
    );
    expect(decision.categories[0]).toMatchObject({
      allowed: true,
      ruleId: 'belastingdienst',
      ground: 'Wet op de loonbelasting 1964 (loonaangifte) art. 28',
    });
  });

  it('R-SHARE-01: a role that the rule does not name may not make the disclosure', () => {
    const byCoach = decideDisclosure(
      input({
        recipient: { type: 'belastingdienst', country: 'NL' },
        trajectoryType: 'beschut_werk',
        categories: ['payroll'],
        discloserRoles: ['coach'],
      }),
    );
    expect(byCoach.categories[0]).toMatchObject({
      allowed: false,
      reason: 'Uw rol mag geen gegevens verstrekken aan Belastingdienst (R-SHARE-01).',
    });
    const payrollToSociaalTeam = decideDisclosure(
      input({
        recipient: { type: 'sociaal_team', country: 'NL' },
        trajectoryType: 'intake',
        categories: ['identity'],
        discloserRoles: ['payroll'],
        validConsents: ALL_CONSENTS,
      }),
    );
    expect(payrollToSociaalTeam.allowed).toBe(false);
  });

  it('R-SHARE-02: a request without categories is refused (never a whole dossier)', () => {
    const decision = decideDisclosure(input({ categories: [] }));
    expect(decision).toMatchObject({ allowed: false, refusals: [NO_CATEGORIES_MESSAGE] });
  });

  it.each(['US', 'GB', 'CH', 'TR'])(
    'R-SHARE-05: a recipient in %s (outside the EU/EEA) is refused',
    (country) => {
      const decision = decideDisclosure(
        input({ recipient: { type: 'uwv', country }, categories: ['identity'] }),
      );
      expect(decision.allowed).toBe(false);
      expect(decision.refusals).toContain(OUTSIDE_EEA_MESSAGE);
      expect(decision.refusals).toContain(
        'Gegevens gaan nooit naar ontvangers buiten de EU/EER (R-SHARE-05).',
      );
      expect(decision.categories[0]).toMatchObject({ allowed: false, reason: OUTSIDE_EEA_MESSAGE });
    },
  );

  it.each(['NL', 'de', 'NO', 'IS'])('R-SHARE-05: a recipient in %s (EU/EEA) may receive', (country) => {
    expect(decideDisclosure(input({ recipient: { type: 'uwv', country } })).allowed).toBe(true);
  });

  it.each(['beschut_werk', 'bemiddeling', 'arbeidsdiagnose'] as const)(
    'R-MED-05: the bedrijfsarts gets functional capabilities only (and who the client is), traject %s',
    (trajectoryType) => {
      expect(
        allowedCategories({ recipient: { type: 'bedrijfsarts', country: 'NL' }, trajectoryType }),
      ).toEqual(['identity', 'health_functional']);
    },
  );

  it('R-MED-01: medical data is refused even if a rule were to name it', () => {
    const careless: SharingRule = { ...ruleById('bedrijfsarts') };
    const rules = [{ ...careless, allowedCategories: ['identity', 'medical'] as DataCategory[] }];
    const decision = decideDisclosure(
      input({
        recipient: { type: 'bedrijfsarts', country: 'NL' },
        trajectoryType: 'arbeidsdiagnose',
        categories: ['medical'],
        rules,
      }),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.categories[0].reason).toBe(MEDICAL_MESSAGE);
  });

  it('R-SHARE-08: a CV goes to a third party only with the cv_profile consent', () => {
    const request = input({
      recipient: { type: 'cv_third_party', country: 'NL' },
      categories: ['identity', 'work_history'],
    });
    const without = decideDisclosure(request);
    expect(without.allowed).toBe(false);
    expect(without.categories.map((category) => category.reason)).toEqual([
      missingConsentMessage('cv_profile'),
      missingConsentMessage('cv_profile'),
    ]);
    const withConsent = decideDisclosure({ ...request, validConsents: { cv_profile: { id: 'c-1' } } });
    expect(withConsent.allowed).toBe(true);
    expect(withConsent.categories[0]).toMatchObject({
      ruleId: 'cv-profiel',
      ground: 'toestemming c-1',
      consentId: 'c-1',
    });
  });

  it('R-CONS-03: sharing with the sociaal team is refused without consent, naming it, and allowed with it', () => {
    const request = input({
      recipient: { type: 'sociaal_team', country: 'NL' },
      trajectoryType: 'intake',
      categories: ['identity', 'life_domains'],
    });
    const without = decideDisclosure(request);
    expect(without.allowed).toBe(false);
    expect(without.categories[0].reason).toBe(
      'Er is geen geldige toestemming van de cliënt voor: gegevens delen met sociaal team of jeugdhulp.',
    );
    const withConsent = decideDisclosure({ ...request, validConsents: { sociaal_team: { id: 'c-2' } } });
    expect(withConsent.allowed).toBe(true);
    // A consent for another purpose does not count.
    expect(decideDisclosure({ ...request, validConsents: { cv_profile: { id: 'c-3' } } }).allowed).toBe(
      false,
    );
  });

  it('R-CONS-01: a consent scoped to categories covers only those categories', () => {
    const decision = decideDisclosure(
      input({
        recipient: { type: 'sociaal_team', country: 'NL' },
        trajectoryType: 'intake',
        categories: ['identity', 'financial'],
        validConsents: { sociaal_team: { id: 'c-4', categories: ['identity'] } },
      }),
    );
    expect(decision.categories.map((category) => category.allowed)).toEqual([true, false]);
    expect(decision.categories[1].reason).toBe(
      'De toestemming van de cliënt geldt niet voor financiële situatie en schulden.',
    );
  });

  it('R-SHARE-01: the rule data alone decides (a changed rule changes the decision, no code per recipient)', () => {
    const rules: SharingRule[] = [
      {
        ...ruleById('taaltoets'),
        recipientType: 'uwv',
        trajectoryTypes: ['jobcoaching'],
      },
    ];
    const decision = decideDisclosure(
      input({ trajectoryType: 'jobcoaching', categories: ['language_inburgering', 'work_history'], rules }),
    );
    expect(decision.categories.map((category) => [category.ruleId, category.allowed])).toEqual([
      ['taaltoets', true],
      [null, false],
    ]);
  });
});
