/**
 * One patient: who they are, their episodes of care, their alerts and their invitation to the
 * programme app. The assessment, programme, monitoring and notes of issue 5 grow from here.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  actorName,
  alertTypeLabel,
  fetchPatientAlerts,
  patientAlertsQueryKey,
} from '../alerts/alerts-api.js';
import { SeverityBadge } from '../alerts/severity-badge.js';
import { AssessmentsPanel } from '../assessment/assessments-panel.js';
import { formatDay, formatMoment } from '../format/dates.js';
import { useCurrentUser } from '../session/session.js';
import { useStaffNames } from '../session/staff.js';
import { InvitationCard } from '../invitations/invitation-card.js';
import { ProgrammesSection } from '../programmes/episode-programmes.js';
import { Button, ButtonLink } from '../ui/button.js';
import { formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../ui/form.js';
import { PageHeader } from '../ui/page.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import { conditionLabel, regionLabel } from './conditions.js';
import { QuestionnaireRequestsPanel } from './questionnaire-requests-panel.js';
import {
  createInvitation,
  fetchPatient,
  patientQueryKey,
  type Invitation,
  type PatientWithEpisodes,
} from './patients-api.js';

function PatientAlerts({ patientId }: { readonly patientId: string }) {
  const me = useCurrentUser();
  const names = useStaffNames();
  const alerts = useQuery({
    queryKey: patientAlertsQueryKey(patientId),
    queryFn: ({ signal }) => fetchPatientAlerts(patientId, signal),
  });
  if (alerts.isPending) return <LoadingState label="Loading alerts" />;
  if (alerts.isError)
    return <ErrorState title="The alerts could not be loaded" error={alerts.error} />;
  const list = alerts.data;
  if (list.length === 0) return <p className="panel-empty">No alerts so far.</p>;
  return (
    <ul className="history-list patient-alerts">
      {list.map((alert) => (
        <li key={alert.id}>
          <SeverityBadge severity={alert.severity} /> <strong>{alertTypeLabel(alert.type)}</strong>:{' '}
          {alert.message}
          <span className="history-meta">
            Raised {formatMoment(alert.createdAt)}
            {alert.acknowledgedAt === null
              ? ''
              : ` · acknowledged by ${actorName(alert.acknowledgedBy, me.id, names)}, ${formatMoment(alert.acknowledgedAt)}`}
            {alert.resolvedAt === null
              ? ''
              : ` · resolved by ${actorName(alert.resolvedBy, me.id, names)}, ${formatMoment(alert.resolvedAt)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function InvitePanel({ patient }: { readonly patient: PatientWithEpisodes }) {
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const invite = async () => {
    setBusy(true);
    try {
      setInvitation(await createInvitation(patient.id));
      setErrors(noErrors);
    } catch (error) {
      setErrors(formErrorsFrom(error, {}));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="app-heading">
      <h2 id="app-heading">Programme app</h2>
      <p>
        {patient.hasLogin
          ? `${patient.displayName} has signed up to the programme app. A new invitation lets them set a new PIN or password.`
          : `${patient.displayName} has not signed up to the programme app yet.`}
      </p>
      {hasErrors(errors) ? (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {invitation === null ? (
        <Button busy={busy} busyLabel="Creating the invitation…" onClick={() => void invite()}>
          {patient.hasLogin ? 'Create a new invitation' : 'Invite to the app'}
        </Button>
      ) : (
        <InvitationCard invitation={invitation} patientName={patient.displayName} />
      )}
    </section>
  );
}

export function PatientPage() {
  const { patientId = '' } = useParams();
  const patient = useQuery({
    queryKey: patientQueryKey(patientId),
    queryFn: ({ signal }) => fetchPatient(patientId, signal),
  });

  if (patient.isPending) return <LoadingState label="Loading the patient" />;
  if (patient.isError) {
    return (
      <>
        <title>Patient · Spinewise</title>
        <PageHeader title="Patient" backLink={<Link to="/patients">Back to patients</Link>} />
        <ErrorState
          title="This patient could not be loaded"
          error={patient.error}
          onRetry={() => {
            void patient.refetch();
          }}
        />
      </>
    );
  }
  const data = patient.data;
  const active = data.episodes.find((episode) => episode.status === 'active');
  return (
    <>
      <title>{`${data.displayName} · Spinewise`}</title>
      <PageHeader
        title={data.displayName}
        lead={
          active === undefined
            ? 'No active episode of care.'
            : `${conditionLabel(active.condition)} · ${regionLabel(active.region)} · since ${formatDay(active.startedOn)}`
        }
        backLink={<Link to="/caseload">Back to caseload</Link>}
        actions={
          <>
            <ButtonLink variant="secondary" to={`/patients/${encodeURIComponent(data.id)}/chart`}>
              Chart and notes
            </ButtonLink>
            <ButtonLink
              variant="secondary"
              to={`/library?patientId=${encodeURIComponent(data.id)}`}
            >
              Exercises that suit them
            </ButtonLink>
          </>
        }
      />
      <div className="columns">
        <section className="panel" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className="details">
            <div>
              <dt>Date of birth</dt>
              <dd>{data.dateOfBirth === null ? 'Not recorded' : formatDay(data.dateOfBirth)}</dd>
            </div>
            <div>
              <dt>Added</dt>
              <dd>{formatMoment(data.createdAt)}</dd>
            </div>
          </dl>
          <h3>Episodes of care</h3>
          {data.episodes.length === 0 ? (
            <p className="panel-empty">No episodes of care yet.</p>
          ) : (
            <ul className="history-list">
              {data.episodes.map((episode) => (
                <li key={episode.id}>
                  <strong>{conditionLabel(episode.condition)}</strong>,{' '}
                  {regionLabel(episode.region).toLowerCase()}
                  <span className="history-meta">
                    From {formatDay(episode.startedOn)}
                    {episode.status === 'discharged' && episode.dischargedOn !== null
                      ? ` to ${formatDay(episode.dischargedOn)} (discharged)`
                      : ' · active'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <InvitePanel patient={data} />
      </div>
      <AssessmentsPanel patientId={data.id} episodes={data.episodes} />
      <QuestionnaireRequestsPanel patient={data} />
      <section className="panel" aria-labelledby="patient-alerts-heading">
        <h2 id="patient-alerts-heading">Alerts</h2>
        <PatientAlerts patientId={data.id} />
      </section>
      <ProgrammesSection patient={data} />
    </>
  );
}
