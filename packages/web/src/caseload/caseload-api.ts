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
  /** Open alerts first, then reassessments due, then by name (the server's order). */
  readonly patients: readonly CaseloadEntry[];
}

export type CaseloadScope = 'mine' | 'clinic';

export function caseloadQueryKey(scope: CaseloadScope) {
  return ['caseload', scope] as const;
}

export function fetchCaseload(scope: CaseloadScope, signal?: AbortSignal): Promise<Caseload> {
  return api.get<Caseload>(scope === 'clinic' ? '/api/caseload?all=true' : '/api/caseload', signal);
}
