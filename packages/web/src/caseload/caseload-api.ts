/** The caseload dashboard's data (`GET /api/caseload`), as the API's `Caseload` schema has it. */
import type { FlagSeverity, Region } from '@spinewise/clinical';
import { api } from '../api/client.js';

export interface AdherenceWindow {
  readonly from: string;
  readonly to: string;
  readonly done: number;
  readonly prescribed: number;
  /** done ÷ prescribed; null when nothing was prescribed. */
  readonly percent: number | null;
  readonly daysLogged: number;
}

export interface Score {
  readonly score: number;
  readonly assessedAt: string;
}

export interface ScoreChange {
  readonly absolute: number;
  readonly percent: number | null;
  readonly direction: 'improved' | 'worsened' | 'unchanged';
  readonly mcidMet: boolean | null;
  /** The MCID compared against, in words. */
  readonly mcid: string | null;
}

export interface CaseloadScore {
  readonly instrument: string;
  readonly baseline: Score;
  readonly latest: Score;
  readonly change: ScoreChange | null;
}

export interface CaseloadAlert {
  readonly id: string;
  readonly type: string;
  readonly severity: FlagSeverity;
  readonly message: string;
  readonly createdAt: string;
}

export type ProgrammeStatus =
  'generated' | 'edited' | 'approved' | 'active' | 'completed' | 'archived';

export interface CaseloadEntry {
  readonly patient: {
    readonly id: string;
    readonly displayName: string;
    readonly clinicianId: string;
  };
  readonly episode: {
    readonly id: string;
    readonly region: Region;
    readonly condition: string;
    readonly startedOn: string;
  } | null;
  readonly programme: {
    readonly id: string;
    readonly status: ProgrammeStatus;
    readonly version: number;
    readonly startDate: string;
    readonly endDate: string;
    readonly week: number | null;
    readonly weeks: number;
  } | null;
  readonly alerts: {
    readonly open: number;
    readonly worstSeverity: FlagSeverity | null;
    readonly newest: readonly CaseloadAlert[];
  };
  readonly adherence: {
    readonly last7Days: AdherenceWindow;
    readonly last14Days: AdherenceWindow;
  } | null;
  readonly scores: readonly CaseloadScore[];
  readonly lastAssessedAt: string | null;
  readonly reassessment: { readonly week: number; readonly dueOn: string } | null;
  readonly lastLogOn: string | null;
}

export interface Caseload {
  readonly today: string;
  readonly scope: 'mine' | 'clinic';
  /** Patients matching the query over every page; of those, with open alerts and due. */
  readonly total: number;
  readonly withAlerts: number;
  readonly reassessmentsDue: number;
  /** Where this page starts in the ordered list. */
  readonly offset: number;
  /** Open alerts first, then reassessments due, then by name (the server's order). */
  readonly patients: readonly CaseloadEntry[];
}

export type CaseloadScope = 'mine' | 'clinic';

/** Your own patients (the whole clinic's pages are under `clinicCaseloadQueryKey`). */
export const caseloadQueryKey = ['caseload', 'mine'] as const;

/** Your own patients, all at once: a caseload is a few hundred at most, filtered here. */
export function fetchCaseload(signal?: AbortSignal): Promise<Caseload> {
  return api.get<Caseload>('/api/caseload', signal);
}

/** The whole clinic's list is searched, filtered and paged by the server: thousands of patients. */
export interface ClinicFilter {
  readonly search: string;
  readonly alertsOnly: boolean;
  readonly reassessmentDue: boolean;
}

/** Patients a page of the whole clinic's list shows. */
export const CLINIC_PAGE_SIZE = 50;

export function clinicCaseloadQueryKey(filter: ClinicFilter) {
  return ['caseload', 'clinic', filter] as const;
}

export function fetchClinicCaseloadPage(
  filter: ClinicFilter,
  offset: number,
  signal?: AbortSignal,
): Promise<Caseload> {
  const params = new URLSearchParams({
    all: 'true',
    limit: String(CLINIC_PAGE_SIZE),
    offset: String(offset),
  });
  const search = filter.search.trim();
  if (search !== '') params.set('q', search);
  if (filter.alertsOnly) params.set('alerts', 'true');
  if (filter.reassessmentDue) params.set('reassessmentDue', 'true');
  return api.get<Caseload>(`/api/caseload?${params.toString()}`, signal);
}

/** The offset of the page after `page`, or undefined after the last. */
export function nextClinicOffset(page: Caseload): number | undefined {
  const next = page.offset + page.patients.length;
  return page.patients.length > 0 && next < page.total ? next : undefined;
}
