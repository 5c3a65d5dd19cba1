import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { isSourceId } from '../sources.js';
import {
  defaultThresholds,
  resolveThresholds,
  thresholdDefinitions,
  thresholdKeys,
} from './thresholds.js';

function errorOf(input: unknown): ClinicalInputError {
  try {
    resolveThresholds(input);
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('thresholds', () => {
  it('defaults follow REFERENCE §5 and the pain-monitoring model [S-PMM]', () => {
    expect(defaultThresholds).toMatchObject({
      safePainMax: 2,
      acceptablePainMax: 5,
      progressPainDuringMax: 3,
      adherenceForProgress: 0.8,
      windowDays: 7,
      lastSessionsForDifficulty: 2,
      nonAdherenceBelow: 0.5,
      painRiseMin: 1,
      rpeEasyMax: 4,
      rpeModerateMax: 6,
    });
  });

  it('every definition cites known sources, says whether it is a default, and lies in its bounds', () => {
    for (const key of thresholdKeys) {
      const definition = thresholdDefinitions[key];
      for (const id of definition.sources) expect(isSourceId(id), `${key}: ${id}`).toBe(true);
      expect(definition.note.length).toBeGreaterThan(0);
      expect(definition.default).toBeGreaterThanOrEqual(definition.min);
      expect(definition.default).toBeLessThanOrEqual(definition.max);
      if (definition.integer) expect(Number.isInteger(definition.default)).toBe(true);
    }
    // REFERENCE gives no non-adherence threshold: it must be marked a default.
    expect(thresholdDefinitions.nonAdherenceBelow.isDefault).toBe(true);
    expect(thresholdDefinitions.acceptablePainMax.isDefault).toBe(false);
  });

  it('undefined gives the defaults; overrides replace only their keys', () => {
    expect(resolveThresholds(undefined)).toBe(defaultThresholds);
    expect(resolveThresholds({})).toEqual(defaultThresholds);
    expect(resolveThresholds({ windowDays: 14, painRiseMin: undefined })).toEqual({
      ...defaultThresholds,
      windowDays: 14,
    });
  });

  it('rejects a non-object, unknown keys and out-of-range values with the key in the path', () => {
    expect(errorOf([]).path).toEqual(['options', 'thresholds']);
    expect(errorOf({ windowdays: 7 }).path).toEqual(['options', 'thresholds', 'windowdays']);
    expect(errorOf({ windowDays: 7.5 }).path).toEqual(['options', 'thresholds', 'windowDays']);
    expect(errorOf({ adherenceForProgress: 1.2 }).path).toEqual([
      'options',
      'thresholds',
      'adherenceForProgress',
    ]);
    expect(errorOf({ safePainMax: '2' }).detail).toContain('whole number from 0 to 10');
    expect(errorOf({ painRiseMin: Number.POSITIVE_INFINITY }).detail).toContain(
      'a number from 0.1',
    );
  });

  it('keeps the pain zones and RPE bands in order', () => {
    expect(errorOf({ safePainMax: 5 }).path).toEqual(['options', 'thresholds', 'safePainMax']);
    expect(errorOf({ acceptablePainMax: 2 }).path).toEqual([
      'options',
      'thresholds',
      'acceptablePainMax',
    ]);
    expect(errorOf({ progressPainDuringMax: 6 }).path).toEqual([
      'options',
      'thresholds',
      'progressPainDuringMax',
    ]);
    expect(errorOf({ rpeModerateMax: 4 }).detail).toBe(
      'rpeEasyMax (4) must be below rpeModerateMax (4)',
    );
    expect(resolveThresholds({ progressPainDuringMax: 5 }).progressPainDuringMax).toBe(5);
  });
});
