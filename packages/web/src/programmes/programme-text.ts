/** A programme's numbers in words, for the clinician and the patient's handout alike. */
import type { ActivityQuota, PhaseId, PrescribedExercise } from '@spinewise/clinical';

const times = (count: number) => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`);

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** `2 sets of 10, twice a day, 5 days a week`. */
export function doseText(exercise: PrescribedExercise): string {
  let amount: string;
  if (exercise.minutes !== undefined) {
    amount = `${plural(exercise.sets, 'set')} of ${plural(exercise.minutes, 'minute')}`;
  } else if (exercise.holdSeconds !== undefined) {
    amount = `${plural(exercise.sets, 'set')} of ${plural(exercise.reps ?? 1, 'hold')} of ${exercise.holdSeconds} seconds`;
  } else {
    const reps =
      exercise.repsPerSet !== undefined && exercise.repsPerSet.length > 1
        ? exercise.repsPerSet.join('-')
        : String(exercise.reps ?? 1);
    amount = `${plural(exercise.sets, 'set')} of ${reps}`;
  }
  return `${amount}, ${times(exercise.perDay)} a day, ${plural(exercise.daysPerWeek, 'day')} a week`;
}

const activityNames: Readonly<Record<ActivityQuota['kind'], string>> = {
  walking: 'Walking',
  walkingIntervals: 'Walking, in short bouts with rests',
  cycling: 'Cycling',
};

export function activityText(activity: ActivityQuota): string {
  return `${activityNames[activity.kind]}: ${plural(activity.minutesPerDay, 'minute')} a day, ${plural(activity.daysPerWeek, 'day')} a week`;
}

export const phaseNames: Readonly<Record<PhaseId, string>> = {
  settle: 'Settle',
  control: 'Control',
  function: 'Function',
  maintain: 'Maintain',
};
