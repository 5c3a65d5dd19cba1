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

interface Rule {
  applicable: boolean;
  met: string[];
  result: Record<string, unknown>;
}

describe('spinewise classify', () => {
  it('finds the manipulation rule positive in the acute low-back example', async () => {
    const { code, out, err } = await run(['classify', 'assessment-lumbar.json'], {
      files: { 'assessment-lumbar.json': example('assessment-lumbar.json') },
    });
    expect(code).toBe(0);
    expect(err).toBe('');
    const result = JSON.parse(out) as Record<string, Rule> & { region: string };
    expect(result.region).toBe('lumbar');
    expect(result.manipulation?.applicable).toBe(true);
    expect(result.manipulation?.met).toHaveLength(5);
    expect(result.cervicalRadiculopathy?.applicable).toBe(false);
  });

  it('finds 3 of 4 radiculopathy items in the cervical example', async () => {
    const { code, out } = await run(['classify', '-'], {
      stdin: example('assessment-cervical.json'),
    });
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, Rule>;
    expect(result.cervicalRadiculopathy?.met).toHaveLength(3);
    expect(result.startBack?.applicable).toBe(false);
  });

  it('renders every rule in text with ✓/✗/? criteria, caveats and sources', async () => {
    const { code, out } = await run(['classify', '--format', 'text'], {
      stdin: example('assessment-lumbar.json'),
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^Classification \(lumbar\)\n=+\n/);
    expect(out).toContain('Manipulation prediction rule\n----');
    expect(out).toContain('  ✓   Symptoms for less than 16 days (8)');
    expect(out).toContain('  ✗   Repeated flexion');
    expect(out).toContain('  ?   Repeated lateral');
    expect(out).toContain('5 met, 0 not met, 0 unknown');
    expect(out).toMatch(/Caveat +A later study/);
    expect(out).toMatch(/Sources +S-CPR-M/);
    expect(out).toContain('Cervical radiculopathy test cluster: not applicable');
    // Yes/no values are not echoed: "No symptoms below the knee (no)" would mislead.
    expect(out).toContain('  ✓   No symptoms below the knee\n');
  });

  it('passes the TBC thresholds', async () => {
    const stdin = '{"region":"lumbar","scores":{"odi":36}}';
    const byDefault = JSON.parse((await run(['classify'], { stdin })).out) as { tbc: Rule };
    expect(byDefault.tbc.result.category).toBe('movementControl');
    const custom = await run(
      [
        'classify',
        '--tbc-symptom-modulation-above',
        '30',
        '--tbc-function-optimisation-at-or-below',
        '10',
      ],
      { stdin },
    );
    expect((JSON.parse(custom.out) as { tbc: Rule }).tbc.result.category).toBe('symptomModulation');
  });

  describe('errors: exit 2, a message naming the field, nothing on stdout', () => {
    it.each([
      ['{"age":30}', 'region: is required'],
      [
        '{"region":"lumbar","scores":{"odi":140}}',
        'scores.odi: must be a percentage from 0 to 100',
      ],
      [
        '{"region":"lumbar","examination":{"spurlin":true}}',
        'examination.spurlin: is not a known field',
      ],
      [
        '{"region":"lumbar","examination":{"repeatedMovements":[{"direction":"up","effect":"reduces"}]}}',
        'examination.repeatedMovements[0].direction',
      ],
      ['"lumbar"', '(input): must be an object'],
      ['{"region": lumbar}', 'input: not valid JSON (line 1 column 12'],
    ])('%s', async (stdin, message) => {
      const { code, out, err } = await run(['classify'], { stdin });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^spinewise: /);
      expect(err).toContain(message);
    });

    it.each([
      [
        ['classify', '--tbc-symptom-modulation-above', 'high'],
        '--tbc-symptom-modulation-above: must be a number',
      ],
      [
        ['classify', '--tbc-function-optimisation-at-or-below', '?'],
        '--tbc-function-optimisation-at-or-below: must be a number',
      ],
      [
        [
          'classify',
          '--tbc-symptom-modulation-above',
          '10',
          '--tbc-function-optimisation-at-or-below',
          '20',
        ],
        'options.tbc',
      ],
      [['classify', 'gone.json'], 'cannot read gone.json'],
    ])('%j', async (argv, message) => {
      const { code, out, err } = await run(argv, { stdin: '{"region":"lumbar"}' });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(message);
    });
  });
});
