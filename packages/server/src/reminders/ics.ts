/**
 * An RFC 5545 (iCalendar) writer for the patient's exercise calendar: just what the calendar
 * needs — VCALENDAR with timed VEVENTs in UTC — done exactly: CRLF line ends, TEXT values
 * escaped (§3.3.11), lines folded at 75 octets without splitting a UTF-8 character (§3.1).
 */

export interface CalendarEvent {
  /** Globally unique and stable, so a refreshed subscription updates rather than duplicates. */
  readonly uid: string;
  readonly start: Date;
  readonly durationMinutes: number;
  readonly summary: string;
  readonly description?: string;
}

export interface Calendar {
  /** The calendar's name as apps show it (`X-WR-CALNAME`). */
  readonly name: string;
  /** When the calendar was made: every event's DTSTAMP. */
  readonly stamp: Date;
  readonly events: readonly CalendarEvent[];
}

const CRLF = '\r\n';
/** §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

/** §3.3.11: backslash, semicolon and comma are escaped; a line break becomes `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/gu, '\\\\')
    .replace(/;/gu, '\\;')
    .replace(/,/gu, '\\,')
    .replace(/\r\n|\r|\n/gu, '\\n');
}

/**
 * Folds one content line: at most 75 octets per physical line, continuation lines starting
 * with a space (which counts towards their 75). Splits only between characters.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ` ${character}`;
      octets = 1 + size;
    } else {
      current += character;
      octets += size;
    }
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** `20261122T090000Z`: a DATE-TIME in UTC (§3.3.5, form #2). */
export function formatUtc(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/u, 'Z')
    .replace(/[-:]/gu, '');
}

/** `PT1H30M`, `PT20M` (§3.3.6). */
export function formatDuration(minutes: number): string {
  const whole = Math.max(1, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 || hours === 0 ? `${rest}M` : ''}`;
}

export function writeCalendar(calendar: Calendar): string {
  const stamp = formatUtc(calendar.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Spinewise//Exercise calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    // Subscribed calendars: refresh twice a day, so a changed programme shows by tomorrow.
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatUtc(event.start)}`,
      `DURATION:${formatDuration(event.durationMinutes)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description === undefined ? [] : [`DESCRIPTION:${escapeText(event.description)}`]),
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
