import { describe, expect, it } from 'vitest';
import { instantOf } from './caseload.js';
import {
  adherenceWindow,
  adherenceWindows,
  boutCaps,
  compareCaseload,
  prescribedBouts,
  programmeWeek,
  reassessmentDue,
  scoreChanges,
  summariseProgramme,
  type CaseloadOrderKey,
  type ProgrammeSummary,
} from './measures.js';
import { generateProgramme } from '@spinewise/clinical';
import { lowBackProfile } from '../logs/programme.fixture.js';

/** Two weeks: 7 bouts a week, then 14 (one exercise twice a day). */
const summary: ProgrammeSummary = {
  startDate: '2026-11-02',
  endDate: '2026-11-15',
  weeks: [
    {
      week: 1,
      startDate: '2026-11-02',
      endDate: '2026-11-08',
      exercises: [
        { id: 'bird-dog', perDay: 1, daysPerWeek: 4 },
        { id: 'walk', perDay: 1, daysPerWeek: 3 },
      ],
    },
    {
      week: 2,
      startDate: '2026-11-09',
      endDate: '2026-11-15',
      exercises: [{ id: 'bird-dog', perDay: 2, daysPerWeek: 7 }],
    },
  ],
  reassessments: [
    { week: 0, date: '2026-11-02' },
    { week: 1, date: '2026-11-08' },
    { week: 2, date: '2026-11-15' },
  ],
};

describe('summariseProgramme', () => {
  it('keeps the weeks, doses and questionnaire schedule of a generated programme', () => {
    const programme = generateProgramme(lowBackProfile);
    const result = summariseProgramme(programme);
    expect(result.weeks).toHaveLength(programme.weeks.length);
    expect(result.reassessments.map((entry) => entry.week)).toEqual(
      programme.reassessments.map((entry) => entry.week),
    );
    const firstExercise = programme.weeks[0]?.sessions[0]?.exercises[0];
    expect(result.weeks[0]?.exercises[0]).toEqual({
      id: firstExercise?.id,
      perDay: firstExercise?.perDay,
      daysPerWeek: firstExercise?.daysPerWeek,
    });
    expect(JSON.stringify(result).length).toBeLessThan(JSON.stringify(programme).length / 10);
  });
});

describe('programmeWeek', () => {
  it('is null before the start, the containing week during, and the last week after', () => {
    expect(programmeWeek(summary, '2026-11-01')).toEqual({ week: null, weeks: 2 });
    expect(programmeWeek(summary, '2026-11-09')).toEqual({ week: 2, weeks: 2 });
    expect(programmeWeek(summary, '2026-12-01')).toEqual({ week: 2, weeks: 2 });
  });
});

describe('adherence', () => {
  it('prescribes each day in the programme a seventh of its week, and nothing outside it', () => {
    expect(prescribedBouts(summary, '2026-11-02', '2026-11-08')).toBeCloseTo(7);
    expect(prescribedBouts(summary, '2026-11-07', '2026-11-10')).toBeCloseTo(2 + 4);
    expect(prescribedBouts(summary, '2026-10-01', '2026-11-01')).toBe(0);
    expect(prescribedBouts(summary, '2026-11-15', '2026-11-30')).toBeCloseTo(2);
  });

  it('caps each exercise at its largest daily dose', () => {
    expect(boutCaps(summary)).toEqual(
      new Map([
        ['bird-dog', 2],
        ['walk', 1],
      ]),
    );
  });

  it('counts whole days before today', () => {
    expect(adherenceWindows('2026-11-10')).toEqual({
      last7Days: { from: '2026-11-03', to: '2026-11-09' },
      last14Days: { from: '2026-10-27', to: '2026-11-09' },
    });
  });

  it('rounds the prescription and the percent, and has no percent when nothing was due', () => {
    const window = { from: '2026-11-07', to: '2026-11-09' };
    // 2 days of week 1 (1 a day) and one of week 2 (2 a day): 4.
    expect(adherenceWindow(summary, window, { done: 3, daysLogged: 2 })).toEqual({
      ...window,
      done: 3,
      prescribed: 4,
      percent: 75,
      daysLogged: 2,
    });
    expect(
      adherenceWindow(
        summary,
        { from: '2026-10-01', to: '2026-10-07' },
        {
          done: 0,
          daysLogged: 0,
        },
      ).percent,
    ).toBeNull();
  });
});

