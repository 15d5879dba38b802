/**
 * The access table of issue 3: role × endpoint × relation → expected status. One row per endpoint;
 * integration tests are generated from it (access-table.int.spec.ts). Reading it is reading the
 * permission model, so keep it declarative: no logic here beyond building paths and bodies.
 *
 * Relations: `own` is the client in the role's scope (coach1's caseload, linked to income1, with a
 * beschut_werk trajectory for payroll); `other` is a client of coach2 linked to income2, with only a
 * bemiddeling trajectory. 404 = the record is outside the scope (indistinguishable from missing);
 * 403 = the role may not use the function at all, or may see the client but not change that part.
 */
export const ACCESS_ROLES = [
  'coach',
  'income_consultant',
  'payroll',
  'management',
  'admin',
  'dpo',
  'expertise',
] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export type Relation = 'own' | 'other';

/** What an endpoint needs to address one client's records. */
export interface Target {
  readonly clientId: string;
  readonly trajectoryId: string;
  readonly employmentId: string;
  readonly coachId: string;
}

export interface AccessEndpoint {
  readonly name: string;
  readonly method: 'get' | 'post' | 'patch' | 'put';
  readonly path: (target: Target) => string;
  readonly body?: (target: Target) => Record<string, unknown>;
  /** Expected status for [own, other] per role. */
  readonly expect: Readonly<Record<AccessRole, readonly [number, number]>>;
}

const NO_ACCESS: readonly [number, number] = [403, 403];
const HIDDEN: readonly [number, number] = [404, 404];

export const ACCESS_TABLE: readonly AccessEndpoint[] = [
  {
    name: 'client file',
    method: 'get',
    path: (t) => `/api/clients/${t.clientId}`,
    expect: {
      coach: [200, 404],
      income_consultant: [200, 404],
      payroll: [200, 404],
      management: [200, 200],
      admin: [200, 200],
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'change history',
    method: 'get',
    path: (t) => `/api/clients/${t.clientId}/history`,
    expect: {
      coach: [200, 404],
      income_consultant: [200, 404],
      payroll: [200, 404],
      management: [200, 200],
      admin: [200, 200],
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'reveal BSN',
    method: 'post',
    path: (t) => `/api/clients/${t.clientId}/bsn-reveal`,
    expect: {
      coach: [200, 404],
      income_consultant: [200, 404],
      payroll: [200, 404],
      management: NO_ACCESS,
      admin: NO_ACCESS,
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'edit contact details',
    method: 'patch',
    path: (t) => `/api/clients/${t.clientId}`,
    body: () => ({ phone: '0318 123456' }),
    expect: {
      coach: [200, 404],
      income_consultant: NO_ACCESS,
      payroll: [403, 404],
      management: NO_ACCESS,
      admin: NO_ACCESS,
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'assign coach',
    method: 'put',
    path: (t) => `/api/clients/${t.clientId}/assignment`,
    body: (t) => ({ coachId: t.coachId }),
    expect: {
      coach: NO_ACCESS,
      income_consultant: NO_ACCESS,
      payroll: NO_ACCESS,
      management: NO_ACCESS,
      admin: [200, 200],
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'trajectories',
    method: 'get',
    path: (t) => `/api/clients/${t.clientId}/trajectories`,
    expect: {
      coach: [200, 404],
      income_consultant: [200, 404],
      payroll: HIDDEN,
      management: [200, 200],
      admin: HIDDEN,
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'start trajectory',
    method: 'post',
    path: (t) => `/api/clients/${t.clientId}/trajectories`,
    body: () => ({
      type: 'jobcoaching',
      startDate: '2026-02-02',
      reportingAgreement: {
        recipient: 'Werkgever (inlener)',
        categories: ['progress'],
        form: 'oral',
        purpose: 'Afstemming begeleiding op de werkplek',
        frequency: 'Maandelijks',
      },
    }),
    expect: {
      coach: [201, 404],
      income_consultant: NO_ACCESS,
      payroll: HIDDEN,
      management: NO_ACCESS,
      admin: NO_ACCESS,
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'dossier',
    method: 'get',
    path: (t) => `/api/clients/${t.clientId}/dossier`,
    expect: {
      coach: [200, 404],
      income_consultant: [200, 404],
      payroll: [200, 404],
      management: [200, 200],
      admin: [200, 200],
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'add conversation note',
    method: 'post',
    path: (t) => `/api/clients/${t.clientId}/dossier`,
    body: (t) => ({
      trajectoryId: t.trajectoryId,
      kind: 'note',
      category: 'coaching_notes',
      title: 'Gesprek over sollicitaties',
      body: 'Cliënt heeft drie vacatures gevonden.',
      occurredOn: '2026-03-02',
    }),
    expect: {
      coach: [201, 404],
      income_consultant: NO_ACCESS,
      payroll: HIDDEN,
      management: NO_ACCESS,
      admin: NO_ACCESS,
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'payroll file',
    method: 'get',
    path: (t) => `/api/clients/${t.clientId}/payroll`,
    expect: {
      coach: HIDDEN,
      income_consultant: HIDDEN,
      payroll: [200, 404],
      management: HIDDEN,
      admin: HIDDEN,
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
  {
    name: 'register employment',
    method: 'post',
    path: (t) => `/api/clients/${t.clientId}/payroll/employments`,
    body: () => ({
      employerName: 'Werkbedrijf Ede',
      isInlener: false,
      jobTitle: 'Medewerker groen',
      startDate: '2026-01-05',
      contractHoursPerWeek: 32,
      grossMonthlySalaryCents: 215000,
    }),
    expect: {
      coach: HIDDEN,
      income_consultant: NO_ACCESS,
      payroll: [201, 404],
      management: NO_ACCESS,
      admin: NO_ACCESS,
      dpo: NO_ACCESS,
      expertise: NO_ACCESS,
    },
  },
];
