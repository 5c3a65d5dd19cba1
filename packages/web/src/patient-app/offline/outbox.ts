/**
 * The outbox: every log and check-in the patient makes is written to the phone first (IndexedDB)
 * and sent from there, so nothing is lost on a poor connection and nothing is sent twice.
 *
 * - `enqueue` resolves only once the entry is stored, then starts a sync.
 * - A sync sends waiting entries oldest first, one at a time, each with its own
 *   `Idempotency-Key` fixed when it was made: a retry after a lost answer finds the stored row
 *   on the server instead of adding another.
 * - No connection or a server error (5xx, 408, 429): the entry stays saved and is tried again
 *   with a growing pause, and at once when the browser says it is back online.
 * - A 401: the session ended; the entries wait, unsent, until the patient signs in again.
 * - Any other 4xx: the server will never take this entry; it is marked failed with the
 *   server's reason, shown to the patient, and never retried.
 * - Sent entries are kept for 14 days (the "Sent" mark beside a log), then pruned.
 *
 * Entries belong to the patient signed in when they were made: another patient signing in on
 * the same phone never sends them (sign-out wipes them anyway).
 */
import { createElement, useEffect, useSyncExternalStore, type JSX } from 'react';
import { apiRequest, isApiError, NETWORK_ERROR_STATUS } from '../../api/client.js';
import { deleteRecord, getAllRecords, hasIndexedDb, putRecord } from './db.js';
import { loadSavedSession, onPatientDataCleared } from './saved-session.js';

/** What an entry is: a session log, a next-morning check-in, a range-of-motion measurement. */
export type OutboxKind = 'log' | 'checkIn' | 'rom';

export type OutboxState = 'saved' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry {
  /** The `Idempotency-Key`: `crypto.randomUUID()`, fixed at enqueue, the same on every retry. */
  readonly key: string;
  readonly kind: OutboxKind;
  /** Where it is posted, e.g. `/api/me/logs`. */
  readonly url: string;
  readonly body: unknown;
  /** ISO. */
  readonly createdAt: string;
  readonly state: OutboxState;
  readonly sentAt?: string;
  /** Why the server refused it (a 4xx problem's detail): never retried, shown to the patient. */
  readonly problem?: string;
  /** The server's JSON answer once sent. */
  readonly response?: unknown;
  /** The patient signed in when it was made; only their session sends it. */
  readonly owner?: string;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** How long a sent (or refused) entry stays on the phone for its mark beside the log. */
export const KEEP_SENT_MS = 14 * 24 * 60 * 60 * 1000;

/** The first pause before trying again, doubled each failure up to `MAX_RETRY_MS`. */
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 60_000;

interface Snapshot {
  readonly entries: readonly OutboxEntry[];
  readonly syncing: boolean;
  readonly online: boolean;
}

function browserOnline(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

let snapshot: Snapshot = { entries: [], syncing: false, online: browserOnline() };
const listeners = new Set<() => void>();

/** What a page shows of the entries: a new read that changes none of it is not news. */
function signature(entries: readonly OutboxEntry[]): string {
  return entries
    .map((entry) => `${entry.key}:${entry.state}:${entry.sentAt ?? ''}:${entry.problem ?? ''}`)
    .join('|');
}

/**
 * Tells the pages, only when something they show changed: every page using the outbox
 * re-renders at once (a store update is synchronous), so a read of the same entries, or a
 * sync with nothing to send, must not cost the phone a render of the whole page.
 */
function publish(next: Partial<Snapshot>): void {
  const entries =
    next.entries !== undefined && signature(next.entries) !== signature(snapshot.entries)
      ? next.entries
      : snapshot.entries;
  const syncing = next.syncing ?? snapshot.syncing;
  const online = next.online ?? snapshot.online;
  if (entries === snapshot.entries && syncing === snapshot.syncing && online === snapshot.online) {
    return;
  }
  snapshot = { entries, syncing, online };
  for (const listener of listeners) listener();
}

function byAge(a: OutboxEntry, b: OutboxEntry): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** Every entry on the phone, oldest first. */
export async function readOutbox(): Promise<OutboxEntry[]> {
  if (!hasIndexedDb()) return [];
  return (await getAllRecords<OutboxEntry>('outbox')).sort(byAge);
}

/** Another tab of the app changed the outbox: read it again. */
const channel =
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('spinewise-outbox');

async function refresh(): Promise<void> {
  publish({ entries: await readOutbox() });
}

function changed(): Promise<void> {
  channel?.postMessage('changed');
  return refresh();
}

async function write(entry: OutboxEntry): Promise<void> {
  await putRecord('outbox', entry);
  await changed();
}

/** Removes sent and refused entries older than 14 days (by when they were sent or made). */
export async function pruneOutbox(now: Date = new Date()): Promise<void> {
  if (!hasIndexedDb()) return;
  const cutoff = now.getTime() - KEEP_SENT_MS;
  const old = (await readOutbox()).filter((entry) => {
    if (entry.state === 'sent') return Date.parse(entry.sentAt ?? entry.createdAt) < cutoff;
    if (entry.state === 'failed') return Date.parse(entry.createdAt) < cutoff;
    return false;
  });
  for (const entry of old) await deleteRecord('outbox', entry.key);
  if (old.length > 0) await changed();
}

/** The last `createdAt` given, so two entries made in one millisecond keep their order. */
let lastCreatedAt = 0;

export async function enqueue(kind: OutboxKind, url: string, body: unknown): Promise<OutboxEntry> {
  const owner = (await loadSavedSession())?.id;
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1);
  const entry: OutboxEntry = {
    key: crypto.randomUUID(),
    kind,
    url,
    body,
    createdAt: new Date(lastCreatedAt).toISOString(),
    state: 'saved',
    ...(owner === undefined ? {} : { owner }),
  };
  await write(entry);
  void syncOutbox();
  return entry;
}

// Retrying: one timer at a time, the pause doubling after each failed pass.
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleRetry(): void {
  if (retryTimer !== undefined) clearTimeout(retryTimer);
  const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
  failures += 1;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void syncOutbox();
  }, delay);
}

