import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { completionOf, difficultyOf, parseLogs } from './log.js';
import type { SessionLog } from './log.js';
import { defaultThresholds } from './thresholds.js';

const valid = {
  id: 'client-1',
  date: '2025-03-03',
  exerciseId: 'bridge-1',
  setsDone: 2,
  repsDone: 10,
  holdSecondsDone: 12.5,
  minutesDone: 20,
  completed: 'done',
  painBefore: 1,
  painDuring: 3,
  painAfter: 2,
  nextMorningPain: 1,
  nextMorningStiffness: 2,
  difficulty: 'moderate',
  rpe: 5,
  symptoms: ['peripheralisation', 'nightPain'],
  note: 'Felt fine.',
};

function pathOf(input: unknown, exerciseIds?: ReadonlySet<string>): readonly (string | number)[] {
  try {
    parseLogs(input, exerciseIds === undefined ? {} : { exerciseIds });
  } catch (error) {
    if (error instanceof ClinicalInputError) return error.path;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

const withField = (field: string, value: unknown) => [
  { date: '2025-03-03', exerciseId: 'x', setsDone: 1 },
  { ...valid, [field]: value },
];

describe('parseLogs', () => {
  it('accepts a full log and a minimal one, keeping only the fields given', () => {
    const logs = parseLogs([valid, { date: '2024-02-29', exerciseId: 'walk', setsDone: 0 }]);
    expect(logs[0]).toEqual(valid);
    expect(logs[1]).toEqual({ date: '2024-02-29', exerciseId: 'walk', setsDone: 0 });
    expect(parseLogs([])).toEqual([]);
  });

  it('must be a list of objects', () => {
    expect(pathOf({})).toEqual(['logs']);
    expect(pathOf([valid, 'x'])).toEqual(['logs', 1]);
  });

  it('rejects unknown fields, suggesting the right spelling', () => {
    expect(pathOf([{ ...valid, paindurin: 3 }])).toEqual(['logs', 0, 'paindurin']);
    try {
      parseLogs([{ ...valid, PainDuring: 3 }]);
    } catch (error) {
      expect((error as ClinicalInputError).detail).toContain('Did you mean painDuring?');
    }
    try {
      parseLogs([{ ...valid, mood: 3 }]);
    } catch (error) {
      expect((error as ClinicalInputError).detail).not.toContain('Did you mean');
    }
  });

  it.each([
    ['date', '2025-02-29'],
    ['date', '2025-3-3'],
    ['date', undefined],
    ['date', 20250303],
    ['exerciseId', ''],
    ['exerciseId', 3],
    ['id', '   '],
    ['id', 'x'.repeat(201)],
    ['setsDone', undefined],
    ['setsDone', -1],
    ['setsDone', 1.5],
    ['setsDone', 51],
    ['repsDone', 'ten'],
    ['holdSecondsDone', Number.NaN],
    ['minutesDone', 601],
    ['completed', 'finished'],
    ['painBefore', 11],
    ['painDuring', 2.5],
    ['painAfter', -1],
    ['nextMorningPain', '3'],
    ['nextMorningStiffness', null],
    ['rpe', 10.5],
    ['difficulty', 'Hard'],
    ['symptoms', 'nightPain'],
    ['note', 'x'.repeat(2001)],
    ['note', 5],
  ])('%s = %j is an error naming the field', (field, value) => {
    expect(pathOf(withField(field, value))).toEqual(['logs', 1, field]);
  });

  it('accepts a 2000-character note and an empty one', () => {
    expect(parseLogs([{ ...valid, note: 'x'.repeat(2000) }])[0]?.note).toHaveLength(2000);
    expect(parseLogs([{ ...valid, note: '' }])[0]?.note).toBe('');
  });

  it('names the symptom that is unknown or repeated', () => {
    expect(pathOf([{ ...valid, symptoms: ['nightPain', 'dizzy'] }])).toEqual([
      'logs',
      0,
      'symptoms',
      1,
    ]);
    expect(pathOf([{ ...valid, symptoms: ['nightPain', 'nightPain'] }])).toEqual([
      'logs',
      0,
      'symptoms',
      1,
    ]);
  });

  it('a skipped session has no sets', () => {
    expect(pathOf([{ ...valid, completed: 'skipped' }])).toEqual(['logs', 0, 'completed']);
    expect(parseLogs([{ ...valid, setsDone: 0, completed: 'skipped' }])[0]?.completed).toBe(
      'skipped',
    );
  });

  it('checks the exercise against the programme when told its exercises', () => {
    expect(pathOf([valid], new Set(['walk']))).toEqual(['logs', 0, 'exerciseId']);
    expect(parseLogs([valid], { exerciseIds: new Set(['bridge-1']) })).toHaveLength(1);
  });
});

describe('parseLogs: the camera coach result', () => {
  const coach = {
    reps: 10,
    holdSeconds: 24.5,
    rangeDegrees: { min: -12.5, max: 41 },
    formWarnings: [{ id: 'hipsSag', cue: 'Lift your hips a little.', count: 2 }],
    exerciseRule: 'bridge-1',
    view: 'side',
  };
  const withCoach = (value: unknown) => [{ ...valid, coach: value }];

  it('keeps a full result and a minimal one exactly as given', () => {
    expect(parseLogs(withCoach(coach))[0]?.coach).toEqual(coach);
    const minimal = { exerciseRule: 'plank-1', view: 'front' };
    expect(parseLogs(withCoach(minimal))[0]?.coach).toEqual(minimal);
    expect(parseLogs([valid])[0]).not.toHaveProperty('coach');
  });

  it.each([
    [{ ...coach, reps: -1 }, ['reps']],
    [{ ...coach, reps: 2.5 }, ['reps']],
    [{ ...coach, holdSeconds: -0.1 }, ['holdSeconds']],
    [{ ...coach, holdSeconds: '20' }, ['holdSeconds']],
    [{ ...coach, rangeDegrees: { min: -181, max: 10 } }, ['rangeDegrees', 'min']],
    [{ ...coach, rangeDegrees: { min: 0, max: 180.5 } }, ['rangeDegrees', 'max']],
    [{ ...coach, rangeDegrees: { min: 30, max: 10 } }, ['rangeDegrees', 'min']],
    [{ ...coach, rangeDegrees: { min: 0 } }, ['rangeDegrees', 'max']],
    [{ ...coach, rangeDegrees: { min: 0, max: 1, mean: 0.5 } }, ['rangeDegrees', 'mean']],
    [{ ...coach, rangeDegrees: [0, 1] }, ['rangeDegrees']],
    [{ ...coach, formWarnings: {} }, ['formWarnings']],
    [{ ...coach, formWarnings: Array(21).fill(coach.formWarnings[0]) }, ['formWarnings']],
    [{ ...coach, formWarnings: [{ id: 'a', cue: 'b', count: 0 }] }, ['formWarnings', 0, 'count']],
    [
      { ...coach, formWarnings: [{ id: 'x'.repeat(101), cue: 'b', count: 1 }] },
      ['formWarnings', 0, 'id'],
    ],
    [
      { ...coach, formWarnings: [{ id: 'a', cue: 'b'.repeat(301), count: 1 }] },
      ['formWarnings', 0, 'cue'],
    ],
    [
      { ...coach, formWarnings: [{ id: 'a', cue: 'b', count: 1, at: 3 }] },
      ['formWarnings', 0, 'at'],
    ],
    [{ ...coach, exerciseRule: undefined }, ['exerciseRule']],
    [{ ...coach, exerciseRule: 'x'.repeat(101) }, ['exerciseRule']],
    [{ ...coach, view: 'top' }, ['view']],
    [{ ...coach, frames: [] }, ['frames']],
  ])('%j is an error naming the field', (value, path) => {
    expect(pathOf(withCoach(value))).toEqual(['logs', 0, 'coach', ...path]);
  });

  it('must be an object', () => {
    expect(pathOf(withCoach('10 reps'))).toEqual(['logs', 0, 'coach']);
    expect(pathOf(withCoach(null))).toEqual(['logs', 0, 'coach']);
  });

  it('accepts the bounds themselves', () => {
    const edge = {
      reps: 0,
      holdSeconds: 0,
      rangeDegrees: { min: -180, max: 180 },
      formWarnings: Array(20).fill({ id: 'x'.repeat(100), cue: 'c'.repeat(300), count: 1 }),
      exerciseRule: 'r'.repeat(100),
      view: 'side',
    };
    expect(parseLogs(withCoach(edge))[0]?.coach).toEqual(edge);
  });
});

describe('completionOf', () => {
  const log = (setsDone: number, completed?: SessionLog['completed']): SessionLog => ({
    date: '2025-03-03',
    exerciseId: 'x',
    setsDone,
    ...(completed === undefined ? {} : { completed }),
  });

  it('derives done, partly and skipped from the sets against the plan', () => {
    expect(completionOf(log(2), 2)).toBe('done');
    expect(completionOf(log(3), 2)).toBe('done');
    expect(completionOf(log(1), 2)).toBe('partly');
    expect(completionOf(log(0), 2)).toBe('skipped');
  });

  it('keeps what the patient reported', () => {
    expect(completionOf(log(1, 'done'), 3)).toBe('done');
    expect(completionOf(log(3, 'partly'), 3)).toBe('partly');
  });
});

describe('difficultyOf (RPE mapping: a default)', () => {
  const log = (extra: Partial<SessionLog>): SessionLog => ({
    date: '2025-03-03',
    exerciseId: 'x',
    setsDone: 1,
    ...extra,
  });

  it.each([
    [0, 'easy'],
    [4, 'easy'],
    [5, 'moderate'],
    [6, 'moderate'],
    [7, 'hard'],
    [10, 'hard'],
  ] as const)('RPE %i → %s', (rpe, difficulty) => {
    expect(difficultyOf(log({ rpe }), defaultThresholds)).toBe(difficulty);
  });

  it('a reported difficulty wins over the RPE; neither → undefined', () => {
    expect(difficultyOf(log({ rpe: 9, difficulty: 'easy' }), defaultThresholds)).toBe('easy');
    expect(difficultyOf(log({}), defaultThresholds)).toBeUndefined();
  });

  it('follows configured cut-offs', () => {
    expect(difficultyOf(log({ rpe: 5 }), { rpeEasyMax: 5, rpeModerateMax: 8 })).toBe('easy');
  });
});
