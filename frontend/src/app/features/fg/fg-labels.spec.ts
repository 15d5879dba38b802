import {
  actionLabel,
  categoryLabels,
  countLabel,
  formatNumber,
  groundLabel,
  isUuid,
  roleLabels,
  shortId,
} from './fg-labels';

describe('fg labels', () => {
  it('shows a capped access-log total as "10.000+" and other totals the Dutch way', () => {
    expect(countLabel(10_001)).toBe('10.000+');
    expect(countLabel(10_000)).toBe('10.000');
    expect(countLabel(1234)).toBe('1.234');
    expect(countLabel(0)).toBe('0');
    // Dashboard counts are never capped.
    expect(formatNumber(25_000)).toBe('25.000');
  });

  it('names roles, actions, categories and grounds in Dutch, and keeps unknown ids readable', () => {
    expect(roleLabels(['coach', 'income_consultant'])).toBe('Trajectbegeleider, Inkomensconsulent');
    expect(roleLabels([])).toBe('—');
    expect(roleLabels(['auditor'])).toBe('auditor');
    expect(actionLabel('read')).toBe('Inzien');
    expect(actionLabel('purge')).toBe('purge');
    expect(categoryLabels(['identity', 'payroll'])).toBe('Identiteit, Salaris en dienstverband');
    expect(categoryLabels([])).toBe('—');
    expect(groundLabel({ kind: 'emergency', reference: 'g1' })).toBe('Noodtoegang');
    expect(groundLabel(null)).toBe('—');
  });

  it('shortens client ids for the eye and recognises a full UUID', () => {
    expect(shortId('0f8c2a1e-5d6b-4c3a-9e8f-123456789abc')).toBe('0f8c2a1e…');
    expect(isUuid('0f8c2a1e-5d6b-4c3a-9e8f-123456789abc')).toBe(true);
    expect(isUuid('0f8c2a1e')).toBe(false);
  });
});
