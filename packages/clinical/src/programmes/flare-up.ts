/**
 * The gentler set of the flare-up plan (issue 6 §3): today's exercises, each one step back, the
 * way the progression rules regress (REFERENCE §5 "regress one level"; [S-PMM] pain during above
 * 5 is too much). For each exercise:
 * - the level below in its chain, at that level's default dose, when the patient's programme
 *   has it (the programme was safety-checked for this patient, so that level is allowed for them,
 *   and a log may name it);
 * - else the same exercise with one dose variable one step down (`stepDown`: the last variable
 *   of its progression order that can still fall) [S-ACSM] [S-MCGILL];
 * - else, at the lowest dose with no allowed level below, the exercise as it is.
 * A default for a bad day, not a change to the programme: the clinician's programme stands.
 */
import { repsPerSet, stepDown, type DoseStep } from '../exercises/dosing.js';
import type { Dose, DoseVariable, Exercise } from '../exercises/exercise.js';
import { getExercise } from '../exercises/library/index.js';
import { ClinicalInputError } from '../input-error.js';

/** A prescribed exercise, as much of it as the gentler set needs. */
export interface FlareUpInput {
  readonly id: string;
  readonly sets: number;
  readonly reps?: number;
  readonly holdSeconds?: number;
  readonly minutes?: number;
  readonly perDay: number;
  readonly daysPerWeek: number;
}

export type GentlerChange =
  | {
      readonly kind: 'level';
      readonly fromExercise: string;
      readonly fromLevel: number;
      readonly toLevel: number;
    }
  | ({ readonly kind: 'dose' } & DoseStep)
  | { readonly kind: 'none' };

export interface GentlerExercise {
  /** The exercise of today's session it stands in for. */
  readonly insteadOf: string;
  /** The exercise to do (and to name in the log). */
  readonly exerciseId: string;
  readonly name: string;
  readonly level: number;
  readonly dose: Dose;
  /** Repetitions set by set (all alike, or the descending pyramid). */
  readonly repsPerSet: readonly number[];
  readonly change: GentlerChange;
  /** The rule, in plain words for the patient. */
  readonly rule: string;
}

export interface FlareUpOptions {
  /** The exercise ids of the patient's programme: the levels allowed for this patient. */
  readonly allowedExerciseIds: ReadonlySet<string>;
}

const variableWords: Readonly<Record<DoseVariable, [string, string]>> = {
  reps: ['repetition', 'repetitions'],
  sets: ['set', 'sets'],
  holdSeconds: ['second hold', 'second holds'],
  minutes: ['minute', 'minutes'],
};

function amount(variable: DoseVariable, value: number): string {
  const [one, many] = variableWords[variable];
  return `${value} ${value === 1 ? one : many}`;
}

function doseOfInput(input: FlareUpInput): Dose {
  return {
    sets: input.sets,
    perDay: input.perDay,
    daysPerWeek: input.daysPerWeek,
    ...(input.reps === undefined ? {} : { reps: input.reps }),
    ...(input.holdSeconds === undefined ? {} : { holdSeconds: input.holdSeconds }),
    ...(input.minutes === undefined ? {} : { minutes: input.minutes }),
  };
}

function gentlerOne(input: FlareUpInput, options: FlareUpOptions): GentlerExercise {
  const exercise: Exercise = getExercise(input.id);
  const dose = doseOfInput(input);
  const base = { insteadOf: exercise.id };

  // REFERENCE §5: regress one level — the chain's level below, when allowed for this patient.
  if (exercise.regression !== null && options.allowedExerciseIds.has(exercise.regression)) {
    const easier = getExercise(exercise.regression);
    const easierDose = easier.dosage.default;
    return {
      ...base,
      exerciseId: easier.id,
      name: easier.name,
      level: easier.level,
      dose: easierDose,
      repsPerSet: repsPerSet(easier, easierDose),
      change: {
        kind: 'level',
        fromExercise: exercise.id,
        fromLevel: exercise.level,
        toLevel: easier.level,
      },
      rule: `One step back: the easier version, ${easier.name}, instead of ${exercise.name}.`,
    };
  }

  // [S-ACSM] [S-MCGILL] otherwise one dose variable one step down.
  const step = stepDown(exercise, dose);
  if (step !== null) {
    const { variable, from, to } = step.step;
    return {
      ...base,
      exerciseId: exercise.id,
      name: exercise.name,
      level: exercise.level,
      dose: step.dose,
      repsPerSet: repsPerSet(exercise, step.dose),
      change: { kind: 'dose', ...step.step },
      rule: `One step back: ${amount(variable, to)} instead of ${amount(variable, from)}.`,
    };
  }

  return {
    ...base,
    exerciseId: exercise.id,
    name: exercise.name,
    level: exercise.level,
    dose,
    repsPerSet: repsPerSet(exercise, dose),
    change: { kind: 'none' },
    rule: 'This is already the gentlest version. Do it slowly, and only as much as feels comfortable.',
  };
}

/**
 * The gentler set for a flare-up day: one entry per exercise of today's session, in its order.
 * Throws `ClinicalInputError` naming `exercises[i]` for an exercise not in the library.
 */
export function flareUpSet(
  exercises: readonly FlareUpInput[],
  options: FlareUpOptions,
): GentlerExercise[] {
  return exercises.map((input, index) => {
    try {
      return gentlerOne(input, options);
    } catch (error) {
      if (error instanceof ClinicalInputError) {
        throw new ClinicalInputError(['exercises', index, 'id'], error.detail);
      }
      throw error;
    }
  });
}
