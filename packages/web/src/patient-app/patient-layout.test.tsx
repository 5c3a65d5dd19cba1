// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.js';
import { fakeApi, problem } from '../app/test-app.fixture.js';
import { sessionQueryKey } from '../session/session-api.js';
import { RequirePatient } from '../session/session.js';
import { enqueue, readOutbox, syncOutbox } from './offline/outbox.js';
import { clearPatientData, loadSavedSession } from './offline/saved-session.js';
import { PatientLayout } from './patient-layout.js';

const PATIENT = {
  id: '00000000-0000-4000-8000-0000000000a1',
  clinicId: '00000000-0000-4000-8000-0000000000c1',
  role: 'patient',
  displayName: 'Alex Morgan',
} as const;

function renderLayout(path: string) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  client.setQueryData(sessionQueryKey, PATIENT);
  const page = (title: string) => ({ element: <h1>{title}</h1> });
  const router = createMemoryRouter(
    [
      {
        element: <RequirePatient />,
        children: [
          {
            element: <PatientLayout />,
            children: [
              { path: 'app', ...page('Today page') },
              { path: 'app/learn', ...page('Learn page') },
              { path: 'app/learn/:lessonId', ...page('A lesson') },
              { path: 'app/progress', ...page('Progress page') },
              { path: 'app/settings', ...page('Settings page') },
            ],
          },
        ],
      },
      { path: 'login', ...page('Sign in') },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, client };
}

beforeEach(async () => {
  await clearPatientData();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the patient app frame', () => {
  it('has four tabs, marking where the patient is in words a screen reader hears', async () => {
    fakeApi({});
    renderLayout('/app/learn/sleep');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Today', '/app'],
      ['Learn', '/app/learn'],
      ['Progress', '/app/progress'],
      ['Settings', '/app/settings'],
    ]);
    expect(within(nav).getByRole('link', { name: 'Learn' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBe(
      null,
    );
    fireEvent.click(within(nav).getByRole('link', { name: 'Progress' }));
    expect(await screen.findByRole('heading', { name: 'Progress page' })).toBeDefined();
  });

  it('keeps the signed-in patient on the phone, so the app opens offline', async () => {
    fakeApi({});
    renderLayout('/app');
    await screen.findByRole('heading', { name: 'Today page' });
    await vi.waitFor(async () => {
      expect(await loadSavedSession()).toEqual(PATIENT);
    });
  });

  it('says when the phone is offline, and stops saying it once back online', async () => {
    fakeApi({});
    renderLayout('/app');
    await screen.findByRole('heading', { name: 'Today page' });
    expect(screen.queryByText('You are offline.')).toBeNull();
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByText('You are offline.')).toBeDefined();
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(screen.queryByText('You are offline.')).toBeNull();
  });

  it('asks the patient to sign in again when sending finds the session over, keeping the log', async () => {
    fakeApi({ 'POST /api/me/logs': problem(401, 'Signed out.') });
    renderLayout('/app');
    await screen.findByRole('heading', { name: 'Today page' });
    await act(async () => {
      await enqueue('log', '/api/me/logs', { exerciseId: 'bridge' });
      await syncOutbox();
    });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined();
    expect((await readOutbox()).map((entry) => entry.state)).toEqual(['saved']);
  });

  it('warns before signing out with unsent logs, then wipes the phone when asked to', async () => {
    const seen = fakeApi({
      'POST /api/me/logs': problem(503, 'Down for a moment.'),
      'DELETE /api/session': { status: 204 },
    });
    renderLayout('/app');
    await screen.findByRole('heading', { name: 'Today page' });
    await act(async () => {
      await enqueue('log', '/api/me/logs', { exerciseId: 'bridge' });
      await syncOutbox();
    });
    expect(await screen.findByText('1 thing you logged is waiting to be sent.')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    const warning = screen.getByRole('alert');
    expect(warning.textContent).toContain('will be lost');
    fireEvent.click(within(warning).getByRole('button', { name: 'Stay signed in' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(seen.some((request) => request.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out anyway' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined();
    await vi.waitFor(async () => {
      expect(seen.some((request) => request.method === 'DELETE')).toBe(true);
      expect(await readOutbox()).toEqual([]);
      expect(await loadSavedSession()).toBeUndefined();
    });
  });
});
