/**
 * Clinical notes (SOAP) with the passive treatments given (issue 4 §2–3), under `/api`:
 * - `GET   /api/passive-treatments`              the modalities for the note form, with NICE's
 *                                                  "do not offer" and its note [S-NICE]
 * - `POST  /api/patients/:patientId/notes`       write a note of a visit (clinicians)
 * - `GET   /api/patients/:patientId/notes`       a patient's notes, the newest visit first
 * - `GET   /api/notes/:noteId`                   one note
 * - `PATCH /api/notes/:noteId`                   amend the SOAP text (the author only)
 *
 * Notes are for the clinic's staff: a patient never reads them (403), another clinic's patient
 * or note is "not found". A treatment NICE NG59 says not to offer is recorded only with the
 * clinician's reason, and the guideline note they were shown is stored with it. Every read and
 * write is audited; an amendment's audit entry names the parts changed, never the text.
 *
 * Register after `registerSessionFeature`: these routes rely on its `request.auth` and CSRF hook.
 */
import { notOfferedModalities, notOfferedNote, regions, type Region } from '@spinewise/clinical';
import { z } from 'zod';
import type { Database } from '../../database/client.js';
import type { PassiveTreatment } from '../../database/schema.js';
import {
  amendNote,
  createNote,
  findNote,
  listNotes,
  soapFields,
  type CreateNoteResult,
  type NoteWithTreatments,
} from '../../notes/notes.js';
import {
  notOfferedById,
  passiveTreatmentGuidance,
  passiveTreatmentOptions,
} from '../../notes/passive-treatments.js';
import { auditPatient, findVisiblePatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { dayOf } from '../logs/routes.js';
import {
  ProblemError,
  badRequest,
  forbidden,
  notFound,
  problemResponse,
  type FieldError,
} from '../problem.js';
import { requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';

export interface NoteFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

// ---------------------------------------------------------------- schemas

/** Each SOAP part: room for a thorough note, not for a book. */
export const SOAP_TEXT_MAX_LENGTH = 10_000;
export const MODALITY_MAX_LENGTH = 200;
export const TREATMENT_TEXT_MAX_LENGTH = 2_000;
export const TREATMENTS_PER_NOTE_MAX = 20;
const NOTE_LIST_MAX = 500;

/** Bounded text (a NUL character, which PostgreSQL refuses, is caught for every route in `app.ts`). */
function text(max: number) {
  return z.string().max(max);
}

// The clinical core lists its regions and modalities as plain arrays; zod wants tuples.
const regionValues = regions as readonly [Region, ...Region[]];
const notOfferedIds = notOfferedModalities.map((modality) => modality.id) as [string, ...string[]];

const patientIdParams = z.object({ patientId: z.uuid() });
const noteIdParams = z.object({ noteId: z.uuid() });

const optionsQuerySchema = z.strictObject({
  region: z
    .enum(regionValues)
    .optional()
    .describe("The episode's region; without it, `notOffered` is for any region"),
});

const listQuerySchema = z.strictObject({
  episodeId: z.uuid().optional().describe('Only the notes of this episode'),
  limit: z.coerce.number().int().min(1).max(NOTE_LIST_MAX).default(100),
});

const passiveTreatmentBodySchema = z.strictObject({
  modality: text(MODALITY_MAX_LENGTH)
    .trim()
    .min(1)
    .describe('What was given, in your words, e.g. "Soft-tissue massage" or "TENS"'),
  notOfferedId: z
    .enum(notOfferedIds)
    .optional()
    .describe('A modality from `GET /api/passive-treatments`, when chosen from that list'),
  details: text(TREATMENT_TEXT_MAX_LENGTH).optional(),
  clinicianReason: text(TREATMENT_TEXT_MAX_LENGTH)
    .optional()
    .describe('Required for a modality NICE NG59 says not to offer [S-NICE]'),
});

const soapText = () => text(SOAP_TEXT_MAX_LENGTH);

const createNoteBodySchema = z
  .strictObject({
    episodeId: z.uuid().describe("One of the patient's episodes, active or discharged"),
    visitOn: z.iso.date().describe('The day of the visit, YYYY-MM-DD'),
    subjective: soapText().default(''),
    objective: soapText().default(''),
    assessment: soapText().default(''),
    plan: soapText().default(''),
    passiveTreatments: z.array(passiveTreatmentBodySchema).max(TREATMENTS_PER_NOTE_MAX).default([]),
  })
  .meta({ id: 'NewClinicalNote' });

const amendNoteBodySchema = z
  .strictObject({
    subjective: soapText().optional(),
    objective: soapText().optional(),
    assessment: soapText().optional(),
    plan: soapText().optional(),
  })
  .refine((body) => soapFields.some((field) => body[field] !== undefined), {
    message: 'give at least one of subjective, objective, assessment or plan',
  })
  .meta({ id: 'ClinicalNoteAmendment' });

const passiveTreatmentOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  notOfferedFor: z.array(z.enum(regionValues)),
  notOffered: z.boolean().describe('NICE NG59 says do not offer it (for the region asked)'),
  guidelineNote: z.string().nullable().describe('To show the clinician when `notOffered`'),
});

