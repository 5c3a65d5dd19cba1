/**
 * @spinewise/clinical — the pure clinical core: outcome instruments, red-flag screening,
 * stratification and classification. No I/O, no clock, no randomness.
 */
export * from './input-error.js';
export * from './region.js';
export * from './instruments/index.js';
export * from './screening/index.js';
export * from './classification/index.js';
export * from './education/index.js';
export * from './guidelines/not-offered.js';
