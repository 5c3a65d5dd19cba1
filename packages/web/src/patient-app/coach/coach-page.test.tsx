// @vitest-environment jsdom
import { getCoachRule, type SessionResult } from '@spinewise/clinical';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../offline/outbox.js', () => ({
  enqueue: vi.fn(),
  SyncStatus: ({ entryKey }: { entryKey: string }) => <span role="status">{entryKey}</span>,
}));

const { CoachPage, coachLogBody } = await import('./coach-page.js');
const { romBody } = await import('./range-page.js');

const PRIVACY =
  'The camera picture stays on this phone: nothing is recorded or sent, only the numbers you choose to save.';

function renderCoach(exerciseId: string) {
  return render(
    <MemoryRouter initialEntries={[`/app/coach/${exerciseId}`]}>
      <Routes>
        <Route path="/app/coach/:exerciseId" element={<CoachPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

function setMediaDevices(value: unknown): void {
  Object.defineProperty(navigator, 'mediaDevices', { value, configurable: true });
}

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'mediaDevices');
  window.localStorage.clear();
});

describe('the coach screen', () => {
  it('says the picture stays on the phone and asks before starting the camera', () => {
    const getUserMedia = vi.fn();
    setMediaDevices({ getUserMedia });
    renderCoach('sit-to-stand');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Coach: Sit to stand');
    expect(screen.getByText(PRIVACY)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start the camera' })).toBeTruthy();
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('explains how to turn the camera on when permission is refused', async () => {
    setMediaDevices({
      getUserMedia: vi.fn(() => Promise.reject(new DOMException('no', 'NotAllowedError'))),
    });
    renderCoach('sit-to-stand');
    fireEvent.click(screen.getByRole('button', { name: 'Start the camera' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The camera is turned off for Spinewise');
    expect(alert.textContent).toContain('choose Allow');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('says when the browser cannot use a camera at all', async () => {
    renderCoach('glute-bridge');
    fireEvent.click(screen.getByRole('button', { name: 'Start the camera' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This browser cannot use the camera here',
    );
  });

  it('remembers the choice of a more accurate model', () => {
    renderCoach('sit-to-stand');
    const accurate = screen.getByLabelText(/More accurate/u);
    fireEvent.click(accurate);
    expect(window.localStorage.getItem('spinewise.coach.model')).toBe('full');
  });

  it('says so for an exercise the camera does not coach', () => {
    renderCoach('abdominal-bracing');
    expect(screen.getByText('This exercise has no camera coach')).toBeTruthy();
  });
});

describe('what is saved', () => {
  const result: SessionResult = {
    exerciseId: 'sit-to-stand',
    reps: 8,
    holdSeconds: 0,
    holds: [],
    rangeDegrees: { min: 92.4, max: 176.1 },
    formWarnings: [{ id: 'knees-not-straight', cue: 'Stand all the way up.', count: 2 }],
    frames: { used: 300, skipped: 4 },
  };

  it('is the log of one set with the coach’s numbers', () => {
    const rule = getCoachRule('sit-to-stand');
    if (rule === undefined) throw new Error('coached');
    const body = coachLogBody(rule, result, '2026-11-22');
    expect(body).toMatchObject({
      date: '2026-11-22',
      exerciseId: 'sit-to-stand',
      setsDone: 1,
      repsDone: 8,
      coach: {
        reps: 8,
        rangeDegrees: { min: 92.4, max: 176.1 },
        formWarnings: [{ id: 'knees-not-straight', cue: 'Stand all the way up.', count: 2 }],
        exerciseRule: 'sit-to-stand',
        view: 'side',
      },
    });
    expect(body.coach).not.toHaveProperty('holdSeconds');
  });

  it('is a range-of-motion measurement in whole degrees within 0–180', () => {
    const measuredAt = new Date('2026-11-22T10:00:00Z');
    const base = {
      ok: true as const,
      movement: 'trunkFlexion' as const,
      baselineDegrees: 2,
      view: 'side' as const,
      framesUsed: 90,
      limits: '',
    };
    expect(romBody({ ...base, degrees: 61.6 }, measuredAt)).toEqual({
      movement: 'trunkFlexion',
      degrees: 62,
      measuredAt: '2026-11-22T10:00:00.000Z',
    });
    expect(romBody({ ...base, degrees: 0 }, measuredAt).degrees).toBe(0);
  });
});
