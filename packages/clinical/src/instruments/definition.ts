/**
 * What an outcome instrument is, as data: structure, scoring facts, bands, MCID, codes and
 * licence. Item labels are short paraphrases in our own words; a clinic holding a licence
 * imports the exact wording (see fhir-import.ts). [S-LIC]
 */
export type InstrumentId =
  'odi' | 'ndi' | 'rmdq' | 'sbst' | 'nprs' | 'psfs' | 'fabq' | 'tsk17' | 'tsk11' | 'pseq';

export type ScoreDirection = 'lowerIsBetter' | 'higherIsBetter';
export type Wording = 'paraphrase' | 'licensed-import';

export interface ResponseOption {
  readonly value: number;
  /** Our own short label, or the licensed text after an import. */
  readonly label: string;
}

export interface InstrumentItem {
  /** Stable id, e.g. `walking`. */
  readonly id: string;
  /** 1-based position in the instrument; the FHIR linkId `<instrument>-<number>` maps onto it. */
  readonly number: number;
  /** Short paraphrase in our own words. */
  readonly label: string;
  /** The licensed item text, present only after a licensed import. */
  readonly text?: string;
  readonly options: readonly ResponseOption[];
  /** False for items the instrument asks but does not score (FABQ items 1, 8, 13, 14, 16). */
  readonly scored: boolean;
  /** Reverse-scored items (TSK-17 items 4, 8, 12, 16). */
  readonly reversed?: boolean;
  readonly loinc?: string;
}

export interface Band {
  readonly id: string;
  readonly label: string;
  /** The range as the source writes it, e.g. `>20–40`. */
  readonly range: string;
  /** Upper bound of the band on its scale. */
  readonly upTo: number;
  /** Whether `upTo` itself belongs to this band (ODI `>20–40`) or to the next one (NDI `5–14` on a continuous raw). */
  readonly upToInclusive: boolean;
}

export interface BandScale {
  /** Which number the bands apply to: `score` (the primary score) or a subscale's name. */
  readonly on: string;
  readonly bands: readonly Band[];
}

export type McidThreshold =
  | { readonly kind: 'absolute'; readonly value: number; readonly note?: string }
  | { readonly kind: 'percent'; readonly value: number; readonly note?: string }
  | { readonly kind: 'bandChange'; readonly note?: string };

export interface McidDefinition {
  /** Where the figure comes from, e.g. `low back pain`. */
  readonly context: string;
  /** The spinal region the figure was reported in, when it differs by region (NPRS). */
  readonly region?: 'lumbar' | 'cervical';
  /** `any`: meeting either threshold counts; `all`: every threshold must be met. */
  readonly combine: 'any' | 'all';
  readonly thresholds: readonly McidThreshold[];
  readonly default?: boolean;
  readonly sources: readonly string[];
}

export interface MissingRule {
  /** `prorate`: skipped items shrink the denominator; `none`: every scored item must be answered. */
  readonly rule: 'prorate' | 'none';
  /** Most scored items that may be missing (a **default** for prorating instruments). */
  readonly maxMissing: number;
  readonly description: string;
}

export interface InstrumentDefinition {
  readonly id: InstrumentId;
  readonly title: string;
  readonly shortTitle: string;
  readonly version: string;
  readonly region: 'lumbar' | 'cervical' | 'any';
  readonly description: string;
  readonly items: readonly InstrumentItem[];
  /** How many answers are expected (PSFS: 3 to 5 activities; others: one per item). */
  readonly answerCount: { readonly min: number; readonly max: number };
  /** ODI: two boxes ticked in one section → the higher counts. [S-ODI] */
  readonly multipleMarks: 'highest' | 'reject';
  readonly copyright: string;
  readonly licenceNote: string;
  readonly wording: Wording;
  readonly loinc: {
    readonly panel?: string;
    readonly score?: string;
    readonly subscales?: Readonly<Record<string, string>>;
    readonly risk?: string;
  } | null;
  /** The primary score's range; `null` where the instrument defines no total (FABQ). */
  readonly scoreRange: { readonly min: number; readonly max: number } | null;
  readonly unit: 'percent' | 'points';
  readonly subscaleRanges: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
  readonly direction: ScoreDirection;
  readonly bandScale: BandScale | null;
  /** What the number means when there are no bands. */
  readonly interpretation: string;
  /** By context; the first is used unless a context (region) is asked for. */
  readonly mcid: readonly McidDefinition[];
  readonly missing: MissingRule;
  readonly sources: readonly string[];
}

/** Finds the band a value falls in; values are validated to lie inside the scale beforehand. */
export function findBand(bands: readonly Band[], value: number): Band {
  for (const band of bands) {
    if (band.upToInclusive ? value <= band.upTo : value < band.upTo) return band;
  }
  // The last band's upper bound is the scale maximum, so only a value outside the scale gets here.
  throw new RangeError(`value ${value} lies outside every band`);
}
