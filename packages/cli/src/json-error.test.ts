import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-error.js';

describe('locateJsonError', () => {
  it.each([
    ['{"a": }', 1, 7, 'expected a value, found "}"'],
    ['{"a":1', 1, 7, "expected ',' or '}', found end of input"],
    ['{\n  "a": 1,\n  "b" 2\n}', 3, 7, "expected ':' after the property name"],
    ['[1, 2,]', 1, 7, 'expected a value'],
    ['{"a":1} x', 1, 9, 'nothing after the end'],
    ["{'a': 1}", 1, 2, 'property name in double quotes'],
    ['"tab\there"', 1, 5, 'control character'],
    ['"bad \\x"', 1, 7, 'valid escape'],
    ['"\\u12G4"', 1, 4, 'four hex digits'],
    ['"open', 1, 6, 'closing "'],
    ['-', 1, 1, 'expected a value'],
    ['tru', 1, 1, 'expected a value'],
  ])('%j → line %i column %i', (text, line, column, reason) => {
    const location = locateJsonError(text);
    expect(location.line).toBe(line);
    expect(location.column).toBe(column);
    expect(location.reason).toContain(reason);
  });

  it('accepts what JSON accepts (no error found falls back to the end)', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}}';
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(locateJsonError(text)).toEqual({
      line: 1,
      column: text.length + 1,
      reason: 'unexpected end of input',
    });
  });
});
