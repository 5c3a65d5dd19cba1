/** "Something feels wrong": the symptom questions, any time, with their advice at once. */
import { Link } from 'react-router';
import { EmptyState, LoadingState } from '../../ui/states.js';
import { exercisesOf, useToday } from '../today-api.js';
import { loadPainBefore } from '../session/day-log.js';
import { SymptomReport } from './symptom-report.js';
import './safety.css';

export function SomethingWrongPage() {
  const today = useToday();
  const week = today.data?.week ?? null;
  const first = week === null ? undefined : exercisesOf(week)[0];
  const date = today.data?.date ?? new Date().toISOString().slice(0, 10);
  return (
    <>
      <title>Something feels wrong · Spinewise</title>
      <header className="page-header">
        <h1 className="page-title" tabIndex={-1}>
          Something feels wrong
        </h1>
        <p className="page-lead">
          Tell us what is happening. If any of these are new, we will tell you what to do straight
          away.
        </p>
      </header>
      {today.isPending ? (
        <LoadingState label="Loading" />
      ) : (
        <section className="panel" aria-label="Symptom questions">
          <SymptomReport
            legend="Are any of these happening to you now?"
            date={date}
            {...(first === undefined ? {} : { exerciseId: first.id })}
            {...(() => {
              const pain = loadPainBefore(date);
              return pain === undefined ? {} : { painBefore: pain };
            })()}
            note="Reported from Something feels wrong"
          />
        </section>
      )}
      {today.isError && week === null ? (
        <EmptyState title="Your programme could not be loaded">
          <p>You can still read the advice above. If you are worried, phone your physio.</p>
        </EmptyState>
      ) : null}
      <p>
        <Link to="/app/flare-up">Having a flare-up? See your flare-up plan</Link>
      </p>
      <p>
        <Link to="/app">Back to today</Link>
      </p>
    </>
  );
}
