/**
 * Treatment-based classification, level 2, for low back pain. The split on ODI is a default
 * convention, not evidence, so the thresholds are options; acuity is left to the clinician.
 */
import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import type { Assessment } from './assessment.js';
import { criterion, notApplicable, numberStatus, ruleResult } from './rule-result.js';
import type { RuleResult } from './rule-result.js';

export type TbcCategory = 'symptomModulation' | 'movementControl' | 'functionOptimisation';

export interface TbcThresholds {
  /** ODI % above this → symptom modulation. */
  symptomModulationAbove: number;
  /** ODI % at or below this → function optimisation. */
  functionOptimisationAtOrBelow: number;
}

export interface TbcResult {
  category: TbcCategory | null;
  treatment: string[];
  /** The ODI split used, and whether it is the default convention. */
  thresholds: TbcThresholds & { isDefault: boolean };
}

// [S-TBC] **default** disability bands: ODI >40 % symptom modulation, 21–40 % movement
// control, ≤20 % function optimisation.
export const defaultTbcThresholds: Readonly<TbcThresholds> = {
  symptomModulationAbove: 40,
  functionOptimisationAtOrBelow: 20,
};

const rule = 'tbc';
const title = 'Treatment-based classification (level 2)';
const sources = ['S-TBC'];

// [S-TBC] treatment focus per category (our own words).
const treatments: Record<TbcCategory, string[]> = {
  symptomModulation: [
    'Exercise in the direction that eases symptoms',
    'Spinal mobilisation or manipulation',
  ],
  movementControl: ['Motor control exercise'],
  functionOptimisation: ['Graded conditioning', 'Strengthening', 'Return to full activity'],
};

const categoryNames: Record<TbcCategory, string> = {
  symptomModulation: 'symptom modulation',
  movementControl: 'movement control',
  functionOptimisation: 'function optimisation',
};

/**
 * Merge and check clinic thresholds; throws ClinicalInputError with a path under
 * `options.tbc` when one is not a percentage or the bands overlap.
 */
export function resolveTbcThresholds(options: unknown): TbcThresholds {
  const path = ['options', 'tbc'];
  if (options === undefined) return { ...defaultTbcThresholds };
  if (!isPlainObject(options)) {
    throw new ClinicalInputError(path, `must be an object, got ${describeValue(options)}`);
  }
  const thresholds = { ...defaultTbcThresholds };
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'symptomModulationAbove' && key !== 'functionOptimisationAtOrBelow') {
      throw new ClinicalInputError([...path, key], 'is not a known field');
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
      throw new ClinicalInputError(
        [...path, key],
        `must be a percentage from 0 to 100, got ${describeValue(value)}`,
      );
    }
    thresholds[key] = value;
  }
  if (thresholds.functionOptimisationAtOrBelow >= thresholds.symptomModulationAbove) {
    throw new ClinicalInputError(
      [...path, 'functionOptimisationAtOrBelow'],
      `must be below symptomModulationAbove (${thresholds.symptomModulationAbove}), got ${thresholds.functionOptimisationAtOrBelow}`,
    );
  }
  return thresholds;
}

export function classifyTbc(
  assessment: Assessment,
  thresholds: TbcThresholds = defaultTbcThresholds,
): RuleResult<TbcResult> {
  const isDefault =
    thresholds.symptomModulationAbove === defaultTbcThresholds.symptomModulationAbove &&
    thresholds.functionOptimisationAtOrBelow === defaultTbcThresholds.functionOptimisationAtOrBelow;
  const used = { ...thresholds, isDefault };

  if (assessment.region !== 'lumbar') {
    return notApplicable({
      rule,
      title,
      result: { category: null, treatment: [], thresholds: used },
      summary:
        'Not applied: treatment-based classification is a low back pain system, and this is a neck assessment.',
      sources,
    });
  }

  const { symptomModulationAbove: high, functionOptimisationAtOrBelow: low } = thresholds;
  const odi = assessment.scores?.odi;
  const criteria = [
    criterion(
      'odiAboveSymptomModulation',
      `ODI above ${high} %`,
      numberStatus(odi, (value) => value > high),
      odi,
    ),
    criterion(
      'odiAboveFunctionOptimisation',
      `ODI above ${low} %`,
      numberStatus(odi, (value) => value > low),
      odi,
    ),
  ];
  const bands = `${isDefault ? 'default' : "the clinic's"} ODI bands: above ${high} % symptom modulation, above ${low} % up to ${high} % movement control, ${low} % or less function optimisation`;
  const caveat = `The ODI bands are ${isDefault ? 'a default convention' : 'a clinic setting'}, not evidence; the classification also weighs acuity, which is left to the clinician.`;
  const acuity = acuityNote(assessment);

  if (odi === undefined) {
    return ruleResult({
      rule,
      title,
      result: { category: null, treatment: [], thresholds: used },
      summary: `Category unknown: record the ODI to place the patient (${bands}).${acuity}`,
      criteria,
      sources,
      caveat,
    });
  }

  // [S-TBC] default split on disability.
  let category: TbcCategory;
  if (odi > high) category = 'symptomModulation';
  else if (odi > low) category = 'movementControl';
  else category = 'functionOptimisation';

  const treatment = treatments[category];
  return ruleResult({
    rule,
    title,
    result: { category, treatment, thresholds: used },
    summary: `ODI ${odi} %: ${categoryNames[category]}, with ${treatment.join(', ').toLowerCase()} (${bands}).${acuity}`,
    criteria,
    sources,
    caveat,
  });
}

/**
 * [S-TBC] a recent or recurrent episode leans towards symptom modulation, but the reference
 * gives no cut-off for "recent", so we state the facts rather than move the category.
 */
function acuityNote(assessment: Assessment): string {
  const facts: string[] = [];
  if (assessment.symptomDurationDays !== undefined) {
    facts.push(`symptoms for ${assessment.symptomDurationDays} days`);
  }
  if (assessment.recurrentEpisode === true) facts.push('a recurrent episode');
  if (facts.length === 0) return '';
  return ` Weigh acuity (${facts.join(', ')}): a recent or recurrent episode leans towards symptom modulation; the category above uses the ODI alone.`;
}
