import {
  doseOf,
  generateProgramme,
  getExercise,
  stepUp,
  type PrescribedExercise,
  type Programme,
  type ProgressionDecision,
} from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { applyDecision, checkProgrammeContent, prescribe, weekIndexOn } from './content.js';
import { safetyProfileOf, type SafetyProfile } from './safety-profile.js';

const lowBack = {
  region: 'lumbar',
  condition: 'nonspecific',
  symptomDurationDays: 20,
  age: 58,
  scores: { odi: 30, nprs: 5 },
  redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false } },
  minutesPerDay: 20,
  startDate: '2026-11-02',
};

function generated(extra: Record<string, unknown> = {}): Programme {
  const programme = generateProgramme({ ...lowBack, ...extra });
  if (programme.status !== 'active') throw new Error('blocked');
  return programme;
}

/** A deep copy to edit, as a client sends it back. */
function copy(programme: Programme): Record<string, unknown> & { weeks: Programme['weeks'] } {
  return structuredClone(programme) as never;
}

function firstExercise(programme: Programme, week = 0): PrescribedExercise {
  const exercise = programme.weeks[week]?.sessions[0]?.exercises[0];
  if (exercise === undefined) throw new Error('no exercise');
  return exercise;
}

function checkFor(programme: Programme, input: unknown, profile?: SafetyProfile) {
  return checkProgrammeContent(input, profile ?? safetyProfileOf(programme, null), {
    current: programme,
    requiredLessons: programme.requiredLessons,
  });
}

describe('checkProgrammeContent', () => {
  it('accepts a generated programme unchanged and gives it back as it was', () => {
    const programme = generated();
    const result = checkFor(programme, copy(programme));
    expect(result).toEqual({ ok: true, content: programme });
  });

  it('recomputes what the library decides (names, minutes, cautions) from the exercise and dose', () => {
    const programme = generated();
    const edited = copy(programme);
    const week = edited.weeks[0] as unknown as {
      sessions: { exercises: Record<string, unknown>[] }[];
    };
    const exercise = week.sessions[0]?.exercises[0] as Record<string, unknown>;
    exercise.name = 'Something else';
    exercise.dailyMinutes = 99;
    exercise.cautions = [];
    const result = checkFor(programme, edited);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(firstExercise(result.content)).toEqual(firstExercise(programme));
  });

  it('refuses a flexion-loaded exercise for a patient with osteoporosis, naming the field and the rule', () => {
    const programme = generated({ osteoporosis: true });
    const profile = safetyProfileOf(programme, null);
    expect(profile.context.osteoporosis).toBe(true);
    const edited = copy(programme);
    const forwardFold = getExercise('forward-fold');
    const session = edited.weeks[1]?.sessions[0] as unknown as { exercises: unknown[] };
    session.exercises[1] = prescribe(forwardFold, forwardFold.dosage.default, [], []);
    const result = checkFor(programme, edited, profile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toEqual(['weeks', 1, 'sessions', 0, 'exercises', 1, 'id']);
    expect(result.problems[0]?.message).toMatch(
      /Osteoporosis: no loaded or end-range spinal flexion/u,
    );
    expect(result.problems[0]?.message).toContain('safety.osteoporosis.flexion');
    expect(result.problems[0]?.message).toContain('S-OSTEO');
  });

  it('refuses unknown exercises, doses out of bounds and doses the exercise does not take', () => {
    const programme = generated();
    const edited = copy(programme);
    const exercises = (
      edited.weeks[0] as unknown as { sessions: { exercises: Record<string, unknown>[] }[] }
    ).sessions[0]?.exercises as Record<string, unknown>[];
    exercises[0] = { ...exercises[0], id: 'handstand' };
    exercises[1] = { ...exercises[1], sets: 40, minutes: 5 };
    const result = checkFor(programme, edited);
    if (result.ok) throw new Error('expected problems');
    const at = ['weeks', 0, 'sessions', 0, 'exercises'];
    const messageAt = (...path: (string | number)[]) =>
      result.problems.find((problem) => problem.path.join('.') === [...at, ...path].join('.'))
        ?.message;
    expect(messageAt(0, 'id')).toBe('is not an exercise in the library');
    expect(messageAt(1, 'minutes')).toMatch(/^does not apply to /u);
    expect(messageAt(1, 'sets')).toMatch(/^must be from 1 to \d+ for /u);
    expect(result.problems).toHaveLength(3);
  });

  it('keeps the region, the condition and the warning-signs lesson', () => {
    const programme = generated();
    const result = checkFor(programme, {
      ...copy(programme),
      region: 'cervical',
      condition: 'neckNonspecific',
      requiredLessons: [],
    });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((problem) => problem.path)).toEqual([
      ['region'],
      ['condition'],
      ['requiredLessons'],
    ]);
  });

  it('passes on the core’s shape errors with the path inside the content', () => {
    const programme = generated();
    const result = checkFor(programme, { ...copy(programme), weeks: 'six' });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((problem) => problem.path)).toEqual([['weeks']]);
    expect(result.problems[0]?.message).toContain('must be a list');
  });

  it('refuses weeks out of order', () => {
    const programme = generated();
    const edited = copy(programme);
    const weeks = [...edited.weeks];
    [weeks[0], weeks[1]] = [weeks[1] as never, weeks[0] as never];
    const result = checkFor(programme, { ...edited, weeks });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((problem) => problem.path)).toContainEqual(['weeks', 0, 'week']);
  });
});

