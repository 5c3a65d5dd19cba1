/**
 * The three states every data view has besides its content: loading, empty and failed. Each is
 * announced to screen readers (a status for loading, an alert for a failure) and says in plain
 * words what is happening and what the person can do.
 */
import type { ReactNode } from 'react';
import { ApiError, NETWORK_ERROR_STATUS } from '../api/client.js';
import { Button } from './button.js';

export function LoadingState({ label }: { readonly label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  readonly title: string;
  readonly children?: ReactNode;
  readonly action?: ReactNode;
}) {
  return (
    <div className="state state--empty">
      <p className="state-title">{title}</p>
      {children === undefined ? null : <div className="state-body">{children}</div>}
      {action === undefined ? null : <div className="state-action">{action}</div>}
    </div>
  );
}

/** What went wrong, in words a person can act on. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === NETWORK_ERROR_STATUS) return error.message;
    if (error.status === 401) return 'Your session has ended. Please sign in again.';
    if (error.status === 403) return 'Your account is not allowed to see this.';
    if (error.status === 404) return 'We could not find this. It may have been moved or removed.';
    if (error.status >= 500)
      return 'Something went wrong on our side. Please try again in a moment.';
    return error.message;
  }
  return 'Something unexpected went wrong. Please try again.';
}

export function ErrorState({
  error,
  title = 'This could not be loaded',
  onRetry,
}: {
  readonly error: unknown;
  readonly title?: string;
  readonly onRetry?: () => void;
}) {
  return (
    <div className="state state--error" role="alert">
      <p className="state-title">{title}</p>
      <p className="state-body">{describeError(error)}</p>
      {onRetry === undefined ? null : (
        <div className="state-action">
          <Button variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        </div>
      )}
    </div>
  );
}
