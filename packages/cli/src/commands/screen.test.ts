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

describe('spinewise screen', () => {
  it('flags the cauda equina example as an emergency (piped on stdin)', async () => {
    const { code, out, err } = await run(['screen', '-'], {
      stdin: example('screen-cauda-equina.json'),
    });
    expect(code).toBe(0);
    expect(err).toBe('');
    const screen = JSON.parse(out) as {
      action: string;
      concerns: { condition: string }[];
      requiresClinicianDecision: boolean;
    };
    expect(screen.action).toBe('emergency');
    expect(screen.concerns[0]?.condition).toBe('caudaEquinaSyndrome');
    expect(screen.requiresClinicianDecision).toBe(true);
  });

  it('gives the low-back vignette one weak flag: a routine review, no clinician block', async () => {
    const { code, out } = await run(['screen', 'screen-lumbar.json'], {
      files: { 'screen-lumbar.json': example('screen-lumbar.json') },
    });
    expect(code).toBe(0);
    const screen = JSON.parse(out) as {
      action: string;
      concerns: unknown[];
      requiresClinicianDecision: boolean;
      safetyNet: unknown;
    };
    expect(screen.action).toBe('routine');
    expect(screen.concerns).toHaveLength(1);
    expect(screen.requiresClinicianDecision).toBe(false);
    expect(screen.safetyNet).not.toBeNull();
  });

  it('renders the text report: action in capitals first, concerns, unanswered, safety net', async () => {
    const { code, out } = await run(['screen', '--format', 'text'], {
      stdin: example('screen-cauda-equina.json'),
    });
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^EMERGENCY: /);
    expect(out).toContain('1. Cauda equina syndrome: EMERGENCY (high concern)');
    expect(out).toContain('REQUIRED before any programme');
    expect(out).toContain('  - bowelDysfunction: New loss of bowel control');
    expect(out).toContain(
      'Safety-net advice for the patient: Warning signs that need emergency care',
    );
    expect(out.indexOf('Concerns')).toBeLessThan(out.indexOf('Not answered'));
    expect(out.indexOf('Not answered')).toBeLessThan(out.indexOf('Safety-net advice'));
    expect(out).toContain('Decision support only');
  });

  it('renders a cervical screen with no concerns and no safety net', async () => {
    const stdin = JSON.stringify({
      region: 'cervical',
      findings: { myelopathySigns: false, cervicalArterialSymptoms: true },
    });
    const text = await run(['screen', '--format', 'text'], { stdin });
    expect(text.out.split('\n')[0]).toMatch(/^EMERGENCY/);
    expect(text.out).toMatch(/Contraindications +neckManipulation/);
    expect(text.out).not.toContain('Safety-net advice');
    const none = await run(['screen', '--format', 'text'], {
      stdin: JSON.stringify({ region: 'cervical', findings: {} }),
    });
    expect(none.out.split('\n')[0]).toMatch(/^NO RED-FLAG ACTION/);
    expect(none.out).toContain('None from the findings given.');
  });

  it('says when every relevant finding was answered', async () => {
    const findings = Object.fromEntries(
      [
        'historyOfCancer',
        'neuroSymptoms',
        'thoracicOrCervicalPain',
        'progressivePain',
        'unremittingPain',
        'nightPain',
        'painOnStraining',
        'localisedTenderness',
        'unexplainedWeightLoss',
        'noImprovementAfter4Weeks',
        'systemicallyUnwell',
        'fever',
        'ivDrugUse',
        'immunosuppression',
        'diabetes',
        'recentInfectionOrProcedure',
        'newSeverePain',
        'significantTrauma',
        'majorTrauma',
        'corticosteroidUse',
        'osteoporosis',
        'contusionOrAbrasion',
        'progressiveMotorDeficit',
        'myelopathySigns',
        'cervicalArterialSymptoms',
      ].map((id) => [id, false]),
    );
    const { out } = await run(['screen', '--format', 'text'], {
      stdin: JSON.stringify({ region: 'cervical', findings: { ...findings, age: 30 } }),
    });
    expect(out).toContain('Every relevant finding was answered.');
  });

  it('passes the configurable age thresholds', async () => {
    const stdin = JSON.stringify({ region: 'lumbar', findings: { age: 45 } });
    const defaults = JSON.parse((await run(['screen'], { stdin })).out) as { concerns: unknown[] };
    expect(defaults.concerns).toHaveLength(0);
    const lowered = JSON.parse(
      (await run(['screen', '--malignancy-age-over', '40', '--fracture-age-over', '70'], { stdin }))
        .out,
    ) as { concerns: { condition: string }[] };
    expect(lowered.concerns.map((concern) => concern.condition)).toEqual(['malignancy']);
  });

  it('lists the findings in --help', async () => {
    const { out } = await run(['screen', '--help']);
    expect(out).toContain('  saddleNumbness (yes/no)');
    expect(out).toContain('  age (number 0–120)');
  });

  describe('errors: exit 2, a message naming the field, nothing on stdout', () => {
    it.each([
      [
        '{"region":"lumbar","findings":{"saddleNumbness":"yes"}}',
        'findings.saddleNumbness: must be true, false or "unknown"',
      ],
      ['{"region":"thoracic","findings":{}}', 'region: must be "lumbar" or "cervical"'],
      [
        '{"region":"lumbar","findings":{"saddleNumbnes":true}}',
        'findings.saddleNumbnes: is not a known finding',
      ],
      ['{"region":"lumbar"}', 'findings: must be an object'],
      ['{"region":"lumbar",\n "findings": {,}}', 'input: not valid JSON (line 2 column 15'],
    ])('%s', async (stdin, message) => {
      const { code, out, err } = await run(['screen'], { stdin });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^spinewise: /);
      expect(err).toContain(message);
    });

    it.each([
      [['screen', '--fracture-age-over', 'old'], '--fracture-age-over: must be a number'],
      [['screen', '--malignancy-age-over', 'x'], '--malignancy-age-over: must be a number'],
      [
        ['screen', '--malignancy-age-over', '200'],
        'options.malignancyAgeOver: must be a number from 0 to 120',
      ],
      [['screen', 'missing.json'], 'cannot read missing.json: no such file'],
      [['screen', 'a.json', 'b.json'], 'unexpected argument "b.json"'],
    ])('%j', async (argv, message) => {
      const { code, out, err } = await run(argv, { stdin: '{"region":"lumbar","findings":{}}' });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(message);
    });
  });
});
