/**
 * Journey 4: a programme for review. Week by week with the rationale of every choice, edited
 * into a new version (dose, swap, lessons) with a reason, approved so the patient's app shows
 * it; earlier versions stay readable (`?version=N`), with who made them, when and why.
 */
import type { Programme } from '@spinewise/clinical';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { actorName } from '../alerts/alerts-api.js';
import { isApiError } from '../api/client.js';
import { formatDay, formatMoment } from '../format/dates.js';
import { conditionLabel, regionLabel } from '../patients/conditions.js';
import { useCurrentUser } from '../session/session.js';
import { useStaffNames } from '../session/staff.js';
import { Button, ButtonLink } from '../ui/button.js';
import {
  Form,
  TextField,
  formErrorsFrom,
  formText,
  noErrors,
  type FormErrors,
} from '../ui/form.js';
import { PageHeader } from '../ui/page.js';
import { ErrorState, LoadingState, describeError } from '../ui/states.js';
import { describeContentPath, excludedExercises } from './programme-edit.js';
import { RationaleList, WeekView } from './programme-week.js';
import {
  approveProgramme,
  editProgramme,
  fetchProgramme,
  fetchProgrammeVersion,
  programmeQueryKey,
  programmeVersionQueryKey,
  statusLabels,
  type ProgrammeDetail,
  type VersionInfo,
} from './programmes-api.js';
import './programmes.css';

