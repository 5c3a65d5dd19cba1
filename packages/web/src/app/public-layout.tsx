/** The frame of the pages before signing in (log-in, joining by invitation): calm and plain. */
import { useRef } from 'react';
import { Outlet } from 'react-router';
import { useRouteFocus } from './route-focus.js';

export function PublicLayout() {
  const main = useRef<HTMLElement>(null);
  useRouteFocus(main);
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="public-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Spinewise</span>
        </span>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="public-main">
        <Outlet />
      </main>
    </div>
  );
}
