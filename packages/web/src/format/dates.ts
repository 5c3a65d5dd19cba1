/**
 * Dates as people read them. Calendar days (`YYYY-MM-DD`, UTC, as the API sends them) are shown
 * without a time zone shift; moments (ISO timestamps) in the browser's own time zone.
 */
const LOCALE = 'en-GB';

const dayFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const longDayFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

const momentFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** `2026-11-22` → `22 Nov 2026`. */
export function formatDay(day: string): string {
  return dayFormat.format(dayDate(day));
}

/** `2026-11-22` → `Sunday 22 November`. */
export function formatLongDay(day: string): string {
  return longDayFormat.format(dayDate(day));
}

/** An ISO timestamp → `22 Nov 2026, 09:14` in the browser's time zone. */
export function formatMoment(iso: string): string {
  return momentFormat.format(new Date(iso));
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayDate(to).getTime() - dayDate(from).getTime()) / 86_400_000);
}

/** Today's calendar day in the browser's time zone, `YYYY-MM-DD` (for a date input's max). */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${String(now.getFullYear())}-${month}-${day}`;
}
