/**
 * Burgerservicenummer helpers. A BSN has nine digits and passes the 11-proef:
 * 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be a positive multiple of 11.
 */
const BSN_PATTERN = /^\d{9}$/;

export function isValidBsn(value: string): boolean {
  if (!BSN_PATTERN.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 8).reduce((acc, digit, index) => acc + digit * (9 - index), 0) - digits[8];
  return sum > 0 && sum % 11 === 0;
}

/** Shows only the last three digits, as staff expect on screens where the full number is not needed. */
export function maskBsn(value: string): string {
  return `******${value.slice(-3)}`;
}
