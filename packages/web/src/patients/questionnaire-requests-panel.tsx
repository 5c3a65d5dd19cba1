/**
 * The patient page's questionnaires on the phone: what was sent (waiting, completed with the
 * server's scores, or cancelled), "Send questionnaires" (choose instruments, an optional message
 * and due day) and cancelling one still waiting. The patient fills them in on their phone.
 */
import { instrumentIds, type InstrumentId } from '@spinewise/clinical';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { formatDay, formatMoment } from '../format/dates.js';
import { instrumentName, instrumentTitle } from '../outcomes/instruments.js';
import {
  cancelQuestionnaires,
  fetchQuestionnaireRequests,
  questionnaireRequestsQueryKey,
  sendQuestionnaires,
  type QuestionnaireRequest,
  type RequestState,
} from '../patient-app/questionnaires/questionnaires-api.js';
import { Button } from '../ui/button.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { formErrorsFrom, noErrors, type FormErrors } from '../ui/form.js';
import { ErrorState, LoadingState, describeError } from '../ui/states.js';
import type { Episode, PatientWithEpisodes } from './patients-api.js';
import '../patient-app/questionnaires/questionnaires.css';

const MESSAGE_MAX = 500;

const stateLabels: Readonly<Record<RequestState, string>> = {
  pending: 'Waiting for the patient',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** A sensible first choice for a region: its disability measure, pain and the PSFS. */
function suggested(episode: Episode): InstrumentId[] {
  return [episode.region === 'cervical' ? 'ndi' : 'odi', 'nprs', 'psfs'];
}

function SendForm({
  patient,
  episode,
  onDone,
}: {
  readonly patient: PatientWithEpisodes;
  readonly episode: Episode;
  readonly onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const id = `q${useId().replace(/[^a-zA-Z0-9]/gu, '')}`;
  const [chosen, setChosen] = useState<readonly InstrumentId[]>(() => suggested(episode));
  const [message, setMessage] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const send = useMutation({
    mutationFn: () =>
      sendQuestionnaires(episode.id, {
        instruments: chosen,
        ...(message.trim() === '' ? {} : { message: message.trim() }),
        ...(dueOn === '' ? {} : { dueOn }),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: questionnaireRequestsQueryKey(patient.id),
      });
      onDone();
    },
    onError: (error) => {
      setErrors(
        formErrorsFrom(error, {
          instruments: 'The questionnaires',
          'instruments[0]': 'The questionnaires',
          message: 'The message',
          dueOn: 'The due date',
        }),
      );
    },
  });
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setErrors({ fields: { instruments: 'Choose at least one questionnaire.' } });
      return;
    }
    setErrors(noErrors);
    send.mutate();
  };
  const instrumentError = errors.fields.instruments ?? errors.fields['instruments[0]'];
  const messages = [errors.form, ...Object.values(errors.fields)].filter(
    (text): text is string => text !== undefined,
  );
  return (
    <form
      className="form qn-send-form"
      noValidate
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>Send questionnaires to {patient.displayName}’s phone</h3>
      {messages.length === 0 ? null : (
        <div className="error-summary" role="alert">
          <p className="error-summary-title">Please check the form</p>
          <ul>
            {messages.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <fieldset
        className={['field', instrumentError === undefined ? '' : 'field--error']
          .filter(Boolean)
          .join(' ')}
        aria-describedby={instrumentError === undefined ? undefined : `${id}-instruments-error`}
      >
        <legend className="field-label">Questionnaires</legend>
        {instrumentError === undefined ? null : (
          <p id={`${id}-instruments-error`} className="field-error">
            {instrumentError}
          </p>
        )}
        {instrumentIds.map((instrument) => (
          <div className="checkbox" key={instrument}>
            <input
              type="checkbox"
              id={`${id}-${instrument}`}
              checked={chosen.includes(instrument)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setChosen((current) =>
                  on
                    ? instrumentIds.filter((candidate) =>
                        [...current, instrument].includes(candidate),
                      )
                    : current.filter((candidate) => candidate !== instrument),
                );
              }}
            />
            <label htmlFor={`${id}-${instrument}`}>
              {instrumentName(instrument)}
              <span className="history-meta"> {instrumentTitle(instrument)}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <div
        className={['field', errors.fields.message === undefined ? '' : 'field--error'].join(' ')}
      >
        <label className="field-label" htmlFor={`${id}-message`}>
          Message to the patient<span className="field-optional"> (optional)</span>
        </label>
        <p className="field-hint" id={`${id}-message-hint`}>
          Shown with the questions, e.g. why you would like them filled in. Up to {MESSAGE_MAX}{' '}
          characters.
        </p>
        <textarea
          id={`${id}-message`}
          className="input textarea"
          rows={3}
          maxLength={MESSAGE_MAX}
          value={message}
          aria-describedby={`${id}-message-hint`}
          aria-invalid={errors.fields.message === undefined ? undefined : true}
          onChange={(event) => {
            setMessage(event.currentTarget.value);
          }}
        />
      </div>
      <div className={['field', errors.fields.dueOn === undefined ? '' : 'field--error'].join(' ')}>
        <label className="field-label" htmlFor={`${id}-due`}>
          Due by<span className="field-optional"> (optional)</span>
        </label>
        <p className="field-hint" id={`${id}-due-hint`}>
          Leave empty for today.
        </p>
        <input
          id={`${id}-due`}
          type="date"
          className="input input--medium"
          value={dueOn}
          aria-describedby={`${id}-due-hint`}
          aria-invalid={errors.fields.dueOn === undefined ? undefined : true}
          onChange={(event) => {
            setDueOn(event.currentTarget.value);
          }}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" busy={send.isPending} busyLabel="Sending…">
          Send to their phone
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function RequestItem({
  request,
  onCancel,
}: {
  readonly request: QuestionnaireRequest;
  readonly onCancel: (request: QuestionnaireRequest) => void;
}) {
  const names = request.instruments.map(instrumentName).join(', ');
  return (
    <li>
      <strong>{names}</strong> · {stateLabels[request.state]}
      <span className="history-meta">
        Due {formatDay(request.dueOn)} · sent by {request.requestedByName},{' '}
        {formatMoment(request.createdAt)}
        {request.completedAt === null ? '' : ` · completed ${formatMoment(request.completedAt)}`}
        {request.cancelledAt === null ? '' : ` · cancelled ${formatMoment(request.cancelledAt)}`}
      </span>
      {request.message === null ? null : <p className="qn-sent-message">“{request.message}”</p>}
      {request.results === null ? null : (
        <ul className="qn-sent-results">
          {request.results.map((result) => (
            <li key={result.instrument}>
              {instrumentName(result.instrument)}: {result.score.display}
              {result.score.bandLabel === null ? '' : ` (${result.score.bandLabel})`}
              {result.score.missing > 0 ? `, ${String(result.score.missing)} skipped` : ''}
            </li>
          ))}
        </ul>
      )}
      {request.state === 'pending' ? (
        <Button
          variant="secondary"
          onClick={() => {
            onCancel(request);
          }}
        >
          Cancel <span className="visually-hidden">the request for {names}</span>
        </Button>
      ) : null}
    </li>
  );
}

export function QuestionnaireRequestsPanel({ patient }: { readonly patient: PatientWithEpisodes }) {
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  const [cancelling, setCancelling] = useState<QuestionnaireRequest | null>(null);
  const requests = useQuery({
    queryKey: questionnaireRequestsQueryKey(patient.id),
    queryFn: ({ signal }) => fetchQuestionnaireRequests(patient.id, signal),
  });
  const cancel = useMutation({
    mutationFn: (requestId: string) => cancelQuestionnaires(requestId),
    onSuccess: async () => {
      setCancelling(null);
      await queryClient.invalidateQueries({
        queryKey: questionnaireRequestsQueryKey(patient.id),
      });
    },
  });
  const active = patient.episodes.find((episode) => episode.status === 'active');
  const canSend = active !== undefined && patient.hasLogin;
  return (
    <section className="panel" aria-labelledby="questionnaire-requests-heading">
      <div className="panel-header">
        <h2 id="questionnaire-requests-heading">Questionnaires on the phone</h2>
        {canSend && !sending ? (
          <Button
            variant="secondary"
            onClick={() => {
              setSending(true);
            }}
          >
            Send questionnaires
          </Button>
        ) : null}
      </div>
      {canSend ? null : (
        <p className="panel-summary">
          {active === undefined
            ? 'Questionnaires go with an active episode of care.'
            : `${patient.displayName} has not accepted their invitation yet, so there is no phone to send questionnaires to.`}
        </p>
      )}
      {sending && active !== undefined ? (
        <SendForm
          patient={patient}
          episode={active}
          onDone={() => {
            setSending(false);
          }}
        />
      ) : null}
      {requests.isPending ? (
        <LoadingState label="Loading the questionnaires" />
      ) : requests.isError ? (
        <ErrorState
          title="The questionnaires could not be loaded"
          error={requests.error}
          onRetry={() => {
            void requests.refetch();
          }}
        />
      ) : requests.data.length === 0 ? (
        <p className="panel-empty">No questionnaires sent yet.</p>
      ) : (
        <ul className="history-list">
          {requests.data.map((request) => (
            <RequestItem
              key={request.id}
              request={request}
              onCancel={(chosen) => {
                cancel.reset();
                setCancelling(chosen);
              }}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={cancelling !== null}
        title="Cancel these questionnaires?"
        confirmLabel="Cancel them"
        busyLabel="Cancelling…"
        variant="danger"
        busy={cancel.isPending}
        error={cancel.isError ? describeError(cancel.error) : undefined}
        onConfirm={() => {
          if (cancelling !== null) cancel.mutate(cancelling.id);
        }}
        onCancel={() => {
          setCancelling(null);
        }}
      >
        <p>
          {patient.displayName} will no longer see them on their phone. Answers already sent are
          kept.
        </p>
      </ConfirmDialog>
    </section>
  );
}
