/**
 * Coached sessions: what the camera coach counted and measured in the sessions the patient
 * confirmed — reps, hold time, the tracked angle's range and the form cues it gave.
 */
import { formatDay } from '../format/dates.js';
import type { CoachResult, CoachedLog } from './coach-api.js';

function degrees(value: number): string {
  return `${String(Math.round(value * 10) / 10)}°`;
}

export function rangeText(coach: CoachResult): string {
  const range = coach.rangeDegrees;
  return range === undefined ? 'Not measured' : `${degrees(range.min)} to ${degrees(range.max)}`;
}

export function holdText(coach: CoachResult): string {
  return coach.holdSeconds === undefined
    ? 'Not timed'
    : `${String(Math.round(coach.holdSeconds * 10) / 10)} s`;
}

function times(count: number): string {
  return count === 1 ? 'once' : `${String(count)} times`;
}

export function CoachPanel({ logs }: { readonly logs: readonly CoachedLog[] }) {
  if (logs.length === 0) {
    return (
      <p className="panel-empty">
        No coached sessions yet — the patient can use the camera coach from an exercise in their
        app.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table coach-table">
        <caption className="visually-hidden">
          Coached sessions, newest first: what the camera coach counted and measured
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Exercise</th>
            <th scope="col">Reps counted</th>
            <th scope="col">Hold</th>
            <th scope="col">Range</th>
            <th scope="col">Form warnings</th>
          </tr>
        </thead>
        <tbody>
          {logs.map((log) => {
            const { coach } = log;
            const warnings = coach.formWarnings ?? [];
            return (
              <tr key={log.id}>
                <td>{formatDay(log.date)}</td>
                <th scope="row">
                  {log.exerciseName ?? log.exerciseId}
                  <span className="history-meta coach-view">
                    {coach.view === 'side' ? 'Side view' : 'Front view'}
                  </span>
                </th>
                <td>{coach.reps === undefined ? 'Not counted' : String(coach.reps)}</td>
                <td>{holdText(coach)}</td>
                <td>{rangeText(coach)}</td>
                <td>
                  {warnings.length === 0 ? (
                    'None'
                  ) : (
                    <ul className="coach-warnings">
                      {warnings.map((warning) => (
                        <li key={warning.id}>
                          {warning.cue}{' '}
                          <span className="coach-count">({times(warning.count)})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
