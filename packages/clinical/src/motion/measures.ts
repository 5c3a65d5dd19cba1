/**
 * Joint and segment angles from one body, in degrees. Every measure returns undefined when a
 * landmark it needs is not visible: a frame missing a landmark is skipped, never guessed.
 *
 * Joint angles are the angle between the two segments meeting at the joint (180 = straight),
 * as the skeleton model's `jointAngles` measures them, so the targets derived from the exercise
 * keyframes and the camera's numbers are the same kind of number. Paired measures without a side
 * (`knee`, `hip`, …) average the sides that are visible.
 */
import {
  DEGREES,
  add,
  angleBetween,
  cross,
  dot,
  jointAngle,
  length,
  midpoint,
  scale,
  subtract,
  up,
  type Body,
  type BodyJoint,
  type Vec3,
} from './body.js';

export const measureIds = [
  'leftElbow',
  'rightElbow',
  'elbow',
  'leftKnee',
  'rightKnee',
  'knee',
  'leftHip',
  'rightHip',
  'hip',
  'maxHip',
  'leftShoulder',
  'rightShoulder',
  'shoulder',
  'maxShoulder',
  'trunkFromVertical',
  'trunkFlexion',
  'trunkSideBend',
  'headLift',
  'neckFlexion',
  'neckRotation',
  'bodyLineSag',
  'thighLineSag',
  'pelvisTilt',
] as const;
/** A named angle the analysis can measure. */
export type MeasureId = (typeof measureIds)[number];

/** What each measure is, in words a clinician reads in the rules. */
export const measureDescriptions: Readonly<Record<MeasureId, string>> = {
  leftElbow: 'Left elbow angle (shoulder–elbow–wrist; 180° = straight).',
  rightElbow: 'Right elbow angle (shoulder–elbow–wrist; 180° = straight).',
  elbow: 'Elbow angle, the visible sides averaged (180° = straight).',
  leftKnee: 'Left knee angle (hip–knee–ankle; 180° = straight).',
  rightKnee: 'Right knee angle (hip–knee–ankle; 180° = straight).',
  knee: 'Knee angle, the visible sides averaged (hip–knee–ankle; 180° = straight).',
  leftHip: 'Left hip angle between thigh and trunk (shoulder–hip–knee; 180° = straight).',
  rightHip: 'Right hip angle between thigh and trunk (shoulder–hip–knee; 180° = straight).',
  hip: 'Hip angle between thigh and trunk, the visible sides averaged (180° = straight).',
  maxHip: 'The straighter of the two hip angles (the leg reaching back).',
  leftShoulder: 'Left shoulder angle between upper arm and trunk (hip–shoulder–elbow).',
  rightShoulder: 'Right shoulder angle between upper arm and trunk (hip–shoulder–elbow).',
  shoulder: 'Shoulder angle between upper arm and trunk, the visible sides averaged.',
  maxShoulder: 'The larger of the two shoulder angles (the arm reaching forward).',
  trunkFromVertical:
    'Lean of the hip-centre → shoulder-centre line from vertical (0° = upright, 90° = level).',
  trunkFlexion:
    'Trunk inclination in the side view, signed: forward lean positive, backward lean negative. It is the whole hip-to-shoulder line, so hip bending counts too.',
  trunkSideBend: "Trunk inclination in the front view, signed: towards the person's left positive.",
  headLift: 'Rise of the hip → ear line above the floor line, lying on the back (0° = flat).',
  neckFlexion:
    'Head line (shoulders → ears) relative to the trunk line in the side view, signed: chin towards chest positive, looking up negative.',
  neckRotation:
    "Head turn relative to the shoulders, signed: towards the person's left positive. An estimate; see the limits.",
  bodyLineSag:
    'How far the hips drop below the shoulder–ankle line, as the bend at the hip in the plane the camera sees (0° = one straight line, positive = hips low, negative = hips high).',
  thighLineSag:
    'How far the hips drop below the shoulder–knee line, as the bend at the hip in the plane the camera sees (0° = one straight line, positive = hips low, negative = hips high).',
  pelvisTilt:
    "Tilt of the hip line from level in the front view, signed: the person's left hip higher positive.",
};

/**
 * Assumed head proportions for the image-only neck rotation estimate: how far the nose sits in
 * front of the line between the ears, over half the distance between the ears. An average
 * adult shape, not measured for the person.
 */
export const headModel = { noseForwardOverEarHalfWidth: 1.4, isDefault: true } as const;

type Points = Body['points'];

function pair(points: Points, left: BodyJoint, right: BodyJoint): Vec3 | undefined {
  const a = points[left];
  const b = points[right];
  if (a !== undefined && b !== undefined) return midpoint(a, b);
  return a ?? b;
}

