import { describe, expect, it } from 'vitest';
import {
  CATCH_UP_MINUTES,
  decideReminder,
  instantOf,
  isTimeZone,
  localTime,
  type ReminderState,
} from './schedule.js';

const state = (overrides: Partial<ReminderState>): ReminderState => ({
  now: new Date('2026-06-10T07:30:00Z'),
  timeZone: 'Europe/London',
  times: ['08:00'],
  loggedToday: false,
  sentToday: false,
  ...overrides,
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Europe/London; drop table')).toBe(false);
  });
});

describe('localTime', () => {
  it('is the wall clock and calendar day of the zone', () => {
    const at = new Date('2026-06-10T23:30:00Z');
    expect(localTime(at, 'Europe/London')).toEqual({ day: '2026-06-11', minutes: 30 });
    expect(localTime(at, 'America/New_York')).toEqual({ day: '2026-06-10', minutes: 19 * 60 + 30 });
    expect(localTime(at, 'UTC')).toEqual({ day: '2026-06-10', minutes: 23 * 60 + 30 });
  });
});

describe('instantOf', () => {
  it('turns a wall-clock time into the instant, in summer and winter', () => {
    expect(instantOf('2026-06-10', '08:00', 'Europe/London').toISOString()).toBe(
      '2026-06-10T07:00:00.000Z',
    );
    expect(instantOf('2026-12-10', '08:00', 'Europe/London').toISOString()).toBe(
      '2026-12-10T08:00:00.000Z',
    );
    expect(instantOf('2026-06-10', '08:00', 'Asia/Kolkata').toISOString()).toBe(
      '2026-06-10T02:30:00.000Z',
    );
  });

  it('moves a time the clocks skip to the same moment on the moved clock', () => {
    // London, 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 never shows.
    expect(instantOf('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT.
    expect(instantOf('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('takes the first of a time that happens twice', () => {
    // London, 25 October 2026: 02:00 BST becomes 01:00 GMT; 01:30 shows twice.
    expect(instantOf('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });
});

describe('decideReminder', () => {
  it('waits for the chosen time on the patient’s own clock', () => {
    // 07:30 UTC is 08:30 in London (summer) but 03:30 in New York.
    expect(decideReminder(state({}))).toEqual({ due: true, day: '2026-06-10', time: '08:00' });
    expect(decideReminder(state({ timeZone: 'America/New_York' }))).toEqual({
      due: false,
      day: '2026-06-10',
      reason: 'notYet',
    });
    expect(decideReminder(state({ now: new Date('2026-06-10T06:59:00Z') }))).toMatchObject({
      due: false,
      reason: 'notYet',
    });
    expect(decideReminder(state({ now: new Date('2026-06-10T07:00:00Z') }))).toMatchObject({
      due: true,
    });
  });

  it('uses the patient’s day, not the server’s', () => {
    // 23:10 UTC on the 10th is 09:10 on the 11th in Sydney.
    expect(
      decideReminder(
        state({
          now: new Date('2026-06-10T23:10:00Z'),
          timeZone: 'Australia/Sydney',
          times: ['09:00'],
        }),
      ),
    ).toEqual({ due: true, day: '2026-06-11', time: '09:00' });
  });

  it('sends nothing once something is logged today, or a reminder went today', () => {
    expect(decideReminder(state({ loggedToday: true }))).toMatchObject({
      due: false,
      reason: 'logged',
    });
    expect(decideReminder(state({ sentToday: true }))).toMatchObject({
      due: false,
      reason: 'sent',
    });
  });

  it('sends nothing without times', () => {
    expect(decideReminder(state({ times: [] }))).toMatchObject({ due: false, reason: 'noTimes' });
  });

  it('skips a reminder that would come more than the catch-up window late', () => {
    const eightLondon = Date.parse('2026-06-10T07:00:00Z');
    const justInTime = new Date(eightLondon + (CATCH_UP_MINUTES - 1) * 60_000);
    const tooLate = new Date(eightLondon + CATCH_UP_MINUTES * 60_000);
    expect(decideReminder(state({ now: justInTime }))).toMatchObject({ due: true });
    expect(decideReminder(state({ now: tooLate }))).toMatchObject({
      due: false,
      reason: 'tooLate',
    });
  });

  it('with several times, the latest that has come decides, still once a day', () => {
    const times = ['18:00', '08:00'];
    // 17:30 UTC is 18:30 in London: 08:00 was missed, 18:00 makes up for it.
    expect(decideReminder(state({ times, now: new Date('2026-06-10T17:30:00Z') }))).toEqual({
      due: true,
      day: '2026-06-10',
      time: '18:00',
    });
    expect(
      decideReminder(state({ times, now: new Date('2026-06-10T17:30:00Z'), sentToday: true })),
    ).toMatchObject({ due: false, reason: 'sent' });
  });

  describe('on the days the clocks change', () => {
    it('sends a time the clocks skip in the first minute after the gap', () => {
      const base = { timeZone: 'Europe/London', times: ['01:30'] };
      // 00:59 UTC: 00:59 GMT, before the gap.
      expect(
        decideReminder(state({ ...base, now: new Date('2026-03-29T00:59:00Z') })),
      ).toMatchObject({ due: false, reason: 'notYet' });
      // 01:00 UTC: 02:00 BST, the clocks have jumped past 01:30 — but 01:30 GMT-equivalent
      // (01:30 UTC, 02:30 BST) has not come yet.
      expect(
        decideReminder(state({ ...base, now: new Date('2026-03-29T01:00:00Z') })),
      ).toMatchObject({ due: false, reason: 'notYet' });
      expect(decideReminder(state({ ...base, now: new Date('2026-03-29T01:30:00Z') }))).toEqual({
        due: true,
        day: '2026-03-29',
        time: '01:30',
      });
    });

    it('an ordinary morning time on the spring day comes at that time on the new clock', () => {
      const base = { timeZone: 'Europe/London', times: ['08:00'] };
      // 08:00 BST is 07:00 UTC.
      expect(
        decideReminder(state({ ...base, now: new Date('2026-03-29T06:59:00Z') })),
      ).toMatchObject({ due: false, reason: 'notYet' });
      expect(
        decideReminder(state({ ...base, now: new Date('2026-03-29T07:00:00Z') })),
      ).toMatchObject({ due: true, day: '2026-03-29' });
    });

    it('a time that happens twice in autumn is sent at its first, and only once', () => {
      const base = { timeZone: 'Europe/London', times: ['01:30'] };
      // 00:30 UTC is the first 01:30 (BST).
      expect(
        decideReminder(state({ ...base, now: new Date('2026-10-25T00:30:00Z') })),
      ).toMatchObject({ due: true, day: '2026-10-25' });
      // 01:30 UTC is the second 01:30 (GMT): a reminder already went.
      expect(
        decideReminder(state({ ...base, now: new Date('2026-10-25T01:30:00Z'), sentToday: true })),
      ).toMatchObject({ due: false, reason: 'sent' });
    });
  });
});
