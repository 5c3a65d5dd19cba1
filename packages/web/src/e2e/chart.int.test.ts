/**
 * Journeys 5 and 6 of the clinician console (issue 5) against the real server, database and
 * built app, in Chromium: the demo clinician opens a demo patient's chart (weeks of logs and
 * progression suggestions in the demo), reads the outcome, pain and adherence charts, accepts
 * one suggestion and rejects another with a reason, and writes a visit note with a treatment
 * NICE says not to offer — seeing the guideline note, being asked for a reason, giving it and
 * saving. axe-core checks every page; screenshots go to test-results.
 */
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
} from './harness.js';

/** A demo patient with a low back episode, weeks of logs and "progress" suggestions today. */
const PATIENT = 'Daniel Hughes';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, STARTUP_MS);

afterAll(async () => {
  await harness.close();
}, STARTUP_MS);

describe('journeys 5 and 6: the patient chart and notes', () => {
  it(
    'opens the chart, reviews suggestions, and records a note with a not-offered treatment',
    async () => {
      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        await page.goto('/login');
        await page.getByLabel('Email address').fill(DEMO_CLINICIAN.email);
        await page.getByLabel('Password').fill(DEMO_CLINICIAN.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/caseload/u);

        // From the patient page to the chart.
        await page.goto('/patients?scope=clinic');
        await page.getByRole('link', { name: PATIENT }).first().click();
        await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/u);
        await page.getByRole('link', { name: 'Chart and notes' }).click();
        await page.waitForURL(/\/patients\/[0-9a-f-]{36}\/chart$/u);
        await page.getByRole('heading', { level: 1, name: `${PATIENT}: chart` }).waitFor();

        // The charts: outcome scores with the MCID band, pain, adherence, the timeline.
        const outcomes = page.getByRole('region', { name: 'Outcome scores' });
        await outcomes.getByRole('img', { name: 'ODI over time' }).waitFor();
        expect(await outcomes.locator('.chart-mcid-band').count()).toBeGreaterThan(0);
        const pain = page.getByRole('region', { name: 'Pain around the sessions' });
        await pain.getByRole('img', { name: 'Pain before and after sessions' }).waitFor();
        const adherence = page.getByRole('region', { name: 'Adherence' });
        await adherence.getByRole('table').waitFor();
        expect(await adherence.getByRole('row').count()).toBeGreaterThan(2);
        const timeline = page.getByRole('region', { name: 'Timeline' });
        await timeline
          .getByText(/Exercise logs: \d+ bouts? in the week/u)
          .first()
          .waitFor();
        await checkPage(page, 'j5-01-chart');

        // Suggestions: accept one in one click, reject another with a reason.
        const suggestions = page.getByRole('region', { name: 'Progression suggestions' });
        await suggestions.getByRole('button', { name: 'Accept' }).first().waitFor();
        const before = await suggestions.getByRole('button', { name: 'Accept' }).count();
        expect(before).toBeGreaterThan(1);
        const firstName = await suggestions.locator('.suggestion strong').first().textContent();
        await suggestions.getByRole('button', { name: 'Accept' }).first().click();
        await suggestions
          .getByRole('status')
          .filter({ hasText: `Accepted for ${firstName ?? ''}` })
          .waitFor();
        await suggestions.getByRole('button', { name: 'Reject…' }).first().click();
        await suggestions.getByRole('button', { name: 'Reject with this reason' }).click();
        // No reason: asked for one, nothing sent.
        await suggestions.getByText('Write why this suggestion does not fit').waitFor();
        await suggestions
          .getByLabel('Why reject it?')
          .fill('Sore after the weekend; keep the current dose one more week.');
        await suggestions.getByRole('button', { name: 'Reject with this reason' }).click();
        await suggestions.getByRole('status').filter({ hasText: 'Rejected for' }).waitFor();
        await checkPage(page, 'j5-02-suggestions-reviewed');

        // A visit note with TENS: the guideline note, a reason asked for by the server, saved.
        const notes = page.getByRole('region', { name: 'Visit notes' });
        await notes.getByRole('button', { name: 'Write a visit note' }).click();
        await notes.getByLabel('Subjective').fill('Walking further; back pain 3/10 this week.');
        await notes.getByLabel('Plan').fill('Continue the programme; review in two weeks.');
        await notes.getByLabel(/^TENS/u).check();
        await notes.getByText('NICE NG59 recommends not offering this', { exact: false }).waitFor();
        await checkPage(page, 'j6-01-note-guideline');
        await notes.getByRole('button', { name: 'Save note' }).click();
        const reason = notes.getByLabel('Your reason for using TENS');
        await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
        await notes.locator('.error-summary').waitFor();
        await checkPage(page, 'j6-02-note-reason-required');
        await reason.fill('Patient asked for it; a short trial alongside the exercise programme.');
        await notes.getByRole('button', { name: 'Save note' }).click();
        await notes.getByRole('status').filter({ hasText: 'saved' }).waitFor();
        await notes
          .getByText('NICE advises not offering this; reason given: Patient asked for it', {
            exact: false,
          })
          .waitFor();
        await timeline.getByText('Visit note').first().waitFor();
        await checkPage(page, 'j6-03-note-saved');

        // The tablet: the same chart, no violations.
        await page.setViewportSize(TABLET);
        await checkPage(page, 'j5-03-chart-tablet');
        expect(tab.problems, 'script errors, console errors or CSP violations').toEqual([]);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );
});
