/**
 * Programmes and progression suggestions (issue 4 §3), under `/api`:
 * - `POST /api/episodes/:episodeId/programmes`            generate from the latest assessment
 * - `GET  /api/episodes/:episodeId/programmes`            the episode's programmes
 * - `GET  /api/programmes/:programmeId`                   the current version and the history
 * - `GET  /api/programmes/:programmeId/versions/:version` one version, as it was
 * - `PUT  /api/programmes/:programmeId`                   edit: a new version
 * - `POST /api/programmes/:programmeId/approve`           the current version becomes active
 * - `POST /api/programmes/:programmeId/archive`           archive, with a reason
 * - `GET  /api/programmes/:programmeId/progression`       today's suggestions and flags
 * - `POST /api/progression-decisions/:decisionId/accept`  apply a suggestion (a new version)
 * - `POST /api/progression-decisions/:decisionId/reject`  decline it, with a reason
 *
 * Reads are for the clinic's staff (clinicians and administrators), writes for clinicians; a
 * record of another clinic is answered 404 like a missing one. Every read and write of patient
 * data is audited. The clinical core generates, validates and safety-checks; the server never
 * invents a clinical value.
 */
import type { Programme } from '@spinewise/clinical';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { SessionUser } from '../../auth/sessions.js';
import type { Database } from '../../database/client.js';
import type { ProgrammeRow, ProgressionDecisionRow } from '../../database/schema.js';
import type { ContentProblem } from '../../programmes/content.js';
import {
  approveProgramme,
  archiveProgramme,
  editProgramme,
  findEpisodeInClinic,
  findProgrammeInClinic,
  generateForEpisode,
  listProgrammes,
  versionOf,
  versionsOf,
  type VersionInfo,
} from '../../programmes/programmes.js';
import {
  acceptDecision,
  logsByIds,
  rejectDecision,
  runProgression,
  suggestionOf,
  type ReviewResult,
} from '../../programmes/progression.js';
import { auditPatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { dayOf } from '../logs/routes.js';
import {
  ProblemError,
  badRequest,
  conflict,
  formatFieldPath,
  notFound,
  problemResponse,
} from '../problem.js';
import { requestOrigin, type AuditAction } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';
import type { programmeContentSchema } from './schemas.js';
import {
  acceptBodySchema,
  approveBodySchema,
  archiveBodySchema,
  decisionParams,
  editBodySchema,
  episodeParams,
  generateBodySchema,
  programmeDetailSchema,
  programmeListSchema,
  programmeParams,
  progressionReportSchema,
  rejectBodySchema,
  reviewResultSchema,
  versionParams,
  versionSchema,
} from './schemas.js';

export interface ProgrammeFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

const TAGS = ['programmes'];
const PROGRESSION_TAGS = ['progression'];

// ---------------------------------------------------------------- shaping

function iso(at: Date | null): string | null {
  return at === null ? null : at.toISOString();
}

/**
 * The stored content as the response schema types it. The core's types are deeply read-only
 * and the schema's are not; the serializer checks the shape when it writes the response.
 */
function contentOut(content: Programme): z.output<typeof programmeContentSchema> {
  return content as unknown as z.output<typeof programmeContentSchema>;
}

function publicVersionInfo(version: VersionInfo) {
  return {
    version: version.version,
    status: version.status,
    editedBy: version.editedBy,
    approvedBy: version.approvedBy,
    approvedAt: iso(version.approvedAt),
    changeReason: version.changeReason,
    createdAt: version.createdAt.toISOString(),
  };
}

function publicSummary(
  programme: ProgrammeRow,
  patientId: string,
  versions: readonly VersionInfo[],
  dates: { startDate: string | null; endDate: string | null },
) {
  const approved = versions.filter((version) => version.approvedAt !== null).at(-1);
  return {
    id: programme.id,
    episodeId: programme.episodeId,
    patientId,
    status: programme.status,
    currentVersion: programme.currentVersion,
    activeVersion: programme.status === 'active' ? (approved?.version ?? null) : null,
    startDate: dates.startDate,
    endDate: dates.endDate,
    createdAt: programme.createdAt.toISOString(),
    updatedAt: programme.updatedAt.toISOString(),
    versions: versions.map(publicVersionInfo),
  };
}

/** A programme with its current version's content and its history. */
async function programmeDetail(db: Database, programme: ProgrammeRow, patientId: string) {
  const [versions, current] = await Promise.all([
    versionsOf(db, programme.id),
    versionOf(db, programme.id, programme.currentVersion),
  ]);
  if (current === undefined) throw new Error('a programme without its current version');
  return {
    ...publicSummary(programme, patientId, versions, current.content),
    current: {
      ...publicVersionInfo(current),
      programmeId: programme.id,
      content: contentOut(current.content),
    },
  };
}

type UsedLogs = Awaited<ReturnType<typeof logsByIds>>;

function publicSuggestion(row: ProgressionDecisionRow, logs: UsedLogs) {
  const suggestion = suggestionOf(row);
  return {
    id: row.id,
    programmeId: row.programmeId,
    decidedFor: row.decidedFor,
    exerciseId: row.exerciseId,
    name: suggestion.name,
    decision: row.decision,
    state: row.state,
    reason: suggestion.reason,
    rule: suggestion.rule,
    sources: [...suggestion.sources],
    // Spread into plain objects: the core's interfaces are not open to extra members.
    current: { ...suggestion.current, dose: { ...suggestion.current.dose } },
    proposed:
      suggestion.proposed === null
        ? null
        : {
            ...suggestion.proposed,
            dose: { ...suggestion.proposed.dose },
            change: { ...suggestion.proposed.change },
          },
    requiresClinician: suggestion.requiresClinician,
    programmeVersion: suggestion.programmeVersion,
    logs: suggestion.sessionLogIds.flatMap((id) => {
      const found = logs.get(id);
      return found === undefined ? [] : [{ id: found.id, log: { ...found.log } }];
    }),
    reviewedBy: row.reviewedBy,
    reviewedAt: iso(row.reviewedAt),
    reviewReason: row.reviewReason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The problem for content that failed the checks: each field under `body.content`. */
function invalidContent(problems: readonly ContentProblem[]): ProblemError {
  return new ProblemError(
    badRequest(
      problems.map((problem) => ({
        path: formatFieldPath('body.content', problem.path),
        message: problem.message,
      })),
      'The programme cannot be saved as it is; see errors.',
    ),
  );
}

/** The problem for a review the state of things does not allow. */
function reviewFailure(result: Exclude<ReviewResult, { ok: true }>): never {
  switch (result.reason) {
    case 'notFound':
      throw new ProblemError(notFound('progression suggestion'));
    case 'alreadyReviewed':
      throw new ProblemError(conflict(`This suggestion has already been ${result.state}.`));
    case 'closed':
      throw new ProblemError(
        conflict(`The programme is ${result.status}; its suggestions can no longer be applied.`),
      );
    case 'discharged':
      throw new ProblemError(
        conflict('This episode of care has been discharged; its programme no longer changes.'),
      );
    case 'pendingEdit':
      throw new ProblemError(
        conflict(
          `An edit of this programme (version ${result.current}) is waiting for approval. Approve it or edit again, then work out the progression afresh.`,
        ),
      );
    case 'stale':
      throw new ProblemError(
        conflict(
          'The programme has changed since this suggestion was made: it no longer prescribes what the suggestion was about. Open the progression again for a fresh suggestion.',
        ),
      );
    case 'unsafe':
      throw new ProblemError(
        conflict(
          `This change cannot be made for this patient. ${result.detail} Edit the programme to choose another exercise instead.`,
        ),
      );
  }
}

// ---------------------------------------------------------------- routes

export const programmeRoutes: RoutePlugin<ProgrammeFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  const audit = (
    request: FastifyRequest,
    user: SessionUser,
    at: Date,
    entry: {
      action: AuditAction;
      resource: string;
      patientId: string;
      resourceId?: string;
      detail?: Readonly<Record<string, unknown>>;
    },
  ) => auditPatient(db, user, requestOrigin(request), at, entry);

  const visibleProgramme = async (programmeId: string, clinicId: string) => {
    const scope = await findProgrammeInClinic(db, programmeId, clinicId);
    if (scope === undefined) throw new ProblemError(notFound('programme'));
    return scope;
  };

  app.post(
    '/episodes/:episodeId/programmes',
    {
      schema: {
        summary: 'Generate a programme from the latest assessment',
        description:
          "The clinical engine builds the programme from the episode (region, condition) and its latest assessment (scores, red-flag screen, classification, the clinician's decision on any flag), with the choices in the body. Every choice carries its rationale (rule and source). Stored as version 1, status generated, for the clinician to review, edit and approve. Needs the x-csrf-token header.",
        tags: TAGS,
        params: episodeParams,
        body: generateBodySchema,
        response: {
          201: programmeDetailSchema,
          400: problemResponse('The body is invalid, or the engine needs a field it lacks'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician, or the CSRF header is missing'),
          404: problemResponse('No such episode in your clinic'),
          409: problemResponse(
            'No assessment yet, the episode is discharged, or the red-flag screen holds the programme until a clinician decides',
          ),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireRole(request, 'clinician');
      const found = await findEpisodeInClinic(db, request.params.episodeId, user.clinicId);
      if (found === undefined) throw new ProblemError(notFound('episode'));
      const at = now();
      const result = await generateForEpisode(db, {
        episode: found.episode,
        dateOfBirth: found.dateOfBirth,
        choices: request.body,
        userId: user.id,
        now: at,
        today: dayOf(at),
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'discharged':
            throw new ProblemError(
              conflict(
                'This episode of care has been discharged. Start a new episode to give the patient a new programme.',
              ),
            );
          case 'noAssessment':
            throw new ProblemError(
              conflict(
                'This episode has no assessment yet. Record one first: the programme is built from its scores, red-flag screen and classification.',
              ),
            );
          case 'missing':
            throw new ProblemError(
              badRequest(
                result.missing.map((item) => ({
                  path: `body.${item.field}`,
                  message: item.message,
                })),
              ),
            );
          case 'blocked':
            throw new ProblemError(
              conflict(
                result.referred
                  ? `${result.detail} Once the review has cleared the patient, record that on a new assessment and generate the programme again.`
                  : `${result.detail} Record your decision on the assessment's red-flag screen (referred, or reviewed and cleared with a reason), then generate the programme again.`,
              ),
            );
        }
      }
      const scope = await visibleProgramme(result.programmeId, user.clinicId);
      await audit(request, user, at, {
        action: 'create',
        resource: 'programme',
        patientId: scope.patientId,
        resourceId: scope.programme.id,
        detail: { episodeId: scope.episode.id, version: 1 },
      });
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send(await programmeDetail(db, scope.programme, scope.patientId));
    },
  );

  app.get(
    '/episodes/:episodeId/programmes',
    {
      schema: {
        summary: "An episode's programmes",
        description: 'Newest first, each with its status and version history (without content).',
        tags: TAGS,
        params: episodeParams,
        response: {
          200: programmeListSchema,
          400: problemResponse('The id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such episode in your clinic'),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireRole(request, 'clinician', 'admin');
      const found = await findEpisodeInClinic(db, request.params.episodeId, user.clinicId);
      if (found === undefined) throw new ProblemError(notFound('episode'));
      const items = await listProgrammes(db, found.episode.id);
      await audit(request, user, now(), {
        action: 'read',
        resource: 'programme',
        patientId: found.episode.patientId,
        resourceId: found.episode.id,
        detail: { via: 'episode', programmeIds: items.map((item) => item.programme.id) },
      });
      void reply.header('cache-control', 'no-store');
      return {
        programmes: items.map((item) =>
          publicSummary(item.programme, found.episode.patientId, item.versions, item),
        ),
      };
    },
  );

  app.get(
    '/programmes/:programmeId',
    {
      schema: {
        summary: 'A programme: its current version and its history',
        description:
          'The current version with its content (every choice with its rationale), and every version with its status, who made and approved it, when and why. `activeVersion` is the approved version the patient follows.',
        tags: TAGS,
        params: programmeParams,
        response: {
          200: programmeDetailSchema,
          400: problemResponse('The id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such programme in your clinic'),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireRole(request, 'clinician', 'admin');
      const scope = await visibleProgramme(request.params.programmeId, user.clinicId);
      const detail = await programmeDetail(db, scope.programme, scope.patientId);
      await audit(request, user, now(), {
        action: 'read',
        resource: 'programme',
        patientId: scope.patientId,
        resourceId: scope.programme.id,
        detail: { version: scope.programme.currentVersion },
      });
      void reply.header('cache-control', 'no-store');
      return detail;
    },
  );

  app.get(
    '/programmes/:programmeId/versions/:version',
    {
      schema: {
        summary: 'One version of a programme, as it was',
        tags: TAGS,
        params: versionParams,
        response: {
          200: versionSchema,
          400: problemResponse('The id is not a UUID or the version not a whole number'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such programme in your clinic, or no such version'),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireRole(request, 'clinician', 'admin');
      const scope = await visibleProgramme(request.params.programmeId, user.clinicId);
      const version = await versionOf(db, scope.programme.id, request.params.version);
      if (version === undefined) throw new ProblemError(notFound('programme version'));
      await audit(request, user, now(), {
        action: 'read',
        resource: 'programme',
        patientId: scope.patientId,
        resourceId: scope.programme.id,
        detail: { version: version.version },
      });
      void reply.header('cache-control', 'no-store');
      return {
        ...publicVersionInfo(version),
        programmeId: scope.programme.id,
        content: contentOut(version.content),
      };
    },
  );

  app.put(
    '/programmes/:programmeId',
    {
      schema: {
        summary: 'Edit a programme: a new version',
        description:
          'The edited content becomes a new version (status edited) on top of `baseVersion`, which must still be the current one. The clinical engine checks it: every exercise from the library, dosed within its bounds and allowed for this patient (a contraindicated exercise is refused, naming the field and the reason). An exercise held back only by a first-phase precaution may be given with `override.reason` (the server records who and when); an absolute reason is never overridden. Names, minutes and cautions are recomputed from the library. An active programme stays active on the approved version until this one is approved. Needs the x-csrf-token header.',
        tags: TAGS,
        params: programmeParams,
        body: editBodySchema,
        response: {
          200: programmeDetailSchema,
          400: problemResponse('The content is invalid or not allowed for this patient'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician, or the CSRF header is missing'),
          404: problemResponse('No such programme in your clinic'),
          409: problemResponse(
            'Someone else edited it since `baseVersion`, or the programme is completed or archived',
          ),
        },
      },
    },
    async (request) => {
      const { user } = requireRole(request, 'clinician');
      const at = now();
      const { baseVersion, content, changeReason } = request.body;
      const result = await editProgramme(db, {
        programmeId: request.params.programmeId,
        clinicId: user.clinicId,
        baseVersion,
        content,
        changeReason,
        userId: user.id,
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'notFound':
            throw new ProblemError(notFound('programme'));
          case 'closed':
            throw new ProblemError(
              conflict(
                `This programme is ${result.status}; it can no longer be edited. Generate a new programme instead.`,
              ),
            );
          case 'versionConflict':
            throw new ProblemError(
              conflict(
                `The programme has changed since version ${baseVersion}: version ${result.current} is the current one now (someone else edited it). Reload it and make your change again.`,
              ),
            );
          case 'invalid':
            throw invalidContent(result.problems);
        }
      }
      const scope = await visibleProgramme(request.params.programmeId, user.clinicId);
      await audit(request, user, at, {
        action: 'update',
        resource: 'programme',
        patientId: scope.patientId,
        resourceId: scope.programme.id,
        detail: { action: 'edit', version: result.version, baseVersion },
      });
      return programmeDetail(db, scope.programme, scope.patientId);
    },
  );

  app.post(
    '/programmes/:programmeId/approve',
    {
      schema: {
        summary: 'Approve the current version',
        description:
          "Records who approved it and when; the programme becomes active (the patient's app shows it) and any other active programme of the episode is completed, in one transaction. When the latest assessment's red-flag screen needs a clinician's decision, it must be recorded first. Needs the x-csrf-token header.",
        tags: TAGS,
        params: programmeParams,
        body: approveBodySchema,
        response: {
          200: programmeDetailSchema,
          400: problemResponse('The body is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician, or the CSRF header is missing'),
          404: problemResponse('No such programme in your clinic'),
          409: problemResponse(
            'Not the current version, already approved, the programme is closed, the episode discharged, or a red-flag decision is missing',
          ),
        },
      },
    },
    async (request) => {
      const { user } = requireRole(request, 'clinician');
      const at = now();
      const { version } = request.body;
      const result = await approveProgramme(db, {
        programmeId: request.params.programmeId,
        clinicId: user.clinicId,
        version,
        userId: user.id,
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'notFound':
            throw new ProblemError(notFound('programme'));
          case 'closed':
            throw new ProblemError(
              conflict(`This programme is ${result.status}; it can no longer be approved.`),
            );
          case 'discharged':
            throw new ProblemError(
              conflict(
                'This episode of care has been discharged; a programme cannot start in it any more.',
              ),
            );
          case 'notCurrent':
            throw new ProblemError(
              conflict(
                `Version ${version} is not the current version (version ${result.current} is). Review the current version and approve that one.`,
              ),
            );
          case 'alreadyApproved':
            throw new ProblemError(conflict(`Version ${version} is already approved.`));
          case 'flagDecisionNeeded':
            throw new ProblemError(
              conflict(
                `The latest assessment's red-flag screen says ${result.action}. Record your decision on it (referred, or reviewed and cleared with a reason) before approving a programme.`,
              ),
            );
          case 'referred':
            throw new ProblemError(
              conflict(
                'The patient was referred after the red-flag screen; the programme waits for that review. Record its outcome on a new assessment before approving.',
              ),
            );
        }
      }
      const scope = await visibleProgramme(request.params.programmeId, user.clinicId);
      await audit(request, user, at, {
        action: 'update',
        resource: 'programme',
        patientId: scope.patientId,
        resourceId: scope.programme.id,
        detail: { action: 'approve', version, completedProgrammeIds: result.completed },
      });
      return programmeDetail(db, scope.programme, scope.patientId);
    },
  );

  app.post(
    '/programmes/:programmeId/archive',
    {
      schema: {
        summary: 'Archive a programme',
        description:
          "From any state but archived. An active programme stops showing in the patient's app. The reason is kept in the audit log. Needs the x-csrf-token header.",
        tags: TAGS,
        params: programmeParams,
        body: archiveBodySchema,
        response: {
          200: programmeDetailSchema,
          400: problemResponse('The reason is missing'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician, or the CSRF header is missing'),
          404: problemResponse('No such programme in your clinic'),
          409: problemResponse('Already archived'),
        },
      },
    },
    async (request) => {
      const { user } = requireRole(request, 'clinician');
      const at = now();
      const result = await archiveProgramme(db, {
        programmeId: request.params.programmeId,
        clinicId: user.clinicId,
        now: at,
      });
      if (!result.ok) {
        if (result.reason === 'notFound') throw new ProblemError(notFound('programme'));
        throw new ProblemError(conflict('This programme is already archived.'));
      }
      const scope = await visibleProgramme(request.params.programmeId, user.clinicId);
      await audit(request, user, at, {
        action: 'update',
        resource: 'programme',
        patientId: scope.patientId,
        resourceId: scope.programme.id,
        detail: { action: 'archive', from: result.from, reason: request.body.reason },
      });
      return programmeDetail(db, scope.programme, scope.patientId);
    },
  );

  app.get(
    '/programmes/:programmeId/progression',
    {
      schema: {
        summary: "Today's progression suggestions and flags",
        description:
          "Runs the progression rules for today on the session logs of the programme the patient follows (its approved version). Each exercise's decision (progress, hold, regress, stop and screen) is stored once a day as a suggestion waiting for a clinician — a second call the same day finds the same suggestions — with its reason, rule, sources and the logs that drove it. Flags (pain flare, non-adherence, peripheralisation) and regress suggestions raise alerts, at most one unresolved alert of a kind per programme. Nothing changes the programme until a clinician accepts.",
        tags: PROGRESSION_TAGS,
        params: programmeParams,
        response: {
          200: progressionReportSchema,
          400: problemResponse('The id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such programme in your clinic'),
          409: problemResponse('The programme is not the active one'),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireRole(request, 'clinician', 'admin');
      const at = now();
      const result = await runProgression(db, {
        programmeId: request.params.programmeId,
        clinicId: user.clinicId,
        today: dayOf(at),
        now: at,
      });
      if (!result.ok) {
        if (result.reason === 'notFound') throw new ProblemError(notFound('programme'));
        throw new ProblemError(
          conflict(
            `Progression is worked out for the programme the patient follows; this one is ${result.status}.`,
          ),
        );
      }
      const logs = await logsByIds(
        db,
        result.suggestions.flatMap((row) => suggestionOf(row).sessionLogIds),
      );
      const { patientId, programme } = result.scope;
      await audit(request, user, at, {
        action: 'read',
        resource: 'progression',
        patientId,
        resourceId: programme.id,
        detail: { today: result.today, suggestionIds: result.suggestions.map((row) => row.id) },
      });
      if (result.created.suggestions.length > 0 || result.created.alerts.length > 0) {
        await audit(request, user, at, {
          action: 'create',
          resource: 'progressionDecision',
          patientId,
          resourceId: programme.id,
          detail: {
            suggestionIds: result.created.suggestions,
            alertIds: result.created.alerts,
          },
        });
      }
      void reply.header('cache-control', 'no-store');
      return {
        programmeId: programme.id,
        version: result.version,
        today: result.today,
        week: result.week,
        status: result.status,
        suggestions: result.suggestions.map((row) => publicSuggestion(row, logs)),
        flags: result.flags.map(({ flag, sessionLogIds, alertId }) => ({
          type: flag.type,
          severity: flag.severity,
          message: flag.message,
          advice: flag.advice ?? null,
          sources: [...flag.sources],
          sessionLogIds: [...sessionLogIds],
          alertId,
        })),
        adherence: result.adherence.map((week) => ({ ...week })),
      };
    },
  );

  for (const action of ['accept', 'reject'] as const) {
    app.post(
      `/progression-decisions/:decisionId/${action}`,
      {
        schema: {
          summary:
            action === 'accept'
              ? 'Accept a progression suggestion'
              : 'Reject a progression suggestion',
          description:
            action === 'accept'
              ? "Progress and regress write a new programme version with the engine's proposed dose step or level, approved by you and active at once (the change reason names the rule); hold and stop-and-screen record the acceptance. A suggestion the programme has moved on from is refused (409). Needs the x-csrf-token header."
              : 'Records that the suggestion does not fit this patient, with your reason; the programme is left as it is. Needs the x-csrf-token header.',
          tags: PROGRESSION_TAGS,
          params: decisionParams,
          body: action === 'accept' ? acceptBodySchema : rejectBodySchema,
          response: {
            200: reviewResultSchema,
            400: problemResponse(
              action === 'accept' ? 'The body is invalid' : 'The reason is missing',
            ),
            401: problemResponse('Not signed in'),
            403: problemResponse('Not a clinician, or the CSRF header is missing'),
            404: problemResponse('No such suggestion in your clinic'),
            409: problemResponse(
              'Already reviewed, out of date, not allowed for this patient, or the programme is closed',
            ),
          },
        },
      },
      async (request) => {
        const { user } = requireRole(request, 'clinician');
        const at = now();
        const reason = request.body?.reason;
        const input = {
          decisionId: request.params.decisionId,
          clinicId: user.clinicId,
          userId: user.id,
          now: at,
        };
        const result =
          action === 'accept'
            ? await acceptDecision(db, { ...input, ...(reason === undefined ? {} : { reason }) })
            : await rejectDecision(db, { ...input, reason: reason ?? '' });
        if (!result.ok) reviewFailure(result);
        const { patientId, programme } = result.scope;
        await audit(request, user, at, {
          action: 'update',
          resource: 'progressionDecision',
          patientId,
          resourceId: result.decision.id,
          detail: {
            action,
            programmeId: programme.id,
            decision: result.decision.decision,
            ...(result.version === null ? {} : { programmeVersion: result.version }),
          },
        });
        const logs = await logsByIds(db, suggestionOf(result.decision).sessionLogIds);
        return {
          suggestion: publicSuggestion(result.decision, logs),
          programmeVersion: result.version,
        };
      },
    );
  }

  return Promise.resolve();
};

/** Adds the programme and progression routes under `/api`; register after `registerSessionFeature`. */
export function registerProgrammeFeature(app: App, options: ProgrammeFeatureOptions): void {
  registerRoutes(app, programmeRoutes, { ...options, prefix: '/api' });
}
