import { describe, expect, it } from 'vitest';
import { crookLying } from '../skeleton/poses.js';
import { exerciseLibrary, getExercise } from '../exercises/library/index.js';
import { coachRules, coachSpecs, getCoachRule } from './coached-exercises.js';
import { deriveCoachRule, type RuleSetting } from './rules.js';

/** The exercises issue 7 names, and the library's staples that a camera can see. */
const mustCoach = [
  'plank',
  'side-plank',
  'bird-dog',
  'cat-cow',
  'glute-bridge',
  'sit-to-stand',
  'hip-hinge',
  'curl-up',
  'prone-press-up',
  'forward-fold',
];

const settingsOf = (value: unknown): RuleSetting[] => {
  if (typeof value !== 'object' || value === null) return [];
  if ('isDefault' in value && 'basis' in value && 'value' in value) return [value as RuleSetting];
  return Object.values(value).flatMap(settingsOf);
};

describe('coached exercises', () => {
  it('coaches at least 8 exercises, including the ones a camera can see', () => {
    expect(coachRules.length).toBeGreaterThanOrEqual(8);
    const ids = coachRules.map((rule) => rule.exerciseId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of mustCoach) expect(ids).toContain(id);
  });

  it('round-trips through JSON unchanged: the rules are plain data', () => {
    expect(JSON.parse(JSON.stringify(coachRules))).toEqual(coachRules);
  });

  it.each(coachRules.map((rule) => [rule.exerciseId, rule] as const))(
    '%s: derived from the exercise, thresholds inside its keyframe range',
    (id, rule) => {
      const exercise = getExercise(id);
      expect(rule.view).toBe(exercise.animation.view);
      expect(rule.kind).toBe(exercise.dosage.kind);
      expect(rule.dose.sets).toBe(exercise.dosage.default.sets);
      const { start, target } = rule.keyframes;
      expect(Math.abs(target.degrees - start.degrees)).toBeGreaterThanOrEqual(5);
      expect(rule.range).toEqual({
        startDegrees: start.degrees,
        targetDegrees: target.degrees,
        calibrated: false,
      });
      // Hysteresis: exit nearer the start than enter, both strictly between start and target.
      const toward = (degrees: number) =>
        (degrees - start.degrees) / (target.degrees - start.degrees);
      expect(toward(rule.thresholds.exitDegrees)).toBeGreaterThan(0);
      expect(toward(rule.thresholds.exitDegrees)).toBeLessThan(
        toward(rule.thresholds.enterDegrees),
      );
      expect(toward(rule.thresholds.enterDegrees)).toBeLessThan(1);
      expect(rule.minRepSeconds.value).toBeGreaterThan(0);
      expect(rule.minRangeDegrees.value).toBeGreaterThan(0);
      if (rule.kind === 'hold') {
        expect(rule.hold?.targetSeconds).toBe(exercise.dosage.default.holdSeconds);
        expect(rule.hold?.toleranceDegrees.value).toBeGreaterThan(0);
      } else {
        expect(rule.hold).toBeUndefined();
        expect(rule.dose.reps).toBe(exercise.dosage.default.reps);
      }
      expect(rule.limits.length).toBeGreaterThan(40);
      expect(rule.sources).toEqual(exercise.sources);
    },
  );

  it('labels every tolerance of ours as a default, with its reason', () => {
    for (const rule of coachRules) {
      const settings = settingsOf(rule);
      expect(settings.length).toBeGreaterThanOrEqual(6);
      for (const setting of settings) {
        expect(setting.isDefault).toBe(true);
        expect(setting.basis.length).toBeGreaterThan(20);
      }
    }
  });

  it('writes form checks with a plain cue, measured from a keyframe', () => {
    for (const rule of coachRules) {
      const ids = rule.formChecks.map((check) => check.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const check of rule.formChecks) {
        expect(check.cue).toMatch(/^[A-Z][^]{10,120}\.$/);
        const room = check.limitDegrees - check.reference.degrees;
        expect(Math.abs(Math.abs(room) - check.tolerance.value)).toBeLessThan(0.11);
        // The limit allows the keyframe itself.
        if (check.test === 'stayAtLeast' || check.test === 'reachAtLeast')
          expect(room).toBeLessThan(0);
        else expect(room).toBeGreaterThan(0);
      }
    }
  });

  it('checks the form the issue asks for', () => {
    const measures = (id: string) =>
      getCoachRule(id)?.formChecks.map((check) => check.measure) ?? [];
    expect(measures('plank')).toContain('bodyLineSag');
    expect(measures('side-plank')).toContain('bodyLineSag');
    expect(measures('bird-dog')).toEqual(
      expect.arrayContaining(['trunkFromVertical', 'maxShoulder']),
    );
    expect(getCoachRule('cat-cow')?.tracked.measure).toBe('neckFlexion');
    expect(measures('glute-bridge')).toContain('thighLineSag');
    expect(measures('sit-to-stand')).toEqual(expect.arrayContaining(['knee', 'hip']));
    expect(measures('hip-hinge')).toContain('knee');
    expect(getCoachRule('curl-up')?.formChecks[0]?.test).toBe('stayAtMost');
  });

  it('has no rule for an exercise it does not coach', () => {
    expect(getCoachRule('diaphragmatic-breathing')).toBeUndefined();
    expect(getCoachRule('nope')).toBeUndefined();
    expect(
      coachSpecs.every((spec) => exerciseLibrary.some((each) => each.id === spec.exerciseId)),
    ).toBe(true);
  });

  it('refuses to derive a rule from a missing keyframe or a duration exercise', () => {
    const spec = coachSpecs[0];
    if (spec === undefined) throw new Error('no specs');
    expect(() => deriveCoachRule(getExercise('plank'), { ...spec, target: 'nope' })).toThrow(
      /no keyframe/,
    );
    expect(() => deriveCoachRule(getExercise('graded-walking'), spec)).toThrow(/duration/);
    const flat = getExercise('plank');
    expect(() =>
      deriveCoachRule(
        {
          ...flat,
          animation: {
            ...flat.animation,
            keyframes: [
              { at: 0, pose: crookLying, label: 'rest' },
              { at: 1, pose: crookLying, label: 'lift' },
            ],
          },
        },
        spec,
      ),
    ).toThrow(/does not move/);
  });
});
