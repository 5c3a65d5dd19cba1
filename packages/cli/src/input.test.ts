import { describe, expect, it } from 'vitest';
import { parseJsonInput, readInput } from './input.js';
import { memoryIo } from './io.js';
import { UsageError } from './usage-error.js';

describe('readInput', () => {
  it('reads a file by path', async () => {
    const io = memoryIo({ files: { 'a.json': '{}' } });
    expect(await readInput(io, 'a.json', 'usage')).toEqual({ text: '{}', source: 'a.json' });
  });

  it('reads stdin for - and when the file is left out', async () => {
    const io = memoryIo({ stdin: '[1]', stdinIsTTY: true });
    expect(await readInput(io, '-', 'usage')).toEqual({ text: '[1]', source: 'stdin' });
    const piped = memoryIo({ stdin: '[2]' });
    expect(await readInput(piped, undefined, 'usage')).toEqual({ text: '[2]', source: 'stdin' });
  });

  it('refuses to wait on a terminal when no input was given', async () => {
    const io = memoryIo({ stdinIsTTY: true });
    await expect(readInput(io, undefined, 'spinewise screen [file|-]')).rejects.toThrow(
      /no input: give a file, or pipe JSON/,
    );
  });

  it('names a file that cannot be read', async () => {
    await expect(readInput(memoryIo(), 'missing.json', 'usage')).rejects.toThrow(
      'cannot read missing.json: no such file',
    );
    const io = memoryIo();
    io.readFile = () => Promise.reject(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
    await expect(readInput(io, 'dir', 'usage')).rejects.toThrow(
      'cannot read dir: it is a directory',
    );
    io.readFile = () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    await expect(readInput(io, 'secret', 'usage')).rejects.toThrow('permission denied');
    io.readFile = () => Promise.reject(new Error('odd failure'));
    await expect(readInput(io, 'x', 'usage')).rejects.toThrow('cannot read x: odd failure');
    io.readFile = () => {
      // A non-Error rejection, as some libraries produce.
      throw 'a string'; // eslint-disable-line @typescript-eslint/only-throw-error
    };
    await expect(readInput(io, 'x', 'usage')).rejects.toThrow('cannot read x: a string');
  });
});

describe('parseJsonInput', () => {
  it('parses JSON, ignoring a byte-order mark', () => {
    expect(parseJsonInput({ text: '\uFEFF{"a":1}', source: 'a.json' })).toEqual({ a: 1 });
  });

  it('reports a syntax error with line and column and where it came from', () => {
    const parse = () => parseJsonInput({ text: '{\n  "a": 1,\n  "b" 2\n}', source: 'x.json' });
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(/^input: not valid JSON \(line 3 column 7: expected ':'.*\) in x\.json$/);
    expect(() => parseJsonInput({ text: 'nope', source: 'stdin' })).toThrow(
      /not valid JSON \(line 1 column 1: .*\) on stdin/,
    );
  });

  it('reports empty input', () => {
    expect(() => parseJsonInput({ text: ' \n', source: 'stdin' })).toThrow(
      'input: empty on stdin, expected JSON',
    );
  });
});
