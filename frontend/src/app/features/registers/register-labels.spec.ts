import { RECIPIENT_TYPES } from '@werkpad/shared';
import {
  dutchDate,
  dutchDateTime,
  purposeOptions,
  recipientTypeOptions,
  reviewLabel,
  shortDigest,
} from './register-labels';

describe('register labels', () => {
  it('offers every recipient type once, by its rule label', () => {
    const options = recipientTypeOptions();
    expect(options.map((option) => option.value).sort()).toEqual([...RECIPIENT_TYPES].sort());
    expect(options.find((option) => option.value === 'uwv')?.label).toBe('UWV');
  });

  it('offers every consent purpose by its Dutch label', () => {
    expect(purposeOptions().find((option) => option.value === 'whatsapp')?.label).toBe(
      'Contact via WhatsApp (alleen afspraken)',
    );
  });

  it('R-SHARE-06: a report nobody recorded a review for counts as not shown', () => {
    expect(reviewLabel(true, null)).toBe('Nog niet aan de cliënt getoond');
    expect(reviewLabel(true, 'shown_before_sending')).toBe('Vóór verzending aan de cliënt getoond');
    expect(reviewLabel(false, null)).toBe('Geen rapportage');
  });

  it('shows moments in Dutch time, summer and winter', () => {
    expect(dutchDateTime('2026-07-01T10:05:00Z')).toBe('01-07-2026 12:05');
    expect(dutchDateTime('2026-12-31T23:00:00Z')).toBe('01-01-2027 00:00');
  });

  it('writes calendar dates as dd-mm-jjjj and no date as a dash', () => {
    expect(dutchDate('2026-03-09')).toBe('09-03-2026');
    expect(dutchDate(null)).toBe('—');
  });

  it('shortens only long digests', () => {
    expect(shortDigest('abc')).toBe('abc');
    expect(shortDigest('0123456789abcdef')).toBe('0123456789ab…');
  });
});
