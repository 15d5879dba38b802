import { isValidBsn, maskBsn } from './bsn';

describe('BSN', () => {
  it('accepts numbers that pass the 11-proef', () => {
    // 111222333: 9+8+7+12+10+8+9+6-3 = 66, a multiple of 11
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
  });

  it('refuses numbers that fail the 11-proef', () => {
    expect(isValidBsn('111222334')).toBe(false);
    expect(isValidBsn('123456789')).toBe(false);
  });

  it('refuses anything that is not exactly nine digits', () => {
    for (const value of ['', '12345678', '1234567820', '12345678a', ' 123456782']) {
      expect(isValidBsn(value)).toBe(false);
    }
  });

  it('refuses all zeros, whose checksum is zero', () => {
    expect(isValidBsn('000000000')).toBe(false);
  });

  it('masks all but the last three digits', () => {
    expect(maskBsn('123456782')).toBe('******782');
  });
});
