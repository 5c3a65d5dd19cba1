import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('spinewise change', () => {
  it('reports absolute and percent change and the MCID as JSON', async () => {
    const { code, out, err } = await run([
      'change',
      'odi',
      '--baseline',
      '36',
      '--follow-up',
      '20',
    ]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(JSON.parse(out)).toMatchObject({
      instrument: 'odi',
      baseline: 36,
      followUp: 20,
      absolute: -16,
      direction: 'improved',
      mcidMet: true,
    });
  });

  it('accepts --opt=value, --region and --subscale', async () => {
    const nprs = await run([
      'change',
      'nprs',
      '--baseline=7',
      '--follow-up=5.5',
      '--region',
      'cervical',
    ]);
    expect(JSON.parse(nprs.out)).toMatchObject({ absolute: -1.5, mcidMet: true });
    const fabq = await run([
      'change',
      'fabq',
      '--baseline',
      '30',
      '--follow-up',
      '20',
      '--subscale',
      'work',
    ]);
    expect(JSON.parse(fabq.out)).toMatchObject({ subscale: 'work', mcidMet: null });
  });

  it('renders a text report', async () => {
    const { code, out } = await run([
      'change',
      'odi',
      '--baseline',
      '36',
      '--follow-up',
      '30',
      '--format',
      'text',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Change in Oswestry Disability Index \(odi\)\n=+\n/);
    expect(out).toMatch(/Change +-6\n/);
    expect(out).toMatch(/Percent +-16\.67 %/);
    expect(out).toMatch(/MCID +not met/);
    expect(out).toMatch(/10 percentage points +not met/);
    expect(out).toMatch(/30 % of baseline +not met/);
  });

  it('says in text when there is no MCID, when the percent is undefined, and a band change', async () => {
    const fabq = await run([
      'change',
      'fabq',
      '--baseline',
      '0',
      '--follow-up',
      '20',
      '--subscale',
      'work',
      '--format',
      'text',
    ]);
    expect(fabq.out).toMatch(/Percent +n\/a \(baseline is 0\)/);
    expect(fabq.out).toMatch(/MCID +none published for a subscale/);
    expect(fabq.out).toContain('subscale work');
    const pseq = await run([
      'change',
      'pseq',
      '--baseline',
      '20',
      '--follow-up',
      '31',
      '--format',
      'text',
    ]);
    expect(pseq.out).toMatch(/Change +\+11/);
    expect(pseq.out).toMatch(/change of band +met/);
  });

  describe('errors: exit 2, a message naming the option, nothing on stdout', () => {
    it.each([
      [['change'], 'missing instrument'],
      [['change', 'odi', '--follow-up', '3'], 'missing --baseline N'],
      [['change', 'odi', '--baseline', '3'], 'missing --follow-up N'],
      [
        ['change', 'odi', '--baseline', 'abc', '--follow-up', '3'],
        '--baseline: must be a number, not "abc"',
      ],
      [['change', 'odi', '--baseline', '', '--follow-up', '3'], '--baseline: must be a number'],
      [['change', 'odi', '--baseline', '3', '--follow-up', 'NaN'], '--follow-up: must be a number'],
      [
        ['change', 'odi', '--baseline', '120', '--follow-up', '3'],
        '--baseline: 120 is not a score',
      ],
      [
        ['change', 'odi', '--baseline', '12', '--follow-up', '-3'],
        '--follow-up: value starts with "-"',
      ],
      [['change', 'odi', '--baseline', '12', '--follow-up=-3'], '--follow-up: -3 is not a score'],
      [['change', 'odi', '--baseline'], '--baseline: needs a value'],
      [
        ['change', 'odi', '--baseline', '3', '--follow-up', '2', '--region', 'thoracic'],
        '--region: must be lumbar or cervical',
      ],
      [
        ['change', 'fabq', '--baseline', '3', '--follow-up', '2'],
        '--subscale: the FABQ has no total score',
      ],
      [
        ['change', 'odi', '--baseline', '3', '--follow-up', '2', '--subscale', 'x'],
        '--subscale: ODI has no subscales',
      ],
      [
        ['change', 'nope', '--baseline', '3', '--follow-up', '2'],
        'instrument: "nope" is not an instrument',
      ],
    ])('%j', async (argv, message) => {
      const { code, out, err } = await run(argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^spinewise: /);
      expect(err).toContain(message);
    });
  });
});
