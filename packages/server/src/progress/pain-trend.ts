/**
 * The patient's pain trend and this week's days (issue 6 §5), pure: logs, check-ins and the
 * programme come in, plain data and kind words go out. No streaks and no guilt: the wording
 * counts what was done and never what was missed.
 */
import type { Programme, SessionLog } from '@spinewise/clinical';

/** One day of the trend; each pain is the day's average, 0–10 to one decimal, or `null`. */
export interface PainDay {
  readonly date: string;
  readonly painBefore: number | null;
  readonly painDuring: number | null;
  readonly painAfter: number | null;
  /** The next-morning check-in for that day's session, else the logs' next-morning pain. */
  readonly nextMorningPain: number | null;
}

/** What the trend reads of a session log. */
export type TrendLog = Pick<
  SessionLog,
  'date' | 'completed' | 'painBefore' | 'painDuring' | 'painAfter' | 'nextMorningPain'
>;

export interface TrendCheckIn {
  /** The day of the session it is about. */
  readonly sessionOn: string;
  readonly pain: number;
}

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.round(mean * 10) / 10;
}

function numbers(values: readonly (number | undefined)[]): number[] {
  return values.filter((value): value is number => typeof value === 'number');
}

/**
 * Per day from `from` to `to` (inclusive, `YYYY-MM-DD`), the days with any pain recorded, in
 * date order. Next-morning pain comes from the check-in when there is one.
 */
export function painTrend(
  logs: readonly TrendLog[],
  checkIns: readonly TrendCheckIn[],
  from: string,
  to: string,
): PainDay[] {
  const inRange = (date: string) => from <= date && date <= to;
  const byDay = new Map<string, TrendLog[]>();
  for (const log of logs) {
    if (!inRange(log.date)) continue;
    byDay.set(log.date, [...(byDay.get(log.date) ?? []), log]);
  }
  const morning = new Map<string, number>();
  for (const checkIn of checkIns) {
    if (inRange(checkIn.sessionOn)) morning.set(checkIn.sessionOn, checkIn.pain);
  }
  const days = [...new Set([...byDay.keys(), ...morning.keys()])].sort();
  return days
    .map((date): PainDay => {
      const day = byDay.get(date) ?? [];
      return {
        date,
        painBefore: average(numbers(day.map((log) => log.painBefore))),
        painDuring: average(numbers(day.map((log) => log.painDuring))),
        painAfter: average(numbers(day.map((log) => log.painAfter))),
        nextMorningPain:
          morning.get(date) ?? average(numbers(day.map((log) => log.nextMorningPain))),
      };
    })
    .filter(
      (day) =>
        day.painBefore !== null ||
        day.painDuring !== null ||
        day.painAfter !== null ||
        day.nextMorningPain !== null,
    );
}

/** The pain a day is summed up by: after exercise, else during, else before, else next morning. */
function headlinePain(day: PainDay): number | null {
  return day.painAfter ?? day.painDuring ?? day.painBefore ?? day.nextMorningPain;
}

function outOfTen(value: number): string {
  return `${Number.isInteger(value) ? String(value) : value.toFixed(1)} out of 10`;
}

/** The trend in one or two plain sentences, for screen readers and the text summary. */
export function describePainTrend(days: readonly PainDay[]): string {
  const scored = days.filter((day) => headlinePain(day) !== null);
  const first = scored[0];
  const last = scored.at(-1);
  if (first === undefined || last === undefined) {
    return 'No pain scores yet. They will show here after you log a session.';
  }
  const start = headlinePain(first) as number;
  const end = headlinePain(last) as number;
  if (scored.length === 1) return `You have logged pain on 1 day: ${outOfTen(start)}.`;
  const trend =
    end < start
      ? 'Your pain has come down'
      : end > start
        ? 'Your pain has gone up'
        : 'Your pain has stayed about the same';
  const detail =
    end === start
      ? `, at ${outOfTen(end)}.`
      : ` from ${outOfTen(start)} on the first day you logged to ${outOfTen(end)} on the latest.`;
  const settle =
    end > start ? ' Ups and downs are normal. Tell your clinician if it keeps rising.' : '';
  return `You have logged pain on ${scored.length} days. ${trend}${detail}${settle}`;
}

/** This week's exercise days against the plan, with kind words. */
export interface WeekDays {
  readonly week: number;
  readonly startDate: string;
  readonly endDate: string;
  /** Distinct days with a session logged as done or partly done, up to today. */
  readonly daysDone: number;
  /** The week's planned days (the most days a week any of its sessions asks for). */
  readonly daysPlanned: number;
  readonly message: string;
}

/** Kind, streak-free words for the week so far. */
export function describeWeekDays(daysDone: number, daysPlanned: number): string {
  if (daysDone === 0) {
    return `Your plan this week is ${daysPlanned} ${daysPlanned === 1 ? 'day' : 'days'} of exercise. Whenever you are ready, even a short session helps.`;
  }
  const days = `${daysDone} ${daysDone === 1 ? 'day' : 'days'}`;
  if (daysDone >= daysPlanned) {
    return `You have exercised on ${days} this week. That meets this week's plan. Well done.`;
  }
  return `You have exercised on ${days} this week, out of ${daysPlanned} planned. Every session helps.`;
}

/** The week of the programme containing today and how many of its days were exercised. */
export function weekDays(
  programme: Programme,
  logs: readonly TrendLog[],
  today: string,
): WeekDays | null {
  const week = programme.weeks.find(
    (candidate) => candidate.startDate <= today && today <= candidate.endDate,
  );
  if (week === undefined) return null;
  const done = new Set(
    logs
      .filter(
        (log) => week.startDate <= log.date && log.date <= today && log.completed !== 'skipped',
      )
      .map((log) => log.date),
  );
  const daysPlanned = Math.max(1, ...week.sessions.map((session) => session.daysPerWeek));
  return {
    week: week.week,
    startDate: week.startDate,
    endDate: week.endDate,
    daysDone: done.size,
    daysPlanned,
    message: describeWeekDays(done.size, daysPlanned),
  };
}
