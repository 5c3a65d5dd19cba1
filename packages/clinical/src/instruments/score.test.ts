import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { scoreInstrument } from './score.js';

const repeat = <T>(value: T, count: number): T[] => Array.from({ length: count }, () => value);

function errorOf(run: () => unknown): ClinicalInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('ODI [S-ODI]', () => {
  it.each([
    [repeat(0, 10), 0, 'minimal'],
    [[2, 2, 2, 2, 2, 0, 0, 0, 0, 0], 20, 'minimal'],
    [[2, 2, 2, 2, 2, 1, 0, 0, 0, 0], 22, 'moderate'],
    [repeat(2, 10), 40, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 2, 2, 2, 3], 42, 'severe'],
    [repeat(3, 10), 60, 'severe'],
    [repeat(4, 10), 80, 'crippled'],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4, 5], 82, 'bed-bound'],
    [repeat(5, 10), 100, 'bed-bound'],
  ])('%j → %d %% (%s)', (answers, score, band) => {
    const result = scoreInstrument('odi', answers);
    expect(result.score).toBe(score);
    expect(result.band).toBe(band);
    expect(result.unit).toBe('percent');
  });

  it('shrinks the denominator for skipped sections and shows one decimal (16/45 → 35.6)', () => {
    const result = scoreInstrument('odi', [2, 1, 2, 1, 2, 2, 1, null, 3, 2]);
    expect(result.score).toBeCloseTo(35.5556, 4);
    expect(result.display).toBe('35.6 %');
    expect(result.answered).toBe(9);
    expect(result.missing).toBe(1);
    expect(result.missingItems).toEqual(['sexLife']);
    expect(result.bandLabel).toBe('Moderate disability');
    expect(result.bandRange).toBe('>20–40');
  });

  it('scores with two sections missing and refuses three (default)', () => {
    expect(scoreInstrument('odi', [2, 2, 2, 2, 2, 2, 2, 2, null, null]).score).toBe(40);
    const error = errorOf(() => scoreInstrument('odi', [2, 2, 2, 2, 2, 2, 2, null, null, null]));
    expect(error.path).toEqual(['answers']);
    expect(error.message).toMatch(/3 ODI items are missing \(sexLife, socialLife, travelling\)/);
  });

  it('lets the missing-section limit be configured, within the item count', () => {
    expect(scoreInstrument('odi', [5, ...repeat(null, 9)], { maxMissing: 9 }).score).toBe(100);
    expect(errorOf(() => scoreInstrument('odi', repeat(1, 10), { maxMissing: 10 })).path).toEqual([
      'maxMissing',
    ]);
    expect(errorOf(() => scoreInstrument('odi', repeat(1, 10), { maxMissing: -1 })).path).toEqual([
      'maxMissing',
    ]);
    expect(errorOf(() => scoreInstrument('odi', repeat(1, 10), { maxMissing: 1.5 })).path).toEqual([
      'maxMissing',
    ]);
    expect(
      errorOf(() => scoreInstrument('rmdq', repeat(1, 24), { maxMissing: 1 })).message,
    ).toMatch(/^maxMissing: RMDQ has no rule for missing items/);
  });

  it('counts the higher of two boxes ticked in one section', () => {
    expect(scoreInstrument('odi', [[1, 3], 0, 0, 0, 0, 0, 0, 0, 0, 0]).score).toBe(6);
  });

  it('rejects an empty list of marks and a bad mark inside a list', () => {
    expect(errorOf(() => scoreInstrument('odi', [[], 0, 0, 0, 0, 0, 0, 0, 0, 0])).message).toMatch(
      /^answers\[0\]: ODI item 1 \(Pain intensity\): give one answer, not a list/,
    );
    expect(errorOf(() => scoreInstrument('odi', [[1, 6], 0, 0, 0, 0, 0, 0, 0, 0, 0])).path).toEqual(
      ['answers', 0],
    );
  });

  it('names the item for an answer out of range, a fraction, a wrong type', () => {
    expect(errorOf(() => scoreInstrument('odi', [0, 0, 0, 6, 0, 0, 0, 0, 0, 0])).message).toBe(
      'answers[3]: ODI item 4 (Walking): 6 is not an answer; expected a whole number 0–5',
    );
    expect(errorOf(() => scoreInstrument('odi', [0, 0, 0, 1.5, 0, 0, 0, 0, 0, 0])).path).toEqual([
      'answers',
      3,
    ]);
    expect(errorOf(() => scoreInstrument('odi', [0, 0, 0, -1, 0, 0, 0, 0, 0, 0])).path).toEqual([
      'answers',
      3,
    ]);
    expect(errorOf(() => scoreInstrument('odi', [0, 0, {}, 0, 0, 0, 0, 0, 0, 0])).message).toMatch(
      /^answers\[2\]: ODI item 3 \(Lifting\): an object is not an answer; expected a whole number 0–5 or null/,
    );
    expect(errorOf(() => scoreInstrument('odi', [true, 0, 0, 0, 0, 0, 0, 0, 0, 0])).path).toEqual([
      'answers',
      0,
    ]);
  });

  it('accepts an option label and rejects an unknown one', () => {
    expect(scoreInstrument('odi', ['moderate', 0, 0, 0, 0, 0, 0, 0, 0, 0]).score).toBe(4);
    expect(
      errorOf(() => scoreInstrument('odi', ['lots', 0, 0, 0, 0, 0, 0, 0, 0, 0])).message,
    ).toMatch(
      /^answers\[0\]: ODI item 1 \(Pain intensity\): "lots" is not an answer; expected 0–5 or one of: No limitation/,
    );
  });

  it('needs a list of exactly ten answers', () => {
    expect(errorOf(() => scoreInstrument('odi', { a: 1 })).message).toBe(
      'answers: must be a list of answers in item order, not an object',
    );
    expect(errorOf(() => scoreInstrument('odi', repeat(0, 9))).message).toBe(
      'answers: ODI takes 10 answers (null for a skipped item), but 9 were given',
    );
    expect(errorOf(() => scoreInstrument('odi', repeat(0, 11))).path).toEqual(['answers']);
  });
});

