/** The caseload dashboard's data (issue 4 §3): bounded queries and the measures they feed. */
export {
  NEWEST_ALERTS_SHOWN,
  RECENT_ASSESSMENTS_READ,
  createCaseloadCaches,
  loadCaseload,
  type CaseloadAlert,
  type CaseloadCaches,
  type CaseloadEntry,
  type CaseloadQuery,
} from './caseload.js';
export {
  adherenceWindow,
  adherenceWindows,
  compareCaseload,
  prescribedBouts,
  programmeWeek,
  reassessmentDue,
  scoreChanges,
  summariseProgramme,
  type AdherenceWindow,
  type ProgrammeSummary,
  type ReassessmentDue,
  type ScoreChange,
} from './measures.js';
