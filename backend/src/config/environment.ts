import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBase64,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * Every setting the server reads, validated at boot (immich-style EnvDto). A bad value stops the
 * start with one line that names the variable; secrets are required in production.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT must be a whole number between 1 and 65535' })
  @Min(1, { message: 'PORT must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 1 and 65535' })
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/[^\s/]+(:\d+)?\/[^\s/?]+(\?\S*)?$/, {
    message: 'DATABASE_URL must look like postgres://user:password@host:5432/database',
  })
  DATABASE_URL: string;

  @IsString()
  @MinLength(16, { message: 'DB_APP_PASSWORD must be at least 16 characters' })
  DB_APP_PASSWORD: string;

  /** The medical module's own database login (R-MED-06); must differ from DB_APP_PASSWORD. */
  @IsString()
  @MinLength(16, { message: 'DB_MEDICAL_PASSWORD must be at least 16 characters' })
  DB_MEDICAL_PASSWORD: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsBase64({}, { message: 'FIELD_ENCRYPTION_KEY must be 32 bytes, base64-encoded' })
  FIELD_ENCRYPTION_KEY: string;

  @IsBase64({}, { message: 'BLIND_INDEX_KEY must be 32 bytes, base64-encoded' })
  BLIND_INDEX_KEY: string;

  /** The key of medical records (R-MED-06), separate from every other secret. */
  @IsBase64({}, { message: 'MEDICAL_ENCRYPTION_KEY must be 32 bytes, base64-encoded' })
  MEDICAL_ENCRYPTION_KEY: string;

  /**
   * Retired medical keys, comma-separated, kept only while `npm run medical:rekey` re-encrypts the
   * records they protect (docs/medical-key-rotation.md).
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/=]+(,[A-Za-z0-9+/=]+)*$/, {
    message: 'MEDICAL_ENCRYPTION_PREVIOUS_KEYS must be a comma-separated list of base64 keys',
  })
  MEDICAL_ENCRYPTION_PREVIOUS_KEYS?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  MIGRATE_ON_BOOT?: 'true' | 'false';

  @IsOptional()
  @IsString()
  FRONTEND_DIST?: string;

  /** Addresses of trusted reverse proxies (Express "trust proxy" syntax), e.g. `loopback` or `10.0.0.1`. */
  @IsOptional()
  @Matches(/^[\w.:/, -]+$/, {
    message: 'TRUST_PROXY must be a list of proxy addresses or subnets, e.g. loopback',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /**
   * Seed (32 bytes, base64) of the Ed25519 key that signs audit checkpoints (R-AUD-02). Kept
   * outside the database, so that whoever can rewrite the log cannot forge a checkpoint.
   */
  @IsBase64({}, { message: 'AUDIT_CHECKPOINT_KEY must be 32 bytes, base64-encoded' })
  AUDIT_CHECKPOINT_KEY: string;

  /**
   * HMAC key (32 bytes, base64) of the audit log's subject references (R-RET-05): the hash chain
   * covers HMAC(key, client id), not the id, so destruction can remove the id and the chain still
   * verifies. Kept outside the database, like the other keys.
   */
  @IsBase64({}, { message: 'AUDIT_PSEUDONYM_KEY must be 32 bytes, base64-encoded' })
  AUDIT_PSEUDONYM_KEY: string;

  /** A directory outside the database where signed checkpoints are written. */
  @IsString()
  @MinLength(1, { message: 'AUDIT_CHECKPOINT_DIR must name a directory' })
  AUDIT_CHECKPOINT_DIR: string;

  /** Minutes between automatic checkpoints; 0 turns the timer off (on demand only). */
  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt({ message: 'AUDIT_CHECKPOINT_INTERVAL_MINUTES must be a whole number of minutes' })
  @Min(0, { message: 'AUDIT_CHECKPOINT_INTERVAL_MINUTES must be a whole number of minutes' })
  AUDIT_CHECKPOINT_INTERVAL_MINUTES = 60;

  /** Unusual access: more different clients than this opened by one user on one day. */
  @Transform(({ value }) => (value === undefined || value === '' ? 40 : Number(value)))
  @IsInt({ message: 'FINDINGS_MANY_CLIENTS_PER_DAY must be a whole number' })
  @Min(1, { message: 'FINDINGS_MANY_CLIENTS_PER_DAY must be a whole number' })
  FINDINGS_MANY_CLIENTS_PER_DAY = 40;

  /** Office hours in Dutch time on working days, e.g. 07:00-19:00; access outside them is a finding. */
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'OFFICE_HOURS must look like 07:00-19:00',
  })
  OFFICE_HOURS = '07:00-19:00';

  /** Minutes between runs of the job that prepares the destruction list; 0 turns the timer off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1440 : Number(value)))
  @IsInt({ message: 'RETENTION_JOB_INTERVAL_MINUTES must be a whole number of minutes' })
  @Min(0, { message: 'RETENTION_JOB_INTERVAL_MINUTES must be a whole number of minutes' })
  RETENTION_JOB_INTERVAL_MINUTES = 1440;
}

const SECRETS = [
  'DB_APP_PASSWORD',
  'DB_MEDICAL_PASSWORD',
  'JWT_SECRET',
  'FIELD_ENCRYPTION_KEY',
  'BLIND_INDEX_KEY',
  'MEDICAL_ENCRYPTION_KEY',
  'AUDIT_CHECKPOINT_KEY',
  'AUDIT_PSEUDONYM_KEY',
  'AUDIT_CHECKPOINT_DIR',
] as const;

const KEYS = [
  'FIELD_ENCRYPTION_KEY',
  'BLIND_INDEX_KEY',
  'MEDICAL_ENCRYPTION_KEY',
  'AUDIT_CHECKPOINT_KEY',
  'AUDIT_PSEUDONYM_KEY',
] as const;

export class ConfigurationError extends Error {}

function isKeyOf32Bytes(value: string | undefined): boolean {
  return value !== undefined && Buffer.from(value, 'base64').length === 32;
}

/** R-MED-06: the medical key and login are separate secrets, never a copy of another one. */
function medicalSeparationProblems(env: Environment): string[] {
  const problems: string[] = [];
  const medicalKey = env.MEDICAL_ENCRYPTION_KEY;
  if (medicalKey && (medicalKey === env.FIELD_ENCRYPTION_KEY || medicalKey === env.BLIND_INDEX_KEY)) {
    problems.push('MEDICAL_ENCRYPTION_KEY must differ from the other keys');
  }
  if (env.DB_MEDICAL_PASSWORD && env.DB_MEDICAL_PASSWORD === env.DB_APP_PASSWORD) {
    problems.push('DB_MEDICAL_PASSWORD must differ from DB_APP_PASSWORD');
  }
  const previous = env.MEDICAL_ENCRYPTION_PREVIOUS_KEYS?.split(',') ?? [];
  if (previous.some((key) => !isKeyOf32Bytes(key))) {
    problems.push('MEDICAL_ENCRYPTION_PREVIOUS_KEYS must hold 32-byte base64 keys');
  }
  return problems;
}

/** Validates `process.env`-like input; throws a ConfigurationError whose message is one clear line. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.flatMap((error) => {
    const missing = raw[error.property] === undefined || raw[error.property] === '';
    if (missing && (SECRETS as readonly string[]).includes(error.property)) {
      return [`${error.property} is required${env.NODE_ENV === 'production' ? ' in production' : ''}`];
    }
    if (missing && error.property === 'DATABASE_URL') return ['DATABASE_URL is required'];
    return Object.values(error.constraints ?? {}).slice(0, 1);
  });
  for (const key of KEYS) {
    if (env[key] && !isKeyOf32Bytes(env[key]) && !problems.some((p) => p.startsWith(key))) {
      problems.push(`${key} must be 32 bytes, base64-encoded`);
    }
  }
  problems.push(...medicalSeparationProblems(env));
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return env;
}
