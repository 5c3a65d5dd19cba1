/**
 * Coaching rules as data: for one exercise, the angle to follow, the thresholds that make a
 * repetition, how long and how still a hold must be, and the form checks with the cue to give.
 * Every target comes from the exercise's own keyframes (measured through the skeleton the way a
 * camera would see it) and its dosage; every tolerance that is ours, not the exercise's, is an
 * engineering default and says so (`isDefault: true` and a `basis`). None is a clinical cut-off.
 */
import type { Exercise } from '../exercises/exercise.js';
import type { Keyframe, View } from '../skeleton/skeleton.js';
import { bodyFromImage } from './body.js';
import { defaultFigureCamera, figureLandmarks } from './figure-landmarks.js';
import { measureAngle, measureDescriptions, type MeasureId } from './measures.js';

/** A number with where it comes from: the exercise's data, or a labelled engineering default. */
export interface RuleSetting {
  readonly value: number;
  readonly isDefault: boolean;
  readonly basis: string;
}

/** A measure's value at one keyframe of the exercise's animation. */
export interface KeyframeValue {
  readonly label: string;
  readonly seconds: number;
  readonly degrees: number;
}

/**
 * A form check. `stayAtLeast`/`stayAtMost`: the angle must stay at or above/below the limit
 * while the exercise is under way, and a cue is given once a fault has lasted `persistSeconds`.
 * `reachAtLeast`/`reachAtMost`: the angle's peak in each repetition must get to the limit.
 */
export interface FormCheck {
  readonly id: string;
  /** What the patient is told, in plain words. */
  readonly cue: string;
  readonly measure: MeasureId;
  readonly test: 'stayAtLeast' | 'stayAtMost' | 'reachAtLeast' | 'reachAtMost';
  readonly limitDegrees: number;
  /** The keyframe the limit is measured from. */
  readonly reference: KeyframeValue;
  readonly tolerance: RuleSetting;
  /**
   * Only a fault held while the tracked angle is steady counts: moving into or out of position
   * passes through the fault on the way, and that is not a fault.
   */
  readonly whileSteady: boolean;
  readonly persistSeconds: RuleSetting;
}

export interface CoachRule {
  readonly exerciseId: string;
  readonly exerciseName: string;
  /** The camera view the exercise needs. */
  readonly view: View;
  /** `reps`: repetitions are counted; `hold`: holds are counted and timed. */
  readonly kind: 'reps' | 'hold';
  readonly tracked: { readonly measure: MeasureId; readonly description: string };
  /** The tracked angle at the exercise's start and target keyframes (never changed by calibration). */
  readonly keyframes: { readonly start: KeyframeValue; readonly target: KeyframeValue };
  /** The range the thresholds are placed in: the keyframes', or the patient's own after calibration. */
  readonly range: {
    readonly startDegrees: number;
    readonly targetDegrees: number;
    readonly calibrated: boolean;
  };
  /** Hysteresis: out of the start position past `enterDegrees`, back past `exitDegrees`. */
  readonly thresholds: {
    readonly enterDegrees: number;
    readonly exitDegrees: number;
    readonly enterFraction: RuleSetting;
    readonly exitFraction: RuleSetting;
  };
  /** A repetition counts only if the angle travels at least this far within it. */
  readonly minRangeDegrees: RuleSetting;
  /** A repetition counts only if it lasts at least this long (seconds). */
  readonly minRepSeconds: RuleSetting;
  /** For holds: the prescribed hold and how close to the hold pose counts as holding. */
  readonly hold?: { readonly targetSeconds: number; readonly toleranceDegrees: RuleSetting };
  /** The prescribed dose, from the exercise's default dosage. */
  readonly dose: { readonly sets: number; readonly reps?: number; readonly holdSeconds?: number };
  /** How still the tracked angle must be (degrees over the fault's duration) for `whileSteady` checks. */
  readonly steadyWithinDegrees: RuleSetting;
  /** Frames further apart than this (seconds) do not add to hold time. */
  readonly maxGapSeconds: RuleSetting;
  readonly formChecks: readonly FormCheck[];
  /** What the camera cannot see for this exercise, in plain words. */
  readonly limits: string;
  readonly sources: readonly string[];
}

/** How a form check is written in the coached-exercise list (the rest is derived). */
export interface FormCheckSpec {
  readonly id: string;
  readonly cue: string;
  readonly measure: MeasureId;
  readonly test: FormCheck['test'];
  /** Label of the keyframe whose value the limit is measured from. */
  readonly at: string;
  readonly whileSteady: boolean;
}

