/**
 * Smoothing of whole frames: a One Euro filter per coordinate of each landmark, fed only with
 * landmarks the model can see. A landmark below the visibility threshold is passed on with its
 * low visibility (so the angle code leaves it out) and does not move its filter; after a gap
 * longer than `maxGapSeconds` a landmark's filters start afresh rather than smoothing across it.
 */
import type { NormalizedLandmark, PoseFrame, WorldLandmark } from './landmarks.js';
import { OneEuroFilter, defaultOneEuroSettings, type OneEuroSettings } from './one-euro.js';

/** How frames are smoothed and gated. */
export interface SmoothingSettings {
  readonly filter: OneEuroSettings;
  /** A landmark with a lower visibility is not used. */
  readonly minVisibility: number;
  /** A landmark unseen for longer than this (seconds) is smoothed afresh when it returns. */
  readonly maxGapSeconds: number;
}

/**
 * Engineering defaults: 0.5 is MediaPipe Pose's own default confidence threshold; a gap of half
 * a second is about 15 frames at 30 frames a second — longer than a dropped frame or two.
 */
export const defaultSmoothingSettings: SmoothingSettings & { readonly isDefault: true } = {
  filter: defaultOneEuroSettings,
  minVisibility: 0.5,
  maxGapSeconds: 0.5,
  isDefault: true,
};

interface Point3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly visibility: number;
}

class PointFilter {
  readonly #x: OneEuroFilter;
  readonly #y: OneEuroFilter;
  readonly #z: OneEuroFilter;

  constructor(settings: OneEuroSettings) {
    this.#x = new OneEuroFilter(settings);
    this.#y = new OneEuroFilter(settings);
    this.#z = new OneEuroFilter(settings);
  }

  filter(point: Point3, seconds: number, maxGapSeconds: number): Point3 {
    const last = this.#x.lastSeconds;
    if (last !== undefined && seconds - last > maxGapSeconds) {
      this.#x.reset();
      this.#y.reset();
      this.#z.reset();
    }
    return {
      x: this.#x.filter(point.x, seconds),
      y: this.#y.filter(point.y, seconds),
      z: this.#z.filter(point.z, seconds),
      visibility: point.visibility,
    };
  }
}

/** Smooths a stream of frames; one smoother per camera session. */
export class FrameSmoother {
  readonly #settings: SmoothingSettings;
  readonly #image: PointFilter[] = [];
  readonly #world: PointFilter[] = [];
  #lastSeconds: number | undefined;

  constructor(settings: SmoothingSettings = defaultSmoothingSettings) {
    this.#settings = settings;
  }

  /**
   * The smoothed frame, or undefined for a frame whose timestamp is not after the previous one
   * (a repeated or out-of-order frame is skipped, not guessed).
   */
  smooth(frame: PoseFrame): PoseFrame | undefined {
    const seconds = frame.timestampMs / 1000;
    if (!Number.isFinite(seconds)) return undefined;
    if (this.#lastSeconds !== undefined && seconds <= this.#lastSeconds) return undefined;
    this.#lastSeconds = seconds;
    const landmarks = this.#smoothAll(frame.landmarks, this.#image, seconds);
    if (frame.worldLandmarks === undefined) return { timestampMs: frame.timestampMs, landmarks };
    return {
      timestampMs: frame.timestampMs,
      landmarks,
      worldLandmarks: this.#smoothAll(frame.worldLandmarks, this.#world, seconds),
    };
  }

  #smoothAll<T extends NormalizedLandmark | WorldLandmark>(
    points: readonly T[],
    filters: PointFilter[],
    seconds: number,
  ): T[] {
    return points.map((point, index) => {
      const usable =
        point.visibility >= this.#settings.minVisibility &&
        Number.isFinite(point.x) &&
        Number.isFinite(point.y) &&
        Number.isFinite(point.z);
      if (!usable) return point;
      let filter = filters[index];
      if (filter === undefined) {
        filter = new PointFilter(this.#settings.filter);
        filters[index] = filter;
      }
      return filter.filter(point, seconds, this.#settings.maxGapSeconds) as T;
    });
  }
}
