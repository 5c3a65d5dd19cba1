/** Signing out, for both the console and the patient app. */
import { useState } from 'react';
import { clearPatientData } from '../patient-app/offline/saved-session.js';
import { describeError } from '../ui/states.js';
import { useSetSession } from './session.js';
import { logOut } from './session-api.js';

/**
 * Signs out. The page guards then go to the log-in page, which says so; the session's cached
 * data goes with it.
 */
export function useSignOut(): { signOut: () => void; busy: boolean; error: string | undefined } {
  const setSession = useSetSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const signOut = () => {
    setBusy(true);
    setError(undefined);
    logOut()
      // The patient's data kept on this phone (unsent logs, saved pages) goes with the session.
      .then(() => clearPatientData().catch(() => undefined))
      .then(() => {
        setSession(null, 'signedOut');
      })
      .catch((failure: unknown) => {
        setError(`You are still signed in. ${describeError(failure)}`);
      })
      .finally(() => {
        setBusy(false);
      });
  };
  return { signOut, busy, error };
}
