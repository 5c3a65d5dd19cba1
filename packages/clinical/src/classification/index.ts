export type { Criterion, CriterionStatus, RuleResult } from './rule-result.js';
export type {
  Assessment,
  AssessmentExamination,
  AssessmentScores,
  MovementDirection,
  MovementEffect,
  RepeatedMovementFinding,
  SbstRisk,
  SbstScore,
} from './assessment.js';
export { movementDirections, movementEffects, parseAssessment, sbstRisks } from './assessment.js';
export type { StartBackPathway, StartBackResult } from './start-back.js';
export { startBackRisk, stratifyStartBack } from './start-back.js';
export type { TbcCategory, TbcResult, TbcThresholds } from './tbc.js';
export { classifyTbc, defaultTbcThresholds, resolveTbcThresholds } from './tbc.js';
export type { ManipulationResult } from './manipulation-rule.js';
export { applyManipulationRule } from './manipulation-rule.js';
export type { StabilisationResult } from './stabilisation-rule.js';
export { applyStabilisationRule } from './stabilisation-rule.js';
export type { DirectionalPreferenceResult } from './directional-preference.js';
export { findDirectionalPreference } from './directional-preference.js';
export type { CervicalRadiculopathyResult } from './cervical-radiculopathy.js';
export { applyCervicalRadiculopathyCluster } from './cervical-radiculopathy.js';
export type { Classification, ClassificationOptions } from './classify.js';
export { classifyAssessment } from './classify.js';
