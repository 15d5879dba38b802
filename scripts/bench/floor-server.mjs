// The "floor" of the benchmark: a bare node:http server that does the same database work as the
// Werkpad routes under test, through a raw `pg` pool, without Nest, Express, Passport, CASL,
// validation, helmet or logging. What remains is the cost no framework choice can remove.
// Started by scripts/bench.mjs as its own process, like the real server, so that neither shares
// an event loop with autocannon.
import { createServer } from 'node:http';

import { accessLog } from './floor-access-log.mjs';
import { login, me } from './floor-auth.mjs';
import { pool } from './floor-backend.mjs';
import { clientFile, clients, dossier } from './floor-clients.mjs';
import { HttpError, send } from './floor-http.mjs';
import { expertiseWorkspace, medicalPool, medicalRecords } from './floor-medical.mjs';

async function health() {
  await pool.query('SELECT 1');
  return { status: 200, body: { status: 'ok' } };
}

const ROUTES = {
  'GET /health': health,
  'GET /api/auth/me': me,
  'POST /api/auth/login': login,
  'GET /api/clients': clients,
  'GET /api/expertise/trajectories': expertiseWorkspace,
  'GET /api/access-log': accessLog,
};
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const PATTERN_ROUTES = [
  [new RegExp(`^GET /api/clients/${UUID}$`), clientFile],
  [new RegExp(`^GET /api/clients/${UUID}/dossier$`), dossier],
  [new RegExp(`^GET /api/expertise/trajectories/${UUID}/medical-records$`), medicalRecords],
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
  void Promise.allSettled([pool.end(), medicalPool.end()]).finally(() => process.exit(0));
});
