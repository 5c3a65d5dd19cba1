// One autocannon run, in its own process so the load generator never shares an event loop with
// the server it measures. Started by server.bench.ts with a JSON scenario as the only argument;
// prints autocannon's figures as one JSON line on stdout.
//
// Scenario: { url, path, method, connections, durationSeconds, body?, identities?, uniqueKey? }
// - identities: [{ cookie, csrf?, body? }] taken in turn, one per request (many patients, not
//   one); an identity's body replaces the scenario's;
// - uniqueKey: a fresh Idempotency-Key per request, so every POST stores a new log.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const scenario = JSON.parse(process.argv[2] ?? '{}');
const identities = scenario.identities ?? [];
let turn = 0;

const request = {
  method: scenario.method ?? 'GET',
  path: scenario.path,
  headers: scenario.body === undefined ? {} : { 'content-type': 'application/json' },
  ...(scenario.body === undefined ? {} : { body: JSON.stringify(scenario.body) }),
  setupRequest(base) {
    const identity = identities.length === 0 ? undefined : identities[turn++ % identities.length];
    return {
      ...base,
      ...(identity?.body === undefined ? {} : { body: JSON.stringify(identity.body) }),
      headers: {
        ...base.headers,
        ...(identity === undefined ? {} : { cookie: identity.cookie }),
        ...(identity?.csrf === undefined ? {} : { 'x-csrf-token': identity.csrf }),
        ...(scenario.uniqueKey === true ? { 'idempotency-key': randomUUID() } : {}),
      },
    };
  },
};

const result = await autocannon({
  url: scenario.url,
  connections: scenario.connections,
  duration: scenario.durationSeconds,
  requests: [request],
});

process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
  })}\n`,
);
