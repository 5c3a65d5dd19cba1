/**
 * The server benchmarks (issue 4 §6): `npm run bench -w packages/server`. Figures are printed,
 * never asserted: a benchmark that fails on a slow machine would teach people to ignore it.
 *
 * One run, against the real server on loopback with its logger off:
 * 1. a generated clinic (5,000 patients, 1,000,000 session logs, a clinician with 150 patients);
 * 2. the caseload dashboard's latency for that clinician, one request at a time (p50/p95);
 * 3. autocannon, 32 connections, 10 s each: a bare Fastify "hello" route (the ceiling), the
 *    patient's `GET /api/me/today`, the clinician's `GET /api/caseload`, and
 *    `POST /api/me/logs` with a fresh Idempotency-Key per request (durable writes: PostgreSQL's
 *    default `synchronous_commit = on`);
 * 4. with `BENCH_LOGS_10X=1`: the history grown tenfold (10,000,000 logs) and the dashboard
 *    measured again — bounded queries should not notice.
 *
 * Settings (environment): BENCH_DURATION_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_PATIENTS
 * (5000), BENCH_LOGS (1000000), BENCH_CASELOAD (150), BENCH_DASHBOARD_REQUESTS (200),
 * BENCH_LOGS_10X (unset: skip step 4), DATABASE_URL (an external PostgreSQL; a fresh database is
 * made on it and dropped after; unset: an embedded PostgreSQL in a temporary directory).
 */
import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { it } from 'vitest';
import { createSession } from '../src/auth/sessions.js';
import { connect } from '../src/database/client.js';
import { runMigrations } from '../src/database/migrate.js';
import { createTestDatabase } from '../src/database/test-database.fixture.js';
import { registerApi } from '../src/http/api.js';
import { buildApp } from '../src/http/app.js';
import { databaseHealth } from '../src/http/health.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/session/plugin.js';
import { generateClinic, growLogs, type GeneratedClinic } from './clinic.js';

const run = promisify(execFile);

function setting(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number`);
  return parsed;
}

const settings = {
  durationSeconds: setting('BENCH_DURATION_SECONDS', 10),
  connections: setting('BENCH_CONNECTIONS', 32),
  patients: setting('BENCH_PATIENTS', 5000),
  logs: setting('BENCH_LOGS', 1_000_000),
  caseload: setting('BENCH_CASELOAD', 150),
  dashboardRequests: setting('BENCH_DASHBOARD_REQUESTS', 200),
  tenfold: process.env.BENCH_LOGS_10X === '1',
};

const print = (line = '') => {
  process.stdout.write(`${line}\n`);
};

// ---------------------------------------------------------------- load runs

interface LoadScenario {
  readonly url: string;
  readonly path: string;
  readonly method?: 'GET' | 'POST';
  readonly body?: object;
  readonly identities?: readonly {
    readonly cookie: string;
    readonly csrf?: string;
    readonly body?: object;
  }[];
  readonly uniqueKey?: boolean;
}

interface LoadResult {
  readonly requestsPerSecond: number;
  readonly total: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
}

const loadScript = fileURLToPath(new URL('./load.mjs', import.meta.url));

/** One autocannon run in a child process (see load.mjs). */
async function load(scenario: LoadScenario): Promise<LoadResult> {
  const { stdout } = await run(
    process.execPath,
    [
      loadScript,
      JSON.stringify({
        ...scenario,
        connections: settings.connections,
        durationSeconds: settings.durationSeconds,
      }),
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as LoadResult;
}

// ---------------------------------------------------------------- dashboard latency

interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly patients: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

/** The dashboard one request at a time, after a warm-up: what one clinician waits. */
async function dashboardLatency(url: string, cookie: string): Promise<Latency> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${url}/api/caseload`, { headers: { cookie } });
    const body = (await response.json()) as { patients?: unknown[] };
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
    return { elapsed, patients: body.patients?.length ?? 0 };
  };
  for (let warm = 0; warm < 20; warm++) await once();
  const times: number[] = [];
  let patients = 0;
  for (let request = 0; request < settings.dashboardRequests; request++) {
    const result = await once();
    times.push(result.elapsed);
    patients = result.patients;
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: times.at(-1) ?? 0,
    patients,
  };
}

