import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type INestApplication, type Type } from '@nestjs/common';
import {
  type DestructionListView,
  type MfaChallenge,
  type Role,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryType,
} from '@werkpad/shared';
import { appRoleUrl, medicalRoleUrl, migrateDatabase } from '@werkpad/db';
import { Client, Pool } from 'pg';
import { type DestinationStream } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

import { createApp } from '../src/app.factory';
import { totpCode, totpStep } from '../src/auth/mfa/totp';
import { PasswordHasher } from '../src/auth/password-hasher';
import { FieldCrypto } from '../src/common/crypto/field-crypto';
import { AppConfig } from '../src/config/app-config';
import { validateEnvironment } from '../src/config/environment';

export const TEST_PASSWORD = 'Test-wachtwoord-2026';

export interface TestContext {
  readonly app: INestApplication;
  readonly http: TestAgent;
  /** Owner connection: sets up fixtures and inspects what the app wrote. */
  readonly owner: Pool;
  /** The application role's own connection string (least privilege). */
  readonly appRoleUrl: string;
  /** The medical module's connection string (the only role with rights on schema medical). */
  readonly medicalRoleUrl: string;
  /** The validated configuration the app runs with (keys, passwords). */
  readonly config: AppConfig;
  readonly crypto: FieldCrypto;
  createUser(username: string, roles: Role[], options?: { active?: boolean }): Promise<string>;
  createClient(fields: {
    lastName: string;
    bsn: string;
    coachId: string | null;
    firstName?: string;
    incomeConsultantId?: string | null;
  }): Promise<string>;
  /** A trajectory straight in the database (its trigger updates the client's scope columns). */
  createTrajectory(
    clientId: string,
    type: TrajectoryType,
    options: { createdBy: string; closedOn?: string; startDate?: string; incomeConsultantId?: string | null },
  ): Promise<string>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.WERKPAD_TEST_ADMIN_URL;
  if (!url)
    throw new Error('Integration tests need the global setup (jest -c backend/jest.integration.config.cjs)');
  return url;
}

