import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { change, psfsActivityChanges } from './change.js';

function pathOf(run: () => unknown): readonly (string | number)[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error.path;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('change — ODI [S-MCID]', () => {
  it('meets the MCID by 10 points', () => {
    expect(change('odi', 50, 40)).toMatchObject({
      absolute: -10,
      percent: -20,
      direction: 'improved',
      mcidMet: true,
      mcid: {
        combine: 'any',
        description: '10 percentage points or 30 % of baseline — low back pain',
      },
    });
  });

  it('meets the MCID by 30 % of baseline when the points fall short', () => {
    const result = change('odi', 20, 14);
    expect(result.mcidMet).toBe(true);
    expect(result.mcid?.thresholds).toEqual([
      { kind: 'absolute', value: 10, met: false },
      { kind: 'percent', value: 30, met: true },
    ]);
  });

  it('misses the MCID just below both thresholds', () => {
    expect(change('odi', 40, 30.5).mcidMet).toBe(false); // 9.5 points, 23.75 %
  });

  it('handles a change computed from fractional scores without floating-point misses', () => {
    expect(change('odi', 100 / 3 + 10, 100 / 3).mcidMet).toBe(true);
  });

  it('never counts a worsening as meeting the MCID', () => {
    expect(change('odi', 20, 40)).toMatchObject({
      direction: 'worsened',
      mcidMet: false,
      percent: 100,
    });
  });

  it('reports no percent from a zero baseline, and unchanged scores', () => {
    expect(change('odi', 0, 10)).toMatchObject({
      percent: null,
      direction: 'worsened',
      mcidMet: false,
    });
    expect(change('odi', 30, 30)).toMatchObject({
      direction: 'unchanged',
      absolute: 0,
      mcidMet: false,
    });
  });
});

describe('change — direction per instrument', () => {
  it('higher is better for the PSFS (2 points on the mean)', () => {
    expect(change('psfs', 3, 5)).toMatchObject({ direction: 'improved', mcidMet: true });
    expect(change('psfs', 3, 4.5).mcidMet).toBe(false);
    expect(change('psfs', 5, 3)).toMatchObject({ direction: 'worsened', mcidMet: false });
  });

  it('NDI: 10 %-points (5 raw) or the 19 %-points reported in mechanical neck pain', () => {
    const result = change('ndi', 40, 30);
    expect(result.mcidMet).toBe(true);
    expect(result.mcid?.thresholds.map((threshold) => threshold.met)).toEqual([true, false]);
    expect(change('ndi', 40, 32).mcidMet).toBe(false);
  });

  it('NPRS uses 2 points or 30 % for low back pain and 1.3 points for the neck', () => {
    expect(change('nprs', 6, 5).mcidMet).toBe(false);
    expect(change('nprs', 6, 5, { region: 'cervical' })).toMatchObject({
      mcidMet: false,
      mcid: { context: 'neck pain' },
    });
    expect(change('nprs', 6, 4.5, { region: 'cervical' }).mcidMet).toBe(true);
    expect(change('nprs', 3, 2, { region: 'lumbar' }).mcidMet).toBe(true); // 33 %
  });

  it('TSK-11 MCID is flagged as a default', () => {
    expect(change('tsk11', 30, 26).mcid).toMatchObject({ default: true });
    expect(change('tsk11', 30, 26).mcid?.description).toBe(
      '4 points — default, weak evidence (default)',
    );
    expect(change('tsk17', 45, 39).mcidMet).toBe(true);
  });

  it('PSEQ needs 7 points together with a change of band', () => {
    expect(change('pseq', 20, 27).mcidMet).toBe(false); // 7 points, both moderate
    expect(change('pseq', 25, 32)).toMatchObject({
      mcidMet: true,
      mcid: {
        combine: 'all',
        description: '7 points and a change of band — persistent pain (ePPOC)',
      },
    });
    expect(change('pseq', 15, 20).mcidMet).toBe(false); // band changes, only 5 points
    expect(change('pseq', 32, 25).mcidMet).toBe(false); // band changes the wrong way
  });

  it('has no MCID for STarT Back and the FABQ', () => {
    expect(change('sbst', 6, 2)).toMatchObject({
      mcidMet: null,
      mcid: null,
      direction: 'improved',
    });
    expect(change('fabq', 30, 20, { subscale: 'work' })).toMatchObject({
      subscale: 'work',
      mcidMet: null,
      direction: 'improved',
    });
  });

  it('compares a subscale on its own range, in points, without an MCID', () => {
    expect(change('ndi', 20, 10, { subscale: 'raw' })).toMatchObject({
      mcidMet: null,
      subscale: 'raw',
      unit: 'points',
    });
    expect(change('ndi', 20, 10).unit).toBe('percent');
  });
});

describe('change — bad input names the field', () => {
  it.each([
    ['baseline', () => change('odi', 'forty', 10)],
    ['baseline', () => change('odi', 101, 10)],
    ['followUp', () => change('odi', 40, -1)],
    ['followUp', () => change('odi', 40, Number.NaN)],
    ['followUp', () => change('tsk17', 40, 16)],
    ['subscale', () => change('fabq', 10, 5)],
    ['subscale', () => change('fabq', 10, 5, { subscale: 'total' })],
    ['subscale', () => change('odi', 10, 5, { subscale: 'raw' })],
    ['instrument', () => change('eq5d', 10, 5)],
  ])('%s', (field, run) => {
    expect(pathOf(run)).toEqual([field]);
  });

  it('says which subscales exist', () => {
    expect(() => change('fabq', 10, 5, { subscale: 'total' })).toThrow(/choose one of: pa, work/);
    expect(() => change('fabq', 10, 5)).toThrow(
      /^subscale: the FABQ has no total score; choose the subscale to compare: pa or work$/,
    );
    expect(() => change('odi', 10, 5, { subscale: 'raw' })).toThrow(/ODI has no subscales/);
  });
});

describe('psfsActivityChanges [S-PSFS]', () => {
  it('matches activities by text and applies the 3-point single-activity MCID', () => {
    const result = psfsActivityChanges(
      [
        { activity: 'Lifting my toddler', rating: 2 },
        { activity: 'Gardening', rating: 5 },
        { activity: 'Running', rating: 1 },
        { activity: null, rating: 4 },
      ],
      [
        { activity: 'lifting  my Toddler', rating: 6 },
        { activity: 'Gardening', rating: 7 },
        { activity: 'Cycling', rating: 5 },
        { activity: null, rating: 6 },
      ],
    );
    expect(result.activities).toEqual([
      { activity: 'Lifting my toddler', baseline: 2, followUp: 6, absolute: 4, mcidMet: true },
      { activity: 'Gardening', baseline: 5, followUp: 7, absolute: 2, mcidMet: false },
    ]);
    expect(result.unmatched).toEqual([
      { activity: 'Running', rating: 1 },
      { activity: null, rating: 4 },
      { activity: 'Cycling', rating: 5 },
      { activity: null, rating: 6 },
    ]);
  });
});
