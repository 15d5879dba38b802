// One autocannon run, summarised. autocannon reports p50, p90, p97.5 and p99 but no p95, and its
// histogram rounds to whole milliseconds; so every response time is kept from the `response`
// event and the percentiles are read from the sorted list (nearest rank).
import autocannon from 'autocannon';

const REQUEST_TIMEOUT_SECONDS = 30;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** autocannon spreads its options over its defaults, so an explicit `undefined` would erase one. */
function definedOnly(options) {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/**
 * Runs `request` against `baseUrl` for `duration` seconds, or for exactly `amount` requests.
 * Throughput is responses divided by the time from the start to the last response: autocannon
 * notices the end of a run only at its next one-second tick, so its own duration (and the time
 * until its promise resolves) can be up to a second long, which would halve a 50-request login run.
 */
export async function runLoad(baseUrl, { request, connections, duration, amount, setupClient }) {
  const latencies = [];
  const started = performance.now();
  let lastResponse = started;
  const instance = autocannon(
    definedOnly({
      url: `${baseUrl}${request.path}`,
      method: request.method,
      headers: request.headers,
      body: request.body,
      connections,
      duration: amount ? undefined : duration,
      amount,
      setupClient,
      timeout: REQUEST_TIMEOUT_SECONDS,
    }),
  );
  instance.on('response', (_client, _statusCode, _bytes, milliseconds) => {
    latencies.push(milliseconds);
    lastResponse = performance.now();
  });
  const result = await instance;
  const seconds = (lastResponse - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]),
    ),
  };
}
