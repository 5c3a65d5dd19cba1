/**
 * Motion analysis for the camera coach: landmarks in, repetitions, hold time, form cues and
 * range of motion out. Pure TypeScript — no camera, no model, no clock.
 */
export * from './landmarks.js';
export * from './one-euro.js';
export * from './smoothing.js';
export {
  bodyFromImage,
  bodyFromWorld,
  bodyJoints,
  jointAngle,
  type Body,
  type BodyJoint,
  type Vec3,
} from './body.js';
export * from './measures.js';
export * from './figure-landmarks.js';
export * from './rules.js';
export * from './coached-exercises.js';
export * from './rep-counter.js';
export * from './hold-timer.js';
export * from './form-checker.js';
export * from './tracking.js';
export * from './session.js';
export * from './calibration.js';
export * from './range-of-motion.js';
export * from './synthetic.js';
