/**
 * One outcome measure over time: each assessment's score, the baseline as a dashed line and
 * the MCID band around it shaded [S-MCID]. The SVG has a title and a description in words for
 * screen readers, and the same numbers are in a table below it.
 */
import { useId } from 'react';
import { formatDay } from '../format/dates.js';
import { instrumentName, instrumentTitle } from '../outcomes/instruments.js';
import type { Region } from '@spinewise/clinical';
import { mcidBand, scoreScale } from './mcid.js';
import { HEIGHT, WIDTH, dayTicks, linePath, plotFor, ticks } from './plot.js';

export interface ScorePoint {
  readonly day: string;
  readonly score: number;
  readonly display: string;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function OutcomeChart({
  instrument,
  points,
  region,
}: {
  readonly instrument: string;
  /** Oldest first; the first is the baseline. */
  readonly points: readonly ScorePoint[];
  readonly region?: Region;
}) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/gu, '');
  const scale = scoreScale(instrument);
  const baseline = points[0];
  const latest = points.at(-1);
  if (scale === null || baseline === undefined || latest === undefined) return null;
  const band = mcidBand(instrument, baseline.score, region);
  const plot = plotFor(baseline.day, latest.day, scale.min, scale.max);
  const name = instrumentName(instrument);
  const change = latest.score - baseline.score;
  const improvement = scale.lowerIsBetter ? -change : change;
  const met = band !== null && points.length > 1 && improvement >= band.threshold - 1e-9;
  const changeWords =
    points.length < 2
      ? 'Only the baseline so far.'
      : `Latest ${latest.display} on ${formatDay(latest.day)}: ${
          Math.abs(change) < 1e-9
            ? 'no change'
            : `${improvement > 0 ? 'better' : 'worse'} by ${round(Math.abs(change))} ${scale.unit === 'percent' ? 'percentage points' : 'points'}`
        }${band === null ? '.' : met ? ', at least the MCID.' : ', less than the MCID.'}`;
  const description = `${instrumentTitle(instrument)}, ${scale.lowerIsBetter ? 'lower' : 'higher'} is better. Baseline ${baseline.display} on ${formatDay(baseline.day)}. ${changeWords}${
    band === null
      ? ''
      : ` The shaded band is within the MCID of the baseline (${round(band.low)} to ${round(band.high)}; ${band.description}).`
  }`;

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {name}{' '}
        <span className="chart-subtitle">
          {scale.lowerIsBetter ? 'lower is better' : 'higher is better'}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-desc`}
        className="chart-svg"
      >
        <title id={`${id}-svg-title`}>{`${name} over time`}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks(scale.min, scale.max).map((value) => (
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
        {dayTicks(baseline.day, latest.day, points.length < 2 ? 0 : 3).map((day) => (
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
        {band === null ? null : (
          <rect
            className="chart-mcid-band"
            data-testid="mcid-band"
            x={plot.left}
            width={plot.right - plot.left}
            y={plot.y(band.high)}
            height={Math.max(1, plot.y(band.low) - plot.y(band.high))}
          />
        )}
        <line
          className="chart-baseline"
          x1={plot.left}
          x2={plot.right}
          y1={plot.y(baseline.score)}
          y2={plot.y(baseline.score)}
        />
        <path
          className="chart-line"
          d={linePath(points.map((point) => [plot.x(point.day), plot.y(point.score)]))}
        />
        {points.map((point) => (
          <circle
            key={point.day + point.display}
            className="chart-point"
            cx={plot.x(point.day)}
            cy={plot.y(point.score)}
            r={5}
          />
        ))}
      </svg>
      <p className="chart-legend">
        <span className="chart-key chart-key--baseline" aria-hidden="true" /> Baseline{' '}
        {band === null ? null : (
          <>
            <span className="chart-key chart-key--band" aria-hidden="true" /> Within the MCID (
            {band.description}) [{band.sources.join(', ')}]
          </>
        )}
      </p>
      <details className="chart-table">
        <summary>{name} as a table</summary>
        <table className="table">
          <caption className="visually-hidden">{`${name} scores`}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Score</th>
              <th scope="col">Change from baseline</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={point.day + point.display}>
                <td>{formatDay(point.day)}</td>
                <td>{point.display}</td>
                <td>
                  {index === 0
                    ? 'Baseline'
                    : `${point.score - baseline.score > 0 ? '+' : ''}${round(point.score - baseline.score)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
