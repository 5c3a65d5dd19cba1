/**
 * Programmes of an episode of care (`/api/episodes/:id/programmes`, `/api/programmes/...`):
 * generate from the latest assessment, read a version, edit (a new version), approve.
 */
import type { Programme, SafetyReason } from '@spinewise/clinical';
import { api, apiRequest } from '../api/client.js';

export type ProgrammeStatus =
  'generated' | 'edited' | 'approved' | 'active' | 'completed' | 'archived';

export interface VersionInfo {
  readonly version: number;
  readonly status: ProgrammeStatus;
  readonly editedBy: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly changeReason: string | null;
  readonly createdAt: string;
}

export interface ProgrammeVersion extends VersionInfo {
  readonly programmeId: string;
  /** The clinical core's programme, every choice with its rationale. */
  readonly content: Programme;
}

export interface ProgrammeSummary {
  readonly id: string;
  readonly episodeId: string;
  readonly patientId: string;
  readonly status: ProgrammeStatus;
  readonly currentVersion: number;
  /** The approved version the patient follows, while the programme is active. */
  readonly activeVersion: number | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Oldest first. */
  readonly versions: readonly VersionInfo[];
}

export interface ProgrammeDetail extends ProgrammeSummary {
  readonly current: ProgrammeVersion;
}

export interface GenerateChoices {
  readonly minutesPerDay: number;
  readonly startDate?: string;
  /** Asked for only when the assessment does not record them. */
  readonly symptomDurationDays?: number;
  readonly age?: number;
  readonly surgeryDate?: string;
}

const programmePath = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

export const episodeProgrammesQueryKey = (episodeId: string) =>
  ['episode-programmes', episodeId] as const;
export const programmeQueryKey = (id: string) => ['programme', id] as const;
export const programmeVersionQueryKey = (id: string, version: number) =>
  ['programme', id, 'version', version] as const;

export async function fetchEpisodeProgrammes(
  episodeId: string,
  signal?: AbortSignal,
): Promise<readonly ProgrammeSummary[]> {
  const { programmes } = await api.get<{ programmes: ProgrammeSummary[] }>(
    `/api/episodes/${encodeURIComponent(episodeId)}/programmes`,
    signal,
  );
  return programmes;
}

export function generateProgramme(
  episodeId: string,
  choices: GenerateChoices,
): Promise<ProgrammeDetail> {
  return api.post<ProgrammeDetail>(
    `/api/episodes/${encodeURIComponent(episodeId)}/programmes`,
    choices,
  );
}

export function fetchProgramme(id: string, signal?: AbortSignal): Promise<ProgrammeDetail> {
  return api.get<ProgrammeDetail>(programmePath(id), signal);
}

export function fetchProgrammeVersion(
  id: string,
  version: number,
  signal?: AbortSignal,
): Promise<ProgrammeVersion> {
  return api.get<ProgrammeVersion>(`${programmePath(id)}/versions/${version}`, signal);
}

export interface ProgrammeEdit {
  readonly baseVersion: number;
  readonly content: Programme;
  readonly changeReason: string;
}

export function editProgramme(id: string, edit: ProgrammeEdit): Promise<ProgrammeDetail> {
  return apiRequest<ProgrammeDetail>(programmePath(id), { method: 'PUT', body: edit });
}

export function approveProgramme(id: string, version: number): Promise<ProgrammeDetail> {
  return api.post<ProgrammeDetail>(`${programmePath(id)}/approve`, { version });
}

export const statusLabels: Readonly<Record<ProgrammeStatus, string>> = {
  generated: 'Generated, not yet approved',
  edited: 'Edited, not yet approved',
  approved: 'Approved',
  active: 'Active: the patient is following it',
  completed: 'Completed',
  archived: 'Archived',
};

/** Whether a library exercise suits the patient now, by the server's safety check. */
export interface ExerciseSuitability {
  readonly id: string;
  readonly name: string;
  /** null: the patient has no assessment to judge by. */
  readonly suitability?: {
    readonly allowed: boolean;
    readonly reasons: readonly string[];
    /** The same reasons with their rule and source ids. */
    readonly details?: readonly SafetyReason[];
  } | null;
}

export const exerciseSuitabilityQueryKey = (patientId: string) =>
  ['exercises', 'suitability', patientId] as const;

/** Every library exercise with whether it suits this patient (`GET /api/exercises?patientId=`). */
export async function fetchExerciseSuitability(
  patientId: string,
  signal?: AbortSignal,
): Promise<readonly ExerciseSuitability[]> {
  const { exercises } = await api.get<{ exercises: ExerciseSuitability[] }>(
    `/api/exercises?patientId=${encodeURIComponent(patientId)}`,
    signal,
  );
  return exercises;
}
