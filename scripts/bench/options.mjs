// Command-line flags of `npm run bench`.
import { parseArgs } from 'node:util';

export const SCENARIO_NAMES = [
  'me',
  'login',
  'clients',
  'clients-search',
  'caseload',
  'client-file',
  'client-dossier',
  'search-name',
  'medical-records',
  'expertise-workspace',
];

const USAGE = `Usage: npm run bench -- [--clients N] [--notes N] [--duration S] [--connections C] [--scenario NAME]

  --clients N      synthetic clients to seed (default $BENCH_CLIENTS or 10000)
  --notes N        dossier entries per client (default $BENCH_NOTES or 10)
  --duration S     seconds per measured run (default 10); login always sends a fixed 50 requests
  --connections C  concurrent connections (default 10); login always uses 5
  --explain        print EXPLAIN (ANALYZE, BUFFERS) of the floor's SQL for the new scenarios
  --scenario NAME  run only these (comma-separated) of: ${SCENARIO_NAMES.join(', ')}

  BENCH_SETUP_SQL  SQL run as the owner after seeding (e.g. a CREATE INDEX to try), then ANALYZE`;

function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} expects a whole number ≥ 1, not "${text}"`);
  return value;
}

/** The validated options; a bad flag prints the usage and exits with 2, before anything is started. */
export function readOptions(args = process.argv.slice(2)) {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        clients: { type: 'string', default: process.env.BENCH_CLIENTS ?? '10000' },
        notes: { type: 'string', default: process.env.BENCH_NOTES ?? '10' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '10' },
        scenario: { type: 'string' },
        explain: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const chosen = values.scenario?.split(',').map((name) => name.trim());
    const unknown = chosen?.filter((name) => !SCENARIO_NAMES.includes(name)) ?? [];
    if (unknown.length > 0) {
      throw new Error(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}, not "${unknown.join(', ')}"`);
    }
    return {
      clients: positiveInteger('clients', values.clients),
      duration: positiveInteger('duration', values.duration),
      connections: positiveInteger('connections', values.connections),
      notes: positiveInteger('notes', values.notes),
      scenarios: chosen ?? SCENARIO_NAMES,
      explain: values.explain,
      setupSql: process.env.BENCH_SETUP_SQL ?? '',
    };
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}
