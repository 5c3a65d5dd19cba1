import {
  generateProgramme,
  getExercise,
  stepUp,
  type Programme,
  type ProgressionDecision,
  type SafetyContext,
} from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import {
  applyDecision,
  checkProgrammeContent,
  prescribe,
  type StoredPrescription,
} from './content.js';
import type { SafetyProfile } from './safety-profile.js';

// [S-STEN] stenosis: no end-range extension in the first phase; the press-up is held back early.
const stenosis: SafetyContext = {
  condition: 'stenosis',
  directionalPreference: 'none',
  osteoporosis: false,
  surgeryNotCleared: false,
  cervicalArterialSymptoms: false,
};
const profile: SafetyProfile = { context: stenosis, firstPhaseWeeks: new Set([1]) };
const pressUp = getExercise('prone-press-up');
const elbows = getExercise('prone-on-elbows');
const editor = {
  userId: '00000000-0000-4000-8000-000000000001',
  at: new Date('2026-11-02T09:00:00Z'),
};

function programmeWith(exercise: typeof pressUp): Programme {
  const base = generateProgramme({
    region: 'lumbar',
    condition: 'nonspecific',
    symptomDurationDays: 20,
    age: 58,
    scores: { odi: 30, nprs: 5 },
    redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false } },
    minutesPerDay: 20,
    startDate: '2026-11-02',
  });
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
        exercises: [prescribe(exercise, exercise.dosage.default, [], [])],
      },
    ],
    activity: { kind: 'walking', minutesPerDay: 10, daysPerWeek: 7, rationale: [] },
    lessons: [],
    tasks: [],
    reassessments: [],
    rationale: [],
  });
  return {
    ...base,
    phases: [],
    weeks: [week(1, '2026-11-02', '2026-11-08'), week(2, '2026-11-09', '2026-11-15')],
    reassessments: [],
    endDate: '2026-11-15',
  } as unknown as Programme;
}

function withOverride(programme: Programme, override: unknown): Record<string, unknown> {
  const copy = structuredClone(programme) as unknown as {
    weeks: { sessions: { exercises: Record<string, unknown>[] }[] }[];
  };
  const first = copy.weeks[0]?.sessions[0]?.exercises[0];
  if (first === undefined) throw new Error('no exercise');
  if (override === undefined) delete first.override;
  else first.override = override;
  return copy;
}

const first = (programme: Programme, week = 0) =>
  programme.weeks[week]?.sessions[0]?.exercises[0] as StoredPrescription;

