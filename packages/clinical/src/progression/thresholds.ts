/**
 * Every number the progression rules use, as one named, configurable object. Each carries its
 * source id and whether it is a **default** (a convention, not evidence: REFERENCE §5 says every
 * dosage and progression number is one, to be shown as such and signed off by a clinician).
 */
import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import type { SourceId } from '../sources.js';

export interface Thresholds {
  /** Pain 0–2 is the safe zone of the pain-monitoring model. [S-PMM] */
  readonly safePainMax: number;
  /** Pain 3–5 is acceptable; above it is too much (during or after exercise). [S-PMM] */
  readonly acceptablePainMax: number;
  /** Progress only when pain during stays at or below this. [S-PMM] */
  readonly progressPainDuringMax: number;
  /** Share of planned sessions done in the window needed to progress. [S-PMM] default 80 % */
  readonly adherenceForProgress: number;
  /** Days looked back from today, today included. */
  readonly windowDays: number;
  /** The last sessions whose difficulty must be easy or moderate to progress. */
  readonly lastSessionsForDifficulty: number;
  /** Fewer sessions than this in the window → hold for want of logs. */
  readonly minSessionsInWindow: number;
  /** Rise of mean pain during, this window over the previous one, that counts as rising. */
  readonly painRiseMin: number;
  /** Rise of mean next-morning stiffness that counts as rising. */
  readonly stiffnessRiseMin: number;
  /** Logs with a value needed in each window before a week-on-week trend is judged. */
  readonly minLogsForTrend: number;
  /** Adherence over all exercises below this raises a non-adherence flag. */
  readonly nonAdherenceBelow: number;
  /** How much a session logged as `partly` counts towards adherence. */
  readonly partlyCounts: number;
  /** At most one level change per chain in this many days. */
  readonly levelChangeIntervalDays: number;
  /** RPE 0–this → easy. */
  readonly rpeEasyMax: number;
  /** RPE above `rpeEasyMax` up to this → moderate; above → hard. */
  readonly rpeModerateMax: number;
}

export type ThresholdKey = keyof Thresholds;

export interface ThresholdDefinition {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** True where REFERENCE marks the value a default (or gives none and Spinewise chose it). */
  readonly isDefault: boolean;
  readonly note: string;
  readonly sources: readonly SourceId[];
}

export const thresholdDefinitions: Readonly<Record<ThresholdKey, ThresholdDefinition>> = {
  // [S-PMM] 0–2 safe.
  safePainMax: {
    default: 2,
    min: 0,
    max: 10,
    integer: true,
    isDefault: false,
    note: 'Pain-monitoring model: 0–2 is safe.',
    sources: ['S-PMM'],
  },
  // [S-PMM] 3–5 acceptable, >5 too much.
  acceptablePainMax: {
    default: 5,
    min: 0,
    max: 10,
    integer: true,
    isDefault: false,
    note: 'Pain-monitoring model: 3–5 is acceptable, above 5 is too much.',
    sources: ['S-PMM'],
  },
  // [S-PMM] REFERENCE §5 progress rule: pain during ≤3.
  progressPainDuringMax: {
    default: 3,
    min: 0,
    max: 10,
    integer: true,
    isDefault: true,
    note: 'Progress rule: pain during at most 3 (REFERENCE §5 default).',
    sources: ['S-PMM'],
  },
  // [S-PMM] REFERENCE §5 progress rule: ≥80 % of planned sessions in the last 7 days.
  adherenceForProgress: {
    default: 0.8,
    min: 0,
    max: 1,
    integer: false,
    isDefault: true,
    note: 'Progress rule: at least 80 % of planned sessions done (REFERENCE §5 default).',
    sources: ['S-PMM'],
  },
  // [S-PMM] REFERENCE §5: "in the last 7 days"; week on week compares two such windows.
  windowDays: {
    default: 7,
    min: 1,
    max: 28,
    integer: true,
    isDefault: true,
    note: 'Days looked back, today included: "the last 7 days" and "week on week".',
    sources: ['S-PMM'],
  },
  // [S-PMM] REFERENCE §5: difficulty easy or moderate on the last 2 sessions.
  lastSessionsForDifficulty: {
    default: 2,
    min: 1,
    max: 14,
    integer: true,
    isDefault: true,
    note: 'Progress rule: difficulty easy or moderate on the last 2 sessions.',
    sources: ['S-PMM'],
  },
  // REFERENCE gives none: Spinewise default, matching the 2 sessions the difficulty rule reads.
  minSessionsInWindow: {
    default: 2,
    min: 1,
    max: 28,
    integer: true,
    isDefault: true,
    note: 'Spinewise default (REFERENCE gives none): fewer sessions in the window → hold.',
    sources: [],
  },
  // [S-PMM] "must not rise week on week"; the size of a rise is a Spinewise default.
  painRiseMin: {
    default: 1,
    min: 0.1,
    max: 10,
    integer: false,
    isDefault: true,
    note: 'Spinewise default: a mean rise of 1 point counts as pain rising week on week.',
    sources: ['S-PMM'],
  },
  // [S-PMM] "pain and stiffness must not rise week on week"; the size is a Spinewise default.
  stiffnessRiseMin: {
    default: 1,
    min: 0.1,
    max: 10,
    integer: false,
    isDefault: true,
    note: 'Spinewise default: a mean rise of 1 point counts as stiffness rising week on week.',
    sources: ['S-PMM'],
  },
  // REFERENCE gives none: a trend from a single log is noise.
  minLogsForTrend: {
    default: 2,
    min: 1,
    max: 28,
    integer: true,
    isDefault: true,
    note: 'Spinewise default: logs with a value needed in each window to judge a trend.',
    sources: [],
  },
  // REFERENCE gives none: a Spinewise default. Adherence falls as exercises rise [S-ADH].
  nonAdherenceBelow: {
    default: 0.5,
    min: 0,
    max: 1,
    integer: false,
    isDefault: true,
    note: 'Spinewise default (REFERENCE gives none): adherence below 50 % raises a flag.',
    sources: ['S-ADH'],
  },
  // REFERENCE gives none: half a session counts half.
  partlyCounts: {
    default: 0.5,
    min: 0,
    max: 1,
    integer: false,
    isDefault: true,
    note: 'Spinewise default: a session done partly counts as half a session.',
    sources: [],
  },
  // [S-ACSM] one step at a time; "at most one level a week" is a Spinewise default.
  levelChangeIntervalDays: {
    default: 7,
    min: 1,
    max: 28,
    integer: true,
    isDefault: true,
    note: 'Spinewise default: at most one level progression per chain a week.',
    sources: ['S-ACSM'],
  },
  // RPE 0–4 easy: a Spinewise default mapping of the 0–10 scale onto three ratings.
  rpeEasyMax: {
    default: 4,
    min: 0,
    max: 10,
    integer: true,
    isDefault: true,
    note: 'Spinewise default: RPE 0–4 reads as easy.',
    sources: [],
  },
  // RPE 5–6 moderate, 7–10 hard: a Spinewise default.
  rpeModerateMax: {
    default: 6,
    min: 0,
    max: 10,
    integer: true,
    isDefault: true,
    note: 'Spinewise default: RPE 5–6 reads as moderate, 7–10 as hard.',
    sources: [],
  },
};

