import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import type { Programme } from '../programmes/programme.js';
import { isSourceId } from '../sources.js';
import { decideProgression, libraryLookup } from './decide.js';
import type { DecideOptions, ProgressionDecision, ProgressionResult } from './decide.js';
import type { AppliedChange } from './history.js';
import { redFlagSymptoms } from './red-flag-symptoms.js';
import {
  bridge1,
  bridge2,
  day,
  goodLog,
  goodLogs,
  lookup,
  makeProgramme,
  prescribe,
  walk,
} from './progression.fixture.js';

const week = [0, 1, 2, 3, 4, 5, 6];
/** Two sets done: the whole dose of a 2-set prescription. */
const two = { setsDone: 2 };
const oneExercise = makeProgramme([[prescribe(bridge1)], [prescribe(bridge1)]]);

function run(
  logs: unknown,
  today = day(6),
  options: DecideOptions = {},
  programme: Programme = oneExercise,
): ProgressionResult {
  return decideProgression(programme, logs, today, { exercises: lookup, ...options });
}

function only(result: ProgressionResult): ProgressionDecision {
  expect(result.decisions).toHaveLength(1);
  return result.decisions[0] as ProgressionDecision;
}

function decide(logs: unknown, today = day(6), options: DecideOptions = {}) {
  return only(run(logs, today, options));
}

