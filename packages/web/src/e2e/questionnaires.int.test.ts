/**
 * Questionnaires on the phone (issue 5 journey 3, issue 6 item 6), against the real server,
 * database and built app in Chromium: the clinician sends the demo patient two questionnaires
 * with a message, the patient fills them in on a 320 px phone (one question a screen), the server
 * scores them, and the clinician sees the results. axe-core checks every screen on the way;
 * screenshots go to packages/web/test-results.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  JOURNEY_MS,
  LAPTOP,
  logInAsClinician,
  openTab,
  startHarness,
  STARTUP_MS,
  type Harness,
} from './harness.js';

const DEMO_PATIENT = { email: 'patient@demo.spinewise.dev', password: 'demo-patient-2026' };
/** The narrowest phone the patient app must work on. */
const SMALL_PHONE = { width: 320, height: 640 } as const;
const MESSAGE = 'Before our visit on Friday, please. It takes about five minutes.';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, STARTUP_MS);

afterAll(async () => {
  await harness.close();
}, STARTUP_MS);

async function logInAsPatient(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(DEMO_PATIENT.email);
  await page.getByLabel('Password').fill(DEMO_PATIENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/app$/u);
}

/** The demo patient with a log-in, as the clinician's patient list shows them. */
async function demoPatientId(page: Page): Promise<string> {
  const response = await page.request.get('/api/patients?all=true');
  expect(response.status()).toBe(200);
  const { patients } = (await response.json()) as {
    patients: { id: string; hasLogin: boolean }[];
  };
  const patient = patients.find((candidate) => candidate.hasLogin);
  if (patient === undefined) throw new Error('the demo clinic has no patient with a log-in');
  return patient.id;
}

describe('questionnaires on the phone', () => {
  it(
    'the clinician sends them, the patient fills them in on the phone, the clinician sees the scores',
    async () => {
      const clinician = await openTab(harness, LAPTOP);
      const phone = await openTab(harness, SMALL_PHONE);
      try {
        // The clinician: the patient page, "Send questionnaires", the ODI and pain only.
        const console_ = clinician.page;
        await logInAsClinician(console_);
        const patientId = await demoPatientId(console_);
        await console_.goto(`/patients/${patientId}`);
        const panel = console_.locator('section', {
          has: console_.getByRole('heading', { name: 'Questionnaires on the phone' }),
        });
        await panel.getByRole('button', { name: 'Send questionnaires' }).click();
        const boxes = panel.getByRole('checkbox');
        for (let index = 0; index < (await boxes.count()); index += 1) {
          const box = boxes.nth(index);
          if (await box.isChecked()) await box.uncheck();
        }
        await panel.getByRole('checkbox', { name: /^ODI/u }).check();
        await panel.getByRole('checkbox', { name: /^Pain \(0–10\)/u }).check();
        await panel.getByLabel(/Message to the patient/u).fill(MESSAGE);
        await checkPage(console_, 'qn-01-send-form');
        await panel.getByRole('button', { name: 'Send to their phone' }).click();
        const sent = panel.locator('li', { hasText: MESSAGE });
        await expect.poll(() => sent.textContent()).toContain('Waiting for the patient');
        await checkPage(console_, 'qn-02-sent');

        // The patient: the card on Today, the list, then one question a screen.
        const { page } = phone;
        await logInAsPatient(page);
        const card = page.getByRole('link', { name: 'Fill them in' });
        await card.waitFor({ timeout: 20_000 });
        await checkPage(page, 'qn-03-today-card');
        await card.click();
        await page.waitForURL(/\/app\/questionnaires$/u);
        const mine = page.locator('li.qn-card', { hasText: MESSAGE });
        await mine.waitFor();
        await checkPage(page, 'qn-04-list');
        await mine.getByRole('link', { name: /^Start/u }).click();
        await expect
          .poll(() => page.locator('.qn-progress').textContent())
          .toContain('Question 1 of 11');
        await checkPage(page, 'qn-05-question');

        // Next without an answer says what is missing.
        await page.getByRole('button', { name: 'Next' }).click();
        await expect
          .poll(() => page.locator('.qn-step .field-error').textContent())
          .toContain('Choose the answer that fits you best');
        await checkPage(page, 'qn-06-missing-answer');

        // Ten ODI sections, "Slight" each (10 of 50 = 20 %), then pain 4 of 10.
        for (let section = 1; section <= 10; section += 1) {
          await expect
            .poll(() => page.locator('.qn-progress').textContent())
            .toContain(`Question ${String(section)} of 11`);
          await page.getByRole('radio', { name: 'Slight', exact: true }).check();
          await page.getByRole('button', { name: 'Next' }).click();
        }
        await expect
          .poll(() => page.locator('.qn-progress').textContent())
          .toContain('Question 11 of 11');
        await page.getByRole('radio', { name: '4', exact: true }).check();
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByRole('heading', { name: 'Ready to send' }).waitFor();
        await checkPage(page, 'qn-07-ready');
        await page.getByRole('button', { name: 'Send my answers' }).click();
        await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
        const thanks = (await page.locator('.qn-thanks').textContent()) ?? '';
        expect(thanks).toContain('Your answers show: minimal disability.');
        expect(thanks).toContain('Your answers show: moderate pain.');
        await checkPage(page, 'qn-08-thank-you');
        expect(phone.problems).toEqual([]);

        // The clinician sees the server's scores.
        await console_.reload();
        const done = console_.locator('li', { hasText: MESSAGE });
        await expect.poll(() => done.textContent(), { timeout: 20_000 }).toContain('Completed');
        const text = (await done.textContent()) ?? '';
        expect(text).toContain('ODI: 20.0 % (Minimal disability)');
        expect(text).toContain('Pain (0–10): 4 / 10 (Moderate pain)');
        await checkPage(console_, 'qn-09-results');
        expect(clinician.problems).toEqual([]);
      } finally {
        await clinician.context.close();
        await phone.context.close();
      }
    },
    JOURNEY_MS,
  );
});
