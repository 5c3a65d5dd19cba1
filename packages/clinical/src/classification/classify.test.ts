import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { classifyAssessment } from './classify.js';
import * as classification from './index.js';

const lumbar = {
  region: 'lumbar',
  age: 34,
  symptomDurationDays: 10,
  recurrentEpisode: false,
  symptomsBelowKnee: false,
  scores: { odi: 32, nprs: 6, fabqWork: 12, sbst: { total: 5, psychosocial: 4 } },
  examination: {
    hypomobileLumbarSegment: true,
    hipInternalRotationDegrees: 40,
    straightLegRaiseDegrees: 95,
    aberrantMovement: true,
    proneInstabilityTest: true,
    repeatedMovements: [{ direction: 'extension', effect: 'centralises' }],
  },
};

describe('classifyAssessment', () => {
  it('runs every low-back rule on a lumbar assessment', () => {
    const result = classifyAssessment(lumbar);
    expect(result.region).toBe('lumbar');
    expect(result.startBack.result.risk).toBe('high');
    expect(result.tbc.result.category).toBe('movementControl');
    expect(result.manipulation.result.likely).toBe(true);
    expect(result.stabilisation.result.likely).toBe(true);
    expect(result.directionalPreference.result.preference).toBe('extension');
    expect(result.cervicalRadiculopathy.applicable).toBe(false);
    expect(result.sources).toEqual(['S-SB', 'S-TBC', 'S-CPR-M', 'S-CPR-S', 'S-MDT']);
  });

  it('runs the neck rules on a cervical assessment', () => {
    const result = classifyAssessment({
      region: 'cervical',
      examination: {
        ulttA: true,
        spurling: true,
        distractionRelieves: true,
        ipsilateralRotationDegrees: 50,
        repeatedMovements: [{ direction: 'extension', effect: 'reduces' }],
      },
    });
    expect(result.region).toBe('cervical');
    for (const skipped of [
      result.startBack,
      result.tbc,
      result.manipulation,
      result.stabilisation,
    ]) {
      expect(skipped.applicable).toBe(false);
      expect(skipped.summary).toMatch(/^Not applied/);
    }
    expect(result.cervicalRadiculopathy.result.postTestProbability).toBe(0.9);
    expect(result.directionalPreference.applicable).toBe(true);
    expect(result.sources).toEqual(['S-MDT', 'S-WAIN']);
  });

  it('passes clinic TBC thresholds through', () => {
    const result = classifyAssessment(lumbar, { tbc: { functionOptimisationAtOrBelow: 35 } });
    expect(result.tbc.result.category).toBe('functionOptimisation');
    expect(result.tbc.result.thresholds).toEqual({
      symptomModulationAbove: 40,
      functionOptimisationAtOrBelow: 35,
      isDefault: false,
    });
    expect(classifyAssessment(lumbar, {}).tbc.result.thresholds.isDefault).toBe(true);
  });

  it.each([
    [
      'bad input',
      { region: 'lumbar', examination: { hipInternalRotationDegrees: 'wide' } },
      undefined,
      ['examination', 'hipInternalRotationDegrees'],
    ],
    ['options not an object', lumbar, 'strict', ['options']],
    ['an unknown option', lumbar, { tbcThresholds: {} }, ['options', 'tbcThresholds']],
    [
      'a bad threshold',
      lumbar,
      { tbc: { symptomModulationAbove: 140 } },
      ['options', 'tbc', 'symptomModulationAbove'],
    ],
  ])('rejects %s, naming the path', (_name, input, options, path) => {
    try {
      classifyAssessment(input, options as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ClinicalInputError);
      expect((error as ClinicalInputError).path).toEqual(path);
    }
  });

  it('is re-exported from the folder index', () => {
    expect(classification.classifyAssessment).toBe(classifyAssessment);
    expect(typeof classification.parseAssessment).toBe('function');
    expect(classification.movementDirections).toHaveLength(4);
  });
});
