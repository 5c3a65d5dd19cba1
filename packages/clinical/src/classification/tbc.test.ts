import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import type { Assessment } from './assessment.js';
import { classifyTbc, defaultTbcThresholds, resolveTbcThresholds } from './tbc.js';

const withOdi = (odi: number, extra: Partial<Assessment> = {}): Assessment => ({
  region: 'lumbar',
  scores: { odi },
  ...extra,
});

describe('classifyTbc', () => {
  it.each([
    [100, 'symptomModulation'],
    [40.1, 'symptomModulation'],
    [40, 'movementControl'],
    [20.1, 'movementControl'],
    [20, 'functionOptimisation'],
    [0, 'functionOptimisation'],
  ] as const)('ODI %d %% → %s', (odi, category) => {
    expect(classifyTbc(withOdi(odi)).result.category).toBe(category);
  });

  it('gives the treatment focus and says the split is a default', () => {
    const result = classifyTbc(withOdi(50));
    expect(result.result.treatment).toEqual([
      'Exercise in the direction that eases symptoms',
      'Spinal mobilisation or manipulation',
    ]);
    expect(result.result.thresholds).toEqual({ ...defaultTbcThresholds, isDefault: true });
    expect(result.met).toEqual(['odiAboveSymptomModulation', 'odiAboveFunctionOptimisation']);
    expect(result.summary).toMatch(/^ODI 50 %: symptom modulation/);
    expect(result.summary).toContain('default ODI bands');
    expect(result.caveat).toMatch(/default convention, not evidence/);
    expect(result.sources).toEqual(['S-TBC']);
    expect(classifyTbc(withOdi(30)).result.treatment).toEqual(['Motor control exercise']);
    expect(classifyTbc(withOdi(10)).result.treatment).toContain('Return to full activity');
  });

  it('uses clinic thresholds and says so', () => {
    const thresholds = { symptomModulationAbove: 50, functionOptimisationAtOrBelow: 10 };
    const result = classifyTbc(withOdi(45), thresholds);
    expect(result.result.category).toBe('movementControl');
    expect(result.result.thresholds.isDefault).toBe(false);
    expect(result.summary).toContain("the clinic's ODI bands: above 50 %");
    expect(result.caveat).toMatch(/a clinic setting/);
    expect(classifyTbc(withOdi(10), thresholds).result.category).toBe('functionOptimisation');
    expect(
      classifyTbc(withOdi(45), { ...defaultTbcThresholds, symptomModulationAbove: 50 }).result
        .thresholds.isDefault,
    ).toBe(false);
  });

  it('notes acuity for the clinician without changing the category', () => {
    const recent = classifyTbc(withOdi(30, { symptomDurationDays: 10, recurrentEpisode: true }));
    expect(recent.result.category).toBe('movementControl');
    expect(recent.summary).toContain('Weigh acuity (symptoms for 10 days, a recurrent episode)');
    const durationOnly = classifyTbc(
      withOdi(30, { symptomDurationDays: 200, recurrentEpisode: false }),
    );
    expect(durationOnly.summary).toContain('Weigh acuity (symptoms for 200 days)');
    expect(classifyTbc(withOdi(30, { recurrentEpisode: true })).summary).toContain(
      'Weigh acuity (a recurrent episode)',
    );
    expect(classifyTbc(withOdi(30, { recurrentEpisode: false })).summary).not.toContain('acuity');
  });

  it('is indeterminate without an ODI', () => {
    const result = classifyTbc({ region: 'lumbar', recurrentEpisode: true });
    expect(result.applicable).toBe(true);
    expect(result.result.category).toBeNull();
    expect(result.result.treatment).toEqual([]);
    expect(result.unknown).toEqual(['odiAboveSymptomModulation', 'odiAboveFunctionOptimisation']);
    expect(result.summary).toMatch(/^Category unknown: record the ODI/);
    expect(result.summary).toContain('Weigh acuity');
  });

  it('does not apply to neck pain', () => {
    const result = classifyTbc({ region: 'cervical', scores: { odi: 50 } });
    expect(result.applicable).toBe(false);
    expect(result.result.category).toBeNull();
    expect(result.summary).toMatch(/^Not applied/);
  });
});

describe('resolveTbcThresholds', () => {
  it('defaults and merges', () => {
    expect(resolveTbcThresholds(undefined)).toEqual(defaultTbcThresholds);
    expect(resolveTbcThresholds({})).toEqual(defaultTbcThresholds);
    expect(resolveTbcThresholds({ symptomModulationAbove: undefined })).toEqual(
      defaultTbcThresholds,
    );
    expect(resolveTbcThresholds({ symptomModulationAbove: 60 })).toEqual({
      symptomModulationAbove: 60,
      functionOptimisationAtOrBelow: 20,
    });
  });

  it.each([
    ['not an object', 40, ['options', 'tbc']],
    ['an unknown key', { movementControlAbove: 20 }, ['options', 'tbc', 'movementControlAbove']],
    ['text', { symptomModulationAbove: '40' }, ['options', 'tbc', 'symptomModulationAbove']],
    ['above 100', { symptomModulationAbove: 101 }, ['options', 'tbc', 'symptomModulationAbove']],
    [
      'below 0',
      { functionOptimisationAtOrBelow: -1 },
      ['options', 'tbc', 'functionOptimisationAtOrBelow'],
    ],
    [
      'NaN',
      { functionOptimisationAtOrBelow: Number.NaN },
      ['options', 'tbc', 'functionOptimisationAtOrBelow'],
    ],
    [
      'bands that meet',
      { functionOptimisationAtOrBelow: 40 },
      ['options', 'tbc', 'functionOptimisationAtOrBelow'],
    ],
    [
      'bands that cross',
      { symptomModulationAbove: 10 },
      ['options', 'tbc', 'functionOptimisationAtOrBelow'],
    ],
  ])('rejects %s, naming the path', (_name, options, path) => {
    expect(() => resolveTbcThresholds(options)).toThrow(ClinicalInputError);
    try {
      resolveTbcThresholds(options);
    } catch (error) {
      expect((error as ClinicalInputError).path).toEqual(path);
    }
  });
});
