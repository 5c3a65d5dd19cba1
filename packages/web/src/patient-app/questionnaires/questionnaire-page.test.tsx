// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem } from '../../app/test-app.fixture.js';
import { QuestionnairePage } from './questionnaire-page.js';
import type {
  MyQuestionnaires,
  PatientInstrument,
  QuestionnaireRequest,
} from './questionnaires-api.js';

const REQUEST_ID = '00000000-0000-4000-8000-0000000000r1';

const scale = Array.from({ length: 11 }, (_, value) => ({ value, label: String(value) }));

const nprs: PatientInstrument = {
  id: 'nprs',
  title: 'Numeric Pain Rating Scale',
  shortTitle: 'NPRS',
  description: 'Pain intensity.',
  answerCount: { min: 1, max: 1 },
  missing: { rule: 'none', maxMissing: 0, description: 'must be answered' },
  copyright: 'Public domain.',
  items: [{ id: 'painIntensity', number: 1, text: 'Pain intensity', options: scale, scored: true }],
};

const psfs: PatientInstrument = {
  id: 'psfs',
  title: 'Patient-Specific Functional Scale',
  shortTitle: 'PSFS',
  description: 'Activities.',
  answerCount: { min: 3, max: 5 },
  missing: { rule: 'none', maxMissing: 0, description: 'every activity needs a rating' },
  copyright: 'Free to use.',
  items: [1, 2, 3, 4, 5].map((number) => ({
    id: `activity${String(number)}`,
    number,
    text: `Activity ${String(number)}`,
    options: scale,
    scored: true,
  })),
};

const request: QuestionnaireRequest = {
  id: REQUEST_ID,
  patientId: '00000000-0000-4000-8000-0000000000a1',
  episodeId: '00000000-0000-4000-8000-0000000000e1',
  instruments: ['nprs', 'psfs'],
  message: 'Before our visit, please.',
  dueOn: '2026-11-12',
  state: 'pending',
  requestedBy: '00000000-0000-4000-8000-000000000001',
  requestedByName: 'Sam Okafor',
  createdAt: '2026-11-10T09:00:00.000Z',
  completedAt: null,
  cancelledAt: null,
  results: null,
};

const mine: MyQuestionnaires = {
  due: [request],
  completed: [],
  instruments: [nprs, psfs],
  goals: [],
};

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/app/questionnaires/:requestId', element: <QuestionnairePage /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [`/app/questionnaires/${REQUEST_ID}`] },
  );
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

function next() {
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
}

function activity(text: string, rating: number) {
  fireEvent.change(screen.getByLabelText('Something you find hard to do because of your pain'), {
    target: { value: text },
  });
  fireEvent.click(screen.getByRole('radio', { name: String(rating) }));
}

beforeEach(() => {
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('QuestionnairePage', () => {
  it('asks one question a screen, keeps answers when they leave, and names a refused item', async () => {
    let attempt = 0;
    const seen = fakeApi({
      'GET /api/me/questionnaires': { status: 200, body: mine },
      'POST /api/me/questionnaires/:requestId': () => {
        attempt++;
        if (attempt === 1) {
          return problem(400, 'The request is invalid.', [
            {
              path: 'body.questionnaires[1].answers[2].activity',
              message: 'must be at most 200 characters',
            },
          ]);
        }
        return {
          status: 200,
          body: {
            ...request,
            state: 'completed',
            completedAt: '2026-11-10T09:30:00.000Z',
            results: [
              {
                instrument: 'nprs',
                answers: [4],
                score: {
                  instrument: 'nprs',
                  title: 'Numeric Pain Rating Scale',
                  score: 4,
                  display: '4 / 10',
                  unit: 'points',
                  band: 'moderate',
                  bandLabel: 'Moderate pain',
                  bandRange: '4–6',
                  subscales: {},
                  answered: 1,
                  missing: 0,
                  interpretation: '',
                  copyright: '',
                },
              },
            ],
          },
        };
      },
    });
    const view = renderPage();
    expect(await screen.findByText('Question 1 of 4')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Pain intensity' })).toBeTruthy();

    next();
    expect(screen.getByRole('alert').textContent).toContain('Choose the answer that fits you best');
    fireEvent.click(screen.getByRole('radio', { name: '4' }));
    next();
    expect(screen.getByText('Question 2 of 4')).toBeTruthy();
    next();
    expect(screen.getByRole('alert').textContent).toContain('Write down an activity');
    activity('Gardening', 3);

    // Leaving and coming back keeps the answers and the place.
    view.unmount();
    renderPage();
    expect(await screen.findByText('Question 2 of 4')).toBeTruthy();
    expect(
      screen.getByLabelText<HTMLInputElement>('Something you find hard to do because of your pain')
        .value,
    ).toBe('Gardening');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: '4' }).checked).toBe(true);
    next();
    next();
    activity('Lifting the shopping', 5);
    next();
    activity('Sitting at work', 6);
    next();
    expect(screen.getByRole('heading', { name: 'Ready to send' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    const refused = await screen.findByRole('button', { name: /^Question 4/u });
    expect(refused.textContent).toContain('must be at most 200 characters');
    const [first] = seen.filter((entry) => entry.method === 'POST');
    expect(first?.body).toEqual({
      questionnaires: [
        { instrument: 'nprs', answers: [4] },
        {
          instrument: 'psfs',
          answers: [
            { activity: 'Gardening', rating: 3 },
            { activity: 'Lifting the shopping', rating: 5 },
            { activity: 'Sitting at work', rating: 6 },
          ],
        },
      ],
    });
    fireEvent.click(refused);
    expect(screen.getByText('Question 4 of 4')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('must be at most 200 characters');

    next();
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you' })).toBeTruthy();
    expect(screen.getByText('Your answers show: moderate pain.')).toBeTruthy();
    await waitFor(() => {
      expect(sessionStorage.length).toBe(0);
    });
  });

  it('says so when the questions are no longer waiting', async () => {
    fakeApi({
      'GET /api/me/questionnaires': {
        status: 200,
        body: { due: [], completed: [], instruments: [] },
      },
    });
    renderPage();
    expect(await screen.findByText('These questions are no longer waiting for you')).toBeTruthy();
  });
});
