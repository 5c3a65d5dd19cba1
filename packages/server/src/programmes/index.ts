/** Programmes (generate, edit, approve, archive, versions) and progression suggestions (issue 4 §3): the data layer. */
export {
  applyDecision,
  checkProgrammeContent,
  type ApplyResult,
  type ContentProblem,
  type ContentResult,
} from './content.js';
export { buildProfile, type GenerateChoices, type ProfileResult } from './profile.js';
export { safetyProfileOf, type SafetyProfile } from './safety-profile.js';
export {
  approveProgramme,
  archiveProgramme,
  editProgramme,
  findProgrammeInClinic,
  generateForEpisode,
  listProgrammes,
  type ApproveResult,
  type ArchiveResult,
  type EditResult,
  type GenerateResult,
  type ProgrammeScope,
} from './programmes.js';
export {
  acceptDecision,
  rejectDecision,
  runProgression,
  type ReviewResult,
  type RunResult,
  type StoredSuggestion,
} from './progression.js';
