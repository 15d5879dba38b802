import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CONSENT_PURPOSE_RULES, CONSENT_PURPOSES, type SharingRule } from '@werkpad/shared';

import { buildProcessingRegister, type ProcessingRules } from './processing-register';
import { renderProcessingRegister } from './processing-register-doc';
import { defaultProcessingRules } from './processing-rules';

const NOW = new Date('2026-11-22T10:00:00Z');

function activity(rules: ProcessingRules, type: string) {
  const found = buildProcessingRegister(rules, NOW).activities.find((item) => item.trajectoryType === type);
  if (!found) throw new Error(`no activity ${type}`);
  return found;
}

describe('processing register (AVG art. 30)', () => {
  const rules = defaultProcessingRules();

  it('has one activity per trajectory type with its legal basis, retention and recipients from the rules', () => {
    const register = buildProcessingRegister(rules, NOW);
    expect(register.generatedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(register.activities.map((item) => item.trajectoryType)).toEqual(
      Object.keys(rules.trajectoryTypes),
    );
    const diagnose = activity(rules, 'arbeidsdiagnose');
    expect(diagnose.legalBases).toEqual(
      expect.arrayContaining(['Participatiewet', 'WSW', 'WIA (met instemming van de cliënt)']),
    );
    expect(diagnose.retention).toBe(
      '2 jaar na afsluiting van het traject; medische gegevens 15 jaar na afsluiting',
    );
    expect(diagnose.recipients).toContainEqual({
      recipient: 'Opdrachtgever van de arbeidsdiagnose (gemeente of andere instelling)',
      categories: ['identity', 'diagnosis_outcome'],
      ground:
        'Participatiewet / Wet sociale werkvoorziening / Wet WIA, artikel nog te bevestigen door FG/jurist',
    });
    expect(activity(rules, 'beschut_werk').recipients).toContainEqual({
      recipient: 'Belastingdienst',
      categories: ['identity', 'payroll'],
      ground: 'Wet op de loonbelasting 1964 (loonaangifte), art. 28',
    });
    expect(activity(rules, 'intake').recipients).toContainEqual(
      expect.objectContaining({
        recipient: 'Sociaal team of jeugdhulp',
        ground: 'toestemming: Gegevens delen met sociaal team of jeugdhulp',
      }),
    );
  });

  it('R-MED-01: names medical data only for the arbeidsdiagnose, and payroll data where the rules bring it', () => {
    const register = buildProcessingRegister(rules, NOW);
    for (const item of register.activities) {
      expect(item.dataCategories.includes('medical')).toBe(item.trajectoryType === 'arbeidsdiagnose');
      expect(item.dataCategories).not.toContain('account');
      // Every category a recipient may receive is a category of the activity.
      for (const recipient of item.recipients) {
        for (const category of recipient.categories) expect(item.dataCategories).toContain(category);
      }
    }
    // Payroll: own data of the employment trajectories; elsewhere only because a recipient (UWV) may get it.
    expect(activity(rules, 'beschut_werk').dataCategories).toContain('payroll');
    expect(activity(rules, 'arbeidsdiagnose').dataCategories).not.toContain('payroll');
  });

  it('names every consent purpose in at least one activity', () => {
    const named = new Set(
      buildProcessingRegister(rules, NOW).activities.flatMap((item) => item.consentPurposes),
    );
    for (const purpose of CONSENT_PURPOSES) expect(named).toContain(CONSENT_PURPOSE_RULES[purpose].label);
  });

  it('a changed rule changes the register', () => {
    const extraRecipient: SharingRule = {
      id: 'test-reclassering',
      recipientType: 'sociaal_team',
      recipientLabel: 'Reclassering (testregel)',
      allowedCategories: ['identity', 'education'],
      trajectoryTypes: ['jobcoaching'],
      legalBasis: { law: 'Testwet', article: 'art. 1' },
      consentPurpose: null,
      disclosedBy: ['coach'],
      source: 'test',
    };
    const changed: ProcessingRules = {
      ...rules,
      sharingRules: [...rules.sharingRules, extraRecipient],
      trajectoryTypes: {
        ...rules.trajectoryTypes,
        inburgering: {
          ...rules.trajectoryTypes.inburgering,
          retentionYears: 10,
          legalBasis: 'Wet inburgering 2021',
        },
      },
      activities: {
        ...rules.activities,
        inburgering: { ...rules.activities.inburgering, ownCategories: ['religion'] },
        arbeidsdiagnose: { ...rules.activities.arbeidsdiagnose, consentPurposes: [] },
      },
    };

    expect(activity(changed, 'jobcoaching').recipients).toContainEqual({
      recipient: 'Reclassering (testregel)',
      categories: ['identity', 'education'],
      ground: 'Testwet, art. 1',
    });
    expect(activity(rules, 'jobcoaching').recipients.map((item) => item.recipient)).not.toContain(
      'Reclassering (testregel)',
    );
    expect(activity(changed, 'inburgering')).toMatchObject({
      retention: '10 jaar na afsluiting van het traject',
      legalBases: ['Wet inburgering 2021', expect.stringContaining('Toestemming')],
    });
    expect(activity(rules, 'inburgering').retention).toBe('5 jaar na afsluiting van het traject');
    // A category bound to one kind of trajectory leaves the others (no recipient of theirs gets it).
    expect(activity(rules, 'intake').dataCategories).toContain('religion');
    expect(activity(changed, 'intake').dataCategories).not.toContain('religion');
    expect(activity(changed, 'inburgering').dataCategories).toContain('religion');
    expect(activity(changed, 'arbeidsdiagnose').consentPurposes).not.toContain(
      CONSENT_PURPOSE_RULES.gp_data_request.label,
    );
    expect(renderProcessingRegister(buildProcessingRegister(changed, NOW))).not.toBe(
      renderProcessingRegister(buildProcessingRegister(rules, NOW)),
    );
  });

  it('docs/processing-register.md is exactly what the rules say (run `npm run docs:register` after changing a rule)', () => {
    const documented = readFileSync(join(__dirname, '../../../../docs/processing-register.md'), 'utf8');
    expect(documented).toBe(renderProcessingRegister(buildProcessingRegister(rules, new Date())));
  });
});
