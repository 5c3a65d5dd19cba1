/**
 * Questionnaires sent to the patient's phone (issue 5 journey 3, issue 6 item 6), under `/api`:
 * - `POST /api/episodes/:episodeId/questionnaire-requests`  a clinician sends questionnaires
 * - `GET /api/patients/:patientId/questionnaire-requests`   what was sent, with any results
 * - `POST /api/questionnaire-requests/:requestId/cancel`    pending → cancelled
 * - `GET /api/me/questionnaires`                            the patient's due and completed ones
 * - `POST /api/me/questionnaires/:requestId`                the patient's answers, scored here
 *
 * The server scores every answer with the clinical core; a client never sends a score. A
 * programme reassessment whose day has come becomes a request the first time the patient looks
 * (questionnaires/requests.ts). Every read and write of patient data is audited.
 */
import {
  getInstrument,
  instrumentIds,
  type InstrumentId,
  type InstrumentItem,
} from '@spinewise/clinical';
import { asc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { findEpisodeInClinic } from '../../assessments/records.js';
import { listInstrumentImports } from '../../assessments/instrument-imports.js';
import type { Database } from '../../database/client.js';
import {
  assessments,
  type InstrumentImport,
  type QuestionnaireRequest,
} from '../../database/schema.js';
import {
  cancelRequest,
  completeRequest,
  ensureScheduledRequest,
  findPatientRequest,
  findRequestInClinic,
  insertRequest,
  listRequests,
  type RequestWithRequester,
} from '../../questionnaires/requests.js';
import { scoreSubmission } from '../../questionnaires/schedule.js';
import { auditPatient, findVisiblePatient, ownPatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { instrumentScoreSchema } from '../assessments/schemas.js';
import { dayOf } from '../logs/routes.js';
import { ProblemError, badRequest, conflict, notFound, problemResponse } from '../problem.js';
import { requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';

export interface QuestionnaireFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

export const MESSAGE_MAX_LENGTH = 500;
export const MAX_REQUESTED_INSTRUMENTS = 10;
/** The most answers any instrument takes is 24 (RMDQ); room to spare, never a flood. */
const MAX_ANSWERS = 50;

// ---------------------------------------------------------------- schemas

const instrumentValues = instrumentIds as readonly [InstrumentId, ...InstrumentId[]];
const instrumentId = z.enum(instrumentValues);

const episodeParams = z.object({ episodeId: z.uuid() });
const patientParams = z.object({ patientId: z.uuid() });
const requestParams = z.object({ requestId: z.uuid() });

const createBodySchema = z
  .strictObject({
    instruments: z
      .array(instrumentId)
      .min(1)
      .max(MAX_REQUESTED_INSTRUMENTS)
      .refine((list) => new Set(list).size === list.length, {
        message: 'must name each questionnaire once',
      }),
    message: z
      .string()
      .trim()
      .min(1, 'must not be blank; leave it out for no message')
      .max(MESSAGE_MAX_LENGTH)
      .optional()
      .describe('A word from the clinician, shown to the patient with the questionnaires'),
    dueOn: z.iso
      .date()
      .optional()
      .describe('YYYY-MM-DD, the day it is due; today unless given, never in the past'),
  })
  .meta({ id: 'NewQuestionnaireRequest' });

const submitBodySchema = z
  .strictObject({
    questionnaires: z
      .array(
        z.strictObject({
          instrument: instrumentId,
          answers: z
            .array(z.unknown())
            .max(MAX_ANSWERS)
            .describe('In item order: numbers, option labels, null for a skipped item'),
        }),
      )
      .min(1)
      .max(MAX_REQUESTED_INSTRUMENTS),
  })
  .meta({ id: 'QuestionnaireAnswers' });

const resultSchema = z.object({
  instrument: instrumentId,
  answers: z.array(z.unknown()).readonly().describe('As given'),
  score: instrumentScoreSchema,
});

const requestSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    episodeId: z.uuid(),
    instruments: z.array(instrumentId).readonly(),
    message: z.string().nullable(),
    dueOn: z.iso.date(),
    state: z.enum(['pending', 'completed', 'cancelled']),
    requestedBy: z.uuid(),
    requestedByName: z.string(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    results: z
      .array(resultSchema)
      .readonly()
      .nullable()
      .describe('The answers with their scores once completed; null before'),
  })
  .meta({ id: 'QuestionnaireRequest' });

const requestListSchema = z
  .object({ requests: z.array(requestSchema) })
  .meta({ id: 'QuestionnaireRequestList' });

const patientInstrumentSchema = z
  .object({
    id: instrumentId,
    title: z.string(),
    shortTitle: z.string(),
    description: z.string(),
    answerCount: z.object({ min: z.int(), max: z.int() }),
    multipleMarks: z.enum(['highest', 'reject']),
    missing: z.object({
      rule: z.enum(['prorate', 'none']),
      maxMissing: z.int(),
      description: z.string(),
    }),
    wording: z.enum(['paraphrase', 'licensed-import']),
    copyright: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        number: z.int(),
        text: z.string().describe("The clinic's licensed wording, or our own short label"),
        options: z.array(z.object({ value: z.number(), label: z.string() })).readonly(),
        scored: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'PatientInstrument' });

const myQuestionnairesSchema = z
  .object({
    due: z.array(requestSchema).describe('Pending requests, the earliest due first'),
    completed: z.array(requestSchema).describe('Completed requests, the newest first'),
    instruments: z
      .array(patientInstrumentSchema)
      .describe('What the phone needs to show each instrument of the due requests'),
    goals: z
      .array(z.object({ episodeId: z.uuid(), activities: z.array(z.string()) }))
      .describe(
        'For each episode of a due request asking for the PSFS: the activities the patient named at the baseline, to rate again (the PSFS follows the same activities). [S-PSFS]',
      ),
  })
  .meta({ id: 'MyQuestionnaires' });

/**
 * The PSFS activities named at each episode's baseline assessment (the earliest with a PSFS):
 * a follow-up rates the same activities, so their change can be read one by one. [S-PSFS]
 */
async function baselineActivities(
  db: Database,
  episodeIds: readonly string[],
): Promise<{ episodeId: string; activities: string[] }[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select({ episodeId: assessments.episodeId, questionnaires: assessments.questionnaires })
    .from(assessments)
    .where(inArray(assessments.episodeId, [...episodeIds]))
    .orderBy(asc(assessments.assessedAt));
  const found = new Map<string, string[]>();
  for (const row of rows) {
    if (found.has(row.episodeId)) continue;
    const psfs = row.questionnaires.find((questionnaire) => questionnaire.instrument === 'psfs');
    if (psfs === undefined) continue;
    const activities = psfs.answers.flatMap((answer) =>
      typeof answer === 'object' &&
      answer !== null &&
      'activity' in answer &&
      typeof answer.activity === 'string' &&
      answer.activity.trim() !== ''
        ? [answer.activity.trim()]
        : [],
    );
    if (activities.length > 0) found.set(row.episodeId, activities);
  }
  return [...found].map(([episodeId, activities]) => ({ episodeId, activities }));
}

// ---------------------------------------------------------------- shaping

function iso(at: Date | null): string | null {
  return at === null ? null : at.toISOString();
}

export function publicRequest({ request, requestedByName }: RequestWithRequester) {
  return publicRow(request, requestedByName);
}

function publicRow(request: QuestionnaireRequest, requestedByName: string) {
  return {
    id: request.id,
    patientId: request.patientId,
    episodeId: request.episodeId,
    instruments: [...request.instruments],
    message: request.message,
    dueOn: request.dueOn,
    state: request.state,
    requestedBy: request.requestedBy,
    requestedByName,
    createdAt: request.createdAt.toISOString(),
    completedAt: iso(request.completedAt),
    cancelledAt: iso(request.cancelledAt),
    results:
      request.state === 'completed' && request.answers !== null
        ? request.answers.map((entry) => ({
            instrument: entry.instrument,
            answers: [...entry.answers],
            score: entry.score,
          }))
        : null,
  };
}

/** An instrument as the phone shows it: the clinic's licensed wording when it imported one. */
function patientInstrument(id: InstrumentId, row: InstrumentImport | undefined) {
  const definition = getInstrument(id);
  const licensed = row?.imported.instrument.items;
  return {
    id: definition.id,
    title: definition.title,
    shortTitle: definition.shortTitle,
    description: definition.description,
    answerCount: definition.answerCount,
    multipleMarks: definition.multipleMarks,
    missing: definition.missing,
    wording: row === undefined ? definition.wording : ('licensed-import' as const),
    // [S-LIC] the notice shown is the licence holder's once their wording is imported.
    copyright: row?.imported.instrument.copyright ?? definition.copyright,
    items: definition.items.map((item, index) => {
      const shown: InstrumentItem = licensed?.[index] ?? item;
      return {
        id: item.id,
        number: item.number,
        text: shown.text ?? shown.label,
        options: shown.options.map((option) => ({ value: option.value, label: option.label })),
        scored: item.scored,
      };
    }),
  };
}

// ---------------------------------------------------------------- look-ups

/** The signed-in patient's own record: the only patient a patient's request can touch. */

function notPending(request: QuestionnaireRequest, doing: string): ProblemError {
  return new ProblemError(
    conflict(`These questionnaires are ${request.state}; they cannot be ${doing} now.`),
  );
}

// ---------------------------------------------------------------- routes

export const questionnaireRoutes: RoutePlugin<QuestionnaireFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.post(
    '/episodes/:episodeId/questionnaire-requests',
    {
      schema: {
        summary: "Send questionnaires to the patient's phone",
        description:
          'The patient fills them in on their phone and the server scores them. Due today unless `dueOn` says otherwise. The episode must be active and the patient must have a log-in. Needs the x-csrf-token header.',
        tags: ['questionnaires'],
        params: episodeParams,
        body: createBodySchema,
        response: {
          201: requestSchema,
          400: problemResponse('The body is invalid; errors name the field'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator, or the CSRF header is missing'),
          404: problemResponse('No such episode in your clinic'),
          409: problemResponse(
            'The episode is discharged, or the patient has not accepted their invitation',
          ),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const episode = await findEpisodeInClinic(db, auth.user.clinicId, request.params.episodeId);
      if (episode === undefined) throw new ProblemError(notFound('episode'));
      const at = now();
      const today = dayOf(at);
      const body = request.body;
      const dueOn = body.dueOn ?? today;
      if (dueOn < today) {
        throw new ProblemError(
          badRequest([{ path: 'body.dueOn', message: `must be today (${today}) or later` }]),
        );
      }
      if (episode.status !== 'active') {
        throw new ProblemError(
          conflict('This episode is discharged; questionnaires go with an active episode.'),
        );
      }
      const patient = await findVisiblePatient(db, auth, episode.patientId);
      if (patient.userId === null) {
        throw new ProblemError(
          conflict(
            'This patient has not accepted their invitation yet, so there is no phone to send questionnaires to.',
          ),
        );
      }
      const row = await insertRequest(db, {
        patientId: patient.id,
        episodeId: episode.id,
        instruments: body.instruments,
        message: body.message ?? null,
        dueOn,
        requestedBy: auth.user.id,
        now: at,
      });
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'create',
        resource: 'questionnaireRequest',
        patientId: patient.id,
        resourceId: row.id,
        detail: { episodeId: episode.id, instruments: row.instruments, dueOn },
      });
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send(publicRow(row, auth.user.displayName));
    },
  );

  app.get(
    '/patients/:patientId/questionnaire-requests',
    {
      schema: {
        summary: 'Questionnaires sent to a patient',
        description:
          'Newest first, in every state, with the answers and their scores once completed.',
        tags: ['questionnaires'],
        params: patientParams,
        response: {
          200: requestListSchema,
          400: problemResponse('The patient id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such patient in your clinic'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const patient = await findVisiblePatient(db, auth, request.params.patientId);
      const rows = await listRequests(db, patient.id);
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'questionnaireRequest',
        patientId: patient.id,
        detail: { count: rows.length },
      });
      void reply.header('cache-control', 'no-store');
      return { requests: rows.map(publicRequest) };
    },
  );

  app.post(
    '/questionnaire-requests/:requestId/cancel',
    {
      schema: {
        summary: 'Cancel questionnaires not yet filled in',
        description:
          'pending → cancelled: the patient no longer sees them. Needs the x-csrf-token header.',
        tags: ['questionnaires'],
        params: requestParams,
        response: {
          200: requestSchema,
          400: problemResponse('The request id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator, or the CSRF header is missing'),
          404: problemResponse('No such request in your clinic'),
          409: problemResponse('Already completed or cancelled'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const found = await findRequestInClinic(db, auth.user.clinicId, request.params.requestId);
      if (found === undefined) throw new ProblemError(notFound('questionnaire request'));
      const at = now();
      const cancelled = await cancelRequest(db, found.request.id, at);
      if (cancelled === undefined) {
        const current = await findRequestInClinic(db, auth.user.clinicId, found.request.id);
        throw notPending(current?.request ?? found.request, 'cancelled');
      }
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'update',
        resource: 'questionnaireRequest',
        patientId: cancelled.patientId,
        resourceId: cancelled.id,
        detail: { state: 'cancelled' },
      });
      void reply.header('cache-control', 'no-store');
      return publicRow(cancelled, found.requestedByName);
    },
  );

  app.get(
    '/me/questionnaires',
    {
      schema: {
        summary: 'My questionnaires to fill in, and those I filled in',
        description:
          "Pending requests (the earliest due first) with each instrument's items as the clinic words them, and completed ones with their scores. A programme reassessment whose day has come is added as a request the first time, once.",
        tags: ['patient app'],
        response: {
          200: myQuestionnairesSchema,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
          404: problemResponse('No patient record for this log-in'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatient(db, auth);
      const at = now();
      const origin = requestOrigin(request);
      const scheduled = await ensureScheduledRequest(db, {
        patientId: patient.id,
        today: dayOf(at),
        now: at,
      });
      if (scheduled !== null) {
        await auditPatient(db, auth.user, origin, at, {
          action: 'create',
          resource: 'questionnaireRequest',
          patientId: patient.id,
          resourceId: scheduled.id,
          detail: {
            source: 'programmeReassessment',
            instruments: scheduled.instruments,
            dueOn: scheduled.dueOn,
          },
        });
      }
      const rows = await listRequests(db, patient.id);
      const due = rows
        .filter((row) => row.request.state === 'pending')
        .sort((a, b) => a.request.dueOn.localeCompare(b.request.dueOn));
      const completed = rows.filter((row) => row.request.state === 'completed');
      const wanted = [...new Set(due.flatMap((row) => row.request.instruments))];
      const imports: ReadonlyMap<InstrumentId, InstrumentImport> =
        wanted.length === 0 ? new Map() : await listInstrumentImports(db, patient.clinicId);
      const goals = await baselineActivities(db, [
        ...new Set(
          due
            .filter((row) => row.request.instruments.includes('psfs'))
            .map((row) => row.request.episodeId),
        ),
      ]);
      await auditPatient(db, auth.user, origin, at, {
        action: 'read',
        resource: 'questionnaireRequest',
        patientId: patient.id,
        detail: { due: due.length, completed: completed.length },
      });
      void reply.header('cache-control', 'no-store');
      return {
        due: due.map(publicRequest),
        completed: completed.map(publicRequest),
        instruments: wanted.map((id) => patientInstrument(id, imports.get(id))),
        goals,
      };
    },
  );

  app.post(
    '/me/questionnaires/:requestId',
    {
      schema: {
        summary: 'Send my answers',
        description:
          'Exactly the requested questionnaires, each once, answers in item order. The server scores them; errors name the item (`body.questionnaires[0].answers[3]`). Needs the x-csrf-token header.',
        tags: ['patient app'],
        params: requestParams,
        body: submitBodySchema,
        response: {
          200: requestSchema,
          400: problemResponse('An answer is missing or not allowed; errors name the item'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
          404: problemResponse('No such request of yours'),
          409: problemResponse('Already completed or cancelled'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatient(db, auth);
      const found = await findPatientRequest(db, patient.id, request.params.requestId);
      if (found === undefined) throw new ProblemError(notFound('questionnaire request'));
      if (found.request.state !== 'pending') throw notPending(found.request, 'filled in');
      // ClinicalInputError → 400 naming `body.questionnaires[i]…`.
      const answers = scoreSubmission(found.request.instruments, request.body.questionnaires);
      const at = now();
      const completed = await completeRequest(db, found.request.id, answers, at);
      if (completed === undefined) {
        const current = await findPatientRequest(db, patient.id, found.request.id);
        throw notPending(current?.request ?? found.request, 'filled in');
      }
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'update',
        resource: 'questionnaireRequest',
        patientId: patient.id,
        resourceId: completed.id,
        detail: { state: 'completed', instruments: completed.instruments },
      });
      void reply.header('cache-control', 'no-store');
      return publicRow(completed, found.requestedByName);
    },
  );

  return Promise.resolve();
};

/** Adds the questionnaire routes under `/api`; register after `registerSessionFeature`. */
export function registerQuestionnaireFeature(app: App, options: QuestionnaireFeatureOptions): void {
  registerRoutes(app, questionnaireRoutes, { ...options, prefix: '/api' });
}
