export type { PsfsActivity } from './answers.js';
export {
  change,
  describeMcid,
  psfsActivityChanges,
  type ChangeOptions,
  type ChangeResult,
  type PsfsActivityChange,
  type ThresholdResult,
} from './change.js';
export type {
  Band,
  BandScale,
  InstrumentDefinition,
  InstrumentId,
  InstrumentItem,
  McidDefinition,
  McidThreshold,
  ResponseOption,
  ScoreDirection,
  Wording,
} from './definition.js';
export {
  importQuestionnaire,
  type ImportedItemMapping,
  type ImportedQuestionnaire,
} from './fhir-import.js';
export { getInstrument, instrumentIds, isInstrumentId, listInstruments } from './registry.js';
export { scoreInstrument, type InstrumentScore, type ScoreOptions } from './score.js';
