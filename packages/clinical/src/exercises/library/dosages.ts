/**
 * Dosage presets shared by exercises in several library files, so a default is written once.
 * Every number is a REFERENCE §5 **default**. Exercises vary a preset with a spread
 * (`{ ...mobilityReps, secondsPerRep: 5 }`), which keeps the difference visible.
 */
import type { Dosage } from '../exercise.js';

/** Mobility: 8–10 slow repetitions, daily. [S-MCGILL] */
export const mobilityReps: Dosage = {
  kind: 'reps',
  default: { sets: 1, reps: 8, perDay: 1, daysPerWeek: 7 },
  bounds: {
    sets: { min: 1, max: 3, step: 1 },
    reps: { min: 6, max: 10, step: 2 },
    perDay: { min: 1, max: 3 },
    daysPerWeek: { min: 3, max: 7 },
  },
  progressionOrder: ['reps', 'sets'],
  secondsPerRep: 6,
  restSeconds: 30,
  rationale: 'Mobility: 8–10 slow repetitions, daily (default).',
  sources: ['S-MCGILL'],
};

/**
 * Stretches held 20–30 s, 2–3 times, daily. One repetition is one hold; exercises done on each
 * side override `secondsPerRep` to count both sides. [S-MCGILL]
 */
export const stretchHolds: Dosage = {
  kind: 'hold',
  default: { sets: 1, reps: 2, holdSeconds: 20, perDay: 1, daysPerWeek: 7 },
  bounds: {
    sets: { min: 1, max: 2, step: 1 },
    reps: { min: 2, max: 3, step: 1 },
    holdSeconds: { min: 20, max: 30, step: 5 },
    perDay: { min: 1, max: 3 },
    daysPerWeek: { min: 3, max: 7 },
  },
  progressionOrder: ['holdSeconds', 'reps'],
  secondsPerRep: 30,
  restSeconds: 15,
  rationale: 'Stretches: holds of 20–30 s, repeated 2–3 times, daily (default).',
  sources: ['S-MCGILL'],
};
