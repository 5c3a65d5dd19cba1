import { describe, expect, it } from 'vitest';
import { blazePoseLandmarkCount, type PoseFrame } from './landmarks.js';
import { FrameSmoother, defaultSmoothingSettings } from './smoothing.js';

const frame = (timestampMs: number, x: number, visibility = 0.9): PoseFrame => ({
  timestampMs,
  landmarks: Array.from({ length: blazePoseLandmarkCount }, () => ({
    x,
    y: 0.5,
    z: 0,
    visibility,
  })),
  worldLandmarks: Array.from({ length: blazePoseLandmarkCount }, () => ({
    x,
    y: 0,
    z: 0,
    visibility,
  })),
});

describe('frame smoothing', () => {
  it('smooths every coordinate of image and world landmarks', () => {
    const smoother = new FrameSmoother();
    smoother.smooth(frame(0, 0.5));
    const next = smoother.smooth(frame(33, 0.6));
    expect(next?.landmarks[0]?.x).toBeGreaterThan(0.5);
    expect(next?.landmarks[0]?.x).toBeLessThan(0.6);
    expect(next?.worldLandmarks?.[0]?.x).toBeCloseTo(next?.landmarks[0]?.x ?? 0);
  });

  it('passes an unseen landmark on untouched and does not let it move the filter', () => {
    const smoother = new FrameSmoother();
    for (let index = 0; index < 10; index++) smoother.smooth(frame(index * 33, 0.5));
    const unseen = smoother.smooth(frame(330, 0.9, 0.1));
    expect(unseen?.landmarks[0]).toEqual({ x: 0.9, y: 0.5, z: 0, visibility: 0.1 });
    const back = smoother.smooth(frame(363, 0.5));
    expect(back?.landmarks[0]?.x).toBeCloseTo(0.5, 6);
  });

  it('starts a landmark afresh after a gap longer than the limit', () => {
    const smoother = new FrameSmoother();
    for (let index = 0; index < 10; index++) smoother.smooth(frame(index * 33, 0.5));
    const gapMs = (defaultSmoothingSettings.maxGapSeconds + 0.2) * 1000;
    expect(smoother.smooth(frame(297 + gapMs, 0.8))?.landmarks[0]?.x).toBe(0.8);
  });

  it('smooths across a short gap (a dropped frame) instead of jumping', () => {
    const smoother = new FrameSmoother();
    for (let index = 0; index < 10; index++) smoother.smooth(frame(index * 33, 0.5));
    const x = smoother.smooth(frame(297 + 66, 0.8))?.landmarks[0]?.x ?? 0;
    expect(x).toBeGreaterThan(0.5);
    expect(x).toBeLessThan(0.8);
  });

  it('skips a repeated or out-of-order frame', () => {
    const smoother = new FrameSmoother();
    smoother.smooth(frame(100, 0.5));
    expect(smoother.smooth(frame(100, 0.5))).toBeUndefined();
    expect(smoother.smooth(frame(50, 0.5))).toBeUndefined();
    expect(smoother.smooth(frame(Number.NaN, 0.5))).toBeUndefined();
  });
});
