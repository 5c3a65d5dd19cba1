/** The patient's programme for today (`GET /api/me/today`), as the API's `Today` schema has it. */
import { api } from '../api/client.js';

export interface TodayExercise {
  readonly id: string;
  readonly name: string;
  readonly chain: string;
  readonly level: number;
  readonly kind: string;
  readonly sets: number;
  readonly reps?: number;
  readonly repsPerSet?: readonly number[];
  readonly holdSeconds?: number;
  readonly minutes?: number;
  readonly perDay: number;
  readonly daysPerWeek: number;
  readonly boutMinutes: number;
  readonly dailyMinutes: number;
  readonly cautions: readonly string[];
}

export interface TodaySession {
  readonly id: string;
  readonly name: string;
  readonly daysPerWeek: number;
  readonly dailyMinutes: number;
  readonly exercises: readonly TodayExercise[];
}

export interface ProgrammeWeek {
  readonly week: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly phase: string;
  readonly sessions: readonly TodaySession[];
  readonly activity: {
    readonly kind: 'walking' | 'walkingIntervals' | 'cycling';
    readonly minutesPerDay: number;
    readonly daysPerWeek: number;
  };
  readonly lessons: readonly string[];
  readonly tasks: readonly string[];
}

export interface Today {
  readonly date: string;
  readonly programme: {
    readonly id: string;
    readonly version: number;
    readonly region: string;
    readonly condition: string;
    readonly startDate: string;
    readonly endDate: string;
  };
  /** The week containing today; null before the start or after the end. */
  readonly week: ProgrammeWeek | null;
}

export const todayQueryKey = ['me', 'today'] as const;

export function fetchToday(signal?: AbortSignal): Promise<Today> {
  return api.get<Today>('/api/me/today', signal);
}

function times(count: number): string {
  if (count === 1) return 'once';
  if (count === 2) return 'twice';
  return `${count} times`;
}

/** An exercise's dose in plain words: "2 sets of 10, holding each for 5 seconds, twice a day". */
export function doseInWords(exercise: TodayExercise): string {
  const parts: string[] = [];
  if (exercise.minutes !== undefined) {
    parts.push(`${exercise.minutes} ${exercise.minutes === 1 ? 'minute' : 'minutes'}`);
  } else if (exercise.repsPerSet !== undefined && exercise.repsPerSet.length > 0) {
    parts.push(
      `${exercise.sets} ${exercise.sets === 1 ? 'set' : 'sets'}: ${exercise.repsPerSet.join(' then ')} repetitions`,
    );
  } else if (exercise.reps !== undefined) {
    parts.push(
      `${exercise.sets} ${exercise.sets === 1 ? 'set' : 'sets'} of ${exercise.reps} ${exercise.reps === 1 ? 'repetition' : 'repetitions'}`,
    );
  } else {
    parts.push(`${exercise.sets} ${exercise.sets === 1 ? 'set' : 'sets'}`);
  }
  if (exercise.holdSeconds !== undefined) {
    parts.push(
      `holding each for ${exercise.holdSeconds} ${exercise.holdSeconds === 1 ? 'second' : 'seconds'}`,
    );
  }
  parts.push(`${times(exercise.perDay)} a day`);
  return parts.join(', ');
}

export const activityLabels: Readonly<Record<ProgrammeWeek['activity']['kind'], string>> = {
  walking: 'Walking',
  walkingIntervals: 'Walking in short spells',
  cycling: 'Cycling',
};
