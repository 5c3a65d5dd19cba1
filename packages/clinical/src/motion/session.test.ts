import { describe, expect, it } from 'vitest';
import { getExercise } from '../exercises/library/index.js';
import { mixPoses, type Pose } from '../skeleton/skeleton.js';
import { coachRules, getCoachRule } from './coached-exercises.js';
import { defaultFigureCamera } from './figure-landmarks.js';
import type { BlazePoseLandmark } from './landmarks.js';
import { measurePose, type CoachRule } from './rules.js';
import { CoachSession, analyseSet } from './session.js';
import {
  exerciseTimeline,
  jitterTimeline,
  seededRandom,
  stillTimeline,
  synthesiseFrames,
  type Timeline,
} from './synthetic.js';

/**
 * Stated tolerances of these tests (synthetic sequences from the exercises' own keyframes):
 * - repetition and hold counts: exact (a tolerance of 0), clean or with noise of 0.4 % of the
 *   image height per coordinate, 10 % of frames dropped, and landmarks hidden;
 * - seconds per hold: within 0.5 s of the time the noise-free keyframe animation spends within
 *   the hold tolerance (smoothing lag and frame spacing);
 * - no repetition, hold time or cue from 30 s of standing still or of swaying by ±5° per
 *   segment around the start position.
 */
const CYCLES = 3;
const NOISE = 0.004;
const HOLD_SECONDS_TOLERANCE = 0.5;
const tracking = { aspectRatio: defaultFigureCamera.aspectRatio };

const timelineOf = (rule: CoachRule) =>
  exerciseTimeline(getExercise(rule.exerciseId).animation, CYCLES);
const startPose = (rule: CoachRule) =>
  (getExercise(rule.exerciseId).animation.keyframes[0] as { pose: Pose }).pose;

const leftSide: BlazePoseLandmark[] = [
  'leftShoulder',
  'leftElbow',
  'leftWrist',
  'leftPinky',
  'leftIndex',
  'leftThumb',
  'leftHip',
  'leftKnee',
  'leftAnkle',
  'leftHeel',
  'leftFootIndex',
];
const everything: BlazePoseLandmark[] = [
  ...leftSide,
  'nose',
  'leftEar',
  'rightEar',
  'rightShoulder',
  'rightHip',
  'rightKnee',
  'rightAnkle',
];

/** The time the noise-free animation spends within the hold tolerance, per hold. */
function expectedHoldSeconds(rule: CoachRule, timeline: Timeline): number {
  const step = 1 / 200;
  const tolerance = rule.hold?.toleranceDegrees.value ?? 0;
  let held = 0;
  for (let time = 0; time < timeline.seconds; time += step) {
    const degrees = measurePose(timeline.poseAt(time), rule.view, rule.tracked.measure);
    if (degrees !== undefined && Math.abs(degrees - rule.range.targetDegrees) <= tolerance) {
      held += step;
    }
  }
  return held / CYCLES;
}

