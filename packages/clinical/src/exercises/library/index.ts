import { ClinicalInputError, describeValue } from '../../input-error.js';
import type { Exercise } from '../exercise.js';
import { aerobicExercises } from './aerobic.js';
import { coreExercises } from './core.js';
import { functionExercises } from './function.js';
import { mobilityExercises } from './mobility.js';
import { neckPostureExercises } from './neck-posture.js';
import { relaxationExercises } from './relaxation.js';

/** Every exercise Spinewise can prescribe, in the order the library lists them. */
export const exerciseLibrary: readonly Exercise[] = [
  ...mobilityExercises,
  ...coreExercises,
  ...functionExercises,
  ...neckPostureExercises,
  ...relaxationExercises,
  ...aerobicExercises,
];

const byId: ReadonlyMap<string, Exercise> = new Map(
  exerciseLibrary.map((exercise) => [exercise.id, exercise]),
);

/** One exercise by id; an unknown id is an input error naming `exercise`. */
export function getExercise(id: unknown): Exercise {
  const exercise = typeof id === 'string' ? byId.get(id) : undefined;
  if (exercise === undefined) {
    throw new ClinicalInputError(
      ['exercise'],
      `${describeValue(id)} is not an exercise in the library`,
    );
  }
  return exercise;
}
