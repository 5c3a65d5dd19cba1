/**
 * Repetition counter: a two-state machine with hysteresis on the tracked angle. A repetition
 * is out of the start position (past the enter threshold) and back (past the exit threshold),
 * and it counts only if it took at least the minimum time and covered at least the minimum
 * range — so sway, camera jitter and a person standing still never count.
 */
import type { CoachRule } from './rules.js';

type RepRule = Pick<CoachRule, 'range' | 'thresholds' | 'minRangeDegrees' | 'minRepSeconds'>;

/** One finished movement out and back, counted or not. */
export interface RepEvent {
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** Degrees travelled from the lowest point before it to its peak. */
  readonly rangeDegrees: number;
  readonly counted: boolean;
  /** Why it did not count. */
  readonly reason?: 'tooQuick' | 'tooSmall';
}

/** How far `degrees` is from the rule's start (0) towards its target (1). */
export function progressOf(rule: Pick<CoachRule, 'range'>, degrees: number): number {
  const span = rule.range.targetDegrees - rule.range.startDegrees;
  return span === 0 ? 0 : (degrees - rule.range.startDegrees) / span;
}

export class RepCounter {
  readonly #rule: RepRule;
  #out = false;
  #reps = 0;
  #lastAtStart: number | undefined;
  #lowest = Number.POSITIVE_INFINITY;
  #peak = Number.NEGATIVE_INFINITY;

  constructor(rule: RepRule) {
    this.#rule = rule;
  }

  /** Repetitions counted so far. */
  get reps(): number {
    return this.#reps;
  }

  /** Whether the tracked angle is out of the start position (between entering and exiting). */
  get out(): boolean {
    return this.#out;
  }

  /** Feeds one measured angle; returns the repetition that has just finished, if any. */
  update(seconds: number, degrees: number): RepEvent | undefined {
    const progress = progressOf(this.#rule, degrees);
    const { enterFraction, exitFraction } = this.#rule.thresholds;
    if (!this.#out) {
      this.#lowest = Math.min(this.#lowest, progress);
      if (progress < exitFraction.value) this.#lastAtStart = seconds;
      if (progress >= enterFraction.value) {
        this.#out = true;
        this.#peak = progress;
        this.#lastAtStart ??= seconds;
      }
      return undefined;
    }
    this.#peak = Math.max(this.#peak, progress);
    if (progress >= exitFraction.value) return undefined;

    const startSeconds = this.#lastAtStart ?? seconds;
    const span = Math.abs(this.#rule.range.targetDegrees - this.#rule.range.startDegrees);
    const rangeDegrees = (this.#peak - this.#lowest) * span;
    const tooQuick = seconds - startSeconds < this.#rule.minRepSeconds.value;
    const tooSmall = rangeDegrees < this.#rule.minRangeDegrees.value;
    const counted = !tooQuick && !tooSmall;
    if (counted) this.#reps += 1;
    this.#out = false;
    this.#lowest = progress;
    this.#lastAtStart = seconds;
    return {
      startSeconds,
      endSeconds: seconds,
      rangeDegrees: Math.round(rangeDegrees * 10) / 10,
      counted,
      ...(tooQuick
        ? { reason: 'tooQuick' as const }
        : tooSmall
          ? { reason: 'tooSmall' as const }
          : {}),
    };
  }
}
