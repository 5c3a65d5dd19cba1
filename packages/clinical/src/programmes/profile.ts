/**
 * The patient profile a programme is generated from, and its validation. Every field that is
 * not given is "not recorded", never silently filled: where the generator needs a value it
 * uses a named default and says so in the rationale.
 */
import type { Equipment } from '../exercises/exercise.js';
import {
  ClinicalInputError,
  describeValue,
  isPlainObject,
  type InputPath,
} from '../input-error.js';
import { regions, type Region } from '../region.js';
import {
  patientConditions,
  type Condition,
  type DirectionalPreference,
} from '../safety/exercise-safety.js';
import { readDate } from '../dates.js';
import type { PhaseId } from './programme.js';

export type GoalKind =
  | 'lifting'
  | 'carrying'
  | 'bending'
  | 'walking'
  | 'sitting'
  | 'standing'
  | 'work'
  | 'sport'
  | 'other';
export const goalKinds: readonly GoalKind[] = [
  'lifting',
  'carrying',
  'bending',
  'walking',
  'sitting',
  'standing',
  'work',
  'sport',
  'other',
];

export interface Goal {
  /** The PSFS activity in the patient's words. */
  readonly activity: string;
  /** PSFS rating 0 (unable) – 10 (as before), when scored. */
  readonly rating?: number;
  /** What kind of activity it is; inferred from the words when not given. */
  readonly kind?: GoalKind;
}

export interface ClinicianDecision {
  readonly decision: 'reviewedAndCleared' | 'referred';
  readonly reason: string;
  readonly by?: string;
  readonly date?: string;
}

export interface Profile {
  readonly region: Region;
  readonly condition: Condition;
  readonly symptomDurationDays: number;
  readonly age: number;
  readonly sbstRisk?: 'low' | 'medium' | 'high';
  readonly scores?: { readonly odi?: number; readonly ndi?: number; readonly nprs?: number };
  readonly directionalPreference?: DirectionalPreference;
  readonly osteoporosis?: boolean;
  readonly surgeryDate?: string;
  readonly surgeonClearance?: boolean;
  /** The red-flag findings, run through the screen (REFERENCE §2). */
  readonly redFlags: { readonly findings: Readonly<Record<string, unknown>> };
  readonly clinicianDecision?: ClinicianDecision;
  readonly goals?: readonly Goal[];
  readonly minutesPerDay: number;
  readonly equipment?: readonly Equipment[];
  readonly startDate: string;
  /** Measured walking (or cycling) tolerance in minutes, for the graded activity quota. */
  readonly activityBaselineMinutes?: number;
}

export interface GenerateOptions {
  /** Programme length in weeks (default 6). */
  readonly weeks: number;
  /** Exercises per session (default 2–4). [S-ADH] */
  readonly exercisesPerSession: { readonly min: number; readonly max: number };
  /** Weeks with questionnaires (default 0, the mid-point and the end). */
  readonly reassessmentWeeks?: readonly number[];
  /** The clinician's choice of starting phase, overriding the classification. */
  readonly startPhase?: PhaseId;
}

export const defaultGenerateOptions: GenerateOptions = {
  weeks: 6,
  exercisesPerSession: { min: 2, max: 4 },
};

const equipmentIds: readonly Equipment[] = [
  'none',
  'mat',
  'chair',
  'wall',
  'table',
  'towel',
  'pillow',
  'step',
  'band',
  'weight',
  'bike',
];
const phaseIds: readonly PhaseId[] = ['settle', 'control', 'function', 'maintain'];
const cervicalConditions: readonly Condition[] = ['neckNonspecific', 'cervicalRadiculopathy'];
const surgicalConditions: readonly Condition[] = ['postFusion', 'postDiscectomy'];

const profileKeys = new Set([
  'region',
  'condition',
  'symptomDurationDays',
  'age',
  'sbstRisk',
  'scores',
  'directionalPreference',
  'osteoporosis',
  'surgeryDate',
  'surgeonClearance',
  'redFlags',
  'clinicianDecision',
  'goals',
  'minutesPerDay',
  'equipment',
  'startDate',
  'activityBaselineMinutes',
]);

function fail(path: InputPath, detail: string): never {
  throw new ClinicalInputError(path, detail);
}

