/**
 * What the patient chart reads and writes: the timeline and session logs
 * (`/api/patients/:patientId/timeline|logs`), the episode's assessments and programmes, the
 * active programme's progression suggestions and the clinician's review of one.
 */
import type { Programme } from '@spinewise/clinical';
import { api } from '../api/client.js';

export type TimelineKind = 'assessment' | 'programmeVersion' | 'logWeek' | 'note' | 'alert';

export interface TimelineItem {
  readonly kind: TimelineKind;
  readonly date: string;
  readonly title: string;
  readonly detail: string | null;
  readonly links: {
    readonly episodeId?: string;
    readonly assessmentId?: string;
    readonly programmeId?: string;
    readonly version?: number;
    readonly noteId?: string;
    readonly alertId?: string;
  };
}

export interface Timeline {
  readonly items: readonly TimelineItem[];
  readonly truncated: boolean;
}

export interface ChartLog {
  readonly id: string;
  readonly programmeId: string;
  readonly programmeVersion: number;
  readonly date: string;
  readonly exerciseId: string;
  readonly exerciseName: string | null;
  readonly setsDone: number;
  readonly repsDone: number | null;
  readonly holdSecondsDone: number | null;
  readonly minutesDone: number | null;
  readonly completed: 'done' | 'partly' | 'skipped' | null;
  readonly painBefore: number | null;
  readonly painDuring: number | null;
  readonly painAfter: number | null;
  readonly symptoms: readonly string[];
  readonly note: string | null;
  readonly createdAt: string;
}

export interface LogList {
  readonly from: string;
  readonly to: string;
  readonly logs: readonly ChartLog[];
  readonly truncated: boolean;
}

export interface AssessmentScore {
  readonly instrument: string;
  readonly score: number | null;
  readonly display: string;
  readonly band: string | null;
  readonly bandLabel: string | null;
}

export interface AssessmentSummary {
  readonly id: string;
  readonly kind: 'baseline' | 'reassessment';
  readonly assessedAt: string;
  readonly scores: readonly AssessmentScore[];
}

export interface ProgrammeVersionInfo {
  readonly version: number;
  readonly status: string;
  readonly approvedAt: string | null;
  readonly changeReason: string | null;
  readonly createdAt: string;
}

export interface ProgrammeSummary {
  readonly id: string;
  readonly episodeId: string;
  readonly status: string;
  readonly currentVersion: number;
  readonly activeVersion: number | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly versions: readonly ProgrammeVersionInfo[];
}

export interface ProgrammeDetail extends ProgrammeSummary {
  readonly current: { readonly version: number; readonly content: Programme };
}

export interface Dose {
  readonly sets: number;
  readonly reps?: number;
  readonly holdSeconds?: number;
  readonly minutes?: number;
  readonly perDay: number;
  readonly daysPerWeek: number;
}

export type Decision = 'progress' | 'hold' | 'regress' | 'stopAndScreen';

export interface Suggestion {
  readonly id: string;
  readonly programmeId: string;
  readonly decidedFor: string;
  readonly exerciseId: string;
  readonly name: string;
  readonly decision: Decision;
  readonly state: 'suggested' | 'accepted' | 'rejected';
  readonly reason: string;
  readonly rule: string;
  readonly sources: readonly string[];
  readonly current: { readonly exerciseId: string; readonly level: number; readonly dose: Dose };
  readonly proposed: {
    readonly exerciseId: string;
    readonly level: number;
    readonly dose: Dose;
    readonly change: { readonly kind: 'dose' | 'level' };
  } | null;
  readonly requiresClinician: boolean;
  readonly reviewReason: string | null;
}

export interface WeekAdherence {
  readonly week: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly planned: number;
  readonly done: number;
  readonly partly: number;
  readonly rate: number | null;
}

export interface ProgressionReport {
  readonly programmeId: string;
  readonly version: number;
  readonly today: string;
  readonly week: number | null;
  readonly status: 'continue' | 'halted' | 'notStarted';
  readonly suggestions: readonly Suggestion[];
  readonly flags: readonly {
    readonly type: string;
    readonly severity: string;
    readonly message: string;
    readonly sources: readonly string[];
  }[];
  readonly adherence: readonly WeekAdherence[];
}

export interface ReviewResult {
  readonly suggestion: Suggestion;
  readonly programmeVersion: number | null;
}

const id = encodeURIComponent;

export const timelineQueryKey = (patientId: string) => ['chart', patientId, 'timeline'] as const;
export const logsQueryKey = (patientId: string) => ['chart', patientId, 'logs'] as const;
export const assessmentsQueryKey = (episodeId: string) =>
  ['chart', 'episode', episodeId, 'assessments'] as const;
export const programmesQueryKey = (episodeId: string) =>
  ['chart', 'episode', episodeId, 'programmes'] as const;
export const programmeQueryKey = (programmeId: string) =>
  ['chart', 'programme', programmeId] as const;
export const progressionQueryKey = (programmeId: string) =>
  ['chart', 'programme', programmeId, 'progression'] as const;

export function fetchTimeline(patientId: string, signal?: AbortSignal): Promise<Timeline> {
  return api.get<Timeline>(`/api/patients/${id(patientId)}/timeline`, signal);
}

export function fetchLogs(patientId: string, signal?: AbortSignal): Promise<LogList> {
  return api.get<LogList>(`/api/patients/${id(patientId)}/logs`, signal);
}

export async function fetchAssessments(
  episodeId: string,
  signal?: AbortSignal,
): Promise<readonly AssessmentSummary[]> {
  const { assessments } = await api.get<{ assessments: AssessmentSummary[] }>(
    `/api/episodes/${id(episodeId)}/assessments`,
    signal,
  );
  return assessments;
}

export async function fetchProgrammes(
  episodeId: string,
  signal?: AbortSignal,
): Promise<readonly ProgrammeSummary[]> {
  const { programmes } = await api.get<{ programmes: ProgrammeSummary[] }>(
    `/api/episodes/${id(episodeId)}/programmes`,
    signal,
  );
  return programmes;
}

export function fetchProgramme(programmeId: string, signal?: AbortSignal) {
  return api.get<ProgrammeDetail>(`/api/programmes/${id(programmeId)}`, signal);
}

export function fetchProgression(programmeId: string, signal?: AbortSignal) {
  return api.get<ProgressionReport>(`/api/programmes/${id(programmeId)}/progression`, signal);
}

export function acceptSuggestion(decisionId: string): Promise<ReviewResult> {
  return api.post<ReviewResult>(`/api/progression-decisions/${id(decisionId)}/accept`, {});
}

export function rejectSuggestion(decisionId: string, reason: string): Promise<ReviewResult> {
  return api.post<ReviewResult>(`/api/progression-decisions/${id(decisionId)}/reject`, {
    reason,
  });
}
