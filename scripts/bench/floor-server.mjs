// The "floor" of the benchmark: a bare node:http server that does the same database work as the
// Werkpad routes under test, through a raw `pg` pool, without Nest, Express, Passport, CASL,
// validation, helmet or logging. What remains is the cost no framework choice can remove.
// Started by scripts/bench.mjs as its own process, like the real server, so that neither shares
// an event loop with autocannon.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import argon2 from 'argon2';
import pg from 'pg';

import { ROOT } from '../lib/dev-env.mjs';

// The compiled helpers of the backend, so the floor hashes and decrypts exactly as the app does and
// its audit rows keep the chain valid.
const require = createRequire(import.meta.url);
const { chainHash } = require(join(ROOT, 'dist/backend/backend/src/audit/audit-chain.js'));
const { FieldCrypto } = require(join(ROOT, 'dist/backend/backend/src/common/crypto/field-crypto.js'));

const CHAIN_LOCK_KEY = 75_132_026; // AuditService's advisory-lock key
const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const SESSION_TTL_HOURS = 10;
const JWT_ISSUER = 'werkpad';
const JWT_AUDIENCE = 'werkpad-api';
const BODY_LIMIT = 100 * 1024;

const jwtSecret = process.env.JWT_SECRET;
const fieldCrypto = new FieldCrypto(process.env.FIELD_ENCRYPTION_KEY, process.env.BLIND_INDEX_KEY);
// Same size as the app's TypeORM pool, and the same least-privileged login (werkpad_app).
const pool = new pg.Pool({
  connectionString: process.env.FLOOR_DATABASE_URL,
  max: 20,
  application_name: 'werkpad-floor',
});

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// --- JWT (HS256) with node:crypto: the checks passport-jwt makes, without the library ---

const base64urlJson = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hmac = (data) => createHmac('sha256', jwtSecret).update(data).digest();

function signJwt(claims) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64urlJson({ alg: 'HS256', typ: 'JWT' });
  const payload = base64urlJson({
    ...claims,
    iat: now,
    exp: now + ACCESS_TOKEN_TTL_SECONDS,
    aud: JWT_AUDIENCE,
    iss: JWT_ISSUER,
  });
  return `${header}.${payload}.${hmac(`${header}.${payload}`).toString('base64url')}`;
}

/** Signature, algorithm, issuer, audience and expiry, as JwtStrategy configures passport-jwt. */
function verifiedClaims(request) {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  const [header, payload, signature] = match?.[1].split('.') ?? [];
  if (!signature) throw new HttpError(401, 'no token');
  const given = Buffer.from(signature, 'base64url');
  const expected = hmac(`${header}.${payload}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, 'bad signature');
  }
  const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString());
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const valid =
    alg === 'HS256' &&
    claims.iss === JWT_ISSUER &&
    claims.aud === JWT_AUDIENCE &&
    claims.exp > Date.now() / 1000;
  if (!valid) throw new HttpError(401, 'bad claims');
  return claims;
}

// --- the SQL of the app, statement for statement ---

/** SessionRepository.findActiveUserSession: run by the app's guard on every signed-in request. */
async function activeUser(request) {
  const claims = verifiedClaims(request);
  const { rows } = await pool.query(
    `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.roles
       FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.id = $1 AND u.id = $2 AND u.active AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [claims.sid, claims.sub],
  );
  if (!rows[0]) throw new HttpError(401, 'session ended');
  return rows[0];
}

