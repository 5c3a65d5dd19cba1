/**
 * A coached set, frame by frame: smoothing, angles and the three analysers (repetitions, hold
 * time, form) for one exercise's rule, and the result to write to the session log. Pure: it is
 * fed frames with their timestamps and keeps no clock of its own.
 */
import type { PoseFrame } from './landmarks.js';
import type { MeasureId } from './measures.js';
import { FormChecker, type FormWarning } from './form-checker.js';
import { HoldTimer } from './hold-timer.js';
import { RepCounter, progressOf, type RepEvent } from './rep-counter.js';
import type { CoachRule } from './rules.js';
import { FrameTracker, type TrackingOptions } from './tracking.js';

/** What one frame changed, for the screen. */
export interface FrameReport {
  readonly timestampMs: number;
  /** False when the frame was skipped: repeated, or a landmark the rule needs was not visible. */
  readonly used: boolean;
  readonly trackedDegrees?: number;
  readonly reps: number;
  readonly holdSeconds: number;
  readonly holding: boolean;
  /** The repetition that finished on this frame, counted or not. */
  readonly rep?: RepEvent;
  /** Cues to give now. */
  readonly cues: readonly string[];
}

/** A coached set's result, in the units of the session log. */
export interface SessionResult {
  readonly exerciseId: string;
  /** Repetitions counted (for a hold exercise: holds). */
  readonly reps: number;
  /** Seconds spent within the hold tolerance, in all (0 for a repetition exercise). */
  readonly holdSeconds: number;
  /** Seconds of each counted hold. */
  readonly holds: readonly number[];
  /** The tracked angle's smallest and largest value, or null if nothing was measured. */
  readonly rangeDegrees: { readonly min: number; readonly max: number } | null;
  readonly formWarnings: readonly FormWarning[];
  readonly frames: { readonly used: number; readonly skipped: number };
}

const tenth = (value: number) => Math.round(value * 10) / 10;

export class CoachSession {
  readonly #rule: CoachRule;
  readonly #tracker: FrameTracker;
  readonly #reps: RepCounter;
  readonly #hold: HoldTimer;
  readonly #form: FormChecker;
  readonly #holds: number[] = [];
  #min = Number.POSITIVE_INFINITY;
  #max = Number.NEGATIVE_INFINITY;
  #used = 0;
  #skipped = 0;

  constructor(rule: CoachRule, options: TrackingOptions) {
    this.#rule = rule;
    const measures: MeasureId[] = [
      rule.tracked.measure,
      ...rule.formChecks.map((check) => check.measure),
    ];
    this.#tracker = new FrameTracker(measures, options);
    this.#reps = new RepCounter(rule);
    this.#hold = new HoldTimer(rule);
    this.#form = new FormChecker(rule);
  }

  /** Feeds one frame. */
  push(frame: PoseFrame): FrameReport {
    const tracked = this.#tracker.track(frame);
    const degrees = tracked?.values[this.#rule.tracked.measure];
    if (tracked === undefined || degrees === undefined) {
      this.#skipped += 1;
      return { ...this.#status(), timestampMs: frame.timestampMs, used: false, cues: [] };
    }
    this.#used += 1;
    this.#min = Math.min(this.#min, degrees);
    this.#max = Math.max(this.#max, degrees);
    const { seconds, values } = tracked;
    if (this.#rule.kind === 'hold') this.#hold.update(seconds, degrees);
    const rep = this.#reps.update(seconds, degrees);
    const engaged = progressOf(this.#rule, degrees) >= this.#rule.thresholds.exitFraction.value;
    const fired = this.#form.update(seconds, values, engaged, degrees);
    if (rep !== undefined) {
      if (this.#rule.kind === 'hold') {
        const held = this.#hold.endHold();
        if (rep.counted) this.#holds.push(tenth(held));
      }
      fired.push(...this.#form.repEnded(rep.counted));
    }
    return {
      ...this.#status(),
      timestampMs: frame.timestampMs,
      used: true,
      trackedDegrees: degrees,
      ...(rep === undefined ? {} : { rep }),
      cues: fired.map((check) => check.cue),
    };
  }

  /** The result so far (call at the end of the set). */
  result(): SessionResult {
    return {
      exerciseId: this.#rule.exerciseId,
      reps: this.#reps.reps,
      holdSeconds: tenth(this.#hold.totalSeconds),
      holds: [...this.#holds],
      rangeDegrees: this.#used === 0 ? null : { min: tenth(this.#min), max: tenth(this.#max) },
      formWarnings: this.#form.warnings(),
      frames: { used: this.#used, skipped: this.#skipped },
    };
  }

  #status() {
    return {
      reps: this.#reps.reps,
      holdSeconds: tenth(this.#hold.totalSeconds),
      holding: this.#rule.kind === 'hold' && this.#hold.holding,
    };
  }
}

/** Runs a whole recorded set through a new session and returns its result. */
export function analyseSet(
  rule: CoachRule,
  frames: readonly PoseFrame[],
  options: TrackingOptions,
): SessionResult {
  const session = new CoachSession(rule, options);
  for (const frame of frames) session.push(frame);
  return session.result();
}
