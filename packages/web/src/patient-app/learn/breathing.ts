/**
 * The guided breathing timer's clock, pure: where in the breathing pattern a number of elapsed
 * seconds falls. The pattern comes from the lesson (the clinical core's `relaxationBreathing`).
 */
import type { BreathingTimer } from './learn-api.js';

export type BreathPhase = 'in' | 'hold' | 'out';

export interface BreathMoment {
  /** `null` once every cycle is done. */
  readonly phase: BreathPhase | null;
  /** 1-based breath number. */
  readonly cycle: number;
  /** Whole seconds left in this phase (at least 1 while a phase runs). */
  readonly secondsLeft: number;
  /** The phase's full length, for the animation. */
  readonly phaseSeconds: number;
}

/** The words shown and announced for each phase. */
export const phaseWords: Readonly<Record<BreathPhase, string>> = {
  in: 'Breathe in slowly',
  hold: 'Hold gently',
  out: 'Breathe out slowly',
};

export function cycleSeconds(timer: BreathingTimer): number {
  return timer.inhaleSeconds + timer.holdSeconds + timer.exhaleSeconds;
}

export function breathAt(timer: BreathingTimer, elapsedSeconds: number): BreathMoment {
  const length = cycleSeconds(timer);
  const elapsed = Math.max(0, Math.floor(elapsedSeconds));
  if (length <= 0 || elapsed >= length * timer.cycles) {
    return { phase: null, cycle: timer.cycles, secondsLeft: 0, phaseSeconds: 0 };
  }
  const cycle = Math.floor(elapsed / length) + 1;
  const within = elapsed % length;
  if (within < timer.inhaleSeconds) {
    return {
      phase: 'in',
      cycle,
      secondsLeft: timer.inhaleSeconds - within,
      phaseSeconds: timer.inhaleSeconds,
    };
  }
  if (within < timer.inhaleSeconds + timer.holdSeconds) {
    return {
      phase: 'hold',
      cycle,
      secondsLeft: timer.inhaleSeconds + timer.holdSeconds - within,
      phaseSeconds: timer.holdSeconds,
    };
  }
  return { phase: 'out', cycle, secondsLeft: length - within, phaseSeconds: timer.exhaleSeconds };
}
