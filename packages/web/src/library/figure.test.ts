import { getExercise, type Animation } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { describeMovement, drawAt, drawPose, frameOf, labelAt } from './figure.js';

const bridge = getExercise('glute-bridge').animation;

/** Two keyframes a second apart: standing, then the trunk bent forward. */
const bend: Animation = (() => {
  const start = bridge.keyframes[0]?.pose;
  if (start === undefined) throw new Error('the bridge has no keyframes');
  return {
    view: 'side',
    cycleSeconds: 2,
    keyframes: [
      { at: 0, pose: { ...start, upperTrunk: 90 }, label: 'start' },
      { at: 1, pose: { ...start, upperTrunk: 0 }, label: 'bend' },
    ],
  };
})();

function bone(drawing: ReturnType<typeof drawAt>, id: string) {
  const found = drawing.bones.find((item) => item.id === id);
  if (found === undefined) throw new Error(`no bone ${id}`);
  return found;
}

describe('the figure', () => {
  it('draws each keyframe exactly at its moment', () => {
    const first = bend.keyframes[0];
    const second = bend.keyframes[1];
    if (first === undefined || second === undefined) throw new Error('keyframes');
    expect(drawAt(bend, 0)).toEqual(drawPose(first.pose, 'side'));
    expect(drawAt(bend, 1)).toEqual(drawPose(second.pose, 'side'));
  });

  it('eases between keyframes: halfway there, the trunk is halfway round', () => {
    const upper = bone(drawAt(bend, 0.5), 'upperTrunk');
    const angle =
      (Math.atan2(-(upper.to.y - upper.from.y), upper.to.x - upper.from.x) * 180) / Math.PI;
    expect(angle).toBeCloseTo(45, 5);
    // A quarter of the way in time is less than a quarter of the way round (eased in).
    const early = bone(drawAt(bend, 0.25), 'upperTrunk');
    const earlyAngle =
      (Math.atan2(-(early.to.y - early.from.y), early.to.x - early.from.x) * 180) / Math.PI;
    expect(earlyAngle).toBeGreaterThan(90 - 22.5);
    expect(earlyAngle).toBeLessThan(90);
  });

  it('loops back to the first keyframe over the rest of the cycle', () => {
    expect(drawAt(bend, 2)).toEqual(drawAt(bend, 0));
    expect(drawAt(bend, 3)).toEqual(drawAt(bend, 1));
  });

  it('frames every keyframe with the floor inside the box', () => {
    const frame = frameOf(bridge);
    for (const keyframe of bridge.keyframes) {
      for (const item of drawPose(keyframe.pose, bridge.view).bones) {
        for (const point of [item.from, item.to]) {
          expect(point.x).toBeGreaterThanOrEqual(frame.minX);
          expect(point.x).toBeLessThanOrEqual(frame.minX + frame.width);
          expect(point.y).toBeGreaterThanOrEqual(frame.minY);
          expect(point.y).toBeLessThanOrEqual(frame.minY + frame.height);
        }
      }
    }
    expect(frame.minY + frame.height).toBeGreaterThan(0);
  });

  it('names the moment and describes the movement in words', () => {
    expect(labelAt(bend, 0.5)).toBe('start');
    expect(labelAt(bend, 1.5)).toBe('bend');
    expect(describeMovement('Trunk bend', bend)).toBe(
      'Figure showing Trunk bend, seen from the side, one repetition every 2 seconds: start, then bend.',
    );
  });
});
