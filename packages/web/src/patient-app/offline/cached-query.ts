/**
 * A react-query query whose last good answer is kept on the phone (IndexedDB), so the page
 * still shows it with no connection: "Saved on <date> — you are offline".
 *
 * - Every successful answer is stored under `storeKey`, with when it came.
 * - When the request gets no answer (offline) or a server error (5xx), the stored copy is the
 *   answer instead: the page shows it as usual, with `fromPhone: true` and `savedAt` so it can
 *   say how old it is. A 4xx (signed out, not found) is never papered over.
 * - The query runs offline too (`networkMode: 'always'`), so a page opened with no
 *   connection shows the stored copy at once instead of waiting for the network; the copy is
 *   replaced by the server's answer once the connection is back.
 * - The cache entry under `queryKey` holds the plain answer, as a `useQuery` elsewhere would:
 *   invalidating `queryKey` after a change refetches it as usual.
 *
 * Sign-out wipes the stored copies (`clearPatientData`).
 */
import {
  useQuery,
  useQueryClient,
  type QueryFunctionContext,
  type QueryKey,
  type UseQueryResult,
} from '@tanstack/react-query';
import { createElement, useEffect, type JSX } from 'react';
import { isApiError, NETWORK_ERROR_STATUS } from '../../api/client.js';
import { getRecord, hasIndexedDb, putRecord } from './db.js';
import { onPatientDataCleared } from './saved-session.js';

interface StoredAnswer {
  readonly storeKey: string;
  readonly savedAt: string;
  readonly data: unknown;
}

interface Provenance {
  /** When the shown answer came from the server (ISO). */
  readonly savedAt: string;
  /** Whether it is the copy kept on the phone, shown because the server could not be reached. */
  readonly fromPhone: boolean;
}

/** Where each `storeKey`'s current answer came from, read by the hook as it renders. */
const provenance = new Map<string, Provenance>();

onPatientDataCleared(() => {
  provenance.clear();
});

export async function saveAnswer(storeKey: string, data: unknown, savedAt: Date): Promise<void> {
  if (!hasIndexedDb()) return;
  const record: StoredAnswer = { storeKey, savedAt: savedAt.toISOString(), data };
  await putRecord('queries', record);
}

export async function loadAnswer(storeKey: string): Promise<StoredAnswer | undefined> {
  if (!hasIndexedDb()) return undefined;
  try {
    return await getRecord<StoredAnswer>('queries', storeKey);
  } catch {
    return undefined;
  }
}

/** No answer, or the server could not give one just now: the stored copy is better than nothing. */
function unreachable(error: unknown): boolean {
  if (!isApiError(error)) return !(error instanceof DOMException && error.name === 'AbortError');
  return error.status === NETWORK_ERROR_STATUS || error.status >= 500;
}

export interface CachedQueryOptions<T> {
  readonly queryKey: QueryKey;
  readonly queryFn: (context: QueryFunctionContext) => Promise<T>;
  /** The name of the copy on the phone, e.g. `'today'`: stable across releases. */
  readonly storeKey: string;
}

export type CachedQueryResult<T> = UseQueryResult<T> & {
  /** When the shown answer came from the server (ISO); unknown until one has. */
  readonly savedAt?: string;
  /** The copy kept on the phone, shown because the server could not be reached. */
  readonly fromPhone: boolean;
};

/**
 * `queryFn`, keeping every answer on the phone and giving the kept copy back when the server
 * cannot be reached. The hook below uses it; a route's loader can start the same request early.
 */
export function cachedFetch<T>(
  storeKey: string,
  queryFn: (context: QueryFunctionContext) => Promise<T>,
): (context: QueryFunctionContext) => Promise<T> {
  return async (context) => {
    try {
      const data = await queryFn(context);
      const now = new Date();
      provenance.set(storeKey, { savedAt: now.toISOString(), fromPhone: false });
      // Not awaited: the page shows the answer without waiting for the phone's disk. Storing
      // may fail (a full disk, a private window); the answer is still good.
      void saveAnswer(storeKey, data, now).catch(() => undefined);
      return data;
    } catch (error) {
      if (unreachable(error)) {
        const stored = await loadAnswer(storeKey);
        if (stored !== undefined) {
          provenance.set(storeKey, { savedAt: stored.savedAt, fromPhone: true });
          return stored.data as T;
        }
      }
      throw error;
    }
  };
}

export function useCachedQuery<T>({
  queryKey,
  queryFn,
  storeKey,
}: CachedQueryOptions<T>): CachedQueryResult<T> {
  const showingPhoneCopy = () => provenance.get(storeKey)?.fromPhone === true;
  const query = useQuery<T>({
    queryKey,
    networkMode: 'always',
    // A copy from the phone is asked for again as soon as the connection is back (see the
    // effect below too), and every half minute while the server does not answer.
    refetchOnReconnect: () => (showingPhoneCopy() ? 'always' : true),
    refetchInterval: () => (showingPhoneCopy() ? 30_000 : false),
    queryFn: cachedFetch(storeKey, queryFn),
  });
  // react-query hears "back online" only after it heard "offline": a page opened with no
  // connection never did, so the browser's `online` event is listened to here as well.
  const client = useQueryClient();
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    const onOnline = () => {
      if (provenance.get(storeKey)?.fromPhone !== true) return;
      void client.refetchQueries({ queryKey: JSON.parse(key) as QueryKey, exact: true });
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
    };
  }, [client, key, storeKey]);
  const source = query.isSuccess ? provenance.get(storeKey) : undefined;
  // Spreading reads every field, so the page re-renders whenever a new answer lands (even an
  // equal one, which may have come from elsewhere than the last).
  return {
    ...query,
    fromPhone: source?.fromPhone ?? false,
    ...(source === undefined ? {} : { savedAt: source.savedAt }),
  };
}

function formatSavedAt(savedAt: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(savedAt));
}

/**
 * The notice a page shows above a copy from the phone: "Saved on Monday 3 March at 09:12 — you
 * are offline." (what happens to new logs offline is the frame's to say, once). Nothing when
 * the answer is fresh from the server.
 */
export function SavedCopyNotice({
  query,
}: {
  readonly query: Pick<CachedQueryResult<unknown>, 'fromPhone' | 'savedAt'>;
}): JSX.Element | null {
  if (!query.fromPhone || query.savedAt === undefined) return null;
  return createElement(
    'p',
    { className: 'notice notice--offline', role: 'status' },
    `Saved on ${formatSavedAt(query.savedAt)} — you are offline.`,
  );
}
