import { describe, expect, it } from 'vitest';
import type { Assessment, AssessmentExamination } from './assessment.js';
import { applyCervicalRadiculopathyCluster } from './cervical-radiculopathy.js';

const neck = (examination: AssessmentExamination): Assessment => ({
  region: 'cervical',
  examination,
});
const allPositive = {
  ulttA: true,
  spurling: true,
  distractionRelieves: true,
  ipsilateralRotationDegrees: 59,
};

describe('applyCervicalRadiculopathyCluster', () => {
  it('4 of 4 → about 90 %', () => {
    const result = applyCervicalRadiculopathyCluster(neck(allPositive));
    expect(result.result).toEqual({
      positiveCount: 4,
      clusterPositive: true,
      postTestProbability: 0.9,
    });
    expect(result.summary).toMatch(/about 90 %/);
    expect(result.sources).toEqual(['S-WAIN']);
  });

  it('rotation 60° is not positive: 3 of 4 → about 65 %', () => {
    const result = applyCervicalRadiculopathyCluster(
      neck({ ...allPositive, ipsilateralRotationDegrees: 60 }),
    );
    expect(result.result).toEqual({
      positiveCount: 3,
      clusterPositive: true,
      postTestProbability: 0.65,
    });
    expect(result.notMet).toEqual(['ipsilateralRotationUnder60']);
    expect(result.summary).toMatch(/^3 of 4 items positive: .*about 65 %/);
  });

  it('2 of 4 is a negative cluster', () => {
    const result = applyCervicalRadiculopathyCluster(
      neck({ ...allPositive, spurling: false, distractionRelieves: false }),
    );
    expect(result.result).toEqual({
      positiveCount: 2,
      clusterPositive: false,
      postTestProbability: null,
    });
    expect(result.summary).toMatch(/negative/);
  });

  it('3 positive and 1 unknown: positive, probability not settled', () => {
    const result = applyCervicalRadiculopathyCluster(
      neck({ ulttA: true, spurling: true, distractionRelieves: true }),
    );
    expect(result.result).toEqual({
      positiveCount: 3,
      clusterPositive: true,
      postTestProbability: null,
    });
    expect(result.unknown).toEqual(['ipsilateralRotationUnder60']);
    expect(result.summary).toMatch(/1 not recorded.*about 90 % if the last item is positive/);
  });

  it('is indeterminate while unknown items could reach 3', () => {
    const result = applyCervicalRadiculopathyCluster(neck({ ulttA: true, spurling: false }));
    expect(result.result).toEqual({
      positiveCount: 1,
      clusterPositive: null,
      postTestProbability: null,
    });
    expect(result.summary).toMatch(/^1 of 4 items positive and 2 items not recorded/);
    const nothing = applyCervicalRadiculopathyCluster({ region: 'cervical' });
    expect(nothing.result.clusterPositive).toBeNull();
    expect(nothing.unknown).toHaveLength(4);
  });

  it('does not apply to low back pain', () => {
    const result = applyCervicalRadiculopathyCluster({
      region: 'lumbar',
      examination: allPositive,
    });
    expect(result.applicable).toBe(false);
    expect(result.result.postTestProbability).toBeNull();
    expect(result.summary).toMatch(/^Not applied/);
  });
});