describe('reassessmentDue', () => {
  it('is not due before the first scheduled date', () => {
    expect(reassessmentDue(summary, null, '2026-11-01')).toBeNull();
  });

  it('asks for a baseline when the episode has no assessment at all', () => {
    expect(reassessmentDue(summary, null, '2026-11-03')).toEqual({
      week: 0,
      dueOn: '2026-11-02',
    });
    expect(reassessmentDue(summary, '2026-10-30', '2026-11-03')).toBeNull();
  });

  it('takes the latest scheduled week that has come; an assessment since that week began answers it', () => {
    expect(reassessmentDue(summary, '2026-10-30', '2026-11-12')).toEqual({
      week: 1,
      dueOn: '2026-11-08',
    });
    expect(reassessmentDue(summary, '2026-11-02', '2026-11-12')).toBeNull();
    expect(reassessmentDue(summary, '2026-11-02', '2026-11-20')).toEqual({
      week: 2,
      dueOn: '2026-11-15',
    });
    expect(reassessmentDue(summary, '2026-11-09', '2026-11-20')).toBeNull();
  });
});

describe('scoreChanges', () => {
  const at = (day: string) => new Date(`${day}T10:00:00Z`);

  it('compares the newest later score per instrument with the baseline', () => {
    const changes = scoreChanges(
      {
        assessedAt: at('2026-11-01'),
        scores: [
          { instrument: 'odi', score: 40 },
          { instrument: 'nprs', score: 6 },
          { instrument: 'fabq', score: null },
          { instrument: 'made-up', score: 3 },
        ],
      },
      [
        { assessedAt: at('2026-11-20'), scores: [{ instrument: 'nprs', score: 2 }] },
        { assessedAt: at('2026-11-10'), scores: [{ instrument: 'odi', score: 30 }] },
        { assessedAt: at('2026-11-01'), scores: [{ instrument: 'odi', score: 40 }] },
      ],
      'lumbar',
    );
    expect(changes.map((entry) => entry.instrument)).toEqual(['odi', 'nprs']);
    expect(changes[0]).toMatchObject({
      latest: { score: 30 },
      change: { absolute: -10, direction: 'improved', mcidMet: true },
    });
    expect(changes[1]).toMatchObject({ latest: { score: 2 }, change: { mcidMet: true } });
  });

  it('has nothing without a baseline', () => {
    expect(scoreChanges(null, [], 'cervical')).toEqual([]);
  });
});

describe('compareCaseload', () => {
  const key = (displayName: string, extra: Partial<CaseloadOrderKey> = {}): CaseloadOrderKey => ({
    id: displayName,
    displayName,
    worstAlert: null,
    reassessmentDueOn: null,
    ...extra,
  });
  const alert = (severity: 'emergency' | 'urgent' | 'warning' | 'info', day: string) => ({
    worstAlert: { severity, oldestAt: new Date(`${day}T08:00:00Z`) },
  });

  it('orders alerts by severity then age, then reassessments by due date, then names', () => {
    const keys = [
      key('amy'),
      key('ben', { reassessmentDueOn: '2026-11-08' }),
      key('cal', alert('info', '2026-11-01')),
      key('dee', alert('urgent', '2026-11-05')),
      key('eli', alert('urgent', '2026-11-03')),
      key('fay', { reassessmentDueOn: '2026-11-02' }),
      key('Abe'),
      key('gus', alert('emergency', '2026-11-09')),
    ];
    expect(keys.sort(compareCaseload).map((entry) => entry.displayName)).toEqual([
      'gus',
      'eli',
      'dee',
      'cal',
      'fay',
      'ben',
      'Abe',
      'amy',
    ]);
  });
});

describe('caseload helpers', () => {
  it('reads PostgreSQL and JSON timestamps as instants', () => {
    expect(instantOf('2026-11-02 09:30:00.123+00').toISOString()).toBe('2026-11-02T09:30:00.123Z');
    expect(instantOf('2026-11-02T09:30:00+00:00').toISOString()).toBe('2026-11-02T09:30:00.000Z');
  });
});
