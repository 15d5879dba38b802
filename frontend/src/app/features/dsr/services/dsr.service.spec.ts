import { deadlineText } from './dsr.service';

describe('deadlineText (R-DSR-03)', () => {
  it.each([
    [{ status: 'open' as const, daysLeft: 9 }, 'Nog 9 dagen'],
    [{ status: 'open' as const, daysLeft: 1 }, 'Nog 1 dag'],
    [{ status: 'open' as const, daysLeft: 0 }, 'Termijn verstrijkt vandaag'],
    [{ status: 'open' as const, daysLeft: -1 }, '1 dag te laat'],
    [{ status: 'open' as const, daysLeft: -12 }, '12 dagen te laat'],
    [{ status: 'completed' as const, daysLeft: -12 }, 'Afgehandeld'],
  ])('R-DSR-03: %j reads "%s"', (request, text) => {
    expect(deadlineText(request)).toBe(text);
  });
});
