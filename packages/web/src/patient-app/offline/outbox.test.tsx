// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearPatientData, saveSessionUser } from './saved-session.js';
import {
  FIRST_RETRY_MS,
  KEEP_SENT_MS,
  SyncStatus,
  enqueue,
  pruneOutbox,
  readOutbox,
  syncOutbox,
  type OutboxEntry,
} from './outbox.js';
import { putRecord } from './db.js';

interface Sent {
  readonly url: string;
  readonly key: string | null;
  readonly csrf: string | null;
  readonly body: unknown;
}

/** A fake network: each call answers the next of `answers` (the last one repeats). */
function network(...answers: (number | 'offline')[]) {
  const sent: Sent[] = [];
  const fetchMock = vi.fn((url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    sent.push({
      url,
      key: headers.get('idempotency-key'),
      csrf: headers.get('x-csrf-token'),
      body: JSON.parse(init.body as string) as unknown,
    });
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer === 'offline' || answer === undefined) {
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    const body =
      answer < 300
        ? { id: `log-${sent.length}` }
        : {
            type: 'about:blank',
            title: 'Refused',
            status: answer,
            detail: answer === 422 ? 'The pain score must be 0 to 10.' : 'Try later.',
          };
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status: answer,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sent, fetchMock };
}

const PATIENT = {
  id: '00000000-0000-4000-8000-0000000000a1',
  clinicId: '00000000-0000-4000-8000-0000000000c1',
  role: 'patient',
  displayName: 'Alex',
} as const;

/** Waits for the sync under way (or runs one). */
async function settle(): Promise<void> {
  await syncOutbox();
}

beforeEach(async () => {
  await clearPatientData();
  await saveSessionUser(PATIENT);
  document.cookie = 'spinewise_csrf=token-1';
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the outbox', () => {
  it('keeps an entry made offline on the phone, then sends it once online', async () => {
    const { sent } = network('offline');
    const entry = await enqueue('log', '/api/me/logs', { painBefore: 3 });
    expect(entry.state).toBe('saved');
    expect(entry.owner).toBe(PATIENT.id);
    await settle();
    expect((await readOutbox()).map((e) => e.state)).toEqual(['saved']);
    expect(sent.length).toBeGreaterThan(0);

    network(201);
    window.dispatchEvent(new Event('online'));
    await settle();
    const [stored] = await readOutbox();
    expect(stored?.state).toBe('sent');
    expect(stored?.response).toEqual({ id: 'log-1' });
    expect(stored?.sentAt).toBeDefined();
  });

  it('sends the same Idempotency-Key and the CSRF token on every try', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { sent } = network('offline', 503, 201);
    const entry = await enqueue('checkIn', '/api/me/check-ins', { pain: 2 });
    await settle();
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await settle();
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS * 2);
    await settle();
    expect(sent.map((s) => s.key)).toEqual([entry.key, entry.key, entry.key]);
    expect(sent.every((s) => s.csrf === 'token-1' && s.url === '/api/me/check-ins')).toBe(true);
    expect((await readOutbox())[0]?.state).toBe('sent');
  });

  it('retries after a server error, with a pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { sent } = network(503, 201);
    await enqueue('log', '/api/me/logs', { painBefore: 1 });
    await settle();
    expect(sent).toHaveLength(1);
    expect((await readOutbox())[0]?.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await settle();
    expect(sent).toHaveLength(2);
    expect((await readOutbox())[0]?.state).toBe('sent');
  });

  it('never retries a 4xx, and keeps the reason for the patient', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { sent } = network(422);
    await enqueue('log', '/api/me/logs', { painBefore: 11 });
    await settle();
    await vi.advanceTimersByTimeAsync(10 * FIRST_RETRY_MS);
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(sent).toHaveLength(1);
    const [stored] = await readOutbox();
    expect(stored?.state).toBe('failed');
    expect(stored?.problem).toBe('The pain score must be 0 to 10.');
  });

  it('stops at a 401 and keeps the entries for after signing in again', async () => {
    const { sent } = network(401);
    await enqueue('log', '/api/me/logs', { n: 1 });
    await enqueue('log', '/api/me/logs', { n: 2 });
    await settle();
    expect(new Set(sent.map((s) => (s.body as { n: number }).n))).toEqual(new Set([1]));
    expect((await readOutbox()).map((e) => e.state)).toEqual(['saved', 'saved']);
  });

  it('sends oldest first, one at a time', async () => {
    const { sent } = network('offline');
    await enqueue('log', '/api/me/logs', { n: 1 });
    await enqueue('log', '/api/me/logs', { n: 2 });
    await enqueue('checkIn', '/api/me/check-ins', { n: 3 });
    await settle();
    sent.length = 0;
    const online = network(201);
    await syncOutbox();
    await settle();
    expect(online.sent.map((s) => (s.body as { n: number }).n)).toEqual([1, 2, 3]);
    expect((await readOutbox()).every((e) => e.state === 'sent')).toBe(true);
  });

  it("never sends another patient's entries", async () => {
    network('offline');
    await enqueue('log', '/api/me/logs', { n: 1 });
    await settle();
    await saveSessionUser({ ...PATIENT, id: '00000000-0000-4000-8000-0000000000a2' });
    const { sent } = network(201);
    await settle();
    expect(sent).toHaveLength(0);
  });

  it('prunes sent entries after 14 days, and keeps those still waiting', async () => {
    const old = new Date('2026-01-01T10:00:00Z');
    const entries: OutboxEntry[] = [
      {
        key: 'a',
        kind: 'log',
        url: '/api/me/logs',
        body: {},
        createdAt: old.toISOString(),
        state: 'sent',
        sentAt: old.toISOString(),
      },
      {
        key: 'b',
        kind: 'log',
        url: '/api/me/logs',
        body: {},
        createdAt: old.toISOString(),
        state: 'saved',
      },
    ];
    for (const entry of entries) await putRecord('outbox', entry);
    await pruneOutbox(new Date(old.getTime() + KEEP_SENT_MS - 1000));
    expect((await readOutbox()).map((e) => e.key)).toEqual(['a', 'b']);
    await pruneOutbox(new Date(old.getTime() + KEEP_SENT_MS + 1000));
    expect((await readOutbox()).map((e) => e.key)).toEqual(['b']);
  });

  it('is wiped by clearing the patient data (sign-out)', async () => {
    network('offline');
    await enqueue('log', '/api/me/logs', { n: 1 });
    await clearPatientData();
    expect(await readOutbox()).toEqual([]);
  });

  it('shows each state in words, as a status', async () => {
    network('offline');
    const entry = await enqueue('log', '/api/me/logs', { n: 1 });
    await settle();
    render(<SyncStatus entryKey={entry.key} />);
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      expect.stringContaining('Saved on this phone'),
    );
    network(201);
    await act(async () => {
      await settle();
    });
    expect(screen.getByRole('status').textContent).toContain('Sent');
  });

  it('survives a reload: a new instance of the app sends what the last one saved', async () => {
    network('offline');
    const entry = await enqueue('log', '/api/me/logs', { n: 1 });
    await settle();
    vi.resetModules();
    const reloaded = await import('./outbox.js');
    const { sent } = network(201);
    await reloaded.syncOutbox();
    expect(sent.map((s) => s.key)).toEqual([entry.key]);
    expect((await reloaded.readOutbox())[0]?.state).toBe('sent');
  });
});
