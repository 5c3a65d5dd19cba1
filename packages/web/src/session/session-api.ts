/** The session resource (`/api/session`): who is signed in, log-in and log-out. */
import { api, isApiError, NETWORK_ERROR_STATUS } from '../api/client.js';

export type Role = 'admin' | 'clinician' | 'patient';

export interface SessionUser {
  readonly id: string;
  readonly clinicId: string;
  readonly role: Role;
  readonly displayName: string;
}

export interface LoggedIn {
  readonly user: SessionUser;
  readonly csrfToken: string;
}

export const sessionQueryKey = ['session'] as const;

/** Why the last session ended, kept beside it so the log-in page can say so. */
export type SessionEnd = 'signedOut' | 'expired';
export const sessionEndQueryKey = ['session-end'] as const;

/** Who is signed in, or `null` when nobody is (a 401 is an answer here, not a failure). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    const { user } = await api.get<{ user: SessionUser }>('/api/session', signal);
    return user;
  } catch (error) {
    if (isApiError(error, 401)) return null;
    // No connection: the patient last signed in on this phone, so the app opens offline
    // (loaded only then: the console never needs it; the patient app's worker keeps it).
    if (isApiError(error, NETWORK_ERROR_STATUS)) {
      const saved = await import('../patient-app/offline/saved-session.js')
        .then((offline) => offline.loadSavedSession())
        .catch(() => undefined);
      if (saved !== undefined) return saved;
    }
    throw error;
  }
}

export function logIn(input: { email: string; password: string }): Promise<LoggedIn> {
  return api.post<LoggedIn>('/api/session', input);
}

export async function logOut(): Promise<void> {
  try {
    await api.delete<undefined>('/api/session');
  } catch (error) {
    // Already signed out (the session expired): the result the person wanted.
    if (!isApiError(error, 401)) throw error;
  }
}

export function isStaff(user: SessionUser): boolean {
  return user.role === 'clinician' || user.role === 'admin';
}

/** Where a signed-in person starts: the caseload for staff, today's programme for a patient. */
export function homeFor(user: SessionUser): string {
  return isStaff(user) ? '/caseload' : '/app';
}