describe('NDI [S-NDI]', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 4], 4, 'none'],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 5], 5, 'mild'],
    [[5, 5, 4, 0, 0, 0, 0, 0, 0, 0], 14, 'mild'],
    [[5, 5, 5, 0, 0, 0, 0, 0, 0, 0], 15, 'moderate'],
    [[5, 5, 5, 5, 4, 0, 0, 0, 0, 0], 24, 'moderate'],
    [[5, 5, 5, 5, 5, 0, 0, 0, 0, 0], 25, 'severe'],
    [[5, 5, 5, 5, 5, 5, 4, 0, 0, 0], 34, 'severe'],
    [[5, 5, 5, 5, 5, 5, 5, 0, 0, 0], 35, 'complete'],
    [repeat(5, 10), 50, 'complete'],
  ])('%j → raw %d (%s)', (answers, raw, band) => {
    const result = scoreInstrument('ndi', answers);
    expect(result.subscales.raw).toBe(raw);
    expect(result.score).toBe(raw * 2);
    expect(result.band).toBe(band);
  });

  it('prorates a skipped section and bands the prorated raw', () => {
    // 4 over 9 sections → raw 4.44 (none); 5 of 9 → 5.56 (mild).
    const low = scoreInstrument('ndi', [1, 1, 1, 1, 0, 0, 0, 0, 0, null]);
    expect(low.subscales.raw).toBeCloseTo(4.444, 3);
    expect(low.score).toBeCloseTo(8.889, 3);
    expect(low.band).toBe('none');
    expect(scoreInstrument('ndi', [1, 1, 1, 1, 1, 0, 0, 0, 0, null]).band).toBe('mild');
  });

  it('rejects two marks in one section (only the ODI has that rule)', () => {
    expect(errorOf(() => scoreInstrument('ndi', [[1, 2], 0, 0, 0, 0, 0, 0, 0, 0, 0])).path).toEqual(
      ['answers', 0],
    );
  });
});

