/**
 * Form checker: watches each of the rule's form checks and gives its cue when a fault lasts
 * (`stay…` checks: debounced by `persistSeconds`, and for `whileSteady` checks only while the
 * tracked angle holds still), or when a repetition ends short of where it should reach
 * (`reach…` checks). A fault that goes on gives its cue once; it can fire again after it clears.
 */
import type { MeasureId } from './measures.js';
import type { CoachRule, FormCheck } from './rules.js';

/** How often each cue was given. */
export interface FormWarning {
  readonly id: string;
  readonly cue: string;
  readonly count: number;
}

interface StayState {
  since: number | undefined;
  low: number;
  high: number;
  fired: boolean;
}

const violates = (check: FormCheck, degrees: number) =>
  check.test === 'stayAtLeast' || check.test === 'reachAtLeast'
    ? degrees < check.limitDegrees
    : degrees > check.limitDegrees;

export class FormChecker {
  readonly #rule: Pick<CoachRule, 'formChecks' | 'steadyWithinDegrees'>;
  readonly #stay = new Map<string, StayState>();
  readonly #extreme = new Map<string, number>();
  readonly #counts = new Map<string, number>();

  constructor(rule: Pick<CoachRule, 'formChecks' | 'steadyWithinDegrees'>) {
    this.#rule = rule;
  }

  /**
   * Feeds one frame's measures. `engaged`: the tracked angle is out of the start position (form
   * is checked only then). Returns the checks whose cue fires on this frame.
   */
  update(
    seconds: number,
    values: Readonly<Partial<Record<MeasureId, number>>>,
    engaged: boolean,
    trackedDegrees: number,
  ): FormCheck[] {
    const fired: FormCheck[] = [];
    for (const check of this.#rule.formChecks) {
      const degrees = values[check.measure];
      if (degrees === undefined) continue;
      if (check.test === 'reachAtLeast' || check.test === 'reachAtMost') {
        const previous = this.#extreme.get(check.id);
        const atLeast = check.test === 'reachAtLeast';
        this.#extreme.set(
          check.id,
          previous === undefined
            ? degrees
            : atLeast
              ? Math.max(previous, degrees)
              : Math.min(previous, degrees),
        );
        continue;
      }
      const state = this.#stay.get(check.id) ?? {
        since: undefined,
        low: trackedDegrees,
        high: trackedDegrees,
        fired: false,
      };
      this.#stay.set(check.id, state);
      if (!engaged || !violates(check, degrees)) {
        state.since = undefined;
        state.fired = false;
        continue;
      }
      if (state.since === undefined) {
        state.since = seconds;
        state.low = trackedDegrees;
        state.high = trackedDegrees;
      } else {
        state.low = Math.min(state.low, trackedDegrees);
        state.high = Math.max(state.high, trackedDegrees);
        if (check.whileSteady && state.high - state.low > this.#rule.steadyWithinDegrees.value) {
          // Still moving into or out of position: start the fault's clock again from here.
          state.since = seconds;
          state.low = trackedDegrees;
          state.high = trackedDegrees;
        }
      }
      if (!state.fired && seconds - state.since >= check.persistSeconds.value) {
        state.fired = true;
        fired.push(this.#count(check));
      }
    }
    return fired;
  }

  /** A repetition has ended: checks whether it reached where it should; returns the cues fired. */
  repEnded(counted: boolean): FormCheck[] {
    const fired: FormCheck[] = [];
    for (const check of this.#rule.formChecks) {
      if (check.test !== 'reachAtLeast' && check.test !== 'reachAtMost') continue;
      const extreme = this.#extreme.get(check.id);
      this.#extreme.delete(check.id);
      if (counted && extreme !== undefined && violates(check, extreme)) {
        fired.push(this.#count(check));
      }
    }
    return fired;
  }

  /** Every cue given so far, with how often, in the rule's order. */
  warnings(): FormWarning[] {
    return this.#rule.formChecks
      .filter((check) => this.#counts.has(check.id))
      .map((check) => ({ id: check.id, cue: check.cue, count: this.#counts.get(check.id) ?? 0 }));
  }

  #count(check: FormCheck): FormCheck {
    this.#counts.set(check.id, (this.#counts.get(check.id) ?? 0) + 1);
    return check;
  }
}
