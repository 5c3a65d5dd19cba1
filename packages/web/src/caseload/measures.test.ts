import { describe, expect, it } from 'vitest';
import { caseloadEntry } from './caseload.fixture.js';
import {
  adherenceMeasure,
  disabilityMeasure,
  filterCaseload,
  lastLogMeasure,
  painMeasure,
  programmeSummary,
} from './measures.js';

const assessed = (score: number, at: string) => ({ score, assessedAt: at });

describe('adherenceMeasure', () => {
  it('gives the 14-day share with the sessions behind it, and flags a low one', () => {
    expect(adherenceMeasure(caseloadEntry())).toEqual({
      value: '71%',
      detail: '20 of 28 sessions logged',
      tone: 'good',
    });
    const low = caseloadEntry({
      adherence: {
        last7Days: { from: 'a', to: 'b', done: 1, prescribed: 14, percent: 7, daysLogged: 1 },
        last14Days: { from: 'a', to: 'b', done: 4, prescribed: 28, percent: 14, daysLogged: 3 },
      },
    });
    expect(adherenceMeasure(low).tone).toBe('concern');
  });

  it('says why there is no number', () => {
    expect(adherenceMeasure(caseloadEntry({ adherence: null })).value).toBe('No active programme');
  });
});

describe('disabilityMeasure', () => {
  it('uses the region’s main score and says whether the change meets the MCID', () => {
    const entry = caseloadEntry({
      scores: [
        {
          instrument: 'nprs',
          baseline: assessed(7, '2026-10-01T09:00:00Z'),
          latest: assessed(4, '2026-11-12T09:00:00Z'),
          change: {
            absolute: -3,
            percent: -43,
            direction: 'improved',
            mcidMet: true,
            mcid: '2 points',
          },
        },
        {
          instrument: 'odi',
          baseline: assessed(40, '2026-10-01T09:00:00Z'),
          latest: assessed(28, '2026-11-12T09:00:00Z'),
          change: {
            absolute: -12,
            percent: -30,
            direction: 'improved',
            mcidMet: true,
            mcid: '10 points or 30%',
          },
        },
      ],
    });
    expect(disabilityMeasure(entry)).toEqual({
      label: 'ODI',
      value: '40 → 28',
      detail: 'Improved by 12 points; meets the MCID (10 points or 30%)',
      tone: 'good',
    });
    expect(painMeasure(entry)).toEqual({
      value: '4 out of 10',
      detail: 'Was 7 at baseline',
      tone: 'good',
    });
  });

  it('prefers the NDI for the neck, and says when a change falls short or worsens', () => {
    const entry = caseloadEntry({
      episode: {
        id: 'e',
        region: 'cervical',
        condition: 'neckNonspecific',
        startedOn: '2026-10-01',
      },
      scores: [
        {
          instrument: 'ndi',
          baseline: assessed(20, '2026-10-01T09:00:00Z'),
          latest: assessed(21, '2026-11-12T09:00:00Z'),
          change: { absolute: 1, percent: 5, direction: 'worsened', mcidMet: false, mcid: null },
        },
      ],
    });
    expect(disabilityMeasure(entry)).toMatchObject({
      label: 'NDI',
      detail: 'Worse by 1 point; below the MCID',
      tone: 'concern',
    });
  });

  it('says when nothing was assessed, or only the baseline', () => {
    expect(disabilityMeasure(caseloadEntry()).value).toBe('Not assessed yet');
    const baseline = caseloadEntry({
      scores: [
        { instrument: 'odi', baseline: assessed(30, 'x'), latest: assessed(30, 'x'), change: null },
      ],
    });
    expect(disabilityMeasure(baseline)).toMatchObject({ value: '30', detail: 'Baseline only' });
  });
});

describe('lastLogMeasure and programmeSummary', () => {
  it('counts days since the last log and flags a week’s silence', () => {
    expect(lastLogMeasure(caseloadEntry({ lastLogOn: '2026-11-21' }), '2026-11-22').value).toBe(
      'Yesterday',
    );
    expect(lastLogMeasure(caseloadEntry({ lastLogOn: '2026-11-10' }), '2026-11-22')).toMatchObject({
      value: '12 days ago',
      tone: 'concern',
    });
    expect(lastLogMeasure(caseloadEntry({ lastLogOn: null }), '2026-11-22').value).toBe(
      'Nothing logged yet',
    );
  });

  it('describes where the programme is', () => {
    expect(programmeSummary(caseloadEntry())).toBe('Week 4 of 8');
    expect(programmeSummary(caseloadEntry({ programme: null }))).toBe('No programme yet');
    expect(programmeSummary(caseloadEntry({ episode: null, programme: null }))).toBe(
      'No episode of care yet',
    );
  });
});

describe('filterCaseload', () => {
  const entries = [
    caseloadEntry({
      name: 'Aisha Rahman',
      alerts: { open: 2, worstSeverity: 'urgent', newest: [] },
    }),
    caseloadEntry({ name: 'Tom Becker', reassessment: { week: 4, dueOn: '2026-11-17' } }),
    caseloadEntry({ name: 'Margaret Ellis' }),
  ];
  const none = { search: '', alertsOnly: false, reassessmentDue: false };
  const names = (list: readonly { patient: { displayName: string } }[]) =>
    list.map((entry) => entry.patient.displayName);

  it('keeps the server’s order and matches every word of the search in the name', () => {
    expect(names(filterCaseload(entries, none))).toEqual([
      'Aisha Rahman',
      'Tom Becker',
      'Margaret Ellis',
    ]);
    expect(names(filterCaseload(entries, { ...none, search: 'ELLIS marg' }))).toEqual([
      'Margaret Ellis',
    ]);
    expect(filterCaseload(entries, { ...none, search: 'nobody' })).toEqual([]);
  });

  it('filters to open alerts or reassessments due', () => {
    expect(names(filterCaseload(entries, { ...none, alertsOnly: true }))).toEqual(['Aisha Rahman']);
    expect(names(filterCaseload(entries, { ...none, reassessmentDue: true }))).toEqual([
      'Tom Becker',
    ]);
    expect(filterCaseload(entries, { ...none, alertsOnly: true, reassessmentDue: true })).toEqual(
      [],
    );
  });
});
