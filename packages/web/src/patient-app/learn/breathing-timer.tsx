/**
 * The guided breathing timer of the relaxation lesson: a circle that grows as you breathe in and
 * shrinks as you breathe out, the phase in words (announced politely to screen readers, once per
 * phase), the seconds left, and start and stop. With reduced motion the circle does not move;
 * the words and the count guide the breath instead.
 */
import { useEffect, useState } from 'react';
import { Button } from '../../ui/button.js';
import { breathAt, cycleSeconds, phaseWords, type BreathPhase } from './breathing.js';
import type { BreathingTimer as Timer } from './learn-api.js';

const TICK_MS = 250;

function describePattern(timer: Timer): string {
  const hold = timer.holdSeconds > 0 ? `, hold for ${timer.holdSeconds}` : '';
  return `Breathe in for ${timer.inhaleSeconds} seconds${hold}, then out for ${timer.exhaleSeconds}. ${timer.cycles} slow breaths take about ${Math.round((cycleSeconds(timer) * timer.cycles) / 60)} minute${Math.round((cycleSeconds(timer) * timer.cycles) / 60) === 1 ? '' : 's'}.`;
}

export function BreathingTimer({ timer }: { readonly timer: Timer }) {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [finished, setFinished] = useState(false);

  const moment = startedAt === null ? null : breathAt(timer, elapsed);
  const phase: BreathPhase | null = moment?.phase ?? null;

  useEffect(() => {
    if (startedAt === null) return undefined;
    const id = window.setInterval(() => {
      const seconds = (Date.now() - startedAt) / 1000;
      if (breathAt(timer, seconds).phase === null) {
        setStartedAt(null);
        setFinished(true);
      } else {
        setElapsed(seconds);
      }
    }, TICK_MS);
    return () => {
      window.clearInterval(id);
    };
  }, [startedAt, timer]);

  const start = () => {
    setElapsed(0);
    setFinished(false);
    setStartedAt(Date.now());
  };
  const stop = () => {
    setStartedAt(null);
    setElapsed(0);
  };

  const running = startedAt !== null && phase !== null;
  const words = running
    ? phaseWords[phase]
    : finished
      ? 'All done. Notice how you feel.'
      : 'Ready when you are.';

  return (
    <section className="breathing panel" aria-labelledby="breathing-heading">
      <h2 id="breathing-heading">Breathing practice</h2>
      <p>{describePattern(timer)}</p>
      <div className="breathing-stage">
        <svg
          className={`breathing-circle${phase === null ? '' : ` breathing-circle--${phase}`}`}
          viewBox="0 0 200 200"
          width="200"
          height="200"
          aria-hidden="true"
          focusable="false"
          style={{
            transitionDuration: `${moment?.phaseSeconds ?? 1}s`,
          }}
        >
          <circle cx="100" cy="100" r="90" />
        </svg>
        <div className="breathing-words">
          {/* Only the words change per phase, so a screen reader hears each phase once. */}
          <p className="breathing-phase" role="status" aria-live="polite">
            {words}
          </p>
          {running ? (
            <p className="breathing-count" aria-hidden="true">
              {moment?.secondsLeft}
            </p>
          ) : null}
        </div>
      </div>
      {running ? (
        <p className="breathing-cycle">
          Breath {moment?.cycle} of {timer.cycles}
        </p>
      ) : null}
      <div className="breathing-actions">
        {running ? (
          <Button variant="secondary" onClick={stop}>
            Stop breathing practice
          </Button>
        ) : (
          <Button onClick={start}>{finished ? 'Start again' : 'Start breathing practice'}</Button>
        )}
      </div>
    </section>
  );
}
