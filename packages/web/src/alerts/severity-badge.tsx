/**
 * An alert's severity as a badge: a word and a shape as well as a colour, so it reads the same
 * to someone who cannot tell the colours apart, in greyscale and on paper.
 */
import type { FlagSeverity } from '@spinewise/clinical';

export const severityLabels: Readonly<Record<FlagSeverity, string>> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  warning: 'Warning',
  info: 'For information',
};

/** Most severe first, as the API orders them. */
export const severityOrder: readonly FlagSeverity[] = ['emergency', 'urgent', 'warning', 'info'];

function SeverityIcon({ severity }: { readonly severity: FlagSeverity }) {
  switch (severity) {
    case 'emergency':
      // An octagon, as on a stop sign.
      return (
        <svg viewBox="0 0 16 16" className="badge-icon" aria-hidden="true" focusable="false">
          <polygon points="5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5" fill="currentColor" />
          <rect x="7" y="4" width="2" height="5" fill="var(--badge-bg)" />
          <rect x="7" y="10.5" width="2" height="2" fill="var(--badge-bg)" />
        </svg>
      );
    case 'urgent':
      return (
        <svg viewBox="0 0 16 16" className="badge-icon" aria-hidden="true" focusable="false">
          <polygon points="8,1 15,14.5 1,14.5" fill="currentColor" />
          <rect x="7" y="5.5" width="2" height="5" fill="var(--badge-bg)" />
          <rect x="7" y="11.5" width="2" height="2" fill="var(--badge-bg)" />
        </svg>
      );
    case 'warning':
      return (
        <svg viewBox="0 0 16 16" className="badge-icon" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
          <rect x="7" y="4" width="2" height="5" fill="currentColor" />
          <rect x="7" y="10.5" width="2" height="2" fill="currentColor" />
        </svg>
      );
    case 'info':
      return (
        <svg viewBox="0 0 16 16" className="badge-icon" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
          <rect x="7" y="7" width="2" height="5" fill="currentColor" />
          <rect x="7" y="3.5" width="2" height="2" fill="currentColor" />
        </svg>
      );
  }
}

export function SeverityBadge({ severity }: { readonly severity: FlagSeverity }) {
  return (
    <span className={`badge badge--${severity}`}>
      <SeverityIcon severity={severity} />
      {severityLabels[severity]}
    </span>
  );
}
