/**
 * The patient app offline (issue 6), against the real server, database and built app, in
 * Chromium on a phone-sized screen: after one visit the service worker keeps the app, the
 * Today page opens with the connection off, logs made offline are saved on the phone and sent
 * when it returns, each exactly once — also when the server's answer is lost on the way, and
 * when the server is stopped mid-sync and started again on the same port and database. The
 * server's count of logs is read through the clinician API. axe-core checks every screen.
 *
 * The server is started here rather than by `startHarness`, which cannot restart it.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadConfig,
  seedDemo,
  startServer,
  type Config,
  type RunningServer,
} from '@spinewise/server';
import { chromium, type Browser, type Locator, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../server/src/database/test-database.fixture.js';
import {
  CHROMIUM,
  checkPage,
  checkPrerequisites,
  DEMO_CLINICIAN,
  JOURNEY_MS,
  openTab,
  STARTUP_MS,
  WEB_DIST,
  type Harness,
} from './harness.js';

const DEMO_PATIENT = { email: 'patient@demo.spinewise.dev', password: 'demo-patient-2026' };
const PHONE = { width: 390, height: 844 } as const;
/** Long enough for the outbox's growing pauses while the server restarts. */
const SYNC_MS = 90_000;

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

let config: Config;
let server: RunningServer;
let browser: Browser;
const cleanups: (() => Promise<void> | void)[] = [];

/** What `openTab` needs of a harness; the server behind `url` may be restarted. */
function harness(): Harness {
  return { server, browser, close: () => Promise.resolve() };
}

beforeAll(async () => {
  checkPrerequisites();
  let database: Record<string, string>;
  const external = process.env.DATABASE_URL;
  if (external !== undefined && external !== '') {
    const fresh = await createTestDatabase();
    cleanups.push(() => fresh.drop());
    database = { DATABASE_URL: fresh.url };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'spinewise-e2e-offline-'));
    // PostgreSQL runs as another user when the tests run as root: it must reach the directory.
    chmodSync(dataDir, 0o755);
    cleanups.push(() => {
      rmSync(dataDir, { recursive: true, force: true });
    });
    database = { SPINEWISE_DATA_DIR: dataDir, SPINEWISE_PG_PORT: String(await freePort()) };
  }
  config = loadConfig({
    ...database,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SPINEWISE_WEB_DIR: WEB_DIST,
  });
  const today = new Date().toISOString().slice(0, 10);
  server = await startServer(config, {
    reminders: false,
    prepare: async (url) => {
      await seedDemo(url, today);
    },
  });
  cleanups.push(() => server.close());
  browser = await chromium.launch({
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
}, STARTUP_MS);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, STARTUP_MS);

// ------------------------------------------------------------------ the server's view

/** A GET of the clinician API, signed in as the demo clinician. */
async function asClinician<T>(path: string): Promise<T> {
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_CLINICIAN),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

interface ServerLog {
  readonly id: string;
  readonly exerciseId: string;
  readonly exerciseName: string | null;
}

/** The demo patient's logs of today, as the clinician sees them. */
async function logsOfToday(patientId: string): Promise<readonly ServerLog[]> {
  const today = new Date().toISOString().slice(0, 10);
  const { logs } = await asClinician<{ logs: ServerLog[] }>(
    `/api/patients/${patientId}/logs?from=${today}&to=${today}`,
  );
  return logs;
}

async function demoPatientId(displayName: string): Promise<string> {
  const { patients } = await asClinician<{ patients: { id: string; displayName: string }[] }>(
    '/api/patients?all=true',
  );
  const found = patients.find((patient) => patient.displayName === displayName);
  if (found === undefined) throw new Error(`no patient named ${displayName}`);
  return found.id;
}

/** The logs in `after` that were not in `before`. */
function added(before: readonly ServerLog[], after: readonly ServerLog[]): readonly ServerLog[] {
  const known = new Set(before.map((entry) => entry.id));
  return after.filter((entry) => !known.has(entry.id));
}

// ------------------------------------------------------------------ the patient's phone

async function signInAsPatient(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(DEMO_PATIENT.email);
  await page.getByLabel('Password').fill(DEMO_PATIENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/app$/u);
}

/** The first exercise card still to be logged today, found again by its name as it changes. */
async function nextExerciseToLog(page: Page): Promise<{ card: Locator; name: string }> {
  const name = await page
    .locator('article.exercise-card')
    .filter({ has: page.getByRole('button', { name: /^Log (?!another round)/u }) })
    .first()
    .locator('.exercise-name')
    .evaluate((heading) => heading.firstChild?.textContent ?? '');
  expect(name).not.toBe('');
  const card = page
    .locator('article.exercise-card')
    .filter({ has: page.locator('.exercise-name', { hasText: name }) })
    .first();
  return { card, name };
}

/** Logs the exercise of `card` through the form, as a patient would. */
async function logExercise(card: Locator): Promise<void> {
  await card.getByRole('button', { name: /^Log (?!another round)/u }).click();
  const choose = async (group: string, option: string) => {
    await card
      .getByRole('group', { name: group })
      .getByRole('radio', { name: option, exact: true })
      .check();
  };
  await choose('How much you did', 'I did all of it');
  await choose('Your pain before you started', '2');
  await choose('Your pain during the exercise', '3');
  await choose('Your pain now, just after', '2');
  await choose('How hard it felt', 'Easy');
  await card.getByRole('button', { name: 'Save my log' }).click();
  await expect
    .poll(() => card.getByRole('status').allTextContents())
    .toContainEqual(expect.stringContaining('Saved on this phone'));
}

