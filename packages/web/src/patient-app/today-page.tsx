/**
 * The patient's day: this week's exercises with how much of each, and the activity goal. The
 * start of the patient app (issue 6 adds logging, lessons and the rest); it already shows what
 * to do today, from the programme the clinician approved.
 */
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../api/client.js';
import { formatDay, formatLongDay } from '../format/dates.js';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.js';
import { activityLabels, doseInWords, fetchToday, todayQueryKey, type Today } from './today-api.js';

function phaseName(phase: string): string {
  return phase.charAt(0).toUpperCase() + phase.slice(1);
}

function Week({ today }: { readonly today: Today }) {
  const { week } = today;
  if (week === null) {
    return today.date < today.programme.startDate ? (
      <EmptyState title="Your programme has not started yet">
        <p>
          It starts on {formatLongDay(today.programme.startDate)}. Your exercises will be here then.
        </p>
      </EmptyState>
    ) : (
      <EmptyState title="Your programme has finished">
        <p>
          It ended on {formatDay(today.programme.endDate)}. Well done for getting this far. Your
          clinician will be in touch about what comes next.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="today-week">
        Week {week.week} · {phaseName(week.phase)} phase
      </p>
      {week.sessions.map((session) => (
        <section
          key={session.id}
          className="panel today-session"
          aria-labelledby={`session-${session.id}`}
        >
          <h2 id={`session-${session.id}`}>{session.name}</h2>
          <p className="today-session-meta">
            {session.daysPerWeek} days a week · about{' '}
            {Math.max(1, Math.round(session.dailyMinutes))} minutes a day
          </p>
          <ol className="exercise-list">
            {session.exercises.map((exercise) => (
              <li key={exercise.id} className="exercise">
                <h3 className="exercise-name">{exercise.name}</h3>
                <p className="exercise-dose">{doseInWords(exercise)}</p>
                {exercise.cautions.length === 0 ? null : (
                  <ul className="exercise-cautions" aria-label={`Take care with ${exercise.name}`}>
                    {exercise.cautions.map((caution) => (
                      <li key={caution}>{caution}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
      <section className="panel" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Staying active</h2>
        <p>
          {activityLabels[week.activity.kind]}: {week.activity.minutesPerDay} minutes a day,{' '}
          {week.activity.daysPerWeek} days a week.
        </p>
      </section>
    </>
  );
}

export function TodayPage() {
  const today = useQuery({ queryKey: todayQueryKey, queryFn: ({ signal }) => fetchToday(signal) });
  return (
    <>
      <title>Today · Spinewise</title>
      <header className="page-header">
        <h1 className="page-title" tabIndex={-1}>
          Today
        </h1>
        {today.data === undefined ? null : (
          <p className="page-lead">{formatLongDay(today.data.date)}</p>
        )}
      </header>
      {today.isPending ? (
        <LoadingState label="Loading your programme" />
      ) : today.isError ? (
        isApiError(today.error, 404) ? (
          <EmptyState title="Your programme is on its way">
            <p>
              Your clinician is still putting your programme together. It will appear here as soon
              as they have approved it.
            </p>
          </EmptyState>
        ) : (
          <ErrorState
            title="Your programme could not be loaded"
            error={today.error}
            onRetry={() => {
              void today.refetch();
            }}
          />
        )
      ) : (
        <Week today={today.data} />
      )}
    </>
  );
}
