import { readFileSync } from 'node:fs';
import type { Programme, ProgressionResult } from '@spinewise/clinical';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';

const example = (name: string) =>
  readFileSync(new URL(`../../../../examples/${name}`, import.meta.url), 'utf8');

async function run(argv: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const io = memoryIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const logs = example('logs.json');
let programmeJson = '';
let programme: Programme;

beforeAll(async () => {
  // The programme exactly as `spinewise plan` writes it for the lumbar example.
  const { code, out } = await run(['plan'], { stdin: example('profile-lumbar.json') });
  expect(code).toBe(0);
  programmeJson = out;
  programme = JSON.parse(out) as Programme;
});

async function progress(
  argv: string[],
  files: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  return run(['progress', 'p.json', 'logs.json', ...argv], {
    files: { 'p.json': programmeJson, 'logs.json': logs, ...files },
  });
}

/** A bout of an exercise that meets every criterion for progress. */
function goodLog(date: string, exerciseId: string, setsDone: number) {
  return {
    date,
    exerciseId,
    setsDone,
    painBefore: 2,
    painDuring: 2,
    painAfter: 2,
    nextMorningPain: 2,
    difficulty: 'easy',
  };
}

const week1 = [23, 24, 25, 26, 27, 28, 29].map((day) => `2026-11-${day}`);

/** The lumbar programme with bird-dog replaced, in every week, by another prescription. */
function replaceBirdDog(prescription: Record<string, unknown>): string {
  const edited = JSON.parse(programmeJson) as {
    weeks: { sessions: { exercises: Record<string, unknown>[] }[] }[];
  };
  for (const week of edited.weeks) {
    for (const session of week.sessions) {
      session.exercises = session.exercises.map((exercise) =>
        exercise.id === 'bird-dog' ? { ...exercise, ...prescription } : exercise,
      );
    }
  }
  return JSON.stringify(edited);
}

describe('spinewise progress', () => {
  it('decides each exercise of the current week from the example logs', async () => {
    const { code, out, err } = await progress(['--today', '2026-11-30']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as ProgressionResult;
    expect(result).toMatchObject({ today: '2026-11-30', week: 2, status: 'continue' });
    const week2 = programme.weeks[1]?.sessions[0]?.exercises.map((exercise) => exercise.id);
    expect(result.decisions.map((decision) => decision.exerciseId)).toEqual(week2);
    const byId = new Map(result.decisions.map((decision) => [decision.exerciseId, decision]));
    expect(byId.get('bird-dog')).toMatchObject({
      decision: 'progress',
      rule: 'progress.criteriaMet',
      proposed: { change: { kind: 'dose', variable: 'reps', from: 6, to: 8 } },
      requiresClinician: true,
    });
    // The hard day (25 Nov) had pain during 4: acceptable, but too much to progress.
    expect(byId.get('curl-up')).toMatchObject({ decision: 'hold', rule: 'hold.painDuring' });
    expect(byId.get('glute-bridge')).toMatchObject({ decision: 'hold', rule: 'hold.adherence' });
    expect(result.adherence[0]).toMatchObject({ week: 1, planned: 24, done: 22, partly: 1 });
    expect(result.flags).toEqual([]);
  });

  it('takes the logs as {"logs": [...]} too', async () => {
    const bare = await progress(['--today', '2026-11-30']);
    const wrapped = await progress(['--today', '2026-11-30'], {
      'logs.json': JSON.stringify({ logs: JSON.parse(logs) as unknown }),
    });
    expect(wrapped.code).toBe(0);
    expect(wrapped.out).toBe(bare.out);
  });

  it('reads the programme from stdin with -', async () => {
    const { code, out } = await run(['progress', '-', 'logs.json', '--today', '2026-11-30'], {
      stdin: programmeJson,
      files: { 'logs.json': logs },
    });
    expect(code).toBe(0);
    expect((JSON.parse(out) as ProgressionResult).week).toBe(2);
  });

  it('renders the decisions, proposed changes and adherence in text, for sign-off', async () => {
    const { code, out } = await progress(['--today', '2026-11-30', '--format', 'text']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('CONTINUE: 2 to progress, 2 to hold');
    // Week 2 has just begun and nothing is logged today: nothing is due yet, nothing missed.
    expect(out).toMatch(/^ +2 +Mon 30 Nov – Sun 6 Dec 2026 +0 +0 +0 +— *$/m);
    expect(out).toMatch(/^Status +continue$/m);
    expect(out).toContain('1. Bird dog [bird-dog, level 2]: PROGRESS');
    expect(out).toMatch(/^ {3}Proposed +reps 6 → 8 \(2 sets: 8, then 6 holds of 10 seconds\)$/m);
    expect(out).toMatch(/^ {3}Now +2 sets: 6, then 4 holds of 10 seconds$/m);
    expect(out).toContain('2. Curl-up [curl-up, level 1]: HOLD');
    expect(out).toMatch(/^ {3}Rule +hold\.painDuring \(S-PMM\)$/m);
    expect(out).toMatch(/^ {3}Proposed +none: keep the current dose$/m);
    expect(out).toMatch(/^Week +Dates +Planned +Done +Partly +Rate$/m);
    expect(out).toMatch(/^ +1 +Mon 23 Nov – Sun 29 Nov 2026 +24 +22 +1 +94 %$/m);
    expect(out).toContain("waits for the clinician's sign-off");
    expect(out).not.toContain('HALTED');
  });

  it('halts everything for a bladder, bowel or saddle symptom, with the advice first', async () => {
    const halt = JSON.stringify([
      ...(JSON.parse(logs) as unknown[]),
      { ...goodLog('2026-11-30', 'cat-cow', 1), symptoms: ['bladderBowelSaddle'] },
    ]);
    const json = await progress(['--today', '2026-11-30'], { 'logs.json': halt });
    const result = JSON.parse(json.out) as ProgressionResult;
    expect(result.status).toBe('halted');
    expect(result.decisions.every((decision) => decision.decision === 'stopAndScreen')).toBe(true);
    expect(result.flags[0]).toMatchObject({ type: 'redFlagSymptom', severity: 'emergency' });

    const { code, out } = await progress(['--today', '2026-11-30', '--format', 'text'], {
      'logs.json': halt,
    });
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^HALTED: /);
    expect(out).toMatch(/^Status +HALTED$/m);
    const redFlags = out.indexOf('Red-flag symptoms: act now (1)');
    expect(redFlags).toBeGreaterThan(0);
    expect(redFlags).toBeLessThan(out.indexOf('Decisions ('));
    expect(out).toContain('EMERGENCY (redFlagSymptom): Red-flag symptom logged on 2026-11-30');
    expect(out.slice(redFlags)).toMatch(/Tell the patient: Stop your exercises\./);
    expect(out).toMatch(/Go to an emergency\s+department straight away/);
    expect(out).toContain('1. Bird dog [bird-dog, level 2]: STOP AND SCREEN');
    expect(out).toContain('none: no exercise until a clinician has screened the patient');
  });

  it('words a level change: the next level up, and the level below', async () => {
    // Leg slide at its maximum dose, every criterion met: the next level is Bird dog.
    const up = replaceBirdDog({
      id: 'quadruped-leg-slide',
      name: 'Leg slide on all fours',
      chain: 'bird-dog',
      level: 1,
      sets: 3,
      reps: 10,
      repsPerSet: [10, 8, 6],
    });
    const upLogs = JSON.stringify(week1.map((date) => goodLog(date, 'quadruped-leg-slide', 3)));
    const raised = await progress(['--today', '2026-11-30', '--format', 'text'], {
      'p.json': up,
      'logs.json': upLogs,
    });
    expect(raised.code).toBe(0);
    expect(raised.out).toContain('Leg slide on all fours [quadruped-leg-slide, level 1]: PROGRESS');
    expect(raised.out).toMatch(
      /Proposed +move to Bird dog \(level 2\), at its default dose:\s+2\s+sets:\s+6,\s+then\s+4\s+holds\s+of\s+10\s+seconds/,
    );

    // Bird dog at its minimum dose with too much pain: back to the leg slide.
    const down = replaceBirdDog({ sets: 1, reps: 4, repsPerSet: [4] });
    const downLogs = JSON.stringify([{ ...goodLog('2026-11-29', 'bird-dog', 1), painDuring: 7 }]);
    const lowered = await progress(['--today', '2026-11-30', '--format', 'text'], {
      'p.json': down,
      'logs.json': downLogs,
    });
    expect(lowered.code).toBe(0);
    expect(lowered.out).toContain('Bird dog [bird-dog, level 2]: REGRESS');
    expect(lowered.out).toMatch(/Proposed +move back to Leg slide on all fours \(level 1\)/);
    expect(lowered.out).toContain('WARNING (painFlare)');
  });

  it('judges a change applied (--history) on its own logs', async () => {
    const history = JSON.stringify([
      { date: '2026-11-29', exerciseId: 'bird-dog', change: 'dose' },
    ]);
    const { code, out } = await progress(['--today', '2026-11-30', '--history', 'h.json'], {
      'h.json': history,
    });
    expect(code).toBe(0);
    const result = JSON.parse(out) as ProgressionResult;
    const birdDog = result.decisions.find((decision) => decision.exerciseId === 'bird-dog');
    expect(birdDog).toMatchObject({ decision: 'hold', rule: 'hold.insufficientLogs' });
    expect(birdDog?.reason).toContain('since the last change');
    const wrapped = await progress(['--today', '2026-11-30', '--history', 'h.json'], {
      'h.json': JSON.stringify({ history: JSON.parse(history) as unknown }),
    });
    expect(wrapped.out).toBe(out);
  });

  it('says when today is after the programme’s end', async () => {
    const { code, out } = await progress(['--today', '2027-02-01', '--format', 'text']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Week +after the programme's end/m);
  });

  describe('errors: exit 2, a message naming the field, option or file, nothing on stdout', () => {
    const today = ['--today', '2026-11-30'];
    it.each([
      [[], {}, 'missing --today YYYY-MM-DD'],
      [['--today', '2026-13-01'], {}, '--today: must be a real date written YYYY-MM-DD'],
      [['--today', '2026-11-01'], {}, '--today: is before the programme starts (2026-11-23)'],
      [today, { 'p.json': '{"status": "active", weeks: []}' }, 'input: not valid JSON'],
      [today, { 'p.json': '{"status": "active", weeks: []}' }, 'in p.json'],
      [today, { 'p.json': '[]' }, 'programme: must be a programme object'],
      [
        today,
        { 'p.json': JSON.stringify({ status: 'active', weeks: [{ week: 1, sessions: [{}] }] }) },
        'programme.weeks[0].sessions[0].exercises: must be a list of prescribed exercises',
      ],
      [
        today,
        { 'p.json': example('profile-lumbar.json') },
        'programme.status: must be "active" or "blocked", not nothing',
      ],
      [
        today,
        { 'logs.json': '[{"date":"2026-11-24","exerciseId":"plank","setsDone":1}]' },
        'logs[0].exerciseId: is not an exercise of the programme',
      ],
      [
        today,
        {
          'logs.json':
            '[{"date":"2026-11-24","exerciseId":"cat-cow","setsDone":1,"painDuring":11}]',
        },
        'logs[0].painDuring: must be a whole number from 0 to 10',
      ],
      [
        today,
        { 'logs.json': '[{"date":"2026-11-20","exerciseId":"cat-cow","setsDone":1}]' },
        'logs[0].date: is before the programme starts',
      ],
      [today, { 'logs.json': '{"entries": []}' }, 'entries: is not a known field'],
      [today, { 'logs.json': '"none"' }, 'logs: must be a list of session logs'],
      [
        [...today, '--history', 'h.json'],
        { 'h.json': '[{"date":"2026-11-24","exerciseId":"cat-cow","change":"swap"}]' },
        'history[0].change: must be "level" or "dose"',
      ],
      [[...today, '--history', 'h.json'], {}, 'cannot read h.json: no such file'],
      [[...today, '--format', 'csv'], {}, '--format: must be json or text'],
    ])('%j with %j', async (argv, files, message) => {
      const { code, out, err } = await progress(argv, files);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^spinewise: /);
      expect(err).toContain(message);
    });

    it('refuses a blocked programme, naming its status', async () => {
      const blocked = await run(['plan'], { stdin: example('profile-blocked.json') });
      const { code, out, err } = await progress(['--today', '2026-11-30'], {
        'p.json': blocked.out,
      });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain('programme.status: is "blocked"');
    });

    it.each([
      [['progress'], 'missing programme file'],
      [['progress', 'p.json'], 'missing logs file'],
      [['progress', '-', '-', '--today', '2026-11-30'], 'only one of the files can be - (stdin)'],
      [['progress', 'p.json', 'logs.json', 'x.json'], 'unexpected argument "x.json"'],
    ])('%j', async (argv, message) => {
      const { code, out, err } = await run(argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(message);
    });
  });
});
