import { isValidIban, TRAJECTORY_TYPE_RULES, TRAJECTORY_TYPES } from '@werkpad/shared';

import { asciiLocalPart, FUNCTIONAL_LIMITATIONS, syntheticParticulars } from './synthetic-client-fields';
import { DOSSIER_TEMPLATES, syntheticDossierEntries } from './synthetic-dossier';
import { dutchIban, passesAccountElfproef, syntheticIban } from './synthetic-iban';
import { syntheticPayroll } from './synthetic-payroll';
import { createRandom, syntheticPeople } from './synthetic-people';
import { REPORTING_RECIPIENT, syntheticTrajectories } from './synthetic-trajectories';

const TODAY = '2026-11-22';
const people = [...syntheticPeople(2000)];

describe('synthetic IBANs', () => {
  it('computes the check digits of a known IBAN', () => {
    // The example IBAN of the Dutch banks' documentation.
    expect(dutchIban('ABNA', '0417164300')).toBe('NL91ABNA0417164300');
  });

  it('are Dutch IBANs that pass mod-97, with an account number that passes the 11-proef', () => {
    const random = createRandom(11);
    for (let n = 0; n < 2000; n++) {
      const iban = syntheticIban(random);
      expect(iban).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/);
      expect(isValidIban(iban)).toBe(true);
      expect(passesAccountElfproef(iban.slice(8))).toBe(true);
    }
  });

  it('a changed digit fails the check (the generator does not produce look-alikes)', () => {
    const iban = syntheticIban(createRandom(3));
    const last = Number(iban.at(-1));
    expect(isValidIban(iban.slice(0, -1) + String((last + 1) % 10))).toBe(false);
  });
});

