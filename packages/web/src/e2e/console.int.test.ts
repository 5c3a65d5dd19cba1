/**
 * Journeys 1 and 2 of the clinician console (issue 5) against the real server, database and
 * built app, in Chromium: log in, work the caseload (alerts first, search, filters, acknowledge
 * and resolve with who and when), add a patient with an episode, invite them, and redeem the
 * invitation on "their phone" — ending in the patient app's Today page. axe-core checks every
 * page on the way; screenshots are saved to packages/web/test-results.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  DEMO_CLINICIAN,
  JOURNEY_MS,
  LAPTOP,
  openTab,
  startHarness,
  STARTUP_MS,
  TABLET,
  type Harness,
  type Tab,
} from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, STARTUP_MS);

afterAll(async () => {
  await harness.close();
}, STARTUP_MS);

/** Checks the page with axe-core and saves a screenshot under `name`. */

function expectNoPageProblems(tab: Tab): void {
  expect(tab.problems, 'script errors, console errors or CSP violations').toEqual([]);
}

async function logIn(page: Page, password: string = DEMO_CLINICIAN.password): Promise<void> {
  await page.getByLabel('Email address').fill(DEMO_CLINICIAN.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The element that has keyboard focus, described by its tag and text. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element === null ? '' : `${element.tagName.toLowerCase()}:${element.textContent.trim()}`;
  });
}

