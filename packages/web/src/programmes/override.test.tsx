// @vitest-environment jsdom
import { generateProgramme, getExercise, type Programme } from '@spinewise/clinical';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SIGNED_IN_CLINICIAN,
  fakeApi,
  renderApp,
  type FakeRequest,
} from '../app/test-app.fixture.js';
import type { ProgrammeDetail } from './programmes-api.js';

const PROGRAMME_ID = '00000000-0000-4000-8000-0000000000a2';
const PATIENT_ID = '00000000-0000-4000-8000-0000000000b2';
const COLLEAGUE = '00000000-0000-4000-8000-000000000002';

const content: Programme = generateProgramme(
  {
    region: 'lumbar',
    condition: 'nonspecific',
    symptomDurationDays: 12,
    age: 38,
    scores: { odi: 34, nprs: 6 },
    directionalPreference: 'none',
    osteoporosis: false,
    redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 38 } },
    minutesPerDay: 15,
    startDate: '2026-11-23',
  },
  { weeks: 2 },
);

const pressUp = getExercise('prone-press-up');
const fold = getExercise('forward-fold');
const inFirstSession = new Set(
  content.weeks[0]?.sessions[0]?.exercises.map((exercise) => exercise.id),
);
if (inFirstSession.has(pressUp.id) || inFirstSession.has(fold.id)) {
  throw new Error('the fixture already prescribes an exercise the test swaps in');
}

function detail(programme: Programme): ProgrammeDetail {
  const info = {
    version: 1,
    status: 'generated' as const,
    editedBy: SIGNED_IN_CLINICIAN.id,
    approvedBy: null,
    approvedAt: null,
    changeReason: null,
    createdAt: '2026-11-22T09:00:00.000Z',
  };
  return {
    id: PROGRAMME_ID,
    episodeId: '00000000-0000-4000-8000-0000000000e2',
    patientId: PATIENT_ID,
    status: 'generated',
    currentVersion: 1,
    activeVersion: null,
    startDate: programme.startDate,
    endDate: programme.endDate,
    createdAt: '2026-11-22T09:00:00.000Z',
    updatedAt: '2026-11-22T09:00:00.000Z',
    versions: [info],
    current: { ...info, programmeId: PROGRAMME_ID, content: programme },
  };
}

const extensionEarly = {
  rule: 'safety.direction.extensionEarly',
  text: 'Flexion preference, stenosis or spondylolisthesis: no end-range extension in the first phase.',
  sources: ['S-MDT', 'S-STEN'],
};
const osteoporosis = {
  rule: 'safety.osteoporosis.flexion',
  text: 'Osteoporosis: no loaded or end-range spinal flexion.',
  sources: ['S-OSTEO'],
};
const verdicts = {
  exercises: [
    {
      id: pressUp.id,
      name: pressUp.name,
      suitability: { allowed: false, reasons: [extensionEarly.text], details: [extensionEarly] },
    },
    {
      id: fold.id,
      name: fold.name,
      suitability: { allowed: false, reasons: [osteoporosis.text], details: [osteoporosis] },
    },
  ],
};

