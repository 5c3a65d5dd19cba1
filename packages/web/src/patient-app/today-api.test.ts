import { describe, expect, it } from 'vitest';
import { doseInWords, type TodayExercise } from './today-api.js';

const base: TodayExercise = {
  id: 'x',
  name: 'Bird dog',
  chain: 'c',
  level: 1,
  kind: 'reps',
  sets: 2,
  perDay: 1,
  daysPerWeek: 7,
  boutMinutes: 5,
  dailyMinutes: 5,
  cautions: [],
  guide: null,
};

describe('doseInWords', () => {
  it('says sets, repetitions, holds and how often a day in plain words', () => {
    expect(doseInWords({ ...base, reps: 10, holdSeconds: 5, perDay: 2 })).toBe(
      '2 sets of 10 repetitions, holding each for 5 seconds, twice a day',
    );
    expect(doseInWords({ ...base, sets: 1, reps: 1 })).toBe('1 set of 1 repetition, once a day');
    expect(doseInWords({ ...base, repsPerSet: [6, 4], perDay: 3 })).toBe(
      '2 sets: 6 then 4 repetitions, 3 times a day',
    );
    expect(doseInWords({ ...base, minutes: 10 })).toBe('10 minutes, once a day');
  });
});