describe('RMDQ [S-RMDQ]', () => {
  it.each([
    [0, 'recovered'],
    [2, 'recovered'],
    [3, 'below-threshold'],
    [4, 'at-or-above-threshold'],
    [24, 'at-or-above-threshold'],
  ])('%d yes → %s', (yes, band) => {
    const answers = [...repeat(1, yes), ...repeat(0, 24 - yes)];
    const result = scoreInstrument('rmdq', answers);
    expect(result.score).toBe(yes);
    expect(result.band).toBe(band);
    expect(result.display).toBe(`${yes} / 24`);
  });

  it('accepts yes/no as booleans and labels', () => {
    expect(scoreInstrument('rmdq', [true, 'yes', 'No', ...repeat(false, 21)]).score).toBe(2);
  });

  it('has no missing-item rule, so a skipped item is an error naming it', () => {
    const error = errorOf(() => scoreInstrument('rmdq', [null, ...repeat(0, 23)]));
    expect(error.path).toEqual(['answers', 0]);
    expect(error.message).toMatch(
      /RMDQ item 1 \(Stays at home more because of the back\) is missing/,
    );
  });

  it('rejects a non-boolean, non-number answer with the yes/no hint', () => {
    expect(errorOf(() => scoreInstrument('rmdq', [[], ...repeat(0, 23)])).message).toMatch(
      /give one answer/,
    );
    expect(errorOf(() => scoreInstrument('rmdq', [{}, ...repeat(0, 23)])).message).toMatch(
      /0–1, true\/false/,
    );
  });
});

describe('STarT Back [S-SB]', () => {
  it('scores item 9 only for very much or extremely', () => {
    expect(scoreInstrument('sbst', [...repeat(0, 8), 'Moderately']).score).toBe(0);
    expect(scoreInstrument('sbst', [...repeat(0, 8), 'very much']).score).toBe(1);
    expect(scoreInstrument('sbst', [...repeat(0, 8), 4]).subscales.psychosocial).toBe(1);
    expect(scoreInstrument('sbst', [...repeat(0, 8), 2]).subscales.psychosocial).toBe(0);
  });

  it('bands: total ≤3 low; ≥4 with subscale ≤3 medium; subscale ≥4 high', () => {
    expect(scoreInstrument('sbst', [1, 1, 1, 0, 1, 1, 1, 0, 0]).band).toBe('medium'); // total 6, psy 3
    expect(scoreInstrument('sbst', [0, 0, 0, 0, 1, 1, 1, 1, 0]).band).toBe('high'); // total 4, psy 4
    expect(scoreInstrument('sbst', [0, 0, 0, 0, 1, 1, 1, 0, 0]).band).toBe('low'); // total 3, psy 3
    expect(scoreInstrument('sbst', [...repeat(1, 8), 'extremely'])).toMatchObject({
      score: 9,
      subscales: { psychosocial: 5 },
      band: 'high',
      bandLabel: 'High risk',
      display: '9 / 9',
    });
  });

  it('accepts agree/disagree and rejects an unknown label for item 9', () => {
    expect(scoreInstrument('sbst', ['agree', 'Disagree', 1, 0, 0, 0, 0, 0, 0]).score).toBe(2);
    expect(errorOf(() => scoreInstrument('sbst', [...repeat(0, 8), 'a lot'])).path).toEqual([
      'answers',
      8,
    ]);
    expect(errorOf(() => scoreInstrument('sbst', [...repeat(0, 8), 5])).path).toEqual([
      'answers',
      8,
    ]);
  });
});

