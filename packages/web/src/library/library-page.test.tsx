// @vitest-environment jsdom
import { exerciseLibrary, getExercise } from '@spinewise/clinical';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SIGNED_IN_CLINICIAN,
  fakeApi,
  renderApp,
  type FakeRoutes,
} from '../app/test-app.fixture.js';
import { ExerciseFigure } from './exercise-figure.js';
import type { ExerciseDetail, LibraryExercise } from './library-api.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const library: LibraryExercise[] = exerciseLibrary.map((exercise) => ({
  ...exercise,
  category: exercise.aims[0] ?? 'mobility',
}));

function detail(id: string, suits: ExerciseDetail['suits']): ExerciseDetail {
  const exercise = getExercise(id);
  return { ...exercise, category: exercise.aims[0] ?? 'mobility', suits };
}

function routes(extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/session': { status: 200, body: { user: SIGNED_IN_CLINICIAN } },
    'GET /api/exercises': { status: 200, body: { exercises: library, profile: null } },
    'GET /api/alerts?state=open': { status: 200, body: { alerts: [] } },
    ...extra,
  };
}

/** `matchMedia` answering whether reduced motion is asked for. */
function stubMotion(reduce: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: reduce && query.includes('reduce'),
      media: query,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    })),
  );
}

/** A manual animation clock: `advance(ms)` runs the frame callbacks waiting. */
function stubFrames() {
  let waiting: FrameRequestCallback[] = [];
  let now = 0;
  const request = vi.fn((callback: FrameRequestCallback) => {
    waiting.push(callback);
    return waiting.length;
  });
  vi.stubGlobal('requestAnimationFrame', request);
  vi.stubGlobal('cancelAnimationFrame', vi.fn());
  return {
    request,
    advance(ms: number) {
      now += ms;
      const run = waiting;
      waiting = [];
      act(() => {
        for (const callback of run) callback(now);
      });
    },
  };
}

function trunkLine(container: HTMLElement) {
  const line = container.querySelector('.exercise-figure-svg [data-bone="upperTrunk"]');
  if (line === null) throw new Error('no trunk line');
  return ['x1', 'y1', 'x2', 'y2'].map((name) => line.getAttribute(name)).join(' ');
}

const bridge = getExercise('glute-bridge');

describe('the animated figure', () => {
  it('moves from keyframe to keyframe on animation frames, and pauses', () => {
    stubMotion(false);
    const frames = stubFrames();
    const { container } = render(
      <ExerciseFigure name={bridge.name} animation={bridge.animation} />,
    );
    const figure = screen.getByRole('img', {
      name: /Figure showing Glute bridge, seen from the side/u,
    });
    expect(figure.getAttribute('data-playing')).toBe('true');
    const start = trunkLine(container);
    frames.advance(0);
    frames.advance(1000 * (bridge.animation.keyframes[1]?.at ?? 1) + 400);
    expect(trunkLine(container)).not.toBe(start);

    fireEvent.click(screen.getByRole('button', { name: 'Pause the movement' }));
    expect(figure.getAttribute('data-playing')).toBe('false');
    const paused = trunkLine(container);
    frames.advance(500);
    expect(trunkLine(container)).toBe(paused);
    expect(
      screen.getByRole('button', { name: 'Play the movement' }).getAttribute('aria-pressed'),
    ).toBe('false');
  });

  it('stays still with the key positions shown when reduced motion is asked for', () => {
    stubMotion(true);
    const frames = stubFrames();
    const { container } = render(
      <ExerciseFigure name={bridge.name} animation={bridge.animation} />,
    );
    expect(frames.request).not.toHaveBeenCalled();
    expect(screen.getByRole('img').getAttribute('data-playing')).toBe('false');
    expect(container.querySelectorAll('.figure-positions li').length).toBeGreaterThan(1);

    fireEvent.click(screen.getByRole('button', { name: 'Play the movement' }));
    expect(frames.request).toHaveBeenCalled();
  });
});

