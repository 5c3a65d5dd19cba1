import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';

const example = (name: string) =>
  readFileSync(new URL(`../../../../examples/${name}`, import.meta.url), 'utf8');

async function run(argv: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const io = memoryIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('spinewise score', () => {
  it('scores the ODI example as 36 %, moderate', async () => {
    const { code, out, err } = await run(['score', 'odi', 'odi.json'], {
      files: { 'odi.json': example('odi.json') },
    });
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.endsWith('}\n')).toBe(true);
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(result).toMatchObject({ instrument: 'odi', score: 36, band: 'moderate', missing: 0 });
    expect(out).toContain('\n  "score": 36,'); // pretty, two spaces
  });

  it('reads stdin when the file is - or left out, and prorates a skipped section', async () => {
    const stdin = '{"answers":[2,1,2,1,2,2,1,null,3,2]}';
    for (const argv of [
      ['score', 'odi', '-'],
      ['score', 'odi'],
    ]) {
      const { code, out } = await run(argv, { stdin });
      expect(code).toBe(0);
      const result = JSON.parse(out) as { score: number; display: string; band: string };
      expect(result.score).toBeCloseTo(35.556, 3);
      expect(result.display).toBe('35.6 %');
      expect(result.band).toBe('moderate');
    }
  });

  it('puts subscales at the top level too (jq .psychosocial)', async () => {
    const { code, out } = await run(['score', 'sbst', 'sbst.json'], {
      files: { 'sbst.json': example('sbst.json') },
    });
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(result).toMatchObject({ score: 4, band: 'medium', psychosocial: 1 });
    expect(result.subscales).toEqual({ psychosocial: 1 });
    const keys = Object.keys(result);
    expect(keys.indexOf('psychosocial')).toBe(keys.indexOf('subscales') + 1);
  });

  it('flattens FABQ subscales pa and work', async () => {
    const { out } = await run(['score', 'fabq'], {
      stdin: JSON.stringify({ answers: Array(16).fill(6) }),
    });
    expect(JSON.parse(out)).toMatchObject({ score: null, pa: 24, work: 42 });
  });

  it('renders a text report', async () => {
    const { code, out } = await run(['score', 'odi', '--format', 'text'], {
      stdin: '{"answers":[2,1,2,1,2,2,1,null,3,2]}',
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^Oswestry Disability Index \(odi\)\n=+\n/);
    expect(out).toMatch(/^Score +35\.6 %$/m);
    expect(out).toContain('Moderate disability (>20–40)');
    expect(out).toContain('missing 1: sexLife');
    // [S-LIC] the notice travels with every score.
    expect(out).toMatch(/^Copyright +© Jeremy Fairbank; distributed by Mapi Research Trust\.$/m);
    expect(out).toMatch(/^Wording +paraphrase \(our own words\)$/m);
  });

  it('renders PSFS activities with their ratings and subscales in text', async () => {
    const psfs = await run(['score', 'psfs', 'psfs.json', '--format', 'text'], {
      files: { 'psfs.json': example('psfs.json') },
    });
    expect(psfs.code).toBe(0);
    expect(psfs.out).toMatch(/1 {2}Putting on socks and shoes +3/);
    const sbst = await run(['score', 'sbst', '--format', 'text'], { stdin: example('sbst.json') });
    expect(sbst.out).toMatch(/ {2}psychosocial +1/);
  });

  it('accepts an instrument key that matches, and --max-missing', async () => {
    const stdin = '{"instrument":"odi","answers":[2,null,null,null,2,2,1,2,3,2]}';
    expect((await run(['score', 'odi'], { stdin })).code).toBe(2);
    const { code, out } = await run(['score', 'odi', '--max-missing', '3'], { stdin });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ missing: 3 });
  });

  describe('errors: exit 2, a message naming the problem, nothing on stdout', () => {
    it.each([
      [['score'], '', 'missing instrument'],
      [['score', 'oswestry'], '{"answers":[]}', 'instrument: "oswestry" is not an instrument'],
      [['score', 'odi'], '{"answers": [1, 2', 'input: not valid JSON (line 1 column 18'],
      [['score', 'odi'], '', 'input: empty on stdin'],
      [['score', 'odi'], '[1,2]', '(input): must be an object {"answers": [...]}'],
      [['score', 'odi'], '{"answer":[1]}', 'answer: is not a known field'],
      [['score', 'odi'], '{}', 'answers: is required'],
      [['score', 'odi'], '{"answers":[2,1,2,1,2,2,1,2,3,9]}', 'answers[9]: ODI item 10'],
      [['score', 'odi'], '{"instrument":"ndi","answers":[]}', 'instrument: the input is for "ndi"'],
      [
        ['score', 'odi', '--max-missing', 'two'],
        '{"answers":[]}',
        '--max-missing: must be a whole number',
      ],
      [
        ['score', 'nprs', '--max-missing', '1'],
        '{"answers":[3]}',
        '--max-missing: NPRS has no rule',
      ],
      [['score', 'odi', '--bogus'], '{}', 'unknown option --bogus'],
    ])('%j with %j', async (argv, stdin, message) => {
      const { code, out, err } = await run(argv, { stdin });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^spinewise: /);
      expect(err).toContain(message);
    });

    it('names a file that does not exist', async () => {
      const { code, out, err } = await run(['score', 'odi', 'nope.json']);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe('spinewise: cannot read nope.json: no such file\n');
    });

    it('asks for input instead of waiting on a terminal', async () => {
      const { code, err } = await run(['score', 'odi'], { stdinIsTTY: true });
      expect(code).toBe(2);
      expect(err).toContain('no input: give a file, or pipe JSON into stdin');
      expect(err).toContain('usage: spinewise score');
    });
  });
});