describe('synthetic client particulars', () => {
  const all = people.map((person, index) => syntheticParticulars(person, index));

  it('fills every new client field with values the schema accepts', () => {
    for (const client of all) {
      expect(client.email).toMatch(/^[a-z0-9.]+@example\.nl$/);
      expect(client.phone).toMatch(/^06-\d{8}$/);
      expect(client.availabilityHoursPerWeek).toBeGreaterThanOrEqual(0);
      expect(client.availabilityHoursPerWeek).toBeLessThanOrEqual(60);
      if (client.cvLink !== null) expect(client.cvLink).toMatch(/^https:\/\/cv\.example\.nl\//);
      if (client.iban !== null) expect(isValidIban(client.iban)).toBe(true);
      expect(client.hasDebts).toBe(client.debtNotes !== null);
      if (client.transport === 'Auto') expect(client.drivingLicence).toBe(true);
    }
    expect(all.some((client) => client.iban === null)).toBe(true);
  });

  it('describes limitations only functionally, from the fixed list', () => {
    const used = new Set(all.map((client) => client.functionalLimitations).filter((text) => text !== null));
    expect(used.size).toBeGreaterThan(1);
    for (const text of used) expect(FUNCTIONAL_LIMITATIONS).toContain(text);
  });

  it('includes names with diacritics, and e-mail addresses without them', () => {
    const names = people.map((person) => `${person.firstName} ${person.lastName}`);
    for (const fragment of ['Çelik', 'José', 'Zoë', 'Hüseyin', 'Søren']) {
      expect(names.some((name) => name.includes(fragment))).toBe(true);
    }
    expect(asciiLocalPart('Søren Çelik')).toBe('sorencelik');
    expect(asciiLocalPart('van den Berg')).toBe('vandenberg');
  });

  it('is the same on every run for a client', () => {
    expect(syntheticParticulars(people[7], 7)).toEqual(syntheticParticulars(people[7], 7));
  });
});

describe('synthetic trajectories', () => {
  const all = people.map((_, index) => syntheticTrajectories(index, TODAY));

  it('gives each client one or two trajectories of different types, with the legal basis of the type', () => {
    for (const trajectories of all) {
      expect(trajectories.length).toBeGreaterThanOrEqual(1);
      expect(trajectories.length).toBeLessThanOrEqual(2);
      expect(new Set(trajectories.map((t) => t.type)).size).toBe(trajectories.length);
      for (const trajectory of trajectories) {
        expect(trajectory.legalBasis).toBe(TRAJECTORY_TYPE_RULES[trajectory.type].legalBasis);
      }
    }
    const types = new Set(all.flat().map((t) => t.type));
    expect([...types].sort()).toEqual([...TRAJECTORY_TYPES].sort());
  });

  it('closes some in the past, never before the start, and keeps status and closed-on consistent', () => {
    for (const trajectory of all.flat()) {
      expect(trajectory.startDate <= TODAY).toBe(true);
      expect(trajectory.status === 'closed').toBe(trajectory.closedOn !== null);
      if (trajectory.closedOn !== null) {
        expect(trajectory.closedOn >= trajectory.startDate).toBe(true);
        expect(trajectory.closedOn < TODAY).toBe(true);
      }
    }
    const closed = all.flat().filter((t) => t.status === 'closed').length;
    expect(closed).toBeGreaterThan(all.length * 0.1);
    expect(closed).toBeLessThan(all.flat().length * 0.6);
  });

  it('R-SHARE-07: records a reporting agreement without medical data', () => {
    for (const trajectory of all.flat()) {
      expect(trajectory.reportingRecipient).toBe(REPORTING_RECIPIENT);
      expect(trajectory.reportingCategories).toEqual(['progress', 'benefit_impact']);
      expect(['written', 'oral']).toContain(trajectory.reportingForm);
      expect(trajectory.reportingPurpose.length).toBeGreaterThan(0);
      expect(trajectory.reportingFrequency.length).toBeGreaterThan(0);
    }
  });

  it('starts a second trajectory no earlier than the first', () => {
    for (const [first, second] of all.filter((trajectories) => trajectories.length === 2)) {
      expect(second.startDate >= first.startDate).toBe(true);
    }
  });
});

describe('synthetic dossier entries', () => {
  it('begins with a note, a progress entry and a decision, in the categories of their kind', () => {
    const trajectories = syntheticTrajectories(4, TODAY);
    const entries = syntheticDossierEntries(4, trajectories, 3, TODAY);
    expect(entries.map((entry) => DOSSIER_TEMPLATES[entry.template].kind)).toEqual([
      'note',
      'progress',
      'decision',
    ]);
    expect(entries.map((entry) => DOSSIER_TEMPLATES[entry.template].category)).toEqual([
      'coaching_notes',
      'progress',
      'benefit_impact',
    ]);
  });

  it('R-HUM-01: every decision names who took it', () => {
    for (const entry of DOSSIER_TEMPLATES.filter((t) => t.kind === 'decision')) {
      expect(entry.decidedBy?.trim()).toBeTruthy();
    }
    expect(DOSSIER_TEMPLATES.every((t) => t.category !== 'medical')).toBe(true);
  });

  it('gives the requested number of entries, each within the period of its trajectory', () => {
    for (let index = 0; index < 500; index++) {
      const trajectories = syntheticTrajectories(index, TODAY);
      const entries = syntheticDossierEntries(index, trajectories, 10, TODAY);
      expect(entries).toHaveLength(10);
      for (const entry of entries) {
        const { startDate, closedOn } = trajectories[entry.trajectory];
        expect(entry.occurredOn >= startDate).toBe(true);
        expect(entry.occurredOn <= (closedOn ?? TODAY)).toBe(true);
      }
    }
  });
});

describe('synthetic payroll data', () => {
  it('exists exactly for clients with a beschut werk or loonkostensubsidie trajectory, with consistent dates', () => {
    let withPayroll = 0;
    for (let index = 0; index < 1000; index++) {
      const trajectories = syntheticTrajectories(index, TODAY);
      const payroll = syntheticPayroll(index, trajectories, TODAY);
      const inScope = trajectories.some((t) => t.type === 'beschut_werk' || t.type === 'loonkostensubsidie');
      expect(payroll !== null).toBe(inScope);
      if (!payroll) continue;
      withPayroll++;
      const job = payroll.employment;
      expect(job.startDate <= TODAY).toBe(true);
      if (job.endDate !== null) expect(job.endDate >= job.startDate).toBe(true);
      expect(job.contractHoursPerWeek).toBeGreaterThan(0);
      expect(job.contractHoursPerWeek).toBeLessThanOrEqual(40);
      for (const month of payroll.hours) {
        expect(month.month).toMatch(/^\d{4}-\d{2}-01$/);
        expect(month.month > job.startDate).toBe(true);
        expect(month.hoursWorked).toBeGreaterThanOrEqual(0);
        expect(month.hoursWorked).toBeLessThanOrEqual(300);
      }
      expect(new Set(payroll.hours.map((h) => h.month)).size).toBe(payroll.hours.length);
      for (const absence of payroll.absences) {
        if (absence.lastDay !== null) expect(absence.lastDay >= absence.firstDay).toBe(true);
      }
      expect(payroll.loonwaarde.percentage).toBeGreaterThanOrEqual(0);
      expect(payroll.loonwaarde.percentage).toBeLessThanOrEqual(100);
      const beschut = trajectories.find((t) => t.type === 'beschut_werk' || t.type === 'loonkostensubsidie');
      expect(payroll.lksApplication === null).toBe(beschut?.type === 'beschut_werk');
    }
    expect(withPayroll).toBeGreaterThan(100);
  });
});
