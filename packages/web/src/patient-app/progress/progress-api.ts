/**
 * The patient's progress (`GET /api/me/progress`), as the API's `PatientProgress` schema has
 * it. The last copy is kept on the phone, so the page works with no connection.
 */
import { api } from '../../api/client.js';
import { useCachedQuery } from '../offline/cached-query.js';

export interface PainDay {
  readonly date: string;
  readonly painBefore: number | null;
  readonly painDuring: number | null;
  readonly painAfter: number | null;
  readonly nextMorningPain: number | null;
}

export interface ScorePoint {
  readonly score: number;
  readonly display: string;
  readonly at: string;
  readonly source: { readonly kind: 'assessment' | 'questionnaireRequest'; readonly id: string };
}

export interface QuestionnaireResult {
  readonly instrument: string;
  readonly title: string;
  readonly baseline: ScorePoint;
  readonly latest: ScorePoint | null;
  readonly direction: 'improved' | 'worsened' | 'unchanged' | null;
  readonly realChange: boolean | null;
  readonly meaning: string;
  readonly sources: readonly string[];
}

export interface Goal {
  readonly activity: string;
  readonly baseline: number;
  readonly latest: number | null;
  readonly change: number | null;
  readonly meaning: string;
  readonly sources: readonly string[];
}

export interface Progress {
  readonly date: string;
  readonly programme: {
    readonly id: string;
    readonly startDate: string;
    readonly endDate: string;
  } | null;
  readonly painTrend: { readonly days: readonly PainDay[]; readonly summary: string };
  readonly week: {
    readonly week: number;
    readonly startDate: string;
    readonly endDate: string;
    readonly daysDone: number;
    readonly daysPlanned: number;
    readonly message: string;
  } | null;
  readonly questionnaires: readonly QuestionnaireResult[];
  readonly goals: readonly Goal[];
}

export const progressQueryKey = ['me', 'progress'] as const;
export const PROGRESS_STORE_KEY = 'progress';

export function fetchProgress(signal?: AbortSignal): Promise<Progress> {
  return api.get<Progress>('/api/me/progress', signal);
}

export function useProgress() {
  return useCachedQuery({
    queryKey: progressQueryKey,
    queryFn: ({ signal }) => fetchProgress(signal),
    storeKey: PROGRESS_STORE_KEY,
  });
}

/** The lines the chart draws, each with its words and a dash pattern (never colour alone). */
export const painSeries = [
  { key: 'painBefore', label: 'Before exercise', dash: '6 4', marker: 'circle' },
  { key: 'painAfter', label: 'After exercise', dash: '', marker: 'square' },
  { key: 'nextMorningPain', label: 'Next morning', dash: '2 3', marker: 'diamond' },
] as const satisfies readonly {
  key: keyof Omit<PainDay, 'date'>;
  label: string;
  dash: string;
  marker: string;
}[];

/** Chart geometry, pure: a point per day with a value, x by date order, y 0–10. */
export function chartPoints(
  days: readonly PainDay[],
  key: keyof Omit<PainDay, 'date'>,
  size: { readonly width: number; readonly height: number; readonly pad: number },
): { x: number; y: number; value: number; date: string }[] {
  const span = Math.max(1, days.length - 1);
  const inner = { width: size.width - size.pad * 2, height: size.height - size.pad * 2 };
  return days.flatMap((day, index) => {
    const value = day[key];
    if (value === null) return [];
    return [
      {
        x: size.pad + (days.length === 1 ? inner.width / 2 : (index / span) * inner.width),
        y: size.pad + ((10 - value) / 10) * inner.height,
        value,
        date: day.date,
      },
    ];
  });
}
