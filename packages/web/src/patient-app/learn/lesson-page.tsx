/**
 * `/app/learn/:lessonId`: one lesson in large, readable type with headings, the key points, and
 * its check questions. Each question is checked on its own with the server, which answers kindly
 * whichever option was chosen; the feedback is announced and kept on the phone. The relaxation
 * lesson carries the guided breathing timer. Works offline from the last copy kept on the phone;
 * checking an answer needs a connection, and says so kindly when there is none.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError, NETWORK_ERROR_STATUS } from '../../api/client.js';
import { formatLongDay } from '../../format/dates.js';
import { Button } from '../../ui/button.js';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.js';
import { SavedCopyNotice } from '../offline/cached-query.js';
import { BreathingTimer } from './breathing-timer.js';
import {
  keepOnPhone,
  lessonQueryKey,
  lessonsQueryKey,
  postAnswers,
  useLesson,
  withResults,
  type CheckQuestion,
  type Lesson,
} from './learn-api.js';
import './learn.css';

function checkError(error: unknown): string {
  if (isApiError(error, NETWORK_ERROR_STATUS)) {
    return 'You seem to be offline, so we cannot check your answer just now. Try again when you are back online.';
  }
  return 'Your answer could not be checked just now. Please try again in a moment.';
}

function Question({
  lesson,
  question,
  number,
}: {
  readonly lesson: Lesson;
  readonly question: CheckQuestion;
  readonly number: number;
}) {
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(question.result?.optionId ?? null);
  const [missing, setMissing] = useState(false);
  const check = useMutation({
    mutationFn: (optionId: string) => postAnswers(lesson.id, { [question.id]: optionId }),
    onSuccess: async (progress) => {
      const current = client.getQueryData<Lesson>(lessonQueryKey(lesson.id)) ?? lesson;
      const updated = withResults(current, progress);
      client.setQueryData(lessonQueryKey(lesson.id), updated);
      await keepOnPhone(updated);
      await client.invalidateQueries({ queryKey: lessonsQueryKey, exact: true });
    },
  });
  const result = question.result;
  const showing = result !== null && result.optionId === chosen ? result : null;
  const legendId = `question-${question.id}`;
  const errorId = `question-${question.id}-error`;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen === null) {
      setMissing(true);
      return;
    }
    setMissing(false);
    check.mutate(chosen);
  };

  const right =
    showing === null ? undefined : question.options.find((o) => o.id === showing.rightOptionId);
  return (
    <li className="check-question">
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={missing ? errorId : undefined}>
          <legend id={legendId}>
            <span className="visually-hidden">Question {number}: </span>
            {question.question}
          </legend>
          {missing ? (
            <p id={errorId} className="field-error">
              Choose an answer first.
            </p>
          ) : null}
          <div className="check-options">
            {question.options.map((option) => {
              const marked =
                showing === null
                  ? ''
                  : option.id === showing.rightOptionId
                    ? ' check-option--right'
                    : option.id === showing.optionId
                      ? ' check-option--chosen'
                      : '';
              return (
                <label key={option.id} className={`check-option${marked}`}>
                  <input
                    type="radio"
                    name={`answer-${question.id}`}
                    value={option.id}
                    checked={chosen === option.id}
                    onChange={() => {
                      setChosen(option.id);
                      setMissing(false);
                    }}
                  />
                  <span>{option.text}</span>
                  {showing !== null && option.id === showing.rightOptionId ? (
                    <span className="check-option-mark">(the best answer)</span>
                  ) : null}
                </label>
              );
            })}
          </div>
        </fieldset>
        <Button type="submit" busy={check.isPending} busyLabel="Checking…" className="check-submit">
          Check my answer
        </Button>
      </form>
      <div className="check-feedback-region" role="status" aria-live="polite">
        {showing === null ? null : (
          <div className={`check-feedback${showing.correct ? ' check-feedback--right' : ''}`}>
            <p className="check-feedback-title">
              {showing.correct ? 'Yes, that’s right.' : 'Not quite, and that’s fine.'}
            </p>
            {showing.correct || right === undefined ? null : (
              <p>The best answer is: {right.text}</p>
            )}
            <p>{showing.explanation}</p>
          </div>
        )}
      </div>
      {check.isError ? (
        <p className="notice notice--error" role="alert">
          {checkError(check.error)}
        </p>
      ) : null}
    </li>
  );
}

function LessonBody({ lesson }: { readonly lesson: Lesson }) {
  const answered = lesson.checkQuestions.filter((question) => question.result !== null).length;
  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <p className="lesson-summary">{lesson.summary}</p>
      {lesson.sections.map((section) => (
        <section key={section.heading} className="lesson-section">
          <h2>{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          {section.bullets.length === 0 ? null : (
            <ul>
              {section.bullets.map((bullet) => (
                <li key={bullet}>{bullet}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {lesson.breathingTimer === null ? null : <BreathingTimer timer={lesson.breathingTimer} />}
      <section className="lesson-key-points panel" aria-labelledby="key-points-heading">
        <h2 id="key-points-heading">Things to remember</h2>
        <ul>
          {lesson.keyPoints.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      </section>
      {lesson.checkQuestions.length === 0 ? null : (
        <section aria-labelledby="check-heading">
          <h2 id="check-heading">Check what you have learned</h2>
          <p>
            There is no test and no score to worry about. Pick an answer, then check it to see why.
            {answered > 0
              ? ` You have answered ${answered} of ${lesson.checkQuestions.length}.`
              : ''}
          </p>
          <ol className="check-questions">
            {lesson.checkQuestions.map((question, index) => (
              <Question key={question.id} lesson={lesson} question={question} number={index + 1} />
            ))}
          </ol>
        </section>
      )}
      <p className="lesson-next">
        <Link to="/app/learn">Back to all lessons</Link>
      </p>
    </article>
  );
}

export function LessonPage() {
  const { lessonId = '' } = useParams();
  const lesson = useLesson(lessonId);
  const title = lesson.data?.title ?? 'Lesson';
  const openOn = isApiError(lesson.error, 409)
    ? /\d{4}-\d{2}-\d{2}/u.exec(lesson.error.message)
    : null;
  return (
    <>
      <title>{`${title} · Spinewise`}</title>
      <header className="page-header">
        <div className="page-back">
          <Link to="/app/learn">Back to lessons</Link>
        </div>
        <h1 id="lesson-title" className="page-title" tabIndex={-1}>
          {title}
        </h1>
        {lesson.data === undefined ? null : (
          <p className="page-lead">About {lesson.data.minutes} minutes to read</p>
        )}
      </header>
      <SavedCopyNotice query={lesson} />
      {lesson.isPending ? (
        <LoadingState label="Loading the lesson" />
      ) : lesson.isError ? (
        isApiError(lesson.error, 409) ? (
          <EmptyState title="This lesson is not open yet">
            <p>
              {openOn === null
                ? 'It opens later in your programme.'
                : `It opens on ${formatLongDay(openOn[0])}.`}
            </p>
          </EmptyState>
        ) : isApiError(lesson.error, 404) ? (
          <EmptyState title="We could not find this lesson">
            <p>
              <Link to="/app/learn">See all your lessons</Link>
            </p>
          </EmptyState>
        ) : (
          <ErrorState
            title="The lesson could not be loaded"
            error={lesson.error}
            onRetry={() => {
              void lesson.refetch();
            }}
          />
        )
      ) : (
        <LessonBody lesson={lesson.data} />
      )}
    </>
  );
}