/** AuditService.append: its own transaction, serialised by the advisory lock, hash-chained. */
async function appendAudit(event, request) {
  const fields = {
    id: randomUUID(),
    occurredAt: new Date(),
    subjectClientIds: [],
    objectId: null,
    ground: null,
    ...event,
    route: `${request.method} ${new URL(request.url, 'http://floor').pathname}`,
    ip: request.socket.remoteAddress ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    requestId: randomUUID(),
  };
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const last = await client.query('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    const prevHash = last.rows[0]?.hash ?? null;
    await client.query(
      `INSERT INTO audit_event (id, occurred_at, user_id, username, roles, subject_client_ids, object_type,
         object_id, categories, action, result, ground, route, http_status, ip, user_agent, request_id,
         prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [
        fields.id,
        fields.occurredAt,
        fields.userId,
        fields.username,
        fields.roles,
        fields.subjectClientIds,
        fields.objectType,
        fields.objectId,
        fields.categories,
        fields.action,
        fields.result,
        fields.ground,
        fields.route,
        fields.httpStatus,
        fields.ip,
        fields.userAgent,
        fields.requestId,
        prevHash,
        chainHash(prevHash, fields),
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// --- the three routes ---

async function me(request) {
  const user = await activeUser(request);
  return { status: 200, body: user };
}

/** AuthService.login's happy path: find, argon2 verify, reset failures, session, audit, token. */
async function login(request) {
  const { username, password } = await readJson(request);
  if (typeof username !== 'string' || typeof password !== 'string') throw new HttpError(400, 'bad body');
  const { rows } = await pool.query(
    `SELECT id, username, display_name, password_hash, roles, active, failed_login_count, locked_until
       FROM app_user WHERE username = $1`,
    [username.trim().toLowerCase()],
  );
  const user = rows[0];
  if (!user || !user.active || !(await argon2.verify(user.password_hash, password))) {
    throw new HttpError(401, 'bad credentials');
  }
  await pool.query('UPDATE app_user SET failed_login_count = 0, locked_until = NULL WHERE id = $1', [
    user.id,
  ]);
  const secret = randomBytes(32).toString('base64url');
  const session = await pool.query(
    `INSERT INTO user_session (user_id, refresh_token_hash, expires_at)
     VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING id`,
    [user.id, createHash('sha256').update(secret).digest(), SESSION_TTL_HOURS],
  );
  const sessionId = session.rows[0].id;
  await appendAudit(
    {
      userId: user.id,
      username: user.username,
      roles: user.roles,
      objectType: 'Session',
      action: 'login',
      result: 'allowed',
      categories: ['account'],
      ground: { kind: 'authentication', reference: 'password' },
      httpStatus: 200,
    },
    request,
  );
  return {
    status: 200,
    body: { accessToken: signJwt({ sub: user.id, sid: sessionId }), expiresIn: ACCESS_TOKEN_TTL_SECONDS },
    headers: {
      'set-cookie': `werkpad_refresh=${sessionId}.${secret}; Path=/api/auth; HttpOnly; SameSite=Strict`,
    },
  };
}

const CLIENT_COLUMNS = `c.id, c.first_name, c.last_name, c.date_of_birth, c.bsn_encrypted, c.bsn_blind_index,
  c.street, c.house_number, c.postcode, c.city, c.coach_id`;

/**
 * ClientsService.list for a coach: the caseload scope (coach_id = the user, what CASL's rule
 * becomes in SQL), optional prefix search, one page, the count (skipped, as TypeORM does, when
 * the first page is not full), BSN decryption for the mask, then the audit row of the read.
 */
async function clients(request) {
  const user = await activeUser(request);
  const url = new URL(request.url, 'http://floor');
  const pageSize = Math.min(100, Math.max(1, Number(url.searchParams.get('pageSize') ?? 20) || 20));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const text = url.searchParams.get('q')?.trim();
  const params = [user.userId];
  let where = 'c.coach_id = $1';
  if (text) {
    params.push(`${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    where += ' AND (lower(c.last_name) LIKE $2 OR lower(c.first_name) LIKE $2)';
  }
  const offset = (page - 1) * pageSize;
  const list = await pool.query(
    `SELECT ${CLIENT_COLUMNS} FROM client c WHERE ${where}
      ORDER BY c.last_name, c.first_name, c.id LIMIT ${pageSize} OFFSET ${offset}`,
    params,
  );
  const total =
    offset === 0 && list.rows.length < pageSize
      ? list.rows.length
      : Number((await pool.query(`SELECT COUNT(1) AS cnt FROM client c WHERE ${where}`, params)).rows[0].cnt);
  const items = list.rows.map((row) => ({
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    bsnMasked: `******${fieldCrypto.decrypt(row.bsn_encrypted).slice(-3)}`,
    city: row.city,
    coachId: row.coach_id,
  }));
  // Only the benchmark sends this header, to measure what the audit append costs.
  if (request.headers['x-floor-audit'] === 'off')
    return { status: 200, body: { items, total, page, pageSize } };
  await appendAudit(
    {
      userId: user.userId,
      username: user.username,
      roles: user.roles,
      subjectClientIds: items.map((item) => item.id),
      objectType: 'Client',
      action: 'search',
      result: 'allowed',
      categories: ['identity', 'contact'],
      ground: { kind: 'role_policy', reference: 'clients: eigen caseload' },
      httpStatus: 200,
    },
    request,
  );
  return { status: 200, body: { items, total, page, pageSize } };
}

async function health() {
  await pool.query('SELECT 1');
  return { status: 200, body: { status: 'ok' } };
}

const ROUTES = {
  'GET /health': health,
  'GET /api/auth/me': me,
  'POST /api/auth/login': login,
  'GET /api/clients': clients,
};

// --- plumbing ---

function readJson(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > BODY_LIMIT) reject(new HttpError(413, 'too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'bad JSON'));
      }
    });
    request.on('error', reject);
  });
}

function send(response, { status, body, headers = {} }) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

async function handle(request, response) {
  const route = ROUTES[`${request.method} ${new URL(request.url, 'http://floor').pathname}`];
  try {
    if (!route) throw new HttpError(404, 'not found');
    send(response, await route(request));
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    if (status === 500) console.error(error);
    send(response, { status, body: { statusCode: status, message: error.message } });
  }
}

const server = createServer((request, response) => void handle(request, response));
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.FLOOR_PORT), '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