function readEnum<T extends string>(value: unknown, path: InputPath, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  return fail(
    path,
    `${describeValue(value)} is not allowed; expected one of: ${allowed.join(', ')}`,
  );
}

function readNumber(
  value: unknown,
  path: InputPath,
  min: number,
  max: number,
  integer = false,
): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    return fail(
      path,
      `${describeValue(value)} is not allowed; expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
    );
  }
  return value;
}

function readBoolean(value: unknown, path: InputPath): boolean {
  if (typeof value !== 'boolean')
    return fail(path, `${describeValue(value)} is not allowed; expected true or false`);
  return value;
}

function readText(value: unknown, path: InputPath, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '')
    return fail(path, 'must be a non-empty text');
  if (value.length > maxLength) return fail(path, `must be at most ${maxLength} characters`);
  return value.trim();
}

function readObject(
  value: unknown,
  path: InputPath,
  keys: readonly string[],
): Record<string, unknown> {
  if (!isPlainObject(value)) return fail(path, `must be an object, not ${describeValue(value)}`);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key))
      fail([...path, key], `is not a known field; expected ${keys.join(', ')}`);
  }
  return value;
}

function readGoal(value: unknown, path: InputPath): Goal {
  const raw = readObject(value, path, ['activity', 'rating', 'kind']);
  return {
    activity: readText(raw.activity, [...path, 'activity'], 200),
    ...(raw.rating === undefined
      ? {}
      : { rating: readNumber(raw.rating, [...path, 'rating'], 0, 10, true) }),
    ...(raw.kind === undefined ? {} : { kind: readEnum(raw.kind, [...path, 'kind'], goalKinds) }),
  };
}

function readScores(value: unknown, path: InputPath): NonNullable<Profile['scores']> {
  const raw = readObject(value, path, ['odi', 'ndi', 'nprs']);
  return {
    ...(raw.odi === undefined ? {} : { odi: readNumber(raw.odi, [...path, 'odi'], 0, 100) }),
    ...(raw.ndi === undefined ? {} : { ndi: readNumber(raw.ndi, [...path, 'ndi'], 0, 100) }),
    ...(raw.nprs === undefined
      ? {}
      : { nprs: readNumber(raw.nprs, [...path, 'nprs'], 0, 10, true) }),
  };
}

function readDecision(value: unknown, path: InputPath): ClinicianDecision {
  const raw = readObject(value, path, ['decision', 'reason', 'by', 'date']);
  return {
    decision: readEnum(raw.decision, [...path, 'decision'], [
      'reviewedAndCleared',
      'referred',
    ] as const),
    reason: readText(raw.reason, [...path, 'reason'], 2000),
    ...(raw.by === undefined ? {} : { by: readText(raw.by, [...path, 'by'], 200) }),
    ...(raw.date === undefined ? {} : { date: readDate(raw.date, [...path, 'date']) }),
  };
}

/** Validates a profile; every problem is an error naming the field. */
export function parseProfile(input: unknown): Profile {
  if (!isPlainObject(input))
    return fail([], `the profile must be an object, not ${describeValue(input)}`);
  for (const key of Object.keys(input)) {
    if (!profileKeys.has(key)) fail([key], 'is not a profile field');
  }
  const region = readEnum(input.region, ['region'], regions);
  const condition = readEnum(input.condition, ['condition'], patientConditions);
  if (
    (region === 'cervical') !== cervicalConditions.includes(condition) &&
    !surgicalConditions.includes(condition)
  ) {
    fail(['condition'], `${condition} does not fit the ${region} region`);
  }
  const redFlags = readObject(input.redFlags, ['redFlags'], ['findings']);
  if (!isPlainObject(redFlags.findings))
    fail(['redFlags', 'findings'], 'must be an object of red-flag findings (it may be empty)');
  if (surgicalConditions.includes(condition) && input.surgeryDate === undefined) {
    fail(['surgeryDate'], `is needed for ${condition}`);
  }
  if (input.equipment !== undefined && !Array.isArray(input.equipment))
    fail(['equipment'], 'must be a list');
  if (input.goals !== undefined && (!Array.isArray(input.goals) || input.goals.length > 5)) {
    fail(['goals'], 'must be a list of up to 5 PSFS activities');
  }
  const profile: Profile = {
    region,
    condition,
    symptomDurationDays: readNumber(
      input.symptomDurationDays,
      ['symptomDurationDays'],
      0,
      36_500,
      true,
    ),
    // [S-NICE] NG59 covers people aged 16 and over.
    age: readNumber(input.age, ['age'], 16, 120),
    redFlags: { findings: redFlags.findings },
    minutesPerDay: readNumber(input.minutesPerDay, ['minutesPerDay'], 5, 180),
    startDate: readDate(input.startDate, ['startDate']),
    ...(input.sbstRisk === undefined
      ? {}
      : { sbstRisk: readEnum(input.sbstRisk, ['sbstRisk'], ['low', 'medium', 'high'] as const) }),
    ...(input.scores === undefined ? {} : { scores: readScores(input.scores, ['scores']) }),
    ...(input.directionalPreference === undefined
      ? {}
      : {
          directionalPreference: readEnum(input.directionalPreference, ['directionalPreference'], [
            'extension',
            'flexion',
            'lateral',
            'none',
          ] as const),
        }),
    ...(input.osteoporosis === undefined
      ? {}
      : { osteoporosis: readBoolean(input.osteoporosis, ['osteoporosis']) }),
    ...(input.surgeryDate === undefined
      ? {}
      : { surgeryDate: readDate(input.surgeryDate, ['surgeryDate']) }),
    ...(input.surgeonClearance === undefined
      ? {}
      : { surgeonClearance: readBoolean(input.surgeonClearance, ['surgeonClearance']) }),
    ...(input.clinicianDecision === undefined
      ? {}
      : { clinicianDecision: readDecision(input.clinicianDecision, ['clinicianDecision']) }),
    ...(input.goals === undefined
      ? {}
      : {
          goals: (input.goals as unknown[]).map((goal, index) => readGoal(goal, ['goals', index])),
        }),
    ...(input.equipment === undefined
      ? {}
      : {
          equipment: (input.equipment as unknown[]).map((item, index) =>
            readEnum(item, ['equipment', index], equipmentIds),
          ),
        }),
    ...(input.activityBaselineMinutes === undefined
      ? {}
      : {
          activityBaselineMinutes: readNumber(
            input.activityBaselineMinutes,
            ['activityBaselineMinutes'],
            1,
            240,
          ),
        }),
  };
  return profile;
}

/** Validates generation options over the defaults. */
export function parseGenerateOptions(input: unknown): GenerateOptions {
  if (input === undefined) return defaultGenerateOptions;
  const raw = readObject(
    input,
    ['options'],
    ['weeks', 'exercisesPerSession', 'reassessmentWeeks', 'startPhase'],
  );
  const weeks =
    raw.weeks === undefined
      ? defaultGenerateOptions.weeks
      : readNumber(raw.weeks, ['options', 'weeks'], 1, 26, true);
  let perSession = defaultGenerateOptions.exercisesPerSession;
  if (raw.exercisesPerSession !== undefined) {
    const bounds = readObject(
      raw.exercisesPerSession,
      ['options', 'exercisesPerSession'],
      ['min', 'max'],
    );
    const min = readNumber(bounds.min, ['options', 'exercisesPerSession', 'min'], 1, 6, true);
    const max = readNumber(bounds.max, ['options', 'exercisesPerSession', 'max'], min, 6, true);
    perSession = { min, max };
  }
  let reassessmentWeeks: number[] | undefined;
  if (raw.reassessmentWeeks !== undefined) {
    if (!Array.isArray(raw.reassessmentWeeks))
      fail(['options', 'reassessmentWeeks'], 'must be a list of week numbers');
    reassessmentWeeks = (raw.reassessmentWeeks as unknown[]).map((week, index) =>
      readNumber(week, ['options', 'reassessmentWeeks', index], 0, weeks, true),
    );
  }
  return {
    weeks,
    exercisesPerSession: perSession,
    ...(reassessmentWeeks === undefined ? {} : { reassessmentWeeks }),
    ...(raw.startPhase === undefined
      ? {}
      : { startPhase: readEnum(raw.startPhase, ['options', 'startPhase'], phaseIds) }),
  };
}
