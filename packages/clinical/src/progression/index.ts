/**
 * Progression: session logs in, a decision per exercise out (REFERENCE §5, pain-monitoring
 * model [S-PMM]), for clinician sign-off.
 */
export {
  decideProgression,
  libraryLookup,
  type DecideOptions,
  type DecisionKind,
  type ExerciseLookup,
  type FlagSeverity,
  type FlagType,
  type ProgressionDecision,
  type ProgressionFlag,
  type ProgressionResult,
  type ProposedChange,
  type WeekAdherence,
} from './decide.js';
export { parseHistory, type AppliedChange, type ChainChange } from './history.js';
export {
  coachLimits,
  coachViews,
  completionOf,
  difficultyOf,
  noteMaxLength,
  parseLogs,
  type CoachFormWarning,
  type CoachResult,
  type CoachView,
  type Completion,
  type Difficulty,
  type ParseLogsOptions,
  type SessionLog,
} from './log.js';
export {
  isRedFlagSymptom,
  logSymptomRules,
  logSymptoms,
  redFlagSymptoms,
  type LogSymptom,
  type RedFlagSymptom,
  type RedFlagSymptomRule,
  type RegressSymptomRule,
} from './red-flag-symptoms.js';
export {
  defaultThresholds,
  resolveThresholds,
  thresholdDefinitions,
  thresholdKeys,
  type ThresholdDefinition,
  type ThresholdKey,
  type Thresholds,
} from './thresholds.js';
