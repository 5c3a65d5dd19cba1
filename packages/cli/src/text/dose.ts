/**
 * Doses and dates in plain words, for reports a patient reads: "2 sets: 6, then 4 holds of 10
 * seconds, twice a day", "Mon 23 Nov 2026".
 */
import type { DoseKind } from '@spinewise/clinical';

/** What a dose in words needs: a prescribed exercise, or a library dose with its kind. */
export interface DoseForWords {
  readonly kind: DoseKind;
  readonly sets: number;
  readonly reps?: number;
  /** Repetitions set by set when they differ (a descending pyramid). */
  readonly repsPerSet?: readonly number[];
  readonly holdSeconds?: number;
  readonly minutes?: number;
  readonly perDay: number;
}

/** `1 second`, `10 seconds`. */
export function count(value: number, singular: string, plural = `${singular}s`): string {
  return `${value} ${value === 1 ? singular : plural}`;
}

/** `[6]` → "6", `[6, 4]` → "6, then 4", `[6, 4, 2]` → "6, 4, then 2". */
function sequence(values: readonly number[]): string {
  if (values.length <= 1) return values.map(String).join('');
  return `${values.slice(0, -1).join(', ')}, then ${values.at(-1) ?? ''}`;
}

/** "once a day" is left unsaid: a plan's days already say it. */
export function timesADay(perDay: number): string {
  if (perDay === 1) return '';
  return perDay === 2 ? 'twice a day' : `${perDay} times a day`;
}

/** How many repetitions (or holds) make each set, and the words for the whole bout. */
function boutWords(dose: DoseForWords, unit: string, units: string, after: string): string {
  const reps = dose.reps ?? 0;
  const perSet = dose.repsPerSet ?? Array.from({ length: dose.sets }, () => reps);
  const last = perSet.at(-1) ?? reps;
  if (dose.sets === 1) return `${count(reps, unit, units)}${after}`;
  if (perSet.every((value) => value === perSet[0])) {
    return `${dose.sets} sets of ${count(reps, unit, units)}${after}`;
  }
  // A pyramid: "2 sets: 6, then 4 holds"; the unit agrees with the last number read.
  return `${dose.sets} sets: ${sequence(perSet)} ${last === 1 ? unit : units}${after}`;
}

/**
 * The dose in words: "8 repetitions", "2 sets: 6, then 4 holds of 10 seconds", "3 rounds of
 * 3 minutes", with "twice a day" or "3 times a day" when done more than once a day.
 */
export function describeDose(dose: DoseForWords): string {
  let words: string;
  switch (dose.kind) {
    case 'reps':
      words = boutWords(dose, 'repetition', 'repetitions', '');
      break;
    case 'hold':
      words = boutWords(dose, 'hold', 'holds', ` of ${count(dose.holdSeconds ?? 0, 'second')}`);
      break;
    case 'duration': {
      const minutes = count(dose.minutes ?? 0, 'minute');
      words = dose.sets === 1 ? minutes : `${dose.sets} rounds of ${minutes}`;
      break;
    }
  }
  const often = timesADay(dose.perDay);
  return often === '' ? words : `${words}, ${often}`;
}

/** "7 days a week", "1 day a week". */
export function daysAWeek(days: number): string {
  return `${count(days, 'day')} a week`;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const months = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

interface DateParts {
  readonly weekday: string;
  readonly day: number;
  readonly month: string;
  readonly year: number;
}

/** Calendar arithmetic on a `YYYY-MM-DD` the core has validated (no clock involved). */
function dateParts(iso: string): DateParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return {
    weekday: weekdays[date.getUTCDay()] ?? '',
    day,
    month: months[month - 1] ?? '',
    year,
  };
}

/** `2026-11-23` → "Mon 23 Nov 2026" (anything else is shown as given). */
export function formatDate(iso: string): string {
  const parts = dateParts(iso);
  if (parts === null) return iso;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** "Mon 23 Nov – Sun 29 Nov 2026", the year said once when both dates share it. */
export function formatDateRange(from: string, to: string): string {
  const start = dateParts(from);
  const end = dateParts(to);
  if (start === null || start.year !== end?.year) {
    return `${formatDate(from)} – ${formatDate(to)}`;
  }
  return `${start.weekday} ${start.day} ${start.month} – ${formatDate(to)}`;
}
