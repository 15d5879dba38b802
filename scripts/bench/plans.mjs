// `npm run bench -- --explain`: EXPLAIN (ANALYZE, BUFFERS) of the SQL the floor sends for the
// caseload, search and client-file scenarios, run once each as the owner on the seeded database, to
// check which indexes the planner uses. The statements are those of scripts/bench/floor-clients.mjs
// and floor-medical.mjs; the medical ones also run as werkpad_medical for expertise1, where the
// row-level security applies (the owner bypasses it), so the two plans show what RLS adds.
import { NAME_FRAGMENT } from './scenarios.mjs';

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
const CASELOAD_WHERE = `c.coach_id = $1 AND EXISTS (SELECT 1 FROM trajectory t
  WHERE t.client_id = c.id AND t.type = 'bemiddeling' AND t.status = 'open')`;
const SEARCH_WHERE = `c.coach_id = $1 AND c.search_name LIKE '%' || werkpad_fold($2) || '%'`;
const PAGE = `SELECT c.id, c.first_name, c.last_name, c.bsn_encrypted, c.city, coach.display_name
  FROM client c LEFT JOIN app_user coach ON coach.id = c.coach_id WHERE`;

function statements(coachId, clientId) {
  return [
    ['caseload: count', `SELECT COUNT(*) FROM client c WHERE ${CASELOAD_WHERE}`, [coachId]],
    [
      'caseload: page 3 of 50',
      `${PAGE} ${CASELOAD_WHERE} ORDER BY c.last_name COLLATE werkpad_nl, c.first_name COLLATE werkpad_nl, c.id LIMIT 50 OFFSET 100`,
      [coachId],
    ],
    ['search-name: count', `SELECT COUNT(*) FROM client c WHERE ${SEARCH_WHERE}`, [coachId, NAME_FRAGMENT]],
    [
      'search-name: page 1 of 20',
      `${PAGE} ${SEARCH_WHERE} ORDER BY werkpad_fold(c.last_name), werkpad_fold(c.first_name), c.id LIMIT 20`,
      [coachId, NAME_FRAGMENT],
    ],
    ['client-file', 'SELECT c.* FROM client c WHERE c.coach_id = $1 AND c.id = $2', [coachId, clientId]],
    [
      'client-dossier',
      `SELECT e.* FROM dossier_entry e WHERE e.client_id = $1 AND e.category = ANY($2)
        ORDER BY e.occurred_on DESC, e.created_at DESC, e.id DESC`,
      [clientId, COACH_READABLE],
    ],
  ];
}

const userName = (column) => `(SELECT u.display_name FROM public.app_user u WHERE u.id = ${column})`;

function medicalStatements(trajectoryId) {
  return [
    [
      'medical-records: assigned trajectory',
      `SELECT t.id, t.client_id, t.status FROM public.trajectory t
        WHERE t.id = $1 AND t.type = 'arbeidsdiagnose' AND t.expertise_user_id = medical.current_expertise_user()`,
      [trajectoryId],
    ],
    [
      'medical-records: records',
      `SELECT r.id, r.trajectory_id, r.client_id, r.kind, r.recorded_on::text AS recorded_on, r.title_encrypted,
              r.body_encrypted, r.source_encrypted, r.key_id, r.version, r.created_by, r.created_at, r.updated_by,
              r.updated_at, ${userName('r.created_by')} AS created_by_name, ${userName('r.updated_by')} AS updated_by_name
         FROM medical.medical_record r
        WHERE r.trajectory_id = $1 ORDER BY r.recorded_on DESC, r.created_at DESC, r.id`,
      [trajectoryId],
    ],
  ];
}

const WORKSPACE_SQL = `SELECT t.id, t.client_id, c.first_name || ' ' || c.last_name AS client_name, t.status,
    t.start_date::text, t.closed_on::text, coach.display_name, outcome.status, t.legal_basis, c.date_of_birth::text
  FROM trajectory t JOIN client c ON c.id = t.client_id
  LEFT JOIN app_user coach ON coach.id = c.coach_id
  LEFT JOIN diagnosis_outcome outcome ON outcome.trajectory_id = t.id
  WHERE (t.expertise_user_id = $1) AND t.type = 'arbeidsdiagnose'
  ORDER BY CASE WHEN t.status = 'open' THEN 0 ELSE 1 END ASC, t.start_date DESC, t.id ASC`;

function printPlan(label, rows) {
  console.log(`-- ${label}`);
  for (const row of rows) console.log(`   ${row['QUERY PLAN']}`);
}

/** The expertise scenarios: the workspace as the owner, the medical statements as both roles. */
async function printExpertisePlans(stack, trajectoryId) {
  const [expertise] = await stack.query(`SELECT id FROM app_user WHERE username = 'expertise1'`);
  if (!expertise) return;
  printPlan(
    'expertise-workspace',
    await stack.query(`EXPLAIN (ANALYZE, BUFFERS) ${WORKSPACE_SQL}`, [expertise.id]),
  );
  if (!trajectoryId) return;
  const statements = medicalStatements(trajectoryId);
  const explained = statements.map(([, sql, params]) => [`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params]);
  const asMedical = await stack.queryNamingUser(expertise.id, explained);
  const asOwner = await stack.queryNamingUser(expertise.id, explained, { asOwner: true });
  for (const [index, [label]] of statements.entries()) {
    printPlan(`${label}, as werkpad_medical (row-level security applies)`, asMedical[index]);
    printPlan(`${label}, as the owner (bypasses row-level security)`, asOwner[index]);
  }
}

export async function printPlans(stack, { clientId, trajectoryId }) {
  const [coach] = await stack.query(`SELECT id FROM app_user WHERE username = 'coach1'`);
  console.log('');
  console.log('Query plans (EXPLAIN (ANALYZE, BUFFERS), one run each, as the owner unless stated):');
  for (const [label, sql, params] of statements(coach.id, clientId)) {
    printPlan(label, await stack.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params));
  }
  await printExpertisePlans(stack, trajectoryId);
  console.log('');
}
