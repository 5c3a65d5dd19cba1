import { describe, expect, it } from 'vitest';
import { isWithinBounds } from '../exercises/dosing.js';
import { exerciseLibrary } from '../exercises/library/index.js';
import { lessonIds } from '../education/index.js';
import { postureTasks } from '../education/tasks.js';
import { ClinicalInputError } from '../input-error.js';
import { doseOf, type Programme } from './programme.js';
import { generateProgramme, goalKind, planPhases } from './generate.js';
import { phaseTemplates, protectedSlots } from './templates.js';
import { acuteLowBack } from './profile.fixture.js';

const byId = new Map(exerciseLibrary.map((exercise) => [exercise.id, exercise]));
const exerciseIds = (programme: Programme) =>
  programme.weeks.flatMap((week) =>
    week.sessions.flatMap((session) => session.exercises.map((exercise) => exercise.id)),
  );

function errorOf(run: () => unknown): ClinicalInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('generateProgramme', () => {
  it('builds a dated six-week programme in phases, deterministically', () => {
    const programme = generateProgramme(acuteLowBack);
    expect(programme.status).toBe('active');
    expect(programme.weeks).toHaveLength(6);
    expect(programme.weeks.map((week) => week.phase)).toEqual([
      'control',
      'control',
      'control',
      'function',
      'function',
      'maintain',
    ]);
    expect(programme.weeks[0]?.startDate).toBe('2026-11-23');
    expect(programme.weeks[1]?.startDate).toBe('2026-11-30');
    expect(programme.endDate).toBe('2027-01-03');
    expect(programme.phases.map((phase) => [phase.phase, phase.weeks])).toEqual([
      ['control', [1, 2, 3]],
      ['function', [4, 5]],
      ['maintain', [6]],
    ]);
    expect(generateProgramme(acuteLowBack)).toEqual(programme);
  });

  it('explains the starting phase from the ODI with the TBC default bands [S-TBC]', () => {
    const programme = generateProgramme(acuteLowBack);
    expect(programme.rationale[0]).toMatchObject({
      rule: 'phase.start.tbc.control',
      sources: ['S-TBC'],
      isDefault: true,
    });
    expect(generateProgramme({ ...acuteLowBack, scores: { odi: 48 } }).weeks[0]?.phase).toBe(
      'settle',
    );
    expect(generateProgramme({ ...acuteLowBack, scores: { odi: 12 } }).weeks[0]?.phase).toBe(
      'function',
    );
    expect(generateProgramme(acuteLowBack, { startPhase: 'settle' }).rationale[0]?.rule).toBe(
      'phase.start.clinician',
    );
  });

  it('gives every session 2–4 exercises within their bounds and the time available', () => {
    const programme = generateProgramme(acuteLowBack);
    for (const week of programme.weeks) {
      for (const session of week.sessions) {
        expect(session.exercises.length).toBeGreaterThanOrEqual(2);
        expect(session.exercises.length).toBeLessThanOrEqual(4);
        expect(session.dailyMinutes).toBeLessThanOrEqual(acuteLowBack.minutesPerDay);
        for (const exercise of session.exercises) {
          const definition = byId.get(exercise.id);
          expect(definition).toBeDefined();
          if (definition !== undefined)
            expect(isWithinBounds(definition, doseOf(exercise))).toBe(true);
          expect(exercise.rationale.length).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });

  it('brings in the lifting chain by the function phase for a lifting goal', () => {
    const programme = generateProgramme(acuteLowBack);
    const functionWeeks = programme.weeks.filter((week) => week.phase === 'function');
    const ids = functionWeeks.flatMap(
      (week) => week.sessions[0]?.exercises.map((exercise) => exercise.id) ?? [],
    );
    expect(ids.some((id) => byId.get(id)?.chain === byId.get('lifting-technique')?.chain)).toBe(
      true,
    );
    expect(goalKind({ activity: 'Lifting my toddler' })).toEqual({
      kind: 'lifting',
      inferred: true,
    });
    expect(goalKind({ activity: 'Knitting' })).toEqual({ kind: 'other', inferred: true });
    expect(goalKind({ activity: 'Knitting', kind: 'sport' })).toEqual({
      kind: 'sport',
      inferred: false,
    });
  });

  it('unlocks lessons that exist, with the cauda equina lesson in week 1 [S-CES]', () => {
    const programme = generateProgramme(acuteLowBack);
    expect(programme.weeks[0]?.lessons[0]).toBe('cauda-equina-warning-signs');
    expect(programme.requiredLessons).toEqual(['cauda-equina-warning-signs']);
    const all = programme.weeks.flatMap((week) => week.lessons);
    for (const lesson of all) expect(lessonIds).toContain(lesson);
    expect(new Set(all).size).toBe(all.length);
    expect(programme.weeks.at(-1)?.lessons).toContain('keeping-healthy');
  });

  it('puts pain education, pacing and relaxation first for high STarT Back risk [S-SB]', () => {
    const high = generateProgramme({ ...acuteLowBack, sbstRisk: 'high', scores: { odi: 48 } });
    expect(high.weeks[0]?.lessons).toEqual(
      expect.arrayContaining(['understanding-pain', 'pacing-and-graded-activity']),
    );
    expect(exerciseIds(high)).toContain('diaphragmatic-breathing');
    expect(high.rationale.some((reason) => reason.rule === 'pathway.high')).toBe(true);
  });

  it('plans questionnaires at weeks 0, 3 and 6', () => {
    const programme = generateProgramme(acuteLowBack);
    expect(programme.reassessments.map((entry) => [entry.week, entry.date])).toEqual([
      [0, '2026-11-23'],
      [3, '2026-12-13'],
      [6, '2027-01-03'],
    ]);
    expect(programme.reassessments[0]?.instruments).toEqual(['odi', 'nprs', 'psfs', 'sbst']);
    expect(programme.weeks[0]?.reassessments.map((entry) => entry.week)).toEqual([0]);
    expect(programme.weeks[2]?.reassessments.map((entry) => entry.week)).toEqual([3]);
  });

  it('raises the graded walking quota 10 % a week from 20 % below baseline [S-GRADED]', () => {
    const programme = generateProgramme({ ...acuteLowBack, activityBaselineMinutes: 20 });
    expect(programme.weeks.map((week) => week.activity.minutesPerDay)).toEqual([
      16, 18, 19, 21, 23, 26,
    ]);
    const unmeasured = generateProgramme(acuteLowBack);
    expect(unmeasured.weeks[0]?.activity.rationale[0]?.text).toMatch(/default 10-minute baseline/);
  });

  it('assigns posture tasks that suit the phase and region', () => {
    const programme = generateProgramme(acuteLowBack);
    const tasks = new Map(postureTasks.map((task) => [task.id, task]));
    for (const week of programme.weeks) {
      expect(week.tasks.length).toBeGreaterThanOrEqual(1);
      for (const id of week.tasks) {
        expect(tasks.get(id)?.phases).toContain(week.phase);
      }
    }
    expect(
      programme.weeks.filter((week) => week.phase === 'function').flatMap((week) => week.tasks),
    ).toContain('lifting-at-home');
  });

  it('blocks when the screen says emergency and no clinician decision is recorded [S-CES]', () => {
    const emergency = { ...acuteLowBack, redFlags: { findings: { saddleNumbness: true } } };
    const blocked = generateProgramme(emergency);
    expect(blocked.status).toBe('blocked');
    expect(blocked.weeks).toEqual([]);
    expect(blocked.blocked?.action).toBe('emergency');
    expect(blocked.blocked?.concerns[0]?.findings).toEqual(['saddleNumbness']);
    expect(blocked.requiredLessons).toEqual(['cauda-equina-warning-signs']);
    const referred = generateProgramme({
      ...emergency,
      clinicianDecision: { decision: 'referred', reason: 'Sent to ED' },
    });
    expect(referred.status).toBe('blocked');
    const cleared = generateProgramme({
      ...emergency,
      clinicianDecision: {
        decision: 'reviewedAndCleared',
        reason: 'Long-standing, investigated 2024',
      },
    });
    expect(cleared.status).toBe('active');
    expect(cleared.rationale.some((reason) => reason.rule === 'blocked.cleared')).toBe(true);
  });

  it('keeps a post-fusion patient without clearance to walking, breathing and gentle isometrics [S-FUSION]', () => {
    const programme = generateProgramme({
      ...acuteLowBack,
      condition: 'postFusion',
      surgeryDate: '2026-11-01',
    });
    expect(programme.weeks.every((week) => week.phase === 'settle')).toBe(true);
    for (const id of exerciseIds(programme)) {
      const exercise = byId.get(id);
      expect(
        exercise?.movement.gentleIsometric === true || exercise?.aims.includes('relaxation'),
      ).toBe(true);
    }
    const cleared = generateProgramme({
      ...acuteLowBack,
      condition: 'postFusion',
      surgeryDate: '2026-09-01',
      surgeonClearance: true,
    });
    expect(cleared.weeks.some((week) => week.phase !== 'settle')).toBe(true);
  });

  it('follows an extension preference in the first phase [S-MDT]', () => {
    const programme = generateProgramme({
      ...acuteLowBack,
      directionalPreference: 'extension',
      scores: { odi: 46 },
    });
    expect(programme.weeks[0]?.sessions[0]?.exercises[0]?.id).toBe('prone-press-up');
    expect(programme.excluded.some((entry) => entry.id === 'childs-pose')).toBe(true);
  });

  it('uses walking intervals or cycling for stenosis, and flexion-biased exercise [S-STEN]', () => {
    const stenosis = { ...acuteLowBack, condition: 'stenosis', age: 71, scores: { odi: 44 } };
    expect(generateProgramme(stenosis).weeks[0]?.activity.kind).toBe('walkingIntervals');
    expect(
      generateProgramme({ ...stenosis, equipment: ['chair', 'bike'] }).weeks[0]?.activity.kind,
    ).toBe('cycling');
    expect(generateProgramme(stenosis).weeks[0]?.sessions[0]?.exercises[0]?.id).toBe(
      'seated-flexion',
    );
  });

  it('fits a short day by dropping exercises, then using minimal doses', () => {
    const short = generateProgramme({ ...acuteLowBack, minutesPerDay: 5 });
    for (const week of short.weeks) {
      expect(week.sessions[0]?.dailyMinutes).toBeLessThanOrEqual(5);
      expect(week.sessions[0]?.exercises.length).toBeGreaterThanOrEqual(2);
    }
    expect(
      short.weeks.some((week) => week.rationale.some((reason) => reason.rule === 'time.fit')),
    ).toBe(true);
  });

  it('builds a neck programme with the neck warning signs', () => {
    const neck = generateProgramme({
      ...acuteLowBack,
      region: 'cervical',
      condition: 'neckNonspecific',
      scores: { ndi: 30, nprs: 5 },
    });
    expect(neck.weeks[0]?.lessons[0]).toBe('neck-warning-signs');
    expect(neck.requiredLessons).toEqual(['neck-warning-signs']);
    expect(neck.reassessments[0]?.instruments).toEqual(['ndi', 'nprs', 'psfs']);
    expect(exerciseIds(neck)).toContain('chin-tuck');
  });

  it('validates the profile and names the field', () => {
    expect(errorOf(() => generateProgramme({ ...acuteLowBack, minutesPerDay: 2 })).path).toEqual([
      'minutesPerDay',
    ]);
    expect(errorOf(() => generateProgramme({ ...acuteLowBack, region: 'thoracic' })).path).toEqual([
      'region',
    ]);
    expect(
      errorOf(() => generateProgramme({ ...acuteLowBack, condition: 'neckNonspecific' })).path,
    ).toEqual(['condition']);
    expect(
      errorOf(() => generateProgramme({ ...acuteLowBack, startDate: '2026-02-30' })).path,
    ).toEqual(['startDate']);
    expect(
      errorOf(() => generateProgramme({ ...acuteLowBack, condition: 'postFusion' })).path,
    ).toEqual(['surgeryDate']);
    expect(errorOf(() => generateProgramme({ ...acuteLowBack, redFlags: {} })).path).toEqual([
      'redFlags',
      'findings',
    ]);
    expect(
      errorOf(() =>
        generateProgramme({ ...acuteLowBack, redFlags: { findings: { fever: 'yes' } } }),
      ).path,
    ).toEqual(['findings', 'fever']);
    expect(
      errorOf(() => generateProgramme({ ...acuteLowBack, goals: [{ activity: '' }] })).path,
    ).toEqual(['goals', 0, 'activity']);
    expect(
      errorOf(() => generateProgramme({ ...acuteLowBack, equipment: ['treadmill'] })).path,
    ).toEqual(['equipment', 0]);
    expect(errorOf(() => generateProgramme({ ...acuteLowBack, shoeSize: 9 })).path).toEqual([
      'shoeSize',
    ]);
    expect(errorOf(() => generateProgramme({ ...acuteLowBack, age: 12 })).path).toEqual(['age']);
    expect(errorOf(() => generateProgramme(acuteLowBack, { weeks: 0 })).path).toEqual([
      'options',
      'weeks',
    ]);
    expect(
      errorOf(() => generateProgramme(acuteLowBack, { exercisesPerSession: { min: 3, max: 2 } }))
        .path,
    ).toEqual(['options', 'exercisesPerSession', 'max']);
    expect(errorOf(() => generateProgramme('profile')).path).toEqual([]);
  });

  it('honours configured weeks, session size and reassessment weeks', () => {
    const programme = generateProgramme(acuteLowBack, {
      weeks: 8,
      exercisesPerSession: { min: 2, max: 3 },
      reassessmentWeeks: [0, 4, 8],
    });
    expect(programme.weeks).toHaveLength(8);
    for (const week of programme.weeks)
      expect(week.sessions[0]?.exercises.length).toBeLessThanOrEqual(3);
    expect(programme.reassessments.map((entry) => entry.week)).toEqual([0, 4, 8]);
  });
});

describe('planPhases', () => {
  it('spreads the active phases and ends with maintain', () => {
    expect(planPhases('settle', 6, false)).toEqual([
      'settle',
      'settle',
      'control',
      'control',
      'function',
      'maintain',
    ]);
    expect(planPhases('function', 6, false)).toEqual([
      'function',
      'function',
      'function',
      'function',
      'function',
      'maintain',
    ]);
    expect(planPhases('settle', 2, false)).toEqual(['settle', 'control']);
    expect(planPhases('settle', 1, false)).toEqual(['settle']);
    expect(planPhases('maintain', 2, false)).toEqual(['maintain', 'maintain']);
    expect(planPhases('control', 6, true)).toEqual(Array.from({ length: 6 }, () => 'settle'));
  });
});

describe('templates', () => {
  it('name only exercises in the library', () => {
    const slots = [
      ...protectedSlots,
      ...Object.values(phaseTemplates).flatMap((phases) =>
        Object.values(phases).flatMap((phase) => phase.slots),
      ),
    ];
    const named = slots.flatMap((slot) => [
      ...Object.values(slot.candidates).flat(),
      ...Object.values(slot.goals ?? {}).flat(),
      ...(slot.highRisk ?? []),
    ]);
    expect(named.filter((id) => !byId.has(id))).toEqual([]);
  });
});