function cancelRetry(): void {
  if (retryTimer !== undefined) clearTimeout(retryTimer);
  retryTimer = undefined;
  failures = 0;
}

/** Worth trying again later: no answer, or the server could not take it just now. */
function isTransient(status: number): boolean {
  return status === NETWORK_ERROR_STATUS || status === 408 || status === 429 || status >= 500;
}

type Outcome = 'sent' | 'refused' | 'retry' | 'signedOut';

async function send(entry: OutboxEntry): Promise<Outcome> {
  await write({ ...entry, state: 'sending' });
  try {
    const response = await apiRequest<unknown>(entry.url, {
      method: 'POST',
      body: entry.body,
      headers: { [IDEMPOTENCY_HEADER]: entry.key },
    });
    await write({
      ...entry,
      state: 'sent',
      sentAt: new Date().toISOString(),
      ...(response === undefined ? {} : { response }),
    });
    return 'sent';
  } catch (error) {
    const status = isApiError(error) ? error.status : NETWORK_ERROR_STATUS;
    if (status === 401 || isTransient(status)) {
      await write({ ...entry, state: 'saved' });
      return status === 401 ? 'signedOut' : 'retry';
    }
    await write({
      ...entry,
      state: 'failed',
      problem: isApiError(error) ? error.message : 'The server did not accept this.',
    });
    return 'refused';
  }
}

async function syncPass(): Promise<'done' | 'retry' | 'signedOut'> {
  const owner = (await loadSavedSession())?.id;
  // `sending` left behind by a closed tab was never confirmed: send it again (same key).
  const waiting = (await readOutbox()).filter(
    (entry) => (entry.state === 'saved' || entry.state === 'sending') && entry.owner === owner,
  );
  if (waiting.length > 0) publish({ syncing: true });
  for (const entry of waiting) {
    const outcome = await send(entry);
    // Oldest first: a later entry never overtakes one that is still waiting.
    if (outcome === 'retry' || outcome === 'signedOut') return outcome;
  }
  return 'done';
}

const sessionEndedListeners = new Set<() => void>();

/**
 * Calls `listener` when sending found the session over (401): the entries wait on the phone
 * until the patient signs in again. Returns the unsubscribe.
 */