const routes = {
  'GET /api/session': { status: 200, body: { user: SIGNED_IN_CLINICIAN, clinicName: 'Riverside' } },
  'GET /api/staff': {
    status: 200,
    body: {
      staff: [
        {
          id: SIGNED_IN_CLINICIAN.id,
          displayName: 'Sam Okafor',
          role: 'clinician',
          disabled: false,
        },
        { id: COLLEAGUE, displayName: 'Priya Shah', role: 'clinician', disabled: false },
      ],
    },
  },
  [`GET /api/exercises?patientId=${PATIENT_ID}`]: { status: 200, body: verdicts },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('overriding a first-phase precaution', { timeout: 30_000 }, () => {
  it('offers it apart with its reasons, needs a reason, and sends it with the edit', async () => {
    const seen: FakeRequest[] = [];
    fakeApi({
      ...routes,
      [`GET /api/programmes/${PROGRAMME_ID}`]: { status: 200, body: detail(content) },
      [`PUT /api/programmes/${PROGRAMME_ID}`]: (request) => {
        seen.push(request);
        return { status: 200, body: detail(content) };
      },
    });
    renderApp(`/programmes/${PROGRAMME_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getAllByRole('button', { name: /^Swap/u })[0] as HTMLElement);

    const picker = await screen.findByRole('region', { name: 'Needs your reason' });
    // The main list stays what the safety rules allow.
    const select = screen.getByRole('combobox', { name: /Exercise to use instead/u });
    const offered = within(select)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(offered.some((label) => label.startsWith(pressUp.name))).toBe(false);
    expect(offered.some((label) => label.startsWith(fold.name))).toBe(false);
    // Held back in the first phase: offered with its reason and sources.
    expect(
      within(picker).getByText(`${pressUp.name} (level ${String(pressUp.level)})`),
    ).toBeTruthy();
    expect(within(picker).getByText(/\[S-MDT\] \[S-STEN\]/u)).toBeTruthy();
    expect(within(picker).queryByText(new RegExp(fold.name, 'u'))).toBeNull();
    // Absolutely excluded: listed as not offered, never choosable.
    expect(screen.getByText(/Not offered for this patient/u)).toBeTruthy();
    expect(screen.getByText(fold.name)).toBeTruthy();
    expect(screen.queryByRole('button', { name: new RegExp(`: ${fold.name}`, 'u') })).toBeNull();

    fireEvent.click(within(picker).getByRole('button', { name: /Give with a reason/u }));
    fireEvent.click(screen.getByRole('button', { name: 'Swap with this reason' }));
    expect(
      await screen.findByText(`Write why ${pressUp.name} suits this patient now.`, {
        selector: '.field-error',
      }),
    ).toBeTruthy();

    fireEvent.change(
      screen.getByRole('textbox', { name: `Your reason for giving ${pressUp.name} now` }),
      { target: { value: 'Leg pain centralises with repeated extension.' } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Swap with this reason' }));
    expect(await screen.findByText('Leg pain centralises with repeated extension.')).toBeTruthy();
    expect(screen.getByText(/not saved yet/u, { selector: '.override-note span' })).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'Why are you changing the programme?' }), {
      target: { value: 'Responds to extension' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    await screen.findByText(/Saved as version/u);
    const body = seen[0]?.body as { content: Programme };
    const swapped = body.content.weeks[0]?.sessions[0]?.exercises[0] as unknown as {
      id: string;
      override?: unknown;
    };
    expect(swapped.id).toBe(pressUp.id);
    expect(swapped.override).toEqual({
      reason: 'Leg pain centralises with repeated extension.',
      rules: ['safety.direction.extensionEarly'],
    });
  });

  it('shows a saved override with who and when, and the clinic in the header', async () => {
    const overridden = structuredClone(content) as unknown as {
      weeks: { sessions: { exercises: Record<string, unknown>[] }[] }[];
    };
    const target = overridden.weeks[0]?.sessions[0]?.exercises[0];
    if (target === undefined) throw new Error('no exercise');
    target.override = {
      reason: 'Centralises with repeated extension in lying.',
      rules: ['safety.direction.extensionEarly'],
      by: COLLEAGUE,
      at: '2026-11-22T10:00:00.000Z',
    };
    fakeApi({
      ...routes,
      [`GET /api/programmes/${PROGRAMME_ID}`]: {
        status: 200,
        body: detail(overridden as unknown as Programme),
      },
    });
    renderApp(`/programmes/${PROGRAMME_ID}`);
    expect(await screen.findByText('Centralises with repeated extension in lying.')).toBeTruthy();
    expect(screen.getAllByText('Overridden').length).toBeGreaterThan(0);
    expect(await screen.findByText(/by Priya Shah/u)).toBeTruthy();
    expect(await screen.findByText(/Riverside/u, { selector: '.app-user-role' })).toBeTruthy();
  });
});
