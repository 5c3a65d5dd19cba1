/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, in UTC, and as whole day numbers (days since
 * 1970-01-01) so date windows are integer arithmetic. No clock: every date is given.
 */
import { ClinicalInputError, describeValue, type InputPath } from './input-error.js';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The day number of a real calendar date written `YYYY-MM-DD`, or `null` for anything else. */
export function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = isoDatePattern.exec(value);
  if (match === null) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 2025-02-30 over to 2025-03-02: a real date survives the round trip.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return time / DAY_MS;
}

/** `YYYY-MM-DD` for a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Validates an ISO date (a real calendar day) and returns it; otherwise an error at `path`. */
export function readDate(value: unknown, path: InputPath): string {
  if (dayNumber(value) === null) {
    throw new ClinicalInputError(
      path,
      `${describeValue(value)} is not a date; expected YYYY-MM-DD`,
    );
  }
  return value as string;
}

export function addDays(date: string, days: number): string {
  return isoDate((dayNumber(date) as number) + days);
}
