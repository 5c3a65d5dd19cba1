export * from './poses.js';
export * from './skeleton.js';
