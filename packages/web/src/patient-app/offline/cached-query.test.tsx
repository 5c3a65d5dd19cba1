// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client.js';
import { createQueryClient } from '../../app/query-client.js';
import { ErrorState } from '../../ui/states.js';
import { SavedCopyNotice, loadAnswer, useCachedQuery } from './cached-query.js';
import { clearPatientData } from './saved-session.js';

interface Plan {
  readonly title: string;
}

function answer(status: number | 'offline', body: unknown = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      status === 'offline'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(
            new Response(JSON.stringify(body), {
              status,
              headers: { 'content-type': 'application/json' },
            }),
          ),
    ),
  );
}

function PlanView() {
  const plan = useCachedQuery<Plan>({
    queryKey: ['me', 'plan'],
    queryFn: ({ signal }) => api.get<Plan>('/api/me/plan', signal),
    storeKey: 'plan',
  });
  if (plan.isPending) return <p>Loading</p>;
  if (plan.isError) return <ErrorState error={plan.error} />;
  return (
    <>
      <SavedCopyNotice query={plan} />
      <h1>{plan.data.title}</h1>
      <p>{plan.fromPhone ? 'from the phone' : 'from the server'}</p>
    </>
  );
}

/** A fresh app (new query client), as after a reload. */
function openPage() {
  const client = createQueryClient();
  // As the app has it: answers stay fresh for half a minute.
  client.setDefaultOptions({ queries: { retry: false, staleTime: 30_000 } });
  return render(
    <QueryClientProvider client={client}>
      <PlanView />
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await clearPatientData();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useCachedQuery', () => {
  it('keeps each answer on the phone and shows it when offline, saying when it was saved', async () => {
    answer(200, { title: 'Week 2' });
    openPage();
    expect(await screen.findByRole('heading', { name: 'Week 2' })).toBeDefined();
    expect(screen.getByText('from the server')).toBeDefined();
    expect(screen.queryByRole('status')).toBeNull();
    await vi.waitFor(async () => {
      expect((await loadAnswer('plan'))?.data).toEqual({ title: 'Week 2' });
    });
    cleanup();

    answer('offline');
    openPage();
    expect(await screen.findByRole('heading', { name: 'Week 2' })).toBeDefined();
    expect(screen.getByText('from the phone')).toBeDefined();
    expect(screen.getByRole('status').textContent).toMatch(/^Saved on .+ — you are offline\./u);
  });

  it('asks the server again once back online, and drops the notice', async () => {
    answer(200, { title: 'Week 2' });
    openPage();
    await screen.findByRole('heading', { name: 'Week 2' });
    await vi.waitFor(async () => {
      expect(await loadAnswer('plan')).toBeDefined();
    });
    cleanup();
    answer('offline');
    openPage();
    expect(await screen.findByText('from the phone')).toBeDefined();
    answer(200, { title: 'Week 3' });
    // Opened offline, so only "online" is heard (no "offline" came after the page started).
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByRole('heading', { name: 'Week 3' })).toBeDefined();
    expect(screen.getByText('from the server')).toBeDefined();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the stored copy when the server fails (5xx) too', async () => {
    answer(200, { title: 'Week 3' });
    openPage();
    await screen.findByRole('heading', { name: 'Week 3' });
    await vi.waitFor(async () => {
      expect(await loadAnswer('plan')).toBeDefined();
    });
    cleanup();
    answer(503, { type: 'about:blank', title: 'Down', status: 503, detail: 'Down' });
    openPage();
    expect(await screen.findByText('from the phone')).toBeDefined();
  });

  it('never hides a 4xx behind the stored copy', async () => {
    answer(200, { title: 'Week 2' });
    openPage();
    await screen.findByRole('heading', { name: 'Week 2' });
    await vi.waitFor(async () => {
      expect(await loadAnswer('plan')).toBeDefined();
    });
    cleanup();
    answer(404, { type: 'about:blank', title: 'Not found', status: 404, detail: 'No plan.' });
    openPage();
    expect(await screen.findByRole('alert')).toBeDefined();
    expect(screen.queryByRole('heading', { name: 'Week 2' })).toBeNull();
  });

  it('shows the failure offline when nothing was stored, and after sign-out wiped it', async () => {
    answer(200, { title: 'Week 2' });
    openPage();
    await screen.findByRole('heading', { name: 'Week 2' });
    await vi.waitFor(async () => {
      expect(await loadAnswer('plan')).toBeDefined();
    });
    cleanup();
    await clearPatientData();
    answer('offline');
    openPage();
    expect((await screen.findByRole('alert')).textContent).toContain('could not reach');
  });
});
