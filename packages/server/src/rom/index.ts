/** Range of motion measured by the camera coach (issue 7): the data layer. */
export {
  MEASURED_AT_SKEW_MS,
  ROM_LIMITS,
  ROM_LIST_MAX,
  listRomMeasurements,
  recordRomMeasurement,
  romMovements,
  type RecordRomInput,
  type RecordRomResult,
  type RomBody,
} from './measurements.js';