describe('NPRS [S-NPRS]', () => {
  it.each([
    [0, 'none'],
    [1, 'mild'],
    [3, 'mild'],
    [4, 'moderate'],
    [6, 'moderate'],
    [7, 'severe'],
    [10, 'severe'],
  ])('%d → %s', (pain, band) => {
    expect(scoreInstrument('nprs', [pain])).toMatchObject({ score: pain, band });
  });

  it('rejects 11, a fraction and a skipped rating', () => {
    expect(errorOf(() => scoreInstrument('nprs', [11])).path).toEqual(['answers', 0]);
    expect(errorOf(() => scoreInstrument('nprs', [4.5])).path).toEqual(['answers', 0]);
    expect(errorOf(() => scoreInstrument('nprs', [null])).path).toEqual(['answers', 0]);
  });
});

describe('PSFS [S-PSFS]', () => {
  it('scores the mean and keeps each activity with its rating', () => {
    const result = scoreInstrument('psfs', [
      { activity: 'Lifting my toddler', rating: 3 },
      { activity: ' Gardening ', rating: 6 },
      { activity: 'Running', rating: 2 },
      { activity: 'Driving over an hour', rating: 5 },
    ]);
    expect(result.score).toBe(4);
    expect(result.display).toBe('4 / 10');
    expect(result.band).toBeNull();
    expect(result.activities).toEqual([
      { activity: 'Lifting my toddler', rating: 3 },
      { activity: 'Gardening', rating: 6 },
      { activity: 'Running', rating: 2 },
      { activity: 'Driving over an hour', rating: 5 },
    ]);
  });

  it('takes plain numbers, shown to one decimal', () => {
    const result = scoreInstrument('psfs', [3, 5, 5]);
    expect(result.score).toBeCloseTo(4.333, 3);
    expect(result.display).toBe('4.3 / 10');
    expect(result.activities).toEqual([
      { activity: null, rating: 3 },
      { activity: null, rating: 5 },
      { activity: null, rating: 5 },
    ]);
  });

  it('needs 3 to 5 rated activities', () => {
    expect(errorOf(() => scoreInstrument('psfs', [3, 5])).message).toBe(
      'answers: PSFS takes 3 to 5 answers (null for a skipped item), but 2 were given',
    );
    expect(errorOf(() => scoreInstrument('psfs', repeat(5, 6))).path).toEqual(['answers']);
    expect(errorOf(() => scoreInstrument('psfs', [3, null, 5])).path).toEqual(['answers', 1]);
  });

  it('names the failing activity field', () => {
    expect(
      errorOf(() => scoreInstrument('psfs', [3, 4, { activity: 'Running', rating: 11 }])).message,
    ).toBe(
      'answers[2].rating: 11 is not a rating; expected a whole number 0 (unable) to 10 (as before)',
    );
    expect(
      errorOf(() => scoreInstrument('psfs', [3, 4, { activity: '', rating: 1 }])).path,
    ).toEqual(['answers', 2, 'activity']);
    expect(
      errorOf(() => scoreInstrument('psfs', [3, 4, { activity: 'x'.repeat(201), rating: 1 }]))
        .detail,
    ).toBe('must be at most 200 characters');
    expect(
      errorOf(() => scoreInstrument('psfs', [3, 4, { activity: 'Run', rating: 1, note: 'x' }]))
        .path,
    ).toEqual(['answers', 2, 'note']);
    expect(errorOf(() => scoreInstrument('psfs', [3, 4, '12'])).path).toEqual(['answers', 2]);
  });
});

