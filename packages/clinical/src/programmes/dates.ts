/** Calendar dates as ISO `YYYY-MM-DD` strings, in UTC. No clock: every date is given. */
import { ClinicalInputError, describeValue, type InputPath } from '../input-error.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Validates an ISO date (a real calendar day) and returns it. */
export function readDate(value: unknown, path: InputPath): string {
  if (typeof value === 'string') {
    const match = ISO_DATE.exec(value);
    if (match !== null) {
      const [, year, month, day] = match.map(Number) as [number, number, number, number];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (
        date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day
      )
        return value;
    }
  }
  throw new ClinicalInputError(path, `${describeValue(value)} is not a date; expected YYYY-MM-DD`);
}

function toTime(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

export function addDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}
