// Sign-in and the session check of the floor: JWT (HS256) on node:crypto, the session lookup the
// app's guard runs on every request, and AuthService.login's happy path.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import argon2 from 'argon2';

import { appendAudit } from './floor-audit.mjs';
import { pool } from './floor-backend.mjs';
import { HttpError, readJson } from './floor-http.mjs';

const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const SESSION_TTL_HOURS = 10;
const JWT_ISSUER = 'werkpad';
const JWT_AUDIENCE = 'werkpad-api';

const jwtSecret = process.env.JWT_SECRET;

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

/** SessionRepository.findActiveUserSession: run by the app's guard on every signed-in request. */
export async function activeUser(request) {
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

export async function me(request) {
  const user = await activeUser(request);
  return { status: 200, body: user };
}

/** AuthService.login's happy path: find, argon2 verify, reset failures, session, audit, token. */
export async function login(request) {
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
