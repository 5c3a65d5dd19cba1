// @vitest-environment jsdom
import { generateProgramme, libraryLookup, type Programme } from '@spinewise/clinical';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SIGNED_IN_CLINICIAN,
  fakeApi,
  problem,
  renderApp,
  type FakeRequest,
} from '../app/test-app.fixture.js';
import type { ProgrammeDetail } from './programmes-api.js';

const PROGRAMME_ID = '00000000-0000-4000-8000-0000000000a1';
const PATIENT_ID = '00000000-0000-4000-8000-0000000000b1';

// A real programme from the clinical core, so the page reads what the server would send.
const content: Programme = generateProgramme(
  {
    region: 'lumbar',
    condition: 'nonspecific',
    symptomDurationDays: 12,
    age: 38,
    sbstRisk: 'medium',
    scores: { odi: 34, nprs: 6 },
    directionalPreference: 'none',
    osteoporosis: false,
    redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 38 } },
    goals: [{ activity: 'Sitting through a meeting', rating: 5 }],
    minutesPerDay: 15,
    startDate: '2026-11-23',
  },
  // Three weeks keep jsdom quick; the dose check reads the first two.
  { weeks: 3 },
);

function detail(version: number, programme: Programme = content): ProgrammeDetail {
  const info = (n: number) => ({
    version: n,
    status: n === 1 ? ('generated' as const) : ('edited' as const),
    editedBy: SIGNED_IN_CLINICIAN.id,
    approvedBy: null,
    approvedAt: null,
    changeReason: n === 1 ? null : 'Easier start',
    createdAt: '2026-11-22T09:00:00.000Z',
  });
  return {
    id: PROGRAMME_ID,
    episodeId: '00000000-0000-4000-8000-0000000000e1',
    patientId: PATIENT_ID,
    status: version === 1 ? 'generated' : 'edited',
    currentVersion: version,
    activeVersion: null,
    startDate: programme.startDate,
    endDate: programme.endDate,
    createdAt: '2026-11-22T09:00:00.000Z',
    updatedAt: '2026-11-22T09:00:00.000Z',
    versions: Array.from({ length: version }, (_, index) => info(index + 1)),
    current: { ...info(version), programmeId: PROGRAMME_ID, content: programme },
  };
}

const session = { status: 200, body: { user: SIGNED_IN_CLINICIAN } };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const first = content.weeks[0]?.sessions[0]?.exercises[0];
if (first === undefined) throw new Error('the fixture programme has no exercise in week 1');
const firstExercise = libraryLookup(first.id);
if (firstExercise === undefined) throw new Error('the first exercise is not in the library');
const setsBounds = firstExercise.dosage.bounds.sets;

async function openDoseEditor() {
  renderApp(`/programmes/${PROGRAMME_ID}`);
  fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
  const buttons = screen.getAllByRole('button', { name: /^Change dose/u });
  fireEvent.click(buttons[0] as HTMLElement);
}

// Rendering whole weeks in jsdom is slow on a busy machine: room beyond the default 5 s.
describe('the programme page', { timeout: 30_000 }, () => {
  it('shows each week with its doses and the rationale of every choice', async () => {
    fakeApi({
      'GET /api/session': session,
      [`GET /api/programmes/${PROGRAMME_ID}`]: { status: 200, body: detail(1) },
    });
    renderApp(`/programmes/${PROGRAMME_ID}`);
    expect(await screen.findByRole('heading', { level: 2, name: /^Week 1:/u })).toBeTruthy();
    expect(screen.getAllByText(first.name).length).toBeGreaterThan(0);
    const rule = content.rationale[0]?.rule ?? '';
    expect(screen.getAllByText(rule).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Approve version 1' })).toBeTruthy();
  });

  it('refuses a dose outside the exercise’s bounds, then saves one within them', async () => {
    const seen: FakeRequest[] = [];
    fakeApi({
      'GET /api/session': session,
      [`GET /api/programmes/${PROGRAMME_ID}`]: { status: 200, body: detail(1) },
      [`PUT /api/programmes/${PROGRAMME_ID}`]: (request) => {
        seen.push(request);
        return { status: 200, body: detail(2) };
      },
    });
    await openDoseEditor();
    const sets = screen.getByRole('spinbutton', { name: 'Sets' });
    fireEvent.change(sets, { target: { value: String(setsBounds.max + 1) } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this dose' }));
    expect(
      await screen.findByText(
        `Sets must be a whole number from ${String(setsBounds.min)} to ${String(setsBounds.max)}.`,
        { selector: '.field-error' },
      ),
    ).toBeTruthy();

    const wanted = first.sets === setsBounds.min ? setsBounds.max : setsBounds.min;
    fireEvent.change(sets, { target: { value: String(wanted) } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this dose' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Why are you changing the programme?' }), {
      target: { value: 'A gentler start' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));

    expect(await screen.findByText(/Saved as version 2/u)).toBeTruthy();
    expect(seen).toHaveLength(1);
    const body = seen[0]?.body as { baseVersion: number; changeReason: string; content: Programme };
    expect(body.baseVersion).toBe(1);
    expect(body.changeReason).toBe('A gentler start');
    expect(body.content.weeks[0]?.sessions[0]?.exercises[0]?.sets).toBe(wanted);
    // Only the week the clinician changed.
    expect(body.content.weeks[1]?.sessions[0]?.exercises[0]).toEqual(
      content.weeks[1]?.sessions[0]?.exercises[0],
    );
  });

  it('tells the clinician someone else edited, and reloads on request', async () => {
    let reads = 0;
    fakeApi({
      'GET /api/session': session,
      [`GET /api/programmes/${PROGRAMME_ID}`]: () => {
        reads += 1;
        return { status: 200, body: detail(reads === 1 ? 1 : 2) };
      },
      [`PUT /api/programmes/${PROGRAMME_ID}`]: problem(
        409,
        'The programme is now at version 2; you edited version 1.',
      ),
    });
    await openDoseEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Use this dose' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Why are you changing the programme?' }), {
      target: { value: 'Tweak' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Someone else changed this programme/u)).toBeTruthy();
    expect(within(alert).getByText(/now at version 2/u)).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: /Load the latest version/u }));
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Approve version 2' })).toBeTruthy();
    });
    expect(screen.queryByRole('heading', { name: /Editing/u })).toBeNull();
  });

  it('lists the server’s refusal of an exercise with where it is and why', async () => {
    fakeApi({
      'GET /api/session': session,
      [`GET /api/programmes/${PROGRAMME_ID}`]: { status: 200, body: detail(1) },
      [`PUT /api/programmes/${PROGRAMME_ID}`]: problem(
        400,
        'The programme cannot be saved as it is; see errors.',
        [
          {
            path: 'body.content.weeks[0].sessions[0].exercises[0].id',
            message: 'is not allowed for this patient: flexion under load',
          },
        ],
      ),
    });
    await openDoseEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Use this dose' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Why are you changing the programme?' }), {
      target: { value: 'Tweak' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect(
      await screen.findByText(
        `Week 1, ${first.name}: is not allowed for this patient: flexion under load`,
      ),
    ).toBeTruthy();
  });
});
