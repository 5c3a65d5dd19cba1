/**
 * Assessments, the red-flag screen and the outcome instruments (`/api/episodes/:id/assessments`,
 * `/api/assessments/:id`, `/api/red-flag-screen`, `/api/instruments`). The shapes mirror the
 * server's schemas (packages/server/src/http/assessments/schemas.ts); every score, band, screen
 * and classification comes from the server's clinical engine — the console never computes one.
 */
import type { InstrumentId, MovementDirection, MovementEffect, Region } from '@spinewise/clinical';
import { api } from '../api/client.js';

export type ScreenAction = 'emergency' | 'urgent' | 'routine' | 'none';
export type AssessmentKind = 'baseline' | 'reassessment';
export type FlagDecisionChoice = 'reviewedAndCleared' | 'referred';

/** Red-flag findings by id: yes/no/unknown, or a number for `age` and the axSpA feature count. */
export type FindingValue = boolean | 'unknown' | number;
export type FindingAnswers = Readonly<Record<string, FindingValue>>;

export interface Concern {
  readonly condition: string;
  readonly title: string;
  readonly level: 'high' | 'moderate' | 'low';
  readonly action: ScreenAction;
  readonly findings: readonly string[];
  readonly criteria: string;
  readonly recommendation: string;
  readonly sources: readonly string[];
}

export interface RedFlagScreen {
  readonly region: Region;
  readonly action: ScreenAction;
  readonly concerns: readonly Concern[];
  readonly unanswered: readonly string[];
  readonly safetyNet: {
    readonly title: string;
    readonly intro: string;
    readonly symptoms: readonly string[];
    readonly action: string;
    readonly sources: readonly string[];
  } | null;
  readonly contraindications: readonly string[];
  readonly requiresClinicianDecision: boolean;
  readonly disclaimer: string;
  readonly sources: readonly string[];
}

export interface InstrumentOption {
  readonly value: number;
  readonly label: string;
}

export interface Instrument {
  readonly id: InstrumentId;
  readonly title: string;
  readonly shortTitle: string;
  readonly region: Region | 'any';
  readonly description: string;
  readonly itemCount: number;
  readonly answerCount: { readonly min: number; readonly max: number };
  readonly items: readonly {
    readonly id: string;
    readonly number: number;
    readonly label: string;
    readonly options: readonly InstrumentOption[];
    readonly scored: boolean;
  }[];
  readonly copyright: string;
  readonly licenceNote: string;
  readonly wording: 'paraphrase' | 'licensed-import';
  /** The clinic's licensed wording; null when it imported none (item numbers only). [S-LIC] */
  readonly licensed: {
    readonly items: readonly {
      readonly id: string;
      readonly number: number;
      readonly text: string;
      readonly options: readonly InstrumentOption[];
    }[];
  } | null;
  readonly sources: readonly string[];
}

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
  readonly missingItems: readonly string[];
  readonly activities?: readonly { readonly activity: string | null; readonly rating: number }[];
  readonly interpretation: string;
  readonly sources: readonly string[];
}

export interface Criterion {
  readonly id: string;
  readonly label: string;
  readonly status: 'met' | 'notMet' | 'unknown';
  readonly value?: number | boolean | string;
}

export interface RuleResult {
  readonly rule: string;
  readonly title: string;
  readonly applicable: boolean;
  readonly summary: string;
  readonly criteria: readonly Criterion[];
  readonly sources: readonly string[];
  readonly caveat?: string;
}

export const ruleKeys = [
  'startBack',
  'tbc',
  'manipulation',
  'stabilisation',
  'directionalPreference',
  'cervicalRadiculopathy',
] as const;

export type Classification = {
  readonly region: Region;
  readonly sources: readonly string[];
} & Readonly<Record<(typeof ruleKeys)[number], RuleResult>>;

export interface ScoreChange {
  readonly instrument: InstrumentId;
  readonly subscale: string | null;
  readonly unit: 'percent' | 'points';
  readonly baseline: number;
  readonly followUp: number;
  readonly absolute: number;
  readonly direction: 'improved' | 'worsened' | 'unchanged';
  readonly mcidMet: boolean | null;
  readonly mcid: { readonly description: string } | null;
  readonly sources: readonly string[];
}

export interface ChangeSinceBaseline {
  readonly baseline: { readonly id: string; readonly assessedAt: string } | null;
  readonly instruments: readonly {
    readonly instrument: InstrumentId;
    readonly change: ScoreChange | null;
    readonly activities?: {
      readonly matched: readonly {
        readonly activity: string;
        readonly baseline: number;
        readonly followUp: number;
        readonly absolute: number;
        readonly mcidMet: boolean;
      }[];
    };
  }[];
  readonly withoutBaseline: readonly InstrumentId[];
}

