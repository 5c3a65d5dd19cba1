// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderApp } from '../../app/test-app.fixture.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const patientUser = {
  id: '33333333-3333-4333-8333-333333333333',
  clinicId: '00000000-0000-4000-8000-0000000000c1',
  role: 'patient',
  displayName: 'Jordan Avery',
};

const today = {
  date: '2026-11-10',
  programme: {
    id: '11111111-1111-4111-8111-111111111111',
    version: 1,
    region: 'lumbar',
    condition: 'nonspecific',
    startDate: '2026-11-02',
    endDate: '2026-12-27',
    requiredLessons: [],
  },
  week: {
    week: 2,
    startDate: '2026-11-09',
    endDate: '2026-11-15',
    phase: 'control',
    sessions: [{ id: 's1', name: 'Session', daysPerWeek: 5, dailyMinutes: 14.6, exercises: [] }],
    activity: { kind: 'walking', minutesPerDay: 20, daysPerWeek: 5 },
    lessons: [],
    tasks: [],
    reassessments: [],
  },
};

describe('the welcome', () => {
  it('explains the programme in three screens, then opens Today', async () => {
    fakeApi({
      'GET /api/session': { status: 200, body: { user: patientUser } },
      'GET /api/me/today': { status: 200, body: today },
    });
    const { router } = renderApp('/app/welcome');
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Spinewise' });
    expect((await screen.findByText('8 weeks')).tagName).toBe('STRONG');
    expect(screen.getByText('15 minutes a day').tagName).toBe('STRONG');
    expect(screen.getByText(/\(you are here\)/u).closest('li')?.textContent).toContain('Control');

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { level: 1, name: 'Logging your exercises' });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { level: 1, name: 'If something feels wrong' });
    expect(screen.queryByRole('link', { name: 'Skip the welcome' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Go to my Today page' }));
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/app');
    });
  }, 20_000);

  it('can be skipped from the first screen', async () => {
    fakeApi({
      'GET /api/session': { status: 200, body: { user: patientUser } },
      'GET /api/me/today': { status: 200, body: today },
    });
    const { router } = renderApp('/app/welcome');
    fireEvent.click(await screen.findByRole('link', { name: 'Skip the welcome' }));
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/app');
    });
  }, 20_000);
});
