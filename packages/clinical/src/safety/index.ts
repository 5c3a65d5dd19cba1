export * from './exercise-safety.js';
