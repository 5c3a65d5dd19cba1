// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SIGNED_IN_CLINICIAN,
  fakeApi,
  problem,
  renderApp,
  type FakeRoutes,
} from '../app/test-app.fixture.js';
import type { RedFlagScreen } from './assessment-api.js';
import { RedFlagBanner } from './red-flag-banner.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const patientId = '11111111-1111-4111-8111-111111111111';
const episodeId = '22222222-2222-4222-8222-222222222222';
const assessmentId = '33333333-3333-4333-8333-333333333333';

const patient = {
  id: patientId,
  displayName: 'Jordan Avery',
  dateOfBirth: null,
  clinicianId: SIGNED_IN_CLINICIAN.id,
  hasLogin: false,
  createdAt: '2026-11-22T09:00:00Z',
  episodes: [
    {
      id: episodeId,
      region: 'lumbar',
      condition: 'nonSpecificLowBackPain',
      startedOn: '2026-11-20',
      status: 'active',
      dischargedOn: null,
    },
  ],
};

const nprs = {
  id: 'nprs',
  title: 'Numeric pain rating scale',
  shortTitle: 'Pain',
  region: 'any',
  description: '',
  itemCount: 1,
  answerCount: { min: 1, max: 1 },
  items: [
    {
      id: 'nprs-1',
      number: 1,
      label: 'Pain now',
      options: [
        { value: 0, label: '0' },
        { value: 5, label: '5' },
      ],
      scored: true,
    },
  ],
  copyright: 'Public domain.',
  licenceNote: '',
  wording: 'paraphrase',
  licensed: null,
  sources: [],
};

const quietScreen: RedFlagScreen = {
  region: 'lumbar',
  action: 'none',
  concerns: [],
  unanswered: ['bladderDysfunction'],
  safetyNet: null,
  contraindications: [],
  requiresClinicianDecision: false,
  disclaimer: 'Decision support only.',
  sources: ['S-RF'],
};

const urgentScreen: RedFlagScreen = {
  ...quietScreen,
  action: 'emergency',
  unanswered: [],
  requiresClinicianDecision: true,
  concerns: [
    {
      condition: 'caudaEquinaSyndrome',
      title: 'Cauda equina syndrome',
      level: 'high',
      action: 'emergency',
      findings: ['bladderDysfunction'],
      criteria: 'Any bladder, bowel or saddle change.',
      recommendation: 'Send the patient to the emergency department now.',
      sources: ['S-CES'],
    },
  ],
};

const savedRecord = {
  id: assessmentId,
  episodeId,
  patientId,
  kind: 'baseline',
  assessedAt: '2026-11-22T10:00:00Z',
  createdBy: SIGNED_IN_CLINICIAN.id,
  questionnaires: [],
  redFlags: { findings: { bladderDysfunction: true } },
  screen: urgentScreen,
  classification: null,
  flagDecision: null,
  decisionPending: true,
  change: null,
};

function routes(extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/session': { status: 200, body: { user: SIGNED_IN_CLINICIAN } },
    'GET /api/patients/:patientId': { status: 200, body: patient },
    'GET /api/instruments': { status: 200, body: { instruments: [nprs] } },
    'GET /api/episodes/:episodeId/assessments': { status: 200, body: { assessments: [] } },
    'POST /api/red-flag-screen': (request) => {
      const findings = (request.body as { findings: Record<string, unknown> }).findings;
      return {
        status: 200,
        body: findings.bladderDysfunction === true ? urgentScreen : quietScreen,
      };
    },
    ...extra,
  };
}

const flowPath = `/patients/${patientId}/episodes/${episodeId}/assess`;

/** Jumps to a step by the step list (not the "Next" button, which names the step too). */
async function goToStep(title: string) {
  const name = new RegExp(`^(?!Next).*${title}`, 'u');
  fireEvent.click(await screen.findByRole('button', { name }));
}

