/**
 * Bounds for free-form JSON the API stores as it came (questionnaire answers, a FHIR
 * Questionnaire): no string longer, and no nesting deeper, than a real one has. Text PostgreSQL
 * cannot store at all (a NUL character, a lone surrogate) is refused for every route before
 * validation, in `../app.ts`.
 */
import type { z } from 'zod';

export interface StorableLimits {
  /** The longest string (or object key) accepted, in UTF-16 code units. */
  readonly maxStringLength: number;
  /** How deep arrays and objects may nest. */
  readonly maxDepth: number;
}

export interface StorableProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** What is wrong with one piece of text, or `null`. */
export function textProblem(text: string, maxLength: number): string | null {
  if (text.length > maxLength) return `is too long (at most ${maxLength} characters)`;
  return null;
}

/** The first part of `value` that cannot be stored, or `null` when all of it can. */
export function unstorablePart(
  value: unknown,
  limits: StorableLimits,
  path: readonly PropertyKey[] = [],
): StorableProblem | null {
  if (typeof value === 'string') {
    const message = textProblem(value, limits.maxStringLength);
    return message === null ? null : { path, message };
  }
  if (typeof value !== 'object' || value === null) return null;
  if (path.length >= limits.maxDepth) return { path, message: 'is nested too deeply' };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorablePart(item, limits, [...path, index]);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyMessage = textProblem(key, limits.maxStringLength);
    if (keyMessage !== null) return { path: [...path, key], message: `name ${keyMessage}` };
    const found = unstorablePart(item, limits, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** A zod `superRefine` that reports the first unstorable part at its own path. */
export function storable(limits: StorableLimits) {
  return (value: unknown, context: z.RefinementCtx): void => {
    const problem = unstorablePart(value, limits);
    if (problem !== null) {
      context.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
    }
  };
}