function errorOf(action: () => unknown): ClinicalInputError {
  try {
    action();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('progress [S-PMM] [S-ACSM]', () => {
  it('progresses one variable one step when every criterion is met', () => {
    const result = run(goodLogs(week));
    const decision = only(result);
    expect(result.status).toBe('continue');
    expect(result.week).toBe(1);
    expect(decision).toMatchObject({
      exerciseId: 'bridge-1',
      name: 'Bridge',
      decision: 'progress',
      rule: 'progress.criteriaMet',
      requiresClinician: true,
      current: { exerciseId: 'bridge-1', level: 1, dose: { sets: 1, reps: 8 } },
      proposed: {
        exerciseId: 'bridge-1',
        level: 1,
        dose: { sets: 1, reps: 10, perDay: 1, daysPerWeek: 7 },
        change: { kind: 'dose', variable: 'reps', from: 8, to: 10 },
      },
    });
    expect(decision.logs).toEqual(week);
    expect(decision.reason).toContain('repetitions 8 → 10');
    expect(result.flags).toEqual([]);
  });

  it('steps sets once reps are at their maximum', () => {
    const programme = makeProgramme([[prescribe(bridge1, { reps: 12 })]]);
    const decision = only(run(goodLogs(week), day(6), {}, programme));
    expect(decision.proposed?.change).toEqual({ kind: 'dose', variable: 'sets', from: 1, to: 2 });
  });

  it('moves to the next level at its default dose at the end of the range', () => {
    const programme = makeProgramme([[prescribe(bridge1, { reps: 12, sets: 2 })]]);
    const decision = only(run(goodLogs(week, { setsDone: 2 }), day(6), {}, programme));
    expect(decision.decision).toBe('progress');
    expect(decision.proposed).toEqual({
      exerciseId: 'bridge-2',
      level: 2,
      dose: bridge2.dosage.default,
      change: {
        kind: 'level',
        fromExercise: 'bridge-1',
        toExercise: 'bridge-2',
        fromLevel: 1,
        toLevel: 2,
      },
    });
    expect(decision.reason).toContain('Single-leg bridge (level 2)');
  });

  it('proposes nothing at the top of the chain, saying so', () => {
    const programme = makeProgramme([[prescribe(walk, { minutes: 20 })]]);
    const decision = only(run(goodLogs(week, { exerciseId: 'walk' }), day(6), {}, programme));
    expect(decision.decision).toBe('progress');
    expect(decision.proposed).toBeNull();
    expect(decision.reason).toContain('top level of its chain');
  });

  it('pain during 3 still progresses; 4 holds', () => {
    expect(decide(goodLogs(week, { painDuring: 3 })).decision).toBe('progress');
    const held = decide([...goodLogs([0, 1, 2, 3, 4, 5]), goodLog(day(6), { painDuring: 4 })]);
    expect(held).toMatchObject({
      decision: 'hold',
      rule: 'hold.painDuring',
      logs: [6],
      proposed: null,
    });
    expect(held.reason).toContain('acceptable (3–5)');
  });

  it('adherence 80 % progresses, 79 % holds', () => {
    // 5 days a week: 5 bouts planned in the window.
    const programme = makeProgramme([[prescribe(bridge1, { daysPerWeek: 5 })]]);
    const four = goodLogs([1, 2, 4, 6]);
    expect(only(run(four, day(6), {}, programme)).decision).toBe('progress');
    // 3 done + 1 partly counted 0.95 = 3.95 / 5 = 79 %.
    const almost = [...goodLogs([1, 2, 4]), goodLog(day(6), { completed: 'partly' })];
    const held = only(run(almost, day(6), { thresholds: { partlyCounts: 0.95 } }, programme));
    expect(held).toMatchObject({ decision: 'hold', rule: 'hold.adherence', logs: [0, 1, 2, 3] });
    expect(held.reason).toContain('79 %');
  });

  it('holds when the sessions logged are too few', () => {
    const decision = decide(goodLogs([6]));
    expect(decision).toMatchObject({ decision: 'hold', rule: 'hold.insufficientLogs', logs: [0] });
    // Skipped sessions do not count as sessions.
    const skipped = decide([goodLog(day(5), { setsDone: 0 }), goodLog(day(6))]);
    expect(skipped.rule).toBe('hold.insufficientLogs');
  });

  it('holds when a session among the last 2 was hard', () => {
    const logs = [
      ...goodLogs([0, 1, 2, 3, 4]),
      goodLog(day(5), { difficulty: 'hard' }),
      goodLog(day(6)),
    ];
    expect(decide(logs)).toMatchObject({
      decision: 'hold',
      rule: 'hold.recentDifficultyHard',
      logs: [5],
    });
  });

  it('holds when the logs lack the evidence progress needs', () => {
    const noPain = decide(goodLogs(week, { painDuring: undefined }));
    expect(noPain.rule).toBe('hold.incompleteLogs');
    expect(noPain.reason).toContain('pain during');
    const noMorning = decide(goodLogs(week, { nextMorningPain: undefined }));
    expect(noMorning.reason).toContain('next-morning pain');
    const noDifficulty = decide([
      ...goodLogs([0, 1, 2, 3, 4, 5]),
      goodLog(day(6), { difficulty: undefined }),
    ]);
    expect(noDifficulty.rule).toBe('hold.incompleteLogs');
    expect(noDifficulty.reason).toContain('difficulty or RPE');
  });

  it('reads difficulty from RPE: 6 is moderate (progress), 7 hard (hold)', () => {
    expect(decide(goodLogs(week, { difficulty: undefined, rpe: 6 })).decision).toBe('progress');
    expect(decide(goodLogs(week, { difficulty: undefined, rpe: 4 })).decision).toBe('progress');
    const hard = decide([
      ...goodLogs([0, 1, 2, 3, 4, 5]),
      goodLog(day(6), { difficulty: undefined, rpe: 7 }),
    ]);
    expect(hard).toMatchObject({ decision: 'hold', rule: 'hold.difficultyHard', logs: [6] });
  });

  it('holds on difficulty hard on the last session [S-PMM]', () => {
    const logs = [...goodLogs([0, 1, 2, 3, 4, 5]), goodLog(day(6), { difficulty: 'hard' })];
    expect(decide(logs)).toMatchObject({
      decision: 'hold',
      rule: 'hold.difficultyHard',
      proposed: null,
    });
  });
});

describe('at most one level change a week per chain', () => {
  const atTop = makeProgramme([[prescribe(bridge1, { reps: 12, sets: 2 })]]);
  const history = (offset: number, change: AppliedChange['change'] = 'level'): AppliedChange[] => [
    { date: day(offset), exerciseId: 'bridge-2', change },
  ];

  it('a level change 6 days ago holds a level progression', () => {
    const decision = only(run(goodLogs(week, two), day(6), { history: history(0) }, atTop));
    expect(decision).toMatchObject({
      decision: 'hold',
      rule: 'hold.levelChangeThisWeek',
      proposed: null,
    });
    expect(decision.reason).toContain(day(0));
  });

  it('a level change 7 days ago does not', () => {
    const decision = only(run(goodLogs([...week, 7], two), day(7), { history: history(0) }, atTop));
    expect(decision.decision).toBe('progress');
    expect(decision.proposed?.change.kind).toBe('level');
  });

  it('a dose change does not hold a level change, but restarts the evidence', () => {
    const decision = only(run(goodLogs(week, two), day(6), { history: history(3, 'dose') }, atTop));
    expect(decision.decision).toBe('progress');
    expect(decision.logs).toEqual([4, 5, 6]);
    const fresh = only(run(goodLogs(week, two), day(6), { history: history(5, 'dose') }, atTop));
    expect(fresh.rule).toBe('hold.insufficientLogs');
    expect(fresh.reason).toContain('since the last change');
  });

  it('a dose change still allows a dose step; changes after today are ignored', () => {
    expect(decide(goodLogs(week, two), day(6), { history: history(0) }).decision).toBe('progress');
    expect(decide(goodLogs(week, two), day(6), { history: history(9) }).logs).toEqual(week);
  });

  it('changes in another chain do not count', () => {
    const decision = only(
      run(
        goodLogs(week, two),
        day(6),
        { history: [{ date: day(5), exerciseId: 'walk', change: 'level' }] },
        atTop,
      ),
    );
    expect(decision.proposed?.change.kind).toBe('level');
  });
});

describe('regress [S-PMM] [S-MDT]', () => {
  it('pain during 5 holds; 6 regresses one step and flags a pain flare', () => {
    expect(decide([...goodLogs([0, 1, 2, 3, 4, 5]), goodLog(day(6), { painDuring: 5 })]).rule).toBe(
      'hold.painDuring',
    );
    const programme = makeProgramme([[prescribe(bridge1, { reps: 12, sets: 2 })]]);
    const result = run(
      [...goodLogs([0, 1, 2, 3, 4, 5]), goodLog(day(6), { painDuring: 6 })],
      day(6),
      {},
      programme,
    );
    const decision = only(result);
    expect(decision).toMatchObject({
      decision: 'regress',
      rule: 'regress.painDuring',
      logs: [6],
      proposed: {
        exerciseId: 'bridge-1',
        change: { kind: 'dose', variable: 'sets', from: 2, to: 1 },
      },
    });
    expect(decision.sources).toEqual(['S-PMM', 'S-ACSM']);
    expect(result.flags).toEqual([
      expect.objectContaining({
        type: 'painFlare',
        severity: 'warning',
        logs: [6],
        sources: ['S-PMM'],
      }),
    ]);
  });

  it('regresses on pain after above 5', () => {
    const decision = decide([goodLog(day(6), { painAfter: 6 })]);
    expect(decision).toMatchObject({ decision: 'regress', rule: 'regress.painAfter' });
  });

  it('next morning: settled when not above the pain before, else regress', () => {
    expect(decide(goodLogs(week, { painBefore: 2, nextMorningPain: 2 })).decision).toBe('progress');
    const result = run([
      ...goodLogs([0, 1, 2, 3, 4, 5]),
      goodLog(day(6), { painBefore: 1, nextMorningPain: 2 }),
    ]);
    expect(only(result)).toMatchObject({
      decision: 'regress',
      rule: 'regress.notSettled',
      logs: [6],
    });
    expect(result.flags.map((flag) => flag.type)).toEqual(['painFlare']);
  });

  it('regresses on pain rising week on week by 1 point or more (default)', () => {
    const previous = goodLogs([0, 1], { painDuring: 1 });
    const rising = decide([...previous, ...goodLogs([7, 8], { painDuring: 2 })], day(8));
    expect(rising).toMatchObject({
      decision: 'regress',
      rule: 'regress.painRising',
      logs: [0, 1, 2, 3],
    });
    expect(rising.reason).toContain('from 1.0 to 2.0');
    // 1, 2, 2 against 1, 1: a rise of 0.67.
    const less = decide(
      [...previous, goodLog(day(7), { painDuring: 1 }), ...goodLogs([8, 8], { painDuring: 2 })],
      day(8),
    );
    expect(less.decision).not.toBe('regress');
    // One log in a window is not a trend.
    expect(decide([goodLog(day(0), { painDuring: 0 }), ...goodLogs([7, 8])], day(8)).rule).not.toBe(
      'regress.painRising',
    );
  });

  it('regresses on next-morning stiffness rising week on week', () => {
    const logs = [
      ...goodLogs([0, 1], { nextMorningStiffness: 2 }),
      ...goodLogs([7, 8], { nextMorningStiffness: 3 }),
    ];
    expect(decide(logs, day(8)).rule).toBe('regress.stiffnessRising');
  });

  it('peripheralisation regresses and raises a warning flag [S-MDT]', () => {
    const result = run([goodLog(day(6), { symptoms: ['peripheralisation'] })]);
    const decision = only(result);
    expect(decision).toMatchObject({ decision: 'regress', rule: 'regress.peripheralisation' });
    expect(decision.sources).toContain('S-MDT');
    expect(decision.proposed).toBeNull();
    expect(decision.reason).toContain('choose an alternative');
    expect(result.status).toBe('continue');
    expect(result.flags.filter((flag) => flag.type !== 'nonAdherence')).toEqual([
      expect.objectContaining({
        type: 'peripheralisation',
        severity: 'warning',
        logs: [0],
        sources: ['S-MDT'],
      }),
    ]);
  });

  it('names every trigger, the first as the rule', () => {
    const decision = decide([
      goodLog(day(6), {
        painDuring: 7,
        painBefore: 1,
        nextMorningPain: 3,
        symptoms: ['peripheralisation'],
      }),
    ]);
    expect(decision.rule).toBe('regress.peripheralisation');
    expect(decision.reason).toContain('Pain during reached 7/10');
    expect(decision.reason).toContain('not settled');
  });

  it('one pain-flare flag per exercise, with every log behind it', () => {
    const result = run([
      goodLog(day(5), { painBefore: 1, nextMorningPain: 4 }),
      goodLog(day(6), { painDuring: 7 }),
    ]);
    const flares = result.flags.filter((flag) => flag.type === 'painFlare');
    expect(flares).toHaveLength(1);
    expect(flares[0]?.logs).toEqual([0, 1]);
    expect(only(result)).toMatchObject({ rule: 'regress.painDuring', logs: [0, 1] });
  });

  it('moves to the level below at its default dose when the dose is at its minimum', () => {
    const programme = makeProgramme([[prescribe(bridge2, { reps: 8 })]]);
    const decision = only(
      run([goodLog(day(6), { exerciseId: 'bridge-2', painDuring: 8 })], day(6), {}, programme),
    );
    expect(decision.proposed).toEqual({
      exerciseId: 'bridge-1',
      level: 1,
      dose: bridge1.dosage.default,
      change: {
        kind: 'level',
        fromExercise: 'bridge-2',
        toExercise: 'bridge-1',
        fromLevel: 2,
        toLevel: 1,
      },
    });
    expect(decision.reason).toContain('the level below');
  });

  it('judges only the logs since the last change in the chain (no cascade of regressions)', () => {
    const logs = [goodLog(day(4), { painDuring: 8 }), ...goodLogs([5, 6])];
    expect(decide(logs).decision).toBe('regress');
    const history: AppliedChange[] = [{ date: day(4), exerciseId: 'bridge-1', change: 'dose' }];
    // Days 5 and 6 alone: no regression, and 3 of 7 sessions done holds.
    expect(decide(logs, day(6), { history })).toMatchObject({
      rule: 'hold.adherence',
      logs: [0, 1, 2],
    });
  });
});

describe('stop and screen [S-RF] [S-CES]', () => {
  const programme = makeProgramme([[prescribe(bridge1), prescribe(walk)]]);
  const expected = {
    bladderBowelSaddle: 'emergency',
    newNumbnessOrWeakness: 'urgent',
    feverUnwell: 'urgent',
    nightPain: 'urgent',
  } as const;

  it.each(redFlagSymptoms)('%s halts every exercise with the right severity', (symptom) => {
    const logs = [...goodLogs(week), goodLog(day(3), { exerciseId: 'walk', symptoms: [symptom] })];
    const result = run(logs, day(6), {}, programme);
    expect(result.status).toBe('halted');
    expect(result.decisions).toHaveLength(2);
    for (const decision of result.decisions) {
      expect(decision).toMatchObject({
        decision: 'stopAndScreen',
        rule: 'stopAndScreen.redFlagSymptom',
        proposed: null,
        logs: [7],
        requiresClinician: true,
      });
    }
    const flag = result.flags.find((item) => item.type === 'redFlagSymptom');
    expect(flag).toMatchObject({ severity: expected[symptom], logs: [7] });
    expect(flag?.advice).toBeDefined();
  });

  it('bladder, bowel or saddle symptoms: emergency advice to go to the emergency department now', () => {
    const result = run([goodLog(day(6), { symptoms: ['bladderBowelSaddle'] })]);
    const [flag] = result.flags;
    expect(flag).toMatchObject({
      type: 'redFlagSymptom',
      severity: 'emergency',
      sources: ['S-CES'],
    });
    expect(flag?.advice).toMatch(/emergency department straight away/);
    expect(only(result).sources).toEqual(['S-CES']);
  });

  it('reports each symptom once, emergency first, and still shows pain flares', () => {
    const result = run([
      goodLog(day(5), { symptoms: ['nightPain'] }),
      goodLog(day(6), { symptoms: ['nightPain', 'bladderBowelSaddle'], painDuring: 7 }),
    ]);
    expect(result.flags.slice(0, 3).map((flag) => [flag.type, flag.severity])).toEqual([
      ['redFlagSymptom', 'emergency'],
      ['redFlagSymptom', 'urgent'],
      ['painFlare', 'warning'],
    ]);
    expect(only(result).reason).toMatch(/bladder.*night pain/);
  });

  it('looks only at the window: older and later logs do not halt', () => {
    const old = run([goodLog(day(0), { symptoms: ['feverUnwell'] })], day(7));
    expect(old.status).toBe('continue');
    const later = run([goodLog(day(8), { symptoms: ['feverUnwell'] })], day(6));
    expect(later.status).toBe('continue');
  });
});

describe('adherence', () => {
  const programme = makeProgramme([
    [prescribe(bridge1), prescribe(walk, { daysPerWeek: 5 })],
    [prescribe(bridge1), prescribe(walk, { daysPerWeek: 5 })],
  ]);

  it('reports every week up to today, the current one pro rata', () => {
    const logs = [
      ...goodLogs(week),
      ...goodLogs([0, 1, 2], { exerciseId: 'walk' }),
      goodLog(day(3), { exerciseId: 'walk', completed: 'partly' }),
      goodLog(day(7)),
      goodLog(day(8), { setsDone: 0 }),
      goodLog(day(20)), // after today: left out
    ];
    const result = run(logs, day(9), {}, programme);
    expect(result.week).toBe(2);
    const [first, second] = result.adherence;
    expect(result.adherence).toHaveLength(2);
    expect(first).toEqual({
      week: 1,
      startDate: day(0),
      endDate: day(6),
      planned: 12,
      done: 10,
      partly: 1,
      rate: 10.5 / 12,
    });
    // Nothing logged yet today (day 9), so 2 of 7 days count: (7 + 5) × 2 / 7 bouts planned;
    // 1 done, 1 skipped.
    expect(second).toMatchObject({ week: 2, startDate: day(7), endDate: day(13), planned: 3.43 });
    expect(second).toMatchObject({ done: 1, partly: 0 });
    expect(second?.rate).toBeCloseTo(7 / 24, 10);
  });

  it('counts today as planned only once something is logged today', () => {
    const before = run([], day(0), {}, programme).adherence[0];
    expect(before).toMatchObject({ planned: 0, rate: null });
    const after = run([goodLog(day(0))], day(0), {}, programme).adherence[0];
    // The bridge is logged today, so its day counts; the walk's does not yet.
    expect(after).toMatchObject({ planned: 1, done: 1, rate: 1 });
  });

  it('extra bouts of one exercise do not make up for another', () => {
    const logs = [...goodLogs(week), ...goodLogs(week), ...goodLogs(week)];
    const [first] = run(logs, day(6), {}, programme).adherence;
    expect(first?.done).toBe(21);
    // The bridge's 7 bouts are credited up to its plan; the walk, not yet logged today, has
    // 5 × 6/7 bouts planned and none done.
    expect(first?.rate).toBeCloseTo(7 / (7 + 30 / 7), 10);
  });

  it('derives completion from the sets: fewer than planned is partly', () => {
    const twoSets = makeProgramme([[prescribe(bridge1, { sets: 2 })]]);
    const logs = [
      goodLog(day(0), { setsDone: 1 }),
      goodLog(day(1), { setsDone: 2 }),
      goodLog(day(2), { setsDone: 3 }),
    ];
    const [first] = run(logs, day(6), {}, twoSets).adherence;
    expect(first).toMatchObject({ done: 2, partly: 1 });
  });

  it('flags non-adherence below 50 % (a default) over all exercises [S-ADH]', () => {
    const low = run(goodLogs([0, 1, 2, 3, 4]), day(6), {}, programme);
    expect(low.flags).toEqual([
      expect.objectContaining({ type: 'nonAdherence', severity: 'warning', sources: ['S-ADH'] }),
    ]);
    expect(low.flags[0]?.logs).toEqual([0, 1, 2, 3, 4]);
    const enough = run(goodLogs(week), day(6), {}, programme);
    expect(enough.flags).toEqual([]);
  });

  it('holds when nothing of the exercise was planned in the window', () => {
    // The first day of the programme, nothing logged yet: nothing is due so far.
    const programme = makeProgramme([[prescribe(bridge1)]]);
    const decision = only(run([], day(0), {}, programme));
    expect(decision.decision).toBe('hold');
    expect(run([], day(0), {}, programme).adherence[0]?.rate).toBeNull();
  });
});

describe('today and the programme', () => {
  it('before the start is an error naming today', () => {
    const error = errorOf(() => run([], '2025-03-02'));
    expect(error.path).toEqual(['today']);
    expect(errorOf(() => run([], '2025-02-30')).path).toEqual(['today']);
  });

  it('after the end: week is null and the last week is decided', () => {
    const programme = makeProgramme([[prescribe(walk)], [prescribe(bridge1)]]);
    const result = run(goodLogs([15, 16, 17, 18, 19, 20]), day(20), {}, programme);
    expect(result.week).toBeNull();
    expect(only(result)).toMatchObject({ exerciseId: 'bridge-1', decision: 'progress' });
    expect(result.adherence.map((row) => row.week)).toEqual([1, 2]);
  });

  it('decides each exercise of the week once, in session order', () => {
    const programme = makeProgramme([[prescribe(walk), prescribe(bridge1), prescribe(walk)]]);
    const logged = [goodLog(day(0), { exerciseId: 'walk' }), goodLog(day(0))];
    const result = run(logged, day(0), {}, programme);
    expect(result.decisions.map((decision) => decision.exerciseId)).toEqual(['walk', 'bridge-1']);
    // The duplicate's bouts still count in the plan: 7 + 7 + 7 bouts over one day of seven.
    expect(result.adherence[0]?.planned).toBe(3);
  });

  it('uses the prescription of a log’s own week to derive completion', () => {
    const programme = makeProgramme([
      [prescribe(bridge1)],
      [prescribe(walk)],
      [prescribe(bridge1, { sets: 2 })],
    ]);
    // bridge-1 logged in week 2 (not prescribed then): the earlier week's 1 set is the plan.
    const result = run([goodLog(day(8), { setsDone: 1 })], day(9), {}, programme);
    expect(result.adherence[1]).toMatchObject({ done: 1 });
    // A walk logged in week 1, before it was prescribed: the later week's plan is used.
    const early = run(
      [goodLog(day(1), { exerciseId: 'walk', setsDone: 1 })],
      day(2),
      {},
      programme,
    );
    expect(early.adherence[0]).toMatchObject({ done: 1 });
  });

  it('rejects a blocked programme, one without weeks, and bad week dates', () => {
    expect(errorOf(() => run([], day(0), {}, { ...oneExercise, status: 'blocked' })).path).toEqual([
      'programme',
      'status',
    ]);
    expect(errorOf(() => run([], day(0), {}, { ...oneExercise, weeks: [] })).path).toEqual([
      'programme',
      'weeks',
    ]);
    const [w1, w2] = oneExercise.weeks;
    if (w1 === undefined || w2 === undefined) throw new Error('fixture');
    const badStart = { ...oneExercise, weeks: [w1, { ...w2, startDate: 'soon' }] };
    expect(errorOf(() => run([], day(0), {}, badStart)).path).toEqual([
      'programme',
      'weeks',
      1,
      'startDate',
    ]);
    const badEnd = { ...oneExercise, weeks: [{ ...w1, endDate: day(-1) }] };
    expect(errorOf(() => run([], day(0), {}, badEnd)).path).toEqual([
      'programme',
      'weeks',
      0,
      'endDate',
    ]);
  });

  it('an exercise of the week the lookup does not know is an error naming the programme field', () => {
    const error = errorOf(() => run([], day(0), { exercises: () => undefined }));
    expect(error.path).toEqual(['programme', 'weeks', 0, 'sessions', 0, 'exercises', 0, 'id']);
  });

  it('a missing next or previous level in the lookup is an error naming the option', () => {
    const atTop = makeProgramme([[prescribe(bridge1, { reps: 12, sets: 2 })]]);
    const noBridge2 = (id: string) => (id === 'bridge-2' ? undefined : lookup(id));
    expect(
      errorOf(() => run(goodLogs(week, two), day(6), { exercises: noBridge2 }, atTop)).path,
    ).toEqual(['options', 'exercises']);
    const atBottom = makeProgramme([[prescribe(bridge2, { reps: 8 })]]);
    const noBridge1 = (id: string) => (id === 'bridge-1' ? undefined : lookup(id));
    const logs = [goodLog(day(6), { exerciseId: 'bridge-2', painDuring: 9 })];
    expect(errorOf(() => run(logs, day(6), { exercises: noBridge1 }, atBottom)).detail).toContain(
      'the regression of "bridge-2"',
    );
  });

  it('uses the exercise library by default', () => {
    const catCow = libraryLookup('cat-cow');
    expect(catCow?.id).toBe('cat-cow');
    if (catCow === undefined) return;
    const programme = makeProgramme([[prescribe(catCow)]]);
    const result = decideProgression(programme, [], day(0));
    expect(only(result)).toMatchObject({ exerciseId: 'cat-cow', rule: 'hold.insufficientLogs' });
    expect(libraryLookup('no-such-exercise')).toBeUndefined();
  });
});

describe('input errors', () => {
  it('logs: validated, with the exercise checked against the programme', () => {
    expect(errorOf(() => run('nope')).path).toEqual(['logs']);
    expect(errorOf(() => run([goodLog(day(0), { painDuring: 11 })])).path).toEqual([
      'logs',
      0,
      'painDuring',
    ]);
    const unknown = errorOf(() => run([goodLog(day(0)), goodLog(day(1), { exerciseId: 'walk' })]));
    expect(unknown.path).toEqual(['logs', 1, 'exerciseId']);
  });

  it('a log before the programme starts is an error naming its date', () => {
    expect(errorOf(() => run([goodLog(day(-1))])).path).toEqual(['logs', 0, 'date']);
  });

  it('options: an object of known options', () => {
    expect(
      errorOf(() => decideProgression(oneExercise, [], day(0), 'x' as unknown as DecideOptions))
        .path,
    ).toEqual(['options']);
    const unknownKey = { exercises: lookup, today: day(0) } as unknown as DecideOptions;
    expect(errorOf(() => decideProgression(oneExercise, [], day(0), unknownKey)).path).toEqual([
      'options',
      'today',
    ]);
    const notFunction = { exercises: new Map() } as unknown as DecideOptions;
    expect(errorOf(() => decideProgression(oneExercise, [], day(0), notFunction)).path).toEqual([
      'options',
      'exercises',
    ]);
    expect(errorOf(() => run([], day(0), { thresholds: { windowDays: 0 } })).path).toEqual([
      'options',
      'thresholds',
      'windowDays',
    ]);
    const badHistory = {
      history: [{ date: day(0), exerciseId: 'bridge-1', change: 'swap' }],
    } as unknown as DecideOptions;
    expect(errorOf(() => run([], day(0), badHistory)).path).toEqual([
      'options',
      'history',
      0,
      'change',
    ]);
  });
});

describe('output', () => {
  it('cites only known source ids and echoes the thresholds used', () => {
    const result = run(
      [
        goodLog(day(5), { symptoms: ['peripheralisation', 'feverUnwell'] }),
        goodLog(day(6), { painDuring: 7 }),
      ],
      day(6),
      { thresholds: { windowDays: 10 } },
    );
    expect(result.thresholds.windowDays).toBe(10);
    const cited = [
      ...result.decisions.flatMap((d) => d.sources),
      ...result.flags.flatMap((f) => f.sources),
    ];
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) expect(isSourceId(id), id).toBe(true);
  });

  it('is pure: the same input gives the same output', () => {
    const logs = goodLogs(week);
    expect(run(logs)).toEqual(run(logs));
  });
});
