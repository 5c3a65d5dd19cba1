/**
 * The clinician console's frame: a skip link, the header with who is signed in and sign-out,
 * the main navigation, and the page. Every console page renders inside `<main>`.
 */
import { useRef } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useCurrentUser } from '../session/session.js';
import { useSignOut } from '../session/sign-out.js';
import { useClinicName } from '../session/staff.js';
import { Button } from '../ui/button.js';
import { useRouteFocus } from './route-focus.js';

const roleLabels = { admin: 'Administrator', clinician: 'Clinician', patient: 'Patient' } as const;

export function ConsoleLayout() {
  const user = useCurrentUser();
  const clinicName = useClinicName();
  const main = useRef<HTMLElement>(null);
  const { signOut, busy, error } = useSignOut();
  useRouteFocus(main);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/caseload" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Spinewise</span>
            <span className="visually-hidden"> clinician console, home</span>
          </Link>
          <nav className="app-nav" aria-label="Main">
            <ul>
              <li>
                <NavLink to="/caseload">Caseload</NavLink>
              </li>
              <li>
                <NavLink to="/patients">Patients</NavLink>
              </li>
              <li>
                <NavLink to="/library">Exercise library</NavLink>
              </li>
            </ul>
          </nav>
          <div className="app-user">
            <span className="app-user-name">
              <span className="visually-hidden">Signed in as </span>
              {user.displayName}
              <span className="app-user-role">
                {roleLabels[user.role]}
                {clinicName === undefined ? null : (
                  <>
                    <span aria-hidden="true"> · </span>
                    <span className="visually-hidden">, </span>
                    {clinicName}
                  </>
                )}
              </span>
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
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
