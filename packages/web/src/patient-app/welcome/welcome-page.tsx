/**
 * `/app/welcome`: three short screens after joining (issue 6 §1) — the programme in plain words
 * (how many weeks, minutes a day, the stages), how to log, and what to do if something feels
 * wrong — then Today. Skippable at any point; built from `GET /api/me/today`, and still useful
 * when the clinician has not finished the programme yet.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client.js';
import { formatLongDay } from '../../format/dates.js';
import { Button, buttonClass } from '../../ui/button.js';
import { ErrorState, LoadingState } from '../../ui/states.js';
import { fetchToday, todayQueryKey, type Today } from '../today-api.js';
import { phaseWords, programmeSummary } from './programme-summary.js';
import './welcome.css';

const SCREENS = 3;

function ProgrammeScreen({ today }: { readonly today: Today | null }) {
  if (today === null) {
    return (
      <>
        <p>
          Your clinician is still getting your programme ready. When it is ready, you will find it
          on your <strong>Today</strong> page.
        </p>
        <p>Here is how the app will help you, so you know what to expect.</p>
      </>
    );
  }
  const summary = programmeSummary(today);
  return (
    <>
      <p>
        Your programme lasts{' '}
        <strong>{summary.weeks === 1 ? '1 week' : `${summary.weeks} weeks`}</strong>
        {summary.started ? '' : `, starting on ${formatLongDay(today.programme.startDate)}`}.
      </p>
      {summary.minutesPerDay === null ? null : (
        <p>
          Your exercises take about <strong>{summary.minutesPerDay} minutes a day</strong>
          {summary.daysPerWeek === null ? '' : `, ${summary.daysPerWeek} days a week`}.
        </p>
      )}
      <h2>It goes in stages</h2>
      <p>
        Your clinician picked where you start. As you get stronger, your exercises change to match.
      </p>
      <ul className="welcome-phases">
        {phaseWords.map((phase) => (
          <li key={phase.id} className={phase.id === summary.phase ? 'welcome-phase--now' : ''}>
            <strong>{phase.name}</strong>
            {phase.id === summary.phase ? ' (you are here)' : ''}: {phase.words}
          </li>
        ))}
      </ul>
    </>
  );
}

function LoggingScreen() {
  return (
    <>
      <p>Each day, your Today page shows your exercises. A moving figure shows you how.</p>
      <ul>
        <li>Tap an exercise to start. The app counts and times it with you.</li>
        <li>
          When you finish, tap <strong>Done</strong> or <strong>Partly done</strong>.
        </li>
        <li>Say how much it hurt, from 0 (no pain) to 10 (the worst pain).</li>
        <li>The next morning, tell us in one tap how your back or neck feels.</li>
      </ul>
      <p>
        No signal? The app keeps what you log on your phone and sends it when you are back online.
      </p>
    </>
  );
}

function SomethingWrongScreen() {
  return (
    <>
      {/* [S-PMM] pain during and after may reach 5 out of 10, and should settle by the next morning. */}
      <p>
        Some aching while you exercise is normal. Pain up to 5 out of 10 is all right, as long as it
        settles by the next morning.
      </p>
      <p>On your Today page there are two buttons for when things are not right:</p>
      <ul>
        <li>
          <strong>Something feels wrong</strong>: for anything new or worrying. It asks a few
          questions and tells you what to do straight away.
        </li>
        <li>
          <strong>Having a flare-up?</strong>: a plan for a bad day, with gentler exercises.
        </li>
      </ul>
      <p>Your clinician sees what you log and can change your programme.</p>
    </>
  );
}

const titles = ['Your programme', 'Logging your exercises', 'If something feels wrong'] as const;

export function WelcomePage() {
  const navigate = useNavigate();
  const [screen, setScreen] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const today = useQuery({
    queryKey: todayQueryKey,
    queryFn: ({ signal }) => fetchToday(signal),
    // No programme yet is an answer, not a failure to retry.
    retry: (count, error) => !isApiError(error, 404) && count < 2,
  });

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [screen]);

  const finish = () => {
    void navigate('/app', { replace: true });
  };

  const noProgramme = today.isError && isApiError(today.error, 404);
  const last = screen === SCREENS - 1;
  return (
    <div className="welcome">
      <title>Welcome · Spinewise</title>
      <header className="page-header welcome-header">
        <p className="welcome-count">
          {screen + 1} of {SCREENS}
        </p>
        <h1 className="page-title" tabIndex={-1} ref={heading}>
          {screen === 0 ? 'Welcome to Spinewise' : titles[screen]}
        </h1>
      </header>
      <section className="panel welcome-screen" aria-label={titles[screen]}>
        {screen === 0 ? (
          today.isPending ? (
            <LoadingState label="Loading your programme" />
          ) : today.isSuccess || noProgramme ? (
            <ProgrammeScreen today={today.isSuccess ? today.data : null} />
          ) : (
            <ErrorState
              error={today.error}
              title="Your programme could not be loaded"
              onRetry={() => void today.refetch()}
            />
          )
        ) : screen === 1 ? (
          <LoggingScreen />
        ) : (
          <SomethingWrongScreen />
        )}
      </section>
      <div className="welcome-actions">
        {last ? (
          <Button onClick={finish}>Go to my Today page</Button>
        ) : (
          <Button
            onClick={() => {
              setScreen(screen + 1);
            }}
          >
            Next
          </Button>
        )}
        {screen > 0 ? (
          <Button
            variant="secondary"
            onClick={() => {
              setScreen(screen - 1);
            }}
          >
            Back
          </Button>
        ) : null}
        {last ? null : (
          <Link className={buttonClass('quiet', 'welcome-skip')} to="/app" replace>
            Skip the welcome
          </Link>
        )}
      </div>
    </div>
  );
}