function VersionHistory({
  programme,
  shown,
}: {
  readonly programme: ProgrammeDetail;
  readonly shown: number;
}) {
  const me = useCurrentUser();
  const names = useStaffNames();
  return (
    <section className="panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <ol className="history-list" reversed>
        {[...programme.versions].reverse().map((version: VersionInfo) => (
          <li key={version.version}>
            {version.version === shown ? (
              <strong aria-current="true">Version {version.version} (shown)</strong>
            ) : (
              <Link
                to={
                  version.version === programme.currentVersion
                    ? `/programmes/${programme.id}`
                    : `/programmes/${programme.id}?version=${String(version.version)}`
                }
              >
                Version {version.version}
              </Link>
            )}
            {version.version === programme.activeVersion ? ' · the patient follows this one' : ''}
            <span className="history-meta">
              {version.version === 1 ? 'Generated' : 'Edited'} by{' '}
              {actorName(version.editedBy, me.id, names)}, {formatMoment(version.createdAt)}
              {version.changeReason === null ? '' : ` · why: ${version.changeReason}`}
              {version.approvedAt === null
                ? ' · not approved'
                : ` · approved by ${actorName(version.approvedBy, me.id, names)}, ${formatMoment(version.approvedAt)}`}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ProgrammeContentView({
  content,
  editing,
}: {
  readonly content: Programme;
  readonly editing?: {
    readonly patientId: string;
    readonly onChange: (content: Programme) => void;
  };
}) {
  const excluded = excludedExercises(content);
  return (
    <>
      <section className="panel" aria-labelledby="plan-heading">
        <h2 id="plan-heading">The plan</h2>
        <ol className="plain-list">
          {content.phases.map((phase) => (
            <li key={phase.phase}>
              <strong>{phase.title}</strong> (weeks {phase.weeks.join(', ')}): {phase.aim}
            </li>
          ))}
        </ol>
        <RationaleList rationale={content.rationale} summary="Why this programme" />
        {excluded.length === 0 ? null : (
          <details className="rationale">
            <summary>Exercises left out for this patient ({excluded.length})</summary>
            <ul>
              {excluded.map((item) => (
                <li key={item.name}>
                  <strong>{item.name}</strong>: {item.reasons.join(' ')}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      {content.weeks.map((week, index) => (
        <WeekView
          key={week.week}
          week={week}
          weekIndex={index}
          phaseTitle={content.phases.find((phase) => phase.phase === week.phase)?.title ?? ''}
          {...(editing === undefined
            ? {}
            : { editing: { content, patientId: editing.patientId, onChange: editing.onChange } })}
        />
      ))}
    </>
  );
}

type SaveProblem =
  | { readonly kind: 'conflict'; readonly detail: string }
  | { readonly kind: 'refused'; readonly detail: string; readonly items: readonly string[] };

function SaveBar({
  programme,
  draft,
  onSaved,
  onDiscard,
  onReload,
}: {
  readonly programme: ProgrammeDetail;
  readonly draft: Programme;
  readonly onSaved: (saved: ProgrammeDetail) => void;
  readonly onDiscard: () => void;
  readonly onReload: () => void;
}) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = JSON.stringify(draft) !== JSON.stringify(programme.current.content);
  const save = async (data: FormData) => {
    const changeReason = formText(data, 'changeReason');
    if (changeReason === '') {
      setErrors({ fields: { changeReason: 'Say why the programme changed, for the history.' } });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const saved = await editProgramme(programme.id, {
        baseVersion: programme.currentVersion,
        content: draft,
        changeReason,
      });
      setErrors(noErrors);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error, 409)) {
        setErrors(noErrors);
        setProblem({ kind: 'conflict', detail: error.message });
      } else if (isApiError(error, 400) && (error.problem.errors ?? []).length > 0) {
        setErrors(noErrors);
        setProblem({
          kind: 'refused',
          detail: error.message,
          items: (error.problem.errors ?? []).map((item) =>
            item.path.startsWith('body.content')
              ? `${describeContentPath(draft, item.path)}: ${item.message}`
              : item.message,
          ),
        });
      } else {
        setErrors(formErrorsFrom(error, { changeReason: 'The reason' }));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel save-bar" aria-labelledby="save-heading">
      <h2 id="save-heading">Editing: a new version</h2>
      <p className="panel-summary">
        {changed
          ? 'You have changes that are not saved yet. Saving makes version '
          : 'Change doses, swap exercises or lessons below. Saving makes version '}
        {programme.currentVersion + 1}; the patient keeps the approved version until you approve the
        new one.
      </p>
      {problem === null ? null : problem.kind === 'conflict' ? (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>Someone else changed this programme while you were editing.</strong> Your
            changes are not saved. {problem.detail}
          </p>
          <Button variant="secondary" onClick={onReload}>
            Load the latest version (your changes will be lost)
          </Button>
        </div>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>The programme could not be saved.</strong> {problem.detail}
          </p>
          <ul>
            {problem.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      <Form errors={errors} onSubmit={(data) => void save(data)} aria-labelledby="save-heading">
        <TextField
          name="changeReason"
          label="Why are you changing the programme?"
          hint="Kept with the version, for you and your colleagues."
          maxLength={2000}
        />
        <div className="form-actions">
          <Button
            type="submit"
            busy={busy}
            busyLabel="Saving…"
            aria-disabled={!changed || undefined}
          >
            Save as a new version
          </Button>
          <Button variant="quiet" onClick={onDiscard}>
            Discard changes
          </Button>
        </div>
      </Form>
    </section>
  );
}

function ApproveButton({
  programme,
  onApproved,
}: {
  readonly programme: ProgrammeDetail;
  readonly onApproved: (approved: ProgrammeDetail) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const approve = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onApproved(await approveProgramme(programme.id, programme.currentVersion));
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button busy={busy} busyLabel="Approving…" onClick={() => void approve()}>
        Approve version {programme.currentVersion}
      </Button>
      {failure === null ? null : (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

export function ProgrammePage() {
  const { programmeId = '' } = useParams();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Programme | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const programme = useQuery({
    queryKey: programmeQueryKey(programmeId),
    queryFn: ({ signal }) => fetchProgramme(programmeId, signal),
  });
  const requested = Number(search.get('version') ?? '');
  const wantsOld =
    Number.isInteger(requested) &&
    requested > 0 &&
    programme.data !== undefined &&
    requested !== programme.data.currentVersion;
  const oldVersion = useQuery({
    queryKey: programmeVersionQueryKey(programmeId, requested),
    queryFn: ({ signal }) => fetchProgrammeVersion(programmeId, requested, signal),
    enabled: wantsOld,
  });

  if (programme.isPending) return <LoadingState label="Loading the programme" />;
  if (programme.isError) {
    return (
      <>
        <title>Programme · Spinewise</title>
        <PageHeader title="Programme" backLink={<Link to="/caseload">Back to caseload</Link>} />
        <ErrorState
          title="This programme could not be loaded"
          error={programme.error}
          onRetry={() => {
            void programme.refetch();
          }}
        />
      </>
    );
  }
  const data = programme.data;
  const content = data.current.content;
  const current = data.current;
  const closed = data.status === 'archived' || data.status === 'completed';
  const approvable = !closed && current.approvedAt === null && draft === null;
  const update = (next: ProgrammeDetail, message: string) => {
    queryClient.setQueryData(programmeQueryKey(programmeId), next);
    void queryClient.invalidateQueries({ queryKey: ['episode-programmes', next.episodeId] });
    setDraft(null);
    setSaved(message);
  };

  const header = (
    <PageHeader
      title={`Programme: ${conditionLabel(content.condition)}`}
      lead={`${regionLabel(content.region)} · ${formatDay(content.startDate)} to ${formatDay(content.endDate)} · ${statusLabels[data.status]}`}
      backLink={<Link to={`/patients/${data.patientId}`}>Back to the patient</Link>}
      actions={
        <>
          <ButtonLink variant="secondary" to={`/programmes/${data.id}/print`}>
            Printable handout
          </ButtonLink>
          {draft === null && !closed && !wantsOld ? (
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(null);
                setDraft(content);
              }}
            >
              Edit
            </Button>
          ) : null}
          {approvable && !wantsOld ? (
            <ApproveButton
              programme={data}
              onApproved={(approved) => {
                update(
                  approved,
                  `Version ${String(approved.currentVersion)} is approved: the patient's app now shows it.`,
                );
              }}
            />
          ) : null}
        </>
      }
    />
  );

  return (
    <>
      <title>{`Programme · Spinewise`}</title>
      {header}
      {saved === null ? null : (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      )}
      {content.status === 'blocked' && content.blocked !== null ? (
        <p className="notice notice--error">{content.blocked.reason}</p>
      ) : null}
      <VersionHistory programme={data} shown={wantsOld ? requested : data.currentVersion} />
      {wantsOld ? (
        oldVersion.isPending ? (
          <LoadingState label={`Loading version ${String(requested)}`} />
        ) : oldVersion.isError ? (
          <ErrorState title="This version could not be loaded" error={oldVersion.error} />
        ) : (
          <>
            <p className="notice notice--info">
              You are looking at version {requested}, an earlier version.{' '}
              <Link to={`/programmes/${data.id}`}>Show the current version</Link>.
            </p>
            <ProgrammeContentView content={oldVersion.data.content} />
          </>
        )
      ) : draft === null ? (
        <ProgrammeContentView content={content} />
      ) : (
        <>
          <SaveBar
            programme={data}
            draft={draft}
            onSaved={(next) => {
              update(
                next,
                `Saved as version ${String(next.currentVersion)}. Approve it when it is ready for the patient.`,
              );
            }}
            onDiscard={() => {
              setDraft(null);
            }}
            onReload={() => {
              setDraft(null);
              void programme.refetch();
            }}
          />
          <ProgrammeContentView
            content={draft}
            editing={{ patientId: data.patientId, onChange: setDraft }}
          />
        </>
      )}
    </>
  );
}
