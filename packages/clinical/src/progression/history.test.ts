import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { parseHistory } from './history.js';
import { lookup } from './progression.fixture.js';

function pathOf(input: unknown): readonly (string | number)[] {
  try {
    parseHistory(input, lookup);
  } catch (error) {
    if (error instanceof ClinicalInputError) return error.path;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('parseHistory', () => {
  it('gives each change its day and chain', () => {
    expect(parseHistory(undefined, lookup)).toEqual([]);
    expect(
      parseHistory([{ date: '2025-03-04', exerciseId: 'bridge-2', change: 'level' }], lookup),
    ).toEqual([{ day: 20151, chain: 'bridge', change: 'level' }]);
  });

  it('names the bad field', () => {
    const ok = { date: '2025-03-04', exerciseId: 'walk', change: 'dose' };
    expect(pathOf('x')).toEqual(['options', 'history']);
    expect(pathOf([ok, 3])).toEqual(['options', 'history', 1]);
    expect(pathOf([{ ...ok, by: 'me' }])).toEqual(['options', 'history', 0, 'by']);
    expect(pathOf([{ ...ok, date: '2025-13-01' }])).toEqual(['options', 'history', 0, 'date']);
    expect(pathOf([{ ...ok, exerciseId: 'nope' }])).toEqual([
      'options',
      'history',
      0,
      'exerciseId',
    ]);
    expect(pathOf([{ ...ok, exerciseId: 7 }])).toEqual(['options', 'history', 0, 'exerciseId']);
    expect(pathOf([{ ...ok, change: 'load' }])).toEqual(['options', 'history', 0, 'change']);
  });
});
