import { describe, expect, it } from 'vitest';
import { standing, standingFront } from '../skeleton/poses.js';
import type { Animation, Pose } from '../skeleton/skeleton.js';
import { defaultFigureCamera } from './figure-landmarks.js';
import { measureRangeOfMotion, rangeOfMotionLimits } from './range-of-motion.js';
import { exerciseTimeline, seededRandom, synthesiseFrames, type Timeline } from './synthetic.js';

/**
 * Stated tolerance: a synthetic movement of known size is measured within 2° (trunk) and 5°
 * (neck: the face is small in a whole-body picture, so landmark noise weighs more), with noise of 0.3 % of the image height per coordinate. These check the arithmetic on
 * ideal landmarks; they say nothing about a real camera's accuracy (see the limits).
 */
const TRUNK_TOLERANCE = 2;
const NECK_TOLERANCE = 5;
const tracking = { aspectRatio: defaultFigureCamera.aspectRatio };

/** Stand 1.5 s, move over 2 s, hold 1 s, come back over 2 s, stand 0.5 s. */
const movement = (to: Pose, view: 'side' | 'front', from: Pose = standing): Timeline => {
  const animation: Animation = {
    view,
    cycleSeconds: 5,
    keyframes: [
      { at: 0, pose: from },
      { at: 2, pose: to },
      { at: 3, pose: to },
    ],
  };
  return exerciseTimeline(animation, 1, { before: 1.5, after: 0.5 });
};
const leanTrunk = (degrees: number, base: Pose): Pose => ({
  ...base,
  lowerTrunk: 90 - degrees,
  upperTrunk: 90 - degrees,
  head: 90 - degrees,
});
const frames = (timeline: Timeline, view: 'side' | 'front', seed: number, mirror = false) =>
  synthesiseFrames(timeline, {
    view,
    noise: 0.003,
    random: seededRandom(seed),
    camera: { ...defaultFigureCamera, mirror },
  });

describe('range of motion', () => {
  it(`measures a 60° standing trunk flexion within ${TRUNK_TOLERANCE}°, facing either way`, () => {
    for (const mirror of [false, true]) {
      const result = measureRangeOfMotion(
        frames(movement(leanTrunk(60, standing), 'side'), 'side', 1, mirror),
        'trunkFlexion',
        tracking,
      );
      if (!result.ok) throw new Error(result.reason);
      expect(Math.abs(result.degrees - 60)).toBeLessThanOrEqual(TRUNK_TOLERANCE);
      expect(Math.abs(result.baselineDegrees)).toBeLessThan(1);
      expect(result.limits).toBe(rangeOfMotionLimits);
    }
  });

  it('measures from the person’s own start posture, and from world landmarks', () => {
    // Standing with a 10° forward lean, bending 50° further.
    const timeline = movement(leanTrunk(60, standing), 'side', leanTrunk(10, standing));
    const image = measureRangeOfMotion(frames(timeline, 'side', 2), 'trunkFlexion', tracking);
    const world = measureRangeOfMotion(frames(timeline, 'side', 3), 'trunkFlexion', {
      ...tracking,
      source: 'world',
    });
    if (!image.ok || !world.ok) throw new Error('not measured');
    expect(Math.abs(image.baselineDegrees - 10)).toBeLessThan(1);
    expect(Math.abs(image.degrees - 50)).toBeLessThanOrEqual(TRUNK_TOLERANCE);
    expect(Math.abs(world.degrees - 50)).toBeLessThanOrEqual(TRUNK_TOLERANCE);
  });

  it('measures extension backwards, and reads no extension from a forward bend', () => {
    const back = measureRangeOfMotion(
      frames(movement(leanTrunk(-25, standing), 'side'), 'side', 4),
      'trunkExtension',
      tracking,
    );
    const forward = measureRangeOfMotion(
      frames(movement(leanTrunk(40, standing), 'side'), 'side', 5),
      'trunkExtension',
      tracking,
    );
    if (!back.ok || !forward.ok) throw new Error('not measured');
    expect(Math.abs(back.degrees - 25)).toBeLessThanOrEqual(TRUNK_TOLERANCE);
    expect(forward.degrees).toBeLessThan(1);
  });

  it('measures side bending to each side in a front view', () => {
    const bendLeft = leanTrunk(20, standingFront);
    const left = measureRangeOfMotion(
      frames(movement(bendLeft, 'front', standingFront), 'front', 6),
      'trunkSideBendLeft',
      tracking,
    );
    const right = measureRangeOfMotion(
      frames(movement(leanTrunk(-30, standingFront), 'front', standingFront), 'front', 7),
      'trunkSideBendRight',
      tracking,
    );
    if (!left.ok || !right.ok) throw new Error('not measured');
    expect(Math.abs(left.degrees - 20)).toBeLessThanOrEqual(TRUNK_TOLERANCE);
    expect(Math.abs(right.degrees - 30)).toBeLessThanOrEqual(TRUNK_TOLERANCE);
  });

  it(`measures neck rotation within ${NECK_TOLERANCE}°, from the picture and from world landmarks`, () => {
    const turn = (degrees: number): Timeline => ({
      seconds: 6.5,
      poseAt: () => standingFront,
      // Turn over 1.5 s, hold 1 s, turn back over 1.5 s.
      headYawAt: (time) => {
        const ease = (t: number) => (1 - Math.cos(Math.min(1, Math.max(0, t)) * Math.PI)) / 2;
        return degrees * (time < 3 ? ease((time - 1.5) / 1.5) : 1 - ease((time - 4) / 1.5));
      },
    });
    for (const [movementName, degrees] of [
      ['neckRotationLeft', 50],
      ['neckRotationRight', -45],
    ] as const) {
      for (const source of ['image', 'world'] as const) {
        const result = measureRangeOfMotion(frames(turn(degrees), 'front', 8), movementName, {
          ...tracking,
          source,
        });
        if (!result.ok) throw new Error(result.reason);
        expect(Math.abs(result.degrees - Math.abs(degrees))).toBeLessThanOrEqual(NECK_TOLERANCE);
      }
    }
  });

  it('says what the numbers are not', () => {
    expect(rangeOfMotionLimits).toMatch(/not clinical goniometry/);
  });

  it('refuses a recording where the body cannot be measured', () => {
    const hidden = frames(movement(leanTrunk(60, standing), 'side'), 'side', 9).map((frame) => ({
      ...frame,
      landmarks: frame.landmarks.map((point) => ({ ...point, visibility: 0.1 })),
    }));
    expect(measureRangeOfMotion(hidden, 'trunkFlexion', tracking)).toMatchObject({
      ok: false,
      movement: 'trunkFlexion',
    });
  });
});
