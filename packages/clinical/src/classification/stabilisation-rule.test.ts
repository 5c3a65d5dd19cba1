import { describe, expect, it } from 'vitest';
import type { Assessment } from './assessment.js';
import { applyStabilisationRule } from './stabilisation-rule.js';

/** Exactly 3 of 4: age, SLR and aberrant movement. */
const three: Assessment = {
  region: 'lumbar',
  age: 39,
  examination: { straightLegRaiseDegrees: 92, aberrantMovement: true, proneInstabilityTest: false },
};

describe('applyStabilisationRule', () => {
  it('is likely with 3 of 4, and always carries the validation caveat', () => {
    const result = applyStabilisationRule(three);
    expect(result.result).toEqual({ likely: true, metCount: 3, positiveLikelihoodRatio: 4 });
    expect(result.summary).toMatch(/^3 of 4 criteria met: likely to do well .*\+LR 4\.0/);
    expect(result.caveat).toMatch(/Rabin 2014/);
    expect(result.sources).toEqual(['S-CPR-S']);
    const all = applyStabilisationRule({
      ...three,
      examination: {
        straightLegRaiseDegrees: 100,
        aberrantMovement: true,
        proneInstabilityTest: true,
      },
    });
    expect(all.result.metCount).toBe(4);
  });

  it('age 40 and SLR 91 are not met', () => {
    const older = applyStabilisationRule({ ...three, age: 40 });
    expect(older.result).toEqual({ likely: false, metCount: 2, positiveLikelihoodRatio: null });
    expect(older.notMet).toEqual(['ageUnder40', 'proneInstabilityTest']);
    expect(older.summary).toMatch(/^2 of 4 criteria met: below the 3 needed/);
    const slr = applyStabilisationRule({
      ...three,
      examination: {
        straightLegRaiseDegrees: 91,
        aberrantMovement: true,
        proneInstabilityTest: false,
      },
    });
    expect(slr.result.likely).toBe(false);
    expect(slr.notMet).toContain('straightLegRaiseOver91');
    const noAberrant = applyStabilisationRule({
      ...three,
      examination: {
        straightLegRaiseDegrees: 92,
        aberrantMovement: false,
        proneInstabilityTest: false,
      },
    });
    expect(noAberrant.result.likely).toBe(false);
  });

  it('is indeterminate while unknown items could reach 3', () => {
    const result = applyStabilisationRule({
      region: 'lumbar',
      age: 30,
      examination: { aberrantMovement: true },
    });
    expect(result.result).toEqual({ likely: null, metCount: 2, positiveLikelihoodRatio: null });
    expect(result.unknown).toEqual(['straightLegRaiseOver91', 'proneInstabilityTest']);
    expect(result.summary).toMatch(/^2 of 4 criteria met and 2 items not recorded/);
    expect(result.caveat).toBeDefined();
  });

  it('does not apply to neck pain', () => {
    const result = applyStabilisationRule({ ...three, region: 'cervical' });
    expect(result.applicable).toBe(false);
    expect(result.result.likely).toBeNull();
    expect(result.summary).toMatch(/^Not applied/);
  });
});
