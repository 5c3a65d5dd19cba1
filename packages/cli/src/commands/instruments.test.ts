import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import type { InstrumentSummary } from './instruments.js';

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('spinewise instruments', () => {
  it('lists every instrument with its facts and licence', async () => {
    const { code, out, err } = await run(['instruments']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const list = JSON.parse(out) as InstrumentSummary[];
    expect(list.map((instrument) => instrument.id)).toEqual(
      expect.arrayContaining([
        'odi',
        'ndi',
        'rmdq',
        'sbst',
        'nprs',
        'psfs',
        'fabq',
        'tsk17',
        'tsk11',
        'pseq',
      ]),
    );
    const odi = list.find((instrument) => instrument.id === 'odi');
    expect(odi).toMatchObject({
      title: 'Oswestry Disability Index',
      version: '2.1a',
      region: 'lumbar',
      items: 10,
      scoreRange: { min: 0, max: 100 },
      direction: 'lowerIsBetter',
      wording: 'paraphrase',
      mcid: ['10 percentage points or 30 % of baseline — low back pain'],
    });
    expect(odi?.licenceNote).toContain('S-LIC');
    const pseq = list.find((instrument) => instrument.id === 'pseq');
    expect(pseq?.mcid[0]).toContain('7 points and a change of band');
  });

  it('renders a readable list in text', async () => {
    const { code, out } = await run(['instruments', '--format', 'text']);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Outcome instruments\n=+\nid +Instrument +Items +Score +Better +Wording\n/,
    );
    expect(out).toMatch(/\nodi +Oswestry Disability Index 2\.1a +10 +0–100 % +lower +paraphrase\n/);
    expect(out).toMatch(/\npsfs +.* +3–5 +0–10 +higher/);
    expect(out).toMatch(/Bands +on raw: 0–4: No disability/);
    expect(out).toMatch(/MCID +none defined/);
    expect(out).toMatch(/Licence +/);
  });

  it('shows one instrument with its items', async () => {
    const json = await run(['instruments', 'sbst']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ id: 'sbst', items: expect.any(Array) as unknown });
    const text = await run(['instruments', 'tsk17', '--format', 'text']);
    expect(text.out).toMatch(/^Tampa Scale of Kinesiophobia \(tsk17\)\n/);
    expect(text.out).toContain('(reverse scored)');
    const fabq = await run(['instruments', 'fabq', '--format', 'text']);
    expect(fabq.out).toContain('(not scored)');
    expect(fabq.out).toMatch(/^Score +pa 0–24, work 0–42, lower is better$/m);
  });

  it('names an unknown instrument', async () => {
    const { code, out, err } = await run(['instruments', 'odx']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('spinewise: instrument: "odx" is not an instrument');
  });
});
