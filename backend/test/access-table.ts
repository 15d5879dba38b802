/**
 * The access table of issue 3: role × endpoint × relation → expected status. One row per route of
 * a client's file; integration tests are generated from it (access-table.int.spec.ts), and a test
 * checks that every client route of the running app has a row here. Reading it is reading the
 * permission model, so keep it declarative: no logic beyond building paths and bodies.
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

/** What an endpoint needs to address one client's records (fixtures of access-table.int.spec.ts). */
export interface Target {
  readonly relation: Relation;
  readonly clientId: string;
  readonly trajectoryId: string;
  readonly employmentId: string;
  readonly lksApplicationId: string;
  readonly documentId: string;
  readonly consentId: string;
  readonly disclosureId: string;
  readonly reportId: string;
  readonly coachId: string;
}

export interface AccessEndpoint {
  /** `METHOD /api/path/:param` exactly as the route inventory names it. */
  readonly route: string;
  readonly name: string;
  readonly path: (target: Target) => string;
  readonly body?: (target: Target) => Record<string, unknown>;
  /** A multipart upload instead of a JSON body. */
  readonly upload?: (target: Target) => { fields: Record<string, string>; file: Buffer; fileName: string };
  /** Expected status for [own, other] per role. */
  readonly expect: Readonly<Record<AccessRole, readonly [number, number]>>;
}

/** The route itself is refused (no rule for that action on that subject): 403 whatever the client. */
const NO_ACCESS: readonly [number, number] = [403, 403];
/** The client or the category is outside the role's scope: 404 whatever the client. */
const HIDDEN: readonly [number, number] = [404, 404];
/** In scope: allowed for the own client, not found for the other. */
const OK: readonly [number, number] = [200, 404];
const CREATED: readonly [number, number] = [201, 404];

/**
 * Read by the file team, the linked consultant and payroll; by management and admin for everyone.
 * The Expertisecentrum reads only clients of its assigned arbeidsdiagnoses, neither `own` nor `other`
 * here (its own clients are tested in modules/expertise): it passes the route and finds nothing.
 */
const FILE_READ = {
  coach: OK,
  income_consultant: OK,
  payroll: OK,
  management: [200, 200],
  admin: [200, 200],
  dpo: NO_ACCESS,
  expertise: HIDDEN,
} as const;

/** Progress (trajectories): not payroll, not admin. */
const PROGRESS_READ = { ...FILE_READ, payroll: HIDDEN, admin: HIDDEN } as const;

/** A change to the coach's part of the file: the coach only (payroll may change payroll data only). */
const COACH_WRITE = (status: readonly [number, number]) =>
  ({
    coach: status,
    income_consultant: NO_ACCESS,
    payroll: HIDDEN,
    management: NO_ACCESS,
    admin: NO_ACCESS,
    dpo: NO_ACCESS,
    expertise: NO_ACCESS,
  }) as const;

/** Payroll data: payroll only; the coach passes the route but has no payroll category (404). */
const PAYROLL_WRITE = (status: readonly [number, number]) =>
  ({
    coach: HIDDEN,
    income_consultant: NO_ACCESS,
    payroll: status,
    management: NO_ACCESS,
    admin: NO_ACCESS,
    dpo: NO_ACCESS,
    expertise: NO_ACCESS,
  }) as const;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');