/** A fresh database with all migrations, and the real app (guards, pipes, filters) on top of it. */
export async function createTestContext(
  options: {
    extraModules?: Array<Type<unknown>>;
    /** Every log line the app writes, at `logLevel` (default: none), goes here. */
    logDestination?: DestinationStream;
    logLevel?: string;
  } = {},
): Promise<TestContext> {
  const database = `wp_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const ownerUrl = new URL(adminUrl());
  ownerUrl.pathname = `/${database}`;
  const appPassword = process.env.WERKPAD_TEST_APP_PASSWORD ?? 'werkpad-test-app-password';
  const medicalPassword = process.env.WERKPAD_TEST_MEDICAL_PASSWORD ?? 'werkpad-test-medical-password';
  await migrateDatabase(ownerUrl.toString(), { app: appPassword, medical: medicalPassword });

  const env = validateEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: ownerUrl.toString(),
    DB_APP_PASSWORD: appPassword,
    DB_MEDICAL_PASSWORD: medicalPassword,
    JWT_SECRET: randomBytes(32).toString('hex'),
    FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    MEDICAL_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    AUDIT_CHECKPOINT_KEY: randomBytes(32).toString('base64'),
    AUDIT_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), 'werkpad-checkpoints-')),
    AUDIT_CHECKPOINT_INTERVAL_MINUTES: '0',
    AUDIT_PSEUDONYM_KEY: randomBytes(32).toString('base64'),
    RETENTION_JOB_INTERVAL_MINUTES: '0',
    MIGRATE_ON_BOOT: 'false',
    ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
  });
  const config = new AppConfig(env);
  const app = await createApp(config, options.extraModules, options.logDestination);
  await app.init();
  const owner = new Pool({ connectionString: ownerUrl.toString(), max: 4 });
  const hasher = new PasswordHasher();
  const passwordHash = await hasher.hash(TEST_PASSWORD);
  const crypto = new FieldCrypto(config.fieldEncryptionKey, config.blindIndexKey);
  const http = request(app.getHttpServer());

  /** TOTP secrets of the users that enrolled through `login`, by lower-case username. */
  const totpSecrets = new Map<string, string>();
  /**
   * Log readers (dpo) get an MFA challenge at login: `login` enrols them the first time and then
   * answers with a computed code. The replay guard refuses a step that was used before, so for a
   * second login within 30 s the helper clears the last used step; auth/mfa/mfa.int.spec.ts tests
   * the real flow, replay included, without this helper.
   */
  async function passSecondFactor(username: string, challenge: MfaChallenge): Promise<string> {
    const key = username.toLowerCase();
    if (challenge.mfa === 'enroll') {
      const enrolled = await http.post('/api/auth/mfa/enrollment').send({ mfaToken: challenge.mfaToken });
      if (enrolled.status !== 201) throw new Error(`MFA enrolment ${username}: ${enrolled.status}`);
      totpSecrets.set(key, (enrolled.body as { secret: string }).secret);
    }
    const secret = totpSecrets.get(key);
    if (!secret)
      throw new Error(`login ${username}: MFA was set up outside ctx.login, the secret is unknown`);
    await owner.query(
      'UPDATE user_mfa SET last_used_step = NULL WHERE user_id = (SELECT id FROM app_user WHERE username = $1)',
      [key],
    );
    const code = totpCode(secret, totpStep(Date.now()));
    const verified = await http.post('/api/auth/mfa/verify').send({ mfaToken: challenge.mfaToken, code });
    if (verified.status !== 200)
      throw new Error(`MFA ${username}: ${verified.status} ${JSON.stringify(verified.body)}`);
    return (verified.body as { accessToken: string }).accessToken;
  }

  const context: TestContext = {
    app,
    http,
    owner,
    appRoleUrl: appRoleUrl(ownerUrl.toString(), appPassword),
    medicalRoleUrl: medicalRoleUrl(ownerUrl.toString(), medicalPassword),
    config,
    crypto,
    async createUser(username, roles, options = {}) {
      const result = await owner.query<{ id: string }>(
        'INSERT INTO app_user (username, display_name, password_hash, roles, active) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [username, `Test ${username}`, passwordHash, roles, options.active ?? true],
      );
      return result.rows[0].id;
    },
    async createClient({ lastName, bsn, coachId, firstName = 'Test', incomeConsultantId = null }) {
      const { encrypted, blindIndex } = crypto.protect(bsn);
      const result = await owner.query<{ id: string }>(
        `INSERT INTO client (first_name, last_name, date_of_birth, bsn_encrypted, bsn_blind_index, street,
                             house_number, postcode, city, coach_id, income_consultant_id)
         VALUES ($1, $2, '1980-05-17', $3, $4, 'Stationsweg', '1', '6711 AA', 'Ede', $5, $6) RETURNING id`,
        [firstName, lastName, encrypted, blindIndex, coachId, incomeConsultantId],
      );
      return result.rows[0].id;
    },
    async createTrajectory(
      clientId,
      type,
      { createdBy, closedOn, startDate = '2026-01-05', incomeConsultantId },
    ) {
      const result = await owner.query<{ id: string }>(
        `INSERT INTO trajectory (client_id, type, legal_basis, status, start_date, closed_on, coach_id,
                                 income_consultant_id, reporting_recipient, reporting_categories, reporting_form,
                                 reporting_purpose, reporting_frequency, created_by)
         SELECT $1, $2, $3, $4, $5, $6, c.coach_id, COALESCE($7, c.income_consultant_id), 'Gemeente Ede',
                '{progress}', 'written', 'Voortgang volgen', 'Elk kwartaal', $8
           FROM client c WHERE c.id = $1 RETURNING id`,
        [
          clientId,
          type,
          TRAJECTORY_TYPE_RULES[type].legalBasis,
          closedOn ? 'closed' : 'open',
          startDate,
          closedOn ?? null,
          incomeConsultantId ?? null,
          createdBy,
        ],
      );
      return result.rows[0].id;
    },
    async login(username, password = TEST_PASSWORD) {
      const response = await http.post('/api/auth/login').send({ username, password });
      if (response.status !== 200)
        throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
      const body = response.body as { accessToken: string } | MfaChallenge;
      return 'mfaToken' in body ? passSecondFactor(username, body) : body.accessToken;
    },
    async close() {
      await app.close();
      await owner.end();
      const cleanup = new Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    },
  };
  return context;
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** A supertest parser that keeps a binary body (a PDF, a zip) as a Buffer. */
export function binaryBody(
  res: import('superagent').Response,
  done: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Starts an approved destruction list as its records manager and waits (up to 10 s) until the
 * background run has completed it; returns the completed list.
 */
export async function executeDestructionList(
  http: TestAgent,
  listId: string,
  recordsManager: { Authorization: string },
): Promise<DestructionListView> {
  const started = await http.post(`/api/destruction-lists/${listId}/execute`).set(recordsManager);
  if (started.status !== 202) throw new Error(`execute answered ${started.status}: ${started.text}`);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const list = (await http.get(`/api/destruction-lists/${listId}`).set(recordsManager))
      .body as DestructionListView;
    if (list.status === 'completed') return list;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`destruction list ${listId} did not complete`);
}
