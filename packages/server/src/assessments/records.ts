/**
 * Assessments in PostgreSQL (issue 4 §2–3): storing one with the alert its red-flag screen
 * raises, reading them back, and the clinician's decision on a flag. Every look-up is scoped by
 * clinic: another clinic's episode or assessment is "not found", never "forbidden", so a guessed
 * id confirms nothing. Whether the user may act is the route's check.
 *
 * An alert is raised in the same transaction as the assessment that causes it: once the
 * assessment is acknowledged, the caseload shows the alert.
 */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ClinicianDecision, RedFlagScreen } from '@spinewise/clinical';
import type { Database } from '../database/client.js';
import {
  alerts,
  assessments,
  episodes,
  patients,
  type Alert,
  type AssessmentHistory,
  type AssessmentKind,
  type AssessmentRow,
  type Episode,
  type FlagDecision,
} from '../database/schema.js';
import { isUuid } from '../logs/session-logs.js';
import type { EvaluatedAssessment } from './evaluate.js';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** More than any episode holds; a bound so one read never scans without end. */
export const ASSESSMENT_LIST_LIMIT = 500;

/** The decisions a clinician records on a flag, as the clinical core names them. [S-RF] */
export const flagDecisions = [
  'reviewedAndCleared',
  'referred',
] as const satisfies readonly ClinicianDecision['decision'][];

/** The episode with id `episodeId` if its patient belongs to `clinicId`. */
export async function findEpisodeInClinic(
  db: Database | Transaction,
  clinicId: string,
  episodeId: string,
): Promise<Episode | undefined> {
  if (!isUuid(episodeId) || !isUuid(clinicId)) return undefined;
  const [row] = await db
    .select({ episode: episodes })
    .from(episodes)
    .innerJoin(patients, eq(patients.id, episodes.patientId))
    .where(and(eq(episodes.id, episodeId), eq(patients.clinicId, clinicId)))
    .limit(1);
  return row?.episode;
}

export interface AssessmentInClinic {
  readonly assessment: AssessmentRow;
  readonly episode: Episode;
}

/** The assessment with id `assessmentId` with its episode, if its patient belongs to `clinicId`. */
export async function findAssessmentInClinic(
  db: Database | Transaction,
  clinicId: string,
  assessmentId: string,
): Promise<AssessmentInClinic | undefined> {
  if (!isUuid(assessmentId) || !isUuid(clinicId)) return undefined;
  const [row] = await db
    .select({ assessment: assessments, episode: episodes })
    .from(assessments)
    .innerJoin(episodes, eq(episodes.id, assessments.episodeId))
    .innerJoin(patients, eq(patients.id, episodes.patientId))
    .where(and(eq(assessments.id, assessmentId), eq(patients.clinicId, clinicId)))
    .limit(1);
  return row;
}

/** The episode's assessments, newest first. */
export function listEpisodeAssessments(db: Database, episodeId: string): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(eq(assessments.episodeId, episodeId))
    .orderBy(desc(assessments.assessedAt), desc(assessments.createdAt), desc(assessments.id))
    .limit(ASSESSMENT_LIST_LIMIT);
}

/**
 * The episode's baseline for an assessment made at `assessedAt`: the latest baseline assessed
 * at or before it (a later baseline replaces an earlier one), never the assessment itself.
 */
export async function findBaseline(
  db: Database | Transaction,
  episodeId: string,
  assessedAt: Date,
  excludeId?: string,
): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.episodeId, episodeId),
        eq(assessments.kind, 'baseline'),
        sql`${assessments.assessedAt} <= ${assessedAt.toISOString()}`,
        ...(excludeId === undefined ? [] : [ne(assessments.id, excludeId)]),
      ),
    )
    .orderBy(desc(assessments.assessedAt), desc(assessments.createdAt))
    .limit(1);
  return row;
}

/** The red-flag alerts an assessment raised (by `source.assessmentId`), the newest first. */
export function alertsRaisedBy(
  db: Database | Transaction,
  patientId: string,
  assessmentId: string,
): Promise<Alert[]> {
  return db
    .select()
    .from(alerts)
    .where(
      and(
        // The patient's alerts first: that is the index (`alerts_patient_state_idx`).
        eq(alerts.patientId, patientId),
        eq(alerts.type, 'redFlagSymptom'),
        sql`${alerts.source} ->> 'assessmentId' = ${assessmentId}`,
      ),
    )
    .orderBy(desc(alerts.createdAt));
}

/** Whether the screen says emergency or urgent: then an alert and a clinician's decision. [S-RF] */
export function screenNeedsAlert(screen: RedFlagScreen): screen is RedFlagScreen & {
  action: 'emergency' | 'urgent';
} {
  return screen.action === 'emergency' || screen.action === 'urgent';
}

/** The alert's text: the level and the conditions that set it, in plain words. */
export function redFlagAlertMessage(screen: RedFlagScreen): string {
  const titles = screen.concerns
    .filter((concern) => concern.action === screen.action)
    .map((concern) => concern.title);
  const level = screen.action === 'emergency' ? 'Emergency' : 'Urgent';
  return `${level} red-flag screen at assessment: ${titles.join('; ')}. Record a decision (referred, or reviewed and cleared with a reason) before a programme is started.`;
}

export interface RecordAssessmentInput {
  readonly episodeId: string;
  readonly patientId: string;
  readonly clinicId: string;
  readonly createdBy: string;
  readonly kind: AssessmentKind;
  readonly assessedAt: Date;
  readonly evaluated: EvaluatedAssessment;
  /** The history the clinician took (surgery, factors, work); null when none was sent. */
  readonly history?: AssessmentHistory | null;
  readonly now: Date;
}

