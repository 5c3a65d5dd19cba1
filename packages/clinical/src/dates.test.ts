import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isoDate, readDate } from './dates.js';

describe('dates', () => {
  it('turns real YYYY-MM-DD dates into day numbers and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-02-29')).toBe(19782);
    expect(isoDate(19782)).toBe('2024-02-29');
    expect(isoDate(dayNumber('2025-12-31') as number)).toBe('2025-12-31');
  });

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '25-01-01',
    '2025-1-1',
    '2025-01-01T00:00',
    '',
  ])('rejects %j', (value) => {
    expect(dayNumber(value)).toBeNull();
  });

  it('rejects anything but a string', () => {
    expect(dayNumber(20250101)).toBeNull();
    expect(dayNumber(undefined)).toBeNull();
  });
});

describe('readDate and addDays', () => {
  it('returns a real date and names the field otherwise', () => {
    expect(readDate('2026-11-23', ['startDate'])).toBe('2026-11-23');
    expect(() => readDate('2026-02-30', ['startDate'])).toThrow(
      /^startDate: "2026-02-30" is not a date; expected YYYY-MM-DD$/,
    );
    expect(() => readDate(20261123, ['startDate'])).toThrow(/^startDate: 20261123 is not a date/);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-11-23', 7)).toBe('2026-11-30');
    expect(addDays('2026-12-28', 6)).toBe('2027-01-03');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
