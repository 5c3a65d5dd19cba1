/** The clinic's alerts (`/api/alerts`) and the two steps of their life: acknowledge, resolve. */
import type { FlagSeverity } from '@spinewise/clinical';
import { api } from '../api/client.js';

export type AlertState = 'open' | 'acknowledged' | 'resolved';

export interface Alert {
  readonly id: string;
  readonly patientId: string;
  readonly clinicId: string;
  readonly type: string;
  readonly severity: FlagSeverity;
  readonly state: AlertState;
  readonly message: string;
  /** What the patient was told to do now (red-flag symptoms). */
  readonly advice: string | null;
  readonly sessionLogIds: readonly string[];
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  readonly createdAt: string;
}

/** Alerts still needing a clinician: open ones and acknowledged ones not yet resolved. */
export const activeAlertsQueryKey = ['alerts', 'active'] as const;

export async function fetchActiveAlerts(signal?: AbortSignal): Promise<readonly Alert[]> {
  const [open, acknowledged] = await Promise.all([
    api.get<{ alerts: Alert[] }>('/api/alerts?state=open', signal),
    api.get<{ alerts: Alert[] }>('/api/alerts?state=acknowledged', signal),
  ]);
  return [...open.alerts, ...acknowledged.alerts];
}

export const patientAlertsQueryKey = (patientId: string) =>
  ['alerts', 'patient', patientId] as const;

/** Every alert of one patient, resolved ones included: their history. */
export async function fetchPatientAlerts(
  patientId: string,
  signal?: AbortSignal,
): Promise<readonly Alert[]> {
  const { alerts } = await api.get<{ alerts: Alert[] }>(
    `/api/alerts?state=all&patientId=${encodeURIComponent(patientId)}`,
    signal,
  );
  return alerts;
}

export type AlertAction = 'acknowledge' | 'resolve';

export function changeAlert(id: string, action: AlertAction): Promise<Alert> {
  return api.post<Alert>(`/api/alerts/${encodeURIComponent(id)}/${action}`);
}

export const alertTypeLabels: Readonly<Record<string, string>> = {
  redFlagSymptom: 'Red-flag symptom reported',
  painFlare: 'Pain flare',
  nonAdherence: 'Not exercising as planned',
  peripheralisation: 'Symptoms spreading down the limb',
  regress: 'Suggested: step the programme down',
  stop: 'Suggested: stop and review',
  reassessmentDue: 'Reassessment due',
};

/**
 * "you", the colleague's name (`names`, from `useStaffNames`), or "a colleague" while the names
 * are unknown: the API names who by id.
 */
export function actorName(
  userId: string | null,
  me: string,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (userId === me) return 'you';
  return (userId === null ? undefined : names.get(userId)) ?? 'a colleague';
}

export function alertTypeLabel(type: string): string {
  const known = alertTypeLabels[type];
  if (known !== undefined) return known;
  // A type this app does not know yet (a newer server): its name in words.
  const words = type.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
