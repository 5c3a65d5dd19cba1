import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import { parseCsv } from '../csv.js';

const batch = readFileSync(new URL('../../../../examples/odi-batch.csv', import.meta.url), 'utf8');

async function run(argv: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const io = memoryIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const rows = (csv: string) => parseCsv(csv).map((record) => record.fields);

describe('spinewise score-csv', () => {
  it('scores the ODI batch, passing the patient column through', async () => {
    const { code, out, err } = await run(['score-csv', 'odi', 'batch.csv', '--skip-columns', '1'], {
      files: { 'batch.csv': batch },
    });
    expect(code).toBe(0);
    expect(err).toBe('');
    const [header, ...data] = rows(out);
    expect(header).toEqual([
      'patient',
      'q1',
      'q2',
      'q3',
      'q4',
      'q5',
      'q6',
      'q7',
      'q8',
      'q9',
      'q10',
      'score',
      'band',
      'missing',
      'error',
    ]);
    expect(data).toHaveLength(5);
    expect(data[0]?.slice(0, 1)).toEqual(['P001']);
    expect(data[0]?.slice(11)).toEqual(['36', 'moderate', '0', '']);
    // P004 skipped section 8: 16/45.
    expect(Number(data[3]?.[11])).toBeCloseTo(35.556, 3);
    expect(data[3]?.slice(12)).toEqual(['moderate', '1', '']);
  });

  it('keeps every row: a failing row gets its error, stderr names the line, exit 2', async () => {
    const csv =
      'patient,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\nP1,2,1,2,1,2,2,1,2,3,2\nP2,2,1,2,1,2,2,1,2,3,7\nP3,1,1\n';
    const { code, out, err } = await run(['score-csv', 'odi', '-', '--skip-columns', '1'], {
      stdin: csv,
    });
    expect(code).toBe(2);
    const data = rows(out).slice(1);
    expect(data.map((row) => row[0])).toEqual(['P1', 'P2', 'P3']);
    expect(data[1]?.at(-1)).toContain('column q10: ODI item 10');
    expect(data[1]?.[11]).toBe('');
    expect(data[2]?.at(-1)).toContain('ODI takes 10 answers');
    expect(err).toContain('spinewise: stdin line 3 (row 2): column q10: ODI item 10');
    expect(err).toContain('spinewise: stdin line 4 (row 3): ODI takes 10 answers');
    expect(err).toContain('2 of 3 rows could not be scored');
  });

  it('reads files without a header, text answers and subscales (STarT Back)', async () => {
    const csv = '1,1,0,1,0,1,0,0,very much\n0,0,0,0,0,0,0,0,Extremely\n';
    const { code, out } = await run(['score-csv', 'sbst', 'b.csv'], { files: { 'b.csv': csv } });
    expect(code).toBe(0);
    const [header, first, second] = rows(out);
    expect(header).toEqual([
      'q1',
      'q2',
      'q3',
      'q4',
      'q5',
      'q6',
      'q7',
      'q8',
      'q9',
      'score',
      'band',
      'psychosocial',
      'missing',
      'error',
    ]);
    expect(first?.slice(9)).toEqual(['5', 'medium', '2', '0', '']);
    expect(second?.slice(9)).toEqual(['1', 'low', '1', '0', '']);
  });

  it('treats a failing first row of numbers as data, not as a header', async () => {
    const csv = '9,9,9,9,9,9,9,9,9,9\n2,1,2,1,2,2,1,2,3,2\n';
    const { code, out, err } = await run(['score-csv', 'odi', '-'], { stdin: csv });
    expect(code).toBe(2);
    expect(rows(out)).toHaveLength(3);
    expect(err).toContain('line 1 (row 1): column 1: ODI item 1');
  });

  it('drops trailing empty PSFS activities, and names skip-columns in headerless output', async () => {
    const csv = 'A,3,5,4,,\nB,6,,,,\n';
    const { code, out, err } = await run(['score-csv', 'psfs', '-', '--skip-columns', '1'], {
      stdin: csv,
    });
    expect(code).toBe(2);
    const [header, a, b] = rows(out);
    expect(header?.slice(0, 2)).toEqual(['column1', 'q1']);
    expect(a?.slice(6)).toEqual(['4', '', '0', '']);
    expect(b?.at(-1)).toContain('column 3: PSFS item 2');
    expect(err).toContain('line 2 (row 2)');
  });

  it('quotes fields that need it and reports a row shorter than the skipped columns', async () => {
    const csv = 'name,q1\n"Smith, J",7\n,\n';
    const { code, out, err } = await run(['score-csv', 'nprs', '-', '--skip-columns', '1'], {
      stdin: csv,
    });
    expect(code).toBe(2);
    expect(out).toContain('"Smith, J",7,7,severe,0,\n');
    expect(err).toContain('row 2');
    const short = await run(['score-csv', 'nprs', '-', '--skip-columns', '2'], {
      stdin: 'a,b,c\nx\n',
    });
    expect(short.err).toContain('has 1 column(s), fewer than --skip-columns 2');
  });

  it('prints an aligned table with --format text', async () => {
    const { code, out } = await run(
      ['score-csv', 'odi', '-', '--skip-columns', '1', '--format', 'text'],
      {
        stdin: batch,
      },
    );
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^patient +q1 .* score +band +missing +error$/);
    expect(lines[1]).toMatch(/^-+ +-+/);
    expect(lines[2]).toMatch(/^P001 .* 36\.0 % +moderate +0$/);
    expect(lines[5]).toMatch(/^P004 .* 35\.6 % +moderate +1$/);
  });

  describe('errors: exit 2, a message naming the problem, nothing on stdout', () => {
    it.each([
      [['score-csv'], '', 'missing instrument'],
      [['score-csv', 'odi'], '', 'missing CSV file'],
      [['score-csv', 'oswestry', '-'], 'x', 'instrument: "oswestry" is not an instrument'],
      [['score-csv', 'odi', 'nope.csv'], '', 'cannot read nope.csv: no such file'],
      [['score-csv', 'odi', '-'], '', 'stdin: no rows to score'],
      [
        ['score-csv', 'odi', '-'],
        'q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n',
        'stdin: no rows to score, only a header',
      ],
      [['score-csv', 'odi', '-'], '1,"2\n', 'stdin: line 1: a quoted field is not closed'],
      [
        ['score-csv', 'odi', '-', '--skip-columns', '-1'],
        '',
        '--skip-columns: value starts with "-"',
      ],
      [['score-csv', 'odi', '-', '--skip-columns=x'], '', '--skip-columns: must be a whole number'],
      [
        ['score-csv', 'odi', '-', '--format', 'json'],
        '',
        '--format: must be csv or text, not "json"',
      ],
    ])('%j', async (argv, stdin, message) => {
      const { code, out, err } = await run(argv, { stdin });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^spinewise: /);
      expect(err).toContain(message);
    });
  });
});
