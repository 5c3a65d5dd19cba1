/**
 * The one skeleton model of Spinewise: a 2D stick figure whose poses are written as segment
 * orientations. The web app animates exercises from it and the camera coach derives its
 * target joint angles from it, so both read the same numbers.
 *
 * Angles are absolute directions in the image plane, in degrees, counter-clockwise:
 *   0 = pointing right (the figure's front in a side view), 90 = up, 180 = left, 270 = down.
 * The trunk has two segments, lower (hip → mid-back) and upper (mid-back → shoulders), so the
 * figure shows the spine bending. A standing figure in side view: lowerTrunk 90, upperTrunk 90,
 * head 90, thighs 270, shins 270, feet 0, upper arms 270, forearms 270.
 */

export type View = 'side' | 'front';
export type Side = 'left' | 'right';

/** Segments with one orientation each. Limb segments exist on both sides. */
export const axialSegments = ['lowerTrunk', 'upperTrunk', 'head'] as const;
export const limbSegments = ['upperArm', 'forearm', 'thigh', 'shin', 'foot'] as const;
export type AxialSegment = (typeof axialSegments)[number];
export type LimbSegment = (typeof limbSegments)[number];

export interface Limbs {
  readonly upperArm: number;
  readonly forearm: number;
  readonly thigh: number;
  readonly shin: number;
  readonly foot: number;
}

export interface Pose {
  /** Where the hip centre is, in body heights from the floor point below it (y up). */
  readonly hip: { readonly x: number; readonly y: number };
  readonly lowerTrunk: number;
  readonly upperTrunk: number;
  readonly head: number;
  readonly left: Limbs;
  readonly right: Limbs;
}

export interface Keyframe {
  /** Seconds from the start of one repetition. */
  readonly at: number;
  readonly pose: Pose;
  /** What this moment is, e.g. `start`, `top`, `hold`. */
  readonly label?: string;
}

export interface Animation {
  readonly view: View;
  /** Seconds for one repetition (or one breath, one step cycle); the last keyframe is at or before it. */
  readonly cycleSeconds: number;
  /** At least two keyframes, the first at 0; the cycle returns to the first one. */
  readonly keyframes: readonly Keyframe[];
}

/** Segment lengths as fractions of body height (adult proportions, rounded). */
export const segmentLength: Readonly<Record<AxialSegment | LimbSegment, number>> = {
  lowerTrunk: 0.15,
  upperTrunk: 0.15,
  head: 0.13,
  upperArm: 0.17,
  forearm: 0.16,
  thigh: 0.245,
  shin: 0.245,
  foot: 0.08,
};

/** Half the distance between the shoulders and between the hips, in front view. */
export const halfWidth = { shoulders: 0.11, hips: 0.08 } as const;

export const landmarkIds = [
  'head',
  'midBack',
  'leftShoulder',
  'rightShoulder',
  'leftElbow',
  'rightElbow',
  'leftWrist',
  'rightWrist',
  'leftHip',
  'rightHip',
  'leftKnee',
  'rightKnee',
  'leftAnkle',
  'rightAnkle',
  'leftToe',
  'rightToe',
] as const;
export type LandmarkId = (typeof landmarkIds)[number];

export interface Point {
  readonly x: number;
  readonly y: number;
}

const RADIANS = Math.PI / 180;

function step(from: Point, angle: number, length: number): Point {
  return {
    x: from.x + Math.cos(angle * RADIANS) * length,
    y: from.y + Math.sin(angle * RADIANS) * length,
  };
}

/** Landmark positions of a pose (forward kinematics), in body heights, y up. */
export function landmarks(pose: Pose, view: View): Record<LandmarkId, Point> {
  const hipCentre = pose.hip;
  const midBack = step(hipCentre, pose.lowerTrunk, segmentLength.lowerTrunk);
  const shoulderCentre = step(midBack, pose.upperTrunk, segmentLength.upperTrunk);
  // In a side view both sides share a line; in a front view they sit either side of the midline,
  // across the trunk (the figure faces the viewer, so its left is on the image's right).
  const across = (side: Side, half: number): Point => {
    if (view === 'side') return { x: 0, y: 0 };
    const sign = side === 'left' ? 1 : -1;
    return step({ x: 0, y: 0 }, pose.upperTrunk - 90, sign * half);
  };
  const offset = (point: Point, by: Point): Point => ({ x: point.x + by.x, y: point.y + by.y });

  const limb = (side: Side) => {
    const angles = pose[side];
    const shoulder = offset(shoulderCentre, across(side, halfWidth.shoulders));
    const elbow = step(shoulder, angles.upperArm, segmentLength.upperArm);
    const wrist = step(elbow, angles.forearm, segmentLength.forearm);
    const hip = offset(hipCentre, across(side, halfWidth.hips));
    const knee = step(hip, angles.thigh, segmentLength.thigh);
    const ankle = step(knee, angles.shin, segmentLength.shin);
    const toe = step(ankle, angles.foot, segmentLength.foot);
    return { shoulder, elbow, wrist, hip, knee, ankle, toe };
  };
  const left = limb('left');
  const right = limb('right');
  return {
    head: step(shoulderCentre, pose.head, segmentLength.head),
    midBack,
    leftShoulder: left.shoulder,
    rightShoulder: right.shoulder,
    leftElbow: left.elbow,
    rightElbow: right.elbow,
    leftWrist: left.wrist,
    rightWrist: right.wrist,
    leftHip: left.hip,
    rightHip: right.hip,
    leftKnee: left.knee,
    rightKnee: right.knee,
    leftAnkle: left.ankle,
    rightAnkle: right.ankle,
    leftToe: left.toe,
    rightToe: right.toe,
  };
}

