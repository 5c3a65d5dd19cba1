/**
 * When a patient's daily reminder is due (issue 6 §7, decision 010): plain functions of the
 * instant, the patient's time zone and chosen times, and what happened today. No clock, no
 * database: the scheduler asks, this answers.
 *
 * The rule: at most ONE reminder a patient's day, sent once one of their chosen times has come
 * in their own time zone, and only while nothing has been logged that day. A reminder more than
 * `CATCH_UP_MINUTES` late (the server was down, or the time was chosen after it passed) is not
 * sent at all: a nudge late in the evening helps no one.
 */

/** `HH:MM`, 24-hour, as the patient chose it. */
export const REMINDER_TIME_PATTERN = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/u;

/** At most this many times a day may be chosen; still only one reminder a day is sent. */
export const MAX_REMINDER_TIMES = 3;

/** How late a reminder may still go out. */
export const CATCH_UP_MINUTES = 180;

/** Whether `zone` is an IANA time zone this runtime knows (`Europe/London`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes after midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

export interface LocalTime {
  /** The calendar day there, `YYYY-MM-DD`. */
  readonly day: string;
  /** Minutes after midnight on the wall clock there. */
  readonly minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClock(at: Date, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const HALF_DAY_MS = 12 * 3_600_000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The day and wall-clock time in `zone` at the instant `at`. */
export function localTime(at: Date, zone: string): LocalTime {
  const clock = wallClock(at, zone);
  return {
    day: `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`,
    minutes: clock.hour * 60 + clock.minute,
  };
}

/** How far `zone`'s wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: Date, zone: string): number {
  const clock = wallClock(at, zone);
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant the wall clock in `zone` shows `time` on `day`. A time the clocks skip (the hour
 * lost when summer time starts) is the same moment an hour later on the moved clock, as phones
 * do; a time that happens twice (when summer time ends) is its first occurrence.
 */
export function instantOf(day: string, time: string, zone: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, date) + minutesOf(time) * 60_000;
  // The offsets in force half a day either side: equal on most days, the two sides of the
  // change on the days the clocks move (no zone moves them twice in a day).
  const candidates = [
    wall - offsetAt(new Date(wall - HALF_DAY_MS), zone),
    wall - offsetAt(new Date(wall + HALF_DAY_MS), zone),
  ].sort((a, b) => a - b);
  const shows = candidates.find((candidate) => {
    const local = localTime(new Date(candidate), zone);
    return local.day === day && local.minutes === minutesOf(time);
  });
  // In a gap neither shows the time: the later is the moment on the moved clock.
  return new Date(shows ?? Math.max(...candidates));
}

export interface ReminderState {
  /** The instant the scheduler runs. */
  readonly now: Date;
  readonly timeZone: string;
  /** The patient's `HH:MM` times; empty: no reminders. */
  readonly times: readonly string[];
  /** Whether anything is logged for the patient's current day. */
  readonly loggedToday: boolean;
  /** Whether a reminder already went (or is going) out for the patient's current day. */
  readonly sentToday: boolean;
}

export type ReminderDecision =
  | { readonly due: true; readonly day: string; readonly time: string }
  | {
      readonly due: false;
      readonly day: string;
      readonly reason: 'noTimes' | 'notYet' | 'tooLate' | 'logged' | 'sent';
    };

/**
 * Whether to send the patient's reminder now, and for which of their days. Due once a chosen
 * time has come today (on the patient's wall clock; a time skipped by the clocks comes with
 * the first minute after the gap) and less than `CATCH_UP_MINUTES` ago, unless something is
 * logged today or a reminder already went today.
 */
export function decideReminder(state: ReminderState): ReminderDecision {
  const { day } = localTime(state.now, state.timeZone);
  if (state.times.length === 0) return { due: false, day, reason: 'noTimes' };
  if (state.sentToday) return { due: false, day, reason: 'sent' };
  if (state.loggedToday) return { due: false, day, reason: 'logged' };
  const passed = [...state.times]
    .sort()
    .filter((time) => state.now.getTime() >= instantOf(day, time, state.timeZone).getTime());
  if (passed.length === 0) return { due: false, day, reason: 'notYet' };
  // The latest time that has come decides: with 08:00 and 18:00, a miss at 08:00 (the server
  // was down) is made up at 18:00, never by two reminders.
  const latest = passed[passed.length - 1] ?? '';
  // Measured between instants, not wall-clock readings, so a change of the clocks today
  // neither shortens nor stretches the window.
  const lateMinutes =
    (state.now.getTime() - instantOf(day, latest, state.timeZone).getTime()) / 60_000;
  if (lateMinutes >= CATCH_UP_MINUTES) return { due: false, day, reason: 'tooLate' };
  return { due: true, day, time: latest };
}
