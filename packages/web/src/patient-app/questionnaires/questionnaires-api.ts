/**
 * Questionnaires sent to the patient's phone: the patient's own (`/api/me/questionnaires`) and
 * the clinician's view of what was sent (`/api/patients/:patientId/questionnaire-requests`).
 * The server scores every answer; the app never computes a score.
 */
import type { InstrumentId } from '@spinewise/clinical';
import { api } from '../../api/client.js';
import { formatDay } from '../../format/dates.js';

export type RequestState = 'pending' | 'completed' | 'cancelled';

export interface InstrumentScore {
  readonly instrument: InstrumentId;
  readonly title: string;
  readonly score: number | null;
  readonly display: string;
  readonly unit: 'percent' | 'points';
  readonly band: string | null;
  readonly bandLabel: string | null;
  readonly bandRange: string | null;
  readonly subscales: Readonly<Record<string, number>>;
  readonly answered: number;
  readonly missing: number;
  readonly activities?: readonly { readonly activity: string | null; readonly rating: number }[];
  readonly interpretation: string;
  readonly copyright: string;
}

export interface RequestResult {
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
  readonly state: RequestState;
  readonly requestedBy: string;
  readonly requestedByName: string;
  readonly createdAt: string;
  readonly completedAt: string | null;
  readonly cancelledAt: string | null;
  readonly results: readonly RequestResult[] | null;
}

export interface InstrumentItemView {
  readonly id: string;
  readonly number: number;
  /** The clinic's licensed wording, or our own short label. */
  readonly text: string;
  readonly options: readonly { readonly value: number; readonly label: string }[];
  readonly scored: boolean;
}

export interface PatientInstrument {
  readonly id: InstrumentId;
  readonly title: string;
  readonly shortTitle: string;
  readonly description: string;
  readonly answerCount: { readonly min: number; readonly max: number };
  readonly missing: {
    readonly rule: 'prorate' | 'none';
    readonly maxMissing: number;
    readonly description: string;
  };
  readonly copyright: string;
  readonly items: readonly InstrumentItemView[];
}

export interface MyQuestionnaires {
  readonly due: readonly QuestionnaireRequest[];
  readonly completed: readonly QuestionnaireRequest[];
  readonly instruments: readonly PatientInstrument[];
  /** The PSFS activities named at each episode's baseline, to rate again. */
  readonly goals: readonly { readonly episodeId: string; readonly activities: readonly string[] }[];
}

export interface SubmittedQuestionnaire {
  readonly instrument: InstrumentId;
  readonly answers: readonly unknown[];
}

// ---------------------------------------------------------------- the patient's side

export const myQuestionnairesQueryKey = ['me', 'questionnaires'] as const;

export function fetchMyQuestionnaires(signal?: AbortSignal): Promise<MyQuestionnaires> {
  return api.get<MyQuestionnaires>('/api/me/questionnaires', signal);
}

export function submitQuestionnaires(
  requestId: string,
  questionnaires: readonly SubmittedQuestionnaire[],
): Promise<QuestionnaireRequest> {
  return api.post<QuestionnaireRequest>(`/api/me/questionnaires/${encodeURIComponent(requestId)}`, {
    questionnaires,
  });
}

// ---------------------------------------------------------------- the clinician's side

export const questionnaireRequestsQueryKey = (patientId: string) =>
  ['questionnaire-requests', patientId] as const;

export async function fetchQuestionnaireRequests(
  patientId: string,
  signal?: AbortSignal,
): Promise<readonly QuestionnaireRequest[]> {
  const body = await api.get<{ requests: QuestionnaireRequest[] }>(
    `/api/patients/${encodeURIComponent(patientId)}/questionnaire-requests`,
    signal,
  );
  return body.requests;
}

export interface NewQuestionnaireRequest {
  readonly instruments: readonly InstrumentId[];
  readonly message?: string;
  readonly dueOn?: string;
}

export function sendQuestionnaires(
  episodeId: string,
  input: NewQuestionnaireRequest,
): Promise<QuestionnaireRequest> {
  return api.post<QuestionnaireRequest>(
    `/api/episodes/${encodeURIComponent(episodeId)}/questionnaire-requests`,
    input,
  );
}

export function cancelQuestionnaires(requestId: string): Promise<QuestionnaireRequest> {
  return api.post<QuestionnaireRequest>(
    `/api/questionnaire-requests/${encodeURIComponent(requestId)}/cancel`,
  );
}

// ---------------------------------------------------------------- words for the patient

/** What each questionnaire is about, in the patient's words rather than its title. */
export const plainInstrumentNames: Readonly<Record<InstrumentId, string>> = {
  odi: 'How your back affects daily life',
  ndi: 'How your neck affects daily life',
  rmdq: 'How your back affects what you do',
  sbst: 'How your back pain affects you',
  nprs: 'How much it hurts',
  psfs: 'Things you find hard to do',
  fabq: 'Your thoughts about activity and work',
  tsk17: 'Worries about moving',
  tsk11: 'Worries about moving',
  pseq: 'How sure you feel doing things with pain',
};

/** One line on a result for the patient: the band in words, or the mean of their ratings. */
export function resultInWords(score: InstrumentScore): string {
  if (score.bandLabel !== null) return `Your answers show: ${score.bandLabel.toLowerCase()}.`;
  if (score.instrument === 'psfs' && score.score !== null) {
    const mean = Math.round(score.score * 10) / 10;
    return `On average you gave your activities ${mean} out of 10 (10 means you can do them as before).`;
  }
  return 'Your clinician will go through your answers with you.';
}

/** When it is due, kindly: a day that has passed is not a telling-off. */
export function dueInWords(dueOn: string, today: string): string {
  if (dueOn < today) return `Please fill in when you can (it was due on ${formatDay(dueOn)})`;
  if (dueOn === today) return 'Please fill in today';
  return `Please fill in by ${formatDay(dueOn)}`;
}
