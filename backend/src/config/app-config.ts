import { type Environment } from './environment';

/** The typed, validated configuration every provider injects (never `process.env` directly). */
export class AppConfig {
  readonly nodeEnv: Environment['NODE_ENV'];
  readonly port: number;
  readonly databaseUrl: string;
  readonly dbAppPassword: string;
  readonly jwtSecret: string;
  readonly fieldEncryptionKey: string;
  readonly blindIndexKey: string;
  readonly migrateOnBoot: boolean;
  readonly frontendDist: string | null;
  readonly logLevel: string;

  constructor(env: Environment) {
    this.nodeEnv = env.NODE_ENV;
    this.port = env.PORT;
    this.databaseUrl = env.DATABASE_URL;
    this.dbAppPassword = env.DB_APP_PASSWORD;
    this.jwtSecret = env.JWT_SECRET;
    this.fieldEncryptionKey = env.FIELD_ENCRYPTION_KEY;
    this.blindIndexKey = env.BLIND_INDEX_KEY;
    this.migrateOnBoot = env.MIGRATE_ON_BOOT !== 'false';
    this.frontendDist = env.FRONTEND_DIST ?? null;
    this.logLevel = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
