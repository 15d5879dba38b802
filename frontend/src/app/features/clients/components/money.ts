const EUROS = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** Euro cents as Dutch money text: 215000 → "€ 2.150,00". */
export function formatCents(cents: number): string {
  return EUROS.format(cents / 100);
}

const DUTCH_AMOUNT = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$|^\d+(,\d{1,2})?$/;
const PLAIN_AMOUNT = /^\d+(\.\d{1,2})?$/;

/**
 * Cents of an amount in euro as people type it: "2150", "2150,50", "2.150,50" or "€ 2.150" (and
 * "2150.50", as a keypad types it). Null when it is no amount; the API counts in whole cents.
 */
export function parseEuros(text: string): number | null {
  const value = text.replace(/€|\s/g, '');
  let normalised: string;
  if (DUTCH_AMOUNT.test(value)) normalised = value.replace(/\./g, '').replace(',', '.');
  else if (PLAIN_AMOUNT.test(value)) normalised = value;
  else return null;
  return Math.round(Number(normalised) * 100);
}

/** A decimal number typed with a comma or a point ("32,5"), with at most `decimals` decimals. */
export function parseDecimal(text: string, decimals: number): number | null {
  const value = text.trim().replace(',', '.');
  const pattern = decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`);
  return pattern.test(value) ? Number(value) : null;
}
