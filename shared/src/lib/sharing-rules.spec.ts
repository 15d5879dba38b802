import { FULL_BSN_RECIPIENT_TYPES, IBAN_RECIPIENT_TYPES } from '../contracts/disclosures';
import { CONSENT_PURPOSES } from './consent-purposes';
import { DATA_CATEGORIES } from './data-categories';
import { ROLES } from './roles';
import { EEA_COUNTRIES, RECIPIENT_TYPES, SHARING_RULES, SHARING_RULES_VERSION } from './sharing-rules';
import { TRAJECTORY_TYPES } from './trajectory-types';

describe('SHARING_RULES (rule data, RULES.md §4)', () => {
  it('R-SHARE-01: every rule has exactly one ground: a legal basis or a consent purpose', () => {
    for (const rule of SHARING_RULES) {
      expect({
        id: rule.id,
        grounds: [rule.legalBasis !== null, rule.consentPurpose !== null].filter(Boolean),
      }).toEqual({
        id: rule.id,
        grounds: [true],
      });
      if (rule.consentPurpose) expect(CONSENT_PURPOSES).toContain(rule.consentPurpose);
      if (rule.legalBasis) expect(rule.legalBasis.law.trim()).not.toBe('');
    }
  });

  it('R-SHARE-01: rule ids are unique and every recipient type has a rule', () => {
    expect(new Set(SHARING_RULES.map((rule) => rule.id)).size).toBe(SHARING_RULES.length);
    for (const type of RECIPIENT_TYPES)
      expect(SHARING_RULES.some((rule) => rule.recipientType === type)).toBe(true);
    expect(SHARING_RULES_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it('R-SHARE-02: every rule names its categories, trajectory types and disclosing roles; identity is part of each', () => {
    for (const rule of SHARING_RULES) {
      expect(rule.allowedCategories.length).toBeGreaterThan(0);
      expect(rule.allowedCategories).toContain('identity');
      for (const category of rule.allowedCategories) expect(DATA_CATEGORIES).toContain(category);
      expect(rule.trajectoryTypes.length).toBeGreaterThan(0);
      for (const type of rule.trajectoryTypes) expect(TRAJECTORY_TYPES).toContain(type);
      expect(rule.disclosedBy.length).toBeGreaterThan(0);
      for (const role of rule.disclosedBy) expect(ROLES).toContain(role);
    }
  });

  it('R-MED-01: no rule discloses medical data, coaching notes or a religious function', () => {
    for (const rule of SHARING_RULES) {
      expect(rule.allowedCategories).not.toContain('medical');
      expect(rule.allowedCategories).not.toContain('coaching_notes');
      expect(rule.allowedCategories).not.toContain('religion');
    }
  });

  it('R-MED-05: the bedrijfsarts receives functional capabilities only', () => {
    const rules = SHARING_RULES.filter((rule) => rule.recipientType === 'bedrijfsarts');
    for (const rule of rules)
      expect([...rule.allowedCategories].sort()).toEqual(['health_functional', 'identity']);
  });

  it('R-SHARE-08, R-CONS-03: a CV to third parties and sharing with a sociaal team rest on consent', () => {
    for (const rule of SHARING_RULES.filter((candidate) => candidate.recipientType === 'cv_third_party'))
      expect(rule).toMatchObject({ legalBasis: null, consentPurpose: 'cv_profile' });
    for (const rule of SHARING_RULES.filter((candidate) => candidate.recipientType === 'sociaal_team'))
      expect(rule).toMatchObject({ legalBasis: null, consentPurpose: 'sociaal_team' });
  });

  it('R-SHARE-05: the EU/EEA list holds the 30 member states as unique two-letter codes', () => {
    expect(EEA_COUNTRIES).toHaveLength(30);
    expect(new Set(EEA_COUNTRIES).size).toBe(30);
    for (const code of EEA_COUNTRIES) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(EEA_COUNTRIES).toContain('NL');
    expect(EEA_COUNTRIES).not.toContain('GB');
    expect(EEA_COUNTRIES).not.toContain('CH');
  });

  it('the full BSN and the IBAN go only to recipients whose rules include identity and payroll', () => {
    for (const type of FULL_BSN_RECIPIENT_TYPES) expect(RECIPIENT_TYPES).toContain(type);
    for (const type of IBAN_RECIPIENT_TYPES)
      expect(
        SHARING_RULES.some(
          (rule) => rule.recipientType === type && rule.allowedCategories.includes('payroll'),
        ),
      ).toBe(true);
  });
});
