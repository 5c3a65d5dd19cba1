/**
 * One saved assessment: the scores with their bands, the red-flag screen, the classification
 * with each criterion met, not met or unknown and its sources, the change since the baseline
 * against the MCID, and — when the screen asks for it — the clinician's decision on the flag.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';
import { formatMoment } from '../format/dates.js';
import { instrumentName } from '../outcomes/instruments.js';
import { Button } from '../ui/button.js';
import { formErrorsFrom, hasErrors, noErrors, RadioGroup, type FormErrors } from '../ui/form.js';
import { PageHeader } from '../ui/page.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import {
  assessmentQueryKey,
  episodeAssessmentsQueryKey,
  fetchAssessment,
  recordFlagDecision,
  ruleKeys,
  type AssessmentHistory,
  type AssessmentRecord,
  type ChangeSinceBaseline,
  type Classification,
  type Criterion,
  type FlagDecisionChoice,
} from './assessment-api.js';
import { workDemandsWords, workStatusWords } from './history-words.js';
import { RedFlagBanner, Sources } from './red-flag-banner.js';
import './assessment.css';

const statusWords: Readonly<Record<Criterion['status'], string>> = {
  met: 'Met',
  notMet: 'Not met',
  unknown: 'Unknown',
};

/** A criterion's recorded value, in words: `(56)`, `(yes)`, `(centralises)`. */
function valueWords(value: Criterion['value']): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? ' (yes)' : ' (no)';
  return ` (${String(value)})`;
}

const decisionWords: Readonly<Record<FlagDecisionChoice, string>> = {
  referred: 'Referred on',
  reviewedAndCleared: 'Reviewed and cleared: rehabilitation may go on',
};

function factorWords(factors: readonly string[] | undefined): string {
  return factors === undefined || factors.length === 0 ? 'None recorded' : factors.join('; ');
}

/** Surgery, aggravating and easing factors, work and notes, as the clinician recorded them. */
function HistoryView({ history }: { readonly history: AssessmentHistory | null }) {
  if (history === null) {
    return <p className="panel-empty">No history was recorded with this assessment.</p>;
  }
  const work = history.work ?? {};
  const workParts = [
    work.occupation,
    work.status === undefined ? undefined : workStatusWords[work.status],
    work.demands === undefined
      ? undefined
      : `physical demands: ${workDemandsWords[work.demands].toLowerCase()}`,
  ].filter((part): part is string => part !== undefined);
  return (
    <dl className="details">
      <div>
        <dt>Previous spinal surgery</dt>
        <dd>{history.surgery ?? 'None recorded'}</dd>
      </div>
      <div>
        <dt>Aggravating factors</dt>
        <dd>{factorWords(history.aggravating)}</dd>
      </div>
      <div>
        <dt>Easing factors</dt>
        <dd>{factorWords(history.easing)}</dd>
      </div>
      <div>
        <dt>Work</dt>
        <dd>{workParts.length === 0 ? 'Not recorded' : workParts.join(' · ')}</dd>
      </div>
      {history.notes === undefined ? null : (
        <div>
          <dt>Other notes</dt>
          <dd>{history.notes}</dd>
        </div>
      )}
    </dl>
  );
}

