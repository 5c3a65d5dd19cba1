/**
 * Joining and the patient's settings (issue 6 §1 and §7) against the real server, database and
 * built app, in Chromium on a phone-sized screen: the clinician makes a patient and an
 * invitation through the API; the patient opens the link, chooses a PIN, accepts the consent
 * and privacy note, reads the welcome and reaches Today; then saves a reminder time (headless
 * Chromium shows no notifications: the page must say so kindly and still keep the time) and
 * makes a calendar link, which a calendar app fetches without any cookie. Every screen is
 * checked with axe-core and screenshotted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLINICIAN,
  JOURNEY_MS,
  STARTUP_MS,
  checkPage,
  openTab,
  startHarness,
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

/** The clinician, signed in through the API as a script would be. */
async function clinicianApi() {
  const base = harness.server.url;
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_CLINICIAN.email, password: DEMO_CLINICIAN.password }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as T;
  };
}

/** Fetches a calendar link as a calendar app would: no cookie, nothing but the address. */
async function fetchCalendar(
  link: string,
): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(link.replace(/^webcal:/u, 'http:'));
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

describe('joining from an invitation', () => {
  it(
    'opens the link, sets a PIN, accepts the consent note, reads the welcome and reaches Today; then saves a reminder and a calendar link',
    async () => {
      const post = await clinicianApi();
      const patient = await post<{ id: string }>('/api/patients', { displayName: 'Robin Hale' });
      await post(`/api/patients/${patient.id}/episodes`, {
        region: 'lumbar',
        condition: 'nonspecific',
        startedOn: new Date().toISOString().slice(0, 10),
      });
      const invitation = await post<{ code: string; link: string }>(
        `/api/patients/${patient.id}/invitations`,
      );

      const tab = await openTab(harness, PHONE);
      const { page } = tab;
      try {
        // Step 1: the code from the link, and a PIN.
        await page.goto(invitation.link);
        await page.getByRole('heading', { level: 1, name: 'Set up your programme app' }).waitFor();
        expect(await page.getByLabel('Invitation code').inputValue()).toBe(invitation.code);
        await checkPage(page, 'join-01-pin');
        await page.getByLabel('Choose a PIN').fill('358024');
        await page.getByLabel('Type the PIN again').fill('358024');
        await page.getByRole('button', { name: 'Continue' }).click();

        // Step 2: the note; nothing is set up until it is accepted.
        await page.getByRole('heading', { level: 1, name: 'Before you start' }).waitFor();
        await page.getByRole('heading', { name: 'Your information and your privacy' }).waitFor();
        expect(await page.getByText('Version 2026-11').count()).toBe(1);
        await checkPage(page, 'join-02-consent');
        await page.getByRole('button', { name: 'Set up my app' }).click();
        await page
          .locator('.error-summary')
          .getByText('Tick the box to say you agree, so we can set up your app.')
          .waitFor();
        await checkPage(page, 'join-03-consent-needed');
        await page.getByLabel('I have read this and I agree').check();
        await page.getByRole('button', { name: 'Set up my app' }).click();

        // The welcome: three screens, then Today.
        await page.waitForURL(/\/app\/welcome$/u);
        await page.getByRole('heading', { level: 1, name: 'Welcome to Spinewise' }).waitFor();
        await page.getByText(/Your clinician is still getting your programme ready/u).waitFor();
        await checkPage(page, 'join-04-welcome-programme');
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByRole('heading', { level: 1, name: 'Logging your exercises' }).waitFor();
        await checkPage(page, 'join-05-welcome-logging');
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByRole('heading', { level: 1, name: 'If something feels wrong' }).waitFor();
        await checkPage(page, 'join-06-welcome-something-wrong');
        await page.getByRole('button', { name: 'Go to my Today page' }).click();
        await page.waitForURL(/\/app$/u);
        await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
        await checkPage(page, 'join-07-today');

        // Settings: a reminder time, kept even though this browser shows no notifications.
        await page.goto('/app/settings');
        await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
        await checkPage(page, 'join-08-settings');
        await page.getByLabel('Yes, once a day').check();
        await page.getByLabel('Remind me at').fill('07:30');
        await page.getByRole('button', { name: 'Save reminders' }).click();
        await page.getByText('Saved. Your reminder time is 07:30.').waitFor();
        await page
          .getByText(
            /cannot show reminders|block notifications|not set up to show reminders|turned on for this phone/u,
          )
          .waitFor();
        await checkPage(page, 'join-09-reminder-saved');
        // Still there when the page opens again.
        await page.reload();
        expect(await page.getByLabel('Remind me at').inputValue()).toBe('07:30');

        // A calendar link, shown once, that works with no cookie.
        await page.getByRole('button', { name: 'Make a calendar link' }).click();
        const link = await page.getByLabel('Your calendar link').inputValue();
        expect(link).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/u);
        await checkPage(page, 'join-10-calendar-link');
        const calendar = await fetchCalendar(link);
        expect(calendar.status).toBe(200);
        expect(calendar.type).toBe('text/calendar; charset=utf-8');
        expect(calendar.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
        expect(calendar.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
        // No programme yet: a calendar without events, which fills in once there is one.
        expect(calendar.body).not.toContain('BEGIN:VEVENT');

        // Turned off, the link stops working.
        await page.getByRole('button', { name: 'Turn off the calendar link' }).click();
        await page.getByRole('button', { name: 'Make a calendar link' }).waitFor();
        expect((await fetchCalendar(link)).status).toBe(404);
        expectNoPageProblems(tab);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'gives a patient with a programme a calendar of their exercise days at their reminder time',
    async () => {
      const tab = await openTab(harness, PHONE);
      const { page } = tab;
      try {
        await page.goto('/login');
        await page.getByLabel('Email address').fill(DEMO_PATIENT.email);
        await page.getByLabel('Password').fill(DEMO_PATIENT.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/app$/u);
        await page.goto('/app/settings');
        await page.getByLabel('Yes, once a day').check();
        await page.getByLabel('Remind me at').fill('08:15');
        await page.getByRole('button', { name: 'Save reminders' }).click();
        await page.getByText('Saved. Your reminder time is 08:15.').waitFor();
        await page.getByRole('button', { name: 'Make a calendar link' }).click();
        const link = await page.getByLabel('Your calendar link').inputValue();
        const calendar = await fetchCalendar(link);
        expect(calendar.status).toBe(200);
        const lines = calendar.body.replace(/\r\n /gu, '').split('\r\n');
        const starts = lines.filter((line) => line.startsWith('DTSTART:'));
        expect(starts.length).toBeGreaterThan(0);
        expect(lines.filter((line) => line === 'SUMMARY:Spinewise exercises')).toHaveLength(
          starts.length,
        );
        // 08:15 in the browser's zone (the test runs in UTC unless TZ says otherwise).
        const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
        if (zone === 'UTC' || zone === 'Etc/UTC') {
          for (const start of starts) expect(start).toMatch(/T081500Z$/u);
        }
        expectNoPageProblems(tab);
      } finally {
        await tab.context.close();
      }
    },
    JOURNEY_MS,
  );
});