const CLIENT_FILE_ROWS: readonly AccessEndpoint[] = [
  {
    route: 'GET /api/clients/staff',
    name: 'staff for assignment',
    path: () => '/api/clients/staff?role=coach',
    expect: {
      ...FILE_READ,
      coach: [200, 200],
      income_consultant: [200, 200],
      payroll: [200, 200],
      expertise: [200, 200],
    },
  },
  {
    route: 'POST /api/clients',
    name: 'register a client',
    path: () => '/api/clients',
    body: (t) => ({
      firstName: 'Nieuw',
      lastName: t.relation === 'own' ? 'Aangemeld' : 'Aangemeld-twee',
      dateOfBirth: '1990-04-01',
      bsn: t.relation === 'own' ? '999990032' : '999990044',
      street: 'Molenstraat',
      houseNumber: '3',
      postcode: '6711 AB',
      city: 'Ede',
    }),
    // The relation does not apply: a coach registers into their own caseload either way.
    expect: { ...COACH_WRITE([201, 201]), payroll: NO_ACCESS },
  },
  {
    route: 'GET /api/clients/:id',
    name: 'client file',
    path: (t) => `/api/clients/${t.clientId}`,
    expect: FILE_READ,
  },
  {
    route: 'GET /api/clients/:id/access-grounds',
    name: 'why can I see this',
    path: (t) => `/api/clients/${t.clientId}/access-grounds`,
    expect: FILE_READ,
  },
  {
    route: 'GET /api/clients/:id/history',
    name: 'change history',
    path: (t) => `/api/clients/${t.clientId}/history`,
    expect: FILE_READ,
  },
  {
    route: 'POST /api/clients/:id/bsn-reveal',
    name: 'reveal BSN',
    path: (t) => `/api/clients/${t.clientId}/bsn-reveal`,
    expect: { ...FILE_READ, management: NO_ACCESS, admin: NO_ACCESS, expertise: NO_ACCESS },
  },
  {
    route: 'PATCH /api/clients/:id',
    name: 'edit contact details',
    path: (t) => `/api/clients/${t.clientId}`,
    body: () => ({ phone: '0318 123456' }),
    // Payroll sees the address (payslips) but may not change it.
    expect: { ...COACH_WRITE(OK), payroll: [403, 404] },
  },
  {
    route: 'PUT /api/clients/:id/assignment',
    name: 'assign coach',
    path: (t) => `/api/clients/${t.clientId}/assignment`,
    body: (t) => ({ coachId: t.coachId }),
    expect: { ...COACH_WRITE(NO_ACCESS), payroll: NO_ACCESS, admin: [200, 200] },
  },
  {
    route: 'GET /api/clients/:clientId/trajectories',
    name: 'trajectories',
    path: (t) => `/api/clients/${t.clientId}/trajectories`,
    expect: PROGRESS_READ,
  },
  {
    route: 'POST /api/clients/:clientId/trajectories',
    name: 'start trajectory',
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
    expect: COACH_WRITE(CREATED),
  },
  {
    route: 'POST /api/clients/:clientId/trajectories/:trajectoryId/close',
    name: 'close trajectory',
    path: (t) => `/api/clients/${t.clientId}/trajectories/${t.trajectoryId}/close`,
    body: () => ({ closedOn: '2026-03-01', confirm: true }),
    expect: COACH_WRITE(OK),
  },
  {
    route: 'POST /api/clients/:clientId/trajectories/:trajectoryId/reopen',
    name: 'reopen trajectory',
    path: (t) => `/api/clients/${t.clientId}/trajectories/${t.trajectoryId}/reopen`,
    expect: COACH_WRITE(OK),
  },
  {
    route: 'GET /api/clients/:clientId/dossier',
    name: 'dossier',
    path: (t) => `/api/clients/${t.clientId}/dossier`,
    expect: FILE_READ,
  },
  {
    route: 'POST /api/clients/:clientId/dossier',
    name: 'add conversation note',
    path: (t) => `/api/clients/${t.clientId}/dossier`,
    body: (t) => ({
      trajectoryId: t.trajectoryId,
      kind: 'note',
      category: 'coaching_notes',
      title: 'Gesprek over sollicitaties',
      body: 'Cliënt heeft drie vacatures gevonden.',
      occurredOn: '2026-03-02',
    }),
    expect: COACH_WRITE(CREATED),
  },
  {
    route: 'POST /api/clients/:clientId/documents',
    name: 'upload document',
    path: (t) => `/api/clients/${t.clientId}/documents`,
    upload: (t) => ({
      fields: {
        trajectoryId: t.trajectoryId,
        category: 'progress',
        title: 'Voortgangsverslag',
        occurredOn: '2026-03-03',
      },
      file: PDF,
      fileName: 'verslag.pdf',
    }),
    expect: COACH_WRITE(CREATED),
  },
  {
    route: 'GET /api/clients/:clientId/documents/:documentId/content',
    name: 'download document',
    path: (t) => `/api/clients/${t.clientId}/documents/${t.documentId}/content`,
    // Management reads progress but never documents; payroll has no progress category.
    expect: { ...PROGRESS_READ, management: NO_ACCESS, admin: NO_ACCESS, expertise: NO_ACCESS },
  },
  {
    route: 'PATCH /api/clients/:clientId/documents/:documentId/whatsapp',
    name: 'record WhatsApp deletion',
    path: (t) => `/api/clients/${t.clientId}/documents/${t.documentId}/whatsapp`,
    body: () => ({ whatsappDeletedOn: '2026-03-04' }),
    expect: COACH_WRITE(OK),
  },
  {
    route: 'GET /api/clients/:clientId/payroll',
    name: 'payroll file',
    path: (t) => `/api/clients/${t.clientId}/payroll`,
    expect: {
      ...PAYROLL_WRITE(OK),
      income_consultant: HIDDEN,
      management: HIDDEN,
      admin: HIDDEN,
      expertise: HIDDEN,
    },
  },
  {
    route: 'POST /api/clients/:clientId/payroll/employments',
    name: 'register employment',
    path: (t) => `/api/clients/${t.clientId}/payroll/employments`,
    body: () => ({
      employerName: 'Werkbedrijf Ede',
      isInlener: false,
      jobTitle: 'Medewerker groen',
      startDate: '2026-01-05',
      contractHoursPerWeek: 32,
      grossMonthlySalaryCents: 215000,
    }),
    expect: PAYROLL_WRITE(CREATED),
  },
  {
    route: 'PATCH /api/clients/:clientId/payroll/employments/:employmentId',
    name: 'change employment',
    path: (t) => `/api/clients/${t.clientId}/payroll/employments/${t.employmentId}`,
    body: () => ({ jobTitle: 'Voorman groen' }),
    expect: PAYROLL_WRITE(OK),
  },
  {
    route: 'POST /api/clients/:clientId/payroll/employments/:employmentId/hours',
    name: 'record hours',
    path: (t) => `/api/clients/${t.clientId}/payroll/employments/${t.employmentId}/hours`,
    body: () => ({ month: '2026-02-01', hoursWorked: 96 }),
    expect: PAYROLL_WRITE(CREATED),
  },
  {
    route: 'POST /api/clients/:clientId/payroll/employments/:employmentId/absences',
    name: 'record absence',
    path: (t) => `/api/clients/${t.clientId}/payroll/employments/${t.employmentId}/absences`,
    body: () => ({ firstDay: '2026-02-10', lastDay: '2026-02-12' }),
    expect: PAYROLL_WRITE(CREATED),
  },
  {
    route: 'POST /api/clients/:clientId/payroll/loonwaarde',
    name: 'record loonwaarde',
    path: (t) => `/api/clients/${t.clientId}/payroll/loonwaarde`,
    body: () => ({ assessedOn: '2026-02-01', percentage: 60, method: 'Dariuz', assessedBy: 'J. Visser' }),
    expect: PAYROLL_WRITE(CREATED),
  },
  {
    route: 'POST /api/clients/:clientId/payroll/lks-applications',
    name: 'apply for loonkostensubsidie',
    path: (t) => `/api/clients/${t.clientId}/payroll/lks-applications`,
    body: () => ({ appliedOn: '2026-02-01', periodStart: '2026-02-01', status: 'aangevraagd' }),
    expect: PAYROLL_WRITE(CREATED),
  },
  {
    route: 'PATCH /api/clients/:clientId/payroll/lks-applications/:applicationId',
    name: 'decide on loonkostensubsidie',
    path: (t) => `/api/clients/${t.clientId}/payroll/lks-applications/${t.lksApplicationId}`,
    body: () => ({ status: 'toegekend', amountCents: 95000 }),
    expect: PAYROLL_WRITE(OK),
  },
];

