/**
 * Journey 7 of the clinician console (issue 5), the exercise library, against the real server,
 * database and built app, in Chromium: the demo clinician opens the library, searches, opens an
 * exercise, watches the figure move (and, asking for reduced motion, sees it still), and reads
 * which patients it suits — Carlos Mendes, after surgery and not yet cleared, is told apart with
 * the reason. axe-core checks every page on the way; screenshots go to packages/web/test-results.
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
  TABLET,
  type Harness,
} from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, STARTUP_MS);

afterAll(async () => {
  await harness.close();
}, STARTUP_MS);

/** Whether the page is wider than the window (a sideways scroll nobody wants). */
function overflows(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** The figure's upper-trunk line, as its coordinates. */
function trunk(page: Page): Promise<string> {
  return page
    .locator('.exercise-figure-svg [data-bone="upperTrunk"]')
    .evaluate((line) =>
      ['x1', 'y1', 'x2', 'y2'].map((name) => line.getAttribute(name) ?? '').join(' '),
    );
}

describe('journey 7: the exercise library', () => {
  it(
    'searches the library, opens an exercise, sees the moving figure and which patients it suits',
    async () => {
      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        await logInAsClinician(page);
        await page.getByRole('link', { name: 'Exercise library' }).click();
        await page.waitForURL(/\/library$/u);
        await expect.poll(() => page.title()).toBe('Exercise library · Spinewise');
        await expect
          .poll(() =>
            page
              .getByRole('status')
              .filter({ hasText: /exercises/u })
              .textContent(),
          )
          .toMatch(/^\d+ exercises$/u);
        await checkPage(page, 'j7-01-library');

        await page.getByRole('searchbox', { name: /Search/u }).fill('knee to chest');
        const found = page.getByRole('list', { name: 'Exercises found' }).getByRole('heading');
        await expect.poll(() => found.allTextContents()).toContain('Knee to chest');
        await checkPage(page, 'j7-02-search');

        await page.getByRole('link', { name: 'Knee to chest', exact: true }).click();
        await page.waitForURL(/\/library\/knee-to-chest$/u);
        await page.getByRole('heading', { level: 1, name: 'Knee to chest' }).waitFor();

        // The figure moves on its own, and stops when paused.
        const figure = page.getByRole('img', { name: /Figure showing Knee to chest/u });
        await figure.waitFor();
        expect(await figure.getAttribute('data-playing')).toBe('true');
        const before = await trunk(page);
        await expect.poll(() => trunk(page), { timeout: 10_000 }).not.toBe(before);
        await page.getByRole('button', { name: 'Pause the movement' }).click();
        expect(await figure.getAttribute('data-playing')).toBe('false');

        // Which of the clinician's patients it suits, with the reason when it does not.
        const table = page.getByRole('table', { name: /suits your patients/u });
        const carlos = table.getByRole('row', { name: /Carlos Mendes/u });
        await carlos.waitFor();
        expect(await carlos.textContent()).toContain('Not suitable now');
        expect(await carlos.textContent()).toContain('[S-FUSION]');
        expect(await table.getByRole('row').count()).toBeGreaterThan(2);
        await checkPage(page, 'j7-03-exercise');
        expect(await overflows(page)).toBe(false);

        // The progression chain is linked.
        await page.getByRole('link', { name: 'Both knees to chest' }).first().click();
        await page.waitForURL(/\/library\/double-knee-to-chest$/u);
        await page.getByRole('heading', { level: 1, name: 'Both knees to chest' }).waitFor();
        expect(tab.problems).toEqual([]);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    "from a patient's page, checks every exercise against their safety profile",
    async () => {
      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        await logInAsClinician(page);
        await page.getByRole('link', { name: 'Patients' }).click();
        // The patients page is its own chunk: wait for it, not the caseload still on screen.
        await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
        await page.getByRole('link', { name: 'Carlos Mendes' }).click();
        await page.getByRole('heading', { level: 1, name: 'Carlos Mendes' }).waitFor();
        await page.getByRole('link', { name: 'Exercises that suit them' }).click();
        await page.waitForURL(/\/library\?patientId=/u);

        const card = page.getByRole('listitem').filter({
          has: page.getByRole('link', { name: 'Knee to chest', exact: true }),
        });
        await card.getByText('Not suitable for Carlos Mendes now').waitFor();
        expect(await card.textContent()).toContain('[S-FUSION]');
        await checkPage(page, 'j7-05-library-for-patient');
        expect(await overflows(page)).toBe(false);

        // Before the surgeon's clearance, walking is among the few that suit him.
        const only = page.getByRole('checkbox', { name: 'Only exercises that suit Carlos Mendes' });
        // The address holds the choice: the box shows it once the navigation has happened.
        await only.click();
        await expect.poll(() => only.isChecked()).toBe(true);
        const names = page.getByRole('list', { name: 'Exercises found' }).getByRole('heading');
        await expect.poll(() => names.allTextContents()).not.toContain('Knee to chest');
        const suiting = await names.allTextContents();
        expect(suiting.length).toBeGreaterThan(0);
        expect(suiting.length).toBeLessThan(15);
        expect(tab.problems).toEqual([]);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'keeps the figure still when reduced motion is asked for, on a tablet',
    async () => {
      const tab = await openTab(harness, TABLET, { reducedMotion: true });
      const { page } = tab;
      try {
        await logInAsClinician(page);
        await page.goto('/library/glute-bridge');
        const figure = page.getByRole('img', { name: /Figure showing Glute bridge/u });
        await figure.waitFor();
        expect(await figure.getAttribute('data-playing')).toBe('false');
        const still = await trunk(page);
        await page.waitForTimeout(600);
        expect(await trunk(page)).toBe(still);
        expect(await page.locator('.figure-positions li').count()).toBeGreaterThan(1);
        await page.getByRole('button', { name: 'Play the movement' }).waitFor();
        await checkPage(page, 'j7-04-exercise-reduced-motion-tablet');
        expect(await overflows(page)).toBe(false);
        await page.goto('/library');
        await page.getByRole('list', { name: 'Exercises found' }).waitFor();
        expect(await overflows(page)).toBe(false);
        expect(tab.problems).toEqual([]);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );
});
