export * from './dosing.js';
export type * from './exercise.js';
export { exerciseLibrary } from './library/index.js';
