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
  history: null,
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
    // An assessment saved without a history says so.
    expect(screen.getByText('No history was recorded with this assessment.')).toBeTruthy();
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

describe('the history step', () => {
  it('records surgery, factors and work, saves them and shows them on the result', async () => {
    const history = {
      surgery: 'L4/5 discectomy, 2019',
      aggravating: ['Sitting', 'Long drives'],
      easing: ['Walking'],
      work: { occupation: 'Bus driver', status: 'offWork', demands: 'sedentary' },
    };
    const seen = fakeApi(
      routes({
        'POST /api/episodes/:episodeId/assessments': {
          status: 201,
          body: { ...savedRecord, screen: quietScreen, decisionPending: false, history },
        },
      }),
    );
    renderApp(flowPath);
    const surgery = await screen.findByRole('group', { name: /spinal surgery before/u });
    fireEvent.click(within(surgery).getByLabelText('Yes'));
    fireEvent.change(screen.getByLabelText(/Details of the surgery/u), {
      target: { value: 'L4/5 discectomy, 2019' },
    });

    const aggravating = screen.getByRole('group', { name: /^Aggravating factors/u });
    fireEvent.click(within(aggravating).getByRole('button', { name: 'Add Sitting' }));
    fireEvent.click(within(aggravating).getByRole('button', { name: 'Add Bending' }));
    // A suggestion already taken is not offered again.
    expect(within(aggravating).queryByRole('button', { name: 'Add Sitting' })).toBeNull();
    const other = within(aggravating).getByLabelText(/Another of the aggravating factors/u);
    fireEvent.change(other, { target: { value: 'Long drives' } });
    fireEvent.keyDown(other, { key: 'Enter' });
    fireEvent.click(
      within(aggravating).getByRole('button', { name: 'Remove Bending from aggravating factors' }),
    );
    expect(
      within(within(aggravating).getByRole('list'))
        .getAllByRole('listitem')
        .map((item) => item.textContent.replace('Remove', '')),
    ).toEqual(['Sitting', 'Long drives']);
    // Enter added the entry; it did not move on to the next step.
    expect(screen.getByRole('heading', { level: 2, name: 'History' })).toBeTruthy();

    const easing = screen.getByRole('group', { name: /^Easing factors/u });
    fireEvent.click(within(easing).getByRole('button', { name: 'Add Walking' }));
    fireEvent.change(screen.getByLabelText(/Occupation/u), { target: { value: 'Bus driver' } });
    fireEvent.change(screen.getByLabelText(/Work status/u), { target: { value: 'offWork' } });
    fireEvent.change(screen.getByLabelText(/Physical demands/u), {
      target: { value: 'sedentary' },
    });

    await goToStep('Review and save');
    fireEvent.click(await screen.findByRole('button', { name: 'Save the assessment' }));
    const shown = await screen.findByRole('heading', { level: 2, name: 'History' });
    const section = shown.closest('section');
    if (section === null) throw new Error('no history section');
    expect(section.textContent).toContain('L4/5 discectomy, 2019');
    expect(section.textContent).toContain('Sitting; Long drives');
    expect(section.textContent).toContain('Off work');
    const saved = seen.find((request) => request.method === 'POST' && request.params.episodeId);
    expect((saved?.body as { history: unknown }).history).toEqual(history);
  });

  it('asks for the surgery details before saving, on the history step', async () => {
    const seen = fakeApi(routes());
    renderApp(flowPath);
    const surgery = await screen.findByRole('group', { name: /spinal surgery before/u });
    fireEvent.click(within(surgery).getByLabelText('Yes'));
    await goToStep('Review and save');
    fireEvent.click(await screen.findByRole('button', { name: 'Save the assessment' }));
    await screen.findByRole('heading', { level: 2, name: 'History' });
    expect(
      screen.getAllByText(/Details of the surgery are needed when the patient has had surgery/u)
        .length,
    ).toBeGreaterThan(0);
    expect(
      seen.some((request) => request.method === 'POST' && request.path.endsWith('/assessments')),
    ).toBe(false);
  });

  it('puts the API’s history errors beside their field', async () => {
    fakeApi(
      routes({
        'POST /api/episodes/:episodeId/assessments': problem(400, 'Check the history.', [
          { path: 'body.history.work.status', message: 'is not one of the choices' },
        ]),
      }),
    );
    renderApp(flowPath);
    fireEvent.change(await screen.findByLabelText(/Work status/u), {
      target: { value: 'retired' },
    });
    await goToStep('Review and save');
    fireEvent.click(await screen.findByRole('button', { name: 'Save the assessment' }));
    await screen.findByRole('heading', { level: 2, name: 'History' });
    await waitFor(() => {
      expect(screen.getByLabelText(/Work status/u).getAttribute('aria-invalid')).toBe('true');
    });
    expect(screen.getAllByText('Work status is not one of the choices.').length).toBeGreaterThan(0);
  });
});

