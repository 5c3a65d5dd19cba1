/**
 * The guided player for one exercise: a big counter for repetitions ("7 of 10", set by set,
 * down the pyramid), hold and rest timers that end with a tone and a vibration, an "exercise
 * along" figure that moves while the timer runs, and pause and resume. Every control is a real
 * button with a spoken label; the space bar counts while the player has focus.
 */
import type { Animation } from '@spinewise/clinical';
import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../../ui/button.js';
import { Checkbox } from '../../ui/form.js';
import { AlongFigure } from './along-figure.js';
import { signal, useFeedbackSettings } from './feedback.js';
import {
  formatSeconds,
  initialPlayerState,
  isTiming,
  playerReducer,
  progressText,
  setCount,
  type PlayerPlan,
  type PlayerState,
} from './player-state.js';
import '../../library/library.css';
import './session.css';

export interface PlayerProps {
  readonly name: string;
  readonly plan: PlayerPlan;
  readonly animation?: Animation;
  readonly steps: readonly string[];
  /** Called as sets and repetitions are done, to fill in the log. */
  readonly onProgress?: (state: PlayerState) => void;
}

/** The main button's words: what pressing it does now. */
function mainLabel(plan: PlayerPlan, state: PlayerState): string {
  if (state.phase === 'resting') return 'Skip the rest';
  if (plan.minutes !== undefined) return `Start the ${plan.minutes}-minute timer`;
  if (plan.holdSeconds !== undefined && plan.holdSeconds > 0) {
    return `Start a ${plan.holdSeconds}-second hold`;
  }
  return 'Count one repetition';
}

function timerText(state: PlayerState): string | null {
  const left = formatSeconds(state.remaining);
  switch (state.phase) {
    case 'holding':
      return `Hold… ${left}`;
    case 'resting':
      return `Rest… ${left}`;
    case 'timing':
      return `Keep going… ${left}`;
    case 'ready':
    case 'finished':
      return null;
  }
}

export function Player({ name, plan, animation, steps, onProgress }: PlayerProps) {
  const reducer = useMemo(() => playerReducer(plan), [plan]);
  const [state, dispatch] = useReducer(reducer, initialPlayerState);
  const [settings, setSettings] = useFeedbackSettings();
  const [along, setAlong] = useState(false);
  const lastCue = useRef(0);
  const timing = isTiming(state);

  useEffect(() => {
    if (!timing) return undefined;
    const handle = window.setInterval(() => {
      dispatch({ type: 'tick' });
    }, 1000);
    return () => {
      window.clearInterval(handle);
    };
  }, [timing]);

  useEffect(() => {
    if (state.cue > lastCue.current) signal(settings);
    lastCue.current = state.cue;
  }, [state.cue, settings]);

  useEffect(() => {
    onProgress?.(state);
  }, [state, onProgress]);

  const main = mainLabel(plan, state);
  const finished = state.phase === 'finished';
  const timer = timerText(state);
  const busy = state.phase === 'holding' || state.phase === 'timing';
  const stepIndex = steps.length === 0 ? -1 : state.totalReps % steps.length;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Space counts anywhere in the player except on its own buttons and ticks (they use it).
    const target = event.target as HTMLElement;
    if (event.key !== ' ' || target.closest('button, input, a') !== null) return;
    event.preventDefault();
    if (state.phase === 'resting') dispatch({ type: 'skipRest' });
    else dispatch({ type: 'count' });
  };

  return (
    <section
      className="player"
      aria-label={`Guided player for ${name}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <p className="player-progress" aria-live="polite" aria-atomic="true">
        {progressText(plan, state)}
      </p>
      <p className="player-sets">
        {setCount(plan)} {setCount(plan) === 1 ? 'set' : 'sets'}
        {plan.minutes === undefined && plan.repsPerSet.length > 1
          ? `: ${plan.repsPerSet.join(', then ')}`
          : ''}
      </p>
      {timer === null ? null : (
        <p className="player-timer" role="timer" aria-live="off">
          {timer}
          <span className="visually-hidden"> seconds</span>
        </p>
      )}
      {state.paused ? (
        <p className="player-paused" role="status">
          Paused. Press Resume when you are ready.
        </p>
      ) : null}
      {along && animation !== undefined ? (
        <AlongFigure
          name={name}
          animation={animation}
          running={timing || state.phase === 'ready'}
          {...(stepIndex < 0 ? {} : { stepText: steps[stepIndex] })}
        />
      ) : null}
      {finished ? (
        <p className="player-done" role="status">
          Well done. You finished {name}. Now tell us how it went below.
        </p>
      ) : (
        <div className="player-controls">
          <Button
            className="player-main"
            aria-disabled={busy || state.paused ? true : undefined}
            onClick={() => {
              if (busy || state.paused) return;
              dispatch(state.phase === 'resting' ? { type: 'skipRest' } : { type: 'count' });
            }}
          >
            {main}
          </Button>
          {state.paused ? (
            <Button
              variant="secondary"
              onClick={() => {
                dispatch({ type: 'resume' });
              }}
            >
              Resume
            </Button>
          ) : (
            <Button
              variant="secondary"
              onClick={() => {
                dispatch({ type: 'pause' });
              }}
            >
              Pause
            </Button>
          )}
        </div>
      )}
      <div className="player-options">
        <Button
          variant="quiet"
          onClick={() => {
            dispatch({ type: 'reset' });
          }}
        >
          Start again
        </Button>
        {animation === undefined ? null : (
          <Button
            variant="quiet"
            aria-pressed={along}
            onClick={() => {
              setAlong(!along);
            }}
          >
            Exercise along with the figure
          </Button>
        )}
        <Checkbox
          label="Play a tone when a timer ends"
          checked={settings.sound}
          onChange={(event) => {
            setSettings({ ...settings, sound: event.currentTarget.checked });
          }}
        />
        <Checkbox
          label="Vibrate when a timer ends"
          checked={settings.vibration}
          onChange={(event) => {
            setSettings({ ...settings, vibration: event.currentTarget.checked });
          }}
        />
      </div>
    </section>
  );
}
