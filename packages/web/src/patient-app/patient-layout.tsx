/**
 * The patient app's frame: the brand and sign-out at the top, the page, and four big tabs at
 * the bottom (Today, Learn, Progress, Settings) within a thumb's reach. Phone-first, and
 * offline-first: the frame registers the service worker (this app only, never the console),
 * keeps the signed-in patient on the phone so the app opens with no connection, says when the
 * phone is offline, and offers a new release once it is ready.
 */
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useRouteFocus } from '../app/route-focus.js';
import { useSession, useSetSession } from '../session/session.js';
import { useSignOut } from '../session/sign-out.js';
import { Button } from '../ui/button.js';
import { onOutboxSessionEnded, syncOutbox, useOutbox } from './offline/outbox.js';
import { saveSessionUser } from './offline/saved-session.js';
import { useServiceWorker } from './offline/service-worker.js';
import './patient-layout.css';

type TabIcon = 'today' | 'learn' | 'progress' | 'settings';

const tabs: readonly { to: string; label: string; icon: TabIcon; end: boolean }[] = [
  { to: '/app', label: 'Today', icon: 'today', end: true },
  { to: '/app/learn', label: 'Learn', icon: 'learn', end: false },
  { to: '/app/progress', label: 'Progress', icon: 'progress', end: false },
  { to: '/app/settings', label: 'Settings', icon: 'settings', end: false },
];

/** Simple line icons beside each tab's word (decoration: the word is the label). */
const iconPaths: Readonly<Record<TabIcon, string>> = {
  today: 'M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5 M8 14h3v3H8z',
  learn: 'M3 6c3-1.5 6-1.5 9 0v13c-3-1.5-6-1.5-9 0z M12 6c3-1.5 6-1.5 9 0v13c-3-1.5-6-1.5-9 0z',
  progress: 'M4 20h16 M6 16l4-5 4 3 5-7',
  settings:
    'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z M12 2v3 M12 19v3 M2 12h3 M19 12h3 M4.9 4.9l2.1 2.1 M17 17l2.1 2.1 M4.9 19.1L7 17 M17 7l2.1-2.1',
};

function TabIconSvg({ icon }: { readonly icon: TabIcon }) {
  return (
    <svg
      className="tab-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={iconPaths[icon]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function PatientLayout() {
  // Not `useCurrentUser`: while signing out, this frame may draw once more after the session
  // is gone (wiping the phone's data re-renders it) and before the guard above moves on.
  const { data: user } = useSession();
  const main = useRef<HTMLElement>(null);
  const { signOut, busy, error } = useSignOut();
  const { waiting, online, syncing, syncNow } = useOutbox();
  const setSession = useSetSession();
  const { updateReady, applyUpdate } = useServiceWorker();
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  useRouteFocus(main);

  useEffect(() => {
    // Kept so the app opens offline next time; a failure only means it will not.
    // Then send what waits: signing in again after the session ended (a 401 held it back).
    if (user !== undefined && user !== null) {
      void saveSessionUser(user)
        .catch(() => undefined)
        .then(() => syncOutbox());
    }
  }, [user]);

  // Sending a log found the session over: sign in again (the log waits on the phone). Through
  // a ref, so a new `setSession` each render does not subscribe again.
  const setSessionRef = useRef(setSession);
  useEffect(() => {
    setSessionRef.current = setSession;
  });
  useEffect(
    () =>
      onOutboxSessionEnded(() => {
        setSessionRef.current(null, 'expired');
      }),
    [],
  );

  if (user === undefined || user === null) return null;

  const askSignOut = () => {
    // Unsent logs would be lost with the patient's data: say so before they go.
    if (waiting > 0) setConfirmingSignOut(true);
    else signOut();
  };

  return (
    <div className="app app--patient">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Spinewise</span>
          </span>
          <div className="app-user">
            <span className="app-user-name">
              <span className="visually-hidden">Signed in as </span>
              {user.displayName}
            </span>
            <Button variant="quiet" busy={busy} busyLabel="Signing out…" onClick={askSignOut}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      {error === undefined ? null : (
        <p className="notice notice--error app-notice" role="alert">
          {error}
        </p>
      )}
      {confirmingSignOut ? (
        <div className="notice notice--error app-notice patient-confirm" role="alert">
          <p>
            {plural(waiting, 'thing you logged has', 'things you logged have')} not been sent yet.
            If you sign out now, {waiting === 1 ? 'it' : 'they'} will be lost. Connect to the
            internet first so {waiting === 1 ? 'it is' : 'they are'} sent.
          </p>
          <div className="patient-confirm-actions">
            <Button
              variant="secondary"
              onClick={() => {
                setConfirmingSignOut(false);
              }}
            >
              Stay signed in
            </Button>
            <Button
              variant="danger"
              busy={busy}
              busyLabel="Signing out…"
              onClick={() => {
                setConfirmingSignOut(false);
                signOut();
              }}
            >
              Sign out anyway
            </Button>
          </div>
        </div>
      ) : null}
      <div className="patient-banners" role="status">
        {online ? null : (
          <p className="notice notice--info app-notice patient-offline">
            <strong>You are offline.</strong> You can still use the app. What you log is saved on
            this phone and sent when you are back online.
          </p>
        )}
      </div>
      {online && waiting > 0 && !syncing ? (
        // Only between tries (a log sent at once never flashes it up); not a live region, as
        // retries come and go and would be read out each time.
        <div className="notice notice--info app-notice patient-sending">
          <p>
            {plural(waiting, 'thing you logged is', 'things you logged are')} waiting to be sent.
          </p>
          <Button variant="secondary" onClick={syncNow}>
            Send now
          </Button>
        </div>
      ) : null}
      {updateReady ? (
        <div className="notice notice--info app-notice patient-update" role="status">
          <p>A new version of Spinewise is ready.</p>
          <Button variant="secondary" onClick={applyUpdate}>
            Reload to update
          </Button>
        </div>
      ) : null}
      <main id="main" ref={main} tabIndex={-1} className="app-main app-main--narrow">
        <Outlet />
      </main>
      <nav className="patient-tabs" aria-label="Main">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>
                <TabIconSvg icon={tab.icon} />
                <span className="tab-label">{tab.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
