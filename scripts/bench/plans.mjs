// `npm run bench -- --explain`: EXPLAIN (ANALYZE, BUFFERS) of the SQL the floor sends for the
// caseload, search and client-file scenarios, run once each as the owner on the seeded database, to
// check which indexes the planner uses. The statements are those of scripts/bench/floor-clients.mjs.
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

export async function printPlans(stack, { clientId }) {
  const [coach] = await stack.query(`SELECT id FROM app_user WHERE username = 'coach1'`);
  console.log('');
  console.log('Query plans (EXPLAIN (ANALYZE, BUFFERS), one run each, as the owner):');
  for (const [label, sql, params] of statements(coach.id, clientId)) {
    const rows = await stack.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    console.log(`-- ${label}`);
    for (const row of rows) console.log(`   ${row['QUERY PLAN']}`);
  }
  console.log('');
}
