/** The top of every page: its one `h1` (which takes focus after a route change), a lead line and actions. */
import type { ReactNode } from 'react';

export function PageHeader({
  title,
  lead,
  actions,
  backLink,
}: {
  readonly title: ReactNode;
  readonly lead?: ReactNode;
  readonly actions?: ReactNode;
  /** A link above the title, back to where the page belongs. */
  readonly backLink?: ReactNode;
}) {
  return (
    <header className="page-header">
      {backLink === undefined ? null : <div className="page-back">{backLink}</div>}
      <div className="page-header-row">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {title}
          </h1>
          {lead === undefined ? null : <p className="page-lead">{lead}</p>}
        </div>
        {actions === undefined ? null : <div className="page-actions">{actions}</div>}
      </div>
    </header>
  );
}
