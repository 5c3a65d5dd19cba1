/**
 * The alerts still needing a clinician, most severe first: each with what happened, what the
 * patient was told, when it was raised and, once acknowledged, by whom and when. Acknowledging
 * is one press (shown at once, undone if the server refuses); resolving asks first, as it takes
 * the alert off everyone's list.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../session/session.js';
import { useStaffNames } from '../session/staff.js';
import { formatMoment } from '../format/dates.js';
import { Button } from '../ui/button.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { describeError, ErrorState, LoadingState } from '../ui/states.js';
import {
  actorName,
  activeAlertsQueryKey,
  alertTypeLabel,
  changeAlert,
  fetchActiveAlerts,
  type Alert,
} from './alerts-api.js';
import { SeverityBadge, severityOrder } from './severity-badge.js';

/** Alerts listed before "Show all": enough to act on, short enough to reach the caseload. */
export const ALERTS_SHOWN = 4;

function byUrgency(a: Alert, b: Alert): number {
  const severity = severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity);
  if (severity !== 0) return severity;
  // Not yet seen before seen; then the newest first.
  if (a.state !== b.state) return a.state === 'open' ? -1 : 1;
  return b.createdAt.localeCompare(a.createdAt);
}

export interface AlertsPanelProps {
  /** Names of the patients in view; alerts of other patients are counted, not listed. */
  readonly patientNames: ReadonlyMap<string, string>;
  /** Offered when some alerts belong to patients outside the view (a colleague's). */
  readonly onShowClinic?: () => void;
}

