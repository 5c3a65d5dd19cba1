/**
 * Questionnaires sent to the patient's phone (`/api/episodes/:id/questionnaire-requests`,
 * `/api/patients/:id/questionnaire-requests`). The patient fills them in on their phone; the
 * server scores the answers. The console only reads the answers back to fill them into an
 * assessment, which the server scores again when it is saved.
 */
import type { InstrumentId } from '@spinewise/clinical';
import { api } from '../api/client.js';
import type { InstrumentScore } from './assessment-api.js';

export type QuestionnaireRequestState = 'pending' | 'completed' | 'cancelled';

export interface QuestionnaireRequestResult {
  readonly instrument: InstrumentId;
  readonly answers: readonly unknown[];
  readonly score: InstrumentScore;
}

export interface QuestionnaireRequest {
  readonly id: string;
  readonly patientId: string;
  readonly episodeId: string;
  readonly instruments: readonly InstrumentId[];
  readonly message: string | null;
  readonly dueOn: string;
  readonly state: QuestionnaireRequestState;
  readonly requestedBy: string;
  readonly requestedByName: string;
  readonly createdAt: string;
  readonly completedAt: string | null;
  readonly cancelledAt: string | null;
  readonly results: readonly QuestionnaireRequestResult[] | null;
}

export interface NewQuestionnaireRequest {
  readonly instruments: readonly InstrumentId[];
  readonly message?: string;
  /** `YYYY-MM-DD`. */
  readonly dueOn?: string;
}

export const questionnaireRequestsQueryKey = (patientId: string) =>
  ['questionnaire-requests', patientId] as const;

export async function fetchQuestionnaireRequests(
  patientId: string,
  signal?: AbortSignal,
): Promise<readonly QuestionnaireRequest[]> {
  const { requests } = await api.get<{ requests: QuestionnaireRequest[] }>(
    `/api/patients/${encodeURIComponent(patientId)}/questionnaire-requests`,
    signal,
  );
  return requests;
}

export function sendQuestionnaireRequest(
  episodeId: string,
  body: NewQuestionnaireRequest,
): Promise<QuestionnaireRequest> {
  return api.post<QuestionnaireRequest>(
    `/api/episodes/${encodeURIComponent(episodeId)}/questionnaire-requests`,
    body,
  );
}

/** The completed requests of one episode that hold answers, newest first. */
export function completedForEpisode(
  requests: readonly QuestionnaireRequest[],
  episodeId: string,
): readonly QuestionnaireRequest[] {
  return requests
    .filter(
      (request) =>
        request.episodeId === episodeId &&
        request.state === 'completed' &&
        request.results !== null &&
        request.results.length > 0,
    )
    .toSorted((a, b) => (b.completedAt ?? b.createdAt).localeCompare(a.completedAt ?? a.createdAt));
}
