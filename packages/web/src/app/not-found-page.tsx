/** An address the app does not have, and the page for an error no other page caught. */
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="standalone">
      <title>Page not found · Spinewise</title>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>There is no page at this address. It may have been mistyped, or the page has moved.</p>
      <p>
        <Link to="/">Go to the start</Link>
      </p>
    </div>
  );
}

export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className="standalone" role="alert">
      <title>Something went wrong · Spinewise</title>
      <h1 tabIndex={-1}>Something went wrong</h1>
      <p>
        Sorry, this page stopped working. Your saved work is safe. Reload the page to try again; if
        it keeps happening, please tell your clinic&rsquo;s administrator.
      </p>
      <p>
        <a href="/">Reload Spinewise</a>
      </p>
    </div>
  );
}