export function AlertsPanel({ patientNames, onShowClinic }: AlertsPanelProps) {
  const me = useCurrentUser();
  const names = useStaffNames();
  const client = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [resolving, setResolving] = useState<Alert | null>(null);
  const [showAll, setShowAll] = useState(false);

  const alerts = useQuery({
    queryKey: activeAlertsQueryKey,
    queryFn: ({ signal }) => fetchActiveAlerts(signal),
  });

  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: activeAlertsQueryKey }),
      client.invalidateQueries({ queryKey: ['caseload'] }),
    ]);

  const acknowledge = useMutation({
    mutationFn: (alert: Alert) => changeAlert(alert.id, 'acknowledge'),
    // Safe to show at once: it only records that someone has seen the alert.
    onMutate: async (alert) => {
      setFailure(undefined);
      await client.cancelQueries({ queryKey: activeAlertsQueryKey });
      const before = client.getQueryData<readonly Alert[]>(activeAlertsQueryKey);
      client.setQueryData<readonly Alert[]>(activeAlertsQueryKey, (list) =>
        list?.map((item) =>
          item.id === alert.id
            ? {
                ...item,
                state: 'acknowledged',
                acknowledgedBy: me.id,
                acknowledgedAt: new Date().toISOString(),
              }
            : item,
        ),
      );
      return { before };
    },
    onError: (error, _alert, context) => {
      if (context?.before !== undefined) {
        client.setQueryData(activeAlertsQueryKey, context.before);
      }
      setFailure(`The alert could not be acknowledged. ${describeError(error)}`);
    },
    onSuccess: (updated) => {
      setAnnouncement(
        `Alert acknowledged by you at ${formatMoment(updated.acknowledgedAt ?? updated.createdAt)}.`,
      );
    },
    onSettled: refresh,
  });

  const resolve = useMutation({
    mutationFn: (alert: Alert) => changeAlert(alert.id, 'resolve'),
    onSuccess: async (updated) => {
      setResolving(null);
      const name = patientNames.get(updated.patientId) ?? 'the patient';
      setAnnouncement(
        `Alert for ${name} resolved by you at ${formatMoment(updated.resolvedAt ?? updated.createdAt)}.`,
      );
      await refresh();
    },
  });

  if (alerts.isPending) return <LoadingState label="Loading alerts" />;
  if (alerts.isError) {
    return (
      <ErrorState
        title="The alerts could not be loaded"
        error={alerts.error}
        onRetry={() => {
          void alerts.refetch();
        }}
      />
    );
  }

  const inView = alerts.data.filter((alert) => patientNames.has(alert.patientId)).sort(byUrgency);
  const elsewhere = alerts.data.length - inView.length;
  // Emergencies and urgent alerts are never folded away.
  const pressing = inView.filter(
    (alert) => alert.severity === 'emergency' || alert.severity === 'urgent',
  ).length;
  const shownCount = showAll ? inView.length : Math.max(ALERTS_SHOWN, pressing);
  const shown = inView.slice(0, shownCount);

  return (
    <section className="panel alerts-panel" aria-labelledby="alerts-heading">
      <div className="panel-header">
        <h2 id="alerts-heading">
          Alerts <span className="count">({inView.length})</span>
        </h2>
      </div>
      {/* Always present, so a screen reader hears each new outcome as it appears. */}
      <p
        className={announcement === '' ? 'visually-hidden' : 'notice notice--success'}
        role="status"
      >
        {announcement}
      </p>
      {failure === undefined ? null : (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      {inView.length === 0 ? (
        <p className="panel-empty">No alerts need you right now.</p>
      ) : (
        <ul className="alert-list" id="alert-list">
          {shown.map((alert) => (
            <li key={alert.id} className={`alert-item alert-item--${alert.severity}`}>
              <article aria-labelledby={`alert-${alert.id}`}>
                <div className="alert-item-head">
                  <SeverityBadge severity={alert.severity} />
                  <h3 id={`alert-${alert.id}`} className="alert-item-title">
                    <Link to={`/patients/${alert.patientId}`}>
                      {patientNames.get(alert.patientId)}
                    </Link>
                    <span className="alert-item-type"> · {alertTypeLabel(alert.type)}</span>
                  </h3>
                </div>
                <p className="alert-item-message">{alert.message}</p>
                {alert.advice === null ? null : (
                  <p className="alert-item-advice">
                    <strong>The patient was advised:</strong> {alert.advice}
                  </p>
                )}
                <p className="alert-item-meta">
                  Raised {formatMoment(alert.createdAt)}
                  {alert.state === 'acknowledged' && alert.acknowledgedAt !== null ? (
                    <>
                      {' · '}
                      <span className="alert-item-state">
                        Acknowledged by {actorName(alert.acknowledgedBy, me.id, names)},{' '}
                        {formatMoment(alert.acknowledgedAt)}
                      </span>
                    </>
                  ) : (
                    <>
                      {' · '}
                      <span className="alert-item-state">Not yet acknowledged</span>
                    </>
                  )}
                </p>
                <div className="alert-item-actions">
                  {alert.state === 'open' ? (
                    <Button
                      variant="secondary"
                      busy={acknowledge.isPending && acknowledge.variables.id === alert.id}
                      busyLabel="Acknowledging…"
                      onClick={() => {
                        acknowledge.mutate(alert);
                      }}
                      aria-describedby={`alert-${alert.id}`}
                    >
                      Acknowledge
                    </Button>
                  ) : null}
                  <Button
                    variant="quiet"
                    onClick={() => {
                      resolve.reset();
                      setResolving(alert);
                    }}
                    aria-describedby={`alert-${alert.id}`}
                  >
                    Resolve…
                  </Button>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {inView.length > Math.max(ALERTS_SHOWN, pressing) ? (
        <div className="list-more">
          <Button
            variant="secondary"
            aria-expanded={showAll}
            aria-controls="alert-list"
            onClick={() => {
              setShowAll((all) => !all);
            }}
          >
            {showAll ? 'Show fewer alerts' : `Show all ${inView.length} alerts`}
          </Button>
        </div>
      ) : null}
      {elsewhere > 0 && onShowClinic !== undefined ? (
        <p className="panel-footnote">
          {elsewhere === 1
            ? "1 more alert is for a colleague's patient."
            : `${elsewhere} more alerts are for colleagues' patients.`}{' '}
          <Button variant="quiet" onClick={onShowClinic}>
            Show the whole clinic
          </Button>
        </p>
      ) : null}
      <ConfirmDialog
        open={resolving !== null}
        title="Resolve this alert?"
        confirmLabel="Resolve alert"
        busyLabel="Resolving…"
        busy={resolve.isPending}
        error={resolve.isError ? describeError(resolve.error) : undefined}
        onConfirm={() => {
          if (resolving !== null) resolve.mutate(resolving);
        }}
        onCancel={() => {
          setResolving(null);
        }}
      >
        {resolving === null ? null : (
          <>
            <p>
              <strong>{patientNames.get(resolving.patientId)}</strong>:{' '}
              {alertTypeLabel(resolving.type).toLowerCase()}.
            </p>
            <p>
              Resolving records that you have dealt with it, with your name and the time. It leaves
              the list of alerts but stays in the patient&rsquo;s record.
            </p>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