describe('the library page', () => {
  it('lists every exercise and searches by name, aim and region', async () => {
    stubMotion(true);
    fakeApi(routes());
    renderApp('/library');
    expect(await screen.findByText(`${library.length} exercises`)).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: /Search/u }), {
      target: { value: 'bridge' },
    });
    const list = screen.getByRole('list', { name: 'Exercises found' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('h2')?.textContent),
    ).toEqual(['Glute bridge', 'Single-leg bridge']);
    expect(screen.getByText(`2 of ${library.length} exercises match`)).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: /Search/u }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), {
      target: { value: 'cervical' },
    });
    const neck = within(screen.getByRole('list', { name: 'Exercises found' })).getAllByRole(
      'listitem',
    );
    const cervical = library.filter((exercise) => exercise.region === 'cervical');
    expect(neck).toHaveLength(cervical.length);

    fireEvent.change(screen.getByRole('searchbox', { name: /Search/u }), {
      target: { value: 'no such exercise' },
    });
    expect(screen.getByText('No exercises match')).toBeTruthy();
  });

  it("checks each exercise against a patient's safety profile, with the reasons", async () => {
    stubMotion(true);
    const patientId = '00000000-0000-4000-8000-0000000000a1';
    const checked = library.map((exercise) =>
      exercise.id === 'knee-to-chest'
        ? {
            ...exercise,
            suitability: {
              allowed: false,
              reasons: ['Osteoporosis: no loaded or end-range spinal flexion.'],
              details: [
                {
                  rule: 'safety.osteoporosis.flexion',
                  text: 'Osteoporosis: no loaded or end-range spinal flexion.',
                  sources: ['S-OSTEO'],
                },
              ],
              cautions: [],
            },
          }
        : { ...exercise, suitability: { allowed: true, reasons: [], details: [], cautions: [] } },
    );
    fakeApi({
      // Before `GET /api/exercises`, which matches any query.
      [`GET /api/exercises?patientId=${patientId}`]: {
        status: 200,
        body: { exercises: checked, profile: { patientId, basis: 'assessment' } },
      },
      ...routes({
        'GET /api/patients/:patientId': {
          status: 200,
          body: {
            id: patientId,
            displayName: 'Aisha Rahman',
            dateOfBirth: null,
            clinicianId: SIGNED_IN_CLINICIAN.id,
            hasLogin: true,
            createdAt: '2026-11-01T10:00:00Z',
            episodes: [],
          },
        },
      }),
    });
    renderApp(`/library?patientId=${patientId}&q=knee`);
    const card = (await screen.findByRole('link', { name: 'Knee to chest' })).closest('li');
    if (card === null) throw new Error('no card');
    await within(card).findByText(/Not suitable for Aisha Rahman now/u);
    expect(card.textContent).toContain('Osteoporosis: no loaded or end-range spinal flexion.');
    expect(card.textContent).toContain('[S-OSTEO]');
    expect(screen.getByRole('link', { name: 'Both knees to chest' })).toBeTruthy();

    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Only exercises that suit Aisha Rahman' }),
    );
    expect(screen.queryByRole('link', { name: 'Knee to chest' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Both knees to chest' })).toBeTruthy();
  });

  it('shows an exercise with its instructions, progressions and which patients it suits', async () => {
    stubMotion(true);
    const kneeToChest = detail('knee-to-chest', [
      {
        patientId: '00000000-0000-4000-8000-0000000000a1',
        displayName: 'Aisha Rahman',
        allowed: false,
        reasons: ['Osteoporosis: no loaded or end-range spinal flexion.'],
        details: [
          {
            rule: 'safety.osteoporosis.flexion',
            text: 'Osteoporosis: no loaded or end-range spinal flexion.',
            sources: ['S-OSTEO'],
          },
        ],
        cautions: [],
        basis: 'programme',
      },
      {
        patientId: '00000000-0000-4000-8000-0000000000a2',
        displayName: 'Tom Becker',
        allowed: true,
        reasons: [],
        details: [],
        cautions: [],
        basis: 'assessment',
      },
      {
        patientId: '00000000-0000-4000-8000-0000000000a3',
        displayName: 'Nell New',
        allowed: null,
        reasons: [],
        details: [],
        cautions: [],
        basis: 'none',
      },
    ]);
    fakeApi(routes({ 'GET /api/exercises/:exerciseId': { status: 200, body: kneeToChest } }));
    renderApp('/library/knee-to-chest');
    expect(await screen.findByRole('heading', { level: 1, name: kneeToChest.name })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Figure showing/u })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'When to stop' })).toBeTruthy();
    expect(screen.getByText(kneeToChest.steps[0] ?? '')).toBeTruthy();

    const table = screen.getByRole('table', { name: /suits your patients/u });
    const aisha = within(table).getByRole('row', { name: /Aisha Rahman/u });
    expect(within(aisha).getByText('Not suitable now')).toBeTruthy();
    expect(aisha.textContent).toContain('Osteoporosis: no loaded or end-range spinal flexion.');
    expect(aisha.textContent).toContain('[S-OSTEO]');
    expect(within(table).getByRole('row', { name: /Tom Becker/u }).textContent).toContain(
      'Suits now',
    );
    expect(within(table).getByRole('row', { name: /Nell New/u }).textContent).toContain(
      'Not assessed yet',
    );

    const harder = kneeToChest.progression;
    if (harder !== null) {
      const links = await screen.findAllByRole('link', { name: getExercise(harder).name });
      for (const link of links) expect(link.getAttribute('href')).toBe(`/library/${harder}`);
      expect(screen.getByText(/Harder:/u).textContent).toContain(getExercise(harder).name);
    }
  });
});