function sides(
  of: (side: 'left' | 'right') => number | undefined,
  combine: 'mean' | 'max',
): number | undefined {
  const values = [of('left'), of('right')].filter((value) => value !== undefined);
  if (values.length === 0) return undefined;
  return combine === 'max'
    ? Math.max(...values)
    : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function joint3(
  points: Points,
  side: 'left' | 'right',
  a: 'Shoulder' | 'Hip',
  b: 'Elbow' | 'Knee' | 'Hip' | 'Shoulder',
  c: 'Wrist' | 'Ankle' | 'Knee' | 'Elbow' | 'Shoulder',
): number | undefined {
  const pa = points[`${side}${a}`];
  const pb = points[`${side}${b}`];
  const pc = points[`${side}${c}`];
  if (pa === undefined || pb === undefined || pc === undefined) return undefined;
  return jointAngle(pa, pb, pc);
}

const elbowOf = (points: Points, side: 'left' | 'right') =>
  joint3(points, side, 'Shoulder', 'Elbow', 'Wrist');
const kneeOf = (points: Points, side: 'left' | 'right') =>
  joint3(points, side, 'Hip', 'Knee', 'Ankle');
const hipOf = (points: Points, side: 'left' | 'right') =>
  joint3(points, side, 'Shoulder', 'Hip', 'Knee');
const shoulderOf = (points: Points, side: 'left' | 'right') =>
  joint3(points, side, 'Hip', 'Shoulder', 'Elbow');

function trunkVector(points: Points): Vec3 | undefined {
  const shoulders = pair(points, 'leftShoulder', 'rightShoulder');
  const hips = pair(points, 'leftHip', 'rightHip');
  if (shoulders === undefined || hips === undefined) return undefined;
  return subtract(shoulders, hips);
}

/** Projects `vector` onto the plane through `up` and `axis` and returns its signed lean from up. */
function leanFromVertical(vector: Vec3, axis: Vec3): number | undefined {
  const along = dot(vector, axis);
  const vertical = dot(vector, up);
  if (along === 0 && vertical === 0) return undefined;
  return Math.atan2(along, vertical) * DEGREES;
}

function horizontalUnit(vector: Vec3): Vec3 | undefined {
  const flat = { x: vector.x, y: 0, z: vector.z };
  const size = length(flat);
  return size > 0 ? scale(flat, 1 / size) : undefined;
}

/** The signed angle from `a` to `b` about `axis` (right-hand rule), −180–180°. */
function signedAngle(a: Vec3, b: Vec3, axis: Vec3): number | undefined {
  const sine = dot(cross(a, b), axis);
  const cosine = dot(a, b);
  if (sine === 0 && cosine === 0) return undefined;
  return Math.atan2(sine, cosine) * DEGREES;
}

/**
 * The person's left-to-right axis as a unit vector pointing to their left: bending forward
 * (flexion) is a positive turn about it. From world landmarks it is the hip line. In an image
 * side view it points into or out of the picture, and which of the two is read from the face:
 * the nose lies in front of the line from the shoulders to the ears. Undefined when the face is
 * not seen side-on (a front view) or the landmarks are missing.
 */
export function leftAxis(body: Body): Vec3 | undefined {
  const { points } = body;
  if (body.source === 'world' && points.leftHip !== undefined && points.rightHip !== undefined) {
    const hips = subtract(points.leftHip, points.rightHip);
    const size = length(hips);
    if (size > 0.05) return scale(hips, 1 / size);
  }
  const shoulders = pair(points, 'leftShoulder', 'rightShoulder');
  const ears = pair(points, 'leftEar', 'rightEar');
  const nose = points.nose;
  if (shoulders === undefined || ears === undefined || nose === undefined) return undefined;
  const neck = subtract(ears, shoulders);
  const face = subtract(nose, ears);
  const sine = cross(neck, face).z / (length(neck) * length(face));
  // A nose nearly in line with the neck: a front view, where front and back cannot be told apart.
  if (!(Math.abs(sine) >= 0.3)) return undefined;
  // Face clockwise of the neck (a figure facing the image's right): the left points away (−z).
  return { x: 0, y: 0, z: sine < 0 ? -1 : 1 };
}

/** The person's left as a horizontal unit vector (front view: the image's right in 2D). */
function towardsLeft(body: Body): Vec3 | undefined {
  const { points } = body;
  if (body.source === 'world') {
    const hips =
      points.leftHip !== undefined && points.rightHip !== undefined
        ? subtract(points.leftHip, points.rightHip)
        : undefined;
    return hips === undefined ? undefined : horizontalUnit(hips);
  }
  // A person facing the camera has their left on the image's right.
  return { x: 1, y: 0, z: 0 };
}

/** Drops the part of `point` along `axis` (a unit vector): its shadow on the plane across it. */
function flatten(point: Vec3, axis: Vec3 | undefined): Vec3 {
  return axis === undefined ? point : subtract(point, scale(axis, dot(point, axis)));
}

function lineSag(body: Body, side: 'left' | 'right', end: 'Ankle' | 'Knee'): number | undefined {
  const { points } = body;
  // In world landmarks the shoulders sit wider than the hips: the line is read in the plane the
  // camera faces (depth dropped), as the exercise's view shows it.
  const axis = body.source === 'world' ? { x: 0, y: 0, z: 1 } : undefined;
  const shoulderPoint = points[`${side}Shoulder`];
  const hipPoint = points[`${side}Hip`];
  const farPoint = points[`${side}${end}`];
  if (shoulderPoint === undefined || hipPoint === undefined || farPoint === undefined)
    return undefined;
  const shoulder = flatten(shoulderPoint, axis);
  const hip = flatten(hipPoint, axis);
  const far = flatten(farPoint, axis);
  const bend = jointAngle(shoulder, hip, far);
  if (bend === undefined) return undefined;
  const line = subtract(far, shoulder);
  const along = dot(subtract(hip, shoulder), line) / dot(line, line);
  const onLine = add(shoulder, scale(line, along));
  // Gravity decides "below": positive when the hip is lower than the line at that point.
  const below = dot(subtract(onLine, hip), up);
  return (180 - bend) * (below >= 0 ? 1 : -1);
}

function neckRotation(body: Body): number | undefined {
  const { points } = body;
  const { leftEar, rightEar, nose, leftShoulder, rightShoulder } = points;
  if (leftEar === undefined || rightEar === undefined) return undefined;
  if (body.source === 'world') {
    if (leftShoulder === undefined || rightShoulder === undefined) return undefined;
    const ears = horizontalUnit(subtract(leftEar, rightEar));
    const shoulders = horizontalUnit(subtract(leftShoulder, rightShoulder));
    if (ears === undefined || shoulders === undefined) return undefined;
    return Math.atan2(dot(cross(shoulders, ears), up), dot(shoulders, ears)) * DEGREES;
  }
  if (nose === undefined) return undefined;
  // Front view: the ears' midpoint stays on the head's axis while the nose swings round it.
  // nose offset / half the ear distance = (nose forward / ear half-width) × tan(turn).
  const halfEars = Math.abs(leftEar.x - rightEar.x) / 2;
  if (!(halfEars > 0)) return undefined;
  const offset = nose.x - (leftEar.x + rightEar.x) / 2;
  return Math.atan(offset / halfEars / headModel.noseForwardOverEarHalfWidth) * DEGREES;
}

function neckFlexion(body: Body): number | undefined {
  const trunk = trunkVector(body.points);
  const shoulders = pair(body.points, 'leftShoulder', 'rightShoulder');
  const ears = pair(body.points, 'leftEar', 'rightEar');
  const axis = leftAxis(body);
  if (trunk === undefined || shoulders === undefined || ears === undefined || axis === undefined)
    return undefined;
  return signedAngle(trunk, subtract(ears, shoulders), axis);
}

/** The value of one measure for one body, or undefined when a landmark it needs is unseen. */
export function measureAngle(body: Body, id: MeasureId): number | undefined {
  const { points } = body;
  switch (id) {
    case 'leftElbow':
      return elbowOf(points, 'left');
    case 'rightElbow':
      return elbowOf(points, 'right');
    case 'elbow':
      return sides((side) => elbowOf(points, side), 'mean');
    case 'leftKnee':
      return kneeOf(points, 'left');
    case 'rightKnee':
      return kneeOf(points, 'right');
    case 'knee':
      return sides((side) => kneeOf(points, side), 'mean');
    case 'leftHip':
      return hipOf(points, 'left');
    case 'rightHip':
      return hipOf(points, 'right');
    case 'hip':
      return sides((side) => hipOf(points, side), 'mean');
    case 'maxHip':
      return sides((side) => hipOf(points, side), 'max');
    case 'leftShoulder':
      return shoulderOf(points, 'left');
    case 'rightShoulder':
      return shoulderOf(points, 'right');
    case 'shoulder':
      return sides((side) => shoulderOf(points, side), 'mean');
    case 'maxShoulder':
      return sides((side) => shoulderOf(points, side), 'max');
    case 'trunkFromVertical': {
      const trunk = trunkVector(points);
      return trunk === undefined ? undefined : angleBetween(trunk, up);
    }
    case 'trunkFlexion': {
      const trunk = trunkVector(points);
      const axis = leftAxis(body);
      return trunk === undefined || axis === undefined ? undefined : signedAngle(up, trunk, axis);
    }
    case 'trunkSideBend': {
      const trunk = trunkVector(points);
      const left = towardsLeft(body);
      return trunk === undefined || left === undefined ? undefined : leanFromVertical(trunk, left);
    }
    case 'headLift': {
      const hips = pair(points, 'leftHip', 'rightHip');
      const ears = pair(points, 'leftEar', 'rightEar');
      if (hips === undefined || ears === undefined) return undefined;
      const line = subtract(ears, hips);
      const size = length(line);
      return size > 0 ? Math.asin(dot(line, up) / size) * DEGREES : undefined;
    }
    case 'neckFlexion':
      return neckFlexion(body);
    case 'neckRotation':
      return neckRotation(body);
    case 'bodyLineSag':
      return sides((side) => lineSag(body, side, 'Ankle'), 'mean');
    case 'thighLineSag':
      return sides((side) => lineSag(body, side, 'Knee'), 'mean');
    case 'pelvisTilt': {
      const { leftHip, rightHip } = points;
      if (leftHip === undefined || rightHip === undefined) return undefined;
      const line = subtract(leftHip, rightHip);
      const size = length(line);
      return size > 0 ? Math.asin(dot(line, up) / size) * DEGREES : undefined;
    }
  }
}
