/**
 * Synthetic landmark sequences for tests and benchmarks: an exercise's keyframes played through
 * the skeleton's forward kinematics and seen by a made-up camera, with the imperfections of a
 * real one on request — noise, dropped frames, landmarks the model cannot see, a person who
 * stands still or fidgets. Randomness comes from the seed given; nothing here reads a clock.
 */
import { poseAt, type Animation, type Limbs, type Pose, type View } from '../skeleton/skeleton.js';
import { defaultFigureCamera, figureLandmarks, type FigureCamera } from './figure-landmarks.js';
import type {
  BlazePoseLandmark,
  NormalizedLandmark,
  PoseFrame,
  WorldLandmark,
} from './landmarks.js';
import { blazePoseIndex } from './landmarks.js';

/** A seeded pseudo-random source in [0, 1) (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A movement over time: the pose at each moment, and how long it lasts. */
export interface Timeline {
  readonly seconds: number;
  readonly poseAt: (seconds: number) => Pose;
  /** Head turn towards the person's left (front view only), degrees. */
  readonly headYawAt?: (seconds: number) => number;
}

/** The exercise's animation played `cycles` times, with still time at its first pose before and after. */
export function exerciseTimeline(
  animation: Animation,
  cycles: number,
  still: { readonly before?: number; readonly after?: number } = {},
): Timeline {
  const before = still.before ?? 1;
  const after = still.after ?? 1;
  const moving = animation.cycleSeconds * cycles;
  const first = poseAt(animation, 0);
  return {
    seconds: before + moving + after,
    poseAt: (seconds) =>
      seconds < before || seconds >= before + moving ? first : poseAt(animation, seconds - before),
  };
}

/** One pose held for `seconds` (a person standing still). */
export function stillTimeline(pose: Pose, seconds: number): Timeline {
  return { seconds, poseAt: () => pose };
}

/**
 * A pose with every segment swaying by up to `degrees`, smoothly (sums of slow sines with
 * random phases, 0.2–1.5 Hz): a person shifting about around the start position.
 */
export function jitterTimeline(
  pose: Pose,
  seconds: number,
  degrees: number,
  random: () => number,
): Timeline {
  const wave = () => {
    const parts = [0, 1].map(() => ({
      hz: 0.2 + random() * 1.3,
      phase: random() * 2 * Math.PI,
    }));
    return (time: number) =>
      (degrees / 2) *
      parts.reduce((sum, part) => sum + Math.sin(2 * Math.PI * part.hz * time + part.phase), 0);
  };
  const limbs = () => ({
    upperArm: wave(),
    forearm: wave(),
    thigh: wave(),
    shin: wave(),
    foot: wave(),
  });
  const trunk = { lowerTrunk: wave(), upperTrunk: wave(), head: wave() };
  const sides = { left: limbs(), right: limbs() };
  const sway = (base: Limbs, by: ReturnType<typeof limbs>, time: number): Limbs => ({
    upperArm: base.upperArm + by.upperArm(time),
    forearm: base.forearm + by.forearm(time),
    thigh: base.thigh + by.thigh(time),
    shin: base.shin + by.shin(time),
    foot: base.foot + by.foot(time),
  });
  return {
    seconds,
    poseAt: (time) => ({
      hip: pose.hip,
      lowerTrunk: pose.lowerTrunk + trunk.lowerTrunk(time),
      upperTrunk: pose.upperTrunk + trunk.upperTrunk(time),
      head: pose.head + trunk.head(time),
      left: sway(pose.left, sides.left, time),
      right: sway(pose.right, sides.right, time),
    }),
  };
}

/** Landmarks the model reports with a low visibility for a while. */
export interface HiddenLandmarks {
  readonly landmarks: readonly BlazePoseLandmark[];
  readonly fromSeconds: number;
  readonly toSeconds: number;
  /** Reported visibility while hidden (default 0.1). */
  readonly visibility?: number;
}

export interface SyntheticOptions {
  readonly view: View;
  /** Frames a second (default 30). */
  readonly fps?: number;
  readonly camera?: FigureCamera;
  /** Random source for noise, dropped frames and jitter (default `seededRandom(1)`). */
  readonly random?: () => number;
  /** Standard deviation of Gaussian noise on each image coordinate, in image heights (default 0). */
  readonly noise?: number;
  /** Chance that a frame never arrives (default 0). */
  readonly dropProbability?: number;
  readonly hidden?: readonly HiddenLandmarks[];
  /** Milliseconds of the first frame (default 0). */
  readonly startMs?: number;
}

/** The frames a camera would give for `timeline`, ready for the analysis. */
export function synthesiseFrames(timeline: Timeline, options: SyntheticOptions): PoseFrame[] {
  const fps = options.fps ?? 30;
  const camera = options.camera ?? defaultFigureCamera;
  const random = options.random ?? seededRandom(1);
  const noise = options.noise ?? 0;
  const drop = options.dropProbability ?? 0;
  const hidden = options.hidden ?? [];
  const worldNoise = (noise / camera.bodyHeight) * camera.heightMetres;
  const frames: PoseFrame[] = [];
  const count = Math.floor(timeline.seconds * fps);
  for (let index = 0; index < count; index++) {
    const seconds = index / fps;
    if (drop > 0 && random() < drop) continue;
    const figure = figureLandmarks(
      timeline.poseAt(seconds),
      options.view,
      camera,
      timeline.headYawAt?.(seconds) ?? 0,
    );
    const hiddenNow = new Map<number, number>();
    for (const hide of hidden) {
      if (seconds < hide.fromSeconds || seconds >= hide.toSeconds) continue;
      for (const name of hide.landmarks)
        hiddenNow.set(blazePoseIndex[name], hide.visibility ?? 0.1);
    }
    const landmarks: NormalizedLandmark[] = figure.landmarks.map((point, at) => ({
      x: point.x + (noise > 0 ? (gaussian(random) * noise) / camera.aspectRatio : 0),
      y: point.y + (noise > 0 ? gaussian(random) * noise : 0),
      z: point.z,
      visibility: hiddenNow.get(at) ?? point.visibility,
    }));
    const worldLandmarks: WorldLandmark[] = figure.worldLandmarks.map((point, at) => ({
      x: point.x + (worldNoise > 0 ? gaussian(random) * worldNoise : 0),
      y: point.y + (worldNoise > 0 ? gaussian(random) * worldNoise : 0),
      z: point.z + (worldNoise > 0 ? gaussian(random) * worldNoise : 0),
      visibility: hiddenNow.get(at) ?? point.visibility,
    }));
    frames.push({
      timestampMs: (options.startMs ?? 0) + seconds * 1000,
      landmarks,
      worldLandmarks,
    });
  }
  return frames;
}
