/**
 * The exercise library (`GET /api/exercises`, `GET /api/exercises/:exerciseId`), as the API's
 * `ExerciseList` and `ExerciseDetail` schemas have it: the clinical core's exercise, its main
 * aim as `category`, and whether it suits a patient (the core's safety check).
 */
import type { Aim, Exercise, ExerciseRegion, SafetyReason } from '@spinewise/clinical';
import { api } from '../api/client.js';

export interface Suitability {
  readonly allowed: boolean;
  /** Why not, in words (empty when allowed). */
  readonly reasons: readonly string[];
  /** The same reasons with their rule and source ids. */
  readonly details: readonly SafetyReason[];
  readonly cautions: readonly SafetyReason[];
}

export interface LibraryExercise extends Exercise {
  /** The main aim. */
  readonly category: Aim;
  /** With `patientId`: null when the patient has no assessment to judge by. */
  readonly suitability?: Suitability | null;
}

export type ProfileBasis = 'programme' | 'assessment' | 'none';

export interface ExerciseList {
  readonly exercises: readonly LibraryExercise[];
  readonly profile: { readonly patientId: string; readonly basis: ProfileBasis } | null;
}

export interface PatientSuitability {
  readonly patientId: string;
  readonly displayName: string;
  /** null: no assessment yet to judge by. */
  readonly allowed: boolean | null;
  readonly reasons: readonly string[];
  readonly details: readonly SafetyReason[];
  readonly cautions: readonly SafetyReason[];
  readonly basis: ProfileBasis;
}

export interface ExerciseDetail extends LibraryExercise {
  /** The patients the caller is responsible for, by name (at most 50). */
  readonly suits: readonly PatientSuitability[];
}

export interface LibraryFilter {
  readonly q?: string;
  readonly category?: Aim;
  readonly region?: ExerciseRegion;
  /** A patient of the clinic: each exercise then says whether it suits them. */
  readonly patientId?: string;
}

export const exercisesQueryKey = (filter: LibraryFilter) =>
  [
    'exercises',
    filter.q ?? '',
    filter.category ?? '',
    filter.region ?? '',
    filter.patientId ?? '',
  ] as const;
export const exerciseQueryKey = (id: string) => ['exercise', id] as const;

export function exercisesPath(filter: LibraryFilter): string {
  const params = new URLSearchParams();
  if (filter.q !== undefined && filter.q !== '') params.set('q', filter.q);
  if (filter.category !== undefined) params.set('category', filter.category);
  if (filter.region !== undefined) params.set('region', filter.region);
  if (filter.patientId !== undefined) params.set('patientId', filter.patientId);
  const query = params.toString();
  return query === '' ? '/api/exercises' : `/api/exercises?${query}`;
}

export function fetchExercises(filter: LibraryFilter, signal?: AbortSignal): Promise<ExerciseList> {
  return api.get<ExerciseList>(exercisesPath(filter), signal);
}

export function fetchExercise(id: string, signal?: AbortSignal): Promise<ExerciseDetail> {
  return api.get<ExerciseDetail>(`/api/exercises/${encodeURIComponent(id)}`, signal);
}

/** Plain words for the core's aims, regions and positions. */
export const aimLabels: Readonly<Record<Aim, string>> = {
  mobility: 'Mobility and pain relief',
  coreEndurance: 'Core endurance',
  strength: 'Strength',
  posture: 'Posture',
  function: 'Everyday function',
  aerobic: 'Walking and aerobic',
  relaxation: 'Relaxation and breathing',
  neck: 'Neck',
};

export const exerciseRegionLabels: Readonly<Record<ExerciseRegion, string>> = {
  lumbar: 'Low back',
  cervical: 'Neck',
  thoracic: 'Upper back',
  general: 'Whole body',
};
