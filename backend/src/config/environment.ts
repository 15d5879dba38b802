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

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsBase64({}, { message: 'FIELD_ENCRYPTION_KEY must be 32 bytes, base64-encoded' })
  FIELD_ENCRYPTION_KEY: string;

  @IsBase64({}, { message: 'BLIND_INDEX_KEY must be 32 bytes, base64-encoded' })
  BLIND_INDEX_KEY: string;

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
}

const SECRETS = ['DB_APP_PASSWORD', 'JWT_SECRET', 'FIELD_ENCRYPTION_KEY', 'BLIND_INDEX_KEY'] as const;

export class ConfigurationError extends Error {}

function isKeyOf32Bytes(value: string | undefined): boolean {
  return value !== undefined && Buffer.from(value, 'base64').length === 32;
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
  for (const key of ['FIELD_ENCRYPTION_KEY', 'BLIND_INDEX_KEY'] as const) {
    if (env[key] && !isKeyOf32Bytes(env[key]) && !problems.some((p) => p.startsWith(key))) {
      problems.push(`${key} must be 32 bytes, base64-encoded`);
    }
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return env;
}
