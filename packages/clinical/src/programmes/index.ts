export {
  DEFAULT_EQUIPMENT,
  GENERATOR_VERSION,
  generateProgramme,
  goalKind,
  planPhases,
  type ProgrammeContent,
} from './generate.js';
export {
  defaultGenerateOptions,
  goalKinds,
  parseGenerateOptions,
  parseProfile,
  type ClinicianDecision,
  type GenerateOptions,
  type Goal,
  type GoalKind,
  type Profile,
} from './profile.js';
export * from './programme.js';
export { parseProgramme } from './parse-programme.js';
export { CAUDA_EQUINA_LESSON, NECK_WARNING_LESSON } from './schedule.js';
export {
  phaseTemplates,
  protectedSlots,
  type PhaseTemplate,
  type Slot,
  type SlotBias,
} from './templates.js';
export {
  flareUpSet,
  type FlareUpInput,
  type FlareUpOptions,
  type GentlerChange,
  type GentlerExercise,
} from './flare-up.js';
