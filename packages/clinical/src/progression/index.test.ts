import { describe, expect, it } from 'vitest';
import * as progression from './index.js';

describe('progression public API', () => {
  it('exports the decision, the log parser, the thresholds and the symptom map', () => {
    expect(typeof progression.decideProgression).toBe('function');
    expect(typeof progression.parseLogs).toBe('function');
    expect(typeof progression.parseHistory).toBe('function');
    expect(typeof progression.resolveThresholds).toBe('function');
    expect(progression.defaultThresholds.windowDays).toBe(7);
    expect(progression.logSymptomRules.bladderBowelSaddle.severity).toBe('emergency');
    expect(progression.libraryLookup('no-such-exercise')).toBeUndefined();
  });
});
