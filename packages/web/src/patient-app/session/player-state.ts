/**
 * The guided player's state, as a pure reducer: which set, how many repetitions of it are done,
 * and the hold, rest or activity timer. The page ticks it once a second while a timer runs; a
 * timer reaching zero raises `cue` (the page plays a tone and vibrates once per rise).
 */

export interface PlayerPlan {
  /** Repetitions of each set, in order (a pyramid such as 6-4-2, or all alike). */
  readonly repsPerSet: readonly number[];
  /** Each repetition is a hold of this many seconds. */
  readonly holdSeconds?: number;
  /** An activity timed in minutes per set (walking, cycling): no repetitions. */
  readonly minutes?: number;
  /** Rest between sets, seconds. */
  readonly restSeconds: number;
}

export type PlayerPhase = 'ready' | 'holding' | 'timing' | 'resting' | 'finished';

export interface PlayerState {
  /** Index of the current set. */
  readonly set: number;
  /** Repetitions done in the current set. */
  readonly reps: number;
  readonly phase: PlayerPhase;
  /** Seconds left on the running timer (hold, activity or rest). */
  readonly remaining: number;
  readonly paused: boolean;
  /** Sets finished so far. */
  readonly setsDone: number;
  /** Repetitions done over all sets. */
  readonly totalReps: number;
  /** Rises each time a timer ends: the cue for a tone and a vibration. */
  readonly cue: number;
}

export type PlayerAction =
  | { readonly type: 'count' }
  | { readonly type: 'tick' }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'skipRest' }
  | { readonly type: 'reset' };

export const initialPlayerState: PlayerState = {
  set: 0,
  reps: 0,
  phase: 'ready',
  remaining: 0,
  paused: false,
  setsDone: 0,
  totalReps: 0,
  cue: 0,
};

export function setCount(plan: PlayerPlan): number {
  return Math.max(1, plan.repsPerSet.length);
}

function repsOf(plan: PlayerPlan, set: number): number {
  return plan.repsPerSet[set] ?? plan.repsPerSet[plan.repsPerSet.length - 1] ?? 1;
}

/** One set finished: rest before the next, or the end. */
function finishSet(plan: PlayerPlan, state: PlayerState): PlayerState {
  const setsDone = state.setsDone + 1;
  if (setsDone >= setCount(plan)) {
    return { ...state, setsDone, phase: 'finished', remaining: 0 };
  }
  if (plan.restSeconds <= 0) {
    return { ...state, setsDone, set: state.set + 1, reps: 0, phase: 'ready', remaining: 0 };
  }
  return { ...state, setsDone, phase: 'resting', remaining: plan.restSeconds };
}

/** One repetition done (counted, or its hold ended). */
function addRep(plan: PlayerPlan, state: PlayerState): PlayerState {
  const reps = state.reps + 1;
  const next = { ...state, reps, totalReps: state.totalReps + 1, phase: 'ready' as const };
  return reps >= repsOf(plan, state.set) ? finishSet(plan, next) : next;
}

export function playerReducer(plan: PlayerPlan) {
  return (state: PlayerState, action: PlayerAction): PlayerState => {
    switch (action.type) {
      case 'reset':
        return initialPlayerState;
      case 'pause':
        return state.phase === 'finished' ? state : { ...state, paused: true };
      case 'resume':
        return { ...state, paused: false };
      case 'count': {
        if (state.phase !== 'ready' || state.paused) return state;
        if (plan.minutes !== undefined) {
          return { ...state, phase: 'timing', remaining: Math.round(plan.minutes * 60) };
        }
        if (plan.holdSeconds !== undefined && plan.holdSeconds > 0) {
          return { ...state, phase: 'holding', remaining: plan.holdSeconds };
        }
        return addRep(plan, state);
      }
      case 'skipRest':
        return state.phase === 'resting'
          ? { ...state, set: state.set + 1, reps: 0, phase: 'ready', remaining: 0 }
          : state;
      case 'tick': {
        if (state.paused || state.remaining <= 0) return state;
        const remaining = state.remaining - 1;
        if (remaining > 0) return { ...state, remaining };
        const ended = { ...state, remaining: 0, cue: state.cue + 1 };
        switch (state.phase) {
          case 'holding':
            return addRep(plan, ended);
          case 'timing':
            return finishSet(plan, ended);
          case 'resting':
            return { ...ended, set: state.set + 1, reps: 0, phase: 'ready' };
          case 'ready':
          case 'finished':
            return state;
        }
      }
    }
  };
}

/** Whether a timer is running (the page ticks the state once a second). */
export function isTiming(state: PlayerState): boolean {
  return (
    !state.paused &&
    (state.phase === 'holding' || state.phase === 'timing' || state.phase === 'resting')
  );
}

/** "7 of 10" for the current set; an activity says its minutes instead. */
export function progressText(plan: PlayerPlan, state: PlayerState): string {
  const sets = setCount(plan);
  const setText = `Set ${Math.min(state.set + 1, sets)} of ${sets}`;
  if (state.phase === 'finished') return `All ${sets} ${sets === 1 ? 'set' : 'sets'} done`;
  if (plan.minutes !== undefined) return setText;
  return `${setText}: ${state.reps} of ${repsOf(plan, state.set)}`;
}

export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes === 0 ? `${rest}` : `${minutes}:${String(rest).padStart(2, '0')}`;
}
