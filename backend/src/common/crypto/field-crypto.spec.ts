import { FieldCrypto } from './field-crypto';

const key = (fill: number): string => Buffer.alloc(32, fill).toString('base64');

describe(FieldCrypto.name, () => {
  const sut = new FieldCrypto(key(1), key(2));

  it('round-trips a value and never stores it readable', () => {
    const stored = sut.encrypt('999990019');
    expect(stored.toString('latin1')).not.toContain('999990019');
    expect(sut.decrypt(stored)).toBe('999990019');
  });

  it('uses a fresh IV, so equal values do not give equal ciphertexts', () => {
    expect(sut.encrypt('999990019').equals(sut.encrypt('999990019'))).toBe(false);
  });

  it('detects tampering through the GCM tag', () => {
    const stored = sut.encrypt('999990019');
    stored[stored.length - 1] ^= 0xff;
    expect(() => sut.decrypt(stored)).toThrow();
  });

  it('gives a stable blind index that depends on the key', () => {
    expect(sut.blindIndex('999990019').equals(sut.blindIndex('999990019'))).toBe(true);
    expect(new FieldCrypto(key(1), key(3)).blindIndex('999990019').equals(sut.blindIndex('999990019'))).toBe(
      false,
    );
  });

  it('refuses short keys and a blind index key equal to the encryption key', () => {
    expect(() => new FieldCrypto(Buffer.alloc(16).toString('base64'), key(2))).toThrow();
    expect(() => new FieldCrypto(key(1), key(1))).toThrow();
  });
});