const passiveTreatmentOptionsSchema = z
  .object({
    region: z.enum(regionValues).nullable(),
    modalities: z.array(passiveTreatmentOptionSchema),
    guidance: z.string().describe('Other treatments are recorded by name'),
    source: z.literal('S-NICE'),
  })
  .meta({ id: 'PassiveTreatmentOptions' });

const passiveTreatmentSchema = z
  .object({
    id: z.uuid(),
    modality: z.string(),
    details: z.string().nullable(),
    notOfferedId: z.string().nullable().describe('Set when NICE NG59 says not to offer it'),
    notOfferedName: z.string().nullable(),
    guidelineNote: z.string().nullable().describe('The guideline note the clinician was shown'),
    clinicianReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PassiveTreatment' });

const noteSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    episodeId: z.uuid(),
    region: z.enum(regionValues),
    authorId: z.uuid(),
    authorName: z.string(),
    visitOn: z.iso.date(),
    subjective: z.string(),
    objective: z.string(),
    assessment: z.string(),
    plan: z.string(),
    passiveTreatments: z.array(passiveTreatmentSchema),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ClinicalNote' });

const noteListSchema = z.object({ notes: z.array(noteSchema) }).meta({ id: 'ClinicalNoteList' });

// ---------------------------------------------------------------- shaping

function publicTreatment(treatment: PassiveTreatment) {
  return {
    id: treatment.id,
    modality: treatment.modality,
    details: treatment.details,
    notOfferedId: treatment.notOfferedId,
    notOfferedName:
      treatment.notOfferedId === null
        ? null
        : (notOfferedById(treatment.notOfferedId)?.name ?? null),
    guidelineNote: treatment.guidelineNote,
    clinicianReason: treatment.clinicianReason,
    createdAt: treatment.createdAt.toISOString(),
  };
}

function publicNote(note: NoteWithTreatments) {
  return {
    id: note.id,
    patientId: note.patientId,
    episodeId: note.episodeId,
    region: note.region,
    authorId: note.authorId,
    authorName: note.authorName,
    visitOn: note.visitOn,
    subjective: note.subjective,
    objective: note.objective,
    assessment: note.assessment,
    plan: note.plan,
    passiveTreatments: note.treatments.map(publicTreatment),
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}

const NO_TEXT_MESSAGE = 'write at least one of subjective, objective, assessment or plan';

function noTextProblem(): ProblemError {
  return new ProblemError(
    badRequest(
      soapFields.map((field) => ({ path: `body.${field}`, message: NO_TEXT_MESSAGE })),
      'A note needs some text.',
    ),
  );
}

/** The problem for a note `createNote` refused. */
function createFailure(result: Exclude<CreateNoteResult, { ok: true }>): ProblemError {
  switch (result.reason) {
    case 'noText':
      return noTextProblem();
    case 'episodeNotFound':
      return new ProblemError(
        badRequest([{ path: 'body.episodeId', message: 'is not an episode of this patient' }]),
      );
    case 'visitInFuture':
      return new ProblemError(badRequest([{ path: 'body.visitOn', message: 'is in the future' }]));
    case 'visitBeforeEpisode':
      return new ProblemError(
        badRequest([
          {
            path: 'body.visitOn',
            message: `is before the episode started (${result.episode.startedOn})`,
          },
        ]),
      );
    case 'visitAfterDischarge':
      return new ProblemError(
        badRequest([
          {
            path: 'body.visitOn',
            message: `is after the patient was discharged from the episode (${result.episode.dischargedOn ?? ''})`,
          },
        ]),
      );
    case 'passiveTreatments': {
      const errors: FieldError[] = result.problems.map((problem) => ({
        path: `body.passiveTreatments[${problem.index}].${problem.field}`,
        message: problem.message,
      }));
      const needsReason = result.problems.some((problem) => problem.field === 'clinicianReason');
      return new ProblemError(
        badRequest(
          errors,
          needsReason
            ? `A treatment NICE advises against needs your reason. ${notOfferedNote}`
            : 'A passive treatment is not right; see errors.',
        ),
      );
    }
  }
}

// ---------------------------------------------------------------- routes

export const noteRoutes: RoutePlugin<NoteFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.get(
    '/passive-treatments',
    {
      schema: {
        summary: 'Passive treatments for the note form',
        description:
          'The modalities NICE NG59 says not to offer for low back pain, each with the guideline note to show. Any other treatment is recorded by name. With `region=cervical` none is flagged: NG59 covers the low back. [S-NICE]',
        tags: ['notes'],
        querystring: optionsQuerySchema,
        response: {
          200: passiveTreatmentOptionsSchema,
          400: problemResponse('An unknown region'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
        },
      },
    },
    (request) => {
      requireRole(request, 'clinician', 'admin');
      const { region } = request.query;
      return Promise.resolve({
        region: region ?? null,
        modalities: passiveTreatmentOptions(region).map((option) => ({
          ...option,
          notOfferedFor: [...option.notOfferedFor],
        })),
        guidance: passiveTreatmentGuidance,
        source: 'S-NICE' as const,
      });
    },
  );

  app.post(
    '/patients/:patientId/notes',
    {
      schema: {
        summary: 'Write a note of a visit',
        description:
          'A SOAP note with the passive treatments given. A treatment NICE NG59 says not to offer (named by `notOfferedId` or in the modality text) needs `clinicianReason`; the guideline note is stored with it. [S-NICE]',
        tags: ['notes'],
        params: patientIdParams,
        body: createNoteBodySchema,
        response: {
          201: noteSchema,
          400: problemResponse(
            'The body is invalid, the episode is not the patient’s, or a reason is missing',
          ),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician, or the CSRF header is missing'),
          404: problemResponse('No such patient (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician');
      const patient = await findVisiblePatient(db, auth, request.params.patientId);
      const at = now();
      const body = request.body;
      const result = await createNote(db, {
        clinicId: patient.clinicId,
        patientId: patient.id,
        episodeId: body.episodeId,
        authorId: auth.user.id,
        visitOn: body.visitOn,
        today: dayOf(at),
        subjective: body.subjective,
        objective: body.objective,
        assessment: body.assessment,
        plan: body.plan,
        passiveTreatments: body.passiveTreatments,
        now: at,
      });
      if (!result.ok) throw createFailure(result);
      const { note } = result;
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'create',
        resource: 'clinicalNote',
        patientId: patient.id,
        resourceId: note.id,
        detail: {
          episodeId: note.episodeId,
          treatments: note.treatments.length,
          notOfferedIds: note.treatments.flatMap((treatment) =>
            treatment.notOfferedId === null ? [] : [treatment.notOfferedId],
          ),
        },
      });
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send(publicNote(note));
    },
  );

  app.get(
    '/patients/:patientId/notes',
    {
      schema: {
        summary: "A patient's notes",
        description: 'The newest visit first; `episodeId` keeps one episode’s notes.',
        tags: ['notes'],
        params: patientIdParams,
        querystring: listQuerySchema,
        response: {
          200: noteListSchema,
          400: problemResponse('A malformed id or limit'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such patient (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const patient = await findVisiblePatient(db, auth, request.params.patientId);
      const { episodeId, limit } = request.query;
      const notes = await listNotes(db, {
        patientId: patient.id,
        limit,
        ...(episodeId === undefined ? {} : { episodeId }),
      });
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'clinicalNote',
        patientId: patient.id,
        detail: {
          via: 'list',
          ...(episodeId === undefined ? {} : { episodeId }),
          noteIds: notes.map((note) => note.id),
        },
      });
      void reply.header('cache-control', 'no-store');
      return { notes: notes.map(publicNote) };
    },
  );

  app.get(
    '/notes/:noteId',
    {
      schema: {
        summary: 'A clinical note',
        tags: ['notes'],
        params: noteIdParams,
        response: {
          200: noteSchema,
          400: problemResponse('The id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such note (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const note = await findNote(db, {
        noteId: request.params.noteId,
        clinicId: auth.user.clinicId,
      });
      if (note === undefined) throw new ProblemError(notFound('note'));
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'clinicalNote',
        patientId: note.patientId,
        resourceId: note.id,
      });
      void reply.header('cache-control', 'no-store');
      return publicNote(note);
    },
  );

  app.patch(
    '/notes/:noteId',
    {
      schema: {
        summary: 'Amend a note',
        description:
          'Changes the SOAP text; only the note’s author may. The audit log records which parts changed, never the text. Passive treatments are not changed here.',
        tags: ['notes'],
        params: noteIdParams,
        body: amendNoteBodySchema,
        response: {
          200: noteSchema,
          400: problemResponse('The body is invalid, or the note would be left without text'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not the note’s author, or the CSRF header is missing'),
          404: problemResponse('No such note (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const at = now();
      const { subjective, objective, assessment, plan } = request.body;
      const result = await amendNote(db, {
        noteId: request.params.noteId,
        clinicId: auth.user.clinicId,
        userId: auth.user.id,
        changes: {
          ...(subjective === undefined ? {} : { subjective }),
          ...(objective === undefined ? {} : { objective }),
          ...(assessment === undefined ? {} : { assessment }),
          ...(plan === undefined ? {} : { plan }),
        },
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'notFound':
            throw new ProblemError(notFound('note'));
          case 'notAuthor':
            throw new ProblemError(forbidden('Only the clinician who wrote a note may amend it.'));
          case 'noText':
            throw noTextProblem();
        }
      }
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'update',
        resource: 'clinicalNote',
        patientId: result.note.patientId,
        resourceId: result.note.id,
        detail: { changed: [...result.changed] },
      });
      void reply.header('cache-control', 'no-store');
      return publicNote(result.note);
    },
  );

  return Promise.resolve();
};

/**
 * Adds the note routes under `/api`. Call after `registerSessionFeature`, whose authentication
 * hook reaches only routes registered after it.
 */
export function registerNoteFeature(app: App, options: NoteFeatureOptions): void {
  registerRoutes(app, noteRoutes, { ...options, prefix: '/api' });
}
