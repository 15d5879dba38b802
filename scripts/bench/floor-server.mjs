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
    details: null,
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
         details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
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
        fields.details,
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

// --- the routes ---

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

const LIST_COLUMNS = `c.id, c.first_name, c.last_name, to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
  c.bsn_encrypted, c.city, c.coach_id, coach.display_name AS coach_name, c.income_consultant_id,
  c.open_trajectory_types, c.payroll_scope, c.in_intake`;
const TRAJECTORY_TYPES = new Set([
  'intake',
  'inburgering',
  'beschut_werk',
  'loonkostensubsidie',
  'jobcoaching',
  'bemiddeling',
  'arbeidsdiagnose',
]);
/** What a coach may read (COACH_CATEGORIES in clients.policy.ts): all but medical, payroll, account. */
const COACH_READABLE = [
  'identity',
  'contact',
  'work_history',
  'education',
  'availability_transport',
  'financial',
  'language_inburgering',
  'health_functional',
  'religion',
  'progress',
  'benefit_impact',
  'coaching_notes',
  'life_domains',
];
const COACH_GROUND = { kind: 'role_policy', reference: 'clients.policy (coach)' };

function auditAs(user) {
  return { userId: user.userId, username: user.username, roles: user.roles };
}

/**
 * ClientsService.list for a coach: the caseload scope (coach_id = the user, what CASL's rule
 * becomes in SQL), the name search (accent-insensitive, anywhere in "first last", on the generated
 * search_name column), the trajectory filter (EXISTS on trajectory type and status), first the
 * count, then one page sorted by name with the coach's name joined, BSN decryption for the mask,
 * then the audit row of the read.
 */
async function clients(request) {
  const user = await activeUser(request);
  const url = new URL(request.url, 'http://floor');
  const pageSize = Math.min(100, Math.max(1, Number(url.searchParams.get('pageSize') ?? 20) || 20));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const text = url.searchParams.get('q')?.trim().replace(/\s+/g, ' ');
  const type = url.searchParams.get('trajectoryType');
  const status = url.searchParams.get('status');
  if (type && !TRAJECTORY_TYPES.has(type)) throw new HttpError(400, 'trajectoryType');
  if (status && !['open', 'closed'].includes(status)) throw new HttpError(400, 'status');
  const params = [user.userId];
  let where = 'c.coach_id = $1';
  if (text) {
    params.push(text.replace(/[\\%_]/g, (char) => `\\${char}`));
    where += ` AND c.search_name LIKE '%' || werkpad_fold($${params.length}) || '%'`;
  }
  if (type || status) {
    const conditions = ['t.client_id = c.id'];
    if (type) conditions.push(`t.type = $${params.push(type)}`);
    if (status) conditions.push(`t.status = $${params.push(status)}`);
    where += ` AND EXISTS (SELECT 1 FROM trajectory t WHERE ${conditions.join(' AND ')})`;
  }
  // The search as ClientsService records it in the audit row (never a BSN).
  const criteria = { sort: 'name', direction: 'asc', page: String(page), pageSize: String(pageSize) };
  if (type) criteria.trajectoryType = type;
  if (status) criteria.status = status;
  if (text) criteria.zoekterm = '[naam]';
  const offset = (page - 1) * pageSize;
  const count = await pool.query(`SELECT COUNT(*) AS total FROM client c WHERE ${where}`, params);
  const list = await pool.query(
    `SELECT ${LIST_COLUMNS} FROM client c LEFT JOIN app_user coach ON coach.id = c.coach_id WHERE ${where}
      ORDER BY ${text ? 'werkpad_fold(c.last_name), werkpad_fold(c.first_name)' : 'c.last_name COLLATE werkpad_nl, c.first_name COLLATE werkpad_nl'},
               c.id ASC LIMIT ${pageSize} OFFSET ${offset}`,
    params,
  );
  const items = list.rows.map((row) => ({
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    bsnMasked: `******${fieldCrypto.decrypt(row.bsn_encrypted).slice(-3)}`,
    city: row.city,
    coachId: row.coach_id,
    coachName: row.coach_name,
    incomeConsultantId: row.income_consultant_id,
    openTrajectoryTypes: row.open_trajectory_types,
  }));
  const body = { items, total: Number(count.rows[0].total), page, pageSize };
  // Only the benchmark sends this header, to measure what the audit append costs.
  if (request.headers['x-floor-audit'] === 'off') return { status: 200, body };
  await appendAudit(
    {
      ...auditAs(user),
      subjectClientIds: items.map((item) => item.id),
      objectType: 'Client',
      action: 'search',
      result: 'allowed',
      categories: ['identity', 'progress'],
      ground: COACH_GROUND,
      details: criteria,
      httpStatus: 200,
    },
    request,
  );
  return { status: 200, body };
}

