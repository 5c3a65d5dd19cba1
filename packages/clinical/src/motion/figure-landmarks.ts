/**
 * The skeleton model seen by a camera: turns a pose of our 2D figure (forward kinematics from
 * the skeleton) into the 33 BlazePose landmarks a pose model would report. The rules derive
 * their target angles through it, and the synthetic test sequences are made with it, so the
 * keyframes and the camera's numbers are measured the same way.
 *
 * Points the skeleton does not have (eyes, ears, nose, hands, heels) are placed with rough adult
 * proportions; depth (z) is made up from the body's width in a side view.
 */
import { landmarks as skeletonLandmarks, type Pose, type View } from '../skeleton/skeleton.js';
import {
  blazePoseIndex,
  type BlazePoseLandmark,
  type NormalizedLandmark,
  type WorldLandmark,
} from './landmarks.js';
import { headModel } from './measures.js';

/** Where the figure stands in the picture. */
export interface FigureCamera {
  /** Image width over height. */
  readonly aspectRatio: number;
  /** The figure's height as a fraction of the image's height. */
  readonly bodyHeight: number;
  /** Where the skeleton's origin (the floor below the hips' start) lands, in normalised coordinates. */
  readonly origin: { readonly x: number; readonly y: number };
  /** Side view facing the image's left instead of its right. */
  readonly mirror: boolean;
  /** The person's height in metres (for world landmarks). */
  readonly heightMetres: number;
}

/** A 16:9 picture with the figure 60 % of its height, feet near the bottom, facing right. */
export const defaultFigureCamera: FigureCamera = {
  aspectRatio: 16 / 9,
  bodyHeight: 0.6,
  origin: { x: 0.5, y: 0.9 },
  mirror: false,
  heightMetres: 1.7,
};

export interface FigureLandmarks {
  readonly landmarks: NormalizedLandmark[];
  readonly worldLandmarks: WorldLandmark[];
}

interface P3 {
  x: number;
  y: number;
  z: number;
}

// Rough head proportions in body heights: ears above the shoulders, half the ear distance.
const EAR_FROM_SHOULDERS = 0.085;
const EAR_HALF_WIDTH = 0.045;
const NOSE_FORWARD = EAR_HALF_WIDTH * headModel.noseForwardOverEarHalfWidth;
const SIDE_DEPTH = { arm: 0.1, leg: 0.08 };

const indexEntries = Object.entries(blazePoseIndex) as [BlazePoseLandmark, number][];

const unit2 = (x: number, y: number) => {
  const size = Math.hypot(x, y);
  return size > 0 ? { x: x / size, y: y / size } : { x: 0, y: 0 };
};

/**
 * The BlazePose landmarks of `pose` seen in `view`. `headYawDegrees` turns the head towards the
 * person's left (positive) in a front view — the 2D figure itself cannot turn its head.
 */
