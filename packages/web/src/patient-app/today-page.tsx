/**
 * The patient's day (`/app`): the morning check-in after a logged session, help when something
 * feels wrong or the pain flares up, "before you start" (pain and symptom questions), then each
 * exercise of today's session with its figure, steps, dose, guided player and log, and the
 * week's walking or activity goal. It works offline from the copy kept on the phone; logs and
 * check-ins go through the outbox.
 */
import { addDays } from '@spinewise/clinical';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/client.js';
import { formatDay, formatLongDay } from '../format/dates.js';
import { buttonClass } from '../ui/button.js';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.js';
import { SavedCopyNotice } from './offline/cached-query.js';
import { QuestionnairesDueCard } from './questionnaires/due-card.js';
import { useOutbox, type OutboxEntry } from './offline/outbox.js';
import { SymptomReport } from './safety/symptom-report.js';
import { CheckInCard, checkInsOnPhone } from './session/check-in-card.js';
import { loadPainBefore, loggedOn, logsOn, savePainBefore } from './session/day-log.js';
import { ExerciseCard } from './session/exercise-card.js';
import { PainScale } from './session/pain-scale.js';
import {
  activityLabels,
  checkInsQueryKey,
  doseInWords,
  exercisesOf,
  fetchCheckIns,
  repsPlan,
  useRecentLogs,
  useToday,
  withServerLogs,
  type Today,
} from './today-api.js';
import './session/session.css';
import './safety/safety.css';

function phaseName(phase: string): string {
  return phase.charAt(0).toUpperCase() + phase.slice(1);
}

/**
 * The morning check-in, the day after a logged session (on this phone or another) not checked
 * in yet. `ready` stays false until what decides it has answered, so the card never appears
 * above the session a moment later and pushes it down the screen.
 */
function useMorningCheckIn(
  today: Today,
  entries: readonly OutboxEntry[],
  recentPending: boolean,
): { readonly ready: boolean; readonly card: ReactNode } {
  const yesterday = addDays(today.date, -1);
  const logged = loggedOn(entries, yesterday);
  const onPhone = checkInsOnPhone(entries, yesterday);
  const server = useQuery({
    queryKey: checkInsQueryKey(yesterday, yesterday),
    queryFn: ({ signal }) => fetchCheckIns(yesterday, yesterday, signal),
    enabled: logged && onPhone.length === 0,
  });
  // Offline, the queries fail rather than wait: what the phone holds decides then.
  if (recentPending) return { ready: false, card: null };
  if (!logged) return { ready: true, card: null };
  const [sent] = onPhone;
  if (sent !== undefined) {
    return { ready: true, card: <CheckInCard sessionOn={yesterday} sent={sent} /> };
  }
  if (server.isPending) return { ready: false, card: null };
  // Checked in from another phone: nothing to ask. Offline (no answer), ask anyway: the
  // check-in waits on the phone, and the server refuses a second one for the day.
  if (server.isSuccess && server.data.length > 0) return { ready: true, card: null };
  return { ready: true, card: <CheckInCard sessionOn={yesterday} /> };
}

/** Today once the programme has come: the check-in, help, the session, in one paint. */
function TodayContent({ today }: { readonly today: Today }) {
  // What is done: this phone's outbox and the server's logs (another phone's), merged once.
  const outbox = useOutbox();
  const recent = useRecentLogs(today.date);
  const entries = withServerLogs(outbox.entries, recent.data?.logs);
  const checkIn = useMorningCheckIn(today, entries, recent.isPending);
  if (!checkIn.ready) {
    return (
      <>
        <HelpLinks />
        <LoadingState label="Loading your programme" />
      </>
    );
  }
  return (
    <>
      {checkIn.card}
      <HelpLinks />
      <Week today={today} entries={entries} />
      {/* Below the session: it arrives on its own request and must not push the page down. */}
      <QuestionnairesDueCard />
    </>
  );
}

