/**
 * A session log: what the patient did for one bout of one exercise and how it felt, as sent by
 * the patient app or read from a file. `parseLogs` validates it at the edge; every bad field is
 * a `ClinicalInputError` whose path names it (`['logs', 3, 'painDuring']`).
 */
import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import { dayNumber } from '../dates.js';
import { logSymptoms } from './red-flag-symptoms.js';
import type { LogSymptom } from './red-flag-symptoms.js';
import type { Thresholds } from './thresholds.js';

export type Completion = 'done' | 'partly' | 'skipped';
export type Difficulty = 'easy' | 'moderate' | 'hard';

export interface SessionLog {
  /** Optional id from the client. */
  readonly id?: string;
  /** `YYYY-MM-DD`, the day the session was done. */
  readonly date: string;
  /** An exercise of the programme. */
  readonly exerciseId: string;
  readonly setsDone: number;
  readonly repsDone?: number;
  readonly holdSecondsDone?: number;
  readonly minutesDone?: number;
  /**
   * As the patient reported it. When absent it is derived from the sets (see `completionOf`):
   * done when `setsDone` reaches the planned sets, partly when above 0, else skipped.
   */
  readonly completed?: Completion;
  /** Pain 0–10 (whole numbers) before, during and just after the session. [S-PMM] */
  readonly painBefore?: number;
  readonly painDuring?: number;
  readonly painAfter?: number;
  /** Recorded the next morning, 0–10; may be absent. [S-PMM] */
  readonly nextMorningPain?: number;
  readonly nextMorningStiffness?: number;
  /** How hard it felt; when absent, read from `rpe` (see `difficultyOf`). */
  readonly difficulty?: Difficulty;
  /** Rating of perceived exertion, 0–10 (whole numbers). */
  readonly rpe?: number;
  readonly symptoms?: readonly LogSymptom[];
  /** Free text, at most 2000 characters. */
  readonly note?: string;
  /** What the camera coach measured during the session, as the patient confirmed it. */
  readonly coach?: CoachResult;
}

/**
 * The camera coach's result for one session (issue 7): numbers only, never a frame. Camera
 * angles are estimates, not clinical goniometry.
 */
export interface CoachResult {
  /** Repetitions the coach counted. */
  readonly reps?: number;
  /** Seconds held in position, all holds together. */
  readonly holdSeconds?: number;
  /** The tracked angle's range over the session, in degrees (−180 to 180). */
  readonly rangeDegrees?: { readonly min: number; readonly max: number };
  /** The form cues given, with how many times each. */
  readonly formWarnings?: readonly CoachFormWarning[];
  /** The coach rule used (the exercise's id for the exercise rules). */
  readonly exerciseRule: string;
  readonly view: CoachView;
}

export interface CoachFormWarning {
  readonly id: string;
  readonly cue: string;
  readonly count: number;
}

export type CoachView = 'side' | 'front';

export const coachViews: readonly CoachView[] = ['side', 'front'];

/** Bounds of a coach result, shared with the API's schema. */
export const coachLimits = {
  repsMax: 1000,
  holdSecondsMax: 3600,
  degreesMin: -180,
  degreesMax: 180,
  formWarningsMax: 20,
  formWarningIdMaxLength: 100,
  cueMaxLength: 300,
  warningCountMax: 100_000,
  exerciseRuleMaxLength: 100,
} as const;

const coachKeys = [
  'reps',
  'holdSeconds',
  'rangeDegrees',
  'formWarnings',
  'exerciseRule',
  'view',
] as const;

const completions: readonly Completion[] = ['done', 'partly', 'skipped'];
const difficulties: readonly Difficulty[] = ['easy', 'moderate', 'hard'];

/** Sanity limits: values beyond them are typing errors, not sessions. */
const countLimits = {
  setsDone: { max: 50, integer: true },
  repsDone: { max: 1000, integer: true },
  holdSecondsDone: { max: 3600, integer: false },
  minutesDone: { max: 600, integer: false },
} as const;

const ratingFields = [
  'painBefore',
  'painDuring',
  'painAfter',
  'nextMorningPain',
  'nextMorningStiffness',
  'rpe',
] as const;

const knownKeys = [
  'id',
  'date',
  'exerciseId',
  ...Object.keys(countLimits),
  'completed',
  ...ratingFields,
  'difficulty',
  'symptoms',
  'note',
  'coach',
] as const;

export const noteMaxLength = 2000;
const idMaxLength = 200;

export interface ParseLogsOptions {
  /** The exercise ids a log may name (those of the programme); any id when absent. */
  readonly exerciseIds?: ReadonlySet<string>;
}

type Path = readonly (string | number)[];

function unknownKeyDetail(key: string): string {
  const match = knownKeys.find((known) => known.toLowerCase() === key.toLowerCase());
  const hint = match === undefined ? '' : ` Did you mean ${match}?`;
  return `is not a session log field; fields are ${knownKeys.join(', ')}.${hint}`;
}

