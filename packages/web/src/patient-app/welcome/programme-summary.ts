/** The programme in a few numbers and words, for the welcome screens. */
import type { Today } from '../today-api.js';

/** The programme's stages (the clinical core's phases), in words for the patient. */
export const phaseWords = [
  { id: 'settle', name: 'Settle', words: 'gentle movement to calm things down' },
  { id: 'control', name: 'Control', words: 'learning to move with more control and confidence' },
  { id: 'function', name: 'Build', words: 'getting stronger for the things you do every day' },
  { id: 'maintain', name: 'Keep it up', words: 'a routine to keep your back or neck healthy' },
] as const;

export interface ProgrammeSummary {
  readonly weeks: number;
  /** Whether today is on or after the first day. */
  readonly started: boolean;
  /** Minutes of exercises a day this week; null outside the programme's weeks. */
  readonly minutesPerDay: number | null;
  readonly daysPerWeek: number | null;
  /** This week's phase id; null outside the programme's weeks. */
  readonly phase: string | null;
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

export function programmeSummary(today: Today): ProgrammeSummary {
  const { startDate, endDate } = today.programme;
  const days = dayNumber(endDate) - dayNumber(startDate) + 1;
  const { week } = today;
  const sessions = week?.sessions ?? [];
  const minutes = sessions.reduce((total, session) => total + session.dailyMinutes, 0);
  return {
    weeks: Math.max(1, Math.ceil(days / 7)),
    started: today.date >= startDate,
    minutesPerDay: sessions.length === 0 ? null : Math.max(1, Math.round(minutes)),
    daysPerWeek:
      sessions.length === 0 ? null : Math.max(...sessions.map((session) => session.daysPerWeek)),
    phase: week?.phase ?? null,
  };
}
