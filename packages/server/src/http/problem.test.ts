import { ClinicalInputError } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  badRequest,
  clinicalInputProblem,
  conflict,
  forbidden,
  formatFieldPath,
  internal,
  notFound,
  problemSchema,
  tooManyRequests,
  unauthorized,
  zodFieldErrors,
} from './problem.js';

describe('formatFieldPath', () => {
  it('writes paths the way a developer reads them', () => {
    expect(formatFieldPath('body', ['answers', 3, 'rating'])).toBe('body.answers[3].rating');
    expect(formatFieldPath('query', ['limit'])).toBe('query.limit');
    expect(formatFieldPath('body', [])).toBe('body');
    expect(formatFieldPath('', ['findings', 'age'])).toBe('findings.age');
    expect(formatFieldPath('', [])).toBe('(input)');
  });

  it('quotes keys that are not identifiers, so a path is never ambiguous', () => {
    expect(formatFieldPath('body', ['notes', 'a.b'])).toBe('body.notes["a.b"]');
    expect(formatFieldPath('body', ['scores', '3'])).toBe('body.scores["3"]');
  });
});

describe('zodFieldErrors', () => {
  const schema = z.strictObject({
    answers: z.array(z.object({ rating: z.number().min(0).max(10) })),
    note: z.string().max(5).optional(),
  });

  it('names every failing field under the request part', () => {
    const result = schema.safeParse({
      answers: [{ rating: 1 }, { rating: 1 }, { rating: 1 }, { rating: 11 }],
      note: 'much too long',
      extra: true,
    });
    expect(result.success).toBe(false);
    const errors = zodFieldErrors(result.error as z.ZodError, 'body');
    expect(errors.map((error) => error.path).sort()).toEqual([
      'body.answers[3].rating',
      'body.extra',
      'body.note',
    ]);
    expect(errors.find((error) => error.path === 'body.extra')?.message).toBe(
      'is not a known field',
    );
  });
});

describe('problem helpers', () => {
  it('build RFC 9457 problems with documented types', () => {
    const problems = [
      badRequest([{ path: 'body.x', message: 'is required' }]),
      unauthorized(),
      forbidden(),
      notFound('patient'),
      conflict('Already approved.'),
      tooManyRequests(30),
      internal(),
    ];
    expect(problems.map((problem) => problem.status)).toEqual([400, 401, 403, 404, 409, 429, 500]);
    for (const problem of problems) {
      expect(problem.type).toMatch(/^https:\/\/spinewise\.dev\/problems\/[a-z-]+$/);
      expect(problemSchema.safeParse(problem).success).toBe(true);
    }
    expect(notFound('patient').detail).toBe('No such patient.');
  });

  it('round a retry delay up to whole seconds, at least one', () => {
    expect(tooManyRequests(0.2)).toMatchObject({ retryAfter: 1, detail: /1 second\./ });
    expect(tooManyRequests(59.1).retryAfter).toBe(60);
  });

  it('keep internal errors generic', () => {
    expect(internal().detail).not.toMatch(/stack|sql|select/i);
  });

  it('turn a ClinicalInputError into a 400 with its path under body', () => {
    const problem = clinicalInputProblem(
      new ClinicalInputError(['answers', 3, 'rating'], 'must be a whole number from 0 to 10'),
    );
    expect(problem).toMatchObject({
      status: 400,
      type: 'https://spinewise.dev/problems/validation',
      errors: [{ path: 'body.answers[3].rating', message: 'must be a whole number from 0 to 10' }],
    });
  });
});
