/**
 * The stored format of medical ciphertext (R-MED-06), shared by the medical module (which encrypts
 * and decrypts) and the synthetic seed (which is handed an encrypt function but must name the same
 * associated data). Pure data: no crypto here, so it runs everywhere.
 *
 * Layout of every `*_encrypted` column:
 *   version (1 byte) | key id (8 ASCII hex characters) | IV (12 bytes) | GCM tag (16 bytes) | ciphertext
 * The header (version and key id) is authenticated together with the associated data below.
 */
export const MEDICAL_CIPHERTEXT_VERSION = 1;
export const MEDICAL_KEY_ID_LENGTH = 8;
export const MEDICAL_IV_LENGTH = 12;
export const MEDICAL_TAG_LENGTH = 16;
export const MEDICAL_HEADER_LENGTH = 1 + MEDICAL_KEY_ID_LENGTH;

/** The encrypted columns per table of schema `medical`. */
export const MEDICAL_ENCRYPTED_COLUMNS = {
  medical_record: ['title', 'body', 'source'],
  medical_record_version: ['title', 'body', 'source'],
  care_provider_request: ['provider', 'question'],
} as const;

export type MedicalTable = keyof typeof MEDICAL_ENCRYPTED_COLUMNS;
export type MedicalColumn<T extends MedicalTable> = (typeof MEDICAL_ENCRYPTED_COLUMNS)[T][number];

/**
 * The associated data that binds a ciphertext to its table, row and column: a value copied into
 * another row or column (or from a history row into the record) no longer decrypts.
 */
export function medicalAad<T extends MedicalTable>(
  table: T,
  rowId: string,
  column: MedicalColumn<T>,
): string {
  return `${table}:${rowId.toLowerCase()}:${column}`;
}
