import { ClinicalInputError, describeValue } from '../input-error.js';
import { readAnswers, type PsfsActivity } from './answers.js';
import {
  findBand,
  type InstrumentDefinition,
  type InstrumentId,
  type Wording,
} from './definition.js';
import { getInstrumentModule } from './registry.js';

export interface InstrumentScore {
  readonly instrument: InstrumentId;
  readonly title: string;
  readonly version: string;
  readonly wording: Wording;
  /** The instrument's copyright and licence notice, shown wherever the score is. [S-LIC] */
  readonly copyright: string;
  readonly licenceNote: string;
  /** Full precision; `null` only for the FABQ, which has no total. */
  readonly score: number | null;
  /** For people: ODI/NDI % to one decimal (16/45 → "35.6 %"). [REFERENCE §1] */
  readonly display: string;
  readonly unit: 'percent' | 'points';
  readonly band: string | null;
  readonly bandLabel: string | null;
  readonly bandRange: string | null;
  /** `sbst`: psychosocial; `fabq`: pa, work; `ndi`: raw. */
  readonly subscales: Readonly<Record<string, number>>;
  readonly answered: number;
  readonly missing: number;
  readonly missingItems: readonly string[];
  /** PSFS: each activity with its rating. */
  readonly activities?: readonly PsfsActivity[];
  readonly interpretation: string;
  readonly sources: readonly string[];
}

export interface ScoreOptions {
  /** Most sections that may be missing, for instruments that prorate (ODI, NDI). */
  readonly maxMissing?: number;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function display(
  definition: InstrumentDefinition,
  score: number | null,
  subscales: Readonly<Record<string, number>>,
): string {
  if (score === null) {
    return Object.entries(subscales)
      .map(([name, value]) => {
        // Every subscale an instrument returns has its range in the definition.
        const range = definition.subscaleRanges[name] as { readonly max: number };
        return `${name} ${value} / ${range.max}`;
      })
      .join(', ');
  }
  if (definition.unit === 'percent') return `${score.toFixed(1)} %`;
  // An instrument that returns a score defines its range.
  const range = definition.scoreRange as { readonly max: number };
  return `${formatNumber(score)} / ${range.max}`;
}

function resolveMaxMissing(definition: InstrumentDefinition, options: ScoreOptions): number {
  const { maxMissing } = options;
  if (maxMissing === undefined) return definition.missing.maxMissing;
  if (definition.missing.rule !== 'prorate') {
    throw new ClinicalInputError(
      ['maxMissing'],
      `${definition.shortTitle} has no rule for missing items, so maxMissing cannot be set`,
    );
  }
  const scored = definition.items.filter((item) => item.scored).length;
  if (!Number.isInteger(maxMissing) || maxMissing < 0 || maxMissing >= scored) {
    throw new ClinicalInputError(
      ['maxMissing'],
      `${describeValue(maxMissing)} is not allowed; expected a whole number from 0 to ${scored - 1}`,
    );
  }
  return maxMissing;
}

/**
 * Scores one completed instrument from its answers in item order (`null` = skipped).
 * Bad answers and too many missing items are errors naming the item, never a silent zero.
 */
export function scoreInstrument(
  id: unknown,
  answers: unknown,
  options: ScoreOptions = {},
): InstrumentScore {
  const module = getInstrumentModule(id);
  const { definition } = module;
  const read = readAnswers(definition, answers, resolveMaxMissing(definition, options));
  const parts = module.score(read);

  let band = parts.band ?? null;
  if (band === null && definition.bandScale !== null) {
    const on = definition.bandScale.on;
    // Band scales name the score or a subscale the instrument always returns.
    const value = on === 'score' ? parts.score : parts.subscales[on];
    band = findBand(definition.bandScale.bands, value as number);
  }

  return {
    instrument: definition.id,
    title: definition.title,
    version: definition.version,
    wording: definition.wording,
    copyright: definition.copyright,
    licenceNote: definition.licenceNote,
    score: parts.score,
    display: display(definition, parts.score, parts.subscales),
    unit: definition.unit,
    band: band?.id ?? null,
    bandLabel: band?.label ?? null,
    bandRange: band?.range ?? null,
    subscales: parts.subscales,
    answered: read.values.filter((value) => value !== null).length,
    missing: read.missingItems.length,
    missingItems: read.missingItems,
    ...(read.activities === undefined ? {} : { activities: read.activities }),
    interpretation: definition.interpretation,
    sources: definition.sources,
  };
}
