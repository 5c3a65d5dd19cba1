/**
 * The dashboard's time to first render (issue 5): `npm run bench -w packages/web` (after
 * `npm run build`). Figures are printed, never asserted.
 *
 * The real server and the built app in Debian's Chromium, twice: with the demo clinic, and
 * with the server benchmark's generated clinic (5,000 patients, a clinician with 150 of them).
 * Each run opens `/caseload` in a fresh tab of a signed-in browser and times, from the start
 * of navigation, the caseload's first patient card in the page and the frame after it. A cold
 * run has an empty cache; warm runs have the app's files cached, as a clinician's browser does.
 *
 * Settings (environment): BENCH_PATIENTS (5000), BENCH_LOGS (100000; the dashboard reads a
 * bounded window, see the server benchmark), BENCH_CASELOAD (150), BENCH_RUNS (10).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { connect } from '@spinewise/server';
import type { BrowserContext } from 'playwright-core';
import { it } from 'vitest';
import { generateClinic } from '../../server/bench/clinic.js';
import { createSession } from '../../server/src/auth/sessions.js';
import { SESSION_COOKIE } from '../../server/src/http/session/plugin.js';
import {
  DEMO_CLINICIAN,
  LAPTOP,
  WEB_DIST,
  startHarness,
  type Harness,
} from '../src/e2e/harness.js';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const settings = {
  patients: setting('BENCH_PATIENTS', 5000),
  logs: setting('BENCH_LOGS', 100_000),
  caseload: setting('BENCH_CASELOAD', 150),
  runs: setting('BENCH_RUNS', 10),
};

const print = (line = '') => {
  process.stdout.write(`${line}\n`);
};

interface Render {
  /** The first patient card is in the page. */
  readonly card: number;
  /** The frame after it has been drawn. */
  readonly painted: number;
  readonly cards: number;
  /** When each request the page made had its whole answer, by path. */
  readonly requests: Readonly<Record<string, { start: number; end: number }>>;
}

/** Before any page script: watch for the first patient card (outside the page's CSP). */
const WATCH_FIRST_CARD = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('.caseload-card') === null) return;
    observer.disconnect();
    const card = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      window.__firstRender = { card, painted: performance.now() };
    }, 0));
  }).observe(document, { childList: true, subtree: true });
`;

async function timeFirstRender(
  harness: Harness,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
  path: string,
): Promise<{ cold: Render; warm: Render[] }> {
  const context = await harness.browser.newContext({
    baseURL: harness.server.url,
    viewport: LAPTOP,
    storageState,
  });
  await context.addInitScript(WATCH_FIRST_CARD);
  const once = async (): Promise<Render> => {
    const page = await context.newPage();
    await page.goto(path);
    await page.waitForFunction(() => '__firstRender' in window, undefined, { timeout: 120_000 });
    const times = await page.evaluate(
      () =>
        (window as unknown as { __firstRender: { card: number; painted: number } }).__firstRender,
    );
    const cards = await page.locator('.caseload-card').count();
    const requests = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('resource')
          .map((entry) => [
            new URL(entry.name).pathname + new URL(entry.name).search,
            { start: entry.startTime, end: (entry as PerformanceResourceTiming).responseEnd },
          ]),
      ),
    );
    await page.close();
    return { ...times, cards, requests };
  };
  try {
    const cold = await once();
    const warm: Render[] = [];
    for (let run = 0; run < settings.runs; run++) warm.push(await once());
    return { cold, warm };
  } finally {
    await context.close();
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function report(label: string, result: { cold: Render; warm: Render[] }): void {
  const warmCard = median(result.warm.map((run) => run.card));
  const warmPainted = median(result.warm.map((run) => run.painted));
  const typical = result.warm.find((run) => run.painted === warmPainted) ?? result.warm[0];
  const requests = Object.entries(typical?.requests ?? {})
    .filter(([path]) => path.startsWith('/api/') || path.endsWith('.js'))
    .map(
      ([path, { start, end }]) =>
        `${path.replace(/-[\w]{8}\.js$/u, '.js')} ${start.toFixed(0)}→${end.toFixed(0)}`,
    )
    .join(', ');
  print(
    `  ${label.padEnd(44)} cold ${ms(result.cold.painted).padStart(8)}   warm (median of ${result.warm.length}) ${ms(warmPainted).padStart(8)}   (first card in DOM ${ms(warmCard)}, ${result.cold.cards} cards drawn)`,
  );
  print(`    requests (ms from navigation start): ${requests}`);
}

/** The dashboard's JavaScript: the entry and everything it imports at start, gzip-compressed. */
function bundleSizes(): { file: string; bytes: number; gzip: number }[] {
  const assets = join(WEB_DIST, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const path = join(assets, file);
      return { file, bytes: statSync(path).size, gzip: gzipSync(readFileSync(path)).length };
    });
}

it('times the dashboard’s first render', { timeout: 3_600_000 }, async () => {
  const started = performance.now();
  const progress = (message: string) => {
    print(`  [${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`);
  };
  print();
  print('Spinewise web benchmark: the caseload dashboard’s first render');
  for (const { file, bytes, gzip } of bundleSizes()) {
    print(
      `  ${file.padEnd(32)} ${(bytes / 1000).toFixed(1).padStart(7)} kB, gzip ${(gzip / 1000).toFixed(1).padStart(6)} kB`,
    );
  }
  print();

  progress('the demo clinic');
  const demo = await startHarness();
  let demoResult;
  try {
    const context = await demo.browser.newContext({ baseURL: demo.server.url });
    const login = await context.request.post('/api/session', { data: DEMO_CLINICIAN });
    if (login.status() !== 200) throw new Error(`demo log-in answered ${login.status()}`);
    const state = await context.storageState();
    await context.close();
    demoResult = await timeFirstRender(demo, state, '/caseload');
  } finally {
    await demo.close();
  }

  progress(
    `generating the benchmark clinic: ${settings.patients.toLocaleString('en')} patients, ${settings.logs.toLocaleString('en')} logs`,
  );
  let clinicianId = '';
  let databaseUrl = '';
  const big = await startHarness({
    prepare: async (url) => {
      databaseUrl = url;
      const client = connect(url, { max: 4 });
      try {
        const clinic = await generateClinic(client.pool, {
          patients: settings.patients,
          logs: settings.logs,
          caseloadSize: settings.caseload,
          patientLogins: 1,
          today: new Date().toISOString().slice(0, 10),
          progress,
        });
        clinicianId = clinic.clinicianId;
      } finally {
        await client.close();
      }
    },
  });
  let mine;
  let clinic;
  try {
    const client = connect(databaseUrl, { max: 1 });
    const session = await createSession(client.db, { userId: clinicianId, now: new Date() });
    await client.close();
    const url = new URL(big.server.url);
    const state = {
      cookies: [
        {
          name: SESSION_COOKIE,
          value: session.token,
          domain: url.hostname,
          path: '/',
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Strict' as const,
        },
      ],
      origins: [],
    };
    progress(`the clinician's own ${settings.caseload} patients`);
    mine = await timeFirstRender(big, state, '/caseload');
    progress(`the whole clinic, ${settings.patients.toLocaleString('en')} patients`);
    clinic = await timeFirstRender(big, state, '/caseload?scope=clinic');
  } finally {
    await big.close();
  }

  print();
  print(
    'Time to first render of /caseload (navigation start → the frame with the first patient card)',
  );
  report('demo clinic (5 patients)', demoResult);
  report(`benchmark clinic, a caseload of ${settings.caseload}`, mine);
  report(`benchmark clinic, whole clinic (${settings.patients.toLocaleString('en')})`, clinic);
  print();
});
