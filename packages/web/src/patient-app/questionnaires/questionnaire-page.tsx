/**
 * `/app/questionnaires/:requestId`: one question per screen, big answers to tap, "Question 3 of
 * 10", back and next. The answers are kept on the phone (sessionStorage) until they are sent, so
 * leaving and coming back loses nothing. The server scores them and the patient sees a thank-you
 * with their results in plain words.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { localToday } from '../../format/dates.js';
import { Button, buttonClass } from '../../ui/button.js';
import { EmptyState, ErrorState, LoadingState, describeError } from '../../ui/states.js';
import {
  answerOf,
  clearDraft,
  firstUnanswered,
  loadDraft,
  saveDraft,
  stepOfError,
  stepProblem,
  stepsOf,
  submissionOf,
  withAnswer,
  type ActivityAnswer,
  type Draft,
  type Step,
} from './draft.js';
import {
  dueInWords,
  fetchMyQuestionnaires,
  myQuestionnairesQueryKey,
  plainInstrumentNames,
  submitQuestionnaires,
  type MyQuestionnaires,
  type PatientInstrument,
  type QuestionnaireRequest,
} from './questionnaires-api.js';
import { ResultList } from './results.js';
import './questionnaires.css';

const RATINGS = Array.from({ length: 11 }, (_, value) => value);

function PageTitle({ children }: { readonly children: string }) {
  return (
    <header className="page-header">
      <div className="page-back">
        <Link to="/app/questionnaires">Back to questionnaires</Link>
      </div>
      <h1 className="page-title" tabIndex={-1}>
        {children}
      </h1>
    </header>
  );
}

function ThankYou({ request }: { readonly request: QuestionnaireRequest }) {
  return (
    <>
      <title>Thank you · Spinewise</title>
      <PageTitle>Thank you</PageTitle>
      <div className="panel qn-thanks" role="status">
        <p>Your answers have gone to {request.requestedByName}.</p>
        {request.results === null ? null : (
          <>
            <h2>What your answers show</h2>
            <ResultList results={request.results} />
          </>
        )}
        <p className="field-hint">
          This is a guide, not a diagnosis. Your clinician will talk it through with you.
        </p>
      </div>
      <Link className={buttonClass('primary', 'qn-big-button')} to="/app">
        Back to today
      </Link>
    </>
  );
}

function ChoiceQuestion({
  step,
  name,
  value,
  onChange,
  describedBy,
}: {
  readonly step: Step;
  readonly name: string;
  readonly value: number | null | undefined;
  readonly onChange: (value: number) => void;
  readonly describedBy: string | undefined;
}) {
  return (
    <fieldset className="qn-options" aria-describedby={describedBy}>
      <legend className="visually-hidden">{step.item.text}</legend>
      {step.item.options.map((option) => (
        <label key={option.value} className="qn-option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => {
              onChange(option.value);
            }}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function ActivityQuestion({
  name,
  value,
  onChange,
  describedBy,
  invalid,
  fixed,
}: {
  readonly name: string;
  /** The activity named at the baseline: shown to rate again, not to rename. */
  readonly fixed: string | undefined;
  readonly value: ActivityAnswer;
  readonly onChange: (value: ActivityAnswer) => void;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
}) {
  const inputId = `${name}-activity`;
  return (
    <>
      {fixed !== undefined ? (
        <p className="qn-activity">
          At the start you said this was hard: <strong>{fixed}</strong>
        </p>
      ) : (
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            Something you find hard to do because of your pain
          </label>
          <p className="field-hint" id={`${inputId}-hint`}>
            For example: gardening, picking up a child, sitting through a film.
          </p>
          <input
            id={inputId}
            className="input qn-input"
            maxLength={200}
            value={value.activity}
            aria-invalid={invalid && value.activity.trim() === '' ? true : undefined}
            aria-describedby={[`${inputId}-hint`, describedBy].filter(Boolean).join(' ')}
            onChange={(event) => {
              onChange({ ...value, activity: event.currentTarget.value });
            }}
          />
        </div>
      )}
      <fieldset className="qn-options qn-options--scale" aria-describedby={describedBy}>
        <legend className="field-label">
          How well can you do it now? 0 means not at all, 10 means as well as before.
        </legend>
        {RATINGS.map((rating) => (
          <label key={rating} className="qn-option qn-option--number">
            <input
              type="radio"
              name={`${name}-rating`}
              value={rating}
              checked={value.rating === rating}
              onChange={() => {
                onChange({ ...value, rating });
              }}
            />
            <span>{rating}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}

const noGoals: readonly string[] = [];

function QuestionnaireForm({
  request,
  instruments,
  goals,
}: {
  readonly request: QuestionnaireRequest;
  readonly instruments: readonly PatientInstrument[];
  readonly goals: readonly string[];
}) {
  const queryClient = useQueryClient();
  const steps = useMemo(() => stepsOf(request, instruments, goals), [request, instruments, goals]);
  const [draft, setDraft] = useState<Draft>(() => {
    const saved = loadDraft(request.id);
    return { ...saved, step: Math.min(saved.step, steps.length) };
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Readonly<Record<number, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const baseId = `q${useId().replace(/[^a-zA-Z0-9]/gu, '')}`;

  useEffect(() => {
    saveDraft(request.id, draft);
  }, [request.id, draft]);

  // A new question is a new screen: take the reader to it (not on arrival: the page's h1 has it).
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [draft.step]);

  const goTo = (step: number) => {
    setProblem(null);
    setDraft((current) => ({ ...current, step }));
  };

  const total = steps.length;
  const onReview = draft.step >= total;
  const step = onReview ? undefined : steps[draft.step];

  const next = () => {
    if (step === undefined) return;
    const missing = stepProblem(step, answerOf(draft.answers, step));
    if (missing !== null) {
      setProblem(missing);
      return;
    }
    goTo(draft.step + 1);
  };

  const answer = (value: number | null | ActivityAnswer) => {
    if (step === undefined) return;
    setProblem(null);
    setServerErrors((current) => {
      const { [draft.step]: _dropped, ...rest } = current;
      return rest;
    });
    setDraft((current) => ({ ...current, answers: withAnswer(current.answers, step, value) }));
  };

  const send = async () => {
    const gap = firstUnanswered(steps, draft.answers);
    if (gap !== null) {
      goTo(gap);
      return;
    }
    const submitted = submissionOf(request, steps, draft.answers);
    setBusy(true);
    setFormError(null);
    try {
      const done = await submitQuestionnaires(request.id, submitted);
      clearDraft(request.id);
      queryClient.setQueryData<MyQuestionnaires>(myQuestionnairesQueryKey, (old) =>
        old === undefined
          ? old
          : {
              ...old,
              due: old.due.filter((candidate) => candidate.id !== done.id),
              completed: [done, ...old.completed],
            },
      );
    } catch (error) {
      if (isApiError(error, 400)) {
        const byStep: Record<number, string> = {};
        const loose: string[] = [];
        for (const [field, message] of Object.entries(error.fieldErrors())) {
          const at = stepOfError(field, submitted, steps);
          if (at === null) loose.push(message);
          else byStep[at] ??= message;
        }
        setServerErrors(byStep);
        setFormError(
          loose.length > 0
            ? `Some answers were not accepted: ${loose.join(' ')}`
            : 'Some answers were not accepted. Please look at the questions below.',
        );
      } else if (isApiError(error, 409)) {
        setFormError(
          'These questions are no longer waiting for you: they were already sent or your clinician withdrew them.',
        );
        void queryClient.invalidateQueries({ queryKey: myQuestionnairesQueryKey });
      } else {
        setFormError(describeError(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${baseId}-error`;
  const stepError =
    step === undefined ? undefined : (problem ?? serverErrors[draft.step] ?? undefined);
  const number = Math.min(draft.step + 1, total);

  return (
    <>
      <title>{`Question ${number} of ${total} · Spinewise`}</title>
      <PageTitle>{`From ${request.requestedByName}`}</PageTitle>
      <p className="qn-due">{dueInWords(request.dueOn, localToday())}</p>
      <div className="qn-progress">
        <p id={`${baseId}-progress`}>{onReview ? 'All done' : `Question ${number} of ${total}`}</p>
        <progress
          max={total}
          value={onReview ? total : draft.step}
          aria-labelledby={`${baseId}-progress`}
        />
      </div>
      {step === undefined ? (
        <section className="panel qn-step" aria-labelledby={`${baseId}-heading`}>
          <h2 id={`${baseId}-heading`} ref={heading} tabIndex={-1}>
            Ready to send
          </h2>
          <p>
            You have answered every question. When you send them, {request.requestedByName} will see
            your answers.
          </p>
          {formError === null ? null : (
            <div className="error-summary" role="alert">
              <p>{formError}</p>
              {Object.keys(serverErrors).length === 0 ? null : (
                <ul>
                  {Object.entries(serverErrors).map(([at, message]) => {
                    const where = steps[Number(at)];
                    return (
                      <li key={at}>
                        <button
                          type="button"
                          className="qn-link-button"
                          onClick={() => {
                            goTo(Number(at));
                          }}
                        >
                          Question {Number(at) + 1}
                          {where === undefined ? '' : ` (${where.item.text})`}: {message}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          )}
          <div className="qn-actions">
            <Button
              className="qn-big-button"
              busy={busy}
              busyLabel="Sending…"
              onClick={() => void send()}
            >
              Send my answers
            </Button>
            <Button
              variant="secondary"
              className="qn-big-button"
              onClick={() => {
                goTo(total - 1);
              }}
            >
              Back
            </Button>
          </div>
        </section>
      ) : (
        <section className="panel qn-step" aria-labelledby={`${baseId}-heading`}>
          <p className="qn-topic">{plainInstrumentNames[step.instrument.id]}</p>
          <h2 id={`${baseId}-heading`} ref={heading} tabIndex={-1} className="qn-question">
            {step.kind === 'activity'
              ? `Activity ${step.index + 1} of ${steps.filter((s) => s.instrument.id === step.instrument.id).length}`
              : step.item.text}
          </h2>
          {step.kind === 'choice' ? (
            <p className="field-hint">Choose the answer that fits you best today.</p>
          ) : null}
          {stepError === undefined ? null : (
            <p id={errorId} className="field-error" role="alert">
              <span className="visually-hidden">Error: </span>
              {stepError}
            </p>
          )}
          {step.kind === 'choice' ? (
            <ChoiceQuestion
              key={draft.step}
              step={step}
              name={`${baseId}-${draft.step}`}
              value={answerOf(draft.answers, step) as number | null | undefined}
              onChange={answer}
              describedBy={stepError === undefined ? undefined : errorId}
            />
          ) : (
            <ActivityQuestion
              key={draft.step}
              name={`${baseId}-${draft.step}`}
              fixed={step.activity}
              value={
                (answerOf(draft.answers, step) as ActivityAnswer | undefined) ?? {
                  activity: step.activity ?? '',
                  rating: null,
                }
              }
              onChange={answer}
              describedBy={stepError === undefined ? undefined : errorId}
              invalid={stepError !== undefined}
            />
          )}
          <div className="qn-actions">
            <Button className="qn-big-button" onClick={next}>
              Next
            </Button>
            {draft.step === 0 ? null : (
              <Button
                variant="secondary"
                className="qn-big-button"
                onClick={() => {
                  goTo(draft.step - 1);
                }}
              >
                Back
              </Button>
            )}
            {step.skippable ? (
              <Button
                variant="quiet"
                className="qn-big-button"
                onClick={() => {
                  answer(null);
                  goTo(draft.step + 1);
                }}
              >
                Skip this question
              </Button>
            ) : null}
          </div>
        </section>
      )}
      {step === undefined ? null : <p className="qn-copyright">{step.instrument.copyright}</p>}
    </>
  );
}

export function QuestionnairePage() {
  const { requestId = '' } = useParams();
  const mine = useQuery({
    queryKey: myQuestionnairesQueryKey,
    queryFn: ({ signal }) => fetchMyQuestionnaires(signal),
  });
  if (mine.isPending) return <LoadingState label="Loading your questions" />;
  if (mine.isError) {
    return (
      <>
        <PageTitle>Questionnaire</PageTitle>
        <ErrorState
          title="Your questions could not be loaded"
          error={mine.error}
          onRetry={() => {
            void mine.refetch();
          }}
        />
      </>
    );
  }
  const due = mine.data.due.find((request) => request.id === requestId);
  if (due !== undefined) {
    return (
      <QuestionnaireForm
        key={due.id}
        request={due}
        instruments={mine.data.instruments}
        goals={
          mine.data.goals.find((goal) => goal.episodeId === due.episodeId)?.activities ?? noGoals
        }
      />
    );
  }
  const done = mine.data.completed.find((request) => request.id === requestId);
  if (done !== undefined) return <ThankYou request={done} />;
  return (
    <>
      <title>Questionnaire · Spinewise</title>
      <PageTitle>Questionnaire</PageTitle>
      <EmptyState
        title="These questions are no longer waiting for you"
        action={
          <Link className={buttonClass('primary', 'qn-big-button')} to="/app/questionnaires">
            See your questionnaires
          </Link>
        }
      >
        <p>They may have been sent already, or your clinician may have withdrawn them.</p>
      </EmptyState>
    </>
  );
}
