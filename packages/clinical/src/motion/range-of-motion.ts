/**
 * Range-of-motion measurement from the camera: standing trunk flexion, extension and side
 * bending, and neck rotation, in degrees from the person's own start position. These are
 * camera estimates, not clinical goniometry; `rangeOfMotionLimits` says why, and every result
 * carries it.
 */
import type { View } from '../skeleton/skeleton.js';
import type { PoseFrame } from './landmarks.js';
import type { MeasureId } from './measures.js';
import type { RuleSetting } from './rules.js';
import { trackMeasure, type TrackingOptions } from './tracking.js';

export const rangeOfMotionMovements = [
  'trunkFlexion',
  'trunkExtension',
  'trunkSideBendLeft',
  'trunkSideBendRight',
  'neckRotationLeft',
  'neckRotationRight',
] as const;
export type RangeOfMotionMovement = (typeof rangeOfMotionMovements)[number];

/** How each movement is measured: the angle, its direction, and the view it needs. */
export const rangeOfMotionSetup: Readonly<
  Record<RangeOfMotionMovement, { measure: MeasureId; sign: 1 | -1; view: View; how: string }>
> = {
  trunkFlexion: {
    measure: 'trunkFlexion',
    sign: 1,
    view: 'side',
    how: 'Standing side-on, bend forward as far as is comfortable and come back up.',
  },
  trunkExtension: {
    measure: 'trunkFlexion',
    sign: -1,
    view: 'side',
    how: 'Standing side-on, lean back as far as is comfortable and come back up.',
  },
  trunkSideBendLeft: {
    measure: 'trunkSideBend',
    sign: 1,
    view: 'front',
    how: 'Facing the camera, slide your left hand down your leg and come back up.',
  },
  trunkSideBendRight: {
    measure: 'trunkSideBend',
    sign: -1,
    view: 'front',
    how: 'Facing the camera, slide your right hand down your leg and come back up.',
  },
  neckRotationLeft: {
    measure: 'neckRotation',
    sign: 1,
    view: 'front',
    how: 'Facing the camera, turn your head to the left as far as is comfortable and back.',
  },
  neckRotationRight: {
    measure: 'neckRotation',
    sign: -1,
    view: 'front',
    how: 'Facing the camera, turn your head to the right as far as is comfortable and back.',
  },
};

/** What these numbers are and are not, to show beside every measurement. */
export const rangeOfMotionLimits =
  'Camera angles are estimates, not clinical goniometry. The trunk angle is the line from the hips to the shoulders, so it includes movement at the hips, not the spine alone; a camera that is tilted or not square to the body, loose clothing and the distance to the camera all change it by several degrees. Neck rotation from the picture alone assumes an average head shape and is unreliable beyond about 60°, when the far ear goes out of sight. Compare measurements taken the same way over time; do not compare them with clinical normal values.';

/** Engineering defaults for reading a measurement recording. */
export const rangeOfMotionSettings = {
  baselineSeconds: {
    value: 1,
    isDefault: true,
    basis: 'The first second of the recording, standing still, is the start position.',
  },
  peakSeconds: {
    value: 0.2,
    isDefault: true,
    basis:
      'The furthest position must be held for a fifth of a second: a single stray frame is no peak.',
  },
  minFrames: {
    value: 15,
    isDefault: true,
    basis: 'Half a second at 30 frames a second, at least.',
  },
} as const satisfies Record<string, RuleSetting>;

export type RangeOfMotionResult =
  | {
      readonly ok: true;
      readonly movement: RangeOfMotionMovement;
      /** Degrees moved from the start position, in the movement's direction. */
      readonly degrees: number;
      /** The angle in the start position (e.g. a standing lean), for the record. */
      readonly baselineDegrees: number;
      readonly view: View;
      readonly framesUsed: number;
      readonly limits: string;
    }
  | { readonly ok: false; readonly movement: RangeOfMotionMovement; readonly reason: string };

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * Measures one movement from a recording that starts with about a second standing still and
 * then goes through the movement once or more.
 */
export function measureRangeOfMotion(
  frames: readonly PoseFrame[],
  movement: RangeOfMotionMovement,
  options: TrackingOptions,
): RangeOfMotionResult {
  const setup = rangeOfMotionSetup[movement];
  const series = trackMeasure(frames, setup.measure, options);
  if (series.length < rangeOfMotionSettings.minFrames.value) {
    return {
      ok: false,
      movement,
      reason: `Too few frames could be measured; the ${setup.view} view is needed with the whole body in sight.`,
    };
  }
  const first = (series[0] as { seconds: number }).seconds;
  const baselineEnd = first + rangeOfMotionSettings.baselineSeconds.value;
  const baseline = median(
    series.filter((sample) => sample.seconds < baselineEnd).map((sample) => sample.degrees),
  );
  // The peak is the furthest position held for `peakSeconds`: the best of sliding-window minima.
  const window = rangeOfMotionSettings.peakSeconds.value;
  let peak = 0;
  let from = 0;
  for (let index = 0; index < series.length; index++) {
    const now = series[index] as { seconds: number; degrees: number };
    while ((series[from] as { seconds: number }).seconds < now.seconds - window) from += 1;
    if (now.seconds - (series[from] as { seconds: number }).seconds < window * 0.5) continue;
    let held = Number.POSITIVE_INFINITY;
    for (let inner = from; inner <= index; inner++) {
      held = Math.min(
        held,
        setup.sign * ((series[inner] as { degrees: number }).degrees - baseline),
      );
    }
    peak = Math.max(peak, held);
  }
  return {
    ok: true,
    movement,
    degrees: Math.round(peak * 10) / 10,
    baselineDegrees: Math.round(baseline * 10) / 10,
    view: setup.view,
    framesUsed: series.length,
    limits: rangeOfMotionLimits,
  };
}
