import type { ReadAnswers } from './answers.js';
import type { Band, InstrumentDefinition } from './definition.js';

export interface ScoreParts {
  /** Full precision; `null` only where the instrument defines no total (FABQ). */
  readonly score: number | null;
  readonly subscales: Readonly<Record<string, number>>;
  /** Set by instruments whose band is a rule rather than a range (STarT Back). */
  readonly band?: Band;
}

/** An instrument: its definition as data, and the one function that scores it. */
export interface InstrumentModule {
  readonly definition: InstrumentDefinition;
  score(answers: ReadAnswers): ScoreParts;
}

/** Sum of the values at the given 1-based item numbers (all present: checked by readAnswers). */
export function sumItems(values: readonly (number | null)[], numbers: readonly number[]): number {
  return numbers.reduce((total, number) => total + (values[number - 1] as number), 0);
}

/** Sum and count of the answered values. */
export function answeredSum(values: readonly (number | null)[]): { sum: number; answered: number } {
  let sum = 0;
  let answered = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    answered++;
  }
  return { sum, answered };
}
