import { generateProgramme } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { lowBackProfile } from '../logs/programme.fixture.js';
import { describePainTrend, describeWeekDays, painTrend, weekDays } from './pain-trend.js';

describe('painTrend', () => {
  it('averages each day’s pains and takes next-morning pain from the check-in first', () => {
    const days = painTrend(
      [
        { date: '2026-11-03', painBefore: 4, painDuring: 5, painAfter: 3 },
        { date: '2026-11-03', painBefore: 5, painDuring: 6, painAfter: 4, nextMorningPain: 9 },
        { date: '2026-11-04', painDuring: 2, nextMorningPain: 3 },
        { date: '2026-10-20', painDuring: 8 },
        { date: '2026-11-05', completed: 'skipped' },
      ],
      [{ sessionOn: '2026-11-03', pain: 2 }],
      '2026-11-02',
      '2026-11-10',
    );
    expect(days).toEqual([
      { date: '2026-11-03', painBefore: 4.5, painDuring: 5.5, painAfter: 3.5, nextMorningPain: 2 },
      { date: '2026-11-04', painBefore: null, painDuring: 2, painAfter: null, nextMorningPain: 3 },
    ]);
  });

  it('sums the trend up in words', () => {
    expect(describePainTrend([])).toMatch(/No pain scores yet/u);
    const down = describePainTrend([
      {
        date: '2026-11-03',
        painBefore: null,
        painDuring: null,
        painAfter: 6,
        nextMorningPain: null,
      },
      {
        date: '2026-11-05',
        painBefore: null,
        painDuring: null,
        painAfter: 3.5,
        nextMorningPain: null,
      },
    ]);
    expect(down).toBe(
      'You have logged pain on 2 days. Your pain has come down from 6 out of 10 on the first day you logged to 3.5 out of 10 on the latest.',
    );
    const up = describePainTrend([
      {
        date: '2026-11-03',
        painBefore: null,
        painDuring: 2,
        painAfter: null,
        nextMorningPain: null,
      },
      {
        date: '2026-11-05',
        painBefore: null,
        painDuring: 4,
        painAfter: null,
        nextMorningPain: null,
      },
    ]);
    expect(up).toMatch(/gone up.*Ups and downs are normal/u);
  });
});

describe('weekDays', () => {
  const programme = generateProgramme(lowBackProfile);
  const week = programme.weeks[1];
  if (week === undefined) throw new Error('the fixture programme has one week');

  it('counts the distinct days done this week, up to today, against the plan', () => {
    const result = weekDays(
      programme,
      [
        { date: week.startDate },
        { date: week.startDate, completed: 'partly' },
        { date: programme.weeks[0]?.endDate ?? '' },
        { date: '2026-11-10', completed: 'skipped' },
        { date: '2026-11-11' },
      ],
      '2026-11-10',
    );
    expect(result).toMatchObject({ week: 2, startDate: week.startDate, daysDone: 1 });
    expect(result?.daysPlanned).toBe(Math.max(...week.sessions.map((s) => s.daysPerWeek)));
    expect(weekDays(programme, [], '2026-10-01')).toBeNull();
  });

  it('words the week kindly, without streaks or blame', () => {
    expect(describeWeekDays(0, 5)).toBe(
      'Your plan this week is 5 days of exercise. Whenever you are ready, even a short session helps.',
    );
    expect(describeWeekDays(2, 5)).toBe(
      'You have exercised on 2 days this week, out of 5 planned. Every session helps.',
    );
    expect(describeWeekDays(5, 5)).toMatch(/meets this week's plan/u);
    for (const text of [describeWeekDays(0, 5), describeWeekDays(1, 5)]) {
      expect(text).not.toMatch(/streak|missed|failed/iu);
    }
  });
});
