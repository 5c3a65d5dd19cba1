import { describe, expect, it } from 'vitest';
import {
  boutSeconds,
  dailyMinutes,
  isWithinBounds,
  minimalDose,
  repsPerSet,
  stepDown,
  stepUp,
} from './dosing.js';
import { fakeExercise } from './exercise.fixture.js';

const exercise = fakeExercise();

describe('stepUp and stepDown [S-ACSM]', () => {
  it('raises the first variable in the progression order by one step', () => {
    expect(stepUp(exercise, { sets: 1, reps: 8, perDay: 1, daysPerWeek: 7 })).toEqual({
      dose: { sets: 1, reps: 10, perDay: 1, daysPerWeek: 7 },
      step: { variable: 'reps', from: 8, to: 10 },
    });
  });

  it('moves to sets when reps are at their maximum, and stops at the top', () => {
    expect(stepUp(exercise, { sets: 1, reps: 12, perDay: 1, daysPerWeek: 7 })?.step).toEqual({
      variable: 'sets',
      from: 1,
      to: 2,
    });
    expect(stepUp(exercise, { sets: 3, reps: 12, perDay: 1, daysPerWeek: 7 })).toBeNull();
  });

  it('caps a step at the maximum', () => {
    expect(stepUp(exercise, { sets: 1, reps: 11, perDay: 1, daysPerWeek: 7 })?.step).toEqual({
      variable: 'reps',
      from: 11,
      to: 12,
    });
  });

  it('lowers the last variable that can fall, and stops at the bottom', () => {
    expect(stepDown(exercise, { sets: 2, reps: 8, perDay: 1, daysPerWeek: 7 })?.step).toEqual({
      variable: 'sets',
      from: 2,
      to: 1,
    });
    expect(stepDown(exercise, { sets: 1, reps: 8, perDay: 1, daysPerWeek: 7 })?.step).toEqual({
      variable: 'reps',
      from: 8,
      to: 6,
    });
    expect(stepDown(exercise, { sets: 1, reps: 6, perDay: 1, daysPerWeek: 7 })).toBeNull();
  });

  it('skips variables the dose does not carry', () => {
    const hold = fakeExercise({
      dosage: {
        ...exercise.dosage,
        kind: 'hold',
        bounds: { ...exercise.dosage.bounds, holdSeconds: { min: 20, max: 30, step: 5 } },
        progressionOrder: ['holdSeconds', 'sets'],
      },
    });
    expect(stepUp(hold, { sets: 1, perDay: 1, daysPerWeek: 7 })?.step.variable).toBe('sets');
  });
});

describe('bounds, minimal dose and time', () => {
  it('checks every variable against its bounds', () => {
    expect(isWithinBounds(exercise, exercise.dosage.default)).toBe(true);
    expect(isWithinBounds(exercise, { sets: 4, reps: 8, perDay: 1, daysPerWeek: 7 })).toBe(false);
    expect(isWithinBounds(exercise, { sets: 1, reps: 14, perDay: 1, daysPerWeek: 7 })).toBe(false);
    expect(isWithinBounds(exercise, { sets: 1, reps: 8, perDay: 4, daysPerWeek: 7 })).toBe(false);
    expect(
      isWithinBounds(exercise, { sets: 1, reps: 8, holdSeconds: 10, perDay: 1, daysPerWeek: 7 }),
    ).toBe(false);
    expect(
      isWithinBounds(exercise, { sets: 1, reps: 8, minutes: 10, perDay: 1, daysPerWeek: 7 }),
    ).toBe(false);
  });

  it('takes every variable to its minimum', () => {
    expect(minimalDose(exercise)).toEqual({ sets: 1, reps: 6, perDay: 1, daysPerWeek: 7 });
  });

  it('times reps, holds and durations, with rests between sets', () => {
    expect(boutSeconds(exercise, { sets: 2, reps: 8, perDay: 1, daysPerWeek: 7 })).toBe(
      2 * 8 * 5 + 30,
    );
    const hold = fakeExercise({
      dosage: { ...exercise.dosage, kind: 'hold', pyramid: { step: 2 } },
    });
    expect(
      repsPerSet(hold, { sets: 3, reps: 6, holdSeconds: 10, perDay: 1, daysPerWeek: 7 }),
    ).toEqual([6, 4, 2]);
    expect(
      repsPerSet(hold, { sets: 3, reps: 2, holdSeconds: 10, perDay: 1, daysPerWeek: 7 }),
    ).toEqual([2, 1, 1]);
    expect(
      boutSeconds(hold, { sets: 3, reps: 6, holdSeconds: 10, perDay: 1, daysPerWeek: 7 }),
    ).toBe(12 * 15 + 60);
    const walk = fakeExercise({ dosage: { ...exercise.dosage, kind: 'duration' } });
    expect(boutSeconds(walk, { sets: 1, minutes: 10, perDay: 1, daysPerWeek: 7 })).toBe(600);
    expect(dailyMinutes(walk, { sets: 1, minutes: 10, perDay: 2, daysPerWeek: 7 })).toBe(20);
  });
});
