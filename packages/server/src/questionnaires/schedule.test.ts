import { ClinicalInputError, generateProgramme } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { lowBackProfile } from '../logs/programme.fixture.js';
import { dueReassessment, sameInstruments, scoreSubmission } from './schedule.js';

const programme = generateProgramme(lowBackProfile);
const [, middle, last] = programme.reassessments;

function errorOf(run: () => unknown): ClinicalInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('dueReassessment', () => {
  it('is null before the first reassessment after the baseline', () => {
    expect(middle).toBeDefined();
    expect(dueReassessment(programme, lowBackProfile.startDate)).toBeNull();
  });

  it('never sends the week 0 baseline to the phone', () => {
    const onlyBaseline = { reassessments: programme.reassessments.slice(0, 1) };
    expect(dueReassessment(onlyBaseline, '2030-01-01')).toBeNull();
  });

  it('is the reassessment whose day has come, on that day', () => {
    const due = dueReassessment(programme, middle?.date ?? '');
    expect(due).toEqual({
      week: middle?.week,
      date: middle?.date,
      instruments: ['odi', 'nprs', 'psfs'],
    });
  });

  it('is only the latest once several have passed', () => {
    expect(dueReassessment(programme, '2030-01-01')?.week).toBe(last?.week);
  });

  it('drops instrument names it does not know', () => {
    const odd = { reassessments: [{ week: 3, date: '2026-11-20', instruments: ['odi', 'vas'] }] };
    expect(dueReassessment(odd, '2026-11-20')?.instruments).toEqual(['odi']);
    const none = { reassessments: [{ week: 3, date: '2026-11-20', instruments: ['vas'] }] };
    expect(dueReassessment(none, '2026-11-20')).toBeNull();
  });
});

describe('sameInstruments', () => {
  it('ignores order but not membership', () => {
    expect(sameInstruments(['odi', 'nprs'], ['nprs', 'odi'])).toBe(true);
    expect(sameInstruments(['odi', 'nprs'], ['odi'])).toBe(false);
    expect(sameInstruments(['odi'], ['ndi'])).toBe(false);
  });
});

describe('scoreSubmission', () => {
  it('scores each requested questionnaire, in the order requested', () => {
    const scored = scoreSubmission(
      ['odi', 'nprs'],
      [
        { instrument: 'nprs', answers: [4] },
        { instrument: 'odi', answers: [1, 1, 2, 1, 1, 1, 2, null, 1, 1] },
      ],
    );
    expect(scored.map((entry) => entry.instrument)).toEqual(['odi', 'nprs']);
    expect(scored[1]?.score.bandLabel).toBe('Moderate pain');
    // 11 of 45 with one section skipped. [S-ODI]
    expect(scored[0]?.score.score).toBeCloseTo((11 / 45) * 100, 5);
  });

  it('names the item of a bad answer under its questionnaire', () => {
    const error = errorOf(() =>
      scoreSubmission(
        ['odi', 'nprs'],
        [
          { instrument: 'odi', answers: [1, 1, 2, 1, 1, 1, 2, 1, 1, 1] },
          { instrument: 'nprs', answers: [11] },
        ],
      ),
    );
    expect(error.path).toEqual(['questionnaires', 1, 'answers', 0]);
  });

  it('refuses an instrument not asked for, one given twice, and one left out', () => {
    expect(
      errorOf(() => scoreSubmission(['nprs'], [{ instrument: 'odi', answers: [] }])).path,
    ).toEqual(['questionnaires', 0, 'instrument']);
    expect(
      errorOf(() =>
        scoreSubmission(
          ['nprs'],
          [
            { instrument: 'nprs', answers: [1] },
            { instrument: 'nprs', answers: [2] },
          ],
        ),
      ).path,
    ).toEqual(['questionnaires', 1, 'instrument']);
    const missing = errorOf(() =>
      scoreSubmission(['nprs', 'odi'], [{ instrument: 'nprs', answers: [1] }]),
    );
    expect(missing.path).toEqual(['questionnaires']);
    expect(missing.detail).toContain('odi');
  });
});
