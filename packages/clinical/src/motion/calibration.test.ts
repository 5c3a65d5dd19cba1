import { describe, expect, it } from 'vitest';
import { getExercise } from '../exercises/library/index.js';
import { mixPoses, type Animation, type Pose } from '../skeleton/skeleton.js';
import { calibrateCoachRule } from './calibration.js';
import { getCoachRule } from './coached-exercises.js';
import { defaultFigureCamera } from './figure-landmarks.js';
import { measurePose, type CoachRule } from './rules.js';
import { analyseSet } from './session.js';
import { exerciseTimeline, seededRandom, stillTimeline, synthesiseFrames } from './synthetic.js';

const tracking = { aspectRatio: defaultFigureCamera.aspectRatio };
const NOISE = 0.003;
const sitToStand = getCoachRule('sit-to-stand') as CoachRule;
const keyframes = getExercise('sit-to-stand').animation.keyframes;
const seated = (keyframes[0] as { pose: Pose }).pose;
const risen = (keyframes[2] as { pose: Pose }).pose;

/** Repetitions from `from` to `to` and back, 4 s each. */
const reps = (from: Pose, to: Pose, count: number, seed: number) => {
  const animation: Animation = {
    view: 'side',
    cycleSeconds: 4,
    keyframes: [
      { at: 0, pose: from },
      { at: 1.5, pose: to },
      { at: 2.5, pose: to },
    ],
  };
  return synthesiseFrames(exerciseTimeline(animation, count, { before: 0.5, after: 0.5 }), {
    view: 'side',
    noise: NOISE,
    random: seededRandom(seed),
  });
};
const still = (pose: Pose, seed: number) =>
  synthesiseFrames(stillTimeline(pose, 3), {
    view: 'side',
    noise: NOISE,
    random: seededRandom(seed),
  });

describe('calibration', () => {
  // A patient who comfortably rises only part of the way: about 55 % of the keyframes' knee range.
  const partly = mixPoses(seated, risen, 0.55);
  const partlyKnee = measurePose(partly, 'side', 'knee') as number;

  it('narrows the thresholds to a smaller comfortable range, so those repetitions count', () => {
    const share = (partlyKnee - 90) / (164 - 90);
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.6);
    expect(analyseSet(sitToStand, reps(seated, partly, 4, 1), tracking).reps).toBe(0);

    const calibration = calibrateCoachRule(
      sitToStand,
      { startFrames: still(seated, 2), repFrames: reps(seated, partly, 1, 3) },
      tracking,
    );
    if (!calibration.ok) throw new Error(calibration.reason);
    const { rule } = calibration;
    expect(rule.range.calibrated).toBe(true);
    expect(Math.abs(rule.range.targetDegrees - partlyKnee)).toBeLessThan(2);
    expect(Math.abs(rule.range.startDegrees - 90)).toBeLessThan(2);
    expect(rule.thresholds.enterDegrees).toBeLessThan(sitToStand.thresholds.enterDegrees);
    expect(rule.minRangeDegrees.value).toBeLessThan(sitToStand.minRangeDegrees.value);
    // The form checks describe the exercise, not the patient: unchanged.
    expect(rule.formChecks).toEqual(sitToStand.formChecks);
    expect(analyseSet(rule, reps(seated, partly, 4, 4), tracking).reps).toBe(4);
  });

  it('widens a narrowed rule again, but never beyond the keyframes', () => {
    const narrowed = calibrateCoachRule(
      sitToStand,
      { startFrames: still(seated, 5), repFrames: reps(seated, partly, 1, 6) },
      tracking,
    );
    if (!narrowed.ok) throw new Error(narrowed.reason);
    // A full, even slightly over-straight, repetition: the range grows back to the keyframes'.
    const overStraight: Pose = {
      ...risen,
      left: { ...risen.left, shin: 268 },
      right: { ...risen.right, shin: 268 },
    };
    expect(measurePose(overStraight, 'side', 'knee')).toBeGreaterThan(164);
    const widened = calibrateCoachRule(
      narrowed.rule,
      { startFrames: still(seated, 7), repFrames: reps(seated, overStraight, 1, 8) },
      tracking,
    );
    if (!widened.ok) throw new Error(widened.reason);
    expect(widened.rule.range.targetDegrees).toBe(sitToStand.keyframes.target.degrees);
    expect(widened.rule.thresholds.enterDegrees).toBeGreaterThan(
      narrowed.rule.thresholds.enterDegrees,
    );
    expect(widened.rule.thresholds.enterDegrees).toBeLessThanOrEqual(
      sitToStand.thresholds.enterDegrees + 1,
    );
  });

  it("moves the start to the patient's own standing posture", () => {
    const hinge = getCoachRule('hip-hinge') as CoachRule;
    const hingeFrames = getExercise('hip-hinge').animation.keyframes;
    const upright = (hingeFrames[0] as { pose: Pose }).pose;
    const hinged = (hingeFrames[1] as { pose: Pose }).pose;
    // Standing with the hips a little bent (about 10°).
    const stooped = mixPoses(upright, hinged, 0.14);
    const stoopedHip = measurePose(stooped, 'side', 'hip') as number;
    const calibration = calibrateCoachRule(
      hinge,
      { startFrames: still(stooped, 9), repFrames: reps(stooped, hinged, 1, 10) },
      tracking,
    );
    if (!calibration.ok) throw new Error(calibration.reason);
    expect(Math.abs(calibration.startDegrees - stoopedHip)).toBeLessThan(2);
    expect(calibration.rule.thresholds.exitDegrees).toBeLessThan(hinge.thresholds.exitDegrees);
  });

  it('adapts the hold tolerance of a hold exercise to the patient’s range', () => {
    const plank = getCoachRule('plank') as CoachRule;
    const plankFrames = getExercise('plank').animation.keyframes;
    const rest = (plankFrames[0] as { pose: Pose }).pose;
    const lifted = (plankFrames[1] as { pose: Pose }).pose;
    const calibration = calibrateCoachRule(
      plank,
      { startFrames: still(rest, 11), repFrames: reps(rest, mixPoses(rest, lifted, 0.8), 1, 12) },
      tracking,
    );
    if (!calibration.ok) throw new Error(calibration.reason);
    expect(calibration.rule.hold?.toleranceDegrees.value).toBeLessThan(
      plank.hold?.toleranceDegrees.value ?? 0,
    );
    expect(calibration.rule.hold?.targetSeconds).toBe(plank.hold?.targetSeconds);
  });

  it('refuses a repetition that hardly moves, or too short a recording', () => {
    const tiny = calibrateCoachRule(
      sitToStand,
      {
        startFrames: still(seated, 13),
        repFrames: reps(seated, mixPoses(seated, risen, 0.15), 1, 14),
      },
      tracking,
    );
    expect(tiny.ok).toBe(false);
    expect(tiny.ok ? '' : tiny.reason).toMatch(/too little/);
    const short = calibrateCoachRule(
      sitToStand,
      { startFrames: still(seated, 15).slice(0, 5), repFrames: reps(seated, risen, 1, 16) },
      tracking,
    );
    expect(short.ok ? '' : short.reason).toMatch(/Too few frames/);
  });
});
