/**
 * Hold timer: adds up the time the tracked angle stays within the hold tolerance of the hold
 * pose. It pauses whenever the angle is outside, and time across a gap without usable frames
 * longer than `maxGapSeconds` is not added: what was not seen is not counted.
 */
import type { CoachRule } from './rules.js';

type HoldRule = Pick<CoachRule, 'range' | 'hold' | 'maxGapSeconds'>;

export class HoldTimer {
  readonly #rule: HoldRule;
  #total = 0;
  #current = 0;
  #holding = false;
  #last: number | undefined;

  constructor(rule: HoldRule) {
    this.#rule = rule;
  }

  /** Whether the last usable frame was within the hold tolerance. */
  get holding(): boolean {
    return this.#holding;
  }

  /** Seconds held in the whole session. */
  get totalSeconds(): number {
    return this.#total;
  }

  /** Seconds held since the current hold began. */
  get currentSeconds(): number {
    return this.#current;
  }

  /** Feeds one measured angle. */
  update(seconds: number, degrees: number): void {
    const tolerance = this.#rule.hold?.toleranceDegrees.value ?? 0;
    const holding = Math.abs(degrees - this.#rule.range.targetDegrees) <= tolerance;
    if (this.#last !== undefined && this.#holding && holding) {
      const elapsed = seconds - this.#last;
      if (elapsed > 0 && elapsed <= this.#rule.maxGapSeconds.value) {
        this.#total += elapsed;
        this.#current += elapsed;
      }
    }
    this.#holding = holding;
    this.#last = seconds;
  }

  /** Ends the current hold (the patient came back to the start) and returns its seconds. */
  endHold(): number {
    const held = this.#current;
    this.#current = 0;
    return held;
  }
}