function HelpLinks() {
  return (
    <nav className="help-links" aria-label="Help">
      <Link className={buttonClass('secondary')} to="/app/symptoms">
        Something feels wrong
      </Link>
      <Link className={buttonClass('secondary')} to="/app/flare-up">
        Having a flare-up?
      </Link>
    </nav>
  );
}

function BeforeYouStart({
  today,
  painBefore,
  onPainBefore,
}: {
  readonly today: Today;
  readonly painBefore: number | undefined;
  readonly onPainBefore: (pain: number) => void;
}) {
  const first = today.week === null ? undefined : exercisesOf(today.week)[0];
  return (
    <section className="panel before-start" aria-labelledby="before-start-heading">
      <h2 id="before-start-heading">Before you start</h2>
      <PainScale
        name="painBeforeSession"
        legend="How much pain do you have right now?"
        value={painBefore}
        onChange={onPainBefore}
        withWords={false}
      />
      <details className="before-start-symptoms">
        <summary>Any new or worrying symptoms? Check here first</summary>
        <SymptomReport
          legend="Are any of these happening to you now?"
          date={today.date}
          {...(first === undefined ? {} : { exerciseId: first.id })}
          {...(painBefore === undefined ? {} : { painBefore })}
          note="Reported before starting the session"
        />
      </details>
    </section>
  );
}

function Week({
  today,
  entries,
}: {
  readonly today: Today;
  readonly entries: readonly OutboxEntry[];
}) {
  const { week } = today;
  const [painBefore, setPainBefore] = useState(() => loadPainBefore(today.date));
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
  const logged = logsOn(entries, today.date);
  const seen = new Set<string>();
  return (
    <>
      <p className="today-week">
        Week {week.week} · {phaseName(week.phase)} phase
      </p>
      <BeforeYouStart
        today={today}
        painBefore={painBefore}
        onPainBefore={(pain) => {
          savePainBefore(today.date, pain);
          setPainBefore(pain);
        }}
      />
      {week.sessions.map((session) => {
        // An exercise in two sessions of the week is shown (and logged) once.
        const exercises = session.exercises.filter((exercise) => {
          if (seen.has(exercise.id)) return false;
          seen.add(exercise.id);
          return true;
        });
        if (exercises.length === 0) return null;
        return (
          <section
            key={session.id}
            className="today-session"
            aria-labelledby={`session-${session.id}`}
          >
            <h2 id={`session-${session.id}`}>{session.name}</h2>
            <p className="today-session-meta">
              {session.daysPerWeek} days a week · about{' '}
              {Math.max(1, Math.round(session.dailyMinutes))} minutes a day
            </p>
            {exercises.map((exercise) => (
              <ExerciseCard
                key={exercise.id}
                exercise={{
                  id: exercise.id,
                  name: exercise.name,
                  sets: exercise.sets,
                  repsPerSet: repsPlan(exercise),
                  ...(exercise.holdSeconds === undefined
                    ? {}
                    : { holdSeconds: exercise.holdSeconds }),
                  ...(exercise.minutes === undefined ? {} : { minutes: exercise.minutes }),
                  dose: doseInWords(exercise),
                  cautions: exercise.cautions,
                  guide: exercise.guide,
                }}
                date={today.date}
                logged={logged.get(exercise.id) ?? []}
                {...(painBefore === undefined ? {} : { painBefore })}
              />
            ))}
          </section>
        );
      })}
      <section className="panel" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Staying active this week</h2>
        <p>
          {activityLabels[week.activity.kind]}: {week.activity.minutesPerDay} minutes a day,{' '}
          {week.activity.daysPerWeek} days a week.
        </p>
        <p className="field-hint">
          Go at a pace where you can still talk. It is fine to split it into shorter walks.
        </p>
      </section>
    </>
  );
}

export function TodayPage() {
  const today = useToday();
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
      <SavedCopyNotice query={today} />
      {today.isPending ? (
        <>
          <HelpLinks />
          <LoadingState label="Loading your programme" />
        </>
      ) : today.isError ? (
        <>
          <HelpLinks />
          {isApiError(today.error, 404) ? (
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
          )}
        </>
      ) : (
        <TodayContent today={today.data} />
      )}
    </>
  );
}
