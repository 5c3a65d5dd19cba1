/**
 * The adherence calendar: one row per programme week up to today, one cell per day showing
 * whether the patient logged exercise that day and how many bouts, and for the week the days
 * with logs against the days prescribed and the bouts logged against those prescribed. Each
 * cell has a symbol and words as well as a colour.
 */
import type { Programme } from '@spinewise/clinical';
import { formatDay } from '../format/dates.js';
import type { ChartLog, WeekAdherence } from './chart-api.js';

export type DayState = 'logged' | 'none' | 'upcoming';

export interface CalendarDay {
  readonly day: string;
  readonly bouts: number;
  readonly state: DayState;
}

export interface CalendarWeek {
  readonly week: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly days: readonly CalendarDay[];
  /** Days a week the programme prescribes exercise on (its most frequent exercise). */
  readonly prescribedDays: number;
  /** Bouts the week prescribes: each exercise's bouts a day times its days a week. */
  readonly prescribedBouts: number;
  /** The server's count for the week (the progression report), when there is one. */
  readonly adherence: WeekAdherence | null;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The programme's weeks up to `today`, newest first, with the bouts logged each day; only weeks
 * wholly inside the logs' window (`from`), so a day before it never reads as "nothing logged".
 */
export function calendarWeeks(
  programme: Programme,
  logs: readonly ChartLog[],
  window: { readonly from: string; readonly to: string },
  adherence: readonly WeekAdherence[] = [],
): CalendarWeek[] {
  const today = window.to;
  const bouts = new Map<string, number>();
  for (const log of logs) {
    if (log.completed === 'skipped' || log.setsDone === 0) continue;
    bouts.set(log.date, (bouts.get(log.date) ?? 0) + 1);
  }
  return programme.weeks
    .filter((week) => week.startDate <= today && week.startDate >= window.from)
    .map((week) => {
      const exercises = week.sessions.flatMap((session) => session.exercises);
      const days: CalendarDay[] = [];
      for (let day = week.startDate; day <= week.endDate; day = addDays(day, 1)) {
        const count = bouts.get(day) ?? 0;
        days.push({
          day,
          bouts: count,
          state: day > today ? 'upcoming' : count > 0 ? 'logged' : 'none',
        });
      }
      return {
        week: week.week,
        startDate: week.startDate,
        endDate: week.endDate,
        days,
        prescribedDays: Math.min(7, Math.max(0, ...exercises.map((e) => e.daysPerWeek))),
        prescribedBouts: exercises.reduce((sum, e) => sum + e.perDay * e.daysPerWeek, 0),
        adherence: adherence.find((entry) => entry.week === week.week) ?? null,
      };
    })
    .reverse();
}

const symbols: Record<DayState, string> = { logged: '●', none: '○', upcoming: '·' };

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count === 1 ? '' : 's'}`;
}

function dayWords(day: CalendarDay): string {
  switch (day.state) {
    case 'upcoming':
      return `${formatDay(day.day)}: still to come`;
    case 'none':
      return `${formatDay(day.day)}: nothing logged`;
    case 'logged':
      return `${formatDay(day.day)}: ${plural(day.bouts, 'bout')} logged`;
  }
}

export function AdherenceCalendar({ weeks }: { readonly weeks: readonly CalendarWeek[] }) {
  if (weeks.length === 0) return <p className="panel-empty">The programme has not started yet.</p>;
  return (
    // Focusable, so a keyboard can scroll it when a narrow screen cuts it off.
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Adherence calendar">
      <table className="table adherence">
        <caption className="visually-hidden">
          Days with exercise logged in each programme week, against those prescribed, newest week
          first
        </caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <th scope="col" key={day}>
                Day {day}
              </th>
            ))}
            <th scope="col">Days with logs</th>
            <th scope="col">Bouts</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => {
            const past = week.days.filter((day) => day.state !== 'upcoming');
            const logged = week.days.filter((day) => day.state === 'logged').length;
            const boutsLogged = week.days.reduce((sum, day) => sum + day.bouts, 0);
            const rate = week.adherence?.rate;
            return (
              <tr key={week.week}>
                <th scope="row">
                  Week {week.week}
                  <span className="history-meta">from {formatDay(week.startDate)}</span>
                </th>
                {week.days.map((day) => (
                  <td key={day.day} className={`adherence-day adherence-day--${day.state}`}>
                    <span aria-hidden="true">
                      <span className="adherence-symbol">{symbols[day.state]}</span>
                      <span className="adherence-count">
                        {day.state === 'logged' ? String(day.bouts) : ''}
                      </span>
                    </span>
                    <span className="visually-hidden">{dayWords(day)}</span>
                  </td>
                ))}
                <td>
                  {logged} of {week.prescribedDays}
                  {past.length < 7 ? (
                    <span className="history-meta">{plural(7 - past.length, 'day')} to come</span>
                  ) : null}
                </td>
                <td>
                  {boutsLogged} of {week.prescribedBouts}
                  {rate === undefined || rate === null ? null : (
                    <span className="history-meta">{Math.round(rate * 100)} % adherence</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="chart-legend">
        ● exercise logged (the number is bouts that day) · ○ nothing logged · adherence as the
        progression rules count it
      </p>
    </div>
  );
}
