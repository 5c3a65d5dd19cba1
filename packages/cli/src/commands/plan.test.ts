import { readFileSync } from 'node:fs';
import { getLesson, postureTasks } from '@spinewise/clinical';
import type { Programme } from '@spinewise/clinical';
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

const lumbar = example('profile-lumbar.json');
const lumbarProfile = JSON.parse(lumbar) as Record<string, unknown>;

async function plan(argv: string[], stdin = lumbar): Promise<Programme> {
  const { code, out, err } = await run(['plan', ...argv], { stdin });
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as Programme;
}

describe('spinewise plan', () => {
  it('generates an active six-week programme from the lumbar example', async () => {
    const { code, out, err } = await run(['plan', 'profile-lumbar.json'], {
      files: { 'profile-lumbar.json': lumbar },
    });
    expect(code).toBe(0);
    expect(err).toBe('');
    const programme = JSON.parse(out) as Programme;
    expect(programme.status).toBe('active');
    expect(programme.startDate).toBe('2026-11-23');
    expect(programme.weeks).toHaveLength(6);
    const [first] = programme.weeks;
    // ODI 34 %: movement control, so the programme starts in "control" [S-TBC].
    expect(first?.phase).toBe('control');
    const exercises = first?.sessions[0]?.exercises ?? [];
    expect(exercises.length).toBeGreaterThanOrEqual(2);
    for (const exercise of exercises) {
      expect(exercise.sets).toBeGreaterThanOrEqual(1);
      expect(exercise.reps ?? exercise.holdSeconds ?? exercise.minutes).toBeGreaterThan(0);
    }
    expect(programme.screen.safetyNet?.title).toBe('Warning signs that need emergency care');
    expect(programme.requiredLessons).toContain('cauda-equina-warning-signs');
  });

  it('takes {"profile", "options"} and lets --weeks replace options.weeks', async () => {
    const wrapped = JSON.stringify({
      profile: lumbarProfile,
      options: { weeks: 4, exercisesPerSession: { min: 2, max: 3 } },
    });
    const four = await plan([], wrapped);
    expect(four.weeks).toHaveLength(4);
    expect(four.weeks.every((week) => (week.sessions[0]?.exercises.length ?? 0) <= 3)).toBe(true);
    const three = await plan(['--weeks', '3'], wrapped);
    expect(three.weeks).toHaveLength(3);
    expect(three.weeks.every((week) => (week.sessions[0]?.exercises.length ?? 0) <= 3)).toBe(true);
    expect((await plan(['--weeks', '8'])).weeks).toHaveLength(8);
  });

  it('writes a plan a patient can follow, week by week, ending with the safety net', async () => {
    const programme = await plan([]);
    const { code, out } = await run(['plan', '-', '--format', 'text'], { stdin: lumbar });
    expect(code).toBe(0);
    expect(out).toMatch(/^Your home programme for your low back\n=+\n/);
    expect(out).toMatch(/^Dates +Mon 23 Nov 2026 – Sun 3 Jan 2027 \(6 weeks\)$/m);
    expect(out).toMatch(/^ {2}Weeks 1–3 +Control and strengthen: Build control/m);
    expect(out).toContain('Week 1: Mon 23 Nov – Sun 29 Nov 2026 · Control and strengthen');
    const week1 = out.slice(out.indexOf('Week 1:'), out.indexOf('Week 2:'));
    const first = programme.weeks[0];
    for (const exercise of first?.sessions[0]?.exercises ?? []) {
      expect(week1).toContain(`. ${exercise.name}: `);
    }
    expect(week1).toContain('Each day (about 10.5 minutes):');
    expect(week1).toContain('Bird dog: 2 sets: 6, then 4 holds of 10 seconds.');
    expect(week1).toContain('Glute bridge: 8 repetitions, on 3 days a week only.');
    expect(week1).toContain('Walk 8 minutes a day, 5 days a week.');
    for (const id of first?.lessons ?? []) expect(week1).toContain(`  - ${getLesson(id).title}`);
    for (const id of first?.tasks ?? []) {
      const task = postureTasks.find((candidate) => candidate.id === id);
      expect(week1).toContain(`  - ${task?.title ?? '?'} (`);
    }
    expect(week1).toContain(
      'Questionnaires: ODI, NPRS, PSFS, STarT Back, before you start (Mon 23 Nov 2026).',
    );
    // The cauda equina safety net comes last, after the last week.
    const safetyNet = out.indexOf('Safety net: Warning signs that need emergency care');
    expect(safetyNet).toBeGreaterThan(out.indexOf('Week 6:'));
    expect(out.slice(safetyNet)).toContain('cauda equina syndrome');
    expect(out.slice(safetyNet)).toContain('go to an emergency department straight away');
    // The patient's view carries no rule ids or exclusions.
    expect(out).not.toContain('dose.default');
    expect(out).not.toContain('Exercises left out');
  });

  it('adds the rationale, rules, sources and exclusions with --clinician', async () => {
    const { code, out } = await run(['plan', '--format', 'text', '--clinician'], {
      stdin: lumbar,
    });
    expect(code).toBe(0);
    expect(out).toContain('Bird dog [bird-dog, level 2]: 2 sets: 6, then 4 holds of 10 seconds.');
    expect(out).toContain('[exercise.slot.core-endurance; S-MCGILL, S-JOSPT]');
    expect(out).toContain('[dose.default; S-MCGILL] (default)');
    expect(out).toContain('[activity.graded; S-GRADED] (default)');
    expect(out).toMatch(/^Programme rationale\n-+\n- ODI 34 %: treatment-based classification/m);
    expect(out).toContain('[phase.start.tbc.control; S-TBC] (default)');
    expect(out).toContain('Exercises left out (0)');
    expect(out.indexOf('Exercises left out')).toBeLessThan(out.indexOf('Safety net:'));
  });

  it('lists the exercises left out for osteoporosis in the clinician view', async () => {
    const stdin = JSON.stringify({ ...lumbarProfile, osteoporosis: true });
    const { out } = await run(['plan', '--format', 'text', '--clinician'], { stdin });
    expect(out).toMatch(/Exercises left out \([1-9]\d*\)/);
    expect(out).toContain('Osteoporosis: no loaded or end-range spinal flexion.');
  });

  it('puts a blocked programme on hold, says why and what happens next', async () => {
    const stdin = example('profile-blocked.json');
    const blocked = await plan([], stdin);
    expect(blocked.status).toBe('blocked');
    expect(blocked.weeks).toEqual([]);
    expect(blocked.blocked?.action).toBe('emergency');

    const { code, out } = await run(['plan', '--format', 'text'], { stdin });
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('PROGRAMME ON HOLD: your low back programme has not started');
    expect(out).toMatch(/^Red-flag screen +EMERGENCY$/m);
    expect(out).toMatch(
      /Why +The red-flag screen says emergency: a clinician must record a\s+decision/,
    );
    expect(out).toContain('1. Cauda equina syndrome: EMERGENCY (high concern)');
    expect(out).toMatch(/^ {3}Findings +saddleNumbness$/m);
    expect(out).toMatch(/^What happens next\n-+\nA clinician must record a decision/m);
    expect(out).toContain('Safety net: Warning signs that need emergency care');
    expect(out).not.toContain('Week 1');
    const clinician = await run(['plan', '--format', 'text', '--clinician'], { stdin });
    expect(clinician.out).toContain('[blocked.redFlags; S-RF, S-CES]');
    expect(clinician.out).toContain('clinicianDecision');
  });

  it('ends a neck plan with the neck warning signs', async () => {
    const stdin = example('profile-neck.json');
    const programme = await plan([], stdin);
    expect(programme.region).toBe('cervical');
    expect(programme.screen.safetyNet).toBeNull();
    const { out } = await run(['plan', '--format', 'text'], { stdin });
    expect(out).toMatch(/^Your home programme for your neck\n/);
    expect(out).toContain('Chin tuck: 8 holds of 6 seconds.');
    const safetyNet = out.indexOf('Safety net: Neck warning signs to act on');
    expect(safetyNet).toBeGreaterThan(out.indexOf('Week 6:'));
    expect(out.slice(safetyNet)).toContain('Call an ambulance for these');
    expect(out.slice(safetyNet)).toContain('Double vision.');
  });

  describe('errors: exit 2, a message naming the field, nothing on stdout', () => {
    const withProfile = (change: Record<string, unknown>) =>
      JSON.stringify({ ...lumbarProfile, ...change });

    it.each([
      [[], withProfile({ minutesPerDay: 2 }), 'minutesPerDay: 2 is not allowed'],
      [
        [],
        JSON.stringify({ profile: { ...lumbarProfile, minutesPerDay: 2 } }),
        'profile.minutesPerDay: 2 is not allowed',
      ],
      [[], withProfile({ region: 'thoracic' }), 'region: "thoracic" is not allowed'],
      [[], withProfile({ startDate: '2026-02-30' }), 'startDate: '],
      [[], withProfile({ minutes: 15 }), 'minutes: is not a profile field'],
      [
        [],
        JSON.stringify({ profile: lumbarProfile, options: { weeks: 40 } }),
        'options.weeks: 40 is not allowed',
      ],
      [
        [],
        JSON.stringify({ profile: lumbarProfile, extra: 1 }),
        'extra: is not a known field; the input is a profile, or {"profile"',
      ],
      [['--weeks', '0'], lumbar, '--weeks: 0 is not allowed; expected a whole number from 1 to 26'],
      [['--weeks', 'six'], lumbar, '--weeks: must be a whole number'],
      [['--clinician'], lumbar, '--clinician: shapes the text format'],
      [[], '{"region": "lumbar",', 'input: not valid JSON'],
      [[], '[]', '(input): the profile must be an object'],
      [['missing.json'], '', 'cannot read missing.json: no such file'],
    ])('%j with %s', async (argv, stdin, message) => {
      const { code, out, err } = await run(['plan', ...argv], { stdin });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^spinewise: /);
      expect(err).toContain(message);
    });
  });
});
