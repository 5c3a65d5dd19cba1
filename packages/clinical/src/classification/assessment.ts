/**
 * The assessment the classification rules read, and its validation. Everything but the
 * region is optional: a missing item is "not known" and makes the criteria that need it
 * `unknown`, never a silent default. A wrong type, an out-of-range value or an unknown key is
 * a ClinicalInputError naming the path.
 */
import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import type { InputPath } from '../input-error.js';
import { regions, type Region } from '../region.js';
import { startBackRisk } from './start-back.js';

export type SbstRisk = 'low' | 'medium' | 'high';
export type MovementDirection = 'extension' | 'flexion' | 'lateral' | 'rotation';
export type MovementEffect =
  'centralises' | 'reduces' | 'noEffect' | 'increases' | 'peripheralises';

export const sbstRisks: readonly SbstRisk[] = ['low', 'medium', 'high'];
export const movementDirections: readonly MovementDirection[] = [
  'extension',
  'flexion',
  'lateral',
  'rotation',
];
export const movementEffects: readonly MovementEffect[] = [
  'centralises',
  'reduces',
  'noEffect',
  'increases',
  'peripheralises',
];

export interface RepeatedMovementFinding {
  direction: MovementDirection;
  effect: MovementEffect;
}

export interface SbstScore {
  /** 0–9 */
  total: number;
  /** Items 5–9, 0–5 */
  psychosocial: number;
}

export interface AssessmentScores {
  /** Oswestry Disability Index, % 0–100 */
  odi?: number;
  /** Neck Disability Index, % 0–100 (raw × 2) */
  ndi?: number;
  /** Numeric pain rating, whole number 0–10 */
  nprs?: number;
  /** FABQ work subscale, whole number 0–42 */
  fabqWork?: number;
  sbst?: SbstScore;
  /** The STarT Back risk group when the item scores are not to hand. */
  sbstRisk?: SbstRisk;
}

export interface AssessmentExamination {
  /** At least one hypomobile lumbar segment on spring testing. */
  hypomobileLumbarSegment?: boolean;
  /** Internal rotation of the hip with more range, degrees. */
  hipInternalRotationDegrees?: number;
  straightLegRaiseDegrees?: number;
  aberrantMovement?: boolean;
  proneInstabilityTest?: boolean;
  /** One finding per direction. */
  repeatedMovements?: RepeatedMovementFinding[];
  ulttA?: boolean;
  spurling?: boolean;
  distractionRelieves?: boolean;
  /** Cervical rotation towards the symptomatic side, degrees. */
  ipsilateralRotationDegrees?: number;
}

export interface Assessment {
  region: Region;
  age?: number;
  symptomDurationDays?: number;
  recurrentEpisode?: boolean;
  symptomsBelowKnee?: boolean;
  scores?: AssessmentScores;
  examination?: AssessmentExamination;
}

const assessmentKeys = [
  'region',
  'age',
  'symptomDurationDays',
  'recurrentEpisode',
  'symptomsBelowKnee',
  'scores',
  'examination',
] as const;
const scoreKeys = ['odi', 'ndi', 'nprs', 'fabqWork', 'sbst', 'sbstRisk'] as const;
const sbstKeys = ['total', 'psychosocial'] as const;
const examinationKeys = [
  'hypomobileLumbarSegment',
  'hipInternalRotationDegrees',
  'straightLegRaiseDegrees',
  'aberrantMovement',
  'proneInstabilityTest',
  'repeatedMovements',
  'ulttA',
  'spurling',
  'distractionRelieves',
  'ipsilateralRotationDegrees',
] as const;
const movementKeys = ['direction', 'effect'] as const;

/** Joint angles: a physical bound only, not a clinical cut-off. */
const maxDegrees = 180;

