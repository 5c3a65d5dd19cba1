/**
 * The camera coach in the patient chart (issue 7), against the real server, database and built
 * app, in Chromium: the demo patient's phone saves a coached session log and range-of-motion
 * measurements through the API (as the coach screen does once the patient confirms), then the
 * demo clinician opens that patient's chart and finds the coached session, the range-of-motion
 * trend with its table, and the statement of the measurement's limits. axe-core checks the
 * page; screenshots go to test-results.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  DEMO_CLINICIAN,
  JOURNEY_MS,
  LAPTOP,
  logInAsClinician,
  openTab,
  startHarness,
  STARTUP_MS,
  TABLET,
  type Harness,
} from './harness.js';

const DEMO_PATIENT = { email: 'patient@demo.spinewise.dev', password: 'demo-patient-2026' };

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, STARTUP_MS);

afterAll(async () => {
  await harness.close();
}, STARTUP_MS);

interface Client {
  readonly displayName: string;
  call(method: string, path: string, body?: unknown, key?: string): Promise<Response>;
}

/** Signs in through the API, as the app does, and sends requests with the session and CSRF. */
async function signIn(credentials: {
  readonly email: string;
  readonly password: string;
}): Promise<Client> {
  const login = await fetch(`${harness.server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  expect(login.status).toBe(200);
  const { csrfToken, user } = (await login.json()) as {
    csrfToken: string;
    user: { displayName: string };
  };
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return {
    displayName: user.displayName,
    call: (method, path, body, key) =>
      fetch(`${harness.server.url}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key === undefined ? {} : { 'idempotency-key': key }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

describe('the camera coach in the patient chart', () => {
  it(
    'shows a coached session and range-of-motion trends the patient saved',
    async () => {
      // The patient's phone: one coached session and two trunk flexion measurements.
      const patient = await signIn(DEMO_PATIENT);
      const today = await patient.call('GET', '/api/me/today');
      expect(today.status).toBe(200);
      const { date, week } = (await today.json()) as {
        date: string;
        week: { sessions: { exercises: { id: string; name: string }[] }[] } | null;
      };
      const exercise = week?.sessions[0]?.exercises[0];
      if (exercise === undefined) throw new Error('the demo patient has no exercise today');
      const coach = {
        reps: 8,
        holdSeconds: 16,
        rangeDegrees: { min: 3, max: 41.5 },
        formWarnings: [{ id: 'keepLevel', cue: 'Keep your hips level as you lift.', count: 3 }],
        exerciseRule: exercise.id,
        view: 'side',
      };
      const log = await patient.call(
        'POST',
        '/api/me/logs',
        { date, exerciseId: exercise.id, setsDone: 1, repsDone: 8, painAfter: 2, coach },
        randomUUID(),
      );
      expect(log.status).toBe(201);
      const now = Date.now();
      for (const [daysAgo, degrees] of [
        [6, 48],
        [0, 57.5],
      ] as const) {
        const measured = await patient.call(
          'POST',
          '/api/me/rom',
          {
            movement: 'trunkFlexion',
            degrees,
            measuredAt: new Date(now - daysAgo * 86_400_000).toISOString(),
          },
          randomUUID(),
        );
        expect(measured.status).toBe(201);
      }

      // The clinician finds the patient and opens the chart.
      const staff = await signIn(DEMO_CLINICIAN);
      const listed = await staff.call('GET', '/api/patients?all=true');
      const { patients } = (await listed.json()) as {
        patients: { id: string; displayName: string }[];
      };
      const found = patients.find((entry) => entry.displayName === patient.displayName);
      if (found === undefined) throw new Error(`no patient named ${patient.displayName}`);

      const tab = await openTab(harness, LAPTOP);
      const { page } = tab;
      try {
        await logInAsClinician(page);
        await page.goto(`/patients/${found.id}/chart`);
        await page
          .getByRole('heading', { level: 1, name: `${patient.displayName}: chart` })
          .waitFor();

        const coached = page.getByRole('region', { name: 'Coached sessions' });
        const row = coached.getByRole('row').filter({ hasText: exercise.name });
        await row.waitFor();
        const text = (await row.textContent()) ?? '';
        expect(text).toContain('3° to 41.5°');
        expect(text).toContain('16 s');
        expect(text).toContain('Keep your hips level as you lift. (3 times)');
        expect(text).toContain('Side view');

        const rom = page.getByRole('region', { name: 'Range of motion' });
        const trend = rom.getByRole('img', { name: /Trunk flexion \(bending forward\)/u });
        await trend.waitFor();
        expect(await trend.locator('circle').count()).toBe(2);
        await rom.getByText('not clinical goniometry', { exact: false }).waitFor();
        await rom.getByText('Trunk flexion (bending forward) as a table').click();
        const table = rom.getByRole('table', { name: /Trunk flexion/u });
        await table.getByRole('cell', { name: '57.5°' }).waitFor();
        await table.getByRole('cell', { name: '48°' }).waitFor();
        await rom.scrollIntoViewIfNeeded();
        await checkPage(page, 'coach-01-chart');

        await page.setViewportSize(TABLET);
        await checkPage(page, 'coach-02-chart-tablet');
        expect(tab.problems, 'script errors, console errors or CSP violations').toEqual([]);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );
});
