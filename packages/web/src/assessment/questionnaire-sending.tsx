/**
 * The questionnaire step's other way: send the chosen questionnaires to the patient's phone
 * (they need a log-in, from their invitation), and use the answers a patient gave on their
 * phone for this episode. The answers are filled into the draft; the server scores them again
 * when the assessment is saved.
 */
import type { InstrumentId } from '@spinewise/clinical';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.js';
import { formatDay, localToday } from '../format/dates.js';
import { instrumentName } from '../outcomes/instruments.js';
import type { PatientWithEpisodes } from '../patients/patients-api.js';
import { Button } from '../ui/button.js';
import { TextField } from '../ui/form.js';
import { describeError } from '../ui/states.js';
import type { Instrument } from './assessment-api.js';
import {
  HISTORY_TEXT_MAX_LENGTH,
  activitiesFromAnswers,
  answersToDraft,
  type Draft,
} from './assessment-draft.js';
import {
  completedForEpisode,
  fetchQuestionnaireRequests,
  questionnaireRequestsQueryKey,
  sendQuestionnaireRequest,
  type QuestionnaireRequest,
} from './questionnaire-requests-api.js';

/** The calendar day of a timestamp, in the browser's time zone: `20 Nov 2026`. */
function dayOf(iso: string): string {
  return formatDay(localToday(new Date(iso)));
}

function names(instruments: readonly InstrumentId[]): string {
  return instruments.map((id) => instrumentName(id)).join(', ');
}

function errorText(error: unknown): string {
  const fields =
    error instanceof ApiError ? (error.problem.errors ?? []).map((entry) => entry.message) : [];
  return [describeError(error), ...fields].join(' ');
}

type Patient = Pick<PatientWithEpisodes, 'id' | 'displayName' | 'hasLogin'>;

export function SendToPhone({
  patient,
  episodeId,
  instruments,
}: {
  readonly patient: Patient;
  readonly episodeId: string;
  /** The chosen questionnaires. */
  readonly instruments: readonly InstrumentId[];
}) {
  const client = useQueryClient();
  const [message, setMessage] = useState('');
  const [dueOn, setDueOn] = useState('');
  const send = useMutation({
    mutationFn: () =>
      sendQuestionnaireRequest(episodeId, {
        instruments,
        ...(message.trim() === '' ? {} : { message: message.trim() }),
        ...(dueOn === '' ? {} : { dueOn }),
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: questionnaireRequestsQueryKey(patient.id) });
    },
  });

  if (!patient.hasLogin) {
    return (
      <div className="notice notice--info assessment-send">
        <p>
          Sending needs {patient.displayName} to have a log-in, which they get by accepting their
          invitation. Invite them from{' '}
          <Link to={`/patients/${encodeURIComponent(patient.id)}`}>their record</Link> first, or
          fill the questionnaires in now.
        </p>
      </div>
    );
  }
  const sent = send.data;
  if (sent !== undefined) {
    return (
      <div className="notice notice--success assessment-send" role="status">
        <p>
          Sent to {patient.displayName}’s phone: {names(sent.instruments)}, due by{' '}
          {formatDay(sent.dueOn)}. When they have answered, you can use their answers here or in a
          later assessment.
        </p>
      </div>
    );
  }
  return (
    <div className="assessment-send">
      <p className="field-hint">
        {patient.displayName} will see {instruments.length === 1 ? 'it' : 'them'} in the app on
        their phone. This assessment is saved without {instruments.length === 1 ? 'it' : 'them'}.
      </p>
      <TextField
        name="send.message"
        label="A note for the patient"
        optional
        maxLength={HISTORY_TEXT_MAX_LENGTH}
        value={message}
        onChange={(event) => {
          setMessage(event.currentTarget.value);
        }}
      />
      <TextField
        name="send.dueOn"
        label="Due by"
        hint="Leave empty for the usual time."
        optional
        type="date"
        width="medium"
        min={localToday()}
        value={dueOn}
        onChange={(event) => {
          setDueOn(event.currentTarget.value);
        }}
      />
      {send.isError ? (
        <p className="notice notice--error" role="alert">
          The questionnaires could not be sent. {errorText(send.error)}
        </p>
      ) : null}
      <Button
        variant="secondary"
        busy={send.isPending}
        busyLabel="Sending…"
        aria-disabled={instruments.length === 0 ? true : undefined}
        onClick={() => {
          if (instruments.length > 0) send.mutate();
        }}
      >
        Send to {patient.displayName}’s phone
      </Button>
      {instruments.length === 0 ? (
        <p className="field-hint">Choose at least one questionnaire to send.</p>
      ) : null}
    </div>
  );
}