/** Validate an assessment; throws ClinicalInputError naming the failing path. */
export function parseAssessment(input: unknown): Assessment {
  const raw = readObject(input, [], assessmentKeys);
  const region = readEnum(raw, 'region', [], regions);
  if (region === undefined) throw new ClinicalInputError(['region'], 'is required');
  const assessment: Assessment = { region };

  const age = readNumber(raw, 'age', [], { min: 0, max: 120, what: 'a number of years' });
  if (age !== undefined) assessment.age = age;
  const duration = readNumber(raw, 'symptomDurationDays', [], {
    min: 0,
    what: 'a number of days',
  });
  if (duration !== undefined) assessment.symptomDurationDays = duration;
  const recurrent = readBoolean(raw, 'recurrentEpisode', []);
  if (recurrent !== undefined) assessment.recurrentEpisode = recurrent;
  const belowKnee = readBoolean(raw, 'symptomsBelowKnee', []);
  if (belowKnee !== undefined) assessment.symptomsBelowKnee = belowKnee;

  if (raw.scores !== undefined) assessment.scores = parseScores(raw.scores, ['scores']);
  if (raw.examination !== undefined) {
    assessment.examination = parseExamination(raw.examination, ['examination']);
  }
  return assessment;
}

function parseScores(value: unknown, path: InputPath): AssessmentScores {
  const raw = readObject(value, path, scoreKeys);
  const scores: AssessmentScores = {};
  const odi = readNumber(raw, 'odi', path, { min: 0, max: 100, what: 'a percentage' });
  if (odi !== undefined) scores.odi = odi;
  const ndi = readNumber(raw, 'ndi', path, { min: 0, max: 100, what: 'a percentage' });
  if (ndi !== undefined) scores.ndi = ndi;
  const nprs = readNumber(raw, 'nprs', path, {
    min: 0,
    max: 10,
    integer: true,
    what: 'a whole number',
  });
  if (nprs !== undefined) scores.nprs = nprs;
  const fabqWork = readNumber(raw, 'fabqWork', path, {
    min: 0,
    max: 42,
    integer: true,
    what: 'a whole number',
  });
  if (fabqWork !== undefined) scores.fabqWork = fabqWork;
  if (raw.sbst !== undefined) scores.sbst = parseSbst(raw.sbst, [...path, 'sbst']);
  const sbstRisk = readEnum(raw, 'sbstRisk', path, sbstRisks);
  if (sbstRisk !== undefined) {
    // Both may be recorded (e.g. an imported questionnaire carries score and risk): they must agree.
    if (scores.sbst !== undefined && startBackRisk(scores.sbst) !== sbstRisk) {
      throw new ClinicalInputError(
        [...path, 'sbstRisk'],
        `is "${sbstRisk}" but scores.sbst gives "${startBackRisk(scores.sbst)}"`,
      );
    }
    scores.sbstRisk = sbstRisk;
  }
  return scores;
}

function parseSbst(value: unknown, path: InputPath): SbstScore {
  const raw = readObject(value, path, sbstKeys);
  const total = readNumber(raw, 'total', path, {
    min: 0,
    max: 9,
    integer: true,
    what: 'a whole number',
  });
  const psychosocial = readNumber(raw, 'psychosocial', path, {
    min: 0,
    max: 5,
    integer: true,
    what: 'a whole number',
  });
  if (total === undefined) throw new ClinicalInputError([...path, 'total'], 'is required');
  if (psychosocial === undefined) {
    throw new ClinicalInputError([...path, 'psychosocial'], 'is required');
  }
  // [S-SB] the subscale is items 5–9 of the total, and items 1–4 add at most 4 more.
  if (psychosocial > total || total - psychosocial > 4) {
    throw new ClinicalInputError(
      [...path, 'psychosocial'],
      `${psychosocial} does not fit a total of ${total} (the subscale is items 5–9 of the 9 items)`,
    );
  }
  return { total, psychosocial };
}

