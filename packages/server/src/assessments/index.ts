export {
  changeSinceBaseline,
  classificationScores,
  evaluateAssessment,
  within,
  type AssessmentInput,
  type ChangeSinceBaseline,
  type EvaluatedAssessment,
  type InstrumentChange,
} from './evaluate.js';
export {
  ASSESSMENT_LIST_LIMIT,
  alertsRaisedBy,
  findAssessmentInClinic,
  findBaseline,
  findEpisodeInClinic,
  flagDecisions,
  listEpisodeAssessments,
  recordAssessment,
  recordFlagDecision,
  redFlagAlertMessage,
  screenNeedsAlert,
  type AssessmentInClinic,
  type RecordAssessmentInput,
  type RecordAssessmentResult,
  type RecordFlagDecisionInput,
  type RecordFlagDecisionResult,
} from './records.js';
export { updateEpisode, type UpdateEpisodeInput, type UpdateEpisodeResult } from './episodes.js';
export {
  listInstrumentImports,
  saveInstrumentImport,
  type SaveInstrumentImportInput,
} from './instrument-imports.js';