export function onOutboxSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => {
    sessionEndedListeners.delete(listener);
  };
}

let running: Promise<void> | undefined;
let again = false;
/** Whether a page has read the outbox yet (and sent what waited). */
let started = false;

/** Whether `syncOutbox` was called while the pass ran (read through a call: set elsewhere). */
function calledAgain(): boolean {
  return again;
}

/**
 * Sends the waiting entries (see the module comment). One sync runs at a time; a call while
 * one runs makes it look again once it ends. Never rejects.
 */
export function syncOutbox(): Promise<void> {
  if (running !== undefined) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      let result: Awaited<ReturnType<typeof syncPass>> = 'done';
      do {
        again = false;
        result = await syncPass();
      } while (calledAgain() && result === 'done');
      if (result === 'retry') scheduleRetry();
      else cancelRetry();
      if (result === 'signedOut') {
        for (const listener of sessionEndedListeners) listener();
      }
      await pruneOutbox();
    } catch {
      // The phone's storage failed (full, or private mode): try again later.
      scheduleRetry();
    } finally {
      running = undefined;
      publish({ syncing: false });
    }
  })();
  return running;
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    publish({ online: true });
    cancelRetry();
    void syncOutbox();
  });
  window.addEventListener('offline', () => {
    publish({ online: false });
  });
}
if (channel !== undefined) {
  channel.onmessage = () => {
    void refresh().catch(() => undefined);
  };
}
onPatientDataCleared(() => {
  cancelRetry();
  started = false;
  publish({ entries: [] });
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function getSnapshot(): Snapshot {
  return snapshot;
}

export interface OutboxView {
  /** Every entry on the phone (saved, sending, sent in the last 14 days, failed), oldest first. */
  readonly entries: readonly OutboxEntry[];
  /** How many are not sent yet (saved or sending). */
  readonly waiting: number;
  readonly syncing: boolean;
  /** What the browser says about the connection. */
  readonly online: boolean;
  /** Try sending now (the patient's "Send now"). */
  readonly syncNow: () => void;
}

function syncNow(): void {
  cancelRetry();
  void syncOutbox();
}

/** The first page to use the outbox reads it and sends what waits (a reload with unsent logs). */
function startOnce(): void {
  if (started) return;
  started = true;
  void refresh()
    .then(() => syncOutbox())
    .catch(() => undefined);
}

/** The outbox for a page: re-renders as entries are saved, sent or refused. */
export function useOutbox(): OutboxView {
  const current = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  useEffect(startOnce, []);
  return {
    entries: current.entries,
    waiting: current.entries.filter((entry) => entry.state === 'saved' || entry.state === 'sending')
      .length,
    syncing: current.syncing,
    online: current.online,
    syncNow,
  };
}

/** The words for an entry's state: never colour alone. */
export function describeOutboxEntry(entry: OutboxEntry): string {
  switch (entry.state) {
    case 'saved':
      return 'Saved on this phone';
    case 'sending':
      return 'Sending…';
    case 'sent':
      return 'Sent';
    case 'failed':
      return `Not sent: ${entry.problem ?? 'the server did not accept this.'}`;
  }
}

/**
 * An entry's state where the log is shown: "Saved on this phone", "Sending…", "Sent" or
 * "Not sent: <reason>" — in words with an icon, announced politely as it changes.
 */
export function SyncStatus({ entryKey }: { readonly entryKey: string }): JSX.Element {
  const { entries } = useOutbox();
  const entry = entries.find((candidate) => candidate.key === entryKey);
  const state = entry?.state ?? 'unknown';
  return createElement(
    'span',
    { className: `sync-status sync-status--${state}`, role: 'status' },
    entry === undefined
      ? null
      : [
          createElement(
            'span',
            { key: 'icon', className: 'sync-status-icon', 'aria-hidden': true },
            syncIcons[entry.state],
          ),
          createElement('span', { key: 'text' }, describeOutboxEntry(entry)),
        ],
  );
}

const syncIcons: Readonly<Record<OutboxState, string>> = {
  saved: '\u25CB',
  sending: '\u21BB',
  sent: '\u2713',
  failed: '!',
};
