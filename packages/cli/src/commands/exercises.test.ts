import { exerciseLibrary } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

interface Listed {
  id: string;
  region: string;
  aims: string[];
  chain: string;
  level: number;
  regression: string | null;
  progression: string | null;
  movement: { directions: string[] };
  dosage: { kind: string; default: { sets: number }; bounds: { sets: { min: number } } };
  animation: { view: string; cycleSeconds: number; keyframes?: unknown[] };
}

describe('spinewise exercises', () => {
  it('lists the whole library with tags, dosage and chain, without keyframes', async () => {
    const { code, out, err } = await run(['exercises']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const listed = JSON.parse(out) as Listed[];
    expect(listed.map((exercise) => exercise.id)).toEqual(exerciseLibrary.map((e) => e.id));
    const birdDog = listed.find((exercise) => exercise.id === 'bird-dog');
    expect(birdDog).toMatchObject({
      chain: 'bird-dog',
      level: 2,
      regression: 'quadruped-leg-slide',
      progression: null,
      movement: { directions: ['neutral'] },
      dosage: { kind: 'hold', default: { sets: 2 } },
    });
    expect(birdDog?.animation.view).toBeTypeOf('string');
    expect(birdDog?.animation.cycleSeconds).toBeGreaterThan(0);
    expect(listed.every((exercise) => exercise.animation.keyframes === undefined)).toBe(true);
  });

  it('includes the keyframes with --with-animation', async () => {
    const { out } = await run(['exercises', '--with-animation']);
    const listed = JSON.parse(out) as Listed[];
    expect(listed.every((exercise) => (exercise.animation.keyframes?.length ?? 0) >= 2)).toBe(true);
  });

  it('filters by --region and --aim', async () => {
    const { code, out } = await run(['exercises', '--region', 'cervical', '--aim', 'neck']);
    expect(code).toBe(0);
    const listed = JSON.parse(out) as Listed[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((e) => e.region === 'cervical' && e.aims.includes('neck'))).toBe(true);
    expect(listed.map((e) => e.id)).toContain('chin-tuck');
    const none = await run(['exercises', '--region', 'cervical', '--aim', 'aerobic']);
    expect(JSON.parse(none.out)).toEqual([]);
    const text = await run([
      'exercises',
      '--region',
      'cervical',
      '--aim',
      'aerobic',
      '--format',
      'text',
    ]);
    expect(text.out).toContain('No exercise matches.');
  });

  it('shows one exercise in full, keyframes included', async () => {
    const { code, out } = await run(['exercises', 'chin-tuck']);
    expect(code).toBe(0);
    const exercise = JSON.parse(out) as Listed & { steps: string[] };
    expect(exercise.id).toBe('chin-tuck');
    expect(exercise.steps.length).toBeGreaterThan(0);
    expect(exercise.animation.keyframes?.length).toBeGreaterThanOrEqual(2);
  });

  it('renders the list as a table', async () => {
    const { code, out } = await run(['exercises', '--format', 'text', '--region', 'lumbar']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Exercise library \(region lumbar\): \d+\n=+\n/);
    expect(out).toMatch(/^id +Name +Region +Aims +Position +Chain\/level +Directions$/m);
    expect(out).toMatch(
      /^bird-dog +Bird dog +lumbar +coreEndurance +quadruped +bird-dog\/2 +neutral$/m,
    );
    expect(out).not.toContain('chin-tuck');
  });

  it('renders one exercise as a readable page', async () => {
    const { code, out } = await run(['exercises', 'bird-dog', '--format', 'text']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Bird dog \(bird-dog\)\n=+\n/);
    expect(out).toContain('  1. Kneel on all fours');
    for (const section of [
      'Steps',
      'Cues',
      'Common mistakes',
      'What you should feel',
      'Stop if',
      'Dose',
      'Chain',
      'Precautions',
    ]) {
      expect(out).toMatch(new RegExp(`^${section}\\n-+$`, 'm'));
    }
    expect(out).toMatch(/^Default +2 sets: 6, then 4 holds of 10 seconds, 7 days a week$/m);
    expect(out).toMatch(/^Repetitions +4–10 \(step 2\)$/m);
    expect(out).toMatch(/^Progresses +repetitions → sets, then the next level$/m);
    expect(out).toContain(
      'Leg slide on all fours (quadruped-leg-slide, level 1) ← Bird dog\n(level 2) → none (top level)',
    );
    expect(out).toContain('Sources: S-MCGILL');
  });

  it('shows an exercise’s precautions and a duration dose in words', async () => {
    const curlUp = await run(['exercises', 'curl-up', '--format', 'text']);
    expect(curlUp.out).toMatch(/^ {2}- \w+ \((avoid|not in the first phase|caution)\): /m);
    const walking = await run(['exercises', 'walking-intervals', '--format', 'text']);
    expect(walking.out).toMatch(/^Default +3 rounds of 3 minutes, 5 days a week$/m);
  });

  describe('errors: exit 2, a message naming the problem, nothing on stdout', () => {
    it.each([
      [['exercises', 'bird-dgo'], 'exercise: "bird-dgo" is not an exercise'],
      [['exercises', '--region', 'neck'], '--region: must be one of lumbar, cervical, thoracic'],
      [['exercises', '--aim', 'core'], '--aim: must be one of mobility, coreEndurance'],
      [['exercises', 'bird-dog', '--aim', 'neck'], '--region and --aim filter the list'],
      [['exercises', '--format', 'csv'], '--format: must be json or text'],
      [['exercises', 'a', 'b'], 'unexpected argument "b"'],
    ])('%j', async (argv, message) => {
      const { code, out, err } = await run(argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^spinewise: /);
      expect(err).toContain(message);
    });
  });
});
