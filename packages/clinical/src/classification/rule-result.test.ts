import { describe, expect, it } from 'vitest';
import {
  atLeast,
  booleanStatus,
  countCriteria,
  criterion,
  itemCount,
  notApplicable,
  numberStatus,
  ruleResult,
} from './rule-result.js';

describe('rule-result helpers', () => {
  it('omits the value of a criterion that was not given', () => {
    expect(criterion('a', 'A', 'unknown', undefined)).toEqual({
      id: 'a',
      label: 'A',
      status: 'unknown',
    });
    expect(criterion('a', 'A', 'met', false)).toEqual({
      id: 'a',
      label: 'A',
      status: 'met',
      value: false,
    });
  });

  it('judges numbers and yes/no findings, unknown when missing', () => {
    expect(numberStatus(undefined, () => true)).toBe('unknown');
    expect(numberStatus(3, (v) => v < 4)).toBe('met');
    expect(numberStatus(4, (v) => v < 4)).toBe('notMet');
    expect(booleanStatus(undefined, true)).toBe('unknown');
    expect(booleanStatus(false, false)).toBe('met');
    expect(booleanStatus(true, false)).toBe('notMet');
  });

  it('is decided only when the unknowns cannot tip it', () => {
    expect(atLeast({ met: 3, notMet: 0, unknown: 1 }, 3)).toBe(true);
    expect(atLeast({ met: 1, notMet: 2, unknown: 1 }, 3)).toBe(false);
    expect(atLeast({ met: 2, notMet: 1, unknown: 1 }, 3)).toBeNull();
  });

  it('counts and lists criteria by status, with an optional caveat', () => {
    const criteria = [
      criterion('a', 'A', 'met', 1),
      criterion('b', 'B', 'notMet', 2),
      criterion('c', 'C', 'unknown', undefined),
    ];
    expect(countCriteria(criteria)).toEqual({ met: 1, notMet: 1, unknown: 1 });
    const result = ruleResult({
      rule: 'r',
      title: 'R',
      result: 1,
      summary: 's',
      criteria,
      sources: ['S'],
    });
    expect(result).toMatchObject({ applicable: true, met: ['a'], notMet: ['b'], unknown: ['c'] });
    expect(result).not.toHaveProperty('caveat');
    expect(ruleResult({ ...result, caveat: 'careful' }).caveat).toBe('careful');
    const skipped = notApplicable({ rule: 'r', title: 'R', result: 0, summary: 'no', sources: [] });
    expect(skipped).toMatchObject({ applicable: false, criteria: [], met: [], unknown: [] });
  });

  it('pluralises item counts', () => {
    expect(itemCount(1)).toBe('1 item');
    expect(itemCount(2)).toBe('2 items');
  });
});
