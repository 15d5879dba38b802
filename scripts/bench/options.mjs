// Command-line flags of `npm run bench`.
import { parseArgs } from 'node:util';

export const SCENARIO_NAMES = ['me', 'login', 'clients', 'clients-search'];

const USAGE = `Usage: npm run bench -- [--clients N] [--duration S] [--connections C] [--scenario NAME]

  --clients N      synthetic clients to seed (default 10000)
  --duration S     seconds per measured run (default 10); login always sends a fixed 50 requests
  --connections C  concurrent connections (default 10); login always uses 5
  --scenario NAME  run only one of: ${SCENARIO_NAMES.join(', ')}`;

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
        clients: { type: 'string', default: '10000' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '10' },
        scenario: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (values.scenario !== undefined && !SCENARIO_NAMES.includes(values.scenario)) {
      throw new Error(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}, not "${values.scenario}"`);
    }
    return {
      clients: positiveInteger('clients', values.clients),
      duration: positiveInteger('duration', values.duration),
      connections: positiveInteger('connections', values.connections),
      scenarios: values.scenario ? [values.scenario] : SCENARIO_NAMES,
    };
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}