describe('the red-flag banner', () => {
  it('shows an emergency as an alert with the action and the findings', () => {
    render(<RedFlagBanner screen={urgentScreen} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveProperty('textContent', expect.stringContaining('Emergency'));
    expect(within(alert).getByText(/emergency department now/u)).toBeTruthy();
    expect(within(alert).getByText(/New bladder change/u)).toBeTruthy();
    expect(within(alert).getByText(/Your decision is needed/u)).toBeTruthy();
  });

  it('raises no alert when nothing is emergency or urgent', () => {
    render(<RedFlagBanner screen={quietScreen} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/No emergency or urgent red flags/u)).toBeTruthy();
  });
});

describe('the assessment flow', () => {
  it('screens the answers as they change and shows an emergency at once', async () => {
    const seen = fakeApi(routes());
    renderApp(flowPath);
    await goToStep('Red-flag screen');
    expect(await screen.findByText(/No emergency or urgent red flags/u)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    const bladder = screen.getByRole('group', { name: /New bladder change/u });
    fireEvent.click(within(bladder).getByLabelText('Yes'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Cauda equina syndrome');
    const screens = seen.filter((request) => request.path === '/api/red-flag-screen');
    expect(screens.at(-1)?.body).toEqual({
      region: 'lumbar',
      findings: { bladderDysfunction: true },
    });
  });

  it('shows item numbers, not item text, without the licensed wording [S-LIC]', async () => {
    fakeApi(routes());
    renderApp(flowPath);
    await goToStep('Questionnaires');
    expect(await screen.findByLabelText(/Item 1/u)).toBeTruthy();
    expect(screen.queryByText('Pain now')).toBeNull();
  });

  it('puts a field error from the API on its step, beside its field', async () => {
    fakeApi(
      routes({
        'POST /api/episodes/:episodeId/assessments': problem(400, 'Some answers need a look.', [
          { path: 'body.questionnaires[0].answers[0]', message: 'must be a whole number' },
        ]),
      }),
    );
    renderApp(flowPath);
    await goToStep('Questionnaires');
    fireEvent.change(await screen.findByLabelText(/Item 1/u), { target: { value: '5' } });
    await goToStep('Review and save');
    fireEvent.click(await screen.findByRole('button', { name: 'Save the assessment' }));
    const field = await screen.findByLabelText(/Item 1/u);
    await waitFor(() => {
      expect(field.getAttribute('aria-invalid')).toBe('true');
    });
    expect(screen.getAllByText('Pain item 1 must be a whole number.').length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { level: 2, name: 'Questionnaires' })).toBeTruthy();
  });

  it('saves, shows the result and asks for the decision on the flags', async () => {
    const seen = fakeApi(
      routes({
        'POST /api/episodes/:episodeId/assessments': { status: 201, body: savedRecord },
        'POST /api/assessments/:assessmentId/flag-decision': (request) => ({
          status: 200,
          body: {
            ...savedRecord,
            decisionPending: false,
            flagDecision: {
              ...(request.body as object),
              by: SIGNED_IN_CLINICIAN.id,
              at: '2026-11-22T10:05:00Z',
            },
          },
        }),
      }),
    );
    const { router } = renderApp(flowPath);
    await goToStep('Red-flag screen');
    const bladder = await screen.findByRole('group', { name: /New bladder change/u });
    fireEvent.click(within(bladder).getByLabelText('Yes'));
    await screen.findByRole('alert');
    await goToStep('Review and save');
    fireEvent.click(await screen.findByRole('button', { name: 'Save the assessment' }));

    await screen.findByRole('heading', { name: 'Your decision on the red flags' });
    expect(router.state.location.pathname).toBe(
      `/patients/${patientId}/assessments/${assessmentId}`,
    );
    const saved = seen.find((request) => request.method === 'POST' && request.params.episodeId);
    expect(saved?.body).toEqual({
      kind: 'baseline',
      questionnaires: [],
      redFlags: { findings: { bladderDysfunction: true } },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText(/Choose your decision/u)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Referred on/u));
    fireEvent.change(screen.getByLabelText('Reason'), {
      target: { value: 'Sent to the emergency department.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText(/Sent to the emergency department\./u)).toBeTruthy();
    const decision = seen.find((request) => request.path.endsWith('/flag-decision'));
    expect(decision?.body).toEqual({
      decision: 'referred',
      reason: 'Sent to the emergency department.',
    });
  });
});
