import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import type { ImportSummary } from './import-questionnaire.js';

const questionnaire = readFileSync(
  new URL('../../../../examples/questionnaire-odi.json', import.meta.url),
  'utf8',
);

async function run(argv: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const io = memoryIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('spinewise import-questionnaire', () => {
  it('matches the example ODI questionnaire and shows the imported wording', async () => {
    const { code, out, err } = await run(['import-questionnaire', 'q.json'], {
      files: { 'q.json': questionnaire },
    });
    expect(code).toBe(0);
    expect(err).toBe('');
    const summary = JSON.parse(out) as ImportSummary;
    expect(summary).toMatchObject({
      instrument: 'odi',
      matchedBy: 'loinc',
      wording: 'licensed-import',
    });
    expect(summary.items).toHaveLength(10);
    expect(summary.items[0]).toMatchObject({
      number: 1,
      id: 'painIntensity',
      linkId: 'odi-1',
      text: 'Section 1 – Pain intensity: replace with the licensed wording',
    });
    expect(summary.items[0]?.options[5]).toEqual({
      value: 5,
      label: 'Licensed statement 5 of section 1',
    });
  });

  it('lists items with their imported text in the text report', async () => {
    const { code, out } = await run(['import-questionnaire', '-', '--format', 'text'], {
      stdin: questionnaire,
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^Oswestry Disability Index \(odi\): licensed wording imported\n/);
    expect(out).toMatch(/Matched by +LOINC panel code/);
    expect(out).toContain(' 1.  Section 1 – Pain intensity: replace with the licensed wording');
    expect(out).toContain('     linkId odi-1, our item painIntensity');
    expect(out).toContain('      5  Licensed statement 5 of section 1');
  });

  it('matches by linkId and leaves out what the questionnaire does not give', async () => {
    const minimal = {
      resourceType: 'Questionnaire',
      item: Array.from({ length: 9 }, (_, index) => ({
        linkId: `sbst-${index + 1}`,
        text: `Q${index + 1}`,
        type: 'choice',
      })),
    };
    const { code, out } = await run(['import-questionnaire', '--format', 'text'], {
      stdin: JSON.stringify(minimal),
    });
    expect(code).toBe(0);
    expect(out).toMatch(/Matched by +item linkIds/);
    expect(out).not.toContain('Publisher');
  });

  describe('errors: exit 2, a message naming the field, nothing on stdout', () => {
    it.each([
      ['{"resourceType":"Patient"}', 'resourceType: must be "Questionnaire"'],
      [
        '{"resourceType":"Questionnaire","item":[]}',
        'item: the questionnaire has no question items',
      ],
      [
        '{"resourceType":"Questionnaire","item":[{"linkId":"x-1","text":"?","type":"choice"}]}',
        'code: does not match a built-in instrument',
      ],
      [
        '{"resourceType": "Questionnaire",}',
        'input: not valid JSON (line 1 column 34: expected a property name',
      ],
    ])('%s', async (stdin, message) => {
      const { code, out, err } = await run(['import-questionnaire'], { stdin });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^spinewise: /);
      expect(err).toContain(message);
    });
  });
});
