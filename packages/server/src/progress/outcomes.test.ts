import { scoreInstrument } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { goalProgress, questionnaireResults, type ScoredQuestionnaire } from './outcomes.js';

const ASSESSMENT = '00000000-0000-4000-8000-000000000001';
const REQUEST = '00000000-0000-4000-8000-000000000002';

function nprs(
  value: number,
  at: string,
  kind: 'assessment' | 'questionnaireRequest',
): ScoredQuestionnaire {
  return {
    instrument: 'nprs',
    score: scoreInstrument('nprs', [value]),
    at,
    source: { kind, id: kind === 'assessment' ? ASSESSMENT : REQUEST },
  };
}

describe('questionnaireResults', () => {
  const baseline = [nprs(7, '2026-11-02T09:00:00.000Z', 'assessment')];

  it('says a change that reaches the MCID is a real change, and keeps the source ids', () => {
    const [result] = questionnaireResults(
      baseline,
      [
        nprs(6, '2026-11-09T09:00:00.000Z', 'assessment'),
        nprs(4, '2026-11-16T09:00:00.000Z', 'questionnaireRequest'),
      ],
      'lumbar',
    );
    expect(result).toMatchObject({
      instrument: 'nprs',
      baseline: { score: 7 },
      latest: { score: 4, source: { kind: 'questionnaireRequest', id: REQUEST } },
      direction: 'improved',
      realChange: true,
      meaning: 'Your pain is lower than at the start: a real change.',
    });
    expect(result?.sources).toContain('S-MCID');
    expect(result?.meaning).not.toMatch(/S-/u);
  });

  it('calls a small improvement small, a rise kindly, and a baseline alone a starting point', () => {
    const [small] = questionnaireResults(
      baseline,
      [nprs(6, '2026-11-09T00:00:00.000Z', 'assessment')],
      'lumbar',
    );
    expect(small).toMatchObject({ direction: 'improved', realChange: false });
    expect(small?.meaning).toBe(
      'Your pain is lower than at the start. The change is small so far.',
    );
    const [worse] = questionnaireResults(
      baseline,
      [nprs(8, '2026-11-09T00:00:00.000Z', 'assessment')],
      'lumbar',
    );
    expect(worse?.direction).toBe('worsened');
    expect(worse?.meaning).toMatch(/clinician will talk this through/u);
    const [alone] = questionnaireResults(baseline, [], 'lumbar');
    expect(alone).toMatchObject({ latest: null, direction: null, realChange: null });
    expect(alone?.meaning).toMatch(/starting point/u);
  });

  it('leaves out the STarT Back tool', () => {
    const sbst: ScoredQuestionnaire = {
      instrument: 'sbst',
      score: scoreInstrument('sbst', [0, 0, 0, 0, 0, 0, 0, 0, 0]),
      at: '2026-11-02T09:00:00.000Z',
      source: { kind: 'assessment', id: ASSESSMENT },
    };
    expect(questionnaireResults([sbst], [], 'lumbar')).toEqual([]);
  });
});

describe('goalProgress', () => {
  const baseline = [
    { activity: 'Gardening for an hour', rating: 3 },
    { activity: 'Sitting through a film', rating: 5 },
    { activity: 'Carrying shopping', rating: 4 },
  ];

  it('matches the latest ratings by activity and says how each is moving', () => {
    const goals = goalProgress(baseline, [
      { activity: 'gardening  for an hour', rating: 7 },
      { activity: 'Sitting through a film', rating: 6 },
    ]);
    expect(goals).toEqual([
      {
        activity: 'Gardening for an hour',
        baseline: 3,
        latest: 7,
        change: 4,
        meaning: 'Much easier than at the start.',
        sources: ['S-PSFS'],
      },
      {
        activity: 'Sitting through a film',
        baseline: 5,
        latest: 6,
        change: 1,
        meaning: 'A little easier than at the start.',
        sources: ['S-PSFS'],
      },
      {
        activity: 'Carrying shopping',
        baseline: 4,
        latest: null,
        change: null,
        meaning: 'Your starting point. We will ask again later.',
        sources: ['S-PSFS'],
      },
    ]);
  });

  it('shows the starting ratings before any follow-up', () => {
    expect(goalProgress(baseline, null).map((goal) => goal.latest)).toEqual([null, null, null]);
  });
});
