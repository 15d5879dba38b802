// How much the audit chain's advisory lock serialises requests: during a run, pg_stat_activity is
// sampled for backends waiting on an advisory lock. By Little's law the mean number waiting,
// divided by the request rate, is the mean time a request spent queued for the lock.
import pg from 'pg';

const INTERVAL_MS = 50;

export async function startLockSampler(connectionString) {
  const client = new pg.Client({ connectionString, application_name: 'werkpad-bench-sampler' });
  await client.connect();
  const samples = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'`,
      );
      samples.push(rows[0].waiting);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
  })();
  return {
    /** Stops sampling; resolves with the mean number of requests waiting for the lock. */
    async stop() {
      running = false;
      await loop;
      await client.end();
      return samples.length === 0 ? 0 : samples.reduce((sum, n) => sum + n, 0) / samples.length;
    },
  };
}