export function figureLandmarks(
  pose: Pose,
  view: View,
  camera: FigureCamera = defaultFigureCamera,
  headYawDegrees = 0,
): FigureLandmarks {
  const points = skeletonLandmarks(pose, view);
  const depth = (side: 'left' | 'right', part: 'arm' | 'leg') =>
    view === 'side' ? (side === 'left' ? -SIDE_DEPTH[part] : SIDE_DEPTH[part]) : 0;
  const at = (point: { x: number; y: number }, z = 0): P3 => ({ x: point.x, y: point.y, z });
  const body: Partial<Record<BlazePoseLandmark, P3>> = {};
  for (const side of ['left', 'right'] as const) {
    const shoulder = at(points[`${side}Shoulder`], depth(side, 'arm'));
    const elbow = at(points[`${side}Elbow`], depth(side, 'arm'));
    const wrist = at(points[`${side}Wrist`], depth(side, 'arm'));
    const hip = at(points[`${side}Hip`], depth(side, 'leg'));
    const knee = at(points[`${side}Knee`], depth(side, 'leg'));
    const ankle = at(points[`${side}Ankle`], depth(side, 'leg'));
    const toe = at(points[`${side}Toe`], depth(side, 'leg'));
    const hand = unit2(wrist.x - elbow.x, wrist.y - elbow.y);
    const foot = unit2(toe.x - ankle.x, toe.y - ankle.y);
    const handPoint = (reach: number): P3 => ({
      x: wrist.x + hand.x * reach,
      y: wrist.y + hand.y * reach,
      z: wrist.z,
    });
    body[`${side}Shoulder`] = shoulder;
    body[`${side}Elbow`] = elbow;
    body[`${side}Wrist`] = wrist;
    body[`${side}Pinky`] = handPoint(0.04);
    body[`${side}Index`] = handPoint(0.045);
    body[`${side}Thumb`] = handPoint(0.03);
    body[`${side}Hip`] = hip;
    body[`${side}Knee`] = knee;
    body[`${side}Ankle`] = ankle;
    body[`${side}Heel`] = {
      x: ankle.x - foot.x * 0.02,
      y: ankle.y - foot.y * 0.02 - 0.01,
      z: ankle.z,
    };
    body[`${side}FootIndex`] = toe;
  }

  // The head: ears above the shoulders along the head segment, the nose in front of them.
  const shoulderCentre = {
    x: (points.leftShoulder.x + points.rightShoulder.x) / 2,
    y: (points.leftShoulder.y + points.rightShoulder.y) / 2,
  };
  const headDirection = unit2(points.head.x - shoulderCentre.x, points.head.y - shoulderCentre.y);
  const ears: P3 = {
    x: shoulderCentre.x + headDirection.x * EAR_FROM_SHOULDERS,
    y: shoulderCentre.y + headDirection.y * EAR_FROM_SHOULDERS,
    z: 0,
  };
  // Side view: the face points along the head's perpendicular (clockwise: the figure faces right).
  // Front view: that perpendicular runs across the face, towards the person's left.
  const across = { x: headDirection.y, y: -headDirection.x };
  const down = (by: number) => ({ x: -headDirection.x * by, y: -headDirection.y * by });
  let leftEar: P3;
  let rightEar: P3;
  let nose: P3;
  if (view === 'side') {
    leftEar = { ...ears, z: -EAR_HALF_WIDTH };
    rightEar = { ...ears, z: EAR_HALF_WIDTH };
    nose = {
      x: ears.x + across.x * NOSE_FORWARD + down(0.01).x,
      y: ears.y + across.y * NOSE_FORWARD + down(0.01).y,
      z: 0,
    };
  } else {
    const yaw = (headYawDegrees * Math.PI) / 180;
    const earSpread = EAR_HALF_WIDTH * Math.cos(yaw);
    leftEar = {
      x: ears.x + across.x * earSpread,
      y: ears.y + across.y * earSpread,
      z: -EAR_HALF_WIDTH * Math.sin(yaw),
    };
    rightEar = {
      x: ears.x - across.x * earSpread,
      y: ears.y - across.y * earSpread,
      z: EAR_HALF_WIDTH * Math.sin(yaw),
    };
    const noseAcross = NOSE_FORWARD * Math.sin(yaw);
    nose = {
      x: ears.x + across.x * noseAcross + down(0.01).x,
      y: ears.y + across.y * noseAcross + down(0.01).y,
      z: NOSE_FORWARD * Math.cos(yaw),
    };
  }
  const towards = (from: P3, to: P3, t: number, lift: number): P3 => ({
    x: from.x + (to.x - from.x) * t - down(lift).x,
    y: from.y + (to.y - from.y) * t - down(lift).y,
    z: from.z + (to.z - from.z) * t,
  });
  body.nose = nose;
  body.leftEar = leftEar;
  body.rightEar = rightEar;
  body.leftEyeInner = towards(leftEar, nose, 0.75, 0.02);
  body.leftEye = towards(leftEar, nose, 0.6, 0.02);
  body.leftEyeOuter = towards(leftEar, nose, 0.45, 0.02);
  body.rightEyeInner = towards(rightEar, nose, 0.75, 0.02);
  body.rightEye = towards(rightEar, nose, 0.6, 0.02);
  body.rightEyeOuter = towards(rightEar, nose, 0.45, 0.02);
  body.mouthLeft = towards(leftEar, nose, 0.85, -0.02);
  body.mouthRight = towards(rightEar, nose, 0.85, -0.02);

  const sign = camera.mirror ? -1 : 1;
  const leftHip = body.leftHip as P3;
  const rightHip = body.rightHip as P3;
  const hipCentre = {
    x: (leftHip.x + rightHip.x) / 2,
    y: (leftHip.y + rightHip.y) / 2,
    z: (leftHip.z + rightHip.z) / 2,
  };
  const landmarks: NormalizedLandmark[] = [];
  const worldLandmarks: WorldLandmark[] = [];
  for (const [name, index] of indexEntries) {
    const point = body[name] ?? hipCentre;
    // Mirroring turns the figure round (x and depth both flip), so its left stays its left.
    const x = point.x * sign;
    const z = point.z * sign;
    landmarks[index] = {
      x: camera.origin.x + (x * camera.bodyHeight) / camera.aspectRatio,
      y: camera.origin.y - point.y * camera.bodyHeight,
      z: -z * camera.bodyHeight,
      visibility: 0.99,
    };
    worldLandmarks[index] = {
      x: (x - hipCentre.x * sign) * camera.heightMetres,
      y: -(point.y - hipCentre.y) * camera.heightMetres,
      z: -(z - hipCentre.z * sign) * camera.heightMetres,
      visibility: 0.99,
    };
  }
  return { landmarks, worldLandmarks };
}
