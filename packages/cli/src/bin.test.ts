// Runs the shipped `spinewise` binary (bin → dist, built by `npm run build` before `npm test`)
// as a separate process, the way a user or a batch script does.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/spinewise.js', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

interface Vector {
  instrument: string;
  answers: unknown[];
  expect: Record<string, number | string>;
}
const vectors = (
  JSON.parse(
    readFileSync(new URL('../../clinical/src/instruments/vectors.json', import.meta.url), 'utf8'),
  ) as { cases: Vector[] }
).cases;

function spinewise(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: repo,
    input: input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the spinewise binary', () => {
  it.each(vectors.map((vector) => [vector.instrument, vector] as const))(
    'scores the published %s vector',
    (instrument, vector) => {
      const { code, out, err } = spinewise(
        ['score', instrument, '-'],
        JSON.stringify({ answers: vector.answers }),
      );
      expect(err).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(out) as Record<string, unknown>;
      for (const [key, value] of Object.entries(vector.expect)) {
        if (typeof value === 'number') expect(result[key]).toBeCloseTo(value, 2);
        else expect(result[key]).toBe(value);
      }
    },
  );

  it('reads a file argument', () => {
    const { code, out } = spinewise(['score', 'odi', 'examples/odi.json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ instrument: 'odi', score: 36, band: 'moderate' });
  });

  it.each([
    [
      ['score', 'odi', '-'],
      '{"answers":[2,1,2,1,2,2,1,2,3,7]}',
      /^spinewise: answers\[9\]: ODI item 10/,
    ],
    [['score', 'odi', '-'], '{"answers": [1,2', /^spinewise: input: not valid JSON/],
    [['score', 'odi', '-'], '{"scores":[]}', /answers/],
    [
      ['score', 'oswestry', '-'],
      '{"answers":[]}',
      /^spinewise: instrument: "oswestry" is not an instrument/,
    ],
    [['change', 'odi', '--baseline', 'high', '--follow-up', '20'], '', /--baseline/],
    [['screen', '-'], '{"region":"lumbar","findings":{"fever":"yes"}}', /findings\.fever/],
    [['screen', '-'], '{"region":"thoracic","findings":{}}', /region/],
    [['classify', '-'], '{"region":"lumbar","age":-3}', /age/],
    [['score', 'odi', 'no-such-file.json'], '', /no-such-file\.json/],
    [['frobnicate'], '', /frobnicate/],
  ])('%j exits 2 with a message naming the field', (args, input, message) => {
    const { code, out, err } = spinewise(args, input);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('keeps the exit code of a database command (the embedded PostgreSQL package hooks exit)', () => {
    const result = spawnSync(process.execPath, [bin, 'migrate'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: 'mysql://not-postgres' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/DATABASE_URL: must start with postgres:\/\//);
  });
});