describe('sending the questionnaires to the patient’s phone', () => {
  const withLogin = { ...patient, hasLogin: true };
  const request = {
    id: '44444444-4444-4444-8444-444444444444',
    patientId,
    episodeId,
    instruments: ['nprs'],
    message: null,
    dueOn: '2026-11-25',
    state: 'pending',
    requestedBy: SIGNED_IN_CLINICIAN.id,
    requestedByName: SIGNED_IN_CLINICIAN.displayName,
    createdAt: '2026-11-22T10:00:00Z',
    completedAt: null,
    cancelledAt: null,
    results: null,
  };

  it('says the patient needs a log-in first when they have none', async () => {
    const seen = fakeApi(routes());
    renderApp(flowPath);
    await goToStep('Questionnaires');
    fireEvent.click(await screen.findByLabelText('Send to the patient’s phone'));
    expect(await screen.findByText(/accepting their invitation/u)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Send to Jordan Avery/u })).toBeNull();
    expect(seen.some((seenRequest) => seenRequest.path.includes('questionnaire-requests'))).toBe(
      false,
    );
  });

  it('sends the chosen set with a note, and saves the assessment without them', async () => {
    const seen = fakeApi(
      routes({
        'GET /api/patients/:patientId': { status: 200, body: withLogin },
        'GET /api/patients/:patientId/questionnaire-requests': {
          status: 200,
          body: { requests: [] },
        },
        'POST /api/episodes/:episodeId/questionnaire-requests': (sent) => ({
          status: 201,
          body: { ...request, ...(sent.body as object) },
        }),
      }),
    );
    renderApp(flowPath);
    await goToStep('Questionnaires');
    fireEvent.change(await screen.findByLabelText(/Item 1/u), { target: { value: '5' } });
    fireEvent.click(screen.getByLabelText('Send to the patient’s phone'));
    // Filling in now and sending are one or the other.
    expect(screen.queryByLabelText(/Item 1/u)).toBeNull();
    fireEvent.change(screen.getByLabelText(/A note for the patient/u), {
      target: { value: 'Please fill these in before Friday.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send to Jordan Avery’s phone' }));
    const status = await screen.findByText(/Sent to Jordan Avery’s phone/u);
    expect(status.textContent).toContain('Pain (0–10)');
    const sent = seen.find(
      (seenRequest) =>
        seenRequest.method === 'POST' && seenRequest.path.endsWith('/questionnaire-requests'),
    );
    expect(sent?.path).toBe(`/api/episodes/${episodeId}/questionnaire-requests`);
    expect(sent?.body).toEqual({
      instruments: ['nprs'],
      message: 'Please fill these in before Friday.',
    });

    await goToStep('Review and save');
    expect(await screen.findByText(/Sent to the patient’s phone, so not in this/u)).toBeTruthy();
  });

  it('shows why sending failed', async () => {
    fakeApi(
      routes({
        'GET /api/patients/:patientId': { status: 200, body: withLogin },
        'GET /api/patients/:patientId/questionnaire-requests': {
          status: 200,
          body: { requests: [] },
        },
        'POST /api/episodes/:episodeId/questionnaire-requests': problem(
          409,
          'A request for these questionnaires is already waiting.',
        ),
      }),
    );
    renderApp(flowPath);
    await goToStep('Questionnaires');
    fireEvent.click(await screen.findByLabelText('Send to the patient’s phone'));
    fireEvent.click(screen.getByRole('button', { name: 'Send to Jordan Avery’s phone' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('already waiting');
  });

  it('fills in the answers the patient gave on their phone', async () => {
    const seen = fakeApi(
      routes({
        'GET /api/patients/:patientId': { status: 200, body: withLogin },
        'GET /api/patients/:patientId/questionnaire-requests': {
          status: 200,
          body: {
            requests: [
              {
                ...request,
                state: 'completed',
                completedAt: '2026-11-21T12:00:00Z',
                results: [
                  { instrument: 'nprs', answers: [5], score: {} },
                  {
                    instrument: 'psfs',
                    answers: [
                      { activity: 'Gardening', rating: 3 },
                      { activity: 'Cycling', rating: 5 },
                      { activity: 'Lifting my son', rating: 2 },
                    ],
                    score: {},
                  },
                ],
              },
              {
                ...request,
                id: '55555555-5555-4555-8555-555555555555',
                episodeId: '66666666-6666-4666-8666-666666666666',
                state: 'completed',
                completedAt: '2026-10-01T12:00:00Z',
                results: [{ instrument: 'nprs', answers: [0], score: {} }],
              },
            ],
          },
        },
        'POST /api/episodes/:episodeId/assessments': {
          status: 201,
          body: { ...savedRecord, screen: quietScreen, decisionPending: false },
        },
      }),
    );
    renderApp(flowPath);
    await goToStep('Questionnaires');
    const use = await screen.findByRole('button', {
      name: 'Use the answers Jordan Avery gave on 21 Nov 2026',
    });
    // Only this episode's answers are offered.
    expect(screen.queryByRole('button', { name: /gave on 1 Oct 2026/u })).toBeNull();
    fireEvent.click(screen.getByLabelText('Send to the patient’s phone'));
    fireEvent.click(use);
    expect(await screen.findByText(/Their answers are filled in below/u)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>(/Item 1/u).value).toBe('5');

    await goToStep('Review and save');
    fireEvent.click(await screen.findByRole('button', { name: 'Save the assessment' }));
    await screen.findByRole('heading', { level: 2, name: 'Scores' });
    const saved = seen.find(
      (seenRequest) => seenRequest.method === 'POST' && seenRequest.path.endsWith('/assessments'),
    );
    expect((saved?.body as { questionnaires: unknown }).questionnaires).toEqual([
      { instrument: 'nprs', answers: [5] },
      {
        instrument: 'psfs',
        answers: [
          { activity: 'Gardening', rating: 3 },
          { activity: 'Cycling', rating: 5 },
          { activity: 'Lifting my son', rating: 2 },
        ],
      },
    ]);
  });
});
