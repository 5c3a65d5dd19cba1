/**
 * @spinewise/clinical — the pure clinical core: outcome instruments, red-flag screening,
 * stratification and classification, the exercise library, programme generation and
 * progression. No I/O, no clock, no randomness.
 */
export * from './input-error.js';
export * from './region.js';
export * from './instruments/index.js';
export * from './screening/index.js';
export * from './classification/index.js';
export * from './education/index.js';
export * from './exercises/index.js';
export * from './programmes/index.js';
export * from './progression/index.js';
export * from './safety/index.js';
export * from './skeleton/index.js';
export * from './motion/index.js';
export * from './dates.js';
export * from './sources.js';
export * from './guidelines/not-offered.js';