export type RecordAssessmentResult =
  | {
      readonly ok: true;
      readonly assessment: AssessmentRow;
      /** The red-flag alert raised, when the screen said emergency or urgent. */
      readonly alert: Alert | null;
      /** The patient's `reassessmentDue` alerts this reassessment resolved. */
      readonly resolvedAlerts: readonly Alert[];
    }
  | { readonly ok: false; readonly reason: 'episodeNotFound' | 'discharged' };

/**
 * Stores an evaluated assessment. In one transaction, with the episode locked so a discharge
 * cannot slip in between: the episode must be active; an emergency or urgent screen raises a
 * `redFlagSymptom` alert; a reassessment resolves the patient's open `reassessmentDue` alerts
 * (resolved by the server: `resolved_by` stays null).
 */
export function recordAssessment(
  db: Database,
  input: RecordAssessmentInput,
): Promise<RecordAssessmentResult> {
  const { evaluated } = input;
  return db.transaction(async (tx): Promise<RecordAssessmentResult> => {
    const [episode] = await tx
      .select({ status: episodes.status })
      .from(episodes)
      .where(and(eq(episodes.id, input.episodeId), eq(episodes.patientId, input.patientId)))
      .for('update');
    if (episode === undefined) return { ok: false, reason: 'episodeNotFound' };
    if (episode.status === 'discharged') return { ok: false, reason: 'discharged' };

    const [assessment] = await tx
      .insert(assessments)
      .values({
        episodeId: input.episodeId,
        kind: input.kind,
        assessedAt: input.assessedAt,
        questionnaires: evaluated.questionnaires,
        redFlagFindings: evaluated.findings,
        redFlagScreen: evaluated.screen,
        examination: evaluated.classificationInput,
        classification: evaluated.classification,
        history: input.history ?? null,
        createdBy: input.createdBy,
        createdAt: input.now,
      })
      .returning();
    if (assessment === undefined) throw new Error('inserting an assessment returned no row');

    let alert: Alert | null = null;
    if (screenNeedsAlert(evaluated.screen)) {
      const [raised] = await tx
        .insert(alerts)
        .values({
          patientId: input.patientId,
          clinicId: input.clinicId,
          type: 'redFlagSymptom',
          // [S-RF] the alert is as severe as the screen's action.
          severity: evaluated.screen.action,
          message: redFlagAlertMessage(evaluated.screen),
          source: { assessmentId: assessment.id },
          createdAt: input.now,
        })
        .returning();
      alert = raised ?? null;
    }

    const resolvedAlerts =
      input.kind === 'reassessment'
        ? await tx
            .update(alerts)
            .set({ state: 'resolved', resolvedAt: input.now, resolvedBy: null })
            .where(
              and(
                eq(alerts.patientId, input.patientId),
                eq(alerts.type, 'reassessmentDue'),
                inArray(alerts.state, ['open', 'acknowledged']),
              ),
            )
            .returning()
        : [];

    return { ok: true, assessment, alert, resolvedAlerts };
  });
}

export interface RecordFlagDecisionInput {
  readonly assessmentId: string;
  readonly clinicId: string;
  readonly userId: string;
  readonly decision: FlagDecision['decision'];
  readonly reason: string;
  readonly now: Date;
}

export type RecordFlagDecisionResult =
  | {
      readonly ok: true;
      readonly assessment: AssessmentRow;
      readonly episode: Episode;
      /** The assessment's red-flag alerts the decision resolved. */
      readonly resolvedAlerts: readonly Alert[];
    }
  | { readonly ok: false; readonly reason: 'notFound' | 'notRequired' }
  | { readonly ok: false; readonly reason: 'alreadyDecided'; readonly decision: FlagDecision };

/**
 * Records the clinician's decision on an emergency or urgent screen, once, and resolves the
 * alert the assessment raised (resolved by the deciding clinician). The row is locked, so two
 * clinicians deciding at once cannot both record one.
 */
export function recordFlagDecision(
  db: Database,
  input: RecordFlagDecisionInput,
): Promise<RecordFlagDecisionResult> {
  return db.transaction(async (tx): Promise<RecordFlagDecisionResult> => {
    const found = await findAssessmentInClinic(tx, input.clinicId, input.assessmentId);
    if (found === undefined) return { ok: false, reason: 'notFound' };
    const [locked] = await tx
      .select()
      .from(assessments)
      .where(eq(assessments.id, found.assessment.id))
      .for('update');
    if (locked === undefined) return { ok: false, reason: 'notFound' };
    if (!locked.redFlagScreen.requiresClinicianDecision)
      return { ok: false, reason: 'notRequired' };
    if (locked.flagDecision !== null) {
      return { ok: false, reason: 'alreadyDecided', decision: locked.flagDecision };
    }

    const flagDecision: FlagDecision = {
      decision: input.decision,
      reason: input.reason,
      by: input.userId,
      at: input.now.toISOString(),
    };
    const [assessment] = await tx
      .update(assessments)
      .set({ flagDecision })
      .where(eq(assessments.id, locked.id))
      .returning();
    if (assessment === undefined) throw new Error('updating an assessment returned no row');

    const resolvedAlerts = await tx
      .update(alerts)
      .set({ state: 'resolved', resolvedAt: input.now, resolvedBy: input.userId })
      .where(
        and(
          eq(alerts.patientId, found.episode.patientId),
          eq(alerts.type, 'redFlagSymptom'),
          inArray(alerts.state, ['open', 'acknowledged']),
          sql`${alerts.source} ->> 'assessmentId' = ${assessment.id}`,
        ),
      )
      .returning();
    return { ok: true, assessment, episode: found.episode, resolvedAlerts };
  });
}
