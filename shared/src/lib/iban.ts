/**
 * IBAN helpers (ISO 13616). An IBAN is a two-letter country code, two check digits and a national
 * account number of up to 30 letters/digits; it is valid when, with the first four characters moved
 * to the end and every letter replaced by its number (A=10 … Z=35), the number mod 97 equals 1.
 */
const IBAN_PATTERN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** Removes spaces and makes letters upper case, the form in which an IBAN is checked and stored. */
export function normalizeIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export function isValidIban(value: string): boolean {
  const iban = normalizeIban(value);
  if (!IBAN_PATTERN.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * The bank account as staff see it where the full number is not needed: the country code and the
 * last four characters, the rest as `*`, in the usual groups of four ("NL** **** **** **43 00").
 */
export function maskIban(value: string): string {
  const iban = normalizeIban(value);
  const masked = iban.slice(0, 2) + '*'.repeat(Math.max(iban.length - 6, 0)) + iban.slice(-4);
  return masked.replace(/(.{4})(?=.)/g, '$1 ');
}