export interface FlagDecision {
  readonly decision: FlagDecisionChoice;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export type WorkStatus =
  'working' | 'modifiedDuties' | 'offWork' | 'notEmployed' | 'retired' | 'student';
export type WorkDemands = 'sedentary' | 'light' | 'moderate' | 'heavy';

/** The history taken besides what the rules read (`AssessmentHistory` in the server's schema). */
export interface AssessmentHistory {
  /** Previous spinal surgery (what, where, when); absent when there was none. */
  readonly surgery?: string;
  readonly aggravating?: readonly string[];
  readonly easing?: readonly string[];
  readonly work?: {
    readonly occupation?: string;
    readonly status?: WorkStatus;
    readonly demands?: WorkDemands;
  };
  readonly notes?: string;
}

export interface AssessmentRecord {
  readonly id: string;
  readonly episodeId: string;
  readonly patientId: string;
  readonly kind: AssessmentKind;
  readonly assessedAt: string;
  readonly createdBy: string;
  readonly questionnaires: readonly {
    readonly instrument: InstrumentId;
    readonly score: InstrumentScore;
  }[];
  readonly redFlags: { readonly findings: FindingAnswers };
  readonly screen: RedFlagScreen;
  readonly classification: Classification | null;
  /** Null for an assessment recorded before the history was taken (or without one). */
  readonly history: AssessmentHistory | null;
  readonly flagDecision: FlagDecision | null;
  readonly decisionPending: boolean;
  readonly change: ChangeSinceBaseline | null;
}

export interface AssessmentSummary {
  readonly id: string;
  readonly kind: AssessmentKind;
  readonly assessedAt: string;
  readonly scores: readonly {
    readonly instrument: InstrumentId;
    readonly display: string;
    readonly bandLabel: string | null;
  }[];
  readonly screen: {
    readonly action: ScreenAction;
    readonly requiresClinicianDecision: boolean;
    readonly concerns: readonly string[];
  };
  readonly decisionPending: boolean;
  readonly flagDecision: FlagDecision | null;
  readonly history: AssessmentHistory | null;
}

export interface NewAssessment {
  readonly kind: AssessmentKind;
  readonly questionnaires: readonly {
    readonly instrument: InstrumentId;
    readonly answers: readonly unknown[];
  }[];
  readonly redFlags: { readonly findings: FindingAnswers };
  readonly examination?: {
    readonly symptomDurationDays?: number;
    readonly recurrentEpisode?: boolean;
    readonly symptomsBelowKnee?: boolean;
    readonly examination?: Readonly<Record<string, boolean | number>> & {
      readonly repeatedMovements?: readonly {
        readonly direction: MovementDirection;
        readonly effect: MovementEffect;
      }[];
    };
  };
  readonly history?: AssessmentHistory;
}

const episodePath = (episodeId: string) =>
  `/api/episodes/${encodeURIComponent(episodeId)}/assessments`;

export const instrumentsQueryKey = ['instruments'] as const;
export const episodeAssessmentsQueryKey = (episodeId: string) =>
  ['episode-assessments', episodeId] as const;
export const assessmentQueryKey = (id: string) => ['assessment', id] as const;

export async function fetchInstruments(signal?: AbortSignal): Promise<readonly Instrument[]> {
  const { instruments } = await api.get<{ instruments: Instrument[] }>('/api/instruments', signal);
  return instruments;
}

export async function fetchEpisodeAssessments(
  episodeId: string,
  signal?: AbortSignal,
): Promise<readonly AssessmentSummary[]> {
  const { assessments } = await api.get<{ assessments: AssessmentSummary[] }>(
    episodePath(episodeId),
    signal,
  );
  return assessments;
}

export function fetchAssessment(id: string, signal?: AbortSignal): Promise<AssessmentRecord> {
  return api.get<AssessmentRecord>(`/api/assessments/${encodeURIComponent(id)}`, signal);
}

export function screenFindings(region: Region, findings: FindingAnswers): Promise<RedFlagScreen> {
  return api.post<RedFlagScreen>('/api/red-flag-screen', { region, findings });
}

export function createAssessment(
  episodeId: string,
  body: NewAssessment,
): Promise<AssessmentRecord> {
  return api.post<AssessmentRecord>(episodePath(episodeId), body);
}

export function recordFlagDecision(
  assessmentId: string,
  decision: FlagDecisionChoice,
  reason: string,
): Promise<AssessmentRecord> {
  return api.post<AssessmentRecord>(
    `/api/assessments/${encodeURIComponent(assessmentId)}/flag-decision`,
    { decision, reason },
  );
}