async function waitForSent(card: Locator): Promise<void> {
  await expect
    .poll(() => card.getByRole('status').allTextContents(), { timeout: SYNC_MS })
    .toContainEqual(expect.stringMatching(/Sent$/u));
}

describe('the patient app offline', () => {
  it(
    'opens offline, keeps logs on the phone, and sends each exactly once — answer lost, server restarted',
    async () => {
      const tab = await openTab(harness(), PHONE);
      const { page, context } = tab;
      try {
        await signInAsPatient(page);
        await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
        const displayName = (await page.locator('.app-user-name').innerText())
          .replace('Signed in as', '')
          .trim();
        const patientId = await demoPatientId(displayName);
        const before = await logsOfToday(patientId);

        // The service worker takes the page once it has kept the app.
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
          timeout: 60_000,
        });
        await page.getByText(/^Week \d+ · /u).waitFor();
        await checkPage(page, 'offline-01-today-online');

        // The smallest phone: nothing runs off the side, and the four tabs still fit.
        await page.setViewportSize({ width: 320, height: 640 });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
          'no sideways scrolling at 320 px',
        ).toBe(false);
        const tabs = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
        expect(await tabs.count()).toBe(4);
        for (const box of await Promise.all((await tabs.all()).map((link) => link.boundingBox()))) {
          expect(box?.height ?? 0, 'a tab is a large touch target').toBeGreaterThanOrEqual(44);
          expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
        }
        await checkPage(page, 'offline-01b-today-320');
        await page.setViewportSize(PHONE);

        // No connection, and a reload: the app and today's programme come from the phone.
        await context.setOffline(true);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
        await page.getByText(/^Week \d+ · /u).waitFor();
        await page.getByText('You are offline.', { exact: true }).waitFor();
        await expect
          .poll(() => page.getByRole('status').allTextContents())
          .toContainEqual(expect.stringMatching(/^Saved on .+ — you are offline\./u));
        await checkPage(page, 'offline-02-today-offline');

        // A log made offline: saved on this phone.
        const { card: first, name: firstName } = await nextExerciseToLog(page);
        await logExercise(first);
        await checkPage(page, 'offline-03-logged-offline');

        // Back online, and the server's first answer is lost on the way: the log is stored,
        // the phone hears nothing and tries again with the same key.
        const keys: string[] = [];
        let lost = 0;
        const loseFirstAnswer = async (route: Route) => {
          keys.push(route.request().headers()['idempotency-key'] ?? '');
          if (lost === 0) {
            lost += 1;
            const stored = await route.fetch();
            expect(stored.status()).toBe(201);
            await route.abort('connectionreset');
            return;
          }
          await route.continue();
        };
        await context.route('**/api/me/logs', loseFirstAnswer);
        await context.setOffline(false);
        await waitForSent(first);
        await context.unroute('**/api/me/logs', loseFirstAnswer);
        expect(keys.length).toBeGreaterThanOrEqual(2);
        expect(new Set(keys).size).toBe(1);
        const afterFirst = await logsOfToday(patientId);
        // Exactly one row for the log, whatever the retries.
        expect(added(before, afterFirst).map((entry) => entry.exerciseName)).toEqual([firstName]);
        // Online again, Today is the server's, no longer the copy from the phone.
        await expect
          .poll(() => page.getByRole('status').allTextContents())
          .not.toContainEqual(expect.stringMatching(/you are offline/u));
        await checkPage(page, 'offline-04-sent');

        // Offline again, a second log; then the server stops while it stores that log, and
        // starts again (same port, same database) while the phone keeps trying.
        await context.setOffline(true);
        const { card: second, name: secondName } = await nextExerciseToLog(page);
        expect(secondName).not.toBe(firstName);
        await logExercise(second);
        let restarted: Promise<void> | undefined;
        const stopMidSync = async (route: Route) => {
          if (restarted !== undefined) {
            await route.continue();
            return;
          }
          const stored = await route.fetch();
          expect(stored.status()).toBe(201);
          const stopping = server.close();
          restarted = stopping.then(async () => {
            server = await startServer(config, { reminders: false });
          });
          await stopping;
          await route.abort('connectionreset');
        };
        await context.route('**/api/me/logs', stopMidSync);
        await context.setOffline(false);
        await expect.poll(() => restarted !== undefined, { timeout: SYNC_MS }).toBe(true);
        await restarted;
        await waitForSent(second);
        await context.unroute('**/api/me/logs', stopMidSync);

        const after = await logsOfToday(patientId);
        const both = added(before, after);
        expect(both).toHaveLength(2);
        expect(added(afterFirst, after).map((entry) => entry.exerciseName)).toEqual([secondName]);
        await checkPage(page, 'offline-05-sent-after-restart');

        // Signing out wipes the patient's data from the phone (the outbox, saved pages, session).
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL(/\/login$/u);
        const left = await page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const open = indexedDB.open('spinewise-patient');
              open.onerror = () => {
                reject(new Error('IndexedDB did not open'));
              };
              open.onsuccess = () => {
                const stores = ['outbox', 'queries', 'meta'];
                const transaction = open.result.transaction(stores, 'readonly');
                let total = 0;
                for (const store of stores) {
                  const count = transaction.objectStore(store).count();
                  count.onsuccess = () => {
                    total += count.result;
                  };
                }
                transaction.oncomplete = () => {
                  open.result.close();
                  resolve(total);
                };
              };
            }),
        );
        expect(left, 'records left on the phone after sign-out').toBe(0);

        // Nothing of the journey broke the page (lost connections are expected here).
        expect(
          tab.problems.filter(
            (problem) => !/net::ERR_|Failed to fetch|Failed to load resource/u.test(problem),
          ),
        ).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_MS + 2 * SYNC_MS,
  );
});
