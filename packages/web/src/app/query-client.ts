/**
 * The app's one query client. Data is fresh for half a minute (a clinician moving between
 * pages sees no flicker of refetching) and refetched when the window regains focus. A 401 from
 * any request of a signed-in person means the session ended: the session entry is cleared, so
 * the page guards send them to log in again.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client.js';
import { sessionEndQueryKey, sessionQueryKey, type SessionEnd } from '../session/session-api.js';

export function createQueryClient(): QueryClient {
  const ended = (error: unknown) => {
    // Only a session we knew of can end; before the session check answers (a page's requests
    // start beside it), a 401 just means nobody is signed in, which that check will say.
    if (!isApiError(error, 401) || !client.getQueryData(sessionQueryKey)) return;
    client.setQueryData<SessionEnd>(sessionEndQueryKey, 'expired');
    client.setQueryData(sessionQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: ended }),
    mutationCache: new MutationCache({ onError: ended }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; a lost connection or a 5xx might.
        retry: (failures, error) =>
          failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
  return client;
}