describe('checkProgrammeContent: overrides', () => {
  const current = programmeWith(elbows);
  const base = { current, requiredLessons: [], editor };

  it('needs a reason to give an exercise held back only in the first phase', () => {
    const result = checkProgrammeContent(
      withOverride(programmeWith(pressUp), undefined),
      profile,
      base,
    );
    if (result.ok) throw new Error('expected a problem');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toEqual([
      'weeks',
      0,
      'sessions',
      0,
      'exercises',
      0,
      'override',
      'reason',
    ]);
    expect(result.problems[0]?.message).toMatch(/^is needed: .*safety\.direction\.extensionEarly/u);
  });

  it('accepts it with a reason, recording who, when, the rules and a rationale entry', () => {
    const result = checkProgrammeContent(
      withOverride(programmeWith(pressUp), {
        reason: 'Centralises with repeated extension in lying.',
        rules: ['safety.direction.extensionEarly'],
        by: '00000000-0000-4000-8000-000000000999',
        at: '2020-01-01T00:00:00.000Z',
      }),
      profile,
      base,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const given = first(result.content);
    // Who and when come from the server, never from the request.
    expect(given.override).toEqual({
      reason: 'Centralises with repeated extension in lying.',
      rules: ['safety.direction.extensionEarly'],
      by: editor.userId,
      at: '2026-11-02T09:00:00.000Z',
    });
    const entry = given.rationale.find((reason) => reason.rule === 'safety.override');
    expect(entry).toMatchObject({ about: 'safety', sources: ['S-MDT', 'S-STEN'] });
    expect(entry?.text).toContain('Centralises with repeated extension in lying.');
    expect(entry?.text).toContain('no end-range extension in the first phase');
    // Week 2 is past the first phase: no override needed, none kept.
    expect(first(result.content, 1).override).toBeUndefined();
  });

  it('keeps who and when of an override already stored, and refuses one missing a rule', () => {
    const stored = checkProgrammeContent(
      withOverride(programmeWith(pressUp), {
        reason: 'Responds well.',
        rules: ['safety.direction.extensionEarly'],
      }),
      profile,
      base,
    );
    if (!stored.ok) throw new Error('expected it stored');
    const later = {
      ...editor,
      userId: '00000000-0000-4000-8000-000000000002',
      at: new Date('2026-11-05T09:00:00Z'),
    };
    const again = checkProgrammeContent(structuredClone(stored.content), profile, {
      current: stored.content,
      requiredLessons: [],
      editor: later,
    });
    if (!again.ok) throw new Error('expected it kept');
    expect(first(again.content).override).toMatchObject({
      by: editor.userId,
      at: '2026-11-02T09:00:00.000Z',
    });
    expect(
      first(again.content).rationale.filter((reason) => reason.rule === 'safety.override'),
    ).toHaveLength(1);

    const unlisted = checkProgrammeContent(
      withOverride(programmeWith(pressUp), { reason: 'Responds well.', rules: [] }),
      profile,
      base,
    );
    if (unlisted.ok) throw new Error('expected a problem');
    expect(unlisted.problems[0]?.path.at(-1)).toBe('rules');
  });

  it('never overrides an absolute reason: osteoporosis and a forward fold', () => {
    const fold = getExercise('forward-fold');
    const result = checkProgrammeContent(
      withOverride(programmeWith(fold), {
        reason: 'Asked for it.',
        rules: ['safety.osteoporosis.flexion'],
      }),
      { ...profile, context: { ...stenosis, osteoporosis: true } },
      base,
    );
    if (result.ok) throw new Error('expected a refusal');
    expect(result.problems[0]?.path.at(-1)).toBe('id');
    expect(result.problems[0]?.message).toMatch(/Osteoporosis/u);
  });
});

describe('applyDecision: overrides', () => {
  const overridden = (): Programme => {
    const result = checkProgrammeContent(
      withOverride(programmeWith(pressUp), {
        reason: 'Responds well.',
        rules: ['safety.direction.extensionEarly'],
      }),
      profile,
      { current: programmeWith(elbows), requiredLessons: [], editor },
    );
    if (!result.ok) throw new Error('expected it stored');
    return result.content;
  };
  const decision = (programme: Programme, proposedId: string): ProgressionDecision => {
    const given = first(programme);
    const target = getExercise(proposedId);
    const dose = {
      sets: given.sets,
      ...(given.reps === undefined ? {} : { reps: given.reps }),
      perDay: given.perDay,
      daysPerWeek: given.daysPerWeek,
    };
    const step = stepUp(pressUp, dose);
    if (step === null) throw new Error('no step');
    return {
      exerciseId: given.id,
      name: given.name,
      decision: proposedId === given.id ? 'progress' : 'regress',
      reason: 'Test.',
      rule: 'progress.criteriaMet',
      sources: ['S-PMM'],
      logs: [],
      current: { exerciseId: given.id, level: given.level, dose },
      proposed:
        proposedId === given.id
          ? {
              exerciseId: given.id,
              level: given.level,
              dose: step.dose,
              change: { kind: 'dose', ...step.step },
            }
          : {
              exerciseId: target.id,
              level: target.level,
              dose: target.dosage.default,
              change: {
                kind: 'level',
                fromExercise: given.id,
                toExercise: target.id,
                fromLevel: given.level,
                toLevel: target.level,
              },
            },
      requiresClinician: true,
    };
  };

  it('keeps the override on a dose step of the same exercise', () => {
    const programme = overridden();
    const result = applyDecision(programme, decision(programme, pressUp.id), '2026-11-03', profile);
    if (!result.ok) throw new Error(result.reason);
    expect(first(result.content).override?.reason).toBe('Responds well.');
  });

  it('never carries it over to another exercise: that one is checked afresh', () => {
    const programme = overridden();
    const result = applyDecision(programme, decision(programme, elbows.id), '2026-11-03', profile);
    if (!result.ok) throw new Error(result.reason);
    expect(first(result.content).id).toBe(elbows.id);
    expect(first(result.content).override).toBeUndefined();
    expect(first(result.content).rationale.map((reason) => reason.rule)).not.toContain(
      'safety.override',
    );
  });
});
