/**
 * The signed-in person, for every page: read once from `GET /api/session` and kept in the
 * query cache under `sessionQueryKey`. Log-in, log-out, invitation redemption and any 401 from
 * the API write that one entry, so the guards below redirect at once.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingState, ErrorState } from '../ui/states.js';
import {
  fetchSession,
  homeFor,
  isStaff,
  sessionEndQueryKey,
  sessionQueryKey,
  type SessionEnd,
  type SessionUser,
} from './session-api.js';

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Infinity,
  });
}

/** The signed-in user; only for pages under a guard below, which renders nothing otherwise. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (data === undefined || data === null) {
    throw new Error('useCurrentUser is only for pages under RequireStaff or RequirePatient');
  }
  return data;
}

/**
 * Sets who is signed in (after log-in or redemption), or that nobody is and why (after
 * sign-out, or a 401 when the session ended). The guards then send the person on.
 */
export function useSetSession(): (user: SessionUser | null, end?: SessionEnd) => void {
  const client = useQueryClient();
  return (user, end = 'signedOut') => {
    if (user === null) {
      // Nothing of the last person's data may outlive their session in this tab.
      client.removeQueries({
        predicate: (query) =>
          query.queryKey[0] !== sessionQueryKey[0] && query.queryKey[0] !== sessionEndQueryKey[0],
      });
      client.setQueryData<SessionEnd>(sessionEndQueryKey, end);
    } else {
      client.removeQueries({ queryKey: sessionEndQueryKey });
    }
    client.setQueryData(sessionQueryKey, user);
  };
}

interface GuardProps {
  /** What to show once allowed; the child route when left out. */
  readonly children?: ReactNode;
}

function SessionGate({
  children,
  allow,
}: GuardProps & { readonly allow: (user: SessionUser) => boolean }) {
  const session = useSession();
  const client = useQueryClient();
  const location = useLocation();
  if (session.isPending) return <LoadingState label="Opening Spinewise" />;
  if (session.isError) {
    return (
      <ErrorState
        error={session.error}
        onRetry={() => {
          void session.refetch();
        }}
      />
    );
  }
  const user = session.data;
  if (user === null) {
    const end = client.getQueryData<SessionEnd>(sessionEndQueryKey);
    // Signing out ends the work; otherwise come back here after signing in.
    if (end === 'signedOut') return <Navigate to="/login" replace state={{ end }} />;
    const next = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={`/login?next=${encodeURIComponent(next)}`}
        replace
        {...(end === undefined ? {} : { state: { end } })}
      />
    );
  }
  if (!allow(user)) return <Navigate to={homeFor(user)} replace />;
  return children === undefined ? <Outlet /> : <>{children}</>;
}

/** Pages for clinicians and administrators. */
export function RequireStaff({ children }: GuardProps) {
  return <SessionGate allow={isStaff}>{children}</SessionGate>;
}

/** Pages for a signed-in patient. */
export function RequirePatient({ children }: GuardProps) {
  return <SessionGate allow={(user) => user.role === 'patient'}>{children}</SessionGate>;
}

/** `/`: sends each person to where they start. */
export function HomeRedirect() {
  const session = useSession();
  if (session.isPending) return <LoadingState label="Opening Spinewise" />;
  if (session.isError) {
    return (
      <ErrorState
        error={session.error}
        onRetry={() => {
          void session.refetch();
        }}
      />
    );
  }
  return <Navigate to={session.data === null ? '/login' : homeFor(session.data)} replace />;
}