function parseString(path: Path, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw new ClinicalInputError(
      path,
      `must be a non-empty text of at most ${maxLength} characters, not ${describeValue(value)}`,
    );
  }
  return value;
}

function parseNumber(path: Path, value: unknown, max: number, integer: boolean): number {
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!valid) {
    throw new ClinicalInputError(
      path,
      `must be ${integer ? 'a whole number' : 'a number'} from 0 to ${max}, not ${describeValue(value)}`,
    );
  }
  return value;
}

function parseChoice<T extends string>(path: Path, value: unknown, choices: readonly T[]): T {
  if (!(choices as readonly unknown[]).includes(value)) {
    throw new ClinicalInputError(
      path,
      `must be one of ${choices.map((choice) => `"${choice}"`).join(', ')}, not ${describeValue(value)}`,
    );
  }
  return value as T;
}

function parseSymptoms(path: Path, value: unknown): LogSymptom[] {
  if (!Array.isArray(value)) {
    throw new ClinicalInputError(path, `must be a list of symptoms, not ${describeValue(value)}`);
  }
  const symptoms: LogSymptom[] = [];
  value.forEach((item: unknown, index) => {
    const symptom = parseChoice([...path, index], item, logSymptoms);
    if (symptoms.includes(symptom)) {
      throw new ClinicalInputError([...path, index], `repeats "${symptom}"`);
    }
    symptoms.push(symptom);
  });
  return symptoms;
}

function parseDegrees(path: Path, value: unknown): number {
  const { degreesMin, degreesMax } = coachLimits;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < degreesMin ||
    value > degreesMax
  ) {
    throw new ClinicalInputError(
      path,
      `must be a number of degrees from ${degreesMin} to ${degreesMax}, not ${describeValue(value)}`,
    );
  }
  return value;
}

function onlyKeys(path: Path, input: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of Object.keys(input)) {
    if (!keys.includes(key)) {
      throw new ClinicalInputError(
        [...path, key],
        `is not a field here; fields are ${keys.join(', ')}`,
      );
    }
  }
}

function parseFormWarning(path: Path, input: unknown): CoachFormWarning {
  if (!isPlainObject(input)) {
    throw new ClinicalInputError(
      path,
      `must be a form warning object, not ${describeValue(input)}`,
    );
  }
  onlyKeys(path, input, ['id', 'cue', 'count']);
  const id = parseString([...path, 'id'], input.id, coachLimits.formWarningIdMaxLength);
  const cue = parseString([...path, 'cue'], input.cue, coachLimits.cueMaxLength);
  const count = parseNumber([...path, 'count'], input.count, coachLimits.warningCountMax, true);
  if (count < 1) {
    throw new ClinicalInputError(
      [...path, 'count'],
      'must be at least 1: a warning given once or more',
    );
  }
  return { id, cue, count };
}

/** A coach result, kept as given (the stored log must compare equal to the body sent). */
function parseCoach(path: Path, input: unknown): CoachResult {
  if (!isPlainObject(input)) {
    throw new ClinicalInputError(
      path,
      `must be a camera coach result object, not ${describeValue(input)}`,
    );
  }
  onlyKeys(path, input, coachKeys);
  const coach: Record<string, unknown> = {};
  if (input.reps !== undefined) {
    coach.reps = parseNumber([...path, 'reps'], input.reps, coachLimits.repsMax, true);
  }
  if (input.holdSeconds !== undefined) {
    coach.holdSeconds = parseNumber(
      [...path, 'holdSeconds'],
      input.holdSeconds,
      coachLimits.holdSecondsMax,
      false,
    );
  }
  if (input.rangeDegrees !== undefined) {
    const at = [...path, 'rangeDegrees'];
    const range = input.rangeDegrees;
    if (!isPlainObject(range)) {
      throw new ClinicalInputError(
        at,
        `must be an object with min and max, not ${describeValue(range)}`,
      );
    }
    onlyKeys(at, range, ['min', 'max']);
    const min = parseDegrees([...at, 'min'], range.min);
    const max = parseDegrees([...at, 'max'], range.max);
    if (min > max) {
      throw new ClinicalInputError([...at, 'min'], `is above max (${String(max)})`);
    }
    coach.rangeDegrees = { min, max };
  }
  if (input.formWarnings !== undefined) {
    const at = [...path, 'formWarnings'];
    const warnings = input.formWarnings;
    if (!Array.isArray(warnings) || warnings.length > coachLimits.formWarningsMax) {
      throw new ClinicalInputError(
        at,
        `must be a list of at most ${coachLimits.formWarningsMax} form warnings, not ${describeValue(warnings)}`,
      );
    }
    coach.formWarnings = warnings.map((item: unknown, index) =>
      parseFormWarning([...at, index], item),
    );
  }
  coach.exerciseRule = parseString(
    [...path, 'exerciseRule'],
    input.exerciseRule,
    coachLimits.exerciseRuleMaxLength,
  );
  coach.view = parseChoice([...path, 'view'], input.view, coachViews);
  return coach as unknown as CoachResult;
}

