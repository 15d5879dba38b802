import { type PoolClient } from 'pg';

import { DOSSIER_TEMPLATES } from './synthetic-dossier';

/**
 * The batch inserts of the demo seed, one per table. Each takes rows as positional arrays in the
 * order of that table's column list below, so the seed builds them without intermediate objects.
 */

/** One row's values, in the order of the column list of its table. */
export type Row = readonly unknown[];

type Column = readonly [name: string, type: string];

/** One INSERT … SELECT FROM unnest(…) for many rows: one round trip, no per-row statements. */
async function insertRows(
  db: PoolClient,
  table: string,
  columns: readonly Column[],
  rows: readonly Row[],
  suffix = '',
): Promise<{ id: string }[]> {
  if (rows.length === 0) return [];
  const arrays = columns.map((_, column) => rows.map((row) => row[column]));
  const result = await db.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')})
     SELECT * FROM unnest(${columns.map(([, type], n) => `$${n + 1}::${type}[]`).join(', ')}) ${suffix}`,
    arrays,
  );
  return result.rows;
}

const CLIENT_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['first_name', 'text'],
  ['last_name', 'text'],
  ['date_of_birth', 'date'],
  ['bsn_encrypted', 'bytea'],
  ['bsn_blind_index', 'bytea'],
  ['street', 'text'],
  ['house_number', 'text'],
  ['postcode', 'text'],
  ['city', 'text'],
  ['coach_id', 'uuid'],
  ['income_consultant_id', 'uuid'],
  ['nationality', 'text'],
  ['phone', 'text'],
  ['email', 'text'],
  ['dutch_language_level', 'text'],
  ['inburgering_status', 'text'],
  ['driving_licence', 'boolean'],
  ['transport', 'text'],
  ['availability_hours_per_week', 'integer'],
  ['availability_notes', 'text'],
  ['cv_link', 'text'],
  ['education_level', 'text'],
  ['has_debts', 'boolean'],
  ['debt_notes', 'text'],
  ['life_domains_notes', 'text'],
  ['functional_limitations', 'text'],
  ['iban_encrypted', 'bytea'],
];
const TRAJECTORY_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['client_id', 'uuid'],
  ['type', 'text'],
  ['legal_basis', 'text'],
  ['status', 'text'],
  ['start_date', 'date'],
  ['closed_on', 'date'],
  ['coach_id', 'uuid'],
  ['income_consultant_id', 'uuid'],
  ['reporting_recipient', 'text'],
  // text[] per row: passed as one text per row and split again (unnest cannot nest arrays).
  ['reporting_categories', 'text'],
  ['reporting_form', 'text'],
  ['reporting_purpose', 'text'],
  ['reporting_frequency', 'text'],
  ['created_by', 'uuid'],
];
const EMPLOYMENT_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['client_id', 'uuid'],
  ['employer_name', 'text'],
  ['is_inlener', 'boolean'],
  ['job_title', 'text'],
  ['start_date', 'date'],
  ['end_date', 'date'],
  ['contract_hours_per_week', 'numeric'],
  ['gross_monthly_salary_cents', 'integer'],
  ['created_by', 'uuid'],
];
const HOURS_COLUMNS: readonly Column[] = [
  ['employment_id', 'uuid'],
  ['month', 'date'],
  ['hours_worked', 'numeric'],
  ['created_by', 'uuid'],
];
const ABSENCE_COLUMNS: readonly Column[] = [
  ['employment_id', 'uuid'],
  ['first_day', 'date'],
  ['last_day', 'date'],
  ['created_by', 'uuid'],
];
const LOONWAARDE_COLUMNS: readonly Column[] = [
  ['client_id', 'uuid'],
  ['assessed_on', 'date'],
  ['percentage', 'integer'],
  ['method', 'text'],
  ['assessed_by', 'text'],
  ['created_by', 'uuid'],
];
const LKS_COLUMNS: readonly Column[] = [
  ['client_id', 'uuid'],
  ['applied_on', 'date'],
  ['period_start', 'date'],
  ['period_end', 'date'],
  ['status', 'text'],
  ['amount_cents', 'integer'],
  ['created_by', 'uuid'],
];

/** Entries refer to a template by position; the texts travel once per statement, not per row. */
async function insertDossierEntryChunk(db: PoolClient, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = [0, 1, 2, 3, 4].map((column) => rows.map((row) => row[column]));
  const field = <K extends keyof (typeof DOSSIER_TEMPLATES)[number]>(key: K) =>
    DOSSIER_TEMPLATES.map((entry) => entry[key]);
  await db.query(
    `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id,
                                decided_by, correspondence_direction, counterparty)
     SELECT e.client_id, e.trajectory_id, t.kind, t.category, t.title, t.body, e.occurred_on, e.author_id,
            t.decided_by, t.direction, t.counterparty
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::date[], $5::uuid[])
              AS e (client_id, trajectory_id, template, occurred_on, author_id)
       JOIN unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
              WITH ORDINALITY AS t (kind, category, title, body, decided_by, direction, counterparty, n)
         ON t.n = e.template + 1`,
    [
      ...arrays,
      field('kind'),
      field('category'),
      field('title'),
      field('body'),
      field('decidedBy'),
      field('correspondenceDirection'),
      field('counterparty'),
    ],
  );
}

/** Inserts clients; one whose BSN already exists is skipped. Returns the ids actually inserted. */
export async function insertClients(db: PoolClient, rows: readonly Row[]): Promise<Set<string>> {
  const inserted = await insertRows(
    db,
    'client',
    CLIENT_COLUMNS,
    rows,
    'ON CONFLICT (bsn_blind_index) DO NOTHING RETURNING id',
  );
  return new Set(inserted.map((row) => row.id));
}

/**
 * Inserts trajectories, after their clients: the trajectory trigger fills
 * client.open_trajectory_types, payroll_scope and in_intake.
 */
export async function insertTrajectories(db: PoolClient, rows: readonly Row[]): Promise<void> {
  await db.query(
    `INSERT INTO trajectory (${TRAJECTORY_COLUMNS.map(([name]) => name).join(', ')})
     SELECT id, client_id, type, legal_basis, status, start_date, closed_on, coach_id, income_consultant_id,
            reporting_recipient, string_to_array(reporting_categories, ','), reporting_form,
            reporting_purpose, reporting_frequency, created_by
       FROM unnest(${TRAJECTORY_COLUMNS.map(([, type], n) => `$${n + 1}::${type}[]`).join(', ')})
         AS t (${TRAJECTORY_COLUMNS.map(([name]) => name).join(', ')})`,
    TRAJECTORY_COLUMNS.map((_, column) => rows.map((row) => row[column])),
  );
}

/** Rows of dossier_entry: client_id, trajectory_id, template position, occurred_on, author_id. */
export async function insertDossierEntries(db: PoolClient, rows: readonly Row[]): Promise<void> {
  const chunk = 25_000;
  for (let start = 0; start < rows.length; start += chunk) {
    await insertDossierEntryChunk(db, rows.slice(start, start + chunk));
  }
}

export interface PayrollRows {
  readonly employments: readonly Row[];
  readonly hours: readonly Row[];
  readonly absences: readonly Row[];
  readonly loonwaardes: readonly Row[];
  readonly lksApplications: readonly Row[];
}

/** Inserts the payroll tables, employments first since hours and absences refer to them. */
export async function insertPayroll(db: PoolClient, rows: PayrollRows): Promise<void> {
  await insertRows(db, 'employment', EMPLOYMENT_COLUMNS, rows.employments);
  await insertRows(db, 'hours_record', HOURS_COLUMNS, rows.hours);
  await insertRows(db, 'absence_episode', ABSENCE_COLUMNS, rows.absences);
  await insertRows(db, 'loonwaarde_assessment', LOONWAARDE_COLUMNS, rows.loonwaardes);
  await insertRows(db, 'lks_application', LKS_COLUMNS, rows.lksApplications);
}

const CONSENT_COLUMNS: readonly Column[] = [
  ['client_id', 'uuid'],
  ['purpose', 'text'],
  ['recipient', 'text'],
  ['given_on', 'date'],
  ['form', 'text'],
  ['recorded_by', 'uuid'],
  ['evidence_reference', 'text'],
  ['withdrawn_on', 'date'],
  ['withdrawn_recorded_by', 'uuid'],
];

/** Rows of consent, in the order of CONSENT_COLUMNS. */
export async function insertConsents(db: PoolClient, rows: readonly Row[]): Promise<void> {
  await insertRows(db, 'consent', CONSENT_COLUMNS, rows);
}
