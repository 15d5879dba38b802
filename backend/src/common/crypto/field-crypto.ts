import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/**
 * Encryption of single sensitive fields at rest (AES-256-GCM) plus a keyed blind index
 * (HMAC-SHA-256) that allows exact lookup without storing the value. The stored layout is
 * version (1 byte) | iv (12) | tag (16) | ciphertext, so a key rotation can tell old from new.
 */
export class FieldCrypto {
  private readonly encryptionKey: Buffer;
  private readonly blindIndexKey: Buffer;

  constructor(encryptionKeyBase64: string, blindIndexKeyBase64: string) {
    this.encryptionKey = Buffer.from(encryptionKeyBase64, 'base64');
    this.blindIndexKey = Buffer.from(blindIndexKeyBase64, 'base64');
    if (this.encryptionKey.length !== 32 || this.blindIndexKey.length !== 32) {
      throw new Error('Field encryption and blind index keys must be 32 bytes');
    }
    if (this.encryptionKey.equals(this.blindIndexKey)) {
      throw new Error('The blind index key must differ from the encryption key');
    }
  }

  encrypt(plaintext: string): Buffer {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
  }

  decrypt(stored: Buffer): string {
    if (stored[0] !== VERSION) throw new Error(`Unknown field encryption version ${stored[0]}`);
    const iv = stored.subarray(1, 1 + IV_LENGTH);
    const tag = stored.subarray(1 + IV_LENGTH, 1 + IV_LENGTH + TAG_LENGTH);
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(stored.subarray(1 + IV_LENGTH + TAG_LENGTH)),
      decipher.final(),
    ]).toString('utf8');
  }

  blindIndex(value: string): Buffer {
    return createHmac('sha256', this.blindIndexKey).update(value, 'utf8').digest();
  }

  /** The BSN as stored: encrypted, plus its blind index for exact search. */
  protect(bsn: string): { encrypted: Buffer; blindIndex: Buffer } {
    return { encrypted: this.encrypt(bsn), blindIndex: this.blindIndex(bsn) };
  }
}
