/**
 * Doses: stepping one variable by one step (REFERENCE §5: one variable at a time, reps → sets →
 * level → load), checking bounds, and how long a dose takes.
 */
import type { Dose, DoseVariable, Exercise, Range } from './exercise.js';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

export interface DoseStep {
  readonly variable: DoseVariable;
  readonly from: number;
  readonly to: number;
}

function rangeOf(exercise: Exercise, variable: DoseVariable): Range | undefined {
  return exercise.dosage.bounds[variable];
}

function valueOf(dose: Dose, variable: DoseVariable): number | undefined {
  return dose[variable];
}

/** Whether every variable of the dose lies within the exercise's bounds. */
export function isWithinBounds(exercise: Exercise, dose: Dose): boolean {
  const { bounds } = exercise.dosage;
  const inRange = (value: number | undefined, range: { min: number; max: number } | undefined) =>
    value === undefined
      ? range === undefined
      : range !== undefined && value >= range.min && value <= range.max;
  return (
    inRange(dose.sets, bounds.sets) &&
    inRange(dose.perDay, bounds.perDay) &&
    inRange(dose.daysPerWeek, bounds.daysPerWeek) &&
    (dose.reps === undefined || inRange(dose.reps, bounds.reps)) &&
    (dose.holdSeconds === undefined || inRange(dose.holdSeconds, bounds.holdSeconds)) &&
    (dose.minutes === undefined || inRange(dose.minutes, bounds.minutes))
  );
}

/**
 * The next harder dose: the first variable in the exercise's progression order that can still
 * rise, raised by one step (capped at its maximum). `null` when every variable is at its
 * maximum: the next progression is the chain's next level. [S-ACSM] [S-MCGILL]
 */
export function stepUp(exercise: Exercise, dose: Dose): { dose: Dose; step: DoseStep } | null {
  for (const variable of exercise.dosage.progressionOrder) {
    const range = rangeOf(exercise, variable);
    const value = valueOf(dose, variable);
    if (range === undefined || value === undefined || value >= range.max) continue;
    const to = Math.min(range.max, value + range.step);
    return { dose: { ...dose, [variable]: to }, step: { variable, from: value, to } };
  }
  return null;
}

/**
 * The next easier dose: the last variable in the progression order that can still fall,
 * lowered by one step (floored at its minimum). `null` when every variable is at its minimum:
 * the next regression is the chain's level below.
 */
export function stepDown(exercise: Exercise, dose: Dose): { dose: Dose; step: DoseStep } | null {
  const order = [...exercise.dosage.progressionOrder].reverse();
  for (const variable of order) {
    const range = rangeOf(exercise, variable);
    const value = valueOf(dose, variable);
    if (range === undefined || value === undefined || value <= range.min) continue;
    const to = Math.max(range.min, value - range.step);
    return { dose: { ...dose, [variable]: to }, step: { variable, from: value, to } };
  }
  return null;
}

/** The smallest dose the bounds allow (for fitting a session into little time). */
export function minimalDose(exercise: Exercise): Dose {
  const { bounds } = exercise.dosage;
  const base = exercise.dosage.default;
  return {
    ...base,
    sets: bounds.sets.min,
    ...(base.reps === undefined || bounds.reps === undefined ? {} : { reps: bounds.reps.min }),
    ...(base.holdSeconds === undefined || bounds.holdSeconds === undefined
      ? {}
      : { holdSeconds: bounds.holdSeconds.min }),
    ...(base.minutes === undefined || bounds.minutes === undefined
      ? {}
      : { minutes: bounds.minutes.min }),
    perDay: bounds.perDay.min,
  };
}

/**
 * Repetitions in each set: all alike, or a descending pyramid (6-4-2) for exercises dosed that
 * way, never below one. [S-MCGILL]
 */
export function repsPerSet(exercise: Exercise, dose: Dose): number[] {
  const reps = dose.reps ?? 0;
  const step = exercise.dosage.pyramid?.step ?? 0;
  return Array.from({ length: dose.sets }, (_, set) => Math.max(1, reps - set * step));
}

/** Seconds one bout of the exercise takes at this dose (all sets, with rests between them). */
export function boutSeconds(exercise: Exercise, dose: Dose): number {
  const { kind, secondsPerRep, restSeconds } = exercise.dosage;
  const rests = Math.max(0, dose.sets - 1) * restSeconds;
  switch (kind) {
    case 'duration':
      return dose.sets * (dose.minutes ?? 0) * 60 + rests;
    case 'hold':
      return sum(repsPerSet(exercise, dose)) * ((dose.holdSeconds ?? 0) + secondsPerRep) + rests;
    case 'reps':
      return sum(repsPerSet(exercise, dose)) * secondsPerRep + rests;
  }
}

/** Minutes a day the exercise takes at this dose (bouts × times a day). */
export function dailyMinutes(exercise: Exercise, dose: Dose): number {
  return (boutSeconds(exercise, dose) * dose.perDay) / 60;
}
