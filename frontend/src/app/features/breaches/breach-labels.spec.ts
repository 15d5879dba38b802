import type { DataBreachView } from '@werkpad/shared';
import { apStatusText, combineDateTime, isOverdue, remainingText, subjectsStatusText } from './breach-labels';

function breach(overrides: Partial<DataBreachView> = {}): DataBreachView {
  return {
    id: 'b1',
    discoveredAt: '2026-03-02T09:00:00Z',
    description: 'Mail met bijlage naar de verkeerde ontvanger',
    categories: ['identity', 'contact'],
    peopleAffected: 3,
    measures: 'Ontvanger gevraagd de mail te verwijderen',
    reportDeadline: '2026-03-05T09:00:00Z',
    reportedToApAt: null,
    apReference: null,
    notReportedReason: null,
    subjectsInformedAt: null,
    subjectsNotInformedReason: null,
    registeredByName: 'Femke FG',
    registeredAt: '2026-03-02T10:00:00Z',
    overdue: false,
    ...overrides,
  };
}

describe('breach labels', () => {
  it('R-AUD-05: counts down to the AP deadline in hours and minutes', () => {
    // 72 h after 09:00 UTC on 2 March; 30 h 48 min have passed.
    const now = new Date('2026-03-03T15:48:00Z');
    expect(apStatusText(breach(), now)).toBe(
      'Nog 41 uur en 12 minuten om te melden bij de Autoriteit Persoonsgegevens',
    );
    expect(isOverdue(breach(), now)).toBe(false);
  });

  it('writes whole hours, single units and the last minute in proper Dutch', () => {
    expect(remainingText(3 * 3_600_000)).toBe('3 uur');
    expect(remainingText(3_600_000 + 60_000)).toBe('1 uur en 1 minuut');
    expect(remainingText(25 * 60_000 + 59_000)).toBe('25 minuten');
    expect(remainingText(30_000)).toBe('minder dan een minuut');
  });

  it('R-AUD-05: is overdue once the deadline passed without a decision, in Dutch time', () => {
    const now = new Date('2026-03-05T09:00:00Z');
    expect(isOverdue(breach(), now)).toBe(true);
    expect(apStatusText(breach(), now)).toBe('Termijn verstreken sinds 05-03-2026 10:00');
    // The API's flag counts too (its clock may be ahead of the page's).
    expect(isOverdue(breach({ overdue: true }), new Date('2026-03-04T00:00:00Z'))).toBe(true);
  });

  it('R-AUD-05: a report or a reasoned decision not to report is never overdue', () => {
    const late = new Date('2026-04-01T00:00:00Z');
    const reported = breach({
      reportedToApAt: '2026-03-04T08:30:00Z',
      apReference: 'AP-123',
      overdue: false,
    });
    expect(isOverdue(reported, late)).toBe(false);
    expect(apStatusText(reported, late)).toBe('Gemeld op 04-03-2026 09:30 (kenmerk AP-123)');
    const notReported = breach({ notReportedReason: 'Versleutelde laptop, geen risico' });
    expect(isOverdue(notReported, late)).toBe(false);
    expect(apStatusText(notReported, late)).toBe('Niet gemeld: Versleutelde laptop, geen risico');
  });

  it('says whether the people concerned were informed', () => {
    expect(subjectsStatusText(breach())).toBe('Nog niet besloten');
    expect(subjectsStatusText(breach({ subjectsInformedAt: '2026-03-03T12:00:00Z' }))).toBe(
      'Geïnformeerd op 03-03-2026 13:00',
    );
    expect(subjectsStatusText(breach({ subjectsNotInformedReason: 'Geen risico' }))).toBe(
      'Niet geïnformeerd: Geen risico',
    );
  });

  it('turns a local date and a typed time into the moment the user means', () => {
    // Jest runs in Europe/Amsterdam: 14:35 in summer is 12:35 UTC.
    expect(combineDateTime(new Date(2026, 6, 1), '14:35')).toBe('2026-07-01T12:35:00.000Z');
  });
});