/**
 * The consent registry: coaches; the FG reads the register elsewhere, not a client's file. The
 * Expertisecentrum reads and records consents of its assigned clients only (404 for these two).
 */
const CONSENT_ACCESS = (
  status: readonly [number, number],
  dpo: readonly [number, number],
  expertise: readonly [number, number] = HIDDEN,
) =>
  ({
    coach: status,
    income_consultant: NO_ACCESS,
    payroll: NO_ACCESS,
    management: NO_ACCESS,
    admin: NO_ACCESS,
    dpo,
    expertise,
  }) as const;

/** Disclosures: coaches and (for payroll recipients) payroll; the FG reads the register elsewhere. */
const DISCLOSURE_ACCESS = (coach: readonly [number, number], payroll: readonly [number, number]) =>
  ({ ...CONSENT_ACCESS(coach, NO_ACCESS), payroll }) as const;

const UWV_IDENTITY = (t: Target) => ({
  trajectoryId: t.trajectoryId,
  recipient: { type: 'uwv', organisation: 'UWV Ede', country: 'NL' },
  categories: ['identity'],
  channel: 'secure_portal',
  purpose: 'Melding van de plaatsing',
});

const CONSENT_AND_SHARING_ROWS: readonly AccessEndpoint[] = [
  {
    route: 'GET /api/clients/:clientId/consents',
    name: 'consents',
    path: (t) => `/api/clients/${t.clientId}/consents`,
    expect: CONSENT_ACCESS(OK, HIDDEN),
  },
  {
    route: 'POST /api/clients/:clientId/consents',
    name: 'record consent',
    path: (t) => `/api/clients/${t.clientId}/consents`,
    body: () => ({
      purpose: 'cv_profile',
      givenOn: '2026-01-12',
      form: 'oral',
      evidenceReference: 'Gespreksverslag 12-01-2026',
    }),
    expect: CONSENT_ACCESS(CREATED, NO_ACCESS),
  },
  {
    route: 'POST /api/clients/:clientId/whatsapp-contacts',
    name: 'appointment via WhatsApp',
    path: (t) => `/api/clients/${t.clientId}/whatsapp-contacts`,
    body: (t) => ({ trajectoryId: t.trajectoryId, occurredOn: '2026-02-05', subject: 'appointment' }),
    expect: { ...COACH_WRITE(CREATED), payroll: [403, 404] },
  },
  {
    route: 'POST /api/clients/:clientId/consents/:consentId/withdraw',
    name: 'withdraw consent',
    path: (t) => `/api/clients/${t.clientId}/consents/${t.consentId}/withdraw`,
    body: () => ({ withdrawnOn: '2026-02-10', confirm: true }),
    expect: CONSENT_ACCESS(OK, NO_ACCESS, NO_ACCESS),
  },
  {
    route: 'POST /api/clients/:clientId/disclosures/decision',
    name: 'sharing decision (preview)',
    path: (t) => `/api/clients/${t.clientId}/disclosures/decision`,
    body: UWV_IDENTITY,
    expect: DISCLOSURE_ACCESS(OK, OK),
  },
  {
    route: 'POST /api/clients/:clientId/disclosures',
    name: 'disclose to UWV',
    path: (t) => `/api/clients/${t.clientId}/disclosures`,
    body: UWV_IDENTITY,
    expect: DISCLOSURE_ACCESS(CREATED, CREATED),
  },
  {
    route: 'GET /api/clients/:clientId/disclosures',
    name: 'disclosure history',
    path: (t) => `/api/clients/${t.clientId}/disclosures`,
    expect: { ...DISCLOSURE_ACCESS(OK, OK), dpo: HIDDEN },
  },
  {
    route: 'GET /api/clients/:clientId/disclosures/:disclosureId/package',
    name: 'disclosed package',
    path: (t) => `/api/clients/${t.clientId}/disclosures/${t.disclosureId}/package`,
    expect: { ...DISCLOSURE_ACCESS(OK, OK), dpo: HIDDEN },
  },
  {
    route: 'POST /api/clients/:clientId/disclosures/:disclosureId/review',
    name: 'client saw the report (R-SHARE-06)',
    path: (t) => `/api/clients/${t.clientId}/disclosures/${t.disclosureId}/review`,
    body: () => ({ status: 'shown_after_sending', shownOn: '2026-03-05' }),
    expect: { ...DISCLOSURE_ACCESS(OK, NO_ACCESS), expertise: NO_ACCESS },
  },
];

