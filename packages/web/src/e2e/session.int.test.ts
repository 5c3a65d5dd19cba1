/**
 * The patient's session on a phone (issue 6 §2–3), against the real server, database and built
 * app in Chromium at 390×844: the demo patient signs in, counts repetitions and a hold in the
 * guided player, logs an exercise with pain before, during and after, and sees it sent; the
 * clinician's API shows the log. Then a red-flag symptom: the emergency advice shows at once,
 * before anything is sent, and the clinician's open alerts include it. The flare-up plan shows a
 * gentler set. axe-core checks every screen; screenshots go to packages/web/test-results.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  JOURNEY_MS,
  logInAsClinician,
  openTab,
  startHarness,
  STARTUP_MS,
  type Harness,
  type Tab,
} from './harness.js';

const PHONE = { width: 390, height: 844 } as const;
const DEMO_PATIENT = { email: 'patient@demo.spinewise.dev', password: 'demo-patient-2026' };

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, STARTUP_MS);

afterAll(async () => {
  await harness.close();
}, STARTUP_MS);

function expectNoPageProblems(tab: Tab): void {
  expect(tab.problems, 'script errors, console errors or CSP violations').toEqual([]);
}

async function logInAsPatient(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(DEMO_PATIENT.email);
  await page.getByLabel('Password').fill(DEMO_PATIENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/app$/u);
}

/** Chooses `value` on the 0–10 scale whose legend is `legend`, inside `scope`. */
async function choosePain(scope: Locator, legend: string, value: number): Promise<void> {
  await scope
    .getByRole('group', { name: legend })
    .getByLabel(String(value), { exact: true })
    .check();
}

async function cardWith(page: Page, text: RegExp): Promise<Locator | undefined> {
  const cards = page.locator('article.exercise-card');
  for (let index = 0; index < (await cards.count()); index += 1) {
    const card = cards.nth(index);
    if (text.test((await card.locator('.exercise-dose').textContent()) ?? '')) return card;
  }
  return undefined;
}

/** A JSON GET as the signed-in clinician of `page`. */
async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