/** ClientAccess.find for a coach: the whole client row, scoped to the caseload, or 404. */
async function scopedClient(user, clientId) {
  const { rows } = await pool.query('SELECT c.* FROM client c WHERE c.coach_id = $1 AND c.id = $2', [
    user.userId,
    clientId,
  ]);
  if (!rows[0]) throw new HttpError(404, 'Cliënt niet gevonden.');
  return rows[0];
}

/** ClientsService.get for a coach: the row, the BSN mask, the coach's name, the audit row. */
async function clientFile(request, [clientId]) {
  const user = await activeUser(request);
  const row = await scopedClient(user, clientId);
  const coach = await pool.query('SELECT display_name FROM app_user WHERE id = $1', [row.coach_id]);
  const body = {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    bsnMasked: `******${fieldCrypto.decrypt(row.bsn_encrypted).slice(-3)}`,
    nationality: row.nationality,
    street: row.street,
    houseNumber: row.house_number,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
    email: row.email,
    coachId: row.coach_id,
    coachName: coach.rows[0]?.display_name ?? null,
    openTrajectoryTypes: row.open_trajectory_types,
    dutchLanguageLevel: row.dutch_language_level,
    inburgeringStatus: row.inburgering_status,
    drivingLicence: row.driving_licence,
    transport: row.transport,
    availabilityHoursPerWeek: row.availability_hours_per_week,
    availabilityNotes: row.availability_notes,
    cvLink: row.cv_link,
    educationLevel: row.education_level,
    hasDebts: row.has_debts,
    debtNotes: row.debt_notes,
    lifeDomainsNotes: row.life_domains_notes,
    functionalLimitations: row.functional_limitations,
    categories: COACH_READABLE,
  };
  await appendAudit(
    {
      ...auditAs(user),
      subjectClientIds: [clientId],
      objectId: clientId,
      objectType: 'Client',
      action: 'read',
      result: 'allowed',
      categories: COACH_READABLE,
      ground: COACH_GROUND,
      httpStatus: 200,
    },
    request,
  );
  return { status: 200, body };
}

/**
 * DossierService.list for a coach: the scoped client, then the entries of the categories the coach
 * may read, newest first, the authors' names, the audit row.
 */
async function dossier(request, [clientId]) {
  const user = await activeUser(request);
  await scopedClient(user, clientId);
  const { rows } = await pool.query(
    `SELECT e.id, e.client_id, e.trajectory_id, e.kind, e.category, e.title, e.body,
            to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on, e.author_id, e.created_at, e.decided_by,
            e.correspondence_direction, e.counterparty, e.document_id
       FROM dossier_entry e
      WHERE e.client_id = $1 AND e.category = ANY($2)
      ORDER BY e.occurred_on DESC, e.created_at DESC, e.id DESC`,
    [clientId, COACH_READABLE],
  );
  const authorIds = [...new Set(rows.map((row) => row.author_id))];
  const authors = authorIds.length
    ? (await pool.query('SELECT id, display_name FROM app_user WHERE id = ANY($1)', [authorIds])).rows
    : [];
  const names = new Map(authors.map((author) => [author.id, author.display_name]));
  const body = rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    trajectoryId: row.trajectory_id,
    kind: row.kind,
    category: row.category,
    title: row.title,
    body: row.body,
    occurredOn: row.occurred_on,
    authorId: row.author_id,
    authorName: names.get(row.author_id) ?? '',
    createdAt: row.created_at.toISOString(),
    decidedBy: row.decided_by,
    correspondenceDirection: row.correspondence_direction,
    counterparty: row.counterparty,
  }));
  await appendAudit(
    {
      ...auditAs(user),
      subjectClientIds: [clientId],
      objectType: 'DossierEntry',
      action: 'read',
      result: 'allowed',
      categories: [...new Set(rows.map((row) => row.category))],
      ground: { kind: 'role_policy', reference: 'dossier: cliënt zichtbaar, per gegevenscategorie' },
      httpStatus: 200,
    },
    request,
  );
  return { status: 200, body };
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
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const PATTERN_ROUTES = [
  [new RegExp(`^GET /api/clients/${UUID}$`), clientFile],
  [new RegExp(`^GET /api/clients/${UUID}/dossier$`), dossier],
];

/** The handler and path parameters of a request, or null. */
function routeOf(request) {
  const key = `${request.method} ${new URL(request.url, 'http://floor').pathname}`;
  if (ROUTES[key]) return { handler: ROUTES[key], params: [] };
  for (const [pattern, handler] of PATTERN_ROUTES) {
    const match = pattern.exec(key);
    if (match) return { handler, params: match.slice(1) };
  }
  return null;
}

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
  const route = routeOf(request);
  try {
    if (!route) throw new HttpError(404, 'not found');
    send(response, await route.handler(request, route.params));
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
