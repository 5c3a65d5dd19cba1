// @vitest-environment jsdom
import { generateProgramme, type Profile } from '@spinewise/clinical';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SIGNED_IN_CLINICIAN,
  fakeApi,
  renderApp,
  type FakeRequest,
} from '../app/test-app.fixture.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PATIENT = '11111111-1111-4111-8111-111111111111';
const EPISODE = '22222222-2222-4222-8222-222222222222';
const PROGRAMME = '33333333-3333-4333-8333-333333333333';
const SUGGESTION = '44444444-4444-4444-8444-444444444444';

const profile: Profile = {
  region: 'lumbar',
  condition: 'nonspecific',
  symptomDurationDays: 20,
  age: 44,
  sbstRisk: 'medium',
  scores: { odi: 30, nprs: 5 },
  directionalPreference: 'none',
  osteoporosis: false,
  redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 44 } },
  goals: [{ activity: 'Gardening for an hour', rating: 4 }],
  minutesPerDay: 15,
  startDate: '2026-11-02',
};

const suggestion = {
  id: SUGGESTION,
  programmeId: PROGRAMME,
  decidedFor: '2026-11-10',
  exerciseId: 'glute-bridge',
  name: 'Glute bridge',
  decision: 'progress',
  state: 'suggested',
  reason: '100 % of planned sessions done, pain settled by the next morning.',
  rule: 'progress.criteriaMet',
  sources: ['S-PMM', 'S-ACSM'],
  current: {
    exerciseId: 'glute-bridge',
    level: 1,
    dose: { sets: 1, reps: 8, perDay: 1, daysPerWeek: 3 },
  },
  proposed: {
    exerciseId: 'glute-bridge',
    level: 1,
    dose: { sets: 1, reps: 10, perDay: 1, daysPerWeek: 3 },
    change: { kind: 'dose' },
  },
  requiresClinician: true,
  reviewReason: null,
};

function routes(reviews: FakeRequest[]) {
  const summary = {
    id: PROGRAMME,
    episodeId: EPISODE,
    status: 'active',
    currentVersion: 1,
    activeVersion: 1,
    startDate: '2026-11-02',
    endDate: '2026-12-27',
    versions: [],
  };
  return {
    'GET /api/session': { status: 200, body: { user: SIGNED_IN_CLINICIAN } },
    'GET /api/patients/:patientId': {
      status: 200,
      body: {
        id: PATIENT,
        displayName: 'Jordan Avery',
        dateOfBirth: null,
        clinicianId: SIGNED_IN_CLINICIAN.id,
        hasLogin: true,
        createdAt: '2026-11-01T09:00:00Z',
        episodes: [
          {
            id: EPISODE,
            region: 'lumbar',
            condition: 'nonspecific',
            startedOn: '2026-11-01',
            status: 'active',
            dischargedOn: null,
          },
        ],
      },
    },
    'GET /api/patients/:patientId/timeline': { status: 200, body: { items: [], truncated: false } },
    'GET /api/patients/:patientId/logs': {
      status: 200,
      body: { from: '2026-08-19', to: '2026-11-10', logs: [], truncated: false },
    },
    'GET /api/patients/:patientId/notes': { status: 200, body: { notes: [] } },
    'GET /api/episodes/:episodeId/assessments': {
      status: 200,
      body: {
        assessments: [
          {
            id: '55555555-5555-4555-8555-555555555555',
            kind: 'baseline',
            assessedAt: '2026-11-01T10:00:00Z',
            scores: [
              { instrument: 'odi', score: 30, display: '30 %', band: null, bandLabel: null },
            ],
          },
        ],
      },
    },
    'GET /api/episodes/:episodeId/programmes': { status: 200, body: { programmes: [summary] } },
    'GET /api/programmes/:programmeId': {
      status: 200,
      body: { ...summary, current: { version: 1, content: generateProgramme(profile) } },
    },
    'GET /api/programmes/:programmeId/progression': {
      status: 200,
      body: {
        programmeId: PROGRAMME,
        version: 1,
        today: '2026-11-10',
        week: 2,
        status: 'continue',
        suggestions: reviews.length === 0 ? [suggestion] : [],
        flags: [],
        adherence: [],
      },
    },
    'POST /api/progression-decisions/:decisionId/reject': (request: FakeRequest) => {
      reviews.push(request);
      return {
        status: 200,
        body: { suggestion: { ...suggestion, state: 'rejected' }, programmeVersion: null },
      };
    },
  };
}

