import { describe, expect, it } from 'vitest';
import type { Today } from '../today-api.js';
import { programmeSummary } from './programme-summary.js';

const base: Today = {
  date: '2026-11-10',
  programme: {
    id: '11111111-1111-4111-8111-111111111111',
    version: 1,
    region: 'lumbar',
    condition: 'nonspecific',
    startDate: '2026-11-02',
    endDate: '2026-12-27',
  },
  week: null,
};

const session = (dailyMinutes: number, daysPerWeek: number) => ({
  id: 's',
  name: 'Session',
  daysPerWeek,
  dailyMinutes,
  exercises: [],
});

describe('programmeSummary', () => {
  it('counts the weeks from the first to the last day', () => {
    expect(programmeSummary(base).weeks).toBe(8);
    expect(
      programmeSummary({ ...base, programme: { ...base.programme, endDate: '2026-11-03' } }).weeks,
    ).toBe(1);
  });

  it('adds up this week’s minutes a day and takes its phase', () => {
    const summary = programmeSummary({
      ...base,
      week: {
        week: 2,
        startDate: '2026-11-09',
        endDate: '2026-11-15',
        phase: 'control',
        sessions: [session(12.4, 5), session(6, 7)],
        activity: { kind: 'walking', minutesPerDay: 20, daysPerWeek: 5 },
        lessons: [],
        tasks: [],
      },
    });
    expect(summary).toEqual({
      weeks: 8,
      started: true,
      minutesPerDay: 18,
      daysPerWeek: 7,
      phase: 'control',
    });
  });

  it('says when the programme has not started', () => {
    expect(programmeSummary({ ...base, date: '2026-11-01' })).toMatchObject({
      started: false,
      minutesPerDay: null,
      phase: null,
    });
  });
});
