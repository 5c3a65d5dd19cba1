import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatDuration, formatUtc, writeCalendar } from './ics.js';
import { spreadDays } from './session-days.js';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('plain: words')).toBe('plain: words');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds longer lines at 75 octets with CRLF and a space, losing nothing', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(20)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(' ')).toBe(true);
    // Unfolding (§3.1: remove CRLF followed by one space) gives the line back.
    expect(folded.replace(/\r\n /gu, '')).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /gu, '')).toBe(line);
  });
});

describe('values', () => {
  it('writes UTC date-times and durations', () => {
    expect(formatUtc(new Date('2026-11-22T09:05:00.000Z'))).toBe('20261122T090500Z');
    expect(formatDuration(20)).toBe('PT20M');
    expect(formatDuration(60)).toBe('PT1H');
    expect(formatDuration(95)).toBe('PT1H35M');
    expect(formatDuration(0.4)).toBe('PT1M');
  });
});

describe('writeCalendar', () => {
  const calendar = writeCalendar({
    name: 'Spinewise exercises',
    stamp: new Date('2026-11-22T10:00:00Z'),
    events: [
      {
        uid: '2026-11-23-abc@spinewise',
        start: new Date('2026-11-23T09:00:00Z'),
        durationMinutes: 25,
        summary: 'Spinewise exercises',
        description: 'Your exercises for today, step by step; open the app, then start.',
      },
    ],
  });

  it('is CRLF throughout, with a calendar around one event', () => {
    expect(calendar.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(calendar.replace(/\r\n/gu, '')).not.toMatch(/[\r\n]/u);
    const lines = calendar.replace(/\r\n /gu, '').split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toContain('PRODID:-//Spinewise//Exercise calendar//EN');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:2026-11-23-abc@spinewise',
        'DTSTAMP:20261122T100000Z',
        'DTSTART:20261123T090000Z',
        'DURATION:PT25M',
        'SUMMARY:Spinewise exercises',
        'DESCRIPTION:Your exercises for today\\, step by step\\; open the app\\, then start.',
        'END:VEVENT',
      ]),
    );
    for (const line of calendar.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });
});

describe('spreadDays', () => {
  it('spreads a week’s session days evenly from its first day', () => {
    expect(spreadDays(7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(spreadDays(3)).toEqual([0, 2, 4]);
    expect(spreadDays(5)).toEqual([0, 1, 2, 4, 5]);
    expect(spreadDays(1)).toEqual([0]);
    expect(spreadDays(0)).toEqual([]);
  });
});
