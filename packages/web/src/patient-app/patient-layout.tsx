/** The patient app's frame: the brand, sign-out and the page; large, simple and phone-first. */
import { useRef } from 'react';
import { Outlet } from 'react-router';
import { useRouteFocus } from '../app/route-focus.js';
import { useCurrentUser } from '../session/session.js';
import { useSignOut } from '../session/sign-out.js';
import { Button } from '../ui/button.js';

export function PatientLayout() {
  const user = useCurrentUser();
  const main = useRef<HTMLElement>(null);
  const { signOut, busy, error } = useSignOut();
  useRouteFocus(main);
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
            <Button variant="quiet" busy={busy} busyLabel="Signing out…" onClick={signOut}>
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
      <main id="main" ref={main} tabIndex={-1} className="app-main app-main--narrow">
        <Outlet />
      </main>
    </div>
  );
}
