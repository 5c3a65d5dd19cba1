/**
 * The progression suggestions waiting for the clinician: each with what the rules propose, why
 * and the sources, accepted in one click or rejected with a reason.
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '../ui/button.js';
import { formErrorsFrom, noErrors, type FormErrors } from '../ui/form.js';
import {
  acceptSuggestion,
  rejectSuggestion,
  type Decision,
  type Dose,
  type ReviewResult,
  type Suggestion,
} from './chart-api.js';

const decisionLabels: Record<Decision, string> = {
  progress: 'Progress',
  hold: 'Hold',
  regress: 'Step back',
  stopAndScreen: 'Stop and check',
};

export function describeDose(dose: Dose): string {
  const amount =
    dose.reps !== undefined
      ? `${String(dose.sets)} × ${String(dose.reps)}`
      : dose.holdSeconds !== undefined
        ? `${String(dose.sets)} × ${String(dose.holdSeconds)} s hold`
        : dose.minutes !== undefined
          ? `${String(dose.minutes)} min`
          : `${String(dose.sets)} sets`;
  return `${amount}, ${String(dose.perDay)} a day, ${String(dose.daysPerWeek)} days a week`;
}

function SuggestionCard({
  suggestion,
  onReviewed,
}: {
  readonly suggestion: Suggestion;
  readonly onReviewed: (result: ReviewResult, action: 'accepted' | 'rejected') => void;
}) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/gu, '');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const accept = useMutation({
    mutationFn: () => acceptSuggestion(suggestion.id),
    onSuccess: (result) => {
      onReviewed(result, 'accepted');
    },
    onError: (error) => {
      setErrors(formErrorsFrom(error, {}));
    },
  });
  const reject = useMutation({
    mutationFn: (text: string) => rejectSuggestion(suggestion.id, text),
    onSuccess: (result) => {
      onReviewed(result, 'rejected');
    },
    onError: (error) => {
      setErrors(formErrorsFrom(error, { reason: 'Your reason' }));
    },
  });
  const submitReject = () => {
    if (reason.trim() === '') {
      setErrors({
        fields: { reason: 'Write why this suggestion does not fit, so the record shows it.' },
      });
      return;
    }
    reject.mutate(reason.trim());
  };
  const reasonError = errors.fields.reason;
  return (
    <li className="suggestion" aria-labelledby={`${id}-name`}>
      <div className="suggestion-head">
        <span className={`tag suggestion-decision suggestion-decision--${suggestion.decision}`}>
          {decisionLabels[suggestion.decision]}
        </span>{' '}
        <strong id={`${id}-name`}>{suggestion.name}</strong>
      </div>
      <p className="suggestion-reason">{suggestion.reason}</p>
      <p className="history-meta">
        Now: {describeDose(suggestion.current.dose)}
        {suggestion.proposed === null
          ? ''
          : ` → proposed: ${describeDose(suggestion.proposed.dose)}${suggestion.proposed.change.kind === 'level' ? ' (the next exercise in its chain)' : ''}`}
      </p>
      <p className="history-meta">
        Rule: {suggestion.rule} · Sources: {suggestion.sources.join(', ')}
      </p>
      {errors.form === undefined ? null : (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      {rejecting ? (
        <div className={`field${reasonError === undefined ? '' : ' field--error'}`}>
          <label className="field-label" htmlFor={`${id}-reason`}>
            Why reject it?
          </label>
          {reasonError === undefined ? null : (
            <p className="field-error" id={`${id}-reason-error`}>
              {reasonError}
            </p>
          )}
          <textarea
            id={`${id}-reason`}
            className="input"
            rows={2}
            maxLength={2000}
            value={reason}
            aria-invalid={reasonError === undefined ? undefined : true}
            aria-describedby={reasonError === undefined ? undefined : `${id}-reason-error`}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
          <div className="form-actions">
            <Button
              variant="danger"
              busy={reject.isPending}
              busyLabel="Rejecting…"
              onClick={submitReject}
            >
              Reject with this reason
            </Button>
            <Button
              variant="quiet"
              onClick={() => {
                setRejecting(false);
                setErrors(noErrors);
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <Button
            busy={accept.isPending}
            busyLabel="Accepting…"
            onClick={() => {
              accept.mutate();
            }}
            aria-describedby={`${id}-name`}
          >
            Accept
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setRejecting(true);
            }}
            aria-describedby={`${id}-name`}
          >
            Reject…
          </Button>
        </div>
      )}
    </li>
  );
}

export function ProgressionPanel({
  suggestions,
  onChanged,
}: {
  readonly suggestions: readonly Suggestion[];
  /** After a review: the queries to refresh. */
  readonly onChanged: () => Promise<void>;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const waiting = suggestions.filter(
    (suggestion) => suggestion.state === 'suggested' && !done.has(suggestion.id),
  );
  return (
    <>
      <p role="status" className={message === null ? 'visually-hidden' : 'notice notice--success'}>
        {message ?? ''}
      </p>
      {waiting.length === 0 ? (
        <p className="panel-empty">No suggestions waiting for you today.</p>
      ) : (
        <ul className="suggestion-list">
          {waiting.map((suggestion) => (
            <SuggestionCard
              key={suggestion.id}
              suggestion={suggestion}
              onReviewed={(result, action) => {
                // Optimistic: the card leaves the list at once; the refresh confirms it.
                setDone((previous) => new Set([...previous, suggestion.id]));
                setMessage(
                  action === 'accepted'
                    ? result.programmeVersion === null
                      ? `Accepted for ${suggestion.name}; the programme stays as it is.`
                      : `Accepted for ${suggestion.name}: programme version ${String(result.programmeVersion)} is published to the patient.`
                    : `Rejected for ${suggestion.name}; the programme stays as it is.`,
                );
                void onChanged();
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}