/**
 * Functional capabilities (R-MED-05): the coach of the caseload and the assigned expertise user;
 * nobody else works with them (403), the Expertisecentrum finds neither client here (404).
 */
const FUNCTIONAL_CAPABILITY_ACCESS = (coach: readonly [number, number]) =>
  ({
    coach,
    income_consultant: NO_ACCESS,
    payroll: NO_ACCESS,
    management: NO_ACCESS,
    admin: NO_ACCESS,
    dpo: NO_ACCESS,
    expertise: HIDDEN,
  }) as const;

const EXPERTISE_ROWS: readonly AccessEndpoint[] = [
  {
    route: 'GET /api/clients/:clientId/functional-capabilities',
    name: 'functional capabilities',
    path: (t) => `/api/clients/${t.clientId}/functional-capabilities`,
    expect: FUNCTIONAL_CAPABILITY_ACCESS(OK),
  },
  {
    route: 'POST /api/clients/:clientId/functional-capabilities',
    name: 'record functional capabilities',
    path: (t) => `/api/clients/${t.clientId}/functional-capabilities`,
    body: () => ({
      canDo: 'Licht fysiek werk in dagdelen',
      cannotDo: 'Tillen boven 10 kg',
      assessedOn: '2026-02-01',
      source: 'trajectbegeleider',
    }),
    expect: FUNCTIONAL_CAPABILITY_ACCESS(CREATED),
  },
];

