// The measured requests. Each runs against the Werkpad server and then against the floor server,
// with identical requests, connections and duration.

/**
 * The server throttles logins (60 a minute per address, 10 per address and account) and the
 * bench cannot lift that without changing the backend. So the login run is a fixed 50 requests
 * from 5 connections, one demo account each, 10 per account: within both limits. The accounts
 * of the bearer tokens (TOKEN_ACCOUNTS) are left out, because their one login before the runs
 * already counts against their 10.
 */
export const LOGIN_ACCOUNTS = ['coach2', 'admin1', 'dpo1', 'income1', 'payroll1'];
const LOGIN_REQUESTS = LOGIN_ACCOUNTS.length * 10;

/** Who signs in once, before any run, for the bearer token of the other scenarios. */
export const TOKEN_ACCOUNTS = { coach: 'coach1', expertise: 'expertise1' };

// A token account in the login run would get its 11th login in a minute refused (429).
for (const username of Object.values(TOKEN_ACCOUNTS)) {
  if (LOGIN_ACCOUNTS.includes(username)) throw new Error(`${username} is both a token and a login account`);
}

/** The scenarios that need expertise1's token; the others use coach1's. */
export const EXPERTISE_SCENARIOS = ['medical-records', 'expertise-workspace'];

/** A last-name prefix of the synthetic people (db/seeds/synthetic-people.ts): "Bakker", 1 in 34. */
export const SEARCH_PREFIX = 'Ba';

/** Part of an accented name, typed without the accent: finds "Çelik" (1 in 34 last names). */
export const NAME_FRAGMENT = 'celi';

/** The caseload page of the issue: page 3 of 50, sorted by name, open bemiddeling trajectories. */
export const CASELOAD_PATH =
  '/api/clients?page=3&pageSize=50&sort=name&status=open&trajectoryType=bemiddeling';

/** A fresh setupClient per run: connection n logs in as account n, for all its requests. */
function accountPerConnection(password) {
  let next = 0;
  return (client) => {
    const username = LOGIN_ACCOUNTS[next++ % LOGIN_ACCOUNTS.length];
    client.setBody(JSON.stringify({ username, password }));
  };
}

/**
 * The scenarios in run order. `token` is coach1's access token, `expertiseToken` expertise1's;
 * `warmup` runs a short unmeasured load first so the JIT and the connection pools are warm (not for
 * login: the throttle would count it); `auditLock` samples how long requests queue for the audit
 * chain's advisory lock; `floorWithoutAudit` adds a floor run that skips the audit append, to show
 * what the append costs; `unavailable` says why a scenario cannot run on this seed.
 */
export function buildScenarios({
  token,
  expertiseToken,
  password,
  connections,
  duration,
  clientId,
  trajectoryId,
}) {
  const bearer = { authorization: `Bearer ${token}` };
  const expertiseBearer = { authorization: `Bearer ${expertiseToken}` };
  const timed = { connections, duration };
  return [
    {
      name: 'me',
      title: 'GET /api/auth/me (coach1)',
      request: { method: 'GET', path: '/api/auth/me', headers: bearer },
      load: () => timed,
      warmup: true,
    },
    {
      name: 'login',
      title: `POST /api/auth/login (${LOGIN_REQUESTS} requests, 5 accounts)`,
      request: { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' } },
      load: () => ({
        connections: LOGIN_ACCOUNTS.length,
        amount: LOGIN_REQUESTS,
        setupClient: accountPerConnection(password),
      }),
      warmup: false,
    },
    {
      name: 'clients',
      title: 'GET /api/clients?pageSize=20 (coach1 caseload)',
      request: { method: 'GET', path: '/api/clients?pageSize=20', headers: bearer },
      load: () => timed,
      warmup: true,
      auditLock: true,
      floorWithoutAudit: true,
    },
    {
      name: 'clients-search',
      title: `GET /api/clients?q=${SEARCH_PREFIX}&pageSize=20 (coach1)`,
      request: { method: 'GET', path: `/api/clients?q=${SEARCH_PREFIX}&pageSize=20`, headers: bearer },
      load: () => timed,
      warmup: true,
      auditLock: true,
    },
    {
      name: 'caseload',
      title: `GET ${CASELOAD_PATH} (coach1)`,
      request: { method: 'GET', path: CASELOAD_PATH, headers: bearer },
      load: () => timed,
      warmup: true,
      auditLock: true,
    },
    {
      name: 'client-file',
      title: 'GET /api/clients/:id (coach1, one client of the caseload)',
      request: { method: 'GET', path: `/api/clients/${clientId}`, headers: bearer },
      load: () => timed,
      warmup: true,
      floorWithoutAudit: true,
    },
    {
      name: 'client-dossier',
      title: 'GET /api/clients/:id/dossier (coach1, same client)',
      request: { method: 'GET', path: `/api/clients/${clientId}/dossier`, headers: bearer },
      load: () => timed,
      warmup: true,
    },
    {
      name: 'search-name',
      title: `GET /api/clients?q=${NAME_FRAGMENT}&pageSize=20 (coach1, accent-insensitive)`,
      request: { method: 'GET', path: `/api/clients?q=${NAME_FRAGMENT}&pageSize=20`, headers: bearer },
      load: () => timed,
      warmup: true,
      auditLock: true,
    },
    {
      name: 'medical-records',
      title: 'GET /api/expertise/trajectories/:id/medical-records (expertise1, one assigned trajectory)',
      request: {
        method: 'GET',
        path: `/api/expertise/trajectories/${trajectoryId}/medical-records`,
        headers: expertiseBearer,
      },
      load: () => timed,
      warmup: true,
      auditLock: true,
      floorWithoutAudit: true,
      unavailable: trajectoryId ? null : 'the seed gave expertise1 no open trajectory with medical records',
    },
    {
      name: 'expertise-workspace',
      title: 'GET /api/expertise/trajectories (expertise1, its own arbeidsdiagnoses)',
      request: { method: 'GET', path: '/api/expertise/trajectories', headers: expertiseBearer },
      load: () => timed,
      warmup: true,
      auditLock: true,
    },
  ];
}
