/**
 * The last signed-in patient, kept on the phone so the app opens with no connection: the
 * session check (`GET /api/session`) cannot answer offline, and the patient's programme is
 * already on the phone. Only a patient is kept (never staff), and sign-out removes it with the
 * rest of the patient's data (`clearPatientData`).
 */
import type { SessionUser } from '../../session/session-api.js';
import { clearStores, getRecord, hasIndexedDb, putRecord } from './db.js';

const SESSION_KEY = 'session';

/** Listeners told when the phone's patient data is wiped (sign-out). */
const clearedListeners = new Set<() => void>();

export function onPatientDataCleared(listener: () => void): () => void {
  clearedListeners.add(listener);
  return () => {
    clearedListeners.delete(listener);
  };
}

/**
 * Keeps `user` as the patient of this phone. Another patient than the last (whose session
 * ended without signing out) never sees the last one's saved pages; their unsent entries stay
 * theirs (the outbox sends only its owner's).
 */
export async function saveSessionUser(user: SessionUser): Promise<void> {
  if (user.role !== 'patient' || !hasIndexedDb()) return;
  const previous = await loadSavedSession();
  if (previous !== undefined && previous.id !== user.id) await clearStores(['queries']);
  await putRecord(
    'meta',
    { id: user.id, clinicId: user.clinicId, role: user.role, displayName: user.displayName },
    SESSION_KEY,
  );
}

/** The patient last signed in on this phone, if any (and if the phone can store data). */
export async function loadSavedSession(): Promise<SessionUser | undefined> {
  if (!hasIndexedDb()) return undefined;
  try {
    const saved = await getRecord<SessionUser>('meta', SESSION_KEY);
    return saved?.role === 'patient' ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Wipes the patient's data from the phone: the outbox, saved answers and the saved session. */
export async function clearPatientData(): Promise<void> {
  await clearStores();
  for (const listener of clearedListeners) listener();
}
