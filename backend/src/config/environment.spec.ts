import { validateEnvironment } from './environment';

const valid = {
  NODE_ENV: 'production',
  PORT: '3000',
  DATABASE_URL: 'postgres://owner:secret@localhost:5432/werkpad',
  DB_APP_PASSWORD: 'app-password-of-sixteen',
  DB_MEDICAL_PASSWORD: 'medical-password-of-sixteen',
  JWT_SECRET: 'x'.repeat(40),
  FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
  MEDICAL_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 4).toString('base64'),
  AUDIT_PSEUDONYM_KEY: Buffer.alloc(32, 5).toString('base64'),
  AUDIT_CHECKPOINT_DIR: '/var/lib/werkpad/checkpoints',
};

describe('validateEnvironment', () => {
  it('accepts a complete production configuration and parses the port', () => {
    expect(validateEnvironment(valid).PORT).toBe(3000);
  });

  it('stops on a bad PORT with a line naming PORT', () => {
    expect(() => validateEnvironment({ ...valid, PORT: 'abc' })).toThrow(
      /^Invalid configuration: PORT must be/,
    );
    expect(() => validateEnvironment({ ...valid, PORT: '70000' })).toThrow(/PORT must be/);
  });

  it('stops on a malformed DATABASE_URL', () => {
    expect(() => validateEnvironment({ ...valid, DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL must look like/,
    );
  });

  it('names each missing secret in production', () => {
    const { JWT_SECRET: _jwt, FIELD_ENCRYPTION_KEY: _key, ...rest } = valid;
    expect(() => validateEnvironment(rest)).toThrow(
      'Invalid configuration: JWT_SECRET is required in production; FIELD_ENCRYPTION_KEY is required in production',
    );
  });

  it('refuses an encryption key that is not 32 bytes', () => {
    expect(() =>
      validateEnvironment({ ...valid, FIELD_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }),
    ).toThrow(/FIELD_ENCRYPTION_KEY must be 32 bytes/);
  });
});

describe('TRUST_PROXY', () => {
  it('is off unless configured, and accepts proxy addresses', () => {
    expect(validateEnvironment(valid).TRUST_PROXY).toBeUndefined();
    expect(validateEnvironment({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(() => validateEnvironment({ ...valid, TRUST_PROXY: 'x;rm' })).toThrow(/TRUST_PROXY must be/);
  });
});

describe('R-MED-06: the medical secrets stand apart', () => {
  it('R-MED-06: refuses a medical key equal to another key', () => {
    expect(() =>
      validateEnvironment({ ...valid, MEDICAL_ENCRYPTION_KEY: valid.FIELD_ENCRYPTION_KEY }),
    ).toThrow(/MEDICAL_ENCRYPTION_KEY must differ from the other keys/);
  });

  it('R-MED-06: refuses a medical database password equal to the application password', () => {
    expect(() => validateEnvironment({ ...valid, DB_MEDICAL_PASSWORD: valid.DB_APP_PASSWORD })).toThrow(
      /DB_MEDICAL_PASSWORD must differ from DB_APP_PASSWORD/,
    );
  });

  it('R-MED-06: requires the medical key in production and checks retired keys', () => {
    const { MEDICAL_ENCRYPTION_KEY: _medical, ...rest } = valid;
    expect(() => validateEnvironment(rest)).toThrow(/MEDICAL_ENCRYPTION_KEY is required in production/);
    expect(() =>
      validateEnvironment({
        ...valid,
        MEDICAL_ENCRYPTION_PREVIOUS_KEYS: Buffer.alloc(16).toString('base64'),
      }),
    ).toThrow(/MEDICAL_ENCRYPTION_PREVIOUS_KEYS must hold 32-byte base64 keys/);
  });
});

describe('FG settings', () => {
  it('reads office hours and the findings threshold, with defaults', () => {
    const env = validateEnvironment(valid);
    expect([
      env.OFFICE_HOURS,
      env.FINDINGS_MANY_CLIENTS_PER_DAY,
      env.AUDIT_CHECKPOINT_INTERVAL_MINUTES,
    ]).toEqual(['07:00-19:00', 40, 60]);
    expect(() => validateEnvironment({ ...valid, OFFICE_HOURS: '7-19' })).toThrow(
      /OFFICE_HOURS must look like/,
    );
    expect(
      validateEnvironment({ ...valid, FINDINGS_MANY_CLIENTS_PER_DAY: '12' }).FINDINGS_MANY_CLIENTS_PER_DAY,
    ).toBe(12);
  });
});
