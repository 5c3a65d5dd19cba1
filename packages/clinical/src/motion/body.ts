/**
 * A body seen in one frame: the landmarks the analysis uses, as 3D vectors in one frame of
 * reference (x to the image's right, y up, z towards the camera), with unseen landmarks left out.
 * From image landmarks the units are image heights and z is 0 (the model's image depth is too
 * rough to use); from world landmarks the units are metres.
 */
import { blazePoseIndex, type NormalizedLandmark, type WorldLandmark } from './landmarks.js';

export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** The joints the angles are measured from (a subset of BlazePose's 33 landmarks). */
export const bodyJoints = [
  'nose',
  'leftEar',
  'rightEar',
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
  'leftHeel',
  'rightHeel',
  'leftFootIndex',
  'rightFootIndex',
] as const;
export type BodyJoint = (typeof bodyJoints)[number];

export interface Body {
  /** `image`: from normalised image landmarks (a 2D view); `world`: from world landmarks. */
  readonly source: 'image' | 'world';
  readonly points: Readonly<Partial<Record<BodyJoint, Vec3>>>;
}

function usable(
  point: { x: number; y: number; z: number; visibility: number } | undefined,
  minVisibility: number,
) {
  return (
    point !== undefined &&
    point.visibility >= minVisibility &&
    Number.isFinite(point.x) &&
    Number.isFinite(point.y) &&
    Number.isFinite(point.z)
  );
}

/**
 * The body from normalised image landmarks. `aspectRatio` is the image's width over its height:
 * without it a normalised x and y are not the same length and every angle would be skewed.
 */
export function bodyFromImage(
  landmarks: readonly NormalizedLandmark[],
  aspectRatio: number,
  minVisibility: number,
): Body {
  const points: Partial<Record<BodyJoint, Vec3>> = {};
  for (const joint of bodyJoints) {
    const landmark = landmarks[blazePoseIndex[joint]];
    if (landmark === undefined || !usable(landmark, minVisibility)) continue;
    points[joint] = { x: landmark.x * aspectRatio, y: -landmark.y, z: 0 };
  }
  return { source: 'image', points };
}

/** The body from world landmarks (metres; MediaPipe's y down and z away turned to y up, z near). */
export function bodyFromWorld(landmarks: readonly WorldLandmark[], minVisibility: number): Body {
  const points: Partial<Record<BodyJoint, Vec3>> = {};
  for (const joint of bodyJoints) {
    const landmark = landmarks[blazePoseIndex[joint]];
    if (landmark === undefined || !usable(landmark, minVisibility)) continue;
    points[joint] = { x: landmark.x, y: -landmark.y, z: -landmark.z };
  }
  return { source: 'world', points };
}

// Small vector helpers, kept here because only the motion code uses them.

export const up: Vec3 = { x: 0, y: 1, z: 0 };

export function subtract(a: Vec3, b: Vec3): Vec3 {
  return { x: a.x - b.x, y: a.y - b.y, z: a.z - b.z };
}

export function add(a: Vec3, b: Vec3): Vec3 {
  return { x: a.x + b.x, y: a.y + b.y, z: a.z + b.z };
}

export function scale(a: Vec3, by: number): Vec3 {
  return { x: a.x * by, y: a.y * by, z: a.z * by };
}

export function dot(a: Vec3, b: Vec3): number {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return { x: a.y * b.z - a.z * b.y, y: a.z * b.x - a.x * b.z, z: a.x * b.y - a.y * b.x };
}

export function length(a: Vec3): number {
  return Math.sqrt(dot(a, a));
}

export function midpoint(a: Vec3, b: Vec3): Vec3 {
  return scale(add(a, b), 0.5);
}

export const DEGREES = 180 / Math.PI;

/** The angle between two vectors, 0–180°; undefined when either has no length. */
export function angleBetween(a: Vec3, b: Vec3): number | undefined {
  const lengths = length(a) * length(b);
  if (!(lengths > 0)) return undefined;
  return Math.acos(Math.min(1, Math.max(-1, dot(a, b) / lengths))) * DEGREES;
}

/** The angle at joint `b` between b→a and b→c, 0–180° (180 = straight). */
export function jointAngle(a: Vec3, b: Vec3, c: Vec3): number | undefined {
  return angleBetween(subtract(a, b), subtract(c, b));
}
