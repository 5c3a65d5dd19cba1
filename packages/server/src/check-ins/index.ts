/** Next-morning check-ins (issue 6 §2): the data layer, and how the progression rules read them. */
export {
  listCheckIns,
  recordCheckIn,
  type CheckInBody,
  type RecordCheckInInput,
  type RecordCheckInResult,
} from './check-ins.js';
export { mergeCheckIns, type CheckInValues } from './merge.js';