describe('FABQ [S-FABQ]', () => {
  it('scores the two subscales and no total', () => {
    const answers = [0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0, 1];
    const result = scoreInstrument('fabq', answers);
    expect(result.score).toBeNull();
    expect(result.subscales).toEqual({ pa: 1 + 2 + 3 + 4, work: 5 + 6 + 1 + 2 + 3 + 4 + 0 });
    expect(result.display).toBe('pa 10 / 24, work 21 / 42');
  });

  it('bands on the work subscale: >29 elevated', () => {
    const work = (total: number) => {
      // Spread the work total over the seven work items (6, 7, 9, 10, 11, 12, 15).
      const answers = repeat(0, 16);
      let left = total;
      for (const item of [6, 7, 9, 10, 11, 12, 15]) {
        const value = Math.min(6, left);
        answers[item - 1] = value;
        left -= value;
      }
      return scoreInstrument('fabq', answers);
    };
    expect(work(29).band).toBe('not-elevated');
    expect(work(30).band).toBe('elevated');
  });

  it('lets unscored items be skipped but not scored ones', () => {
    const answers: (number | null)[] = repeat(1, 16);
    for (const item of [1, 8, 13, 14, 16]) answers[item - 1] = null;
    const result = scoreInstrument('fabq', answers);
    expect(result.subscales).toEqual({ pa: 4, work: 7 });
    expect(result.missing).toBe(5);
    expect(result.missingItems).toEqual([
      'causedByActivity',
      'compensationClaim',
      'cannotWork',
      'cannotWorkUntilTreated',
      'neverBackToWork',
    ]);
    answers[1] = null;
    expect(errorOf(() => scoreInstrument('fabq', answers)).path).toEqual(['answers', 1]);
  });
});

describe('TSK [S-TSK]', () => {
  it('reverses items 4, 8, 12, 16 of the TSK-17', () => {
    const answers = repeat(2, 17);
    answers[3] = 1; // reversed → 4
    // 13 plain items × 2, item 4 reversed (1 → 4), items 8, 12, 16 reversed (2 → 3).
    expect(scoreInstrument('tsk17', answers).score).toBe(13 * 2 + 4 + 3 * 3);
  });

  it('bands the TSK-17: >37 high', () => {
    const at = (total: number) => {
      // Non-reversed items at 1 give 13; reversed at 4 give 4; raise non-reversed items.
      const answers = repeat(1, 17);
      for (const reversed of [4, 8, 12, 16]) answers[reversed - 1] = 4;
      let left = total - 17;
      for (let index = 0; index < 17 && left > 0; index++) {
        if ([4, 8, 12, 16].includes(index + 1)) continue;
        const add = Math.min(3, left);
        answers[index] = 1 + add;
        left -= add;
      }
      return scoreInstrument('tsk17', answers);
    };
    expect(at(37)).toMatchObject({ score: 37, band: 'not-high' });
    expect(at(38)).toMatchObject({ score: 38, band: 'high' });
  });

  it('scores the TSK-11 as a plain sum, 11–44, with no bands', () => {
    expect(scoreInstrument('tsk11', repeat(1, 11))).toMatchObject({ score: 11, band: null });
    expect(scoreInstrument('tsk11', repeat(4, 11)).score).toBe(44);
    expect(errorOf(() => scoreInstrument('tsk11', [0, ...repeat(1, 10)])).path).toEqual([
      'answers',
      0,
    ]);
  });
});

describe('PSEQ [S-PSEQ]', () => {
  it.each([
    [0, 'severe'],
    [19, 'severe'],
    [20, 'moderate'],
    [30, 'moderate'],
    [31, 'mild'],
    [40, 'mild'],
    [41, 'minimal'],
    [60, 'minimal'],
  ])('%d → %s', (total, band) => {
    const answers = repeat(0, 10);
    let left = total;
    for (let index = 0; index < 10; index++) {
      answers[index] = Math.min(6, left);
      left -= answers[index] ?? 0;
    }
    expect(scoreInstrument('pseq', answers)).toMatchObject({ score: total, band });
  });
});

describe('scoreInstrument', () => {
  it('names the instrument field for an unknown instrument', () => {
    expect(errorOf(() => scoreInstrument('sf36', [])).path).toEqual(['instrument']);
  });

  it('reports the wording, sources and interpretation', () => {
    const result = scoreInstrument('odi', repeat(1, 10));
    expect(result).toMatchObject({
      instrument: 'odi',
      title: 'Oswestry Disability Index',
      version: '2.1a',
      wording: 'paraphrase',
      answered: 10,
      missing: 0,
    });
    expect(result.sources).toContain('S-ODI');
    expect(result.interpretation).toMatch(/lower is better/);
  });
});
