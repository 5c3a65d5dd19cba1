/**
 * Calibration to one patient: from a few seconds in their start position (standing, for the
 * standing exercises) and one comfortable repetition, the rule's thresholds are placed in the
 * patient's own range instead of the demonstration's. The range is never taken beyond the
 * exercise's keyframes: calibration can make the target nearer, never further, and it never
 * changes the form checks, which describe the exercise itself.
 */
import type { PoseFrame } from './landmarks.js';
import { rangeSettings, type CoachRule, type RuleSetting } from './rules.js';
import { trackMeasure, type TrackingOptions } from './tracking.js';

export interface CalibrationRecording {
  /** A few seconds still in the exercise's start position. */
  readonly startFrames: readonly PoseFrame[];
  /** One repetition (or one hold) done as far as is comfortable. */
  readonly repFrames: readonly PoseFrame[];
}

export type CalibrationResult =
  | {
      readonly ok: true;
      readonly rule: CoachRule;
      /** The patient's start position and comfortable target, in degrees of the tracked angle. */
      readonly startDegrees: number;
      readonly comfortableDegrees: number;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Engineering defaults: at least 10 usable frames of each recording (a third of a second at
 * 30 frames a second), and a comfortable range of at least 30 % of the exercise's — below that,
 * camera noise is a large part of the movement and counting would not be reliable.
 */
export const calibrationLimits = {
  minFrames: { value: 10, isDefault: true, basis: 'A third of a second at 30 frames a second.' },
  minRangeFraction: {
    value: 0.3,
    isDefault: true,
    basis: 'Below 30 % of the exercise range, camera noise is a large part of the movement.',
  },
} as const satisfies Record<string, RuleSetting>;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const round = (value: number) => Math.round(value * 10) / 10;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** The rule adapted to the patient, or the reason it could not be. */
export function calibrateCoachRule(
  rule: CoachRule,
  recording: CalibrationRecording,
  options: TrackingOptions,
): CalibrationResult {
  const measureId = rule.tracked.measure;
  const start = trackMeasure(recording.startFrames, measureId, options);
  const rep = trackMeasure(recording.repFrames, measureId, options);
  const minFrames = calibrationLimits.minFrames.value;
  if (start.length < minFrames) {
    return { ok: false, reason: 'Too few frames of the start position could be measured.' };
  }
  if (rep.length < minFrames) {
    return { ok: false, reason: 'Too few frames of the repetition could be measured.' };
  }
  const from = rule.keyframes.start.degrees;
  const span = rule.keyframes.target.degrees - from;
  const progress = (degrees: number) => (degrees - from) / span;
  // Both ends are placed within the keyframes' range: 0 = their start, 1 = their target.
  const startProgress = clamp01(progress(median(start.map((sample) => sample.degrees))));
  const reached = Math.max(...rep.map((sample) => progress(sample.degrees)));
  const targetProgress = clamp01(reached);
  if (targetProgress - startProgress < calibrationLimits.minRangeFraction.value) {
    return {
      ok: false,
      reason:
        'The comfortable repetition moved too little from the start position for the camera to count reliably.',
    };
  }
  const startDegrees = round(from + startProgress * span);
  const targetDegrees = round(from + targetProgress * span);
  const { holdTolerance, ...scaled } = rangeSettings(startDegrees, targetDegrees, rule.kind);
  const calibrated: CoachRule = {
    ...rule,
    range: { startDegrees, targetDegrees, calibrated: true },
    ...scaled,
    ...(rule.hold === undefined || holdTolerance === undefined
      ? {}
      : { hold: { ...rule.hold, toleranceDegrees: holdTolerance } }),
  };
  return { ok: true, rule: calibrated, startDegrees, comfortableDegrees: targetDegrees };
}
