import { packed } from '../../../testing/users';
import { buildAbility } from '../auth/ability';
import { permittedNavItems } from './nav-items';

const labels = (rules: ReturnType<typeof packed>) =>
  permittedNavItems(buildAbility(rules)).map((item) => item.label);

describe('permittedNavItems', () => {
  it('offers the FG both registers next to the audit check', () => {
    const dpo = packed([
      { action: 'read', subject: 'AuditEvent' },
      { action: 'verify', subject: 'AuditChain' },
      { action: 'read', subject: 'Disclosure' },
      { action: 'read', subject: 'Consent' },
    ]);
    expect(labels(dpo)).toEqual([
      'Start',
      'FG-werkplek',
      'Toegangslog',
      'Bevindingen',
      'Auditlog controleren',
      'Verstrekkingenregister',
      'Toestemmingenregister',
    ]);
  });

  it("offers the FG's workplace (overview, access log, findings) only with read AuditEvent", () => {
    const dpo = packed([{ action: 'read', subject: 'AuditEvent' }]);
    expect(labels(dpo)).toEqual(['Start', 'FG-werkplek', 'Toegangslog', 'Bevindingen']);
    const paths = permittedNavItems(buildAbility(dpo)).map((item) => item.path);
    expect(paths).toEqual(['/', '/fg/overzicht', '/fg/toegangslog', '/fg/bevindingen']);
    const management = packed([{ action: 'read', subject: 'Client' }]);
    expect(labels(management)).not.toContain('Toegangslog');
  });

  it('does not offer a coach the registers, although a coach reads disclosures and consents', () => {
    const coach = packed([
      { action: 'read', subject: 'Client', conditions: { coachId: 'u-coach' } },
      { action: 'read', subject: 'Disclosure' },
      { action: 'read', subject: 'Consent' },
    ]);
    expect(labels(coach)).toEqual(['Start', 'Mijn cliënten']);
  });

  it('R-MED-01: offers the Expertisecentrum its workspace, and nobody else', () => {
    const expertise = packed([
      { action: 'read', subject: 'Client', conditions: { expertiseUserIds: { $all: ['u-expertise'] } } },
      { action: 'read', subject: 'ExpertiseTrajectory' },
    ]);
    expect(labels(expertise)).toEqual(['Start', 'Mijn cliënten', 'Expertisecentrum']);
    const coach = packed([
      { action: 'read', subject: 'Client', conditions: { coachId: 'u-coach' } },
      { action: 'read', subject: 'DiagnosisOutcome' },
    ]);
    expect(labels(coach)).not.toContain('Expertisecentrum');
  });

  it('R-AUD-05: offers the FG the breach register and the processing register', () => {
    const dpo = packed([
      { action: 'read', subject: 'AuditEvent' },
      { action: 'read', subject: 'DataBreach' },
      { action: 'create', subject: 'DataBreach' },
      { action: 'read', subject: 'ProcessingRegister' },
    ]);
    expect(labels(dpo)).toEqual(expect.arrayContaining(['Datalekken', 'Verwerkingsregister']));
    expect(labels(dpo)).not.toContain('Noodtoegang');
  });

  it('offers coaches and income consultants emergency access, and nobody without the right', () => {
    const coach = packed([
      { action: 'read', subject: 'Client', conditions: { coachId: 'u-coach' } },
      { action: 'create', subject: 'EmergencyAccess' },
    ]);
    expect(labels(coach)).toEqual(['Start', 'Mijn cliënten', 'Noodtoegang']);
    const management = packed([{ action: 'read', subject: 'Client' }]);
    expect(labels(management)).not.toContain('Noodtoegang');
    expect(labels(management)).not.toContain('Datalekken');
  });

  it('offers functioneel beheer the assignment of arbeidsdiagnoses, not the research itself', () => {
    const admin = packed([
      { action: 'manage', subject: 'User' },
      { action: 'assign', subject: 'ExpertiseTrajectory' },
    ]);
    expect(labels(admin)).toEqual(['Start', 'Gebruikersbeheer', 'Arbeidsdiagnoses toewijzen']);
  });
});
