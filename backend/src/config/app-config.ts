import { createSecretKey, type KeyObject } from 'node:crypto';

import { type Environment } from './environment';

/** The typed, validated configuration every provider injects (never `process.env` directly). */
export class AppConfig {
  readonly nodeEnv: Environment['NODE_ENV'];
  readonly port: number;
  readonly databaseUrl: string;
  readonly dbAppPassword: string;
  readonly dbMedicalPassword: string;
  readonly jwtSecret: string;
  /**
   * The HMAC key as a KeyObject, made once: given a string, jsonwebtoken first tries to parse it as
   * a public key on every verify, which measured ~0.5 ms per request (docs/benchmarks.md).
   */
  readonly jwtKey: KeyObject;
  readonly fieldEncryptionKey: string;
  readonly blindIndexKey: string;
  /** Current medical key first, then retired ones still needed for decryption (key rotation). */
  readonly medicalEncryptionKeys: readonly string[];
  readonly migrateOnBoot: boolean;
  readonly frontendDist: string | null;
  readonly logLevel: string;
  /** Ed25519 seed (base64) that signs audit checkpoints; kept outside the database. */
  readonly auditCheckpointKey: string;
  readonly auditCheckpointDir: string;
  /** HMAC key (base64) of the audit log's subject references; outside the database. */
  readonly auditPseudonymKey: string;
  /** 0: the destruction-list job runs on demand only. */
  readonly retentionJobIntervalMinutes: number;
  /** 0: no timer, checkpoints on demand only. */
  readonly auditCheckpointIntervalMinutes: number;
  readonly findingsManyClientsPerDay: number;
  /** Working-day office hours in Dutch time, as minutes after midnight. */
  readonly officeHours: { readonly start: number; readonly end: number };
  /** false: no proxy, the socket's address is the client's. */
  readonly trustProxy: string | false;

  constructor(env: Environment) {
    this.nodeEnv = env.NODE_ENV;
    this.port = env.PORT;
    this.databaseUrl = env.DATABASE_URL;
    this.dbAppPassword = env.DB_APP_PASSWORD;
    this.dbMedicalPassword = env.DB_MEDICAL_PASSWORD;
    this.jwtSecret = env.JWT_SECRET;
    this.jwtKey = createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8'));
    this.fieldEncryptionKey = env.FIELD_ENCRYPTION_KEY;
    this.blindIndexKey = env.BLIND_INDEX_KEY;
    this.medicalEncryptionKeys = [
      env.MEDICAL_ENCRYPTION_KEY,
      ...(env.MEDICAL_ENCRYPTION_PREVIOUS_KEYS?.split(',') ?? []),
    ];
    this.migrateOnBoot = env.MIGRATE_ON_BOOT !== 'false';
    this.frontendDist = env.FRONTEND_DIST ?? null;
    this.trustProxy = env.TRUST_PROXY ?? false;
    this.auditCheckpointKey = env.AUDIT_CHECKPOINT_KEY;
    this.auditCheckpointDir = env.AUDIT_CHECKPOINT_DIR;
    this.auditPseudonymKey = env.AUDIT_PSEUDONYM_KEY;
    this.retentionJobIntervalMinutes = env.RETENTION_JOB_INTERVAL_MINUTES;
    this.auditCheckpointIntervalMinutes = env.AUDIT_CHECKPOINT_INTERVAL_MINUTES;
    this.findingsManyClientsPerDay = env.FINDINGS_MANY_CLIENTS_PER_DAY;
    const [start, end] = env.OFFICE_HOURS.split('-').map((time) => {
      const [hours, minutes] = time.split(':').map(Number);
      return hours * 60 + minutes;
    });
    this.officeHours = { start, end };
    this.logLevel = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
  }

  /** The passwords the owner provisions the login roles with (db/provision). */
  get rolePasswords(): { app: string; medical: string } {
    return { app: this.dbAppPassword, medical: this.dbMedicalPassword };
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
