import { describe, expect, it } from 'vitest';
import { formatNumber, heading, keyValues, list, render, table, wrap } from './layout.js';

describe('text layout', () => {
  it('underlines a heading', () => {
    expect(heading('Score')).toEqual(['Score', '=====']);
    expect(heading('A', '-')).toEqual(['A', '---']);
  });

  it('wraps words to the width with indents', () => {
    expect(wrap('one two three four', '  ', 10, '- ')).toEqual(['- one two', '  three', '  four']);
    expect(wrap('a\nb')).toEqual(['a', 'b']);
    expect(wrap('')).toEqual(['']);
  });

  it('aligns label/value lines and leaves out undefined values', () => {
    expect(
      keyValues([
        ['Score', '36.0 %'],
        ['Band', undefined],
        ['Interpretation', 'fine'],
      ]),
    ).toEqual(['Score           36.0 %', 'Interpretation  fine']);
  });

  it('pads table columns, right-aligning where asked', () => {
    expect(
      table(
        ['id', 'n'],
        [
          ['odi', '10'],
          ['nprs', '1'],
        ],
        ['left', 'right'],
      ),
    ).toEqual(['id     n', '----  --', 'odi   10', 'nprs   1']);
  });

  it('renders lists, numbers and whole reports', () => {
    expect(list([])).toBe('none');
    expect(list(['S-ODI', 'S-LIC'])).toBe('S-ODI, S-LIC');
    expect(formatNumber(35.5555)).toBe('35.56');
    expect(formatNumber(4)).toBe('4');
    expect(render(['a', 'b'])).toBe('a\nb\n');
  });
});