function doseDecision(programme: Programme, week: number): ProgressionDecision {
  const prescribed = firstExercise(programme, week);
  const exercise = getExercise(prescribed.id);
  const step = stepUp(exercise, doseOf(prescribed));
  if (step === null) throw new Error('the fixture exercise is at its maximum dose');
  return {
    exerciseId: prescribed.id,
    name: prescribed.name,
    decision: 'progress',
    reason: 'Criteria met.',
    rule: 'progress.criteriaMet',
    sources: ['S-PMM'],
    logs: [],
    current: { exerciseId: prescribed.id, level: prescribed.level, dose: doseOf(prescribed) },
    proposed: {
      exerciseId: prescribed.id,
      level: prescribed.level,
      dose: step.dose,
      change: { kind: 'dose', ...step.step },
    },
    requiresClinician: true,
  };
}

describe('applyDecision', () => {
  it('writes the dose step into the deciding week and later weeks that carry the same prescription', () => {
    const programme = generated();
    const decision = doseDecision(programme, 1);
    const decidedFor = programme.weeks[1]?.startDate as string;
    expect(weekIndexOn(programme, decidedFor)).toBe(1);
    const result = applyDecision(programme, decision, decidedFor, safetyProfileOf(programme, null));
    if (!result.ok) throw new Error(result.reason);
    expect(result.changed).toBeGreaterThan(0);
    const changed = firstExercise(result.content, 1);
    expect(doseOf(changed)).toEqual(decision.proposed?.dose);
    expect(changed.rationale.at(-1)).toMatchObject({ rule: 'progress.criteriaMet' });
    // Week 1 came before the decision and is kept as it was.
    expect(result.content.weeks[0]).toEqual(programme.weeks[0]);
    // What the progression rules and the edit checks read is still valid.
    expect(checkFor(programme, result.content).ok).toBe(true);
  });

  it('is stale when the programme no longer prescribes what the decision was made on', () => {
    const programme = generated();
    const decision = doseDecision(programme, 1);
    const moved = {
      ...decision,
      current: { ...decision.current, dose: { ...decision.current.dose, sets: 9 } },
    };
    const decidedFor = programme.weeks[1]?.startDate as string;
    expect(applyDecision(programme, moved, decidedFor, safetyProfileOf(programme, null))).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('changes nothing for a hold', () => {
    const programme = generated();
    const hold: ProgressionDecision = {
      ...doseDecision(programme, 0),
      decision: 'hold',
      rule: 'hold.insufficientLogs',
      proposed: null,
    };
    const result = applyDecision(
      programme,
      hold,
      programme.startDate,
      safetyProfileOf(programme, null),
    );
    expect(result).toEqual({ ok: true, content: programme, changed: 0 });
  });

  it('moves to the next level, and refuses one the safety rules forbid for this patient', () => {
    const elbows = getExercise('prone-on-elbows');
    const pressUp = getExercise('prone-press-up');
    const week = (number: number, start: string, end: string) => ({
      week: number,
      startDate: start,
      endDate: end,
      phase: number === 1 ? 'settle' : 'control',
      sessions: [
        {
          id: `week-${number}`,
          name: 'Daily session',
          daysPerWeek: 7,
          dailyMinutes: 1,
          exercises: [prescribe(elbows, elbows.dosage.default, [], [])],
        },
      ],
      activity: { kind: 'walking', minutesPerDay: 10, daysPerWeek: 7, rationale: [] },
      lessons: [],
      tasks: [],
      reassessments: [],
      rationale: [],
    });
    const base = generated();
    const programme = {
      ...base,
      weeks: [week(1, '2026-11-02', '2026-11-08'), week(2, '2026-11-09', '2026-11-15')],
    } as unknown as Programme;
    const decision: ProgressionDecision = {
      ...doseDecision(base, 0),
      exerciseId: elbows.id,
      current: { exerciseId: elbows.id, level: 1, dose: elbows.dosage.default },
      proposed: {
        exerciseId: pressUp.id,
        level: pressUp.level,
        dose: pressUp.dosage.default,
        change: {
          kind: 'level',
          fromExercise: elbows.id,
          toExercise: pressUp.id,
          fromLevel: 1,
          toLevel: pressUp.level,
        },
      },
    };
    const context = {
      condition: 'nonspecific',
      directionalPreference: 'none',
      osteoporosis: false,
      surgeryNotCleared: false,
      cervicalArterialSymptoms: false,
    } as const;

    const allowed = applyDecision(programme, decision, '2026-11-03', {
      context,
      firstPhaseWeeks: new Set([1]),
    });
    if (!allowed.ok) throw new Error(allowed.reason);
    expect(allowed.changed).toBe(2);
    expect(firstExercise(allowed.content, 0)).toMatchObject({
      id: pressUp.id,
      name: pressUp.name,
      level: pressUp.level,
    });

    // [S-STEN] stenosis: no end-range extension in the first phase.
    const stenosis = applyDecision(programme, decision, '2026-11-03', {
      context: { ...context, condition: 'stenosis' },
      firstPhaseWeeks: new Set([1]),
    });
    if (stenosis.ok || stenosis.reason !== 'unsafe') throw new Error('expected a refusal');
    expect(stenosis.detail).toContain('no end-range extension in the first phase');
  });
});