/** Smallest signed difference b − a between two directions, in (−180, 180]. */
export function angleDifference(a: number, b: number): number {
  const difference = ((((b - a) % 360) + 540) % 360) - 180;
  return difference === -180 ? 180 : difference;
}

/** The angle at joint `b` between segments b→a and b→c, 0–180°. */
export function angleAt(a: Point, b: Point, c: Point): number {
  const first = Math.atan2(a.y - b.y, a.x - b.x) / RADIANS;
  const second = Math.atan2(c.y - b.y, c.x - b.x) / RADIANS;
  return Math.abs(angleDifference(first, second));
}

/**
 * Joint angles as a camera sees them (0–180° between the two segments meeting at the joint;
 * 180 = straight): what the camera coach compares with, for both sides.
 */
export interface JointAngles {
  readonly leftElbow: number;
  readonly rightElbow: number;
  readonly leftShoulder: number;
  readonly rightShoulder: number;
  readonly leftHip: number;
  readonly rightHip: number;
  readonly leftKnee: number;
  readonly rightKnee: number;
  /** Lean of the hip → shoulder line from vertical, 0 = upright, 90 = horizontal. */
  readonly trunkFromVertical: number;
  /**
   * Bend of the spine between the lower and upper trunk, signed for a figure facing right:
   * positive = flexion (rounding forward), negative = extension (arching back).
   */
  readonly spineFlexion: number;
  /** Head line relative to the upper trunk, signed the same way: positive = chin towards chest. */
  readonly neckFlexion: number;
}

export function jointAngles(pose: Pose, view: View): JointAngles {
  const points = landmarks(pose, view);
  return {
    leftElbow: angleAt(points.leftShoulder, points.leftElbow, points.leftWrist),
    rightElbow: angleAt(points.rightShoulder, points.rightElbow, points.rightWrist),
    leftShoulder: angleAt(points.leftHip, points.leftShoulder, points.leftElbow),
    rightShoulder: angleAt(points.rightHip, points.rightShoulder, points.rightElbow),
    leftHip: angleAt(points.leftShoulder, points.leftHip, points.leftKnee),
    rightHip: angleAt(points.rightShoulder, points.rightHip, points.rightKnee),
    leftKnee: angleAt(points.leftHip, points.leftKnee, points.leftAnkle),
    rightKnee: angleAt(points.rightHip, points.rightKnee, points.rightAnkle),
    trunkFromVertical: Math.abs(
      angleDifference(
        90,
        Math.atan2(
          (points.leftShoulder.y + points.rightShoulder.y) / 2 - pose.hip.y,
          (points.leftShoulder.x + points.rightShoulder.x) / 2 - pose.hip.x,
        ) / RADIANS,
      ),
    ),
    spineFlexion: angleDifference(pose.upperTrunk, pose.lowerTrunk),
    neckFlexion: angleDifference(pose.head, pose.upperTrunk),
  };
}

function mixAngle(a: number, b: number, t: number): number {
  return a + angleDifference(a, b) * t;
}

function mixLimbs(a: Limbs, b: Limbs, t: number): Limbs {
  return {
    upperArm: mixAngle(a.upperArm, b.upperArm, t),
    forearm: mixAngle(a.forearm, b.forearm, t),
    thigh: mixAngle(a.thigh, b.thigh, t),
    shin: mixAngle(a.shin, b.shin, t),
    foot: mixAngle(a.foot, b.foot, t),
  };
}

/** Interpolates between two poses (t from 0 to 1), turning each segment the short way round. */
export function mixPoses(a: Pose, b: Pose, t: number): Pose {
  return {
    hip: { x: a.hip.x + (b.hip.x - a.hip.x) * t, y: a.hip.y + (b.hip.y - a.hip.y) * t },
    lowerTrunk: mixAngle(a.lowerTrunk, b.lowerTrunk, t),
    upperTrunk: mixAngle(a.upperTrunk, b.upperTrunk, t),
    head: mixAngle(a.head, b.head, t),
    left: mixLimbs(a.left, b.left, t),
    right: mixLimbs(a.right, b.right, t),
  };
}

/** The pose at `seconds` into the looping animation (eased between keyframes). */
export function poseAt(animation: Animation, seconds: number): Pose {
  const { keyframes, cycleSeconds } = animation;
  const time = ((seconds % cycleSeconds) + cycleSeconds) % cycleSeconds;
  for (let index = 0; index < keyframes.length; index++) {
    const current = keyframes[index] as Keyframe;
    const next = keyframes[index + 1] ?? {
      at: cycleSeconds,
      pose: (keyframes[0] as Keyframe).pose,
    };
    if (time >= current.at && time < next.at) {
      const linear = (time - current.at) / (next.at - current.at);
      const eased = (1 - Math.cos(linear * Math.PI)) / 2;
      return mixPoses(current.pose, next.pose, eased);
    }
  }
  return (keyframes[0] as Keyframe).pose;
}
