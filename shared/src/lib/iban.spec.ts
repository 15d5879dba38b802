import { isValidIban, maskIban, normalizeIban } from './iban';

describe('IBAN', () => {
  it('accepts IBANs whose check digits pass mod-97, with or without spaces and in any case', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('nl91 abna 0417 1643 00')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
  });

  it('refuses a wrong check digit, a typo and anything that is not shaped like an IBAN', () => {
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    for (const value of ['', 'NL91', '1234567890', 'NL91ABNA04171643!0', '91NLABNA0417164300']) {
      expect(isValidIban(value)).toBe(false);
    }
  });

  it('normalises to upper case without spaces', () => {
    expect(normalizeIban(' nl91 abna 0417 1643 00 ')).toBe('NL91ABNA0417164300');
  });

  it('masks all but the country code and the last four characters, grouped by four', () => {
    expect(maskIban('NL91ABNA0417164300')).toBe('NL** **** **** **43 00');
    expect(maskIban('BE68539007547034')).toBe('BE** **** **** 7034');
  });
});
