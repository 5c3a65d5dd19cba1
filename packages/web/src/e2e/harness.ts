/**
 * The end-to-end harness: the real server (migrations, the demo clinic, the built web app) on a
 * free port with a database of its own, and Debian's Chromium driven by playwright-core. Every
 * page a journey visits is checked with axe-core; screenshots go to `packages/web/test-results`.
 *
 * The database is an embedded PostgreSQL in a temporary directory, or, when DATABASE_URL is set
 * (the CI run against Debian's PostgreSQL), a fresh database on that server.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, seedDemo, startServer, type RunningServer } from '@spinewise/server';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestDatabase } from '../../../server/src/database/test-database.fixture.js';

/** The built app: `packages/web/dist`, or `SPINEWISE_WEB_DIR` (a private build while others build too). */
export const WEB_DIST =
  process.env.SPINEWISE_WEB_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results', import.meta.url));
export const CHROMIUM = process.env.SPINEWISE_CHROMIUM ?? '/usr/bin/chromium';

export const DEMO_CLINICIAN = {
  email: 'clinician@demo.spinewise.dev',
  password: 'demo-clinician-2026',
} as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

/** What the end-to-end tests need before anything starts; a clear failure otherwise. */
export function checkPrerequisites(): void {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The web app is not built (no ${WEB_DIST}/index.html). Build it with \`npm run build -w packages/web\`; \`npm test\` builds it first.`,
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's (\`apt-get install chromium\`) or set SPINEWISE_CHROMIUM to a Chromium binary.`,
    );
  }
}

export interface Harness {
  readonly server: RunningServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Fills the migrated database before the server listens; the demo clinic by default. */
  readonly prepare?: (databaseUrl: string) => Promise<void>;
}

/** Starts the server (with the demo clinic unless told otherwise) and the browser. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  checkPrerequisites();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    let database: Record<string, string>;
    const external = process.env.DATABASE_URL;
    if (external !== undefined && external !== '') {
      const fresh = await createTestDatabase();
      cleanups.push(() => fresh.drop());
      database = { DATABASE_URL: fresh.url };
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'spinewise-e2e-'));
      // PostgreSQL runs as another user when the tests run as root: it must reach the directory.
      chmodSync(dataDir, 0o755);
      cleanups.push(() => {
        rmSync(dataDir, { recursive: true, force: true });
      });
      database = { SPINEWISE_DATA_DIR: dataDir, SPINEWISE_PG_PORT: String(await freePort()) };
    }
    const config = loadConfig({
      ...database,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SPINEWISE_WEB_DIR: WEB_DIST,
    });
    const today = new Date().toISOString().slice(0, 10);
    const server = await startServer(config, {
      prepare:
        options.prepare ??
        (async (url) => {
          await seedDemo(url, today);
        }),
    });
    cleanups.push(() => server.close());

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    cleanups.push(() => browser.close());

    return {
      server,
      browser,
      async close() {
        for (const cleanup of cleanups.reverse()) await cleanup();
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup();
    throw error;
  }
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** A laptop and a tablet held upright: the two sizes the console must work at. */
export const LAPTOP: Viewport = { width: 1024, height: 768 };
export const TABLET: Viewport = { width: 768, height: 1024 };

/** A browser tab for one person, recording what goes wrong in the page itself. */
export interface Tab {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Script errors, console errors and CSP violations seen so far. */
  readonly problems: string[];
}

export async function openTab(
  harness: Harness,
  viewport: Viewport = LAPTOP,
  options: { readonly reducedMotion?: boolean } = {},
): Promise<Tab> {
  const context = await harness.browser.newContext({
    baseURL: harness.server.url,
    viewport,
    locale: 'en-GB',
    reducedMotion: options.reducedMotion === true ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // A 4xx the app asked for on purpose (a wrong password, no programme yet) is logged by
    // Chromium as a failed resource; the app handles it, so it is not a problem of the page.
    if (/Failed to load resource: the server responded with a status of 4\d\d/u.test(text)) return;
    problems.push(`console error: ${text}`);
  });
  return { context, page, problems };
}

interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly {
    readonly target: readonly unknown[];
    readonly failureSummary?: string;
  }[];
}

/**
 * Runs axe-core on the page as it is now and returns its violations, one line each. The engine
 * is evaluated through the DevTools protocol, not injected as a `<script>`: the app's CSP
 * (script-src 'self') rightly refuses inline scripts.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  const violations: readonly AxeViolation[] = await page.evaluate(async () => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const result = await engine.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

/** Saves a full-page screenshot as `test-results/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

/** How long a harness takes to start (build check, PostgreSQL, demo seed, Chromium), and a journey. */
export const STARTUP_MS = 240_000;
export const JOURNEY_MS = 180_000;

/** A screenshot of the page for the artefacts, then axe-core: no violations allowed. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await axeViolations(page), `axe-core on ${name} (${page.url()})`).toEqual([]);
}

/** Signs the demo clinician in from the log-in page and waits for the caseload. */
export async function logInAsClinician(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(DEMO_CLINICIAN.email);
  await page.getByLabel('Password').fill(DEMO_CLINICIAN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/caseload/u);
}
