/**
 * Pain before and after the sessions, day by day (the mean of the day's logs, 0–10). Before
 * is a solid line with dots, after a dashed line with squares, so colour is never the only
 * difference; a description in words and a table carry the same numbers.
 */
import { useId } from 'react';
import { formatDay } from '../format/dates.js';
import type { ChartLog } from './chart-api.js';
import { HEIGHT, WIDTH, dayTicks, linePath, plotFor, ticks } from './plot.js';

export interface DayPain {
  readonly day: string;
  readonly before: number | null;
  readonly after: number | null;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}

/** The logs' pain per day, oldest first; days without any pain recorded are left out. */
export function painByDay(logs: readonly ChartLog[]): DayPain[] {
  const days = new Map<string, { before: number[]; after: number[] }>();
  for (const log of logs) {
    const day = days.get(log.date) ?? { before: [], after: [] };
    if (log.painBefore !== null) day.before.push(log.painBefore);
    if (log.painAfter !== null) day.after.push(log.painAfter);
    days.set(log.date, day);
  }
  return [...days.entries()]
    .map(([day, pain]) => ({ day, before: mean(pain.before), after: mean(pain.after) }))
    .filter((day) => day.before !== null || day.after !== null)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

function show(value: number | null): string {
  return value === null ? 'not recorded' : `${String(value)}/10`;
}

export function PainChart({ days }: { readonly days: readonly DayPain[] }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/gu, '');
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) {
    return <p className="panel-empty">No pain scores logged in the last 12 weeks.</p>;
  }
  const plot = plotFor(first.day, last.day, 0, 10);
  const before = days.flatMap((day) =>
    day.before === null ? [] : [[day.day, day.before] as const],
  );
  const after = days.flatMap((day) => (day.after === null ? [] : [[day.day, day.after] as const]));
  const description = `${String(days.length)} days with pain scores from ${formatDay(first.day)} to ${formatDay(last.day)}. First day: before ${show(first.before)}, after ${show(first.after)}. Latest day: before ${show(last.before)}, after ${show(last.after)}.`;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        Before and after exercise <span className="chart-subtitle">0 to 10, the day’s average</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-desc`}
        className="chart-svg"
      >
        <title id={`${id}-svg-title`}>Pain before and after sessions</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks(0, 10).map((value) => (
          <g key={value}>
            <line
              className="chart-grid"
              x1={plot.left}
              x2={plot.right}
              y1={plot.y(value)}
              y2={plot.y(value)}
            />
            <text className="chart-axis" x={plot.left - 6} y={plot.y(value) + 4} textAnchor="end">
              {value}
            </text>
          </g>
        ))}
        {dayTicks(first.day, last.day).map((day) => (
          <text
            key={day}
            className="chart-axis"
            x={plot.x(day)}
            y={plot.bottom + 20}
            textAnchor="middle"
          >
            {formatDay(day)}
          </text>
        ))}
        <path
          className="chart-line"
          d={linePath(before.map(([day, value]) => [plot.x(day), plot.y(value)]))}
        />
        <path
          className="chart-line chart-line--after"
          d={linePath(after.map(([day, value]) => [plot.x(day), plot.y(value)]))}
        />
        {before.map(([day, value]) => (
          <circle
            key={`b${day}`}
            className="chart-point"
            cx={plot.x(day)}
            cy={plot.y(value)}
            r={3.5}
          />
        ))}
        {after.map(([day, value]) => (
          <rect
            key={`a${day}`}
            className="chart-point chart-point--after"
            x={plot.x(day) - 3.5}
            y={plot.y(value) - 3.5}
            width={7}
            height={7}
          />
        ))}
      </svg>
      <p className="chart-legend">
        <span className="chart-key chart-key--before" aria-hidden="true" /> Before (solid, dots){' '}
        <span className="chart-key chart-key--after" aria-hidden="true" /> After (dashed, squares)
      </p>
      <details className="chart-table">
        <summary>Pain as a table</summary>
        <table className="table">
          <caption className="visually-hidden">Pain before and after sessions, by day</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {[...days].reverse().map((day) => (
              <tr key={day.day}>
                <td>{formatDay(day.day)}</td>
                <td>{show(day.before)}</td>
                <td>{show(day.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
