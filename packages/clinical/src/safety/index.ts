export * from './exercise-safety.js';
export * from './override.js';