/** What the patient answered on their phone, to fill into this assessment. */
export function PatientAnswers({
  patient,
  episodeId,
  offered,
  draft,
  update,
}: {
  readonly patient: Patient;
  readonly episodeId: string;
  readonly offered: readonly Instrument[];
  readonly draft: Draft;
  readonly update: (change: Partial<Draft>) => void;
}) {
  const [used, setUsed] = useState<string | null>(null);
  const requests = useQuery({
    queryKey: questionnaireRequestsQueryKey(patient.id),
    queryFn: ({ signal }) => fetchQuestionnaireRequests(patient.id, signal),
    enabled: patient.hasLogin,
  });
  if (!patient.hasLogin || requests.isPending) return null;
  if (requests.isError) {
    return (
      <p className="notice notice--info">
        The questionnaires sent to {patient.displayName}’s phone could not be loaded.{' '}
        {describeError(requests.error)}
      </p>
    );
  }
  const completed = completedForEpisode(requests.data, episodeId);
  const pending = requests.data.filter(
    (request) => request.episodeId === episodeId && request.state === 'pending',
  );
  if (completed.length === 0 && pending.length === 0) return null;

  const use = (request: QuestionnaireRequest) => {
    const answers = { ...draft.answers };
    const chosen = new Set(draft.instruments);
    let activities = draft.activities;
    for (const result of request.results ?? []) {
      if (result.instrument === 'psfs') {
        activities = activitiesFromAnswers(result.answers);
        continue;
      }
      const instrument = offered.find((candidate) => candidate.id === result.instrument);
      if (instrument === undefined) continue;
      answers[instrument.id] = answersToDraft(instrument, result.answers);
      chosen.add(instrument.id);
    }
    update({
      answers,
      activities,
      instruments: offered.map((i) => i.id).filter((id) => chosen.has(id)),
      questionnaireMode: 'now',
    });
    setUsed(request.id);
  };

  return (
    <section className="assessment-phone-answers" aria-labelledby="phone-answers-heading">
      <h3 id="phone-answers-heading">From {patient.displayName}’s phone</h3>
      {pending.length === 0 ? null : (
        <ul className="history-list">
          {pending.map((request) => (
            <li key={request.id}>
              Waiting for answers: {names(request.instruments)}, sent {dayOf(request.createdAt)},
              due by {formatDay(request.dueOn)}.
            </li>
          ))}
        </ul>
      )}
      {completed.map((request) => {
        const day = dayOf(request.completedAt ?? request.createdAt);
        return (
          <div key={request.id} className="assessment-phone-answer">
            <p>
              Answered on {day}: {names((request.results ?? []).map((result) => result.instrument))}
              .
            </p>
            <Button
              variant="secondary"
              onClick={() => {
                use(request);
              }}
            >
              Use the answers {patient.displayName} gave on {day}
            </Button>
          </div>
        );
      })}
      <div aria-live="polite">
        {used === null ? null : (
          <p className="notice notice--success">
            Their answers are filled in below. Check them before you save; Spinewise scores them
            again when you save.
          </p>
        )}
      </div>
    </section>
  );
}
