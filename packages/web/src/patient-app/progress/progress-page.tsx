/**
 * `/app/progress`: how the patient is getting on, in their own terms — the pain trend (a chart,
 * its summary in words and the numbers as a table), the days exercised this week against the
 * plan (no streaks, no blame), questionnaire results against their own start in plain words,
 * and their goals. Works offline from the last copy kept on the phone.
 */
import { Link } from 'react-router';
import { formatDay } from '../../format/dates.js';
import { buttonClass } from '../../ui/button.js';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.js';
import { SavedCopyNotice } from '../offline/cached-query.js';
import { PainChart } from './pain-chart.js';
import type { Goal, Progress, QuestionnaireResult } from './progress-api.js';
import { useProgress } from './progress-api.js';
import './progress.css';

function WeekDays({ week }: { readonly week: NonNullable<Progress['week']> }) {
  const dots = Array.from(
    { length: Math.max(week.daysPlanned, week.daysDone) },
    (_, index) => index,
  );
  return (
    <section className="panel progress-section" aria-labelledby="progress-week-heading">
      <h2 id="progress-week-heading">This week</h2>
      <p className="progress-week-count">
        {week.daysDone} of {week.daysPlanned} days
      </p>
      <ol className="progress-dots" aria-hidden="true">
        {dots.map((index) => (
          <li
            key={index}
            className={index < week.daysDone ? 'progress-dot progress-dot--done' : 'progress-dot'}
          >
            {index < week.daysDone ? '✓' : ''}
          </li>
        ))}
      </ol>
      <p>{week.message}</p>
      <p className="progress-muted">
        Week {week.week}: {formatDay(week.startDate)} to {formatDay(week.endDate)}
      </p>
    </section>
  );
}

function directionMark(result: QuestionnaireResult): string {
  switch (result.direction) {
    case 'improved':
      return 'Better';
    case 'worsened':
      return 'Harder for now';
    case 'unchanged':
      return 'About the same';
    case null:
      return 'Starting point';
  }
}

function Questionnaires({ results }: { readonly results: readonly QuestionnaireResult[] }) {
  return (
    <section className="progress-section" aria-labelledby="progress-questionnaires-heading">
      <h2 id="progress-questionnaires-heading">Your questionnaires</h2>
      {results.length === 0 ? (
        <EmptyState title="No questionnaire results yet">
          <p>
            After you fill in questionnaires, you will see here how you compare with your start.
          </p>
        </EmptyState>
      ) : (
        <ul className="progress-cards">
          {results.map((result) => (
            <li key={result.instrument} className="progress-card">
              <h3>{result.title}</h3>
              <p className={`progress-tag progress-tag--${result.direction ?? 'start'}`}>
                {directionMark(result)}
              </p>
              <p>{result.meaning}</p>
              <dl className="progress-scores">
                <div>
                  <dt>At the start</dt>
                  <dd>{result.baseline.display}</dd>
                </div>
                {result.latest === null ? null : (
                  <div>
                    <dt>Latest</dt>
                    <dd>{result.latest.display}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GoalBar({ label, rating }: { readonly label: string; readonly rating: number }) {
  return (
    <div className="goal-bar">
      <span className="goal-bar-label">
        {label}: {rating} out of 10
      </span>
      <span className="goal-bar-track" aria-hidden="true">
        <span className="goal-bar-fill" style={{ width: `${rating * 10}%` }} />
      </span>
    </div>
  );
}

function Goals({ goals }: { readonly goals: readonly Goal[] }) {
  return (
    <section className="progress-section" aria-labelledby="progress-goals-heading">
      <h2 id="progress-goals-heading">Your goals</h2>
      {goals.length === 0 ? (
        <EmptyState title="No goals yet">
          <p>Your clinician will help you choose activities to work towards.</p>
        </EmptyState>
      ) : (
        <>
          <p className="progress-muted">
            How well you can do each activity, from 0 (not at all) to 10 (as well as before).
          </p>
          <ul className="progress-cards">
            {goals.map((goal) => (
              <li key={goal.activity} className="progress-card">
                <h3>{goal.activity}</h3>
                <GoalBar label="At the start" rating={goal.baseline} />
                {goal.latest === null ? null : <GoalBar label="Latest" rating={goal.latest} />}
                <p>{goal.meaning}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ProgressBody({ progress }: { readonly progress: Progress }) {
  const nothingYet =
    progress.painTrend.days.length === 0 &&
    progress.questionnaires.length === 0 &&
    progress.goals.length === 0;
  return (
    <>
      {nothingYet ? (
        <EmptyState title="Your progress will show here">
          <p>
            As you log your sessions and fill in questionnaires, you will see how things are moving.
            It is early days, and that is fine.
          </p>
        </EmptyState>
      ) : null}
      {progress.week === null ? null : <WeekDays week={progress.week} />}
      <section className="progress-section" aria-labelledby="progress-pain-heading">
        <h2 id="progress-pain-heading">Your pain over time</h2>
        {progress.painTrend.days.length === 0 ? (
          <p>{progress.painTrend.summary}</p>
        ) : (
          <PainChart days={progress.painTrend.days} summary={progress.painTrend.summary} />
        )}
      </section>
      <Questionnaires results={progress.questionnaires} />
      <Goals goals={progress.goals} />
      <p>
        <Link to="/app/learn">Read about why pain goes up and down</Link>
      </p>
    </>
  );
}

export function ProgressPage() {
  const progress = useProgress();
  return (
    <>
      <title>Progress · Spinewise</title>
      <header className="page-header">
        <h1 className="page-title" tabIndex={-1}>
          Progress
        </h1>
        <p className="page-lead">How you are getting on, compared with your own start.</p>
      </header>
      <SavedCopyNotice query={progress} />
      {progress.isPending ? (
        <LoadingState label="Loading your progress" />
      ) : progress.isError ? (
        <ErrorState
          title="Your progress could not be loaded"
          error={progress.error}
          onRetry={() => {
            void progress.refetch();
          }}
        />
      ) : (
        <ProgressBody progress={progress.data} />
      )}
      <section className="panel progress-section" aria-labelledby="progress-range-heading">
        <h2 id="progress-range-heading">How far you can move</h2>
        <p>
          Measure how far you can bend or turn with your phone&apos;s camera. The picture stays on
          your phone; only the angle is saved, for you and your physio to follow.
        </p>
        <Link className={buttonClass('secondary')} to="/app/coach/range">
          Measure my movement
        </Link>
      </section>
    </>
  );
}
