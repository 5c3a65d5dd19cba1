import { describe, expect, it } from 'vitest';
import { ClinicalInputError, describeValue, formatPath, isPlainObject } from './input-error.js';

describe('formatPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(formatPath(['answers', 3, 'rating'])).toBe('answers[3].rating');
    expect(formatPath([2])).toBe('[2]');
    expect(formatPath([])).toBe('(input)');
  });
});

describe('ClinicalInputError', () => {
  it('names the field in its message and keeps the path', () => {
    const error = new ClinicalInputError(['findings', 'age'], 'must be a number');
    expect(error.message).toBe('findings.age: must be a number');
    expect(error.path).toEqual(['findings', 'age']);
    expect(error.detail).toBe('must be a number');
    expect(error).toBeInstanceOf(Error);
  });
});

describe('describeValue', () => {
  it('renders values briefly', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeValue([1])).toBe('a list');
    expect(describeValue(null)).toBe('null');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(7)).toBe('7');
    expect(describeValue(() => 1)).toBe('a function');
  });
  it('tells plain objects apart', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(null)).toBe(false);
  });
});
