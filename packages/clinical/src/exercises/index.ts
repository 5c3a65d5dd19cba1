export * from './dosing.js';
export * from './exercise.js';
export { exerciseLibrary, getExercise } from './library/index.js';
