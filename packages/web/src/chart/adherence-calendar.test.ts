import { generateProgramme, type Profile } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { calendarWeeks } from './adherence-calendar.js';
import type { ChartLog } from './chart-api.js';

const profile: Profile = {
  region: 'lumbar',
  condition: 'nonspecific',
  symptomDurationDays: 20,
  age: 44,
  sbstRisk: 'medium',
  scores: { odi: 30, nprs: 5 },
  directionalPreference: 'none',
  osteoporosis: false,
  redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 44 } },
  goals: [{ activity: 'Gardening for an hour', rating: 4 }],
  minutesPerDay: 15,
  startDate: '2026-11-02',
};

let logCount = 0;

function log(date: string, setsDone = 2): ChartLog {
  logCount += 1;
  return {
    id: `log-${String(logCount)}`,
    programmeId: 'p',
    programmeVersion: 1,
    date,
    exerciseId: 'e',
    exerciseName: null,
    setsDone,
    repsDone: null,
    holdSecondsDone: null,
    minutesDone: null,
    completed: null,
    painBefore: null,
    painDuring: null,
    painAfter: null,
    symptoms: [],
    note: null,
    createdAt: `${date}T09:00:00Z`,
  };
}

describe('calendarWeeks', () => {
  it('lists the weeks up to today, newest first, with bouts per day and what was prescribed', () => {
    const programme = generateProgramme(profile);
    const weeks = calendarWeeks(
      programme,
      [log('2026-11-02'), log('2026-11-02'), log('2026-11-03', 0), log('2026-11-10')],
      { from: '2026-08-19', to: '2026-11-10' },
    );
    expect(weeks.map((week) => week.week)).toEqual([2, 1]);
    const [second, first] = weeks;
    expect(first?.days.map((day) => day.state)).toEqual([
      'logged',
      'none', // nothing done is not a log of exercise
      'none',
      'none',
      'none',
      'none',
      'none',
    ]);
    expect(first?.days[0]?.bouts).toBe(2);
    expect(second?.days[1]).toMatchObject({ day: '2026-11-10', state: 'logged', bouts: 1 });
    expect(second?.days[2]?.state).toBe('upcoming');
    expect(first?.prescribedDays).toBeGreaterThan(0);
    expect(first?.prescribedDays).toBeLessThanOrEqual(7);
    expect(first?.prescribedBouts).toBeGreaterThanOrEqual(first?.prescribedDays ?? 0);
  });

  it('leaves out weeks that start before the logs’ window', () => {
    const programme = generateProgramme(profile);
    const weeks = calendarWeeks(programme, [], { from: '2026-11-05', to: '2026-11-20' });
    expect(weeks.map((week) => week.week)).toEqual([3, 2]);
  });
});