describe.each(coachRules.map((rule) => [rule.exerciseId, rule] as const))(
  'coach session: %s',
  (_id, rule) => {
    const timeline = timelineOf(rule);

    it('counts every repetition of a clean sequence and gives no cue', () => {
      const result = analyseSet(rule, synthesiseFrames(timeline, { view: rule.view }), tracking);
      expect(result.reps).toBe(CYCLES);
      expect(result.formWarnings).toEqual([]);
      expect(result.frames.skipped).toBe(0);
    });

    it('counts exactly with noise and dropped frames', () => {
      const frames = synthesiseFrames(timeline, {
        view: rule.view,
        noise: NOISE,
        dropProbability: 0.1,
        random: seededRandom(11),
      });
      const result = analyseSet(rule, frames, tracking);
      expect(result.reps).toBe(CYCLES);
      expect(result.formWarnings).toEqual([]);
    });

    it('counts exactly with landmarks hidden for a while and the far side out of sight', () => {
      const exercise = getExercise(rule.exerciseId);
      const cycle = exercise.animation.cycleSeconds;
      const hidden = [
        // Everything the angles need, hidden for 0.2 s early in each cycle: those frames are skipped.
        ...Array.from({ length: CYCLES }, (_, index) => ({
          landmarks: everything,
          fromSeconds: 1 + index * cycle + 0.1,
          toSeconds: 1 + index * cycle + 0.3,
        })),
        // In a side view the far side is often unseen; the bird dog reaches with that arm.
        ...(rule.view === 'side' && rule.exerciseId !== 'bird-dog'
          ? [{ landmarks: leftSide, fromSeconds: 0, toSeconds: timeline.seconds, visibility: 0.2 }]
          : []),
      ];
      const frames = synthesiseFrames(timeline, {
        view: rule.view,
        noise: NOISE / 2,
        hidden,
        random: seededRandom(12),
      });
      const result = analyseSet(rule, frames, tracking);
      expect(result.reps).toBe(CYCLES);
      expect(result.frames.skipped).toBeGreaterThan(0);
      expect(result.formWarnings).toEqual([]);
    });

    it('counts the same for a person facing the other way', () => {
      const frames = synthesiseFrames(timeline, {
        view: rule.view,
        noise: NOISE,
        random: seededRandom(13),
        camera: { ...defaultFigureCamera, mirror: true },
      });
      expect(analyseSet(rule, frames, tracking).reps).toBe(CYCLES);
    });

    it('counts nothing from 30 s of standing still in the start position', () => {
      const frames = synthesiseFrames(stillTimeline(startPose(rule), 30), {
        view: rule.view,
        noise: NOISE,
        random: seededRandom(14),
      });
      const result = analyseSet(rule, frames, tracking);
      expect(result).toMatchObject({ reps: 0, holdSeconds: 0, formWarnings: [] });
    });

    it('counts nothing from 30 s of swaying by ±5° around the start position', () => {
      const frames = synthesiseFrames(jitterTimeline(startPose(rule), 30, 5, seededRandom(15)), {
        view: rule.view,
        noise: NOISE,
        random: seededRandom(16),
      });
      const result = analyseSet(rule, frames, tracking);
      expect(result).toMatchObject({ reps: 0, holdSeconds: 0, formWarnings: [] });
    });

    if (rule.kind === 'hold') {
      it(`times each hold within ${HOLD_SECONDS_TOLERANCE} s`, () => {
        const expected = expectedHoldSeconds(rule, timeline);
        const frames = synthesiseFrames(timeline, {
          view: rule.view,
          noise: NOISE,
          random: seededRandom(17),
        });
        const result = analyseSet(rule, frames, tracking);
        expect(result.holds).toHaveLength(CYCLES);
        for (const held of result.holds) {
          expect(Math.abs(held - expected)).toBeLessThanOrEqual(HOLD_SECONDS_TOLERANCE);
        }
        expect(Math.abs(result.holdSeconds - expected * CYCLES)).toBeLessThanOrEqual(
          HOLD_SECONDS_TOLERANCE * CYCLES,
        );
      });
    }
  },
);

