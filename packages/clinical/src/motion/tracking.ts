/**
 * From frames to angles: smoothing, visibility gating, and the body the measures read — the
 * first half of the analysis, shared by the coach session, calibration and range of motion.
 */
import { bodyFromImage, bodyFromWorld, type Body } from './body.js';
import type { PoseFrame } from './landmarks.js';
import { measureAngle, type MeasureId } from './measures.js';
import { FrameSmoother, defaultSmoothingSettings, type SmoothingSettings } from './smoothing.js';

/** How frames are read. */
export interface TrackingOptions {
  /** The camera image's width over its height. */
  readonly aspectRatio: number;
  readonly smoothing?: SmoothingSettings;
  /**
   * `image` (default): angles from the normalised image landmarks, as the camera sees them —
   * right for the exercise's view. `world`: from the model's 3D world landmarks, less dependent
   * on the camera angle but less precise.
   */
  readonly source?: 'image' | 'world';
}

/** One frame's angles, after smoothing; undefined values were not measurable. */
export interface TrackedFrame {
  readonly seconds: number;
  readonly values: Partial<Record<MeasureId, number>>;
}

/** Turns a stream of frames into measured angles, one frame at a time. */
export class FrameTracker {
  readonly #smoother: FrameSmoother;
  readonly #options: TrackingOptions;
  readonly #measures: readonly MeasureId[];
  readonly #minVisibility: number;

  constructor(measures: readonly MeasureId[], options: TrackingOptions) {
    const smoothing = options.smoothing ?? defaultSmoothingSettings;
    this.#smoother = new FrameSmoother(smoothing);
    this.#options = options;
    this.#measures = [...new Set(measures)];
    this.#minVisibility = smoothing.minVisibility;
  }

  /** The frame's angles, or undefined for a repeated or out-of-order frame. */
  track(frame: PoseFrame): TrackedFrame | undefined {
    const smoothed = this.#smoother.smooth(frame);
    if (smoothed === undefined) return undefined;
    const body = this.#body(smoothed);
    const values: Partial<Record<MeasureId, number>> = {};
    for (const id of this.#measures) {
      const value = measureAngle(body, id);
      if (value !== undefined) values[id] = value;
    }
    return { seconds: smoothed.timestampMs / 1000, values };
  }

  #body(frame: PoseFrame): Body {
    if (this.#options.source === 'world' && frame.worldLandmarks !== undefined) {
      return bodyFromWorld(frame.worldLandmarks, this.#minVisibility);
    }
    return bodyFromImage(frame.landmarks, this.#options.aspectRatio, this.#minVisibility);
  }
}

/** One measure over a sequence of frames: the frames where it could be measured. */
export function trackMeasure(
  frames: readonly PoseFrame[],
  measureId: MeasureId,
  options: TrackingOptions,
): { seconds: number; degrees: number }[] {
  const tracker = new FrameTracker([measureId], options);
  const series: { seconds: number; degrees: number }[] = [];
  for (const frame of frames) {
    const tracked = tracker.track(frame);
    const degrees = tracked?.values[measureId];
    if (tracked !== undefined && degrees !== undefined) {
      series.push({ seconds: tracked.seconds, degrees });
    }
  }
  return series;
}
