/**
 * Pose landmarks as a BlazePose-compatible model reports them (MediaPipe Pose: 33 landmarks),
 * and how they relate to the one skeleton model of Spinewise. Nothing here knows about a camera
 * or a browser: the web app hands these plain numbers to the motion analysis.
 */
import type { LandmarkId } from '../skeleton/skeleton.js';

/** The 33 BlazePose landmarks in index order; `left`/`right` are the person's own sides. */
export const blazePoseLandmarks = [
  'nose',
  'leftEyeInner',
  'leftEye',
  'leftEyeOuter',
  'rightEyeInner',
  'rightEye',
  'rightEyeOuter',
  'leftEar',
  'rightEar',
  'mouthLeft',
  'mouthRight',
  'leftShoulder',
  'rightShoulder',
  'leftElbow',
  'rightElbow',
  'leftWrist',
  'rightWrist',
  'leftPinky',
  'rightPinky',
  'leftIndex',
  'rightIndex',
  'leftThumb',
  'rightThumb',
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
export type BlazePoseLandmark = (typeof blazePoseLandmarks)[number];

/** Number of landmarks in one BlazePose frame. */
export const blazePoseLandmarkCount = blazePoseLandmarks.length;

/** Index of each named landmark in a BlazePose landmark array. */
export const blazePoseIndex = Object.fromEntries(
  blazePoseLandmarks.map((name, index) => [name, index]),
) as Readonly<Record<BlazePoseLandmark, number>>;

/**
 * One landmark in normalised image coordinates: `x` from the left edge (0) to the right edge
 * (1), `y` from the top (0) to the bottom (1), `z` a relative depth (smaller is nearer the
 * camera; not used for angles), `visibility` the model's confidence (0–1) that it is in view.
 */
export interface NormalizedLandmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly visibility: number;
}

/**
 * One world landmark, in metres, with its origin midway between the hips: `x` to the image's
 * right, `y` down, `z` away from the camera (smaller is nearer), as MediaPipe reports them.
 */
export interface WorldLandmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly visibility: number;
}

/** One analysed camera frame: the landmarks the pose model found and when. */
export interface PoseFrame {
  /** Milliseconds on any steadily increasing clock (the video's time); gaps are allowed. */
  readonly timestampMs: number;
  /** 33 landmarks in BlazePose order. */
  readonly landmarks: readonly NormalizedLandmark[];
  /** 33 world landmarks in BlazePose order, when the model gives them. */
  readonly worldLandmarks?: readonly WorldLandmark[];
}

/**
 * Which BlazePose landmarks stand for each joint of our skeleton. Two names mean their midpoint.
 * The skeleton's `head` point is the top of its head segment, and BlazePose has nothing there:
 * the ears' midpoint is the nearest stand-in (the same direction from the shoulders, shorter).
 * The skeleton's `midBack` has no BlazePose landmark at all: no camera landmark lies along the
 * spine, so the curve of the back is never measured directly.
 */
export const skeletonToBlazePose: Readonly<Record<LandmarkId, readonly BlazePoseLandmark[]>> = {
  head: ['leftEar', 'rightEar'],
  midBack: [],
  leftShoulder: ['leftShoulder'],
  rightShoulder: ['rightShoulder'],
  leftElbow: ['leftElbow'],
  rightElbow: ['rightElbow'],
  leftWrist: ['leftWrist'],
  rightWrist: ['rightWrist'],
  leftHip: ['leftHip'],
  rightHip: ['rightHip'],
  leftKnee: ['leftKnee'],
  rightKnee: ['rightKnee'],
  leftAnkle: ['leftAnkle'],
  rightAnkle: ['rightAnkle'],
  leftToe: ['leftFootIndex'],
  rightToe: ['rightFootIndex'],
};