describe('coach session', () => {
  const plank = getCoachRule('plank') as CoachRule;
  const plankPose = (getExercise('plank').animation.keyframes[1] as { pose: Pose }).pose;
  const restPose = (getExercise('plank').animation.keyframes[0] as { pose: Pose }).pose;
  /** A plank with the hips dropped by `sag` degrees, shoulders and feet where they were. */
  const sagging = (sag: number): Pose => {
    const shoulderHeight = plankPose.hip.y + 0.3 * Math.sin((plankPose.lowerTrunk * Math.PI) / 180);
    const trunk = plankPose.lowerTrunk + sag / 2;
    const legs = { thigh: plankPose.left.thigh - sag / 2, shin: plankPose.left.shin - sag / 2 };
    return {
      ...plankPose,
      hip: { x: 0, y: shoulderHeight - 0.3 * Math.sin((trunk * Math.PI) / 180) },
      lowerTrunk: trunk,
      upperTrunk: trunk,
      left: { ...plankPose.left, ...legs },
      right: { ...plankPose.right, ...legs },
    };
  };
  /** Rest 1 s, lift over 2 s, hold the plank 3 s, then `then` for 6 s, lower over 2 s, rest 1 s. */
  const plankTimeline = (then: Pose): Timeline => ({
    seconds: 15,
    poseAt: (time) => {
      const ease = (t: number) => (1 - Math.cos(Math.min(1, Math.max(0, t)) * Math.PI)) / 2;
      if (time < 1) return restPose;
      if (time < 3) return mixPoses(restPose, plankPose, ease((time - 1) / 2));
      if (time < 6) return plankPose;
      if (time < 6.5) return mixPoses(plankPose, then, ease((time - 6) / 0.5));
      if (time < 12) return then;
      if (time < 14) return mixPoses(then, restPose, ease((time - 12) / 2));
      return restPose;
    },
  });

  it('cues lifting the hips on a sagging plank, once, and pauses the hold timer', () => {
    expect(measurePose(sagging(12), 'side', 'bodyLineSag')).toBeCloseTo(12, 0);
    const frames = synthesiseFrames(plankTimeline(sagging(12)), {
      view: 'side',
      noise: NOISE,
      random: seededRandom(21),
    });
    const session = new CoachSession(plank, tracking);
    const cues = frames.flatMap((frame) => session.push(frame).cues);
    const result = session.result();
    expect(cues).toEqual([
      'Lift your hips a little, so your shoulders, hips and heels make one straight line.',
    ]);
    expect(result.formWarnings).toEqual([{ id: 'hips-sagging', cue: cues[0], count: 1 }]);
    // The sagging 5.5 s are not held time.
    expect(result.holdSeconds).toBeLessThan(6);
  });

  it('gives no cue on a good plank, and times it', () => {
    const frames = synthesiseFrames(plankTimeline(plankPose), {
      view: 'side',
      noise: NOISE,
      random: seededRandom(22),
    });
    const result = analyseSet(plank, frames, tracking);
    expect(result.formWarnings).toEqual([]);
    expect(result.reps).toBe(1);
    expect(result.holdSeconds).toBeGreaterThan(9);
  });

  it('cues standing up fully when a sit-to-stand stops short at every repetition', () => {
    const rule = getCoachRule('sit-to-stand') as CoachRule;
    const keyframes = getExercise('sit-to-stand').animation.keyframes;
    const seated = (keyframes[0] as { pose: Pose }).pose;
    const risen = (keyframes[2] as { pose: Pose }).pose;
    // Up far enough to count (past 65 % of the knee's range) but well short of straight.
    const partly = mixPoses(seated, risen, 0.8);
    const knee = measurePose(partly, 'side', 'knee') as number;
    expect(knee).toBeGreaterThan(rule.thresholds.enterDegrees);
    expect(knee).toBeLessThan(rule.formChecks[0]?.limitDegrees ?? 0);
    const animation = {
      view: 'side' as const,
      cycleSeconds: 4,
      keyframes: [
        { at: 0, pose: seated },
        { at: 2, pose: partly },
      ],
    };
    const frames = synthesiseFrames(exerciseTimeline(animation, 4), {
      view: 'side',
      noise: NOISE,
      random: seededRandom(23),
    });
    const result = analyseSet(rule, frames, tracking);
    expect(result.reps).toBe(4);
    expect(result.formWarnings.find((warning) => warning.id === 'knees-not-straight')?.count).toBe(
      4,
    );
  });

  it('cues soft knees when a hip hinge turns into a squat', () => {
    const rule = getCoachRule('hip-hinge') as CoachRule;
    const keyframes = getExercise('hip-hinge').animation.keyframes;
    const start = (keyframes[0] as { pose: Pose }).pose;
    const hinged = (keyframes[1] as { pose: Pose }).pose;
    const squat: Pose = {
      ...hinged,
      hip: { x: -0.05, y: 0.38 },
      left: { ...hinged.left, thigh: 320, shin: 250 },
      right: { ...hinged.right, thigh: 320, shin: 250 },
    };
    expect(measurePose(squat, 'side', 'knee')).toBeLessThan(rule.formChecks[0]?.limitDegrees ?? 0);
    const animation = {
      view: 'side' as const,
      cycleSeconds: 5,
      keyframes: [
        { at: 0, pose: start },
        { at: 1.5, pose: squat },
        { at: 3, pose: squat },
      ],
    };
    const frames = synthesiseFrames(exerciseTimeline(animation, 2), {
      view: 'side',
      noise: NOISE,
      random: seededRandom(24),
    });
    const result = analyseSet(rule, frames, tracking);
    expect(result.reps).toBe(2);
    expect(result.formWarnings).toEqual([
      { id: 'knees-bending-too-much', cue: rule.formChecks[0]?.cue, count: 2 },
    ]);
  });

  it('reports the range of the tracked angle and counts from world landmarks too', () => {
    const rule = getCoachRule('sit-to-stand') as CoachRule;
    const frames = synthesiseFrames(timelineOf(rule), {
      view: 'side',
      noise: NOISE / 2,
      random: seededRandom(25),
    });
    const image = analyseSet(rule, frames, tracking);
    expect(image.rangeDegrees?.min).toBeCloseTo(rule.keyframes.start.degrees - 2, -1);
    expect(Math.abs((image.rangeDegrees?.max ?? 0) - rule.keyframes.target.degrees)).toBeLessThan(
      3,
    );
    const world = analyseSet(rule, frames, { ...tracking, source: 'world' });
    expect(world.reps).toBe(CYCLES);
  });

  it('skips repeated and out-of-order frames and frames without the landmarks it needs', () => {
    const rule = getCoachRule('glute-bridge') as CoachRule;
    const frames = synthesiseFrames(stillTimeline(startPose(rule), 1), { view: 'side' });
    const session = new CoachSession(rule, tracking);
    const first = frames[0];
    const second = frames[1];
    if (first === undefined || second === undefined) throw new Error('no frames');
    expect(session.push(first).used).toBe(true);
    expect(session.push(first).used).toBe(false);
    expect(session.push(second).used).toBe(true);
    const hidden = {
      ...frames[2],
      timestampMs: second.timestampMs + 33,
      landmarks: second.landmarks.map((point) => ({ ...point, visibility: 0 })),
    };
    expect(session.push(hidden).used).toBe(false);
    expect(session.result().frames).toEqual({ used: 2, skipped: 2 });
  });

  it('gives a result ready for the session log', () => {
    const rule = getCoachRule('bird-dog') as CoachRule;
    const result = analyseSet(rule, synthesiseFrames(timelineOf(rule), { view: 'side' }), tracking);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result).toMatchObject({ exerciseId: 'bird-dog', reps: CYCLES });
    expect(result.holds).toHaveLength(CYCLES);
  });
});