/** One coached exercise as written by hand: which angle, which keyframes, which checks. */
export interface CoachSpec {
  readonly exerciseId: string;
  readonly measure: MeasureId;
  /** Labels of the keyframes the movement goes from and to. */
  readonly start: string;
  readonly target: string;
  readonly checks: readonly FormCheckSpec[];
  readonly limits: string;
}

// Engineering defaults, each with the reason for its size. None is a clinical threshold.
const ENTER_FRACTION: RuleSetting = {
  value: 0.65,
  isDefault: true,
  basis:
    'Out of the start position once 65 % of the way to the target: far enough that sway and camera noise do not count, short enough for a patient who does not quite reach the demonstrated range.',
};
const EXIT_FRACTION: RuleSetting = {
  value: 0.35,
  isDefault: true,
  basis:
    'Back to the start once within 35 % of it: the gap from 65 % (hysteresis) keeps one repetition from counting twice when the angle wobbles near a threshold.',
};
const MIN_RANGE_FRACTION = 0.5;
const MIN_TIME_FRACTION = 0.3;
const HOLD_TOLERANCE_FRACTION = 0.35;
const CHECK_TOLERANCE_FRACTION = 0.25;
const CHECK_TOLERANCE_CAP = 10;
const STEADY_FRACTION = 0.25;
const PERSIST_SECONDS: RuleSetting = {
  value: 0.5,
  isDefault: true,
  basis:
    'A cue is given only after the fault has lasted half a second, so a single shaky frame or a quick pass through the position gives no cue.',
};
const MAX_GAP_SECONDS: RuleSetting = {
  value: 0.5,
  isDefault: true,
  basis:
    'Time across a gap of more than half a second without a usable frame is not counted as holding: what happened then was not seen.',
};

const round = (value: number) => Math.round(value * 10) / 10;

/** The value of a measure for a pose of the skeleton, seen as a camera would see it. */
export function measurePose(
  pose: Keyframe['pose'],
  view: View,
  measureId: MeasureId,
): number | undefined {
  const figure = figureLandmarks(pose, view, defaultFigureCamera);
  return measureAngle(
    bodyFromImage(figure.landmarks, defaultFigureCamera.aspectRatio, 0.5),
    measureId,
  );
}

function keyframeValue(exercise: Exercise, label: string, measureId: MeasureId): KeyframeValue {
  const keyframe = exercise.animation.keyframes.find((candidate) => candidate.label === label);
  if (keyframe === undefined) {
    throw new Error(`${exercise.id}: no keyframe labelled "${label}"`);
  }
  const degrees = measurePose(keyframe.pose, exercise.animation.view, measureId);
  if (degrees === undefined) {
    throw new Error(`${exercise.id}: ${measureId} cannot be measured at "${label}"`);
  }
  return { label, seconds: keyframe.at, degrees: round(degrees) };
}

/** Hysteresis thresholds placed in a range (start → target). */
export function thresholdsFor(startDegrees: number, targetDegrees: number) {
  const span = targetDegrees - startDegrees;
  return {
    enterDegrees: round(startDegrees + span * ENTER_FRACTION.value),
    exitDegrees: round(startDegrees + span * EXIT_FRACTION.value),
    enterFraction: ENTER_FRACTION,
    exitFraction: EXIT_FRACTION,
  };
}

/** The parts of a rule that scale with the range: thresholds, minimum range, hold tolerance, steadiness. */
export function rangeSettings(
  startDegrees: number,
  targetDegrees: number,
  kind: CoachRule['kind'],
): Pick<CoachRule, 'thresholds' | 'minRangeDegrees' | 'steadyWithinDegrees'> & {
  holdTolerance?: RuleSetting;
} {
  const span = Math.abs(targetDegrees - startDegrees);
  const settings = {
    thresholds: thresholdsFor(startDegrees, targetDegrees),
    minRangeDegrees: {
      value: round(span * MIN_RANGE_FRACTION),
      isDefault: true,
      basis: 'Half the range from start to target: a smaller movement is not a repetition.',
    },
    steadyWithinDegrees: {
      value: round(span * STEADY_FRACTION),
      isDefault: true,
      basis:
        'A quarter of the range: a tracked angle moving more than this during a fault means the patient is on the way in or out, not holding the fault.',
    },
  };
  if (kind !== 'hold') return settings;
  return {
    ...settings,
    holdTolerance: {
      value: round(span * HOLD_TOLERANCE_FRACTION),
      isDefault: true,
      basis:
        'Within 35 % of the range from the hold pose counts as holding: the same point as the threshold for being out of the start position.',
    },
  };
}