function Scores({ record }: { readonly record: AssessmentRecord }) {
  if (record.questionnaires.length === 0) {
    return <p className="panel-empty">No questionnaires in this assessment.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Questionnaire scores</caption>
        <thead>
          <tr>
            <th scope="col">Questionnaire</th>
            <th scope="col">Score</th>
            <th scope="col">Band</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {record.questionnaires.map(({ instrument, score }) => (
            <tr key={instrument}>
              <th scope="row">{score.title}</th>
              <td>{score.display}</td>
              <td>
                {score.bandLabel === null
                  ? '—'
                  : `${score.bandLabel}${score.bandRange === null ? '' : ` (${score.bandRange})`}`}
              </td>
              <td>
                {score.interpretation}
                {score.missing > 0 ? ` ${score.missing} item(s) not answered.` : ''}{' '}
                <Sources ids={score.sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClassificationView({ classification }: { readonly classification: Classification }) {
  const rules = ruleKeys.map((key) => classification[key]);
  const applicable = rules.filter((rule) => rule.applicable);
  return (
    <div className="assessment-rules">
      {applicable.map((rule) => (
        <section key={rule.rule} className="assessment-rule" aria-labelledby={`rule-${rule.rule}`}>
          <h3 id={`rule-${rule.rule}`}>{rule.title}</h3>
          <p>
            <strong>{rule.summary}</strong>
          </p>
          {rule.criteria.length === 0 ? null : (
            <ul className="assessment-criteria">
              {rule.criteria.map((criterion) => (
                <li key={criterion.id} className={`criterion criterion--${criterion.status}`}>
                  <span className="criterion-status">{statusWords[criterion.status]}:</span>{' '}
                  {criterion.label}
                  {valueWords(criterion.value)}
                </li>
              ))}
            </ul>
          )}
          {rule.caveat === undefined ? null : <p className="field-hint">{rule.caveat}</p>}
          <Sources ids={rule.sources} />
        </section>
      ))}
      {applicable.length === 0 ? (
        <p className="panel-empty">None of the classification rules apply to this region.</p>
      ) : null}
    </div>
  );
}

function ChangeView({ change }: { readonly change: ChangeSinceBaseline }) {
  if (change.baseline === null) {
    return <p className="panel-empty">There is no baseline before this assessment to compare.</p>;
  }
  return (
    <>
      <p>Compared with the baseline of {formatMoment(change.baseline.assessedAt)}.</p>
      <ul className="history-list">
        {change.instruments.map(({ instrument, change: result, activities }) => (
          <li key={instrument}>
            <strong>{instrumentName(instrument)}</strong>
            {result === null ? (
              ' has no total score to compare.'
            ) : (
              <>
                {`: ${result.baseline} → ${result.followUp} (${result.absolute > 0 ? '+' : ''}${result.absolute}), ${result.direction}. `}
                {result.mcidMet === null
                  ? 'No MCID is set for this measure.'
                  : result.mcidMet
                    ? 'The change reaches the MCID.'
                    : 'The change does not reach the MCID.'}
                {result.mcid === null ? null : (
                  <span className="history-meta">MCID: {result.mcid.description}</span>
                )}{' '}
                <Sources ids={result.sources} />
              </>
            )}
            {activities === undefined ? null : (
              <ul>
                {activities.matched.map((activity) => (
                  <li key={activity.activity}>
                    {activity.activity}: {activity.baseline} → {activity.followUp}
                    {activity.mcidMet ? ' (reaches the MCID)' : ' (below the MCID)'}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {change.withoutBaseline.length === 0 ? null : (
        <p className="field-hint">
          Not in the baseline: {change.withoutBaseline.map(instrumentName).join(', ')}.
        </p>
      )}
    </>
  );
}

function DecisionForm({
  record,
  onRecorded,
}: {
  readonly record: AssessmentRecord;
  readonly onRecorded: (record: AssessmentRecord) => void;
}) {
  const [decision, setDecision] = useState<FlagDecisionChoice | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (decision === '') fields.decision = 'Choose your decision.';
    if (reason.trim() === '') fields.reason = 'Give the reason for your decision.';
    if (Object.keys(fields).length > 0) {
      setErrors({ fields });
      return;
    }
    setBusy(true);
    try {
      onRecorded(await recordFlagDecision(record.id, decision as FlagDecisionChoice, reason));
      setErrors(noErrors);
    } catch (error) {
      setErrors(formErrorsFrom(error, { decision: 'The decision', reason: 'The reason' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel decision-panel" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Your decision on the red flags</h2>
      <p>
        The screen found a concern that needs your recorded decision before a programme is made.
      </p>
      <form noValidate className="form" onSubmit={(event) => void submit(event)}>
        {hasErrors(errors) ? (
          <div className="notice notice--error" role="alert">
            {errors.form ?? Object.values(errors.fields).join(' ')}
          </div>
        ) : null}
        <RadioGroup
          name="decision"
          legend="Decision"
          value={decision}
          onChange={(value) => {
            setDecision(value as FlagDecisionChoice);
          }}
          options={[
            { value: 'referred', label: 'Referred on (emergency, urgent or routine referral)' },
            {
              value: 'reviewedAndCleared',
              label: 'Reviewed and cleared: rehabilitation may go on',
            },
          ]}
        />
        <div className={`field${errors.fields.reason === undefined ? '' : ' field--error'}`}>
          <label className="field-label" htmlFor="decision-reason">
            Reason
          </label>
          <p className="field-hint" id="decision-reason-hint">
            What you found or did, and why. This is kept with the assessment.
          </p>
          <textarea
            id="decision-reason"
            className="input textarea"
            rows={4}
            maxLength={2000}
            value={reason}
            aria-describedby="decision-reason-hint"
            aria-invalid={errors.fields.reason === undefined ? undefined : true}
            onChange={(event) => {
              setReason(event.currentTarget.value);
            }}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel="Recording…">
            Record decision
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The saved assessment's whole result; used after saving and on the detail page. */
export function AssessmentResult({
  record,
  onRecorded,
}: {
  readonly record: AssessmentRecord;
  readonly onRecorded: (record: AssessmentRecord) => void;
}) {
  return (
    <>
      {record.decisionPending ? (
        <DecisionForm record={record} onRecorded={onRecorded} />
      ) : record.flagDecision === null ? null : (
        <section className="panel" aria-labelledby="decided-heading">
          <h2 id="decided-heading">Decision on the red flags</h2>
          <p className="notice notice--success">
            <strong>{decisionWords[record.flagDecision.decision]}</strong>, recorded{' '}
            {formatMoment(record.flagDecision.at)}. Reason: {record.flagDecision.reason}
          </p>
        </section>
      )}
      <section className="panel" aria-labelledby="screen-heading">
        <h2 id="screen-heading">Red-flag screen</h2>
        <RedFlagBanner screen={record.screen} saved />
      </section>
      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <HistoryView history={record.history} />
      </section>
      <section className="panel" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Scores</h2>
        <Scores record={record} />
      </section>
      {record.change === null ? null : (
        <section className="panel" aria-labelledby="change-heading">
          <h2 id="change-heading">Change since the baseline</h2>
          <ChangeView change={record.change} />
        </section>
      )}
      <section className="panel" aria-labelledby="classification-heading">
        <h2 id="classification-heading">Classification</h2>
        {record.classification === null ? (
          <p className="panel-empty">No classification for this assessment.</p>
        ) : (
          <ClassificationView classification={record.classification} />
        )}
      </section>
    </>
  );
}

export function AssessmentDetailPage() {
  const { patientId = '', assessmentId = '' } = useParams();
  const client = useQueryClient();
  const assessment = useQuery({
    queryKey: assessmentQueryKey(assessmentId),
    queryFn: ({ signal }) => fetchAssessment(assessmentId, signal),
  });
  const back = <Link to={`/patients/${encodeURIComponent(patientId)}`}>Back to the patient</Link>;
  if (assessment.isPending) return <LoadingState label="Loading the assessment" />;
  if (assessment.isError) {
    return (
      <>
        <title>Assessment · Spinewise</title>
        <PageHeader title="Assessment" backLink={back} />
        <ErrorState title="This assessment could not be loaded" error={assessment.error} />
      </>
    );
  }
  const record = assessment.data;
  return (
    <>
      <title>Assessment · Spinewise</title>
      <PageHeader
        title={record.kind === 'baseline' ? 'Baseline assessment' : 'Reassessment'}
        lead={`Assessed ${formatMoment(record.assessedAt)}`}
        backLink={back}
      />
      <AssessmentResult
        record={record}
        onRecorded={(updated) => {
          client.setQueryData(assessmentQueryKey(updated.id), updated);
          void client.invalidateQueries({
            queryKey: episodeAssessmentsQueryKey(updated.episodeId),
          });
        }}
      />
    </>
  );
}
