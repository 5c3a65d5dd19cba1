import { ClinicalInputError, describeValue } from '../input-error.js';
import type { PsfsActivity } from './answers.js';
import {
  findBand,
  type BandScale,
  type InstrumentDefinition,
  type InstrumentId,
  type McidDefinition,
} from './definition.js';
import { getInstrumentModule } from './registry.js';

export interface ThresholdResult {
  readonly kind: 'absolute' | 'percent' | 'bandChange';
  /** Points, or percent of baseline; absent for a change of band. */
  readonly value?: number;
  readonly note?: string;
  readonly met: boolean;
}

export interface ChangeResult {
  readonly instrument: InstrumentId;
  /** The subscale compared, when not the primary score. */
  readonly subscale: string | null;
  /** The unit of the compared scores (subscales are in points). */
  readonly unit: 'percent' | 'points';
  readonly baseline: number;
  readonly followUp: number;
  /** followUp − baseline. */
  readonly absolute: number;
  /** absolute ÷ baseline × 100; `null` when the baseline is 0. */
  readonly percent: number | null;
  readonly direction: 'improved' | 'worsened' | 'unchanged';
  /** Whether the improvement reaches the MCID; `null` where the instrument has none. */
  readonly mcidMet: boolean | null;
  readonly mcid: {
    readonly description: string;
    readonly context: string;
    readonly combine: 'any' | 'all';
    readonly default: boolean;
    readonly thresholds: readonly ThresholdResult[];
  } | null;
  readonly sources: readonly string[];
}

export interface ChangeOptions {
  /** Chooses the MCID reported for that region where it differs (NPRS). */
  readonly region?: 'lumbar' | 'cervical';
  /** Compare a subscale instead of the primary score (FABQ: `pa` or `work`). */
  readonly subscale?: string;
}

// Scores are compared in full precision; this only absorbs floating-point noise.
const EPSILON = 1e-9;

function readScore(
  name: 'baseline' | 'followUp',
  value: unknown,
  range: { readonly min: number; readonly max: number },
): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw new ClinicalInputError(
      [name],
      `${describeValue(value)} is not a score; expected a number from ${range.min} to ${range.max}`,
    );
  }
  return value;
}

function chooseScale(definition: InstrumentDefinition, subscale: string | undefined) {
  if (subscale !== undefined) {
    const range = definition.subscaleRanges[subscale];
    if (range === undefined) {
      const names = Object.keys(definition.subscaleRanges);
      throw new ClinicalInputError(
        ['subscale'],
        names.length === 0
          ? `${definition.shortTitle} has no subscales`
          : `${describeValue(subscale)} is not a ${definition.shortTitle} subscale; choose one of: ${names.join(', ')}`,
      );
    }
    return range;
  }
  if (definition.scoreRange === null) {
    throw new ClinicalInputError(
      ['subscale'],
      `the ${definition.shortTitle} has no total score; choose the subscale to compare: ${Object.keys(definition.subscaleRanges).join(' or ')}`,
    );
  }
  return definition.scoreRange;
}

/** One line per MCID, e.g. "10 percentage points or 30 % of baseline — low back pain". */
export function describeMcid(mcid: McidDefinition, unit: 'percent' | 'points'): string {
  const parts = mcid.thresholds.map((threshold) => {
    const note = threshold.note === undefined ? '' : ` (${threshold.note})`;
    switch (threshold.kind) {
      case 'absolute':
        return `${threshold.value} ${unit === 'percent' ? 'percentage points' : 'points'}${note}`;
      case 'percent':
        return `${threshold.value} % of baseline${note}`;
      case 'bandChange':
        return `a change of band${note}`;
    }
  });
  const joined = parts.join(mcid.combine === 'all' ? ' and ' : ' or ');
  return `${joined} — ${mcid.context}${mcid.default === true ? ' (default)' : ''}`;
}

/**
 * Change between two scores of one instrument, direction-aware: an improvement is a fall for
 * ODI, NDI, RMDQ, NPRS, FABQ and TSK, a rise for PSFS and PSEQ. [REFERENCE §1] [S-MCID]
 */
