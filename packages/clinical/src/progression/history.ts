/**
 * Changes a clinician has already applied to the programme (a new dose or a new level), so the
 * rules can judge a new dose on its own logs and never move a chain up more than one level a
 * week.
 */
import type { Exercise } from '../exercises/exercise.js';
import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import { dayNumber } from '../dates.js';

export interface AppliedChange {
  /** `YYYY-MM-DD`, the day the change was applied. */
  readonly date: string;
  /** The exercise changed (either end of a level change: the chain is what counts). */
  readonly exerciseId: string;
  readonly change: 'level' | 'dose';
}

/** A validated change with its day number and chain. */
export interface ChainChange {
  readonly day: number;
  readonly chain: string;
  readonly change: AppliedChange['change'];
}

const keys = ['date', 'exerciseId', 'change'];

/**
 * Validates `options.history`. Each entry needs a real date, an exercise the lookup knows (for
 * its chain) and a change of `level` or `dose`; errors name the field
 * (`['options', 'history', 2, 'date']`).
 */
export function parseHistory(
  input: unknown,
  lookup: (id: string) => Exercise | undefined,
): ChainChange[] {
  const path = ['options', 'history'] as const;
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    throw new ClinicalInputError(
      path,
      `must be a list of applied changes, not ${describeValue(input)}`,
    );
  }
  return input.map((entry: unknown, index): ChainChange => {
    const at = (key?: string) => (key === undefined ? [...path, index] : [...path, index, key]);
    if (!isPlainObject(entry)) {
      throw new ClinicalInputError(at(), `must be an object, not ${describeValue(entry)}`);
    }
    for (const key of Object.keys(entry)) {
      if (!keys.includes(key)) {
        throw new ClinicalInputError(at(key), `is not a field; fields are ${keys.join(', ')}`);
      }
    }
    const day = dayNumber(entry.date);
    if (day === null) {
      throw new ClinicalInputError(
        at('date'),
        `must be a real date written YYYY-MM-DD, not ${describeValue(entry.date)}`,
      );
    }
    const exercise = typeof entry.exerciseId === 'string' ? lookup(entry.exerciseId) : undefined;
    if (exercise === undefined) {
      throw new ClinicalInputError(
        at('exerciseId'),
        `must be the id of a known exercise, not ${describeValue(entry.exerciseId)}`,
      );
    }
    if (entry.change !== 'level' && entry.change !== 'dose') {
      throw new ClinicalInputError(
        at('change'),
        `must be "level" or "dose", not ${describeValue(entry.change)}`,
      );
    }
    return { day, chain: exercise.chain, change: entry.change };
  });
}
