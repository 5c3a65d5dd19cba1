/**
 * Free-form JSON the API stores as it came (questionnaire answers, a FHIR Questionnaire) must
 * fit PostgreSQL: a `jsonb` value cannot hold the NUL character nor a lone UTF-16 surrogate,
 * and would fail the insert as a 500. This check finds such text, and text or nesting beyond a
 * sane bound, and names where it is, so the request is answered 400 instead.
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

function hasLoneSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
      return true;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

/** What is wrong with one piece of text, or `null`. */
export function textProblem(text: string, maxLength: number): string | null {
  if (text.length > maxLength) return `is too long (at most ${maxLength} characters)`;
  if (text.includes('\u0000')) return 'contains a NUL character, which cannot be stored';
  if (hasLoneSurrogate(text)) return 'contains an invalid Unicode character';
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

/** Plain text for a `text` column: no NUL character (PostgreSQL refuses it). */
export function storableText(text: string): boolean {
  return !text.includes('\u0000');
}
