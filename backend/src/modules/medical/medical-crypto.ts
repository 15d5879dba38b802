import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import {
  MEDICAL_CIPHERTEXT_VERSION,
  MEDICAL_HEADER_LENGTH,
  MEDICAL_IV_LENGTH,
  MEDICAL_KEY_ID_LENGTH,
  MEDICAL_TAG_LENGTH,
} from '@werkpad/shared';

/** A failure to decrypt. Its message never holds plaintext, ciphertext or key material. */
export class MedicalCryptoError extends Error {
  override readonly name = 'MedicalCryptoError';
}

export interface MedicalCiphertext {
  readonly ciphertext: Buffer;
  readonly keyId: string;
}

/** The key id: the first 8 hex characters of the SHA-256 of the key (never the key itself). */
export function medicalKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, MEDICAL_KEY_ID_LENGTH);
}

/** The key id a stored value says it was made with, or null when it is not a medical ciphertext. */
export function storedKeyId(stored: Buffer): string | null {
  if (stored.length < MEDICAL_HEADER_LENGTH + MEDICAL_IV_LENGTH + MEDICAL_TAG_LENGTH) return null;
  if (stored[0] !== MEDICAL_CIPHERTEXT_VERSION) return null;
  return stored.subarray(1, MEDICAL_HEADER_LENGTH).toString('latin1');
}

/**
 * Encryption of medical content at rest (R-MED-06): AES-256-GCM with a key ring of its own, separate
 * from every other secret. The first key encrypts; every key of the ring still decrypts, so a key can
 * be rotated and the records re-encrypted afterwards (`npm run medical:rekey`,
 * docs/medical-key-rotation.md). The associated data binds a value to its row and column
 * (medicalAad in @werkpad/shared), so ciphertext copied elsewhere fails to decrypt.
 */
export class MedicalCrypto {
  private readonly keys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keysBase64: readonly string[]) {
    if (keysBase64.length === 0) throw new Error('The medical key ring needs at least one key');
    const keys = new Map<string, Buffer>();
    for (const [index, base64] of keysBase64.entries()) {
      const key = Buffer.from(base64.trim(), 'base64');
      if (key.length !== 32) throw new Error(`Medical key ${index + 1} of the ring is not 32 bytes`);
      const id = medicalKeyId(key);
      if (keys.has(id)) throw new Error(`Medical key ${index + 1} of the ring occurs twice`);
      keys.set(id, key);
    }
    this.keys = keys;
    this.currentKeyId = [...keys.keys()][0];
  }

  /** The ids of every key in the ring, current first. */
  get keyIds(): readonly string[] {
    return [...this.keys.keys()];
  }

  encrypt(plaintext: string, aad: string): MedicalCiphertext {
    const key = this.keys.get(this.currentKeyId) as Buffer;
    const header = Buffer.concat([
      Buffer.from([MEDICAL_CIPHERTEXT_VERSION]),
      Buffer.from(this.currentKeyId, 'latin1'),
    ]);
    const iv = randomBytes(MEDICAL_IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: MEDICAL_TAG_LENGTH });
    cipher.setAAD(Buffer.concat([header, Buffer.from(aad, 'utf8')]));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      ciphertext: Buffer.concat([header, iv, cipher.getAuthTag(), body]),
      keyId: this.currentKeyId,
    };
  }

  /** Null in, null out: for the optional columns. */
  encryptOptional(plaintext: string | null, aad: string): Buffer | null {
    return plaintext === null ? null : this.encrypt(plaintext, aad).ciphertext;
  }

  decrypt(stored: Buffer, aad: string): string {
    const keyId = storedKeyId(stored);
    if (keyId === null) throw new MedicalCryptoError('Not a medical ciphertext (unknown format)');
    const key = this.keys.get(keyId);
    if (!key) {
      throw new MedicalCryptoError(
        `Medical ciphertext was made with key ${keyId}, which is not in the key ring ` +
          '(MEDICAL_ENCRYPTION_KEY / MEDICAL_ENCRYPTION_PREVIOUS_KEYS)',
      );
    }
    const ivStart = MEDICAL_HEADER_LENGTH;
    const tagStart = ivStart + MEDICAL_IV_LENGTH;
    const bodyStart = tagStart + MEDICAL_TAG_LENGTH;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, stored.subarray(ivStart, tagStart), {
        authTagLength: MEDICAL_TAG_LENGTH,
      });
      decipher.setAAD(Buffer.concat([stored.subarray(0, MEDICAL_HEADER_LENGTH), Buffer.from(aad, 'utf8')]));
      decipher.setAuthTag(stored.subarray(tagStart, bodyStart));
      return Buffer.concat([decipher.update(stored.subarray(bodyStart)), decipher.final()]).toString('utf8');
    } catch {
      // Node's own message says little, but nothing of the value may leak through here in any case.
      throw new MedicalCryptoError(
        'Medical ciphertext failed authentication: altered, or not made for this row and column',
      );
    }
  }

  decryptOptional(stored: Buffer | null, aad: string): string | null {
    return stored === null ? null : this.decrypt(stored, aad);
  }

  /** Whether a stored value needs re-encryption with the current key. */
  isCurrent(stored: Buffer): boolean {
    return storedKeyId(stored) === this.currentKeyId;
  }
}