describe('a session on the phone', () => {
  it(
    'counts repetitions and a hold, logs an exercise, sends it; the clinician sees the log',
    async () => {
      const patient = await openTab(harness, PHONE);
      const clinician = await openTab(harness);
      const { page } = patient;
      try {
        await logInAsPatient(page);
        await expect
          .poll(() => page.locator('article.exercise-card').count(), { timeout: 20_000 })
          .toBeGreaterThan(0);
        await checkPage(page, 'session-01-today');

        // Before starting: pain now, 2 out of 10.
        await choosePain(page.locator('.before-start'), 'How much pain do you have right now?', 2);

        // A repetitions exercise: count three in the player.
        const reps = await cardWith(page, /repetitions/u);
        const counted = reps ?? page.locator('article.exercise-card').first();
        const name = ((await counted.locator('.exercise-name').textContent()) ?? '')
          .replace(/ · done today$/u, '')
          .trim();
        await counted.getByRole('button', { name: `Start ${name}` }).click();
        const main = counted.locator('.player-main');
        const mainLabel = ((await main.textContent()) ?? '').trim();
        if (mainLabel === 'Count one repetition') {
          for (let i = 0; i < 3; i += 1) await main.click();
          await expect
            .poll(() => counted.locator('.player-progress').textContent())
            .toMatch(/^Set 1 of \d+: 3 of \d+$/u);
        }
        await checkPage(page, 'session-02-player');

        // A hold (if today has one): the timer runs down and counts the hold.
        const hold = await cardWith(page, /holding each for/u);
        if (hold !== undefined) {
          const holdName = ((await hold.locator('.exercise-name').textContent()) ?? '').trim();
          await hold.getByRole('button', { name: `Start ${holdName}` }).click();
          await hold.getByRole('button', { name: /^Start a \d+-second hold$/u }).click();
          await expect.poll(() => hold.getByRole('timer').count()).toBe(1);
          await expect
            .poll(() => hold.locator('.player-progress').textContent(), { timeout: 45_000 })
            .toMatch(/: 1 of \d+$|^All/u);
          await checkPage(page, 'session-03-hold-done');
        }

        // Log the counted exercise: all of it, pain during 3, now 2, moderate.
        await counted.getByRole('button', { name: `Log ${name}` }).click();
        const form = counted.locator('form.log-form');
        await form.getByLabel('I did all of it').check();
        expect(
          await form
            .getByRole('group', { name: 'Your pain before you started' })
            .getByLabel('2', { exact: true })
            .isChecked(),
        ).toBe(true);
        await choosePain(form, 'Your pain during the exercise', 3);
        await choosePain(form, 'Your pain now, just after', 2);
        await form.getByLabel('Moderate').check();
        await checkPage(page, 'session-04-log-form');
        await form.getByRole('button', { name: 'Save my log' }).click();
        await expect
          .poll(() => counted.locator('.exercise-logged').textContent(), { timeout: 20_000 })
          .toContain('Sent');
        await expect
          .poll(() => counted.getByRole('button', { name: 'Log another round' }).count())
          .toBe(1);
        await checkPage(page, 'session-05-logged');

        // The clinician's API shows the log, with its pains.
        const patientName = ((await page.locator('.app-user-name').textContent()) ?? '').replace(
          'Signed in as ',
          '',
        );
        await logInAsClinician(clinician.page);
        const list = await getJson<{ patients: { id: string; displayName: string }[] }>(
          clinician.page,
          '/api/patients?all=true',
        );
        const record = list.patients.find((candidate) => candidate.displayName === patientName);
        expect(record, `the demo patient ${patientName}`).toBeDefined();
        const logs = await getJson<{
          logs: {
            exerciseName: string | null;
            painBefore: number | null;
            painDuring: number | null;
            painAfter: number | null;
            completed: string | null;
          }[];
        }>(clinician.page, `/api/patients/${record?.id ?? ''}/logs`);
        expect(logs.logs).toContainEqual(
          expect.objectContaining({
            exerciseName: name,
            painBefore: 2,
            painDuring: 3,
            painAfter: 2,
            completed: 'done',
          }),
        );

        expectNoPageProblems(patient);
        expectNoPageProblems(clinician);
      } finally {
        await patient.context.close();
        await clinician.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'shows emergency advice at once for a red-flag symptom, and the clinician is alerted',
    async () => {
      const patient = await openTab(harness, PHONE);
      const clinician = await openTab(harness);
      const { page } = patient;
      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/api/me/logs')) {
          posted.push(request.url());
        }
      });
      try {
        await logInAsPatient(page);
        await page.getByRole('link', { name: 'Something feels wrong' }).click();
        await page.waitForURL(/\/app\/symptoms$/u);
        await expect.poll(() => page.title()).toBe('Something feels wrong · Spinewise');
        await checkPage(page, 'session-06-symptoms');

        await page
          .getByLabel('A change in your bladder or bowel, or numbness between your legs')
          .check();
        // At once, before anything is sent: the advice, announced and focused.
        const alert = page.getByRole('alert');
        expect(await alert.textContent()).toContain('emergency department');
        expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);
        expect(posted).toEqual([]);
        await checkPage(page, 'session-07-emergency-advice');

        await page.getByRole('button', { name: 'Tell my physio' }).click();
        await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('Sent');
        await checkPage(page, 'session-08-advice-sent');

        await logInAsClinician(clinician.page);
        const open = await getJson<{
          alerts: { type: string; severity: string; advice: string | null }[];
        }>(clinician.page, '/api/alerts?state=open');
        expect(open.alerts).toContainEqual(
          expect.objectContaining({ type: 'redFlagSymptom', severity: 'emergency' }),
        );

        // The flare-up plan: what to do today and a gentler set, one step back.
        await page
          .getByRole('link', { name: /Having a flare-up\? See your flare-up plan/u })
          .click();
        await page.waitForURL(/\/app\/flare-up$/u);
        await expect
          .poll(() => page.locator('article.exercise-card').count(), { timeout: 20_000 })
          .toBeGreaterThan(0);
        expect(await page.locator('.exercise-lead').first().textContent()).toMatch(
          /^One step back|gentlest/u,
        );
        await checkPage(page, 'session-09-flare-up');

        // From 320 px wide: nothing runs off the side.
        await page.setViewportSize({ width: 320, height: 700 });
        await page.goto('/app');
        await expect
          .poll(() => page.locator('article.exercise-card').count(), { timeout: 20_000 })
          .toBeGreaterThan(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          320,
        );
        await checkPage(page, 'session-10-today-320');

        expectNoPageProblems(patient);
        expectNoPageProblems(clinician);
      } finally {
        await patient.context.close();
        await clinician.context.close();
      }
    },
    JOURNEY_MS,
  );
});
