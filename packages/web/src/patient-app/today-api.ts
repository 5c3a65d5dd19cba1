/** The patient's programme for today (`GET /api/me/today`), as the API's `Today` schema has it. */
import { addDays, type Animation } from '@spinewise/clinical';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { cachedFetch, useCachedQuery } from './offline/cached-query.js';
import type { OutboxEntry } from './offline/outbox.js';

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
  /** How to do it, from the library (sent with the programme so it works offline). */
  readonly guide: ExerciseGuide | null;
}

export interface ExerciseGuide {
  readonly summary: string;
  readonly steps: readonly string[];
  readonly cues: readonly string[];
  readonly stopIf: readonly string[];
  readonly restSeconds: number;
  /** Whether the camera coach can follow it. */
  readonly coached: boolean;
  readonly animation: Animation;
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

// ---------------------------------------------------------------- logs and check-ins

/** One exercise's log as `POST /api/me/logs` takes it (the clinical core's `SessionLog`). */
export interface SessionLogBody {
  readonly date: string;
  readonly exerciseId: string;
  readonly setsDone: number;
  readonly repsDone?: number;
  readonly holdSecondsDone?: number;
  readonly minutesDone?: number;
  readonly completed: 'done' | 'partly' | 'skipped';
  readonly painBefore?: number;
  readonly painDuring?: number;
  readonly painAfter?: number;
  readonly difficulty?: 'easy' | 'moderate' | 'hard';
  readonly symptoms?: readonly LogSymptomId[];
  readonly note?: string;
}

export type LogSymptomId =
  | 'peripheralisation'
  | 'newNumbnessOrWeakness'
  | 'bladderBowelSaddle'
  | 'feverUnwell'
  | 'nightPain';

export const LOGS_URL = '/api/me/logs';
export const CHECK_INS_URL = '/api/me/check-ins';

/** The next-morning check-in as `POST /api/me/check-ins` takes it. */
export interface CheckInBody {
  readonly sessionOn: string;
  readonly pain: number;
  readonly stiffness: number;
}

export interface CheckIn extends CheckInBody {
  readonly id: string;
  readonly createdAt: string;
}

export const checkInsQueryKey = (from: string, to: string) =>
  ['me', 'check-ins', from, to] as const;

export async function fetchCheckIns(
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<readonly CheckIn[]> {
  const params = new URLSearchParams({ from, to });
  return (await api.get<{ checkIns: CheckIn[] }>(`/api/me/check-ins?${params}`, signal)).checkIns;
}

/** Every exercise of the week's sessions, once each, in order. */
export function exercisesOf(week: ProgrammeWeek): TodayExercise[] {
  const seen = new Set<string>();
  return week.sessions.flatMap((session) =>
    session.exercises.filter((exercise) => {
      if (seen.has(exercise.id)) return false;
      seen.add(exercise.id);
      return true;
    }),
  );
}

/** Repetitions set by set: the pyramid when there is one, else the same count each set. */
export function repsPlan(exercise: Pick<TodayExercise, 'sets' | 'reps' | 'repsPerSet'>): number[] {
  if (exercise.repsPerSet !== undefined && exercise.repsPerSet.length > 0) {
    return [...exercise.repsPerSet];
  }
  return Array.from({ length: exercise.sets }, () => exercise.reps ?? 1);
}

/** Today's programme, kept on the phone for when there is no connection. */
export function useToday() {
  return useCachedQuery({
    queryKey: todayQueryKey,
    queryFn: ({ signal }) => fetchToday(signal),
    storeKey: 'today',
  });
}

/**
 * `/app`'s loader: today's programme is asked for as the navigation starts, alongside the
 * session check rather than after it. A failure is the page's to show.
 */
export function prefetchToday(client: QueryClient): () => null {
  return () => {
    void client
      .query({
        queryKey: todayQueryKey,
        queryFn: cachedFetch('today', ({ signal }) => fetchToday(signal)),
        networkMode: 'always',
      })
      .catch(() => undefined);
    return null;
  };
}

/** One of my logs as the server keeps it (`GET /api/me/logs`). */
export interface MyLog {
  readonly id: string;
  readonly idempotencyKey: string;
  readonly createdAt: string;
  readonly log: SessionLogBody;
}

export function fetchMyLogs(
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<{ readonly logs: readonly MyLog[] }> {
  return api.get(`${LOGS_URL}?from=${from}&to=${to}`, signal);
}

/**
 * The logs of yesterday and today the server has: those made on another phone (or before this
 * phone's copy was cleared) count as done too. Kept on the phone for offline use.
 */
export function useRecentLogs(date: string) {
  const from = addDays(date, -1);
  return useCachedQuery({
    queryKey: ['me', 'logs', from, date],
    queryFn: ({ signal }) => fetchMyLogs(from, date, signal),
    storeKey: 'recent-logs',
  });
}

/**
 * The outbox's entries with the server's logs it does not hold (matched by Idempotency-Key),
 * as sent entries: one list for "what is done", whichever phone did it.
 */
export function withServerLogs(
  entries: readonly OutboxEntry[],
  logs: readonly MyLog[] | undefined,
): readonly OutboxEntry[] {
  if (logs === undefined || logs.length === 0) return entries;
  const held = new Set(entries.map((entry) => entry.key));
  const extra = logs
    .filter((row) => !held.has(row.idempotencyKey))
    .map((row): OutboxEntry => ({
      key: row.idempotencyKey,
      kind: 'log',
      url: LOGS_URL,
      body: row.log,
      createdAt: row.createdAt,
      state: 'sent',
      sentAt: row.createdAt,
    }));
  return extra.length === 0 ? entries : [...entries, ...extra];
}
