/**
 * The days of a programme on which the patient exercises, for their calendar (issue 6 §7).
 * A programme says how many days a week each session is done, not which days; the calendar
 * spreads them evenly through each programme week from its first day (3 days: the 1st, 3rd
 * and 5th; 5 days: all but the 4th and 7th; 7: every day), so rest days fall between.
 */
import { addDays, type Programme } from '@spinewise/clinical';

export interface SessionDay {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  /** Minutes of exercise that day (every session planned for it), at least one. */
  readonly minutes: number;
}

const DAYS_IN_WEEK = 7;

/** The offsets in a week of `daysPerWeek` evenly spread days. */
export function spreadDays(daysPerWeek: number): number[] {
  const count = Math.min(DAYS_IN_WEEK, Math.max(0, Math.round(daysPerWeek)));
  return Array.from({ length: count }, (_, index) => Math.floor((index * DAYS_IN_WEEK) / count));
}

export function sessionDays(programme: Programme): SessionDay[] {
  const minutesByDay = new Map<string, number>();
  for (const week of programme.weeks) {
    for (const session of week.sessions) {
      if (session.exercises.length === 0) continue;
      for (const offset of spreadDays(session.daysPerWeek)) {
        const day = addDays(week.startDate, offset);
        // A short last week ends before its seventh day.
        if (day > week.endDate) continue;
        minutesByDay.set(day, (minutesByDay.get(day) ?? 0) + session.dailyMinutes);
      }
    }
  }
  return [...minutesByDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, minutes]) => ({ day, minutes: Math.max(1, Math.ceil(minutes)) }));
}
