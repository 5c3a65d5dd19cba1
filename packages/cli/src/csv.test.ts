import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatCsv, formatCsvField, parseCsv } from './csv.js';

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe('parseCsv', () => {
  it('reads plain records with LF or CRLF, with or without a final line break', () => {
    expect(fields('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fields('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(fields('1,,3,\n')).toEqual([['1', '', '3', '']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const records = parseCsv('id,note\n1,"says ""hi"", twice"\n2,"two\nlines"\n3,""\n');
    expect(records.map((record) => record.fields)).toEqual([
      ['id', 'note'],
      ['1', 'says "hi", twice'],
      ['2', 'two\nlines'],
      ['3', ''],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 5]);
  });

  it('ignores a byte-order mark and keeps a quote inside an unquoted field', () => {
    expect(fields('\uFEFFa"b,c')).toEqual([['a"b', 'c']]);
  });

  it('counts a blank line as a record with one empty field', () => {
    expect(fields('1\n\n2\n')).toEqual([['1'], [''], ['2']]);
  });

  it('returns no records for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('rejects an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a\n"open,1\n')).toThrow(
      new CsvSyntaxError(2, 'a quoted field is not closed'),
    );
    expect(() => parseCsv('"a"b,1')).toThrow('line 1: unexpected text after a closing quote');
  });
});

describe('formatCsv', () => {
  it('quotes only fields that need it', () => {
    expect(formatCsvField('plain')).toBe('plain');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('say "x"')).toBe('"say ""x"""');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['id', 'note'],
      ['1', 'a, "b"\nc'],
      ['2', ''],
    ];
    expect(fields(formatCsv(rows))).toEqual(rows);
  });
});
