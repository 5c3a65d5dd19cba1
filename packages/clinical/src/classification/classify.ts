/**
 * Run every stratification and classification rule on one assessment. Rules that do not fit
 * the region still appear, with applicable=false and a summary saying why, so a reader always
 * sees the same six results.
 */
import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import type { Region } from '../region.js';
import { parseAssessment } from './assessment.js';
import type { CervicalRadiculopathyResult } from './cervical-radiculopathy.js';
import { applyCervicalRadiculopathyCluster } from './cervical-radiculopathy.js';
import type { DirectionalPreferenceResult } from './directional-preference.js';
import { findDirectionalPreference } from './directional-preference.js';
import type { ManipulationResult } from './manipulation-rule.js';
import { applyManipulationRule } from './manipulation-rule.js';
import type { RuleResult } from './rule-result.js';
import type { StabilisationResult } from './stabilisation-rule.js';
import { applyStabilisationRule } from './stabilisation-rule.js';
import type { StartBackResult } from './start-back.js';
import { stratifyStartBack } from './start-back.js';
import type { TbcResult, TbcThresholds } from './tbc.js';
import { classifyTbc, resolveTbcThresholds } from './tbc.js';

export interface ClassificationOptions {
  /** Clinic ODI split for treatment-based classification; defaults 40 / 20. */
  tbc?: Partial<TbcThresholds>;
}

export interface Classification {
  region: Region;
  startBack: RuleResult<StartBackResult>;
  tbc: RuleResult<TbcResult>;
  manipulation: RuleResult<ManipulationResult>;
  stabilisation: RuleResult<StabilisationResult>;
  directionalPreference: RuleResult<DirectionalPreferenceResult>;
  cervicalRadiculopathy: RuleResult<CervicalRadiculopathyResult>;
  /** Source ids of the rules that applied, in rule order. */
  sources: string[];
}

/**
 * Validate `input` as an assessment and run every rule. Throws ClinicalInputError naming the
 * path for bad input, and for bad options under `options`.
 */
export function classifyAssessment(
  input: unknown,
  options?: ClassificationOptions,
): Classification {
  const thresholds = resolveTbcThresholds(readTbcOptions(options));
  const assessment = parseAssessment(input);
  const results = {
    startBack: stratifyStartBack(assessment),
    tbc: classifyTbc(assessment, thresholds),
    manipulation: applyManipulationRule(assessment),
    stabilisation: applyStabilisationRule(assessment),
    directionalPreference: findDirectionalPreference(assessment),
    cervicalRadiculopathy: applyCervicalRadiculopathyCluster(assessment),
  };
  const sources = [
    ...new Set(
      Object.values(results)
        .filter((result) => result.applicable)
        .flatMap((result) => result.sources),
    ),
  ];
  return { region: assessment.region, ...results, sources };
}

function readTbcOptions(options: unknown): unknown {
  if (options === undefined) return undefined;
  if (!isPlainObject(options)) {
    throw new ClinicalInputError(['options'], `must be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'tbc') throw new ClinicalInputError(['options', key], 'is not a known field');
  }
  return options.tbc;
}
