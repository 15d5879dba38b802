import { randomUUID } from 'node:crypto';

import { medicalAad } from '@werkpad/shared';

import { MedicalCrypto, MedicalCryptoError, medicalKeyId, storedKeyId } from './medical-crypto';

const key = (fill: number): string => Buffer.alloc(32, fill).toString('base64');
const PLAINTEXT = 'Diagnose: fictieve aandoening van de linkerknie (synthetisch)';

describe(MedicalCrypto.name, () => {
  const recordId = randomUUID();
  const titleAad = medicalAad('medical_record', recordId, 'title');

  it('R-MED-06: round-trips a value and stores no readable plaintext', () => {
    const sut = new MedicalCrypto([key(1)]);
    const { ciphertext, keyId } = sut.encrypt(PLAINTEXT, titleAad);
    expect(ciphertext.toString('latin1')).not.toContain('aandoening');
    expect(ciphertext.toString('utf8')).not.toContain('aandoening');
    expect(keyId).toBe(sut.currentKeyId);
    expect(sut.decrypt(ciphertext, titleAad)).toBe(PLAINTEXT);
  });

  it('names the key by the first 8 hex characters of its SHA-256, also inside the ciphertext', () => {
    const sut = new MedicalCrypto([key(1)]);
    expect(sut.currentKeyId).toBe(medicalKeyId(Buffer.alloc(32, 1)));
    expect(sut.currentKeyId).toMatch(/^[0-9a-f]{8}$/);
    expect(storedKeyId(sut.encrypt(PLAINTEXT, titleAad).ciphertext)).toBe(sut.currentKeyId);
  });

  it('uses a fresh IV, so equal values give different ciphertexts', () => {
    const sut = new MedicalCrypto([key(1)]);
    expect(
      sut.encrypt(PLAINTEXT, titleAad).ciphertext.equals(sut.encrypt(PLAINTEXT, titleAad).ciphertext),
    ).toBe(false);
  });

  it('R-MED-06: ciphertext copied to another row or column does not decrypt', () => {
    const sut = new MedicalCrypto([key(1)]);
    const { ciphertext } = sut.encrypt(PLAINTEXT, titleAad);
    expect(() => sut.decrypt(ciphertext, medicalAad('medical_record', randomUUID(), 'title'))).toThrow(
      MedicalCryptoError,
    );
    expect(() => sut.decrypt(ciphertext, medicalAad('medical_record', recordId, 'body'))).toThrow(
      MedicalCryptoError,
    );
    expect(() => sut.decrypt(ciphertext, medicalAad('medical_record_version', recordId, 'title'))).toThrow(
      MedicalCryptoError,
    );
  });

  it('detects tampering with the body, the tag and the header', () => {
    const sut = new MedicalCrypto([key(1), key(2)]);
    const original = sut.encrypt(PLAINTEXT, titleAad).ciphertext;
    for (const position of [original.length - 1, 1 + 8 + 12, 1 + 8]) {
      const tampered = Buffer.from(original);
      tampered[position] ^= 0x01;
      expect(() => sut.decrypt(tampered, titleAad)).toThrow(MedicalCryptoError);
    }
    // A header naming the other ring key: the key exists, but the header is authenticated too.
    const relabelled = Buffer.from(original);
    relabelled.write(medicalKeyId(Buffer.alloc(32, 2)), 1, 'latin1');
    expect(() => sut.decrypt(relabelled, titleAad)).toThrow(MedicalCryptoError);
  });

  it('rotation: the new key encrypts, the retired key still decrypts, an unknown key is named clearly', () => {
    const before = new MedicalCrypto([key(1)]);
    const old = before.encrypt(PLAINTEXT, titleAad).ciphertext;

    const rotated = new MedicalCrypto([key(2), key(1)]);
    expect(rotated.currentKeyId).toBe(medicalKeyId(Buffer.alloc(32, 2)));
    expect(rotated.decrypt(old, titleAad)).toBe(PLAINTEXT);
    expect(rotated.isCurrent(old)).toBe(false);
    const fresh = rotated.encrypt(PLAINTEXT, titleAad);
    expect(fresh.keyId).toBe(rotated.currentKeyId);
    expect(rotated.isCurrent(fresh.ciphertext)).toBe(true);

    const retiredRemoved = new MedicalCrypto([key(2)]);
    expect(retiredRemoved.decrypt(fresh.ciphertext, titleAad)).toBe(PLAINTEXT);
    let message = '';
    try {
      retiredRemoved.decrypt(old, titleAad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(before.currentKeyId);
    expect(message).toContain('not in the key ring');
    expect(message).not.toContain('aandoening');
  });

  it('never puts plaintext or key material in an error message', () => {
    const sut = new MedicalCrypto([key(1)]);
    const { ciphertext } = sut.encrypt(PLAINTEXT, titleAad);
    try {
      sut.decrypt(ciphertext, 'other');
      throw new Error('decrypt should have failed');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain('aandoening');
      expect(message).not.toContain(key(1));
    }
  });

  it('refuses an empty ring, short keys and a key listed twice', () => {
    expect(() => new MedicalCrypto([])).toThrow();
    expect(() => new MedicalCrypto([Buffer.alloc(16).toString('base64')])).toThrow(/32 bytes/);
    expect(() => new MedicalCrypto([key(1), key(1)])).toThrow(/twice/);
  });
});
