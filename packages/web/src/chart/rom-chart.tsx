/**
 * Range of motion over time, one small chart per movement the camera coach measured, each with
 * a description in words and a table carrying the same numbers; the limits of the measurement
 * (camera angles are estimates, not clinical goniometry) are always shown with them.
 */
import { useId } from 'react';
import { formatDay, formatMoment } from '../format/dates.js';
import {
  movementLabels,
  type RomList,
  type RomMeasurement,
  type RomMovement,
} from './coach-api.js';
import { HEIGHT, WIDTH, dayTicks, linePath, plotFor, ticks } from './plot.js';

export interface MovementSeries {
  readonly movement: RomMovement;
  /** Oldest first. */
  readonly points: readonly RomMeasurement[];
}

/** The measurements per movement, in the order of `movementLabels`; movements without any left out. */
export function romSeries(measurements: readonly RomMeasurement[]): MovementSeries[] {
  const ordered = [...measurements].sort((a, b) =>
    a.measuredAt < b.measuredAt ? -1 : a.measuredAt > b.measuredAt ? 1 : 0,
  );
  return (Object.keys(movementLabels) as RomMovement[])
    .map((movement) => ({
      movement,
      points: ordered.filter((measurement) => measurement.movement === movement),
    }))
    .filter((series) => series.points.length > 0);
}

function degrees(value: number): string {
  return `${String(Math.round(value * 10) / 10)}°`;
}

/** The upper end of the value axis: the highest angle rounded up to ten, at least 30°. */
function axisMax(points: readonly RomMeasurement[]): number {
  const highest = Math.max(...points.map((point) => point.degrees));
  return Math.min(180, Math.max(30, Math.ceil(highest / 10) * 10));
}

function MovementChart({ series }: { readonly series: MovementSeries }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/gu, '');
  const { points } = series;
  const label = movementLabels[series.movement];
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return null;
  const day = (point: RomMeasurement) => point.measuredAt.slice(0, 10);
  const max = axisMax(points);
  const plot = plotFor(day(first), day(last), 0, max);
  const xy = points.map((point) => [plot.x(day(point)), plot.y(point.degrees)] as const);
  const description =
    points.length === 1
      ? `One measurement: ${degrees(first.degrees)} on ${formatDay(day(first))}.`
      : `${String(points.length)} measurements from ${formatDay(day(first))} to ${formatDay(day(last))}. First ${degrees(first.degrees)}, latest ${degrees(last.degrees)}.`;
  return (
    <figure className="chart rom-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {label} <span className="chart-subtitle">degrees, estimated by camera</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-desc`}
        className="chart-svg"
      >
        <title id={`${id}-svg-title`}>{`${label}, degrees over time`}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks(0, max, 4).map((value) => (
          <g key={value}>
            <line
              className="chart-grid"
              x1={plot.left}
              x2={plot.right}
              y1={plot.y(value)}
              y2={plot.y(value)}
            />
            <text className="chart-axis" x={plot.left - 6} y={plot.y(value) + 4} textAnchor="end">
              {`${String(value)}°`}
            </text>
          </g>
        ))}
        {dayTicks(day(first), day(last)).map((tick) => (
          <text
            key={tick}
            className="chart-axis"
            x={plot.x(tick)}
            y={plot.bottom + 20}
            textAnchor="middle"
          >
            {formatDay(tick)}
          </text>
        ))}
        <path className="chart-line" d={linePath(xy)} />
        {xy.map(([x, y], index) => (
          <circle key={points[index]?.id} className="chart-point" cx={x} cy={y} r={3.5} />
        ))}
      </svg>
      <details className="chart-table">
        <summary>{`${label} as a table`}</summary>
        <table className="table">
          <caption className="visually-hidden">{`${label}, newest first`}</caption>
          <thead>
            <tr>
              <th scope="col">Measured</th>
              <th scope="col">Degrees</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((point) => (
              <tr key={point.id}>
                <td>{formatMoment(point.measuredAt)}</td>
                <td>{degrees(point.degrees)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function RomTrends({ list }: { readonly list: RomList }) {
  const series = romSeries(list.measurements);
  if (series.length === 0) {
    return (
      <p className="panel-empty">
        No range-of-motion measurements yet — the patient can measure them with the camera coach in
        their app.
      </p>
    );
  }
  return (
    <>
      <p className="rom-limits">
        <strong>About these numbers:</strong> {list.limits}
      </p>
      <div className="chart-grid rom-grid">
        {series.map((entry) => (
          <MovementChart key={entry.movement} series={entry} />
        ))}
      </div>
      {list.truncated ? (
        <p className="panel-footnote">Only the most recent measurements are shown.</p>
      ) : null}
    </>
  );
}