/** Only the records manager (admin) keeps holds and judges erasure; everyone else is refused the route. */
const RECORDS_MANAGER = (status: readonly [number, number]) =>
  ({
    coach: NO_ACCESS,
    income_consultant: NO_ACCESS,
    payroll: NO_ACCESS,
    management: NO_ACCESS,
    admin: status,
    dpo: NO_ACCESS,
    expertise: NO_ACCESS,
  }) as const;

/** Issue 7: retention dates and holds (coach and consultant of the client read them), erasure assessment. */
const RETENTION_ROWS: readonly AccessEndpoint[] = [
  {
    route: 'GET /api/clients/:clientId/retention',
    name: 'retention dates and holds',
    path: (t) => `/api/clients/${t.clientId}/retention`,
    expect: { ...RECORDS_MANAGER([200, 200]), coach: OK, income_consultant: OK },
  },
  {
    route: 'POST /api/clients/:clientId/legal-holds',
    name: 'set a legal hold',
    path: (t) => `/api/clients/${t.clientId}/legal-holds`,
    body: () => ({ reason: 'Bezwaarprocedure over de uitkering loopt.' }),
    expect: RECORDS_MANAGER([201, 201]),
  },
  {
    route: 'GET /api/clients/:clientId/erasure-assessment',
    name: 'erasure assessment',
    path: (t) => `/api/clients/${t.clientId}/erasure-assessment`,
    expect: RECORDS_MANAGER([200, 200]),
  },
];

/**
 * Progress reports (issue 8): the file team writes and sends them; management reads every client's
 * reports of the categories it may see and exports them; the Expertisecentrum finds neither client.
 */
const REPORT_READ = (coach: readonly [number, number]) =>
  ({
    coach,
    income_consultant: NO_ACCESS,
    payroll: NO_ACCESS,
    management: [200, 200],
    admin: NO_ACCESS,
    dpo: NO_ACCESS,
    expertise: HIDDEN,
  }) as const;
const REPORT_WRITE = (coach: readonly [number, number]) => ({ ...REPORT_READ(coach), management: NO_ACCESS });

const REPORT_ROWS: readonly AccessEndpoint[] = [
  {
    route: 'GET /api/clients/:clientId/reports',
    name: 'progress reports',
    path: (t) => `/api/clients/${t.clientId}/reports`,
    expect: REPORT_READ(OK),
  },
  {
    route: 'POST /api/clients/:clientId/reports',
    name: 'new progress report',
    path: (t) => `/api/clients/${t.clientId}/reports`,
    body: (t) => ({
      trajectoryIds: [t.trajectoryId],
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      recipientType: 'client',
    }),
    expect: REPORT_WRITE(CREATED),
  },
  {
    route: 'GET /api/clients/:clientId/reports/:reportId',
    name: 'progress report',
    path: (t) => `/api/clients/${t.clientId}/reports/${t.reportId}`,
    expect: REPORT_READ(OK),
  },
  {
    route: 'GET /api/clients/:clientId/reports/:reportId/pdf',
    name: 'progress report PDF',
    path: (t) => `/api/clients/${t.clientId}/reports/${t.reportId}/pdf`,
    expect: REPORT_READ(OK),
  },
  {
    route: 'POST /api/clients/:clientId/reports/:reportId/review',
    name: 'client saw the progress report (R-SHARE-06)',
    path: (t) => `/api/clients/${t.clientId}/reports/${t.reportId}/review`,
    body: () => ({ status: 'shown_before_sending', shownOn: '2026-03-05' }),
    expect: REPORT_WRITE(OK),
  },
  {
    route: 'POST /api/clients/:clientId/reports/:reportId/send',
    name: 'send the progress report',
    path: (t) => `/api/clients/${t.clientId}/reports/${t.reportId}/send`,
    body: () => ({ channel: 'post' }),
    expect: REPORT_WRITE(OK),
  },
];

export const ACCESS_TABLE: readonly AccessEndpoint[] = [
  ...CLIENT_FILE_ROWS,
  ...CONSENT_AND_SHARING_ROWS,
  ...EXPERTISE_ROWS,
  ...RETENTION_ROWS,
  ...REPORT_ROWS,
];

/** Client routes whose scoping is tested elsewhere in the same spec (lists have no single client). */
export const COVERED_BY_LIST_TESTS: readonly string[] = ['GET /api/clients'];