export function change(
  id: unknown,
  baseline: unknown,
  followUp: unknown,
  options: ChangeOptions = {},
): ChangeResult {
  const { definition } = getInstrumentModule(id);
  const range = chooseScale(definition, options.subscale);
  const from = readScore('baseline', baseline, range);
  const to = readScore('followUp', followUp, range);

  const absolute = to - from;
  const percent = from === 0 ? null : (absolute / from) * 100;
  const improvement = definition.direction === 'lowerIsBetter' ? -absolute : absolute;
  const direction =
    Math.abs(absolute) < EPSILON ? 'unchanged' : improvement > 0 ? 'improved' : 'worsened';

  // MCIDs are published for the primary score only.
  const mcid =
    options.subscale === undefined
      ? (definition.mcid.find((candidate) => candidate.region === options.region) ??
        definition.mcid[0])
      : undefined;
  if (mcid === undefined) {
    return {
      instrument: definition.id,
      subscale: options.subscale ?? null,
      unit: options.subscale === undefined ? definition.unit : 'points',
      baseline: from,
      followUp: to,
      absolute,
      percent,
      direction,
      mcidMet: null,
      mcid: null,
      sources: definition.sources,
    };
  }

  const thresholds = mcid.thresholds.map((threshold): ThresholdResult => {
    switch (threshold.kind) {
      case 'absolute':
        return { ...threshold, met: improvement >= threshold.value - EPSILON };
      case 'percent':
        // [S-MCID] a percentage of the baseline score.
        return {
          ...threshold,
          met: from > 0 && (improvement / from) * 100 >= threshold.value - EPSILON,
        };
      case 'bandChange': {
        // Band scales on the score cover the whole score range.
        const { bands } = definition.bandScale as BandScale;
        const met = improvement > 0 && findBand(bands, from).id !== findBand(bands, to).id;
        return { ...threshold, met };
      }
    }
  });
  const mcidMet =
    mcid.combine === 'any'
      ? thresholds.some((threshold) => threshold.met)
      : thresholds.every((threshold) => threshold.met);

  return {
    instrument: definition.id,
    subscale: null,
    unit: definition.unit,
    baseline: from,
    followUp: to,
    absolute,
    percent,
    direction,
    mcidMet,
    mcid: {
      description: describeMcid(mcid, definition.unit),
      context: mcid.context,
      combine: mcid.combine,
      default: mcid.default === true,
      thresholds,
    },
    sources: mcid.sources,
  };
}

export interface PsfsActivityChange {
  readonly activity: string;
  readonly baseline: number;
  readonly followUp: number;
  readonly absolute: number;
  /** [S-PSFS] 3 points for a single activity. */
  readonly mcidMet: boolean;
}

const PSFS_SINGLE_ACTIVITY_MCID = 3; // [S-PSFS]

/**
 * Activity-by-activity PSFS change, matching activities by their text (case and spacing
 * ignored). Activities named at only one time point are listed apart, never dropped.
 */
export function psfsActivityChanges(
  baseline: readonly PsfsActivity[],
  followUp: readonly PsfsActivity[],
): {
  readonly activities: readonly PsfsActivityChange[];
  readonly unmatched: readonly PsfsActivity[];
} {
  const key = (activity: PsfsActivity) =>
    activity.activity?.trim().toLowerCase().replace(/\s+/g, ' ') ?? null;
  const later = new Map<string, PsfsActivity>();
  for (const activity of followUp) {
    const name = key(activity);
    if (name !== null) later.set(name, activity);
  }
  const activities: PsfsActivityChange[] = [];
  const unmatched: PsfsActivity[] = [];
  for (const before of baseline) {
    const name = key(before);
    const after = name === null ? undefined : later.get(name);
    if (name === null || after === undefined) {
      unmatched.push(before);
      continue;
    }
    later.delete(name);
    const absolute = after.rating - before.rating;
    activities.push({
      activity: before.activity as string,
      baseline: before.rating,
      followUp: after.rating,
      absolute,
      mcidMet: absolute >= PSFS_SINGLE_ACTIVITY_MCID,
    });
  }
  unmatched.push(...later.values());
  for (const activity of followUp) if (key(activity) === null) unmatched.push(activity);
  return { activities, unmatched };
}
