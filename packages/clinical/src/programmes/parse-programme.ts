/**
 * A programme read back from storage or a file (as `spinewise plan` writes it). It may have been
 * edited by hand, so the fields the progression rules read are checked and a bad one is an
 * error naming its path, never a crash inside the rules.
 */
import {
  ClinicalInputError,
  describeValue,
  isPlainObject,
  type InputPath,
} from '../input-error.js';
import type { Programme } from './programme.js';

function fail(path: InputPath, detail: string): never {
  throw new ClinicalInputError(path, detail);
}

function object(value: unknown, path: InputPath, what: string): Record<string, unknown> {
  if (!isPlainObject(value)) fail(path, `must be ${what}, not ${describeValue(value)}`);
  return value;
}

function array(value: unknown, path: InputPath, what: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `must be a list of ${what}, not ${describeValue(value)}`);
  return value as unknown[];
}

function text(value: unknown, path: InputPath): void {
  if (typeof value !== 'string' || value === '') {
    fail(path, `must be a non-empty text, not ${describeValue(value)}`);
  }
}

function wholeNumber(value: unknown, path: InputPath, min: number, optional = false): void {
  if (optional && value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(path, `must be a whole number of at least ${min}, not ${describeValue(value)}`);
  }
}

function positive(value: unknown, path: InputPath): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(path, `must be a number above 0, not ${describeValue(value)}`);
  }
}

function checkExercise(value: unknown, path: InputPath): void {
  const exercise = object(value, path, 'a prescribed exercise');
  text(exercise.id, [...path, 'id']);
  text(exercise.name, [...path, 'name']);
  wholeNumber(exercise.sets, [...path, 'sets'], 1);
  wholeNumber(exercise.perDay, [...path, 'perDay'], 1);
  wholeNumber(exercise.daysPerWeek, [...path, 'daysPerWeek'], 1);
  wholeNumber(exercise.reps, [...path, 'reps'], 1, true);
  positive(exercise.holdSeconds, [...path, 'holdSeconds']);
  positive(exercise.minutes, [...path, 'minutes']);
}

function checkWeek(value: unknown, path: InputPath): void {
  const week = object(value, path, 'a programme week');
  wholeNumber(week.week, [...path, 'week'], 1);
  // The dates themselves are checked by the core, which names them.
  array(week.sessions, [...path, 'sessions'], 'sessions').forEach((session, index) => {
    const at = [...path, 'sessions', index];
    const exercises = object(session, at, 'a session').exercises;
    array(exercises, [...at, 'exercises'], 'prescribed exercises').forEach((exercise, position) => {
      checkExercise(exercise, [...at, 'exercises', position]);
    });
  });
}

/** Checks the shape of a programme read from a file; errors name `programme.<path>`. */
export function parseProgramme(input: unknown): Programme {
  const programme = object(input, ['programme'], 'a programme object as spinewise plan writes it');
  if (programme.status !== 'active' && programme.status !== 'blocked') {
    fail(
      ['programme', 'status'],
      `must be "active" or "blocked", not ${describeValue(programme.status)}`,
    );
  }
  array(programme.weeks, ['programme', 'weeks'], 'programme weeks').forEach((week, index) => {
    checkWeek(week, ['programme', 'weeks', index]);
  });
  // The fields the progression rules read are checked above; the rest is carried as given.
  return programme as unknown as Programme;
}
