/**
 * Journey 3 of the clinician console (issue 5) against the real server, database and built app,
 * in Chromium: the guided assessment. One run answers a cauda equina question "yes" — the
 * emergency shows at once, the assessment saves, and the clinician records a decision on it;
 * another is a plain reassessment whose result shows the scores, the change since the baseline
 * and the classification with its criteria. The history (surgery, aggravating and easing factors,
 * work) shows on the result; the questionnaires can go to the phone of a patient with a log-in.
 * axe-core checks every page on the way.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  JOURNEY_MS,
  LAPTOP,
  logInAsClinician,
  openTab,
  screenshot,
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

function expectNoPageProblems(tab: Tab): void {
  expect(tab.problems, 'script errors, console errors or CSP violations').toEqual([]);
}

/** From the patients list to the patient's "New assessment". */
async function startAssessment(page: Page, patientName: string): Promise<void> {
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByRole('link', { name: patientName }).first().click();
  await page.getByRole('heading', { level: 1, name: patientName }).waitFor();
  await page
    .getByRole('link', { name: /^New assessment/u })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: `New assessment: ${patientName}` }).waitFor();
}

async function goToStep(page: Page, title: string): Promise<void> {
  await page
    .locator('.assessment-steps')
    .getByRole('button', { name: new RegExp(title, 'u') })
    .click();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

describe('journey 3: the assessment', () => {
  it(
    'shows an emergency at once, saves, and records the clinician’s decision',
    async () => {
      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        await logInAsClinician(page);
        await startAssessment(page, 'Daniel Hughes');
        await page.getByLabel('Age').fill('47');
        await page
          .getByRole('group', { name: 'Has the patient had episodes like this before?' })
          .getByLabel('No', { exact: true })
          .check();
        await page.getByRole('textbox', { name: /^Goal 1/u }).fill('Lifting my toddler');
        await page.getByLabel('Rating for goal 1').selectOption('3');

        // Surgery, aggravating and easing factors (tapped and typed), work.
        await page
          .getByRole('group', { name: 'Has the patient had spinal surgery before?' })
          .getByLabel('Yes', { exact: true })
          .check();
        await page.getByLabel(/^Details of the surgery/u).fill('L4/5 microdiscectomy in 2021');
        const aggravating = page.getByRole('group', { name: /^Aggravating factors/u });
        await aggravating.getByRole('button', { name: 'Add Sitting' }).click();
        await aggravating.getByRole('button', { name: 'Add Bending' }).click();
        const another = aggravating.getByLabel(/^Another of the aggravating factors/u);
        await another.fill('Long drives');
        await another.press('Enter');
        await aggravating
          .getByRole('button', { name: 'Remove Bending from aggravating factors' })
          .click();
        await page
          .getByRole('group', { name: /^Easing factors/u })
          .getByRole('button', { name: 'Add Lying down' })
          .click();
        await page.getByLabel(/^Occupation/u).fill('Warehouse supervisor');
        await page.getByLabel(/^Work status/u).selectOption('modifiedDuties');
        await page.getByLabel(/^Physical demands of the work/u).selectOption('heavy');
        expect(
          await aggravating
            .getByRole('listitem')
            .evaluateAll((items) => items.map((item) => item.firstElementChild?.textContent)),
        ).toEqual(['Sitting', 'Long drives']);
        await checkPage(page, 'j3-01-history');

        await page.getByRole('button', { name: 'Next: Red-flag screen' }).click();
        await page.getByRole('heading', { level: 2, name: 'Red-flag screen' }).waitFor();
        await page.getByText(/No emergency or urgent red flags/u).waitFor();
        expect(await page.getByRole('alert').count()).toBe(0);

        // One "yes" to a cauda equina question: the emergency shows at once, with what to do.
        await page
          .getByRole('group', { name: /New bladder change/u })
          .getByLabel('Yes', { exact: true })
          .check();
        const alert = page.locator('.red-flag-alert[role="alert"]');
        await alert.waitFor();
        expect(await alert.textContent()).toContain('Emergency');
        expect(await alert.textContent()).toContain('Cauda equina');
        expect(await alert.textContent()).toContain('Your decision is needed');
        await checkPage(page, 'j3-02-screen-emergency');

        // Later steps keep a reminder; save from the review.
        await goToStep(page, 'Review and save');
        expect(await page.locator('.assessment-reminder').textContent()).toContain('emergency');
        await page.getByRole('button', { name: 'Save the assessment' }).click();

        // One goal is too few for the PSFS: the server's error lands on the history step.
        await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
        const summary = page.locator('.error-summary');
        await summary.waitFor();
        await screenshot(page, 'j3-03-psfs-error');
        expect(await summary.textContent()).toContain('PSFS');
        // The summary's link leads to the first goal, which names the problem too.
        await summary.getByRole('link').first().click();
        const firstGoal = page.getByRole('textbox', { name: /^Goal 1/u });
        expect(await firstGoal.evaluate((element) => element === document.activeElement)).toBe(
          true,
        );
        expect(await firstGoal.getAttribute('aria-invalid')).toBe('true');
        await page.getByRole('textbox', { name: /^Goal 2/u }).fill('Sitting through a film');
        await page.getByLabel('Rating for goal 2').selectOption('5');
        await page.getByRole('textbox', { name: /^Goal 3/u }).fill('Gardening');
        await page.getByLabel('Rating for goal 3').selectOption('4');
        await goToStep(page, 'Review and save');
        await page.getByRole('button', { name: 'Save the assessment' }).click();

        // The result asks for the decision before anything else.
        await page
          .getByRole('heading', { level: 2, name: 'Your decision on the red flags' })
          .waitFor();
        expect(page.url()).toMatch(/\/patients\/[^/]+\/assessments\/[^/]+$/u);
        await checkPage(page, 'j3-03-decision-needed');
        await page.getByLabel(/^Referred on/u).check();
        await page.getByLabel('Reason').fill('Sent to the emergency department for an MRI today.');
        await page.getByRole('button', { name: 'Record decision' }).click();
        await page.getByRole('heading', { level: 2, name: 'Decision on the red flags' }).waitFor();
        expect(await page.locator('.notice--success').textContent()).toContain(
          'Sent to the emergency department',
        );
        // The history as recorded.
        const history = page.locator('section', {
          has: page.getByRole('heading', { level: 2, name: 'History' }),
        });
        const recorded = await history.textContent();
        expect(recorded).toContain('L4/5 microdiscectomy in 2021');
        expect(recorded).toContain('Sitting; Long drives');
        expect(recorded).toContain('Lying down');
        expect(recorded).toContain('Warehouse supervisor');
        expect(recorded).toContain('Working, lighter or changed duties');
        expect(recorded).toContain('heavy');
        await checkPage(page, 'j3-04-decision-recorded');

        // The patient page lists it, decided.
        await page.getByRole('link', { name: 'Back to the patient' }).click();
        await page.getByRole('heading', { level: 2, name: 'Assessments' }).waitFor();
        await page.locator('.assessment-episode li').first().waitFor();
        expect(await page.locator('.assessment-episode li').first().textContent()).not.toContain(
          'decision needed',
        );
        await checkPage(page, 'j3-05-patient-assessments');
        expectNoPageProblems(tab);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'runs a plain reassessment and shows the scores, change and classification',
    async () => {
      const tab = await openTab(harness, TABLET);
      const { page } = tab;
      try {
        await logInAsClinician(page);
        await startAssessment(page, 'Margaret Ellis');
        await page.getByLabel('How long the symptoms have lasted').fill('8');

        await goToStep(page, 'Red-flag screen');
        for (const question of [/New bladder change/u, /Numbness or altered feeling/u]) {
          await page
            .getByRole('group', { name: question })
            .getByLabel('No', { exact: true })
            .check();
        }

        await goToStep(page, 'Questionnaires');
        const pain = page.locator('.assessment-questionnaire', {
          hasText: 'Numeric pain rating scale',
        });
        await pain.getByLabel('Item 1').selectOption({ index: 3 });
        await checkPage(page, 'j3-06-questionnaires-768');

        await goToStep(page, 'Examination');
        await page
          .getByRole('group', { name: 'Aberrant movement on bending' })
          .getByLabel('No', { exact: true })
          .check();
        await page.getByLabel('Repeated extension').selectOption('centralises');
        await checkPage(page, 'j3-07-examination-768');

        await goToStep(page, 'Review and save');
        await page.getByRole('button', { name: 'Save the assessment' }).click();
        await page.getByRole('heading', { level: 2, name: 'Classification' }).waitFor();
        expect(await page.getByRole('heading', { level: 2, name: /decision/u }).count()).toBe(0);
        const classification = page.locator('.assessment-rules');
        expect(await classification.locator('.criterion').count()).toBeGreaterThan(0);
        expect(await classification.textContent()).toMatch(/Met:|Not met:|Unknown:/u);
        expect(await classification.textContent()).toContain('Sources:');
        await page.getByRole('heading', { level: 2, name: 'Change since the baseline' }).waitFor();
        await checkPage(page, 'j3-08-result-768');
        expectNoPageProblems(tab);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'sends the chosen questionnaires to the phone of a patient with a log-in',
    async () => {
      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        await logInAsClinician(page);
        // Daniel Hughes is the demo patient with a log-in.
        await startAssessment(page, 'Daniel Hughes');
        await goToStep(page, 'Questionnaires');
        await page.getByLabel('Send to the patient’s phone').check();
        expect(await page.locator('.assessment-questionnaire').count()).toBe(0);
        await page.getByLabel(/^A note for the patient/u).fill('Please fill these in this week.');
        await page.getByRole('button', { name: 'Send to Daniel Hughes’s phone' }).click();
        const sent = page.locator('.assessment-send[role="status"]');
        await sent.waitFor();
        expect(await sent.textContent()).toContain('Sent to Daniel Hughes’s phone');
        // The request now waits for the patient's answers.
        await page.getByText(/^Waiting for answers:/u).waitFor();
        await checkPage(page, 'j3-09-sent-to-phone');

        await goToStep(page, 'Review and save');
        expect(await page.locator('.history-list').textContent()).toContain(
          'Sent to the patient’s phone',
        );
        expectNoPageProblems(tab);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );
});
