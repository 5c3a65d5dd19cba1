// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app/query-client.js';
import { fakeApi, problem } from '../../app/test-app.fixture.js';
import { loadAnswer } from '../offline/cached-query.js';
import { clearPatientData } from '../offline/saved-session.js';
import { BreathingTimer } from './breathing-timer.js';
import { LearnPage } from './learn-page.js';
import { LESSON, LESSON_LIST } from './learn.fixture.js';
import { LessonPage } from './lesson-page.js';

function open(path: string) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  const router = createMemoryRouter(
    [
      { path: '/app/learn', element: <LearnPage /> },
      { path: '/app/learn/:lessonId', element: <LessonPage /> },
    ],
    { initialEntries: [path] },
  );
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
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('LearnPage', () => {
  it('lists open lessons as links, read ones with a tick, and locked ones with their day', async () => {
    fakeApi({
      'GET /api/me/lessons': { status: 200, body: LESSON_LIST },
      'GET /api/me/lessons/:lessonId': { status: 200, body: LESSON },
    });
    open('/app/learn');
    expect(await screen.findByText('You have read 1 of 3 lessons.')).toBeTruthy();
    const safety = screen.getByRole('link', { name: /Warning signs to act on at once/u });
    expect(safety.getAttribute('href')).toBe('/app/learn/cauda-equina-warning-signs');
    expect(within(safety).getByText('Read')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Understanding back and neck pain/u })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Sleeping well/u })).toBeNull();
    expect(screen.getByText('Opens on Monday 16 November')).toBeTruthy();
  });

  it('keeps the list and every open lesson on the phone, to read offline', async () => {
    const seen = fakeApi({
      'GET /api/me/lessons': { status: 200, body: LESSON_LIST },
      'GET /api/me/lessons/:lessonId': (request) => ({
        status: 200,
        body: {
          ...LESSON,
          id: request.params.lessonId,
          title: `Lesson ${request.params.lessonId}`,
        },
      }),
    });
    const first = open('/app/learn');
    await screen.findByText('You have read 1 of 3 lessons.');
    await waitFor(async () => {
      expect(await loadAnswer('lesson:understanding-pain')).toBeDefined();
    });
    // The locked lesson is not fetched.
    expect(seen.map((request) => request.path)).not.toContain('/api/me/lessons/sleep');
    first.unmount();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const list = open('/app/learn');
    expect(await screen.findByText(/you are offline/u)).toBeTruthy();
    expect(screen.getByText('You have read 1 of 3 lessons.')).toBeTruthy();
    list.unmount();
    open('/app/learn/understanding-pain');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Lesson understanding-pain' }),
    ).toBeTruthy();
    expect(screen.getByText(/you are offline/u)).toBeTruthy();
  });
});

describe('LessonPage', () => {
  it('shows the lesson and kind feedback after an answer is checked', async () => {
    const seen = fakeApi({
      'GET /api/me/lessons/:lessonId': { status: 200, body: LESSON },
      'GET /api/me/lessons': { status: 200, body: LESSON_LIST },
      'POST /api/me/lessons/:lessonId/progress': {
        status: 200,
        body: {
          lessonId: LESSON.id,
          completedAt: '2026-11-10T09:00:00.000Z',
          results: [
            {
              questionId: 'calm-breath',
              optionId: '0',
              correct: false,
              rightOptionId: '1',
              explanation: 'A slow breath out calms the body.',
            },
          ],
          score: { right: 0, total: 1 },
        },
      },
    });
    open('/app/learn/stress-and-relaxation');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Stress, worry and relaxation' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Stress turns the volume up' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(screen.getByText('Choose an answer first.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Fast and shallow.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(await screen.findByText('Not quite, and that’s fine.')).toBeTruthy();
    expect(screen.getByText('The best answer is: Slow, with a longer breath out.')).toBeTruthy();
    expect(screen.getByText('A slow breath out calms the body.')).toBeTruthy();
    const post = seen.find((request) => request.method === 'POST');
    expect(post?.path).toBe('/api/me/lessons/stress-and-relaxation/progress');
    expect(post?.body).toEqual({ answers: { 'calm-breath': '0' } });
  });

  it('says kindly when a lesson is not open yet', async () => {
    fakeApi({
      'GET /api/me/lessons/:lessonId': problem(409, 'This lesson opens on 2026-11-16.'),
    });
    open('/app/learn/sleep');
    expect(await screen.findByText('This lesson is not open yet')).toBeTruthy();
    expect(screen.getByText('It opens on Monday 16 November.')).toBeTruthy();
  });
});

describe('BreathingTimer', () => {
  it('guides the breath in words, phase by phase, and stops', async () => {
    vi.useFakeTimers();
    render(
      <BreathingTimer timer={{ inhaleSeconds: 4, holdSeconds: 0, exhaleSeconds: 6, cycles: 2 }} />,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Ready when you are.');
    fireEvent.click(screen.getByRole('button', { name: 'Start breathing practice' }));
    await vi.advanceTimersByTimeAsync(300);
    expect(status.textContent).toBe('Breathe in slowly');
    expect(screen.getByText('Breath 1 of 2')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(status.textContent).toBe('Breathe out slowly');
    fireEvent.click(screen.getByRole('button', { name: 'Stop breathing practice' }));
    await vi.advanceTimersByTimeAsync(300);
    expect(status.textContent).toBe('Ready when you are.');
  });

  it('ends after the last breath', async () => {
    vi.useFakeTimers();
    render(
      <BreathingTimer timer={{ inhaleSeconds: 1, holdSeconds: 1, exhaleSeconds: 1, cycles: 1 }} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start breathing practice' }));
    await vi.advanceTimersByTimeAsync(3_500);
    expect(screen.getByRole('status').textContent).toBe('All done. Notice how you feel.');
    expect(screen.getByRole('button', { name: 'Start again' })).toBeTruthy();
  });
});
