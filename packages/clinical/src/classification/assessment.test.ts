import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { parseAssessment } from './assessment.js';

function pathOf(input: unknown): readonly (string | number)[] {
  try {
    parseAssessment(input);
  } catch (error) {
    if (error instanceof ClinicalInputError) return error.path;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

const full = {
  region: 'lumbar',
  age: 34,
  symptomDurationDays: 10,
  recurrentEpisode: false,
  symptomsBelowKnee: false,
  scores: {
    odi: 32,
    ndi: 40,
    nprs: 6,
    fabqWork: 12,
    sbst: { total: 5, psychosocial: 4 },
    sbstRisk: 'high',
  },
  examination: {
    hypomobileLumbarSegment: true,
    hipInternalRotationDegrees: 40,
    straightLegRaiseDegrees: 95,
    aberrantMovement: true,
    proneInstabilityTest: true,
    repeatedMovements: [
      { direction: 'extension', effect: 'centralises' },
      { direction: 'flexion', effect: 'peripheralises' },
    ],
    ulttA: true,
    spurling: true,
    distractionRelieves: true,
    ipsilateralRotationDegrees: 50,
  },
};

describe('parseAssessment', () => {
  it('keeps every field of a full assessment', () => {
    expect(parseAssessment(full)).toEqual(full);
  });

  it('needs only the region, and leaves out what was not given', () => {
    expect(parseAssessment({ region: 'cervical' })).toEqual({ region: 'cervical' });
    expect(parseAssessment({ region: 'lumbar', scores: {}, examination: {} })).toEqual({
      region: 'lumbar',
      scores: {},
      examination: {},
    });
    expect(
      parseAssessment({ region: 'lumbar', scores: { sbstRisk: 'low' } }).scores?.sbstRisk,
    ).toBe('low');
  });

  it('accepts the ends of every range', () => {
    const edges = {
      region: 'lumbar',
      age: 120,
      symptomDurationDays: 0,
      scores: { odi: 100, ndi: 0, nprs: 10, fabqWork: 42, sbst: { total: 9, psychosocial: 5 } },
      examination: { hipInternalRotationDegrees: 0, straightLegRaiseDegrees: 180 },
    };
    expect(parseAssessment(edges)).toEqual(edges);
    const lowSbst = { region: 'lumbar', scores: { sbst: { total: 0, psychosocial: 0 } } };
    expect(parseAssessment(lowSbst)).toEqual(lowSbst);
  });

  it.each([
    ['the whole input', null, []],
    ['a list as input', [], []],
    ['a missing region', {}, ['region']],
    ['an unknown region', { region: 'thoracic' }, ['region']],
    ['an unknown top-level key', { region: 'lumbar', sex: 'f' }, ['sex']],
    ['age as text', { region: 'lumbar', age: '34' }, ['age']],
    ['age above 120', { region: 'lumbar', age: 121 }, ['age']],
    ['negative age', { region: 'lumbar', age: -1 }, ['age']],
    [
      'a NaN duration',
      { region: 'lumbar', symptomDurationDays: Number.NaN },
      ['symptomDurationDays'],
    ],
    [
      'an infinite duration',
      { region: 'lumbar', symptomDurationDays: Infinity },
      ['symptomDurationDays'],
    ],
    ['a negative duration', { region: 'lumbar', symptomDurationDays: -1 }, ['symptomDurationDays']],
    ['recurrence as text', { region: 'lumbar', recurrentEpisode: 'yes' }, ['recurrentEpisode']],
    ['null for a yes/no', { region: 'lumbar', symptomsBelowKnee: null }, ['symptomsBelowKnee']],
    ['scores as a list', { region: 'lumbar', scores: [] }, ['scores']],
    ['an unknown score', { region: 'lumbar', scores: { rmdq: 3 } }, ['scores', 'rmdq']],
    ['ODI above 100', { region: 'lumbar', scores: { odi: 100.1 } }, ['scores', 'odi']],
    ['NDI below 0', { region: 'lumbar', scores: { ndi: -2 } }, ['scores', 'ndi']],
    ['a fractional NPRS', { region: 'lumbar', scores: { nprs: 5.5 } }, ['scores', 'nprs']],
    ['NPRS above 10', { region: 'lumbar', scores: { nprs: 11 } }, ['scores', 'nprs']],
    ['FABQ-W above 42', { region: 'lumbar', scores: { fabqWork: 43 } }, ['scores', 'fabqWork']],
    ['sbst as a number', { region: 'lumbar', scores: { sbst: 5 } }, ['scores', 'sbst']],
    [
      'an unknown sbst key',
      { region: 'lumbar', scores: { sbst: { total: 1, psychosocial: 1, item9: 1 } } },
      ['scores', 'sbst', 'item9'],
    ],
    [
      'sbst without total',
      { region: 'lumbar', scores: { sbst: { psychosocial: 1 } } },
      ['scores', 'sbst', 'total'],
    ],
    [
      'sbst without subscale',
      { region: 'lumbar', scores: { sbst: { total: 1 } } },
      ['scores', 'sbst', 'psychosocial'],
    ],
    [
      'sbst total above 9',
      { region: 'lumbar', scores: { sbst: { total: 10, psychosocial: 5 } } },
      ['scores', 'sbst', 'total'],
    ],
    [
      'sbst subscale above 5',
      { region: 'lumbar', scores: { sbst: { total: 9, psychosocial: 6 } } },
      ['scores', 'sbst', 'psychosocial'],
    ],
    [
      'subscale above the total',
      { region: 'lumbar', scores: { sbst: { total: 2, psychosocial: 3 } } },
      ['scores', 'sbst', 'psychosocial'],
    ],
    [
      'too few subscale points for the total',
      { region: 'lumbar', scores: { sbst: { total: 6, psychosocial: 1 } } },
      ['scores', 'sbst', 'psychosocial'],
    ],
    [
      'an unknown risk group',
      { region: 'lumbar', scores: { sbstRisk: 'severe' } },
      ['scores', 'sbstRisk'],
    ],
    [
      'a risk group that contradicts the score',
      { region: 'lumbar', scores: { sbst: { total: 2, psychosocial: 1 }, sbstRisk: 'high' } },
      ['scores', 'sbstRisk'],
    ],
    ['examination as text', { region: 'lumbar', examination: 'normal' }, ['examination']],
    [
      'an unknown examination key',
      { region: 'lumbar', examination: { slump: true } },
      ['examination', 'slump'],
    ],
    [
      'hip IR as text',
      { region: 'lumbar', examination: { hipInternalRotationDegrees: '40' } },
      ['examination', 'hipInternalRotationDegrees'],
    ],
    [
      'hip IR above 180',
      { region: 'lumbar', examination: { hipInternalRotationDegrees: 181 } },
      ['examination', 'hipInternalRotationDegrees'],
    ],
    [
      'negative SLR',
      { region: 'lumbar', examination: { straightLegRaiseDegrees: -5 } },
      ['examination', 'straightLegRaiseDegrees'],
    ],
    [
      'rotation above 180',
      { region: 'cervical', examination: { ipsilateralRotationDegrees: 200 } },
      ['examination', 'ipsilateralRotationDegrees'],
    ],
    [
      'hypomobility as a number',
      { region: 'lumbar', examination: { hypomobileLumbarSegment: 1 } },
      ['examination', 'hypomobileLumbarSegment'],
    ],
    [
      'aberrant movement as text',
      { region: 'lumbar', examination: { aberrantMovement: 'yes' } },
      ['examination', 'aberrantMovement'],
    ],
    [
      'prone test as text',
      { region: 'lumbar', examination: { proneInstabilityTest: 'no' } },
      ['examination', 'proneInstabilityTest'],
    ],
    [
      'ULTT A as text',
      { region: 'cervical', examination: { ulttA: 'positive' } },
      ['examination', 'ulttA'],
    ],
    [
      'Spurling as a number',
      { region: 'cervical', examination: { spurling: 0 } },
      ['examination', 'spurling'],
    ],
    [
      'distraction as null',
      { region: 'cervical', examination: { distractionRelieves: null } },
      ['examination', 'distractionRelieves'],
    ],
    [
      'repeated movements not a list',
      { region: 'lumbar', examination: { repeatedMovements: { direction: 'extension' } } },
      ['examination', 'repeatedMovements'],
    ],
    [
      'a repeated movement not an object',
      { region: 'lumbar', examination: { repeatedMovements: ['extension'] } },
      ['examination', 'repeatedMovements', 0],
    ],
    [
      'an unknown direction',
      {
        region: 'lumbar',
        examination: { repeatedMovements: [{ direction: 'side-glide', effect: 'reduces' }] },
      },
      ['examination', 'repeatedMovements', 0, 'direction'],
    ],
    [
      'an unknown effect',
      {
        region: 'lumbar',
        examination: { repeatedMovements: [{ direction: 'flexion', effect: 'better' }] },
      },
      ['examination', 'repeatedMovements', 0, 'effect'],
    ],
    [
      'a missing direction',
      { region: 'lumbar', examination: { repeatedMovements: [{ effect: 'reduces' }] } },
      ['examination', 'repeatedMovements', 0, 'direction'],
    ],
    [
      'a missing effect',
      { region: 'lumbar', examination: { repeatedMovements: [{ direction: 'flexion' }] } },
      ['examination', 'repeatedMovements', 0, 'effect'],
    ],
    [
      'an unknown movement key',
      {
        region: 'lumbar',
        examination: {
          repeatedMovements: [{ direction: 'flexion', effect: 'reduces', position: 'standing' }],
        },
      },
      ['examination', 'repeatedMovements', 0, 'position'],
    ],
    [
      'a direction given twice',
      {
        region: 'lumbar',
        examination: {
          repeatedMovements: [
            { direction: 'flexion', effect: 'reduces' },
            { direction: 'extension', effect: 'noEffect' },
            { direction: 'flexion', effect: 'increases' },
          ],
        },
      },
      ['examination', 'repeatedMovements', 2, 'direction'],
    ],
  ])('rejects %s, naming the path', (_name, input, path) => {
    expect(pathOf(input)).toEqual(path);
  });

  it('explains the problem in the message', () => {
    expect(() =>
      parseAssessment({ region: 'lumbar', examination: { hipInternalRotationDegrees: 200 } }),
    ).toThrow(
      'examination.hipInternalRotationDegrees: must be a number of degrees from 0 to 180, got 200',
    );
    expect(() => parseAssessment({ region: 'lumbar', scores: { nprs: 5.5 } })).toThrow(
      'scores.nprs: must be a whole number from 0 to 10, got 5.5',
    );
    expect(() => parseAssessment({ region: 'lumbar', symptomDurationDays: -1 })).toThrow(
      'symptomDurationDays: must be a number of days 0 or more, got -1',
    );
    expect(() =>
      parseAssessment({
        region: 'lumbar',
        scores: { sbst: { total: 2, psychosocial: 1 }, sbstRisk: 'high' },
      }),
    ).toThrow('scores.sbstRisk: is "high" but scores.sbst gives "low"');
    expect(() => parseAssessment({ region: 'neck' })).toThrow(
      'region: must be one of "lumbar", "cervical", got "neck"',
    );
    expect(() =>
      parseAssessment({
        region: 'lumbar',
        examination: {
          repeatedMovements: [
            { direction: 'flexion', effect: 'reduces' },
            { direction: 'flexion', effect: 'reduces' },
          ],
        },
      }),
    ).toThrow('already given at repeatedMovements[0]');
  });
});
