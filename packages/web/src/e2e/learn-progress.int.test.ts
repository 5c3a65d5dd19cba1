/**
 * Learn and Progress on the phone (issue 6 items 4 and 5), against the real server, database and
 * built app in Chromium: the demo patient opens their lessons, reads the safety lesson, answers
 * its check questions and sees kind feedback; then opens their progress and sees the pain trend
 * (chart, words and table) and their goals. axe-core checks every screen; screenshots go to
 * packages/web/test-results.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  JOURNEY_MS,
  openTab,
  startHarness,
  STARTUP_MS,
  type Harness,
} from './harness.js';

const DEMO_PATIENT = { email: 'patient@demo.spinewise.dev', password: 'demo-patient-2026' };
/** A small phone. */
const PHONE = { width: 360, height: 740 } as const;

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

describe('learn and progress on the phone', () => {
  it(
    'reads a lesson, answers its check questions with feedback, and sees the pain trend and goals',
    async () => {
      const { context, page, problems } = await openTab(harness, PHONE);
      try {
        await logInAsPatient(page);

        // Learn: the list, with the safety lesson first and later lessons saying when they open.
        await page.goto('/app/learn');
        await page.getByRole('heading', { level: 1, name: 'Learn' }).waitFor();
        await page.getByRole('heading', { name: 'Keep yourself safe' }).waitFor();
        await checkPage(page, 'learn-01-lessons');

        const safety = page
          .locator('section', { has: page.getByRole('heading', { name: 'Keep yourself safe' }) })
          .getByRole('link')
          .first();
        await safety.click();
        await page.waitForURL(/\/app\/learn\/[a-z-]+$/u);
        await page.getByRole('heading', { name: 'Check what you have learned' }).waitFor();
        await checkPage(page, 'learn-02-lesson');

        // Each question: no answer first (a kind prompt), then the first option, checked.
        const questions = page.locator('.check-question');
        const count = await questions.count();
        expect(count).toBeGreaterThan(0);
        await questions.first().getByRole('button', { name: 'Check my answer' }).click();
        await questions.first().getByText('Choose an answer first.').waitFor();
        for (let index = 0; index < count; index += 1) {
          const question = questions.nth(index);
          await question.getByRole('radio').first().check();
          await question.getByRole('button', { name: 'Check my answer' }).click();
          await question.getByText(/Yes, that’s right\.|Not quite, and that’s fine\./u).waitFor();
        }
        await checkPage(page, 'learn-03-feedback');

        // Back in the list the lesson is marked read.
        await page.getByRole('link', { name: 'Back to all lessons' }).click();
        await page.waitForURL(/\/app\/learn$/u);
        await expect
          .poll(async () => page.getByText(/You have read [1-9]\d* of \d+ lessons\./u).count())
          .toBe(1);

        // The relaxation lesson's breathing timer, when the demo's schedule has opened it.
        const listed = (await (await page.request.get('/api/me/lessons')).json()) as {
          lessons: { id: string; unlocked: boolean }[];
        };
        const relaxation = listed.lessons.find((lesson) => lesson.id === 'stress-and-relaxation');
        if (relaxation?.unlocked === true) {
          await page.goto('/app/learn/stress-and-relaxation');
          await page.getByRole('button', { name: 'Start breathing practice' }).click();
          await page.getByRole('status').filter({ hasText: 'Breathe in slowly' }).waitFor();
          await checkPage(page, 'learn-04-breathing');
          await page.getByRole('button', { name: 'Stop breathing practice' }).click();
        } else {
          // Not open yet: a kind word with the day it opens, not an error.
          await page.goto('/app/learn/stress-and-relaxation');
          await page.getByText('This lesson is not open yet').waitFor();
          await page.getByText(/^It opens on \w+day \d+ \w+\.$/u).waitFor();
          await checkPage(page, 'learn-04-not-open-yet');
        }

        // Progress: the week, the pain trend as a chart with words and a table, and the goals.
        await page.goto('/app/progress');
        await page.getByRole('heading', { name: 'Your pain over time' }).waitFor();
        const chart = page.getByRole('img', { name: /Pain from 0 \(none\) to 10/u });
        await chart.waitFor();
        await page.getByText('Show the numbers').click();
        expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(2);
        await page.getByRole('heading', { name: 'Your goals' }).waitFor();
        expect(
          await page
            .locator('section', { has: page.getByRole('heading', { name: 'Your goals' }) })
            .getByRole('listitem')
            .count(),
        ).toBeGreaterThan(0);
        await page.getByRole('heading', { name: 'This week' }).waitFor();
        await checkPage(page, 'progress-01');

        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_MS,
  );
});
