/** Clinical notes (SOAP) and the passive treatments given (`/api/.../notes`, `/api/passive-treatments`). */
import type { Region } from '@spinewise/clinical';
import { api, apiRequest } from '../api/client.js';

export interface PassiveTreatment {
  readonly id: string;
  readonly modality: string;
  readonly details: string | null;
  readonly notOfferedId: string | null;
  readonly notOfferedName: string | null;
  readonly guidelineNote: string | null;
  readonly clinicianReason: string | null;
  readonly createdAt: string;
}

export interface ClinicalNote {
  readonly id: string;
  readonly patientId: string;
  readonly episodeId: string;
  readonly region: Region;
  readonly authorId: string;
  readonly authorName: string;
  readonly visitOn: string;
  readonly subjective: string;
  readonly objective: string;
  readonly assessment: string;
  readonly plan: string;
  readonly passiveTreatments: readonly PassiveTreatment[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PassiveTreatmentOption {
  readonly id: string;
  readonly name: string;
  readonly notOffered: boolean;
  readonly guidelineNote: string | null;
}

export interface PassiveTreatmentOptions {
  readonly region: Region | null;
  readonly modalities: readonly PassiveTreatmentOption[];
  readonly guidance: string;
  readonly source: string;
}

export interface NewPassiveTreatment {
  readonly modality: string;
  readonly notOfferedId?: string;
  readonly details?: string;
  readonly clinicianReason?: string;
}

export interface NewNote {
  readonly episodeId: string;
  readonly visitOn: string;
  readonly subjective: string;
  readonly objective: string;
  readonly assessment: string;
  readonly plan: string;
  readonly passiveTreatments: readonly NewPassiveTreatment[];
}

export type SoapField = 'subjective' | 'objective' | 'assessment' | 'plan';
export const soapFields: readonly SoapField[] = ['subjective', 'objective', 'assessment', 'plan'];
export const soapLabels: Readonly<Record<SoapField, string>> = {
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  plan: 'Plan',
};

const id = encodeURIComponent;

export const notesQueryKey = (patientId: string) => ['notes', patientId] as const;
export const passiveTreatmentsQueryKey = (region: Region) =>
  ['passive-treatments', region] as const;

export async function fetchNotes(
  patientId: string,
  signal?: AbortSignal,
): Promise<readonly ClinicalNote[]> {
  const { notes } = await api.get<{ notes: ClinicalNote[] }>(
    `/api/patients/${id(patientId)}/notes`,
    signal,
  );
  return notes;
}

export function fetchPassiveTreatments(region: Region, signal?: AbortSignal) {
  return api.get<PassiveTreatmentOptions>(`/api/passive-treatments?region=${id(region)}`, signal);
}

export function createNote(patientId: string, note: NewNote): Promise<ClinicalNote> {
  return api.post<ClinicalNote>(`/api/patients/${id(patientId)}/notes`, note);
}

export function amendNote(
  noteId: string,
  changes: Partial<Record<SoapField, string>>,
): Promise<ClinicalNote> {
  return apiRequest<ClinicalNote>(`/api/notes/${id(noteId)}`, { method: 'PATCH', body: changes });
}
