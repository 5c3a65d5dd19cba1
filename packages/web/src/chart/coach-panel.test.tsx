// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../app/test-app.fixture.js';
import { createQueryClient } from '../app/query-client.js';
import type { ChartLog } from './chart-api.js';
import { coachedLogs, type MaybeCoachedLog } from './coach-api.js';
import { CoachPanel } from './coach-panel.js';
import { CoachSections } from './coach-sections.js';

function text(element: Element | null | undefined): string {
  return element?.textContent ?? '';
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PATIENT = '11111111-1111-4111-8111-111111111111';

function log(id: string, date: string, extra: Partial<MaybeCoachedLog> = {}): MaybeCoachedLog {
  const base: ChartLog = {
    id,
    programmeId: '33333333-3333-4333-8333-333333333333',
    programmeVersion: 1,
    date,
    exerciseId: 'glute-bridge',
    exerciseName: 'Glute bridge',
    setsDone: 1,
    repsDone: 9,
    holdSecondsDone: null,
    minutesDone: null,
    completed: 'done',
    painBefore: 2,
    painDuring: null,
    painAfter: 2,
    symptoms: [],
    note: null,
    createdAt: `${date}T09:00:00.000Z`,
  };
  return { ...base, ...extra };
}

const coached = log('a', '2026-11-10', {
  coach: {
    reps: 9,
    holdSeconds: 27.46,
    rangeDegrees: { min: 4.5, max: 38 },
    formWarnings: [
      { id: 'hipsSag', cue: 'Lift your hips a little.', count: 2 },
      { id: 'kneesIn', cue: 'Keep your knees apart.', count: 1 },
    ],
    exerciseRule: 'glute-bridge',
    view: 'side',
  },
});
const plain = log('b', '2026-11-09', { coach: null });
const minimal = log('c', '2026-11-08', {
  exerciseName: null,
  exerciseId: 'plank',
  coach: { exerciseRule: 'plank', view: 'front' },
});

describe('coachedLogs', () => {
  it('keeps only the logs with a coach result, in order', () => {
    expect(coachedLogs([coached, plain, minimal, log('d', '2026-11-07')]).map((l) => l.id)).toEqual(
      ['a', 'c'],
    );
  });
});

describe('CoachPanel', () => {
  it('shows what the coach counted and measured, one row per session', () => {
    render(<CoachPanel logs={coachedLogs([coached, minimal])} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0] as HTMLElement);
    expect(text(first.getByRole('rowheader'))).toContain('Glute bridge');
    expect(text(first.getByRole('rowheader'))).toContain('Side view');
    expect(text(rows[0])).toContain('10 Nov 2026');
    expect(text(rows[0])).toContain('9');
    expect(text(rows[0])).toContain('27.5 s');
    expect(text(rows[0])).toContain('4.5° to 38°');
    expect(text(first.getByText(/Lift your hips a little\./u))).toContain('(2 times)');
    expect(text(first.getByText(/Keep your knees apart\./u))).toContain('(once)');

    const second = rows[1] as HTMLElement;
    expect(text(second)).toContain('plank');
    expect(text(second)).toContain('Front view');
    expect(text(second)).toContain('Not counted');
    expect(text(second)).toContain('Not timed');
    expect(text(second)).toContain('Not measured');
    expect(text(second)).toContain('None');
  });

  it('says how to get coached sessions when there are none', () => {
    render(<CoachPanel logs={[]} />);
    expect(text(screen.getByText(/No coached sessions yet/u))).toContain(
      'the patient can use the camera coach from an exercise in their app',
    );
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('CoachSections', () => {
  function renderSections() {
    render(
      <QueryClientProvider client={createQueryClient()}>
        <CoachSections patientId={PATIENT} />
      </QueryClientProvider>,
    );
  }

  it('loads the logs and the measurements for the patient', async () => {
    const seen = fakeApi({
      'GET /api/patients/:patientId/logs': {
        status: 200,
        body: { from: '2026-08-18', to: '2026-11-10', truncated: false, logs: [coached, plain] },
      },
      'GET /api/patients/:patientId/rom': {
        status: 200,
        body: {
          measurements: [
            {
              id: 'r1',
              movement: 'trunkFlexion',
              degrees: 55,
              measuredAt: '2026-11-01T08:00:00.000Z',
            },
          ],
          limits: 'Camera angles are estimates, not clinical goniometry.',
          truncated: false,
        },
      },
    });
    renderSections();
    const coachedSection = screen.getByRole('region', { name: 'Coached sessions' });
    expect(await within(coachedSection).findByText('4.5° to 38°')).toBeTruthy();
    const rom = screen.getByRole('region', { name: 'Range of motion' });
    expect(
      await within(rom).findByRole('img', { name: /Trunk flexion \(bending forward\)/u }),
    ).toBeTruthy();
    expect(text(rom)).toContain('not clinical goniometry');
    expect(seen.map((request) => request.path).sort()).toEqual([
      `/api/patients/${PATIENT}/logs`,
      `/api/patients/${PATIENT}/rom`,
    ]);
  });

  it('shows an error for a part that fails, and the other part still', async () => {
    fakeApi({
      'GET /api/patients/:patientId/logs': {
        status: 200,
        body: { from: '2026-08-18', to: '2026-11-10', truncated: false, logs: [plain] },
      },
      'GET /api/patients/:patientId/rom': {
        status: 404,
        body: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such patient.' },
      },
    });
    renderSections();
    expect(await screen.findByText('The range of motion could not be loaded')).toBeTruthy();
    expect(await screen.findByText(/No coached sessions yet/u)).toBeTruthy();
  });
});
