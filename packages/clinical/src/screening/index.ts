export {
  conditionDefinitions,
  conditions,
  type ConditionDefinition,
  type ConditionId,
} from './conditions.js';
export {
  answerFindingIds,
  axialSpondyloarthritisFeatures,
  findingDefinitions,
  findingIds,
  numericFindingIds,
  parseFindings,
  type Answer,
  type AnswerFindingDefinition,
  type AnswerFindingId,
  type FindingDefinition,
  type FindingId,
  type Findings,
  type NumericFindingDefinition,
  type NumericFindingId,
} from './findings.js';
export {
  defaultScreenOptions,
  parseScreenInput,
  screenDisclaimer,
  screenRedFlags,
  type Action,
  type Concern,
  type ConcernLevel,
  type RedFlagScreen,
  type ScreenInput,
  type ScreenOptions,
} from './red-flags.js';
export { caudaEquinaSafetyNet, type SafetyNetAdvice } from './safety-net.js';
