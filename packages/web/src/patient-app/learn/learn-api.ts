/**
 * The patient's lessons (`GET /api/me/lessons`, `GET /api/me/lessons/:lessonId`,
 * `POST /api/me/lessons/:lessonId/progress`), as the API's `PatientLessonList`,
 * `PatientLesson` and `LessonProgress` schemas have them. Both reads keep their last copy on
 * the phone, so a lesson read once can be read again with no connection.
 */
import { api } from '../../api/client.js';
import type { QueryClient } from '@tanstack/react-query';
import { loadAnswer, saveAnswer, useCachedQuery } from '../offline/cached-query.js';

export type LessonKind = 'safety' | 'programme' | 'moreToRead';

export interface LessonListItem {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly kind: LessonKind;
  readonly week: number | null;
  /** The day it opens; `null`: open from the start. */
  readonly unlockedOn: string | null;
  readonly unlocked: boolean;
  readonly completedAt: string | null;
  readonly score: { readonly right: number; readonly total: number } | null;
}

export interface LessonList {
  readonly date: string;
  readonly programme: {
    readonly id: string;
    readonly startDate: string;
    readonly endDate: string;
  } | null;
  readonly lessons: readonly LessonListItem[];
}

export interface AnswerResult {
  readonly questionId: string;
  readonly optionId: string;
  readonly correct: boolean;
  readonly rightOptionId: string;
  readonly explanation: string;
}

export interface CheckQuestion {
  readonly id: string;
  readonly question: string;
  readonly options: readonly { readonly id: string; readonly text: string }[];
  /** The feedback once answered; `null` before. */
  readonly result: AnswerResult | null;
}

export interface BreathingTimer {
  readonly inhaleSeconds: number;
  readonly holdSeconds: number;
  readonly exhaleSeconds: number;
  readonly cycles: number;
}

export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly sections: readonly {
    readonly heading: string;
    readonly paragraphs: readonly string[];
    readonly bullets: readonly string[];
  }[];
  readonly keyPoints: readonly string[];
  readonly checkQuestions: readonly CheckQuestion[];
  readonly breathingTimer: BreathingTimer | null;
  readonly sources: readonly string[];
  readonly completedAt: string | null;
}

export interface LessonProgress {
  readonly lessonId: string;
  readonly completedAt: string;
  readonly results: readonly AnswerResult[];
  readonly score: { readonly right: number; readonly total: number };
}

export const lessonsQueryKey = ['me', 'lessons'] as const;
export const lessonQueryKey = (lessonId: string) => ['me', 'lessons', lessonId] as const;
/** The names of the copies on the phone. */
export const LESSONS_STORE_KEY = 'lessons';
export const lessonStoreKey = (lessonId: string) => `lesson:${lessonId}`;

export function fetchLessons(signal?: AbortSignal): Promise<LessonList> {
  return api.get<LessonList>('/api/me/lessons', signal);
}

export function fetchLesson(lessonId: string, signal?: AbortSignal): Promise<Lesson> {
  return api.get<Lesson>(`/api/me/lessons/${encodeURIComponent(lessonId)}`, signal);
}

export function postAnswers(
  lessonId: string,
  answers: Readonly<Record<string, string>>,
): Promise<LessonProgress> {
  return api.post<LessonProgress>(`/api/me/lessons/${encodeURIComponent(lessonId)}/progress`, {
    answers,
  });
}

export function useLessons() {
  return useCachedQuery({
    queryKey: lessonsQueryKey,
    queryFn: ({ signal }) => fetchLessons(signal),
    storeKey: LESSONS_STORE_KEY,
  });
}

export function useLesson(lessonId: string) {
  return useCachedQuery({
    queryKey: lessonQueryKey(lessonId),
    queryFn: ({ signal }) => fetchLesson(lessonId, signal),
    storeKey: lessonStoreKey(lessonId),
  });
}

/** The lesson with the server's feedback folded into its questions. */
export function withResults(lesson: Lesson, progress: LessonProgress): Lesson {
  const byQuestion = new Map(progress.results.map((result) => [result.questionId, result]));
  return {
    ...lesson,
    completedAt: progress.completedAt,
    checkQuestions: lesson.checkQuestions.map((question) => ({
      ...question,
      result: byQuestion.get(question.id) ?? question.result,
    })),
  };
}

/** Keeps the answered lesson on the phone too, so its feedback shows offline. */
export async function keepOnPhone(lesson: Lesson): Promise<void> {
  await saveAnswer(lessonStoreKey(lesson.id), lesson, new Date()).catch(() => undefined);
}

/** The list in its three parts: safety first, then the programme, then more to read. */
export function lessonGroups(lessons: readonly LessonListItem[]) {
  return {
    safety: lessons.filter((lesson) => lesson.kind === 'safety'),
    programme: lessons.filter((lesson) => lesson.kind === 'programme'),
    moreToRead: lessons.filter((lesson) => lesson.kind === 'moreToRead'),
  };
}

/**
 * Keeps a copy on the phone of every open lesson not kept yet, so a patient who opened the list
 * on Wi-Fi can read their lessons later with no connection. Each lesson is fetched once; opening
 * it online refreshes its copy as usual. Failures are quiet: the lesson is simply not kept yet.
 */
export async function keepOpenLessons(
  client: QueryClient,
  lessons: readonly LessonListItem[],
): Promise<void> {
  for (const item of lessons) {
    if (!item.unlocked) continue;
    const storeKey = lessonStoreKey(item.id);
    if ((await loadAnswer(storeKey)) !== undefined) continue;
    try {
      const lesson = await client.query({
        queryKey: lessonQueryKey(item.id),
        queryFn: ({ signal }) => fetchLesson(item.id, signal),
      });
      await saveAnswer(storeKey, lesson, new Date());
    } catch {
      // Offline or refused: it will be kept when the lesson is opened.
    }
  }
}
