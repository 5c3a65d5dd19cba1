/**
 * Journey 4 of the clinician console (issue 5) against the real server, database and built app,
 * in Chromium: the demo clinician generates a programme for a demo patient whose assessment has
 * no red-flag decision waiting, reviews it week by week with its rationale, changes a dose and
 * swaps an exercise, saves a new version with a reason, approves it, reads the earlier version, and opens the
 * patient's printable handout. axe-core checks every page; screenshots go to test-results.
 */
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
} from './harness.js';

/** A demo patient with a low back episode and an assessment that holds nothing back. */
const PATIENT = 'Daniel Hughes';
/** A demo patient with lumbar stenosis: end-range extension is held back in the first phase. */
const OVERRIDE_PATIENT = 'Margaret Ellis';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, STARTUP_MS);

afterAll(async () => {
  await harness.close();
}, STARTUP_MS);

describe('journey 4: a programme', () => {
  it(
    'generates, reviews, changes a dose, swaps an exercise, saves, approves and prints a programme',
    async () => {
      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        await logInAsClinician(page);

        // From the patient page: the episode's programmes and a new one from the assessment.
        await page.goto('/patients?scope=clinic');
        await page.getByRole('link', { name: PATIENT }).first().click();
        await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/u);
        const programmes = page.getByRole('region', { name: 'Programmes' });
        await expect
          .poll(() => programmes.getByRole('link', { name: /^Programme/u }).count())
          .toBeGreaterThan(0);
        await checkPage(page, 'j4-01-patient-programmes');
        await programmes
          .getByLabel('Minutes a day the patient has for exercise')
          .first()
          .fill('20');
        await programmes.getByRole('button', { name: 'Generate a programme' }).first().click();
        await page.waitForURL(/\/programmes\/[0-9a-f-]{36}$/u);

        // Review: week by week, each choice's rationale a click away.
        await page.getByRole('heading', { level: 2, name: /^Week 1:/u }).waitFor();
        expect(
          await page.getByRole('heading', { level: 2, name: /^Week \d+:/u }).count(),
        ).toBeGreaterThan(1);
        await page.getByText('Why this programme').click();
        const rules = page.locator('.rationale[open] code');
        expect(await rules.count()).toBeGreaterThan(0);
        await checkPage(page, 'j4-02-programme-review');

        // Edit: a dose within the exercise's bounds, saved as version 2 with a reason.
        await page.getByRole('button', { name: 'Edit', exact: true }).click();
        await page
          .getByRole('button', { name: /^Change dose/u })
          .first()
          .click();
        const sets = page.getByRole('spinbutton', { name: 'Sets' });
        const min = Number(await sets.getAttribute('min'));
        const max = Number(await sets.getAttribute('max'));
        await sets.fill(String(max + 1));
        await page.getByRole('button', { name: 'Use this dose' }).click();
        await page.locator('.field-error').first().waitFor();
        await checkPage(page, 'j4-03-dose-out-of-bounds');
        const now = Number(await sets.inputValue());
        const wanted = now === min ? max : min;
        await sets.fill(String(wanted));
        await page.getByRole('button', { name: 'Use this dose' }).click();
        // A swap: the picker offers only what the safety rules allow for this patient.
        const week2 = page.getByRole('region', { name: /^Week 2:/u });
        await week2.getByRole('button', { name: /^Swap/u }).first().click();
        const picker = week2.getByRole('combobox', { name: 'Exercise to use instead' });
        await picker.waitFor();
        await checkPage(page, 'j4-04-swap-picker');
        const options = await picker.locator('option').allTextContents();
        expect(options.length).toBeGreaterThan(1);
        const replacement = options[1] ?? '';
        await picker.selectOption({ label: replacement });
        await week2.getByRole('button', { name: 'Swap', exact: true }).click();
        const replacementName = replacement.replace(/ \(level \d+\)$/u, '');
        await week2.getByText(replacementName, { exact: true }).first().waitFor();
        await page
          .getByRole('textbox', { name: 'Why are you changing the programme?' })
          .fill('A gentler start while the pain settles');
        await checkPage(page, 'j4-05-editing');
        await page.getByRole('button', { name: 'Save as a new version' }).click();
        await page.getByText(/Saved as version 2/u).waitFor();
        expect(
          await page
            .getByRole('region', { name: /^Week 2:/u })
            .getByText(replacementName, { exact: true })
            .count(),
        ).toBeGreaterThan(0);

        // Approve: the patient's app now shows version 2.
        await page.getByRole('button', { name: 'Approve version 2' }).click();
        await page.getByText(/Version 2 is approved/u).waitFor();
        const history = page.getByRole('region', { name: 'Versions' });
        expect(await history.textContent()).toContain('A gentler start while the pain settles');
        expect(await history.textContent()).toContain('the patient follows this one');
        await checkPage(page, 'j4-06-approved');

        // The earlier version stays readable.
        await history.getByRole('link', { name: 'Version 1' }).click();
        await page.getByText('You are looking at version 1, an earlier version.').waitFor();

        // The handout: the plan and the warning signs, for the patient; no rationale.
        await page.getByRole('link', { name: 'Printable handout' }).click();
        await page.waitForURL(/\/print$/u);
        await page.getByRole('heading', { name: 'How to do each exercise' }).waitFor();
        const handout = (await page.locator('.handout').textContent()) ?? '';
        expect(handout).toContain('cauda equina');
        expect(handout).not.toContain('Rule');
        expect(await page.locator('.handout code').count()).toBe(0);
        await checkPage(page, 'j4-07-handout-screen');
        await page.emulateMedia({ media: 'print' });
        expect(await page.getByRole('button', { name: 'Print the handout' }).isVisible()).toBe(
          false,
        );
        await screenshot(page, 'j4-08-handout-print');
        await page.emulateMedia({ media: 'screen' });

        expect(tab.problems, 'script errors, console errors or CSP violations').toEqual([]);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'holds the programme while a red flag awaits the clinician, with the way to the assessment',
    async () => {
      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        await logInAsClinician(page);
        // A new patient whose baseline screen (known cancer, night pain) needs a decision.
        const patientId = await page.evaluate(async () => {
          const csrf = /(?:^|; )spinewise_csrf=([^;]*)/u.exec(document.cookie)?.[1] ?? '';
          const post = async (path: string, body: unknown) => {
            const response = await fetch(path, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-csrf-token': decodeURIComponent(csrf),
              },
              body: JSON.stringify(body),
            });
            if (!response.ok)
              throw new Error(`${path}: ${String(response.status)} ${await response.text()}`);
            return (await response.json()) as { id: string };
          };
          const patient = await post('/api/patients', { displayName: 'Rosa Lindqvist' });
          const episode = await post(`/api/patients/${patient.id}/episodes`, {
            region: 'lumbar',
            condition: 'nonspecific',
            startedOn: new Date().toISOString().slice(0, 10),
          });
          await post(`/api/episodes/${episode.id}/assessments`, {
            kind: 'baseline',
            questionnaires: [
              { instrument: 'odi', answers: [2, 1, 3, 1, 2, 1, 2, 1, 1, 1] },
              { instrument: 'nprs', answers: [5] },
              {
                instrument: 'psfs',
                answers: [
                  { activity: 'Gardening for an hour', rating: 4 },
                  { activity: 'Sitting through a film', rating: 6 },
                  { activity: 'Walking to the shops', rating: 5 },
                ],
              },
            ],
            redFlags: {
              findings: {
                bladderDysfunction: false,
                bowelDysfunction: false,
                saddleNumbness: false,
                bilateralLegSymptoms: false,
                historyOfCancer: true,
                neuroSymptoms: false,
                nightPain: true,
                unremittingPain: false,
                age: 61,
              },
            },
          });
          return patient.id;
        });
        await page.goto(`/patients/${patientId}`);
        const programmes = page.getByRole('region', { name: 'Programmes' });
        await programmes.getByText('No programme yet.').waitFor();
        await programmes.getByRole('button', { name: 'Generate a programme' }).click();
        // The assessment does not say how long the symptoms have lasted: the form asks for it.
        const duration = programmes.getByLabel('Symptom duration (days)');
        await duration.waitFor();
        await checkPage(page, 'j4-10-generate-asks');
        await duration.fill('20');
        await programmes.getByRole('button', { name: 'Generate a programme' }).click();
        const held = programmes.getByRole('alert');
        await held.getByText('A programme cannot be generated yet.').waitFor();
        expect(await held.textContent()).toMatch(/decision/u);
        await checkPage(page, 'j4-11-generate-held');
        await held.getByRole('link', { name: 'Open the latest assessment' }).click();
        await page.waitForURL(/\/patients\/[0-9a-f-]{36}\/assessments\/[0-9a-f-]{36}$/u);
        expect(tab.problems, 'script errors, console errors or CSP violations').toEqual([]);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'overrides a first-phase precaution only with a reason, and shows who and when',
    async () => {
      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        await logInAsClinician(page);
        // Lumbar stenosis: no end-range extension in the first phase [S-STEN], a relative rule.
        await page.goto('/patients?scope=clinic');
        await page.getByRole('link', { name: OVERRIDE_PATIENT }).first().click();
        await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/u);
        const programmes = page.getByRole('region', { name: 'Programmes' });
        await programmes
          .getByRole('link', { name: /^Programme/u })
          .first()
          .click();
        await page.getByRole('heading', { level: 2, name: /^Week 1:/u }).waitFor();
        await page.getByRole('button', { name: 'Edit', exact: true }).click();
        const week1 = page.getByRole('region', { name: /^Week 1:/u });
        await week1.getByRole('button', { name: /^Swap/u }).first().click();
        const held = week1.getByRole('region', { name: 'Needs your reason' });
        await held.waitFor();
        expect(await held.textContent()).toMatch(/S-STEN|S-MDT/u);
        await checkPage(page, 'j4-12-needs-your-reason');
        const chosen = held.getByRole('button', { name: /^Give with a reason/u }).first();
        const label = (await chosen.textContent()) ?? '';
        const name = label.replace(/^Give with a reason\s*:\s*/u, '').trim();
        await chosen.click();
        await held.getByRole('button', { name: 'Swap with this reason' }).click();
        await held.locator('.field-error').first().waitFor();
        await checkPage(page, 'j4-13-override-reason-needed');
        await held
          .getByRole('textbox', { name: /^Your reason for giving/u })
          .fill('Her leg pain eases with repeated extension in standing.');
        await held.getByRole('button', { name: 'Swap with this reason' }).click();
        await week1.getByText(name, { exact: true }).first().waitFor();
        await page
          .getByRole('textbox', { name: 'Why are you changing the programme?' })
          .fill('Responds well to extension on repeated movements');
        await page.getByRole('button', { name: 'Save as a new version' }).click();
        await page.getByText(/Saved as version \d+/u).waitFor();
        const note = page
          .getByRole('region', { name: /^Week 1:/u })
          .locator('.override-note')
          .first();
        await note.waitFor();
        const noteText = (await note.textContent()) ?? '';
        expect(noteText).toContain('Overridden');
        expect(noteText).toContain('Her leg pain eases with repeated extension in standing.');
        expect(noteText).toMatch(/by you/u);
        await checkPage(page, 'j4-14-overridden');
        expect(tab.problems, 'script errors, console errors or CSP violations').toEqual([]);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'reads well at 768 px',
    async () => {
      const tab = await openTab(harness, TABLET);
      const { page } = tab;
      try {
        await logInAsClinician(page);
        await page.goto('/patients?scope=clinic');
        await page.getByRole('link', { name: PATIENT }).first().click();
        const programmes = page.getByRole('region', { name: 'Programmes' });
        await programmes
          .getByRole('link', { name: /^Programme/u })
          .first()
          .click();
        await page.getByRole('heading', { level: 2, name: /^Week 1:/u }).waitFor();
        await checkPage(page, 'j4-09-programme-768');
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth > window.innerWidth,
        );
        expect(overflow, 'the page scrolls sideways at 768 px').toBe(false);
        expect(tab.problems, 'script errors, console errors or CSP violations').toEqual([]);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );
});
