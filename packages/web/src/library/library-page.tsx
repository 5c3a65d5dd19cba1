/** The exercise library: browsing, search and the animated figures come with the rest of issue 5. */
import { Link } from 'react-router';
import { PageHeader } from '../ui/page.js';
import { EmptyState } from '../ui/states.js';

export function LibraryPage() {
  return (
    <>
      <title>Exercise library · Spinewise</title>
      <PageHeader
        title="Exercise library"
        lead="Every exercise Spinewise can prescribe, with its instructions, dose and progressions."
      />
      <EmptyState title="The library is being set up">
        <p>
          Browsing and searching the exercises will be here soon. Until then, each patient&rsquo;s
          programme lists the exercises chosen for them.{' '}
          <Link to="/caseload">Go to your caseload</Link>.
        </p>
      </EmptyState>
    </>
  );
}
