import { isValidBsn } from '@werkpad/shared';

import { syntheticBsns, syntheticPeople } from './synthetic-people';

describe('synthetic demo people', () => {
  it('gives BSNs that all pass the 11-proef, from the fake 99xxxxxxx range, without repeats', () => {
    const bsns = [...syntheticPeople(2000)].map((person) => person.bsn);
    expect(bsns.every(isValidBsn)).toBe(true);
    expect(bsns.every((bsn) => bsn.startsWith('99'))).toBe(true);
    expect(new Set(bsns).size).toBe(bsns.length);
  });

  it('has room for far more than the 100,000 clients of a benchmark seed', () => {
    let count = 0;
    for (const _ of syntheticBsns(998_900_000)) count++;
    // 1.1 million candidates left at 998.9M: about one in eleven passes.
    expect(count).toBeGreaterThan(90_000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const first = [...syntheticPeople(50, 7)];
    expect([...syntheticPeople(50, 7)]).toEqual(first);
    expect([...syntheticPeople(50, 8)].map((p) => p.firstName + p.lastName)).not.toEqual(
      first.map((p) => p.firstName + p.lastName),
    );
  });

  it('writes valid calendar dates of birth and Dutch postcodes', () => {
    for (const person of syntheticPeople(500)) {
      expect(Number.isNaN(Date.parse(person.dateOfBirth))).toBe(false);
      expect(person.postcode).toMatch(/^\d{4} [A-Z]{2}$/);
    }
  });
});
