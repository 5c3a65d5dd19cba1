// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { getExercise } from '@spinewise/clinical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderApp, type FakeRoutes } from '../app/test-app.fixture.js';
import { putRecord } from './offline/db.js';
import { readOutbox, type OutboxEntry } from './offline/outbox.js';
import { clearPatientData, saveSessionUser } from './offline/saved-session.js';
import type { Today } from './today-api.js';

const catCow = getExercise('cat-cow');

const PATIENT = {
  id: '00000000-0000-4000-8000-0000000000a1',
  clinicId: '00000000-0000-4000-8000-0000000000c1',
  role: 'patient',
  displayName: 'Alex Morgan',
} as const;

const today: Today = {
  date: '2026-11-10',
  programme: {
    id: '00000000-0000-4000-8000-0000000000p1',
    version: 1,
    region: 'lumbar',
    condition: 'nonspecific',
    startDate: '2026-11-02',
    endDate: '2026-12-20',
  },
  week: {
    week: 2,
    startDate: '2026-11-09',
    endDate: '2026-11-15',
    phase: 'function',
    sessions: [
      {
        id: 's1',
        name: 'Daily session',
        daysPerWeek: 7,
        dailyMinutes: 6,
        exercises: [
          {
            id: 'cat-cow',
            name: 'Cat cow',
            chain: 'cat-cow',
            level: 1,
            kind: 'reps',
            sets: 2,
            reps: 10,
            perDay: 1,
            daysPerWeek: 7,
            boutMinutes: 3,
            dailyMinutes: 3,
            cautions: [],
            guide: {
              summary: catCow.summary,
              steps: catCow.steps,
              cues: catCow.cues,
              stopIf: catCow.stopIf,
              restSeconds: catCow.dosage.restSeconds,
              coached: true,
              animation: catCow.animation,
            },
          },
        ],
      },
    ],
    activity: { kind: 'walking', minutesPerDay: 20, daysPerWeek: 5 },
    lessons: [],
    tasks: [],
  },
};

function sentLog(date: string): OutboxEntry {
  return {
    key: `log-${date}`,
    kind: 'log',
    url: '/api/me/logs',
    body: { date, exerciseId: 'cat-cow', setsDone: 2, completed: 'done', painBefore: 2 },
    createdAt: `${date}T18:00:00.000Z`,
    state: 'sent',
    sentAt: `${date}T18:00:01.000Z`,
    owner: PATIENT.id,
  };
}

function routes(extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/session': { status: 200, body: { user: PATIENT } },
    'GET /api/me/today': { status: 200, body: today },
    'GET /api/me/check-ins': { status: 200, body: { checkIns: [] } },
    'GET /api/me/logs': {
      status: 200,
      body: { from: '2026-11-09', to: '2026-11-10', logs: [] },
    },
    'POST /api/me/check-ins': (request) => ({
      status: 201,
      body: { id: 'c1', createdAt: '2026-11-10T07:00:00.000Z', ...(request.body as object) },
    }),
    ...extra,
  };
}

beforeEach(async () => {
  await clearPatientData();
  await saveSessionUser(PATIENT);
  document.cookie = 'spinewise_csrf=token-1';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The first test loads the lazy pages, which takes a while on a busy machine.
const SLOW = 20_000;

describe('Today', () => {
  it(
    "shows today's exercise with its dose, the help links and the activity goal",
    async () => {
      fakeApi(routes());
      renderApp('/app');
      const card = (
        await screen.findByRole('heading', { name: 'Cat cow' }, { timeout: SLOW })
      ).closest('article');
      if (card === null) throw new Error('no exercise card');
      expect(within(card).getByText('2 sets of 10 repetitions, once a day')).toBeTruthy();
      expect(within(card).getByRole('button', { name: 'Start Cat cow' })).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Something feels wrong' })).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Having a flare-up?' })).toBeTruthy();
      expect(screen.getByText(/Walking: 20 minutes a day, 5 days a week/u)).toBeTruthy();
      // No session was logged yesterday: no morning check-in.
      expect(screen.queryByRole('heading', { name: /Good morning/u })).toBeNull();
    },
    SLOW,
  );

  it(
    'asks for the morning check-in after a logged session, and sends it through the outbox',
    async () => {
      await putRecord('outbox', sentLog('2026-11-09'));
      const seen = fakeApi(routes());
      renderApp('/app');
      const card = (await screen.findByRole('heading', { name: /Good morning/u })).closest(
        'section',
      );
      if (card === null) throw new Error('no check-in card');
      fireEvent.click(within(card).getByRole('button', { name: 'Send my check-in' }));
      expect(await within(card).findByText('Please check your answers')).toBeTruthy();

      fireEvent.click(
        within(within(card).getByRole('group', { name: 'Pain this morning' })).getByLabelText('3'),
      );
      fireEvent.click(
        within(within(card).getByRole('group', { name: 'Stiffness this morning' })).getByLabelText(
          '4',
        ),
      );
      fireEvent.click(within(card).getByRole('button', { name: 'Send my check-in' }));
      expect(await screen.findByText(/Thank you. Your physio will see/u)).toBeTruthy();
      await waitFor(() => {
        expect(seen.filter((request) => request.method === 'POST')).toHaveLength(1);
      });
      const [post] = seen.filter((request) => request.method === 'POST');
      expect(post?.path).toBe('/api/me/check-ins');
      expect(post?.body).toEqual({ sessionOn: '2026-11-09', pain: 3, stiffness: 4 });
      expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/u);
      const stored = (await readOutbox()).filter((entry) => entry.kind === 'checkIn');
      expect(stored).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'does not ask again when the server already has the check-in',
    async () => {
      await putRecord('outbox', sentLog('2026-11-09'));
      const seen = fakeApi(
        routes({
          'GET /api/me/check-ins': {
            status: 200,
            body: {
              checkIns: [
                {
                  id: 'c0',
                  sessionOn: '2026-11-09',
                  pain: 1,
                  stiffness: 1,
                  createdAt: '2026-11-10T06:00:00.000Z',
                },
              ],
            },
          },
        }),
      );
      renderApp('/app');
      await screen.findByRole('heading', { name: 'Cat cow' });
      await waitFor(() => {
        expect(seen.some((request) => request.path.startsWith('/api/me/check-ins'))).toBe(true);
      });
      expect(screen.queryByRole('heading', { name: /Good morning/u })).toBeNull();
    },
    SLOW,
  );

  it(
    'counts logs made on another phone: done today, and the morning check-in for yesterday',
    async () => {
      const fromServer = (date: string, key: string) => ({
        id: `00000000-0000-4000-8000-0000000000${key === 'a' ? 'd1' : 'd2'}`,
        idempotencyKey: `other-phone-${key}`,
        createdAt: `${date}T18:00:00.000Z`,
        log: { date, exerciseId: 'cat-cow', setsDone: 2, completed: 'done' },
      });
      fakeApi(
        routes({
          'GET /api/me/logs': {
            status: 200,
            body: {
              from: '2026-11-09',
              to: '2026-11-10',
              logs: [fromServer('2026-11-10', 'a'), fromServer('2026-11-09', 'b')],
            },
          },
        }),
      );
      renderApp('/app');
      expect(
        await screen.findByRole('heading', { name: /Good morning/u }, { timeout: 8000 }),
      ).toBeTruthy();
      const headings = screen.getAllByRole('heading').map((heading) => heading.textContent);
      expect(headings).toContain('Cat cow · done today');
    },
    SLOW,
  );
});