function parseExamination(value: unknown, path: InputPath): AssessmentExamination {
  const raw = readObject(value, path, examinationKeys);
  const exam: AssessmentExamination = {};
  const degrees = { min: 0, max: maxDegrees, what: 'a number of degrees' };

  const hypomobile = readBoolean(raw, 'hypomobileLumbarSegment', path);
  if (hypomobile !== undefined) exam.hypomobileLumbarSegment = hypomobile;
  const hipIr = readNumber(raw, 'hipInternalRotationDegrees', path, degrees);
  if (hipIr !== undefined) exam.hipInternalRotationDegrees = hipIr;
  const slr = readNumber(raw, 'straightLegRaiseDegrees', path, degrees);
  if (slr !== undefined) exam.straightLegRaiseDegrees = slr;
  const aberrant = readBoolean(raw, 'aberrantMovement', path);
  if (aberrant !== undefined) exam.aberrantMovement = aberrant;
  const prone = readBoolean(raw, 'proneInstabilityTest', path);
  if (prone !== undefined) exam.proneInstabilityTest = prone;
  if (raw.repeatedMovements !== undefined) {
    exam.repeatedMovements = parseRepeatedMovements(raw.repeatedMovements, [
      ...path,
      'repeatedMovements',
    ]);
  }
  const ultt = readBoolean(raw, 'ulttA', path);
  if (ultt !== undefined) exam.ulttA = ultt;
  const spurling = readBoolean(raw, 'spurling', path);
  if (spurling !== undefined) exam.spurling = spurling;
  const distraction = readBoolean(raw, 'distractionRelieves', path);
  if (distraction !== undefined) exam.distractionRelieves = distraction;
  const rotation = readNumber(raw, 'ipsilateralRotationDegrees', path, degrees);
  if (rotation !== undefined) exam.ipsilateralRotationDegrees = rotation;
  return exam;
}

function parseRepeatedMovements(value: unknown, path: InputPath): RepeatedMovementFinding[] {
  if (!Array.isArray(value)) {
    throw new ClinicalInputError(path, `must be a list, got ${describeValue(value)}`);
  }
  const findings: RepeatedMovementFinding[] = [];
  value.forEach((item: unknown, index) => {
    const itemPath = [...path, index];
    const raw = readObject(item, itemPath, movementKeys);
    const direction = readEnum(raw, 'direction', itemPath, movementDirections);
    const effect = readEnum(raw, 'effect', itemPath, movementEffects);
    if (direction === undefined) {
      throw new ClinicalInputError([...itemPath, 'direction'], 'is required');
    }
    if (effect === undefined) throw new ClinicalInputError([...itemPath, 'effect'], 'is required');
    // One response per direction, so a preference cannot contradict itself.
    const earlier = findings.findIndex((finding) => finding.direction === direction);
    if (earlier !== -1) {
      throw new ClinicalInputError(
        [...itemPath, 'direction'],
        `"${direction}" is already given at repeatedMovements[${earlier}]; give one response per direction`,
      );
    }
    findings.push({ direction, effect });
  });
  return findings;
}

function readObject(
  value: unknown,
  path: InputPath,
  keys: readonly string[],
): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new ClinicalInputError(path, `must be an object, got ${describeValue(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new ClinicalInputError([...path, key], 'is not a known field');
  }
  return value;
}

function readNumber(
  raw: Record<string, unknown>,
  key: string,
  path: InputPath,
  range: { min: number; max?: number; integer?: boolean; what: string },
): number | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  const bounds =
    range.max === undefined ? `${range.min} or more` : `from ${range.min} to ${range.max}`;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= range.min &&
    (range.max === undefined || value <= range.max) &&
    (range.integer !== true || Number.isInteger(value));
  if (!ok) {
    throw new ClinicalInputError(
      [...path, key],
      `must be ${range.what} ${bounds}, got ${describeValue(value)}`,
    );
  }
  return value;
}

function readBoolean(
  raw: Record<string, unknown>,
  key: string,
  path: InputPath,
): boolean | undefined {
  const value = raw[key];
  if (value === undefined || typeof value === 'boolean') return value;
  throw new ClinicalInputError(
    [...path, key],
    `must be true or false (leave it out when not known), got ${describeValue(value)}`,
  );
}

function readEnum<T extends string>(
  raw: Record<string, unknown>,
  key: string,
  path: InputPath,
  values: readonly T[],
): T | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  const match = values.find((allowed) => allowed === value);
  if (match === undefined) {
    throw new ClinicalInputError(
      [...path, key],
      `must be one of ${values.map((v) => `"${v}"`).join(', ')}, got ${describeValue(value)}`,
    );
  }
  return match;
}