/**
 * Seconds per cycle the animation's tracked angle spends past the exit threshold. Worked out from
 * the keyframes alone: between two keyframes the animation eases along a half cosine, and the
 * angle is taken to follow the same easing (exact when it changes in step with the pose, close
 * otherwise) — cheap enough to derive every rule when the module loads.
 */
function demonstratedRepSeconds(
  exercise: Exercise,
  measureId: MeasureId,
  start: number,
  target: number,
): number {
  const { keyframes, cycleSeconds, view } = exercise.animation;
  const beyond = keyframes.map((keyframe) => {
    const value = measurePose(keyframe.pose, view, measureId);
    return value === undefined ? 0 : (value - start) / (target - start) - EXIT_FRACTION.value;
  });
  let seconds = 0;
  keyframes.forEach((keyframe, index) => {
    const next = keyframes[index + 1];
    const duration = (next?.at ?? cycleSeconds) - keyframe.at;
    const from = beyond[index] ?? 0;
    const to = beyond[index + 1] ?? beyond[0] ?? 0;
    if (from >= 0 && to >= 0) seconds += duration;
    else if (from >= 0 || to >= 0) {
      // Where the eased angle crosses the threshold: from + (to − from)(1 − cos πu)/2 = 0.
      const crossing = Math.acos(1 - (2 * -from) / (to - from)) / Math.PI;
      seconds += (from >= 0 ? crossing : 1 - crossing) * duration;
    }
  });
  return seconds;
}

/** Derives the rule of one exercise from its keyframes and dosage, following `spec`. */
export function deriveCoachRule(exercise: Exercise, spec: CoachSpec): CoachRule {
  if (exercise.dosage.kind === 'duration') {
    throw new Error(`${exercise.id}: duration exercises are not coached`);
  }
  const start = keyframeValue(exercise, spec.start, spec.measure);
  const target = keyframeValue(exercise, spec.target, spec.measure);
  const span = Math.abs(target.degrees - start.degrees);
  if (span < 2) {
    throw new Error(
      `${exercise.id}: ${spec.measure} does not move between "${spec.start}" and "${spec.target}"`,
    );
  }
  const kind = exercise.dosage.kind;
  const { holdTolerance, ...scaled } = rangeSettings(start.degrees, target.degrees, kind);
  const demonstrated = demonstratedRepSeconds(
    exercise,
    spec.measure,
    start.degrees,
    target.degrees,
  );
  const dose = exercise.dosage.default;
  const tolerance: RuleSetting = {
    value: round(Math.min(CHECK_TOLERANCE_CAP, span * CHECK_TOLERANCE_FRACTION)),
    isDefault: true,
    basis:
      'A quarter of the tracked range, at most 10°: room for camera error and for the person, while a clear fault still shows.',
  };
  const formChecks = spec.checks.map((check): FormCheck => {
    const reference = keyframeValue(exercise, check.at, check.measure);
    const below = check.test === 'stayAtLeast' || check.test === 'reachAtLeast';
    return {
      id: check.id,
      cue: check.cue,
      measure: check.measure,
      test: check.test,
      limitDegrees: round(reference.degrees + (below ? -tolerance.value : tolerance.value)),
      reference,
      tolerance,
      whileSteady: check.whileSteady,
      persistSeconds: PERSIST_SECONDS,
    };
  });
  return {
    exerciseId: exercise.id,
    exerciseName: exercise.name,
    view: exercise.animation.view,
    kind,
    tracked: { measure: spec.measure, description: measureDescriptions[spec.measure] },
    keyframes: { start, target },
    range: { startDegrees: start.degrees, targetDegrees: target.degrees, calibrated: false },
    ...scaled,
    minRepSeconds: {
      value: round(demonstrated * MIN_TIME_FRACTION),
      isDefault: true,
      basis:
        'Three tenths of the time the demonstration spends out of the start position: a "repetition" over three times faster than shown is a glitch, not a movement.',
    },
    ...(holdTolerance === undefined
      ? {}
      : { hold: { targetSeconds: dose.holdSeconds ?? 0, toleranceDegrees: holdTolerance } }),
    dose: {
      sets: dose.sets,
      ...(dose.reps === undefined ? {} : { reps: dose.reps }),
      ...(dose.holdSeconds === undefined ? {} : { holdSeconds: dose.holdSeconds }),
    },
    maxGapSeconds: MAX_GAP_SECONDS,
    formChecks,
    limits: spec.limits,
    sources: exercise.sources,
  };
}
