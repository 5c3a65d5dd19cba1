import { describe, expect, it } from 'vitest';
import type { Assessment } from './assessment.js';
import { startBackRisk, stratifyStartBack } from './start-back.js';

describe('startBackRisk', () => {
  it.each([
    [0, 0, 'low'],
    [3, 3, 'low'],
    [4, 0, 'medium'],
    [4, 3, 'medium'],
    [9, 3, 'medium'],
    [4, 4, 'high'],
    [9, 5, 'high'],
  ] as const)('total %i with subscale %i → %s', (total, psychosocial, risk) => {
    expect(startBackRisk({ total, psychosocial })).toBe(risk);
  });
});

describe('stratifyStartBack', () => {
  it('matches low risk to supported self-management, with what everyone gets', () => {
    const result = stratifyStartBack({
      region: 'lumbar',
      scores: { sbst: { total: 3, psychosocial: 3 } },
    });
    expect(result.applicable).toBe(true);
    expect(result.result.risk).toBe('low');
    expect(result.result.pathway?.id).toBe('supportedSelfManagement');
    expect(result.result.pathway?.components).toEqual(
      expect.arrayContaining([
        'Assessment',
        'Education about back pain',
        'No further routine sessions',
      ]),
    );
    expect(result.notMet).toEqual(['totalAtLeast4', 'psychosocialAtLeast4']);
    expect(result.summary).toMatch(
      /^Low risk \(total 3, psychosocial 3\): supported self-management/,
    );
    expect(result.sources).toEqual(['S-SB']);
  });

  it('matches medium risk to physiotherapy for signs and symptoms', () => {
    const result = stratifyStartBack({
      region: 'lumbar',
      scores: { sbst: { total: 4, psychosocial: 3 } },
    });
    expect(result.result.risk).toBe('medium');
    expect(result.result.pathway?.components).toEqual(
      expect.arrayContaining([
        'Advice to stay active and keep to usual activities',
        'Exercise',
        'Manual therapy',
        'Reassurance',
      ]),
    );
    expect(result.met).toEqual(['totalAtLeast4']);
    expect(result.notMet).toEqual(['psychosocialAtLeast4']);
  });

  it('matches high risk to psychologically informed physiotherapy', () => {
    const result = stratifyStartBack({
      region: 'lumbar',
      scores: { sbst: { total: 4, psychosocial: 4 } },
    });
    expect(result.result.risk).toBe('high');
    expect(result.result.pathway?.id).toBe('psychologicallyInformedPhysiotherapy');
    expect(result.result.pathway?.components).toContain('Graded activity and graded exposure');
    expect(result.summary).toMatch(/^High risk/);
  });

  it('uses a recorded risk group when the scores are not given', () => {
    const result = stratifyStartBack({ region: 'lumbar', scores: { sbstRisk: 'medium' } });
    expect(result.result.risk).toBe('medium');
    expect(result.criteria).toEqual([
      { id: 'recordedRisk', label: 'Risk group recorded', status: 'met', value: 'medium' },
    ]);
    expect(result.summary).toMatch(/^Medium risk: physiotherapy/);
  });

  it('prefers the scores when both scores and the matching group are given', () => {
    const result = stratifyStartBack({
      region: 'lumbar',
      scores: { sbst: { total: 6, psychosocial: 5 }, sbstRisk: 'high' },
    });
    expect(result.result.risk).toBe('high');
    expect(result.criteria.map((c) => c.id)).toEqual(['totalAtLeast4', 'psychosocialAtLeast4']);
  });

  it('is indeterminate without a score or a group', () => {
    for (const assessment of [
      { region: 'lumbar' },
      { region: 'lumbar', scores: { odi: 20 } },
    ] satisfies Assessment[]) {
      const result = stratifyStartBack(assessment);
      expect(result.applicable).toBe(true);
      expect(result.result).toEqual({ risk: null, pathway: null });
      expect(result.unknown).toEqual(['totalAtLeast4', 'psychosocialAtLeast4']);
      expect(result.summary).toMatch(/^Risk group unknown/);
    }
  });

  it('does not apply to neck pain', () => {
    const result = stratifyStartBack({ region: 'cervical', scores: { sbstRisk: 'high' } });
    expect(result.applicable).toBe(false);
    expect(result.result).toEqual({ risk: null, pathway: null });
    expect(result.summary).toMatch(/low back pain/);
  });
});
