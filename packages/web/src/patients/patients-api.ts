/** Patients, their episodes of care and invitations (`/api/patients`, `/api/invitations`). */
import type { Condition, Region } from '@spinewise/clinical';
import { api } from '../api/client.js';
import type { LoggedIn } from '../session/session-api.js';

export interface Patient {
  readonly id: string;
  readonly displayName: string;
  readonly dateOfBirth: string | null;
  readonly clinicianId: string;
  /** Whether the patient has redeemed an invitation. */
  readonly hasLogin: boolean;
  readonly createdAt: string;
}

export interface Episode {
  readonly id: string;
  readonly region: Region;
  readonly condition: string;
  readonly startedOn: string;
  readonly status: 'active' | 'discharged';
  readonly dischargedOn: string | null;
}

export interface PatientListItem extends Patient {
  readonly activeEpisode: Omit<Episode, 'status' | 'dischargedOn'> | null;
}

export interface PatientWithEpisodes extends Patient {
  readonly episodes: readonly Episode[];
}

export interface Invitation {
  /** Shown once: the server keeps only its hash. */
  readonly code: string;
  readonly expiresAt: string;
  /** Where the patient redeems it, relative to the app (`/join?code=…`). */
  readonly link: string;
}

export type PatientScope = 'mine' | 'clinic';

export const patientsQueryKey = (scope: PatientScope) => ['patients', scope] as const;
export const patientQueryKey = (id: string) => ['patient', id] as const;

export async function fetchPatients(
  scope: PatientScope,
  signal?: AbortSignal,
): Promise<readonly PatientListItem[]> {
  const { patients } = await api.get<{ patients: PatientListItem[] }>(
    scope === 'clinic' ? '/api/patients?all=true' : '/api/patients',
    signal,
  );
  return patients;
}

export function fetchPatient(id: string, signal?: AbortSignal): Promise<PatientWithEpisodes> {
  return api.get<PatientWithEpisodes>(`/api/patients/${encodeURIComponent(id)}`, signal);
}

export interface NewPatient {
  readonly displayName: string;
  readonly dateOfBirth?: string;
}

export function createPatient(input: NewPatient): Promise<Patient> {
  return api.post<Patient>('/api/patients', input);
}

export interface NewEpisode {
  readonly region: Region;
  readonly condition: Condition;
  readonly startedOn: string;
}

export function createEpisode(patientId: string, input: NewEpisode): Promise<Episode> {
  return api.post<Episode>(`/api/patients/${encodeURIComponent(patientId)}/episodes`, input);
}

export function createInvitation(patientId: string): Promise<Invitation> {
  return api.post<Invitation>(`/api/patients/${encodeURIComponent(patientId)}/invitations`);
}

export interface Redemption {
  readonly code: string;
  readonly secret: string;
  readonly kind: 'pin' | 'password';
  /** The patient accepted this version of the consent and privacy note. */
  readonly consent: { readonly accepted: true; readonly version: string };
}

export function redeemInvitation(input: Redemption): Promise<LoggedIn> {
  return api.post<LoggedIn>('/api/invitations/redeem', input);
}
