import { describe, expect, it } from 'vitest';
import type { Assessment } from './assessment.js';
import { applyManipulationRule } from './manipulation-rule.js';

/** All five met. */
const positive: Assessment = {
  region: 'lumbar',
  symptomDurationDays: 10,
  symptomsBelowKnee: false,
  scores: { fabqWork: 12 },
  examination: { hypomobileLumbarSegment: true, hipInternalRotationDegrees: 40 },
};

describe('applyManipulationRule', () => {
  it('is likely with all five met, giving both likelihood ratios', () => {
    const result = applyManipulationRule(positive);
    expect(result.result).toEqual({
      likely: true,
      metCount: 5,
      positiveLikelihoodRatio: 24.4,
      validationPositiveLikelihoodRatio: 13.2,
      twoItem: { likely: true, positiveLikelihoodRatio: 7.2 },
    });
    expect(result.met).toHaveLength(5);
    expect(result.summary).toMatch(/^5 of 5 criteria met: likely to benefit/);
    expect(result.summary).toContain(
      'Short form (under 16 days, nothing below the knee) positive, +LR 7.2',
    );
    expect(result.sources).toEqual(['S-CPR-M']);
  });

  it.each([
    ['duration', { ...positive, symptomDurationDays: 15 }, 'met'],
    ['duration', { ...positive, symptomDurationDays: 16 }, 'notMet'],
    ['FABQ-W', { ...positive, scores: { fabqWork: 18 } }, 'met'],
    ['FABQ-W', { ...positive, scores: { fabqWork: 19 } }, 'notMet'],
    [
      'hip IR',
      {
        ...positive,
        examination: { hypomobileLumbarSegment: true, hipInternalRotationDegrees: 36 },
      },
      'met',
    ],
    [
      'hip IR',
      {
        ...positive,
        examination: { hypomobileLumbarSegment: true, hipInternalRotationDegrees: 35 },
      },
      'notMet',
    ],
    ['knee', { ...positive, symptomsBelowKnee: true }, 'notMet'],
    [
      'hypomobility',
      {
        ...positive,
        examination: { hypomobileLumbarSegment: false, hipInternalRotationDegrees: 40 },
      },
      'notMet',
    ],
  ] satisfies [string, Assessment, string][])('%s boundary', (_name, assessment, status) => {
    const result = applyManipulationRule(assessment);
    // One criterion moves; 4 of 5 still predicts benefit.
    expect(result.result.metCount).toBe(status === 'met' ? 5 : 4);
    expect(result.result.likely).toBe(true);
  });

  it('is not likely with 3 of 5', () => {
    const result = applyManipulationRule({
      ...positive,
      scores: { fabqWork: 19 },
      examination: { hypomobileLumbarSegment: true, hipInternalRotationDegrees: 35 },
    });
    expect(result.result.likely).toBe(false);
    expect(result.result.metCount).toBe(3);
    expect(result.result.positiveLikelihoodRatio).toBeNull();
    expect(result.result.validationPositiveLikelihoodRatio).toBeNull();
    expect(result.notMet).toEqual(['fabqWorkUnder19', 'hipInternalRotationOver35']);
    expect(result.summary).toMatch(/^3 of 5 criteria met: below the 4 needed/);
  });

  it('runs the two-item form on its own', () => {
    const long = applyManipulationRule({ ...positive, symptomDurationDays: 16 });
    expect(long.result.twoItem).toEqual({ likely: false, positiveLikelihoodRatio: null });
    expect(long.summary).toContain('Short form (under 16 days, nothing below the knee) negative.');
    const leg = applyManipulationRule({ region: 'lumbar', symptomsBelowKnee: true });
    expect(leg.result.twoItem.likely).toBe(false);
    const onlyShort = applyManipulationRule({
      region: 'lumbar',
      symptomDurationDays: 3,
      symptomsBelowKnee: false,
    });
    expect(onlyShort.result.twoItem).toEqual({ likely: true, positiveLikelihoodRatio: 7.2 });
    expect(onlyShort.result.likely).toBeNull();
  });

  it('is indeterminate while unknown items could reach 4', () => {
    const result = applyManipulationRule({
      region: 'lumbar',
      symptomDurationDays: 10,
      scores: { fabqWork: 30 },
    });
    expect(result.result.likely).toBeNull();
    expect(result.result.metCount).toBe(1);
    expect(result.result.positiveLikelihoodRatio).toBeNull();
    expect(result.result.twoItem).toEqual({ likely: null, positiveLikelihoodRatio: null });
    expect(result.unknown).toEqual([
      'noSymptomsBelowKnee',
      'hypomobileLumbarSegment',
      'hipInternalRotationOver35',
    ]);
    expect(result.summary).toMatch(
      /^1 of 5 criteria met and 3 items not recorded: the missing items decide/,
    );
    expect(result.summary).toContain('undecided until both are recorded');
    const oneMissing = applyManipulationRule({
      ...positive,
      symptomDurationDays: 20,
      symptomsBelowKnee: true,
      scores: {},
    });
    // 2 met, 2 not met, 1 unknown: cannot reach 4.
    expect(oneMissing.result.likely).toBe(false);
    const nearly = applyManipulationRule({ ...positive, scores: {}, symptomsBelowKnee: true });
    expect(nearly.result.likely).toBeNull();
    expect(nearly.summary).toContain('1 item not recorded');
  });

  it('does not apply to neck pain', () => {
    const result = applyManipulationRule({ ...positive, region: 'cervical' });
    expect(result.applicable).toBe(false);
    expect(result.result.likely).toBeNull();
    expect(result.criteria).toEqual([]);
  });
});
