/**
 * Small hand-made exercises and programmes for the progression tests (imported only by tests).
 * Two levels of a bridge chain and a walk, with bounds chosen so every dosing branch is reachable.
 */
import type { Dose, Exercise } from '../exercises/exercise.js';
import type { PrescribedExercise, Programme } from '../programmes/programme.js';
import { standing } from '../skeleton/poses.js';
import { isoDate, dayNumber } from '../dates.js';

function exercise(overrides: Partial<Exercise> & Pick<Exercise, 'id' | 'dosage'>): Exercise {
  return {
    name: overrides.id,
    region: 'lumbar',
    aims: ['strength'],
    equipment: ['mat'],
    position: 'supine',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    chain: overrides.id,
    level: 1,
    regression: null,
    progression: null,
    summary: 'Test exercise.',
    steps: ['Do it.'],
    cues: [],
    mistakes: [],
    feel: 'Fine.',
    stopIf: [],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 2,
      keyframes: [
        { at: 0, pose: standing },
        { at: 1, pose: standing },
      ],
    },
    sources: ['S-ACSM'],
    ...overrides,
  };
}

const bridgeDosage: Exercise['dosage'] = {
  kind: 'reps',
  default: { sets: 1, reps: 8, perDay: 1, daysPerWeek: 7 },
  bounds: {
    sets: { min: 1, max: 2, step: 1 },
    reps: { min: 8, max: 12, step: 2 },
    perDay: { min: 1, max: 2 },
    daysPerWeek: { min: 3, max: 7 },
  },
  progressionOrder: ['reps', 'sets'],
  secondsPerRep: 4,
  restSeconds: 30,
  rationale: 'Test.',
  sources: ['S-ACSM'],
};

export const bridge1 = exercise({
  id: 'bridge-1',
  name: 'Bridge',
  chain: 'bridge',
  level: 1,
  progression: 'bridge-2',
  dosage: bridgeDosage,
});

export const bridge2 = exercise({
  id: 'bridge-2',
  name: 'Single-leg bridge',
  chain: 'bridge',
  level: 2,
  regression: 'bridge-1',
  dosage: { ...bridgeDosage, default: { sets: 1, reps: 10, perDay: 1, daysPerWeek: 7 } },
});

export const walk = exercise({
  id: 'walk',
  name: 'Walk',
  aims: ['aerobic'],
  position: 'walking',
  dosage: {
    kind: 'duration',
    default: { sets: 1, minutes: 10, perDay: 1, daysPerWeek: 7 },
    bounds: {
      sets: { min: 1, max: 1, step: 1 },
      minutes: { min: 10, max: 20, step: 5 },
      perDay: { min: 1, max: 1 },
      daysPerWeek: { min: 3, max: 7 },
    },
    progressionOrder: ['minutes'],
    secondsPerRep: 0,
    restSeconds: 0,
    rationale: 'Test.',
    sources: ['S-GRADED'],
  },
});

export const testExercises: ReadonlyMap<string, Exercise> = new Map(
  [bridge1, bridge2, walk].map((item) => [item.id, item]),
);

export const lookup = (id: string): Exercise | undefined => testExercises.get(id);

/** A prescription of an exercise at a dose (its default unless given). */
export function prescribe(item: Exercise, dose: Partial<Dose> = {}): PrescribedExercise {
  const full = { ...item.dosage.default, ...dose };
  return {
    id: item.id,
    name: item.name,
    chain: item.chain,
    level: item.level,
    kind: item.dosage.kind,
    ...full,
    boutMinutes: 5,
    dailyMinutes: 5 * full.perDay,
    cautions: [],
    rationale: [],
  };
}

export const programmeStart = '2025-03-03';

/** A date `offset` days after the programme start (day 0 = 2025-03-03, a Monday). */
export function day(offset: number): string {
  return isoDate((dayNumber(programmeStart) as number) + offset);
}

/** A programme of consecutive 7-day weeks from 2025-03-03, one session a week. */
export function makeProgramme(weeks: readonly (readonly PrescribedExercise[])[]): Programme {
  return {
    status: 'active',
    generator: 'test',
    region: 'lumbar',
    condition: 'test',
    startDate: programmeStart,
    endDate: day(weeks.length * 7 - 1),
    phases: [],
    weeks: weeks.map((exercises, index) => ({
      week: index + 1,
      startDate: day(index * 7),
      endDate: day(index * 7 + 6),
      phase: 'control',
      sessions: [
        { id: `s${index + 1}`, name: 'Session', daysPerWeek: 7, exercises, dailyMinutes: 10 },
      ],
      activity: { kind: 'walking', minutesPerDay: 10, daysPerWeek: 5, rationale: [] },
      lessons: [],
      tasks: [],
      reassessments: [],
      rationale: [],
    })),
    reassessments: [],
    screen: {
      region: 'lumbar',
      action: 'none',
      concerns: [],
      unanswered: [],
      safetyNet: null,
      contraindications: [],
      requiresClinicianDecision: false,
      disclaimer: '',
      sources: [],
    },
    blocked: null,
    rationale: [],
    excluded: [],
    requiredLessons: [],
  };
}

/** A good session of an exercise: safe pain, settled, moderate. Override any field. */
export function goodLog(
  date: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    date,
    exerciseId: 'bridge-1',
    setsDone: 1,
    painBefore: 1,
    painDuring: 2,
    painAfter: 2,
    nextMorningPain: 1,
    difficulty: 'moderate',
    ...overrides,
  };
}

/** Good logs of an exercise on each of the given day offsets. */
export function goodLogs(
  offsets: readonly number[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown>[] {
  return offsets.map((offset) => goodLog(day(offset), overrides));
}