describe('journey 1: the caseload', () => {
  it(
    'logs in, lists patients with alerts first, searches, filters, acknowledges and resolves an alert',
    async () => {
      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        // Signed out, a console address leads to log-in and back after it.
        await page.goto('/caseload');
        await page.waitForURL(/\/login\?next=%2Fcaseload$/u);
        await expect.poll(() => page.title()).toBe('Sign in · Spinewise');
        await checkPage(page, 'j1-01-login');

        // The skip link is the first thing the keyboard reaches, and leads to the page.
        await page.keyboard.press('Tab');
        expect(await focused(page)).toBe('a:Skip to main content');
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

        // A wrong password: one message at the top of the form, which takes focus.
        await logIn(page, 'not-the-password');
        const summary = page.locator('.error-summary');
        await expect.poll(() => summary.textContent()).toContain('not right');
        expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
        await checkPage(page, 'j1-02-login-failed');

        // An empty field: the summary links to it, and the field names its error.
        await page.getByLabel('Password').fill('');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('link', { name: 'Enter your password.' }).click();
        const password = page.getByLabel('Password');
        expect(await password.evaluate((element) => element === document.activeElement)).toBe(true);
        expect(await password.getAttribute('aria-invalid')).toBe('true');
        const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
        expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(
          'Enter your password.',
        );

        await logIn(page);
        await page.waitForURL(/\/caseload$/u);
        await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
        await page.locator('.caseload-card').first().waitFor();
        await expect.poll(() => page.title()).toBe('Caseload · Spinewise');

        // The header says who is signed in; the nav marks where we are.
        await expect
          .poll(() => page.locator('.app-user-name').textContent())
          .toContain('Sam Okafor');
        expect(
          await page
            .getByRole('link', { name: 'Caseload', exact: true })
            .getAttribute('aria-current'),
        ).toBe('page');

        // Open alerts first: every card with an alert comes before every card without.
        const cards = page.locator('.caseload-card');
        const count = await cards.count();
        expect(count).toBe(5);
        const withAlert = await cards.evaluateAll((elements) =>
          elements.map((element) => element.querySelector('.badge') !== null),
        );
        expect(withAlert[0]).toBe(true);
        expect(
          !withAlert.includes(false) || withAlert.lastIndexOf(true) < withAlert.indexOf(false),
        ).toBe(true);
        // Each card shows adherence, latest pain, the disability score and the last log.
        const firstCard = cards.first();
        for (const label of ['Adherence, 14 days', 'Latest pain', 'Last log']) {
          expect(await firstCard.locator('dt', { hasText: label }).count()).toBe(1);
        }
        await checkPage(page, 'j1-03-caseload-1024');

        // Search by name.
        const firstName = (await cards.first().locator('h3').textContent()) ?? '';
        await page.getByLabel('Search by name').fill(firstName.split(' ')[0] ?? '');
        await expect.poll(() => cards.count()).toBe(1);
        await expect
          .poll(() => page.locator('.results-count').textContent())
          .toBe(`Showing 1 of ${count} patients`);
        await page.getByLabel('Search by name').fill('nobody-is-called-this');
        await page.getByText('No patients match').waitFor();
        await checkPage(page, 'j1-04-caseload-no-match');
        await page.getByRole('button', { name: 'Clear search and filters' }).click();
        await expect.poll(() => cards.count()).toBe(count);

        // Filters: only patients with open alerts; only reassessments due.
        await page.getByLabel('Patients with open alerts').check();
        const alertCount = withAlert.filter(Boolean).length;
        await expect.poll(() => cards.count()).toBe(alertCount);
        await expect.poll(() => page.url()).toContain('alerts=1');
        await page.getByLabel('Patients with open alerts').uncheck();
        await page.getByLabel('Reassessment due').check();
        const dueCount = await cards.count();
        const dueTags = await page.locator('.caseload-card .tag--due').count();
        expect(dueCount).toBe(dueTags);
        await page.getByLabel('Reassessment due').uncheck();
        await expect.poll(() => cards.count()).toBe(count);

        // The alerts list the most pressing first and fold the rest away until asked.
        const alerts = page.locator('.alert-item');
        const showAll = page.getByRole('button', { name: /^Show all \d+ alerts$/u });
        expect(await showAll.getAttribute('aria-expanded')).toBe('false');
        const total = Number(/\d+/u.exec((await showAll.textContent()) ?? '')?.[0]);
        expect(await alerts.count()).toBeLessThan(total);
        await showAll.click();
        await expect.poll(() => alerts.count()).toBe(total);

        // Acknowledge the first alert: who and when are shown at once.
        const alertsBefore = await alerts.count();
        expect(alertsBefore).toBeGreaterThan(0);
        const openAlert = alerts
          .filter({ has: page.getByRole('button', { name: 'Acknowledge' }) })
          .first();
        const alertHeading = (await openAlert.locator('h3').textContent()) ?? '';
        await openAlert.getByRole('button', { name: 'Acknowledge' }).click();
        const acknowledged = alerts.filter({ hasText: alertHeading }).first();
        await expect
          .poll(() => acknowledged.locator('.alert-item-state').textContent())
          .toMatch(/^Acknowledged by you, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/u);
        await expect
          .poll(() => page.locator('.alerts-panel [role="status"]').first().textContent())
          .toMatch(/^Alert acknowledged by you at /u);

        // Resolve it: a dialog asks first, and the list loses it.
        await acknowledged.getByRole('button', { name: 'Resolve…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Resolve this alert?' });
        await dialog.waitFor();
        await checkPage(page, 'j1-05-resolve-dialog');
        await dialog.getByRole('button', { name: 'Resolve alert' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await expect.poll(() => alerts.count()).toBe(alertsBefore - 1);
        await expect
          .poll(() => page.locator('.alerts-panel [role="status"]').first().textContent())
          .toMatch(/resolved by you at /u);
        await checkPage(page, 'j1-06-caseload-after-resolve');

        // The resolved alert is in the patient's history, with when it was resolved.
        await page
          .locator('.caseload-card h3 a', { hasText: alertHeading.split(' · ')[0] ?? '' })
          .first()
          .click();
        await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/u);
        await page.locator('.patient-alerts').waitFor();
        await expect
          .poll(() => page.locator('.patient-alerts').textContent())
          .toContain('resolved');
        // After a route change, focus moves to the new page's heading.
        await expect.poll(() => focused(page)).toMatch(/^h1:/u);
        await checkPage(page, 'j1-07-patient');

        // The other console pages, at the tablet size too.
        await page.getByRole('link', { name: 'Patients', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
        await page.locator('table tbody tr').first().waitFor();
        await checkPage(page, 'j1-08-patients');
        await page.getByRole('link', { name: 'Exercise library' }).click();
        await page.getByRole('heading', { level: 1, name: 'Exercise library' }).waitFor();
        await checkPage(page, 'j1-09-library');

        await page.setViewportSize(TABLET);
        await page.getByRole('link', { name: 'Caseload', exact: true }).click();
        await page.locator('.caseload-card').first().waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(overflow, 'no sideways scrolling at 768 px').toBe(false);
        await checkPage(page, 'j1-10-caseload-768');

        // Sign out: back to log-in, and the console is closed again.
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL(/\/login$/u);
        await page.getByText('You have signed out.').waitFor();
        await page.goto('/caseload');
        await page.waitForURL(/\/login\?next=/u);

        expectNoPageProblems(tab);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );
});

describe('journey 2: a new patient', () => {
  it(
    'adds a patient and episode, invites them with a code, link and QR code, and the patient joins',
    async () => {
      const tab = await openTab(harness, LAPTOP, { reducedMotion: true });
      const { page } = tab;
      try {
        await page.goto('/login?next=%2Fcaseload');
        await logIn(page);
        await page.waitForURL(/\/caseload$/u);
        await page.getByRole('link', { name: 'New patient' }).click();
        await page.waitForURL(/\/patients\/new$/u);
        await page.getByRole('heading', { level: 1, name: 'New patient' }).waitFor();
        await checkPage(page, 'j2-01-new-patient');

        // Nothing filled in: the summary lists what is missing and takes focus.
        await page.getByRole('button', { name: 'Add patient' }).click();
        const summary = page.locator('.error-summary');
        await summary.waitFor();
        expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
        const problems = await summary.locator('li').allTextContents();
        expect(problems).toEqual([
          'Enter the patient’s name.',
          'Choose the region being treated.',
          'Choose the condition.',
        ]);
        await checkPage(page, 'j2-02-new-patient-errors');

        await page.getByLabel('Name').fill('Jordan Avery');
        await page.getByLabel('Date of birth').fill('1984-03-15');
        await page.getByLabel('Low back (lumbar)').check();
        await page.getByLabel('Condition').selectOption('discRadicular');
        await page.getByRole('button', { name: 'Add patient' }).click();

        await page.getByRole('heading', { name: 'Jordan Avery is added' }).waitFor();
        await page.getByRole('button', { name: 'Create invitation' }).click();
        const code = (await page.getByTestId('invitation-code').textContent()) ?? '';
        expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/u);
        const link = (await page.getByTestId('invitation-link').textContent()) ?? '';
        expect(link).toBe(`${harness.server.url}/join?code=${encodeURIComponent(code)}`);
        const qr = page.getByRole('img', { name: /QR code that opens the invitation link/u });
        await qr.waitFor();
        expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/u);
        await checkPage(page, 'j2-03-invitation');
        expectNoPageProblems(tab);

        // The patient, on their own phone, opens the link and chooses a PIN.
        const phone = await openTab(harness, { width: 390, height: 844 });
        try {
          await phone.page.goto(link);
          await phone.page
            .getByRole('heading', { level: 1, name: 'Set up your programme app' })
            .waitFor();
          expect(await phone.page.getByLabel('Invitation code').inputValue()).toBe(code);
          await checkPage(phone.page, 'j2-04-join');

          // PINs that do not match are caught before anything is sent.
          await phone.page.getByLabel('Choose a PIN').fill('246810');
          await phone.page.getByLabel('Type the PIN again').fill('246811');
          await phone.page.getByRole('button', { name: 'Continue' }).click();
          await phone.page.getByRole('link', { name: 'The two PINs are not the same.' }).waitFor();
          await checkPage(phone.page, 'j2-05-join-errors');

          await phone.page.getByLabel('Type the PIN again').fill('246810');
          await phone.page.getByRole('button', { name: 'Continue' }).click();
          // The consent and privacy note, then the welcome (skipped here; join.int.test.ts
          // walks through it).
          await phone.page.getByLabel('I have read this and I agree').check();
          await phone.page.getByRole('button', { name: 'Set up my app' }).click();
          await phone.page.getByRole('link', { name: 'Skip the welcome' }).click();
          await phone.page.waitForURL(/\/app$/u);
          await phone.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
          // A new patient has no programme yet: the page says so kindly.
          await phone.page.getByText('Your programme is on its way').waitFor();
          await checkPage(phone.page, 'j2-06-today-no-programme');
          expectNoPageProblems(phone);
        } finally {
          await phone.context.close();
        }

        // The same code cannot be used twice.
        const again = await openTab(harness, { width: 390, height: 844 });
        try {
          await again.page.goto(link);
          await again.page.getByLabel('Choose a PIN').fill('246810');
          await again.page.getByLabel('Type the PIN again').fill('246810');
          await again.page.getByRole('button', { name: 'Continue' }).click();
          await again.page.getByLabel('I have read this and I agree').check();
          await again.page.getByRole('button', { name: 'Set up my app' }).click();
          await again.page.getByRole('link', { name: /This code cannot be used/u }).waitFor();
        } finally {
          await again.context.close();
        }

        // The clinician's patient page shows the new patient signed up, with their episode.
        await page.getByRole('link', { name: 'Open Jordan Avery’s page' }).click();
        await page.getByRole('heading', { level: 1, name: 'Jordan Avery' }).waitFor();
        await page.reload();
        await page.getByText('Jordan Avery has signed up to the programme app.').waitFor();
        expect(await page.locator('.page-lead').textContent()).toContain('Disc-related leg pain');
        await checkPage(page, 'j2-07-new-patient-page');
        expectNoPageProblems(tab);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'invites a demo patient with a programme, who then sees today’s exercises',
    async () => {
      const tab = await openTab(harness, TABLET);
      const { page } = tab;
      try {
        await page.goto('/login');
        await logIn(page);
        await page.waitForURL(/\/caseload$/u);
        // A patient whose programme is under way ("Week n of N").
        const card = page.locator('.caseload-card', { hasText: /Week \d+ of \d+/u }).first();
        await card.waitFor();
        await card.locator('h3 a').click();
        await page.getByRole('button', { name: 'Invite to the app' }).click();
        const link = (await page.getByTestId('invitation-link').textContent()) ?? '';
        expect(link).toContain('/join?code=');

        const phone = await openTab(harness, { width: 390, height: 844 });
        try {
          await phone.page.goto(link);
          await phone.page.getByLabel('With a password').check();
          await phone.page.getByLabel('Choose a password').fill('walking by the river');
          await phone.page.getByLabel('Type the password again').fill('walking by the river');
          await phone.page.getByRole('button', { name: 'Continue' }).click();
          await phone.page.getByLabel('I have read this and I agree').check();
          await phone.page.getByRole('button', { name: 'Set up my app' }).click();
          await phone.page.getByRole('link', { name: 'Skip the welcome' }).click();
          await phone.page.waitForURL(/\/app$/u);
          await phone.page.locator('.exercise-card').first().waitFor();
          expect(await phone.page.locator('.today-week').textContent()).toMatch(/^Week \d+ · /u);
          expect(await phone.page.locator('.exercise-dose').first().textContent()).toMatch(
            / a day$/u,
          );
          await checkPage(phone.page, 'j2-08-today-programme');
          expectNoPageProblems(phone);
        } finally {
          await phone.context.close();
        }
        expectNoPageProblems(tab);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );
});
