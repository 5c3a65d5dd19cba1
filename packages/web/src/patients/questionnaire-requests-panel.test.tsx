// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem } from '../app/test-app.fixture.js';
import type { QuestionnaireRequest } from '../patient-app/questionnaires/questionnaires-api.js';
import type { PatientWithEpisodes } from './patients-api.js';
import { QuestionnaireRequestsPanel } from './questionnaire-requests-panel.js';

const patient: PatientWithEpisodes = {
  id: '00000000-0000-4000-8000-0000000000a1',
  displayName: 'Alex Morgan',
  dateOfBirth: null,
  clinicianId: '00000000-0000-4000-8000-000000000001',
  hasLogin: true,
  createdAt: '2026-11-01T09:00:00.000Z',
  episodes: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      region: 'lumbar',
      condition: 'nonspecific',
      startedOn: '2026-11-02',
      status: 'active',
      dischargedOn: null,
    },
  ],
};

const base: QuestionnaireRequest = {
  id: '00000000-0000-4000-8000-0000000000r1',
  patientId: patient.id,
  episodeId: '00000000-0000-4000-8000-0000000000e1',
  instruments: ['odi', 'nprs'],
  message: 'Before Friday, please.',
  dueOn: '2026-11-12',
  state: 'pending',
  requestedBy: patient.clinicianId,
  requestedByName: 'Sam Okafor',
  createdAt: '2026-11-10T09:00:00.000Z',
  completedAt: null,
  cancelledAt: null,
  results: null,
};

const completed: QuestionnaireRequest = {
  ...base,
  id: '00000000-0000-4000-8000-0000000000r2',
  instruments: ['odi'],
  message: null,
  state: 'completed',
  completedAt: '2026-11-09T18:00:00.000Z',
  results: [
    {
      instrument: 'odi',
      answers: [1, 1, 2, 1, 1, 1, 2, 1, 1, 1],
      score: {
        instrument: 'odi',
        title: 'Oswestry Disability Index',
        score: 24,
        display: '24.0 %',
        unit: 'percent',
        band: 'moderate',
        bandLabel: 'Moderate disability',
        bandRange: '>20–40',
        subscales: {},
        answered: 10,
        missing: 0,
        interpretation: '',
        copyright: '',
      },
    },
  ],
};

function renderPanel(who: PatientWithEpisodes = patient) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <QuestionnaireRequestsPanel patient={who} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('QuestionnaireRequestsPanel', () => {
  it('lists what was sent with results, and cancels a waiting request after confirming', async () => {
    let cancelled = false;
    const seen = fakeApi({
      'GET /api/patients/:patientId/questionnaire-requests': () => ({
        status: 200,
        body: {
          requests: [cancelled ? { ...base, state: 'cancelled' } : base, completed],
        },
      }),
      'POST /api/questionnaire-requests/:requestId/cancel': () => {
        cancelled = true;
        return { status: 200, body: { ...base, state: 'cancelled' } };
      },
    });
    renderPanel();
    expect(await screen.findByText('ODI: 24.0 % (Moderate disability)')).toBeTruthy();
    expect(screen.getByText('“Before Friday, please.”')).toBeTruthy();
    expect(screen.getByText(/Waiting for the patient/u)).toBeTruthy();

    fireEvent.click(
      screen.getByRole('button', { name: 'Cancel the request for ODI, Pain (0–10)' }),
    );
    const dialog = screen.getByRole('dialog', { hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel them', hidden: true }));
    await waitFor(() => {
      expect(screen.queryByText(/Waiting for the patient/u)).toBeNull();
    });
    expect(
      seen.some(
        (request) =>
          request.method === 'POST' &&
          request.path === `/api/questionnaire-requests/${base.id}/cancel`,
      ),
    ).toBe(true);
  });

  it('sends the chosen questionnaires with a message, and shows a refusal', async () => {
    let posts = 0;
    const seen = fakeApi({
      'GET /api/patients/:patientId/questionnaire-requests': {
        status: 200,
        body: { requests: [] },
      },
      'POST /api/episodes/:episodeId/questionnaire-requests': () => {
        posts++;
        return posts === 1
          ? problem(400, 'The request is invalid.', [
              { path: 'body.dueOn', message: 'must be today (2026-11-10) or later' },
            ])
          : { status: 201, body: base };
      },
    });
    renderPanel();
    expect(await screen.findByText('No questionnaires sent yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send questionnaires' }));
    // The low back's suggestion is ticked; untick the PSFS.
    fireEvent.click(screen.getByRole('checkbox', { name: /PSFS/u }));
    fireEvent.change(screen.getByLabelText(/Message to the patient/u), {
      target: { value: 'Before Friday, please.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send to their phone' }));
    expect(
      await screen.findByText('The due date must be today (2026-11-10) or later.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send to their phone' }));
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Send to their phone' })).toBeNull();
    });
    const sent = seen.filter((request) => request.method === 'POST');
    expect(sent[1]?.path).toBe(`/api/episodes/${base.episodeId}/questionnaire-requests`);
    expect(sent[1]?.body).toEqual({
      instruments: ['odi', 'nprs'],
      message: 'Before Friday, please.',
    });
  });

  it('explains why nothing can be sent before the patient has a log-in', async () => {
    fakeApi({
      'GET /api/patients/:patientId/questionnaire-requests': {
        status: 200,
        body: { requests: [] },
      },
    });
    renderPanel({ ...patient, hasLogin: false });
    expect(await screen.findByText(/has not accepted their invitation yet/u)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send questionnaires' })).toBeNull();
  });
});