function parseLog(input: unknown, index: number, options: ParseLogsOptions): SessionLog {
  const at = (...rest: readonly (string | number)[]): Path => ['logs', index, ...rest];
  if (!isPlainObject(input)) {
    throw new ClinicalInputError(at(), `must be a session log object, not ${describeValue(input)}`);
  }
  for (const key of Object.keys(input)) {
    if (!(knownKeys as readonly string[]).includes(key)) {
      throw new ClinicalInputError(at(key), unknownKeyDetail(key));
    }
  }
  const log: Record<string, unknown> = {};
  if (input.id !== undefined) log.id = parseString(at('id'), input.id, idMaxLength);

  if (dayNumber(input.date) === null) {
    throw new ClinicalInputError(
      at('date'),
      `must be a real date written YYYY-MM-DD, not ${describeValue(input.date)}`,
    );
  }
  log.date = input.date;

  const exerciseId = parseString(at('exerciseId'), input.exerciseId, idMaxLength);
  if (options.exerciseIds !== undefined && !options.exerciseIds.has(exerciseId)) {
    throw new ClinicalInputError(
      at('exerciseId'),
      `is not an exercise of the programme (${[...options.exerciseIds].join(', ')})`,
    );
  }
  log.exerciseId = exerciseId;

  for (const [field, { max, integer }] of Object.entries(countLimits)) {
    const value = input[field];
    if (value === undefined && field !== 'setsDone') continue;
    log[field] = parseNumber(at(field), value, max, integer);
  }

  if (input.completed !== undefined) {
    const completed = parseChoice(at('completed'), input.completed, completions);
    if (completed === 'skipped' && log.setsDone !== 0) {
      throw new ClinicalInputError(
        at('completed'),
        `is "skipped" but setsDone is ${describeValue(log.setsDone)}; a skipped session has 0 sets`,
      );
    }
    log.completed = completed;
  }

  // [S-PMM] pain is rated 0–10 in whole numbers; RPE uses the same 0–10 scale.
  for (const field of ratingFields) {
    if (input[field] !== undefined) log[field] = parseNumber(at(field), input[field], 10, true);
  }
  if (input.difficulty !== undefined) {
    log.difficulty = parseChoice(at('difficulty'), input.difficulty, difficulties);
  }
  if (input.symptoms !== undefined) log.symptoms = parseSymptoms(at('symptoms'), input.symptoms);
  if (input.note !== undefined) {
    if (typeof input.note !== 'string' || input.note.length > noteMaxLength) {
      throw new ClinicalInputError(
        at('note'),
        `must be text of at most ${noteMaxLength} characters, not ${describeValue(input.note)}`,
      );
    }
    log.note = input.note;
  }
  if (input.coach !== undefined) log.coach = parseCoach(at('coach'), input.coach);
  return log as unknown as SessionLog;
}

/**
 * Validates a list of session logs. Unknown fields, impossible dates (`2025-02-30`), ratings
 * outside 0–10 or not whole, unknown symptoms and, when `exerciseIds` is given, exercises not in
 * the programme are errors naming the field. Returns the logs in the order given, so indexes
 * into the input stay valid.
 */
export function parseLogs(input: unknown, options: ParseLogsOptions = {}): SessionLog[] {
  if (!Array.isArray(input)) {
    throw new ClinicalInputError(
      ['logs'],
      `must be a list of session logs, not ${describeValue(input)}`,
    );
  }
  return input.map((item: unknown, index) => parseLog(item, index, options));
}

/**
 * How complete a session was: as reported, or derived from the sets against the planned sets —
 * done when `setsDone` reaches them, partly when above 0, skipped at 0. (Reps, holds and minutes
 * are not compared: the plan counts bouts, and a set logged is a set done.)
 */
export function completionOf(log: SessionLog, plannedSets: number): Completion {
  if (log.completed !== undefined) return log.completed;
  if (log.setsDone >= plannedSets) return 'done';
  return log.setsDone > 0 ? 'partly' : 'skipped';
}

/**
 * How hard the session felt: as reported, or read from the RPE — 0–`rpeEasyMax` easy, up to
 * `rpeModerateMax` moderate, above hard (a Spinewise default mapping). A reported difficulty
 * wins over the RPE. `undefined` when neither is given.
 */
export function difficultyOf(
  log: SessionLog,
  thresholds: Pick<Thresholds, 'rpeEasyMax' | 'rpeModerateMax'>,
): Difficulty | undefined {
  if (log.difficulty !== undefined) return log.difficulty;
  if (log.rpe === undefined) return undefined;
  if (log.rpe <= thresholds.rpeEasyMax) return 'easy';
  return log.rpe <= thresholds.rpeModerateMax ? 'moderate' : 'hard';
}
