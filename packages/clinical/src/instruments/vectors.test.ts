import { describe, expect, it } from 'vitest';
import { scoreInstrument } from './score.js';
import vectors from './vectors.json' with { type: 'json' };

// Published or hand-checked vectors, copied from shared/clinical/vectors.json.
describe('published test vectors', () => {
  it.each(
    vectors.cases.map((testCase) => [testCase.instrument, testCase.source, testCase] as const),
  )('%s — %s', (_instrument, _source, testCase) => {
    const result = scoreInstrument(testCase.instrument, testCase.answers);
    const expected: Record<string, unknown> = testCase.expect;
    for (const [key, value] of Object.entries(expected)) {
      const actual = key === 'score' || key === 'band' ? result[key] : result.subscales[key];
      if (typeof value === 'number') expect(actual).toBeCloseTo(value, 2);
      else expect(actual).toBe(value);
    }
  });
});
