// The client routes of the floor, as a coach sees them: the caseload list with name search and
// trajectory filter, one client's file and its dossier, each with the audit row of the read.
import { appendAudit, auditAs } from './floor-audit.mjs';
import { activeUser } from './floor-auth.mjs';
import { fieldCrypto, pool } from './floor-backend.mjs';
import { HttpError } from './floor-http.mjs';

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

/**
 * ClientsService.list for a coach: the caseload scope (coach_id = the user, what CASL's rule
 * becomes in SQL), the name search (accent-insensitive, anywhere in "first last", on the generated
 * search_name column), the trajectory filter (EXISTS on trajectory type and status), first the
 * count, then one page sorted by name with the coach's name joined, BSN decryption for the mask,
 * then the audit row of the read.
 */
export async function clients(request) {
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
export async function clientFile(request, [clientId]) {
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
  // Only the benchmark sends this header, to measure what the audit append costs.
  if (request.headers['x-floor-audit'] === 'off') return { status: 200, body };
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
export async function dossier(request, [clientId]) {
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