// ---------------------------------------------------------------- printing

const ms = (value: number) => value.toFixed(1);
const count = (value: number) => Math.round(value).toLocaleString('en');

function table(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  print(line(header));
  print(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => {
    print(line(row));
  });
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

// ---------------------------------------------------------------- the run

async function benchmark(): Promise<void> {
  const started = performance.now();
  const progress = (message: string) => {
    print(`  [${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`);
  };
  const today = new Date().toISOString().slice(0, 10);

  print();
  print('Spinewise server benchmarks');
  print(
    `  ${cpus().length} CPU (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ` +
      `${settings.connections} connections × ${settings.durationSeconds} s per load run`,
  );

  const load1 = () => (loadavg()[0] ?? 0).toFixed(1);
  print(`  load average ${load1()} at the start (other work on the machine skews every figure)`);

  const database = await createTestDatabase();
  const client = connect(database.url);
  const ceiling = Fastify({ logger: false });
  const app = buildApp({ logger: false, health: () => databaseHealth(client.pool) });
  try {
    await runMigrations(database.url);
    const { rows } = await client.pool.query<{ version: string }>(
      `select current_setting('server_version') as version`,
    );
    print(
      `  PostgreSQL ${rows[0]?.version ?? '?'} (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'}), pool of 10`,
    );
    print();
    print(
      `Generating a clinic: ${count(settings.patients)} patients, ${count(settings.logs)} session logs, ` +
        `a clinician with ${count(settings.caseload)} patients`,
    );
    let clinic: GeneratedClinic = await generateClinic(client.pool, {
      patients: settings.patients,
      logs: settings.logs,
      caseloadSize: settings.caseload,
      patientLogins: settings.connections,
      today,
      progress,
    });

    ceiling.get('/hello', () => ({ hello: 'world' }));
    registerApi(app, { db: client.db });
    const ceilingUrl = await ceiling.listen({ host: '127.0.0.1', port: 0 });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });

    const now = new Date();
    const clinician = await createSession(client.db, { userId: clinic.clinicianId, now });
    const clinicianCookie = `${SESSION_COOKIE}=${clinician.token}`;
    const patients = await Promise.all(
      clinic.patients.map(async (patient) => {
        const session = await createSession(client.db, { userId: patient.userId, now });
        return {
          ...patient,
          cookie: `${SESSION_COOKIE}=${session.token}`,
          csrf: session.csrfToken,
        };
      }),
    );
    // A first write checks the route before measuring it.
    const probe = await fetch(`${url}/api/me/logs`, {
      method: 'POST',
      headers: {
        cookie: patients[0]?.cookie ?? '',
        [CSRF_HEADER]: patients[0]?.csrf ?? '',
        'idempotency-key': 'bench-probe',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ date: today, exerciseId: patients[0]?.exerciseId, setsDone: 2 }),
    });
    if (probe.status !== 201) throw new Error(`POST /api/me/logs answered ${probe.status}`);

    progress('dashboard latency, one request at a time');
    const dashboard = await dashboardLatency(url, clinicianCookie);
    const logsAtFirst = clinic.logs;

    progress('load runs');
    const hello = await load({ url: ceilingUrl, path: '/hello' });
    const patientIdentities = patients.map(({ cookie, csrf }) => ({ cookie, csrf }));
    const todayRun = await load({ url, path: '/api/me/today', identities: patientIdentities });
    const caseloadRun = await load({
      url,
      path: '/api/caseload',
      identities: [{ cookie: clinicianCookie }],
    });
    // Each request is a new log (fresh key) by one of the patients, for an exercise of today.
    const writeRun = await load({
      url,
      path: '/api/me/logs',
      method: 'POST',
      identities: patients.map(({ cookie, csrf, exerciseId }) => ({
        cookie,
        csrf,
        body: { date: today, exerciseId, setsDone: 2, painAfter: 2, completed: 'done' },
      })),
      body: {},
      uniqueKey: true,
    });

    let tenfold: { logs: number; latency: Latency } | null = null;
    if (settings.tenfold) {
      progress(`growing the history to ${count(logsAtFirst * 10)} session logs`);
      clinic = await growLogs(client.pool, clinic, logsAtFirst * 10, progress);
      progress('dashboard latency again');
      tenfold = { logs: clinic.logs, latency: await dashboardLatency(url, clinicianCookie) };
    }

    print();
    print(
      `Throughput on loopback: ${settings.connections} connections, ${settings.durationSeconds} s each`,
    );
    const row = (name: string, result: LoadResult) => [
      name,
      count(result.requestsPerSecond),
      ms(result.p50),
      ms(result.p99),
      `${((result.requestsPerSecond / hello.requestsPerSecond) * 100).toFixed(0)} %`,
      count(result.non2xx + result.errors + result.timeouts),
    ];
    table(
      ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'of ceiling', 'failed'],
      [
        row('GET /hello (bare Fastify: ceiling)', hello),
        row('GET /api/me/today (patient)', todayRun),
        row(`GET /api/caseload (${count(dashboard.patients)} patients)`, caseloadRun),
        row('POST /api/me/logs (new log each)', writeRun),
      ],
    );

    print();
    print(
      `Caseload dashboard, one request at a time (${count(settings.dashboardRequests)} requests after 20 to warm up)`,
    );
    const latencyRow = (logs: number, latency: Latency) => [
      count(logs),
      count(latency.patients),
      ms(latency.p50),
      ms(latency.p95),
      ms(latency.max),
    ];
    table(
      ['session logs', 'patients shown', 'p50 ms', 'p95 ms', 'max ms'],
      [
        latencyRow(logsAtFirst, dashboard),
        ...(tenfold === null ? [] : [latencyRow(tenfold.logs, tenfold.latency)]),
      ],
    );
    if (tenfold !== null) {
      print(
        `  10× the logs: p50 × ${(tenfold.latency.p50 / dashboard.p50).toFixed(2)}, ` +
          `p95 × ${(tenfold.latency.p95 / dashboard.p95).toFixed(2)}`,
      );
    } else {
      print('  (set BENCH_LOGS_10X=1 to grow the history tenfold and measure again)');
    }

    print();
    print(`Load average at the end: ${load1()}`);

    const readsMet = [todayRun, caseloadRun].every(
      (result) => result.requestsPerSecond >= 0.4 * hello.requestsPerSecond && result.p99 < 25,
    );
    print();
    print('Targets (issue 4 §6)');
    table(
      ['target', 'measured', 'verdict'],
      [
        [
          'reads ≥ 40 % of ceiling, p99 < 25 ms',
          `today ${((todayRun.requestsPerSecond / hello.requestsPerSecond) * 100).toFixed(0)} % / ${ms(todayRun.p99)} ms; ` +
            `caseload ${((caseloadRun.requestsPerSecond / hello.requestsPerSecond) * 100).toFixed(0)} % / ${ms(caseloadRun.p99)} ms`,
          verdict(readsMet),
        ],
        [
          '≥ 2,000 durable log writes/s',
          `${count(writeRun.requestsPerSecond)}/s`,
          verdict(writeRun.requestsPerSecond >= 2000),
        ],
        [
          'dashboard p95 < 50 ms at 1M logs',
          `${ms(dashboard.p95)} ms at ${count(logsAtFirst)}`,
          verdict(dashboard.p95 < 50),
        ],
      ],
    );
    print();
  } finally {
    await app.close();
    await ceiling.close();
    await client.close();
    await database.drop();
  }
}

it('measures the server', benchmark, 6 * 60 * 60 * 1000);
