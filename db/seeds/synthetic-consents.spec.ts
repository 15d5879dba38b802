import { type SyntheticTrajectory } from './synthetic-trajectories';
import { syntheticConsents } from './synthetic-consents';

const trajectory = (type: SyntheticTrajectory['type'], startDate: string): SyntheticTrajectory => ({
  type,
  legalBasis: 'Participatiewet',
  status: 'open',
  startDate,
  closedOn: null,
  reportingRecipient: 'Gemeente Ede',
  reportingCategories: ['progress'],
  reportingForm: 'written',
  reportingPurpose: 'Voortgang',
  reportingFrequency: 'Elk kwartaal',
});

describe('synthetic consents', () => {
  it('R-CONS-01: every consent has evidence and a date no later than today', () => {
    for (let index = 0; index < 200; index++) {
      for (const consent of syntheticConsents(index, [trajectory('intake', '2026-03-02')], '2026-11-22')) {
        expect(consent.evidenceReference.length).toBeGreaterThan(10);
        expect(consent.givenOn <= '2026-11-22').toBe(true);
        if (consent.withdrawnOn) expect(consent.withdrawnOn > consent.givenOn).toBe(true);
      }
    }
  });

  it('asks consent for the sociaal team only at an intake, and never withdraws in the future', () => {
    expect(syntheticConsents(5, [trajectory('bemiddeling', '2026-03-02')], '2026-11-22')).toEqual([]);
    const recent = syntheticConsents(15, [trajectory('intake', '2026-11-10')], '2026-11-22');
    expect(recent.map((consent) => [consent.purpose, consent.withdrawnOn])).toEqual([['sociaal_team', null]]);
    const older = syntheticConsents(15, [trajectory('intake', '2026-01-10')], '2026-11-22');
    expect(older[0].withdrawnOn).toBe('2026-02-09');
  });
});
