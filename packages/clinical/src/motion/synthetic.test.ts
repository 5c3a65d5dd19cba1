import { describe, expect, it } from 'vitest';
import { getExercise } from '../exercises/library/index.js';
import { blazePoseIndex, blazePoseLandmarkCount } from './landmarks.js';
import { exerciseTimeline, seededRandom, synthesiseFrames } from './synthetic.js';

const animation = getExercise('sit-to-stand').animation;
const timeline = exerciseTimeline(animation, 2, { before: 1, after: 1 });

describe('synthetic landmark sequences', () => {
  it('plays the keyframes at the frame rate asked for, 33 landmarks a frame', () => {
    const frames = synthesiseFrames(timeline, { view: 'side', fps: 30 });
    expect(timeline.seconds).toBe(2 + 2 * animation.cycleSeconds);
    expect(frames).toHaveLength(Math.floor(timeline.seconds * 30));
    expect(frames[1]?.timestampMs).toBeCloseTo(1000 / 30);
    for (const frame of frames.slice(0, 5)) {
      expect(frame.landmarks).toHaveLength(blazePoseLandmarkCount);
      expect(frame.worldLandmarks).toHaveLength(blazePoseLandmarkCount);
    }
  });

  it('keeps every landmark inside the picture', () => {
    for (const frame of synthesiseFrames(timeline, { view: 'side' })) {
      for (const point of frame.landmarks) {
        expect(point.x).toBeGreaterThan(0);
        expect(point.x).toBeLessThan(1);
        expect(point.y).toBeGreaterThan(0);
        expect(point.y).toBeLessThan(1);
      }
    }
  });

  it('is the same for the same seed and differs for another', () => {
    const options = { view: 'side' as const, noise: 0.004, dropProbability: 0.1 };
    const first = synthesiseFrames(timeline, { ...options, random: seededRandom(5) });
    const again = synthesiseFrames(timeline, { ...options, random: seededRandom(5) });
    const other = synthesiseFrames(timeline, { ...options, random: seededRandom(6) });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('drops frames, leaving gaps in the timestamps', () => {
    const all = synthesiseFrames(timeline, { view: 'side' });
    const some = synthesiseFrames(timeline, {
      view: 'side',
      dropProbability: 0.2,
      random: seededRandom(7),
    });
    expect(some.length).toBeLessThan(all.length * 0.9);
    expect(some.length).toBeGreaterThan(all.length * 0.7);
  });

  it('reports hidden landmarks with a low visibility only while hidden', () => {
    const frames = synthesiseFrames(timeline, {
      view: 'side',
      hidden: [{ landmarks: ['leftKnee'], fromSeconds: 1, toSeconds: 2 }],
    });
    const knee = blazePoseIndex.leftKnee;
    expect(frames[15]?.landmarks[knee]?.visibility).toBeGreaterThan(0.9);
    expect(frames[45]?.landmarks[knee]?.visibility).toBe(0.1);
    expect(frames[45]?.landmarks[blazePoseIndex.rightKnee]?.visibility).toBeGreaterThan(0.9);
  });
});