export const thresholdKeys = Object.keys(thresholdDefinitions) as ThresholdKey[];

export const defaultThresholds: Thresholds = Object.fromEntries(
  thresholdKeys.map((key) => [key, thresholdDefinitions[key].default]),
) as unknown as Thresholds;

/** Pairs that must stay ordered (`low` ≤ `high`, or `<` when strict) after overrides. */
const orderedPairs: readonly { low: ThresholdKey; high: ThresholdKey; strict: boolean }[] = [
  { low: 'safePainMax', high: 'acceptablePainMax', strict: true },
  { low: 'progressPainDuringMax', high: 'acceptablePainMax', strict: false },
  { low: 'rpeEasyMax', high: 'rpeModerateMax', strict: true },
];

function isThresholdKey(key: string): key is ThresholdKey {
  return Object.hasOwn(thresholdDefinitions, key);
}

/**
 * The thresholds to use: the defaults, with any overrides given. Every override is checked
 * against its bounds; an unknown key or a bad value is a `ClinicalInputError` at
 * `['options', 'thresholds', key]`.
 */
export function resolveThresholds(partial: unknown): Thresholds {
  const path = ['options', 'thresholds'] as const;
  if (partial === undefined) return defaultThresholds;
  if (!isPlainObject(partial)) {
    throw new ClinicalInputError(
      path,
      `must be an object of thresholds, not ${describeValue(partial)}`,
    );
  }
  const resolved: Record<string, number> = { ...defaultThresholds };
  for (const [key, value] of Object.entries(partial)) {
    if (!isThresholdKey(key)) {
      throw new ClinicalInputError(
        [...path, key],
        `is not a threshold; thresholds are ${thresholdKeys.join(', ')}`,
      );
    }
    if (value === undefined) continue;
    const { min, max, integer } = thresholdDefinitions[key];
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= min &&
      value <= max &&
      (!integer || Number.isInteger(value));
    if (!valid) {
      throw new ClinicalInputError(
        [...path, key],
        `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${describeValue(value)}`,
      );
    }
    resolved[key] = value;
  }
  const thresholds = resolved as unknown as Thresholds;
  for (const { low, high, strict } of orderedPairs) {
    const ok = strict ? thresholds[low] < thresholds[high] : thresholds[low] <= thresholds[high];
    if (!ok) {
      const blamed = Object.hasOwn(partial, high) ? high : low;
      throw new ClinicalInputError(
        [...path, blamed],
        `${low} (${thresholds[low]}) must be ${strict ? 'below' : 'at most'} ${high} (${thresholds[high]})`,
      );
    }
  }
  return thresholds;
}
