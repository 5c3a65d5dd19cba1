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
