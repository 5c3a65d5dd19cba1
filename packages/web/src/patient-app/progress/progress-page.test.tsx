// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app/query-client.js';
import { fakeApi } from '../../app/test-app.fixture.js';
import { clearPatientData } from '../offline/saved-session.js';
import { chartPoints, type Progress } from './progress-api.js';
import { ProgressPage } from './progress-page.js';

const ASSESSMENT = { kind: 'assessment', id: '00000000-0000-4000-8000-000000000001' } as const;

const PROGRESS: Progress = {
  date: '2026-11-10',
  programme: {
    id: '00000000-0000-4000-8000-0000000000a1',
    startDate: '2026-11-02',
    endDate: '2026-12-13',
  },
  painTrend: {
    days: [
      { date: '2026-11-03', painBefore: 5, painDuring: 6, painAfter: 5, nextMorningPain: null },
      { date: '2026-11-09', painBefore: 3.5, painDuring: 4, painAfter: 2.5, nextMorningPain: 2 },
    ],
    summary: 'You have logged pain on 2 days. Your pain has come down.',
  },
  week: {
    week: 2,
    startDate: '2026-11-09',
    endDate: '2026-11-15',
    daysDone: 2,
    daysPlanned: 5,
    message: 'You have exercised on 2 days this week, out of 5 planned. Every session helps.',
  },
  questionnaires: [
    {
      instrument: 'nprs',
      title: 'Your pain',
      baseline: { score: 7, display: '7 / 10', at: '2026-11-02T09:00:00.000Z', source: ASSESSMENT },
      latest: { score: 4, display: '4 / 10', at: '2026-11-09T18:00:00.000Z', source: ASSESSMENT },
      direction: 'improved',
      realChange: true,
      meaning: 'Your pain is lower than at the start: a real change.',
      sources: ['S-MCID'],
    },
  ],
  goals: [
    {
      activity: 'Gardening for an hour',
      baseline: 3,
      latest: 7,
      change: 4,
      meaning: 'Much easier than at the start.',
      sources: ['S-PSFS'],
    },
  ],
};

function open() {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  const router = createMemoryRouter([{ path: '/app/progress', element: <ProgressPage /> }], {
    initialEntries: ['/app/progress'],
  });
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await clearPatientData();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProgressPage', () => {
  it('shows the week, the pain trend with its words and table, questionnaires and goals', async () => {
    fakeApi({ 'GET /api/me/progress': { status: 200, body: PROGRESS } });
    open();
    expect(await screen.findByText('2 of 5 days')).toBeTruthy();
    expect(screen.getByText(/out of 5 planned\. Every session helps\./u)).toBeTruthy();
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByText(/Your pain has come down\./u)).toBeTruthy();
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[2] as HTMLElement).getByText('2.5')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Mon 9 Nov')).toBeTruthy();
    expect(screen.getByText('Your pain is lower than at the start: a real change.')).toBeTruthy();
    expect(screen.getByText('Better')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Gardening for an hour' })).toBeTruthy();
    expect(screen.getByText('Latest: 7 out of 10')).toBeTruthy();
    expect(screen.queryByText(/S-MCID/u)).toBeNull();
  });

  it('has kind empty states for a new patient', async () => {
    fakeApi({
      'GET /api/me/progress': {
        status: 200,
        body: {
          ...PROGRESS,
          painTrend: {
            days: [],
            summary: 'No pain scores yet. They will show here after you log a session.',
          },
          week: {
            ...PROGRESS.week,
            daysDone: 0,
            message: 'Your plan this week is 5 days of exercise.',
          },
          questionnaires: [],
          goals: [],
        },
      },
    });
    open();
    expect(await screen.findByText('Your progress will show here')).toBeTruthy();
    expect(screen.getByText(/No pain scores yet/u)).toBeTruthy();
    expect(screen.getByText('No questionnaire results yet')).toBeTruthy();
    expect(screen.getByText('No goals yet')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('chartPoints', () => {
  it('places days left to right and pain 10 at the top, skipping days without a value', () => {
    const points = chartPoints(PROGRESS.painTrend.days, 'nextMorningPain', {
      width: 120,
      height: 120,
      pad: 10,
    });
    expect(points).toEqual([{ x: 110, y: 90, value: 2, date: '2026-11-09' }]);
    const after = chartPoints(PROGRESS.painTrend.days, 'painAfter', {
      width: 120,
      height: 120,
      pad: 10,
    });
    expect(after.map((point) => point.x)).toEqual([10, 110]);
    expect(after[0]?.y).toBe(60);
  });
});
