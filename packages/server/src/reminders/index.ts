/** Reminders and the exercise calendar (issue 6 §7, decision 010). */
export {
  CATCH_UP_MINUTES,
  MAX_REMINDER_TIMES,
  decideReminder,
  instantOf,
  isTimeZone,
  localTime,
  type ReminderDecision,
  type ReminderState,
} from './schedule.js';
export {
  REMINDER_PAYLOAD,
  vapidKeys,
  webPushSender,
  type PushResult,
  type PushSender,
  type PushTarget,
  type VapidKeys,
} from './push.js';
export {
  REMINDER_INTERVAL_MS,
  sendDueReminders,
  startReminderScheduler,
  type ReminderRun,
  type ReminderScheduler,
  type ReminderSchedulerOptions,
} from './scheduler.js';
export { writeCalendar, type Calendar, type CalendarEvent } from './ics.js';
export { sessionDays, type SessionDay } from './session-days.js';
