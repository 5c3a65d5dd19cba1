/**
 * Questionnaire requests: what a clinician (or the programme's schedule) asks a patient to fill
 * in on their phone, and what the patient answered. The server scores the answers; the client
 * never sends a score.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { InstrumentId } from '@spinewise/clinical';
import type { Database } from '../database/client.js';
import {
  episodes,
  patients,
  programmes,
  questionnaireRequests,
  users,
  type QuestionnaireRequest,
  type RequestedQuestionnaireAnswers,
} from '../database/schema.js';
import { findActiveProgramme } from '../logs/session-logs.js';
import { dueReassessment, sameInstruments } from './schedule.js';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** More than any patient holds; a bound so one read never scans without end. */
export const REQUEST_LIST_LIMIT = 200;

/** Serialises the schedule's check-then-insert per patient (two phones opening at once). */
const SCHEDULE_LOCK_NAMESPACE = 'questionnaire-schedule:';

export interface RequestWithRequester {
  readonly request: QuestionnaireRequest;
  readonly requestedByName: string;
}

const requestColumns = { request: questionnaireRequests, requestedByName: users.displayName };

export interface NewRequestInput {
  readonly patientId: string;
  readonly episodeId: string;
  readonly instruments: readonly InstrumentId[];
  readonly message: string | null;
  readonly dueOn: string;
  readonly requestedBy: string;
  readonly now: Date;
}

export async function insertRequest(
  db: Database | Transaction,
  input: NewRequestInput,
): Promise<QuestionnaireRequest> {
  const [row] = await db
    .insert(questionnaireRequests)
    .values({
      patientId: input.patientId,
      episodeId: input.episodeId,
      instruments: [...input.instruments],
      message: input.message,
      dueOn: input.dueOn,
      requestedBy: input.requestedBy,
      createdAt: input.now,
    })
    .returning();
  if (row === undefined) throw new Error('no questionnaire request inserted');
  return row;
}

/** The patient's requests, newest first, with the requester's name. */
export async function listRequests(
  db: Database,
  patientId: string,
): Promise<RequestWithRequester[]> {
  return db
    .select(requestColumns)
    .from(questionnaireRequests)
    .innerJoin(users, eq(users.id, questionnaireRequests.requestedBy))
    .where(eq(questionnaireRequests.patientId, patientId))
    .orderBy(desc(questionnaireRequests.createdAt), desc(questionnaireRequests.id))
    .limit(REQUEST_LIST_LIMIT);
}

/** The request with its patient, if the patient belongs to `clinicId`. */
export async function findRequestInClinic(
  db: Database | Transaction,
  clinicId: string,
  requestId: string,
): Promise<RequestWithRequester | undefined> {
  const [row] = await db
    .select(requestColumns)
    .from(questionnaireRequests)
    .innerJoin(patients, eq(patients.id, questionnaireRequests.patientId))
    .innerJoin(users, eq(users.id, questionnaireRequests.requestedBy))
    .where(and(eq(questionnaireRequests.id, requestId), eq(patients.clinicId, clinicId)))
    .limit(1);
  return row;
}

/** The request if it is `patientId`'s. */
export async function findPatientRequest(
  db: Database | Transaction,
  patientId: string,
  requestId: string,
): Promise<RequestWithRequester | undefined> {
  const [row] = await db
    .select(requestColumns)
    .from(questionnaireRequests)
    .innerJoin(users, eq(users.id, questionnaireRequests.requestedBy))
    .where(
      and(eq(questionnaireRequests.id, requestId), eq(questionnaireRequests.patientId, patientId)),
    )
    .limit(1);
  return row;
}

/** pending → cancelled. Only a pending request changes; the state is checked in the update. */
export async function cancelRequest(
  db: Database,
  requestId: string,
  now: Date,
): Promise<QuestionnaireRequest | undefined> {
  const [row] = await db
    .update(questionnaireRequests)
    .set({ state: 'cancelled', cancelledAt: now })
    .where(and(eq(questionnaireRequests.id, requestId), eq(questionnaireRequests.state, 'pending')))
    .returning();
  return row;
}

/** pending → completed with the scored answers; `undefined` when it was no longer pending. */
export async function completeRequest(
  db: Database,
  requestId: string,
  answers: readonly RequestedQuestionnaireAnswers[],
  now: Date,
): Promise<QuestionnaireRequest | undefined> {
  const [row] = await db
    .update(questionnaireRequests)
    .set({ state: 'completed', answers: [...answers], completedAt: now })
    .where(and(eq(questionnaireRequests.id, requestId), eq(questionnaireRequests.state, 'pending')))
    .returning();
  return row;
}

export interface ScheduleInput {
  readonly patientId: string;
  /** `YYYY-MM-DD` */
  readonly today: string;
  readonly now: Date;
}

/**
 * Creates the pending request for the active programme's reassessment whose day has come, once.
 * There is no column naming the programme reassessment a request is for, so a request of the
 * same episode due on the reassessment's day for the same instruments stands for it — whoever
 * made it and whatever its state: one the clinician cancelled is not made again. Requested by
 * the patient's clinician. Returns the request it made, or `null`.
 */
export async function ensureScheduledRequest(
  db: Database,
  input: ScheduleInput,
): Promise<QuestionnaireRequest | null> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${SCHEDULE_LOCK_NAMESPACE + input.patientId}, 0))`,
    );
    const programme = await findActiveProgramme(tx, input.patientId);
    if (programme === undefined) return null;
    const due = dueReassessment(programme.content, input.today);
    if (due === null) return null;

    const [context] = await tx
      .select({ episodeId: programmes.episodeId, clinicianId: patients.clinicianId })
      .from(programmes)
      .innerJoin(episodes, eq(episodes.id, programmes.episodeId))
      .innerJoin(patients, eq(patients.id, episodes.patientId))
      .where(eq(programmes.id, programme.id))
      .limit(1);
    if (context === undefined) return null;

    const existing = await tx
      .select({ instruments: questionnaireRequests.instruments })
      .from(questionnaireRequests)
      .where(
        and(
          eq(questionnaireRequests.episodeId, context.episodeId),
          eq(questionnaireRequests.dueOn, due.date),
        ),
      );
    if (existing.some((row) => sameInstruments(row.instruments, due.instruments))) return null;

    return insertRequest(tx, {
      patientId: input.patientId,
      episodeId: context.episodeId,
      instruments: due.instruments,
      message: null,
      dueOn: due.date,
      requestedBy: context.clinicianId,
      now: input.now,
    });
  });
}