describe('the patient chart', () => {
  it('shows the outcome chart with its MCID band, and rejects a suggestion only with a reason', async () => {
    const reviews: FakeRequest[] = [];
    fakeApi(routes(reviews));
    renderApp(`/patients/${PATIENT}/chart`);
    await screen.findByRole('heading', { level: 1, name: 'Jordan Avery: chart' });
    await screen.findByRole('img', { name: 'ODI over time' });
    expect(screen.getByTestId('mcid-band')).toBeDefined();

    const panel = screen.getByRole('region', { name: 'Progression suggestions' });
    await within(panel).findByText('Glute bridge');
    expect(
      within(panel).getByText(/1 × 8, 1 a day, 3 days a week → proposed: 1 × 10/u),
    ).toBeDefined();
    expect(within(panel).getByText(/S-PMM, S-ACSM/u)).toBeDefined();

    fireEvent.click(within(panel).getByRole('button', { name: 'Reject…' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Reject with this reason' }));
    expect(within(panel).getByText(/Write why this suggestion does not fit/u)).toBeDefined();
    expect(reviews).toHaveLength(0);

    fireEvent.change(within(panel).getByLabelText('Why reject it?'), {
      target: { value: 'Flare-up last week.' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Reject with this reason' }));
    await within(panel).findByText('Rejected for Glute bridge; the programme stays as it is.');
    expect(reviews[0]?.body).toEqual({ reason: 'Flare-up last week.' });
    await waitFor(() => {
      expect(within(panel).queryByText('Glute bridge')).toBeNull();
    });
  });
  it('lets the author amend their own note, sending only what changed', async () => {
    const note = {
      id: '66666666-6666-4666-8666-666666666666',
      patientId: PATIENT,
      episodeId: EPISODE,
      region: 'lumbar',
      authorId: SIGNED_IN_CLINICIAN.id,
      authorName: 'Sam Okafor',
      visitOn: '2026-11-09',
      subjective: 'Better.',
      objective: '',
      assessment: 'Improving.',
      plan: 'Continue.',
      passiveTreatments: [],
      createdAt: '2026-11-09T10:00:00Z',
      updatedAt: '2026-11-09T10:00:00Z',
    };
    const other = {
      ...note,
      id: '77777777-7777-4777-8777-777777777777',
      authorId: '00000000-0000-4000-8000-000000000099',
      authorName: 'Priya Shah',
      visitOn: '2026-11-02',
    };
    const patches: FakeRequest[] = [];
    fakeApi({
      ...routes([]),
      'GET /api/patients/:patientId/notes': { status: 200, body: { notes: [note, other] } },
      'PATCH /api/notes/:noteId': (request: FakeRequest) => {
        patches.push(request);
        return { status: 200, body: { ...note, plan: 'Review in two weeks.' } };
      },
    });
    renderApp(`/patients/${PATIENT}/chart`);
    const notes = await screen.findByRole('region', { name: 'Visit notes' });
    await within(notes).findByText('Priya Shah', { exact: false });
    // Only the signed-in clinician's own note offers an amendment.
    expect(within(notes).getAllByRole('button', { name: 'Amend this note' })).toHaveLength(1);
    fireEvent.click(within(notes).getByRole('button', { name: 'Amend this note' }));
    fireEvent.change(within(notes).getByLabelText(/^Plan/u), {
      target: { value: 'Review in two weeks.' },
    });
    fireEvent.click(within(notes).getByRole('button', { name: 'Save changes' }));
    await within(notes).findByText('Review in two weeks.');
    expect(patches).toHaveLength(1);
    expect(patches[0]?.params).toEqual({ noteId: note.id });
    expect(patches[0]?.body).toEqual({ plan: 'Review in two weeks.' });
  });
});
