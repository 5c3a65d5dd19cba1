/**
 * The minimal clinically important difference of an outcome score, as the clinical core
 * defines it [S-MCID]: how far from the baseline a score must move to count as a real change.
 * The chart shades the band closer to the baseline than that.
 */
import { describeMcid, getInstrument, isInstrumentId, type Region } from '@spinewise/clinical';

export interface McidBand {
  /** The lowest and highest scores still within the MCID of the baseline, clipped to range. */
  readonly low: number;
  readonly high: number;
  /** The change that counts, in the score's units, for this baseline. */
  readonly threshold: number;
  /** E.g. "10 percentage points or 30 % of baseline — low back pain". */
  readonly description: string;
  readonly sources: readonly string[];
}

export interface ScoreScale {
  readonly min: number;
  readonly max: number;
  readonly unit: 'percent' | 'points';
  readonly lowerIsBetter: boolean;
}

/** The score range and direction of an instrument with a total score, or null. */
export function scoreScale(instrument: string): ScoreScale | null {
  if (!isInstrumentId(instrument)) return null;
  const definition = getInstrument(instrument);
  if (definition.scoreRange === null) return null;
  return {
    min: definition.scoreRange.min,
    max: definition.scoreRange.max,
    unit: definition.unit,
    lowerIsBetter: definition.direction === 'lowerIsBetter',
  };
}

/**
 * The MCID band around `baseline`, choosing the figure for `region` where it differs, as the
 * core's `change` does. With "any" of several thresholds the smallest counts, with "all" the
 * largest; a change of band alone has no width to draw, so it gives no band.
 */
export function mcidBand(instrument: string, baseline: number, region?: Region): McidBand | null {
  if (!isInstrumentId(instrument)) return null;
  const definition = getInstrument(instrument);
  const range = definition.scoreRange;
  if (range === null) return null;
  const mcid =
    definition.mcid.find((candidate) => candidate.region === region) ?? definition.mcid[0];
  if (mcid === undefined) return null;
  const widths = mcid.thresholds.flatMap((threshold) => {
    if (threshold.kind === 'absolute') return [threshold.value];
    if (threshold.kind === 'percent' && baseline > 0) return [(baseline * threshold.value) / 100];
    return [];
  });
  if (widths.length === 0) return null;
  const threshold = mcid.combine === 'any' ? Math.min(...widths) : Math.max(...widths);
  return {
    low: Math.max(range.min, baseline - threshold),
    high: Math.min(range.max, baseline + threshold),
    threshold,
    description: describeMcid(mcid, definition.unit),
    sources: mcid.sources,
  };
}
