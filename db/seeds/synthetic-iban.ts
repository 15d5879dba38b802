/**
 * Synthetic Dutch bank account numbers (IBAN) for demo data. They are well-formed: the account
 * number passes the old Dutch 11-proef and the IBAN its ISO 13616 mod-97 check, so validators in
 * the application accept them, but they are generated, not taken from anyone.
 */
const BANK_CODES = ['ABNA', 'RABO', 'INGB', 'SNSB', 'ASNB', 'TRIO', 'KNAB', 'BUNQ'] as const;

/** ISO 13616: letters become 10..35, the first four characters move to the end, the rest mod 97. */
function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Ten digits whose weighted sum (10, 9, ..., 1) is a multiple of 11, as Dutch banks used to require. */
export function passesAccountElfproef(account: string): boolean {
  if (!/^\d{10}$/.test(account)) return false;
  const sum = [...account].reduce((acc, digit, index) => acc + Number(digit) * (10 - index), 0);
  return sum > 0 && sum % 11 === 0;
}

/** An NL IBAN: NLkk BBBB nnnnnnnnnn with the check digits computed for the bank code and account. */
export function dutchIban(bankCode: string, account: string): string {
  const bban = `${bankCode}${account}`;
  const check = 98 - mod97(`${bban}NL00`);
  return `NL${String(check).padStart(2, '0')}${bban}`;
}

/** A deterministic synthetic IBAN from the given random source. */
export function syntheticIban(random: () => number): string {
  const bankCode = BANK_CODES[Math.floor(random() * BANK_CODES.length)];
  let account = String(Math.floor(random() * 1e10)).padStart(10, '0');
  // Step to the next number that passes the 11-proef (a few steps at most).
  while (!passesAccountElfproef(account)) {
    account = String((Number(account) + 1) % 1e10).padStart(10, '0');
  }
  return dutchIban(bankCode, account);
}
