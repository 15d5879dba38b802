import { matchTotpStep, totpCode, totpKeyUri, totpStep } from './totp';

// RFC 6238 appendix B uses the ASCII secret "12345678901234567890" (SHA-1); in base32:
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238, 30 s, 6 digits, SHA-1)', () => {
  it('computes the RFC 6238 test vectors (last 6 of the 8 digits)', () => {
    expect(totpCode(RFC_SECRET, totpStep(59_000))).toBe('287082');
    expect(totpCode(RFC_SECRET, totpStep(1_111_111_109_000))).toBe('081804');
    expect(totpCode(RFC_SECRET, totpStep(2_000_000_000_000))).toBe('279037');
  });

  it('accepts the previous, current and next step, and names the step that matched', () => {
    const now = 1_800_000_015_000;
    const step = totpStep(now);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now)).toBe(step - 1);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, step), now)).toBe(step);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now)).toBe(step + 1);
  });

  it('refuses a code two steps away, a wrong code and anything that is not six digits', () => {
    const now = 1_800_000_015_000;
    const step = totpStep(now);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, step - 2), now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, step + 2), now)).toBeNull();
    const wrong = String((Number(totpCode(RFC_SECRET, step)) + 1) % 1_000_000).padStart(6, '0');
    expect(matchTotpStep(RFC_SECRET, wrong, now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, '12345', now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, '12345a', now)).toBeNull();
  });

  it('builds the otpauth URL an authenticator app scans, with Werkpad as issuer', () => {
    const url = new URL(totpKeyUri('dpo1', RFC_SECRET));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Werkpad:dpo1');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: RFC_SECRET,
      issuer: 'Werkpad',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
