/**
 * The pain trend as a simple SVG line chart with a text summary beside it and the same numbers
 * as a table (behind "Show the numbers"). Lines differ by dash pattern and marker shape as well
 * as colour; the chart itself is one image described by the summary.
 */
import { useId } from 'react';
import { formatDay } from '../../format/dates.js';
import { chartPoints, painSeries, type PainDay } from './progress-api.js';

const SIZE = { width: 320, height: 180, pad: 24 } as const;

/** `2026-11-03` → `Tue 3 Nov`: short enough for a table row on a 320 px phone. */
const shortDay = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

function formatShortDay(day: string): string {
  return shortDay.format(new Date(`${day}T00:00:00Z`));
}

function Marker({
  shape,
  x,
  y,
}: {
  readonly shape: string;
  readonly x: number;
  readonly y: number;
}) {
  if (shape === 'square') return <rect x={x - 4} y={y - 4} width="8" height="8" />;
  if (shape === 'diamond') {
    return <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} />;
  }
  return <circle cx={x} cy={y} r="4" />;
}

function value(pain: number | null): string {
  return pain === null ? '–' : String(pain);
}

export function PainChart({
  days,
  summary,
}: {
  readonly days: readonly PainDay[];
  readonly summary: string;
}) {
  const summaryId = useId();
  const first = days[0];
  const last = days.at(-1);
  return (
    <figure className="pain-chart">
      <svg
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="img"
        aria-labelledby={summaryId}
        className="pain-chart-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        {[0, 5, 10].map((level) => {
          const y = SIZE.pad + ((10 - level) / 10) * (SIZE.height - SIZE.pad * 2);
          return (
            <g key={level} className="pain-chart-grid">
              <line x1={SIZE.pad} x2={SIZE.width - SIZE.pad} y1={y} y2={y} />
              <text x={SIZE.pad - 6} y={y + 4} textAnchor="end">
                {level}
              </text>
            </g>
          );
        })}
        {painSeries.map((series, index) => {
          const points = chartPoints(days, series.key, SIZE);
          if (points.length === 0) return null;
          return (
            <g key={series.key} className={`pain-chart-series pain-chart-series--${index + 1}`}>
              {points.length > 1 ? (
                <polyline
                  points={points.map((point) => `${point.x},${point.y}`).join(' ')}
                  fill="none"
                  strokeDasharray={series.dash === '' ? undefined : series.dash}
                />
              ) : null}
              {points.map((point) => (
                <Marker key={point.date} shape={series.marker} x={point.x} y={point.y} />
              ))}
            </g>
          );
        })}
        {first === undefined || last === undefined ? null : (
          <g className="pain-chart-axis">
            <text x={SIZE.pad} y={SIZE.height - 4} textAnchor="start">
              {formatDay(first.date)}
            </text>
            {last === first ? null : (
              <text x={SIZE.width - SIZE.pad} y={SIZE.height - 4} textAnchor="end">
                {formatDay(last.date)}
              </text>
            )}
          </g>
        )}
      </svg>
      <ul className="pain-chart-legend" aria-label="What the lines show">
        {painSeries.map((series, index) => (
          <li key={series.key}>
            <svg width="36" height="12" aria-hidden="true" focusable="false">
              <g className={`pain-chart-series pain-chart-series--${index + 1}`}>
                <line
                  x1="2"
                  x2="34"
                  y1="6"
                  y2="6"
                  strokeDasharray={series.dash === '' ? undefined : series.dash}
                />
                <Marker shape={series.marker} x={18} y={6} />
              </g>
            </svg>
            {series.label}
          </li>
        ))}
      </ul>
      <figcaption id={summaryId} className="pain-chart-summary">
        Pain from 0 (none) to 10 (worst). {summary}
      </figcaption>
      <details className="pain-chart-table">
        <summary>Show the numbers</summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Your pain each day">
          <table className="table">
            <caption className="visually-hidden">Your pain each day, 0 to 10</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Before</th>
                <th scope="col">During</th>
                <th scope="col">After</th>
                <th scope="col">Next morning</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{formatShortDay(day.date)}</th>
                  <td>{value(day.painBefore)}</td>
                  <td>{value(day.painDuring)}</td>
                  <td>{value(day.painAfter)}</td>
                  <td>{value(day.nextMorningPain)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
