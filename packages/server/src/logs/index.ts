/** Session logs from the patient app and the alerts they raise (issue 4 §3): the data layer. */
export {
  IDEMPOTENCY_KEY_MAX_LENGTH,
  canonicalJson,
  isUuid,
  recordSessionLog,
  redFlagAlertFlag,
  type RecordSessionLogInput,
  type RecordSessionLogResult,
} from './session-logs.js';
export {
  DEFAULT_ALERT_LIST_LIMIT,
  acknowledgeAlert,
  alertTransitions,
  listAlerts,
  resolveAlert,
  type AlertActionInput,
  type AlertActionResult,
  type ListAlertsInput,
} from './alerts.js';
