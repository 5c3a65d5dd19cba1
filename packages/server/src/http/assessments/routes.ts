/**
 * Assessments and the red-flag screen (issue 4 §3), under `/api`:
 * - `POST /api/episodes/:episodeId/assessments`       record a baseline or a reassessment
 * - `GET  /api/episodes/:episodeId/assessments`       the episode's assessments, newest first
 * - `GET  /api/assessments/:assessmentId`             one assessment, whole
 * - `POST /api/assessments/:assessmentId/flag-decision` the clinician's decision on a flag
 * - `POST /api/red-flag-screen`                       the screen alone, while the form is filled
 *
 * The client sends answers and findings, never a score: the server scores every questionnaire,
 * screens the findings and classifies with the clinical core, and stores what it computed. An
 * emergency or urgent screen raises an alert in the same transaction, which the clinician's
 * decision resolves; a reassessment resolves the patient's `reassessmentDue` alerts.
 *
 * Staff only, scoped by clinic: another clinic's episode or assessment is answered 404, like one
 * that does not exist. Every read and write of patient data is audited.
 *
 * `registerAssessmentFeature` also adds the instrument and episode routes (./instruments.ts,
 * ./episodes.ts). Register after `registerSessionFeature`.
 */
import { screenRedFlags } from '@spinewise/clinical';
import type { Database } from '../../database/client.js';
import type { z } from 'zod';
import type { Alert, AssessmentHistory, AssessmentRow, Episode } from '../../database/schema.js';
import { changeSinceBaseline, evaluateAssessment } from '../../assessments/evaluate.js';
import {
  alertsRaisedBy,
  findAssessmentInClinic,
  findBaseline,
  findEpisodeInClinic,
  listEpisodeAssessments,
  recordAssessment,
  recordFlagDecision,
} from '../../assessments/records.js';
import { auditPatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { dayOf } from '../logs/routes.js';
import { ProblemError, badRequest, conflict, notFound, problemResponse } from '../problem.js';
import { requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';
import { episodeRoutes } from './episodes.js';
import { instrumentRoutes } from './instruments.js';
import type { assessmentHistorySchema } from './schemas.js';
import {
  assessmentListSchema,
  assessmentParams,
  assessmentRecordSchema,
  createAssessmentBodySchema,
  episodeParams,
  flagDecisionBodySchema,
  redFlagScreenSchema,
  screenRequestSchema,
} from './schemas.js';

export interface AssessmentFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

// ---------------------------------------------------------------- shaping

function decisionPending(row: AssessmentRow): boolean {
  return row.redFlagScreen.requiresClinicianDecision && row.flagDecision === null;
}

/** A reassessment against the episode's baseline; `null` for a baseline. [S-MCID] */
async function changeOf(db: Database, row: AssessmentRow, episode: Episode) {
  if (row.kind !== 'reassessment') return null;
  const baseline = await findBaseline(db, row.episodeId, row.assessedAt, row.id);
  if (baseline === undefined) {
    return {
      baseline: null,
      instruments: [],
      withoutBaseline: row.questionnaires.map((entry) => entry.instrument),
    };
  }
  return {
    baseline: { id: baseline.id, assessedAt: baseline.assessedAt.toISOString() },
    ...changeSinceBaseline(baseline.questionnaires, row.questionnaires, episode.region),
  };
}

/** The whole record as the API shows it, with the change since the baseline and its alerts. */
async function assessmentRecord(
  db: Database,
  row: AssessmentRow,
  episode: Episode,
  raised?: readonly Alert[],
) {
  const alerts = raised ?? (await alertsRaisedBy(db, episode.patientId, row.id));
  return {
    id: row.id,
    episodeId: row.episodeId,
    patientId: episode.patientId,
    kind: row.kind,
    assessedAt: row.assessedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    questionnaires: row.questionnaires,
    redFlags: { findings: row.redFlagFindings },
    screen: row.redFlagScreen,
    classificationInput: row.examination,
    classification: row.classification,
    history: row.history,
    flagDecision: row.flagDecision,
    decisionPending: decisionPending(row),
    change: await changeOf(db, row, episode),
    alerts: alerts.map((alert) => ({
      id: alert.id,
      severity: alert.severity,
      state: alert.state,
      message: alert.message,
    })),
  };
}

function assessmentSummary(row: AssessmentRow) {
  return {
    id: row.id,
    kind: row.kind,
    assessedAt: row.assessedAt.toISOString(),
    createdBy: row.createdBy,
    scores: row.questionnaires.map(({ score }) => ({
      instrument: score.instrument,
      score: score.score,
      display: score.display,
      band: score.band,
      bandLabel: score.bandLabel,
    })),
    screen: {
      action: row.redFlagScreen.action,
      requiresClinicianDecision: row.redFlagScreen.requiresClinicianDecision,
      concerns: row.redFlagScreen.concerns.map((concern) => concern.title),
    },
    decisionPending: decisionPending(row),
    flagDecision: row.flagDecision,
    history: row.history,
  };
}

/** The history as stored: fields left out stay out (never `undefined` in the JSON). */
function storedHistory(input: z.output<typeof assessmentHistorySchema>): AssessmentHistory {
  const { work } = input;
  return {
    ...(input.surgery === undefined ? {} : { surgery: input.surgery }),
    ...(input.aggravating === undefined ? {} : { aggravating: input.aggravating }),
    ...(input.easing === undefined ? {} : { easing: input.easing }),
    ...(work === undefined
      ? {}
      : {
          work: {
            ...(work.occupation === undefined ? {} : { occupation: work.occupation }),
            ...(work.status === undefined ? {} : { status: work.status }),
            ...(work.demands === undefined ? {} : { demands: work.demands }),
          },
        }),
    ...(input.notes === undefined ? {} : { notes: input.notes }),
  };
}

const DISCHARGED_DETAIL =
  'This episode has been discharged, so it takes no more assessments. Start a new episode to assess the patient again.';

// ---------------------------------------------------------------- routes

export const assessmentRoutes: RoutePlugin<AssessmentFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.post(
    '/episodes/:episodeId/assessments',
    {
      schema: {
        summary: 'Record an assessment',
        description:
          'The server scores every questionnaire, screens the red-flag findings for the episode’s region and runs the classification rules, all with the clinical engine, and stores the results. Never send a score. An emergency or urgent screen raises an alert; a reassessment answers with the change since the baseline and resolves reassessment-due alerts. Needs the x-csrf-token header.',
        tags: ['assessments'],
        params: episodeParams,
        body: createAssessmentBodySchema,
        response: {
          201: assessmentRecordSchema,
          400: problemResponse('The body is invalid; errors name each field'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician, or the CSRF header is missing'),
          404: problemResponse('No such episode (or not one you may see)'),
          409: problemResponse('The episode has been discharged'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician');
      const episode = await findEpisodeInClinic(db, auth.user.clinicId, request.params.episodeId);
      if (episode === undefined) throw new ProblemError(notFound('episode'));
      if (episode.status === 'discharged') throw new ProblemError(conflict(DISCHARGED_DETAIL));

      const {
        kind,
        assessedAt: assessedAtText,
        questionnaires,
        redFlags,
        examination,
        history,
      } = request.body;
      const at = now();
      const assessedAt = assessedAtText === undefined ? at : new Date(assessedAtText);
      if (assessedAt.getTime() > at.getTime()) {
        throw new ProblemError(
          badRequest([{ path: 'body.assessedAt', message: 'is in the future' }]),
        );
      }
      if (dayOf(assessedAt) < episode.startedOn) {
        throw new ProblemError(
          badRequest([
            {
              path: 'body.assessedAt',
              message: `is before the episode started (${episode.startedOn})`,
            },
          ]),
        );
      }

      // Clinical input errors name the request's field (the error handler adds `body.`).
      const evaluated = evaluateAssessment({
        region: episode.region,
        questionnaires,
        redFlags,
        ...(examination === undefined ? {} : { examination }),
      });

      const result = await recordAssessment(db, {
        episodeId: episode.id,
        patientId: episode.patientId,
        clinicId: auth.user.clinicId,
        createdBy: auth.user.id,
        kind,
        assessedAt,
        evaluated,
        history: history === undefined ? null : storedHistory(history),
        now: at,
      });
      if (!result.ok) {
        if (result.reason === 'discharged') throw new ProblemError(conflict(DISCHARGED_DETAIL));
        throw new ProblemError(notFound('episode'));
      }

      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'create',
        resource: 'assessment',
        patientId: episode.patientId,
        resourceId: result.assessment.id,
        detail: {
          episodeId: episode.id,
          kind,
          screenAction: evaluated.screen.action,
          withHistory: history !== undefined,
          alertIds: result.alert === null ? [] : [result.alert.id],
          resolvedAlertIds: result.resolvedAlerts.map((alert) => alert.id),
        },
      });
      void reply.header('cache-control', 'no-store');
      return reply
        .code(201)
        .send(
          await assessmentRecord(
            db,
            result.assessment,
            episode,
            result.alert === null ? [] : [result.alert],
          ),
        );
    },
  );

  app.get(
    '/episodes/:episodeId/assessments',
    {
      schema: {
        summary: 'An episode’s assessments',
        description:
          'Newest first, each with its scores, the red-flag screen’s action and whether a clinician’s decision is pending.',
        tags: ['assessments'],
        params: episodeParams,
        response: {
          200: assessmentListSchema,
          400: problemResponse('The id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such episode (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const episode = await findEpisodeInClinic(db, auth.user.clinicId, request.params.episodeId);
      if (episode === undefined) throw new ProblemError(notFound('episode'));
      const rows = await listEpisodeAssessments(db, episode.id);
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'episode',
        patientId: episode.patientId,
        resourceId: episode.id,
        detail: { view: 'assessments', count: rows.length },
      });
      void reply.header('cache-control', 'no-store');
      return { assessments: rows.map(assessmentSummary) };
    },
  );

  app.get(
    '/assessments/:assessmentId',
    {
      schema: {
        summary: 'One assessment',
        description:
          'The answers with their scores, bands and interpretation; the red-flag screen; the classification with its criteria and sources; the clinician’s decision on a flag; for a reassessment, the change since the baseline with the MCID.',
        tags: ['assessments'],
        params: assessmentParams,
        response: {
          200: assessmentRecordSchema,
          400: problemResponse('The id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such assessment (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const found = await findAssessmentInClinic(
        db,
        auth.user.clinicId,
        request.params.assessmentId,
      );
      if (found === undefined) throw new ProblemError(notFound('assessment'));
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'assessment',
        patientId: found.episode.patientId,
        resourceId: found.assessment.id,
      });
      void reply.header('cache-control', 'no-store');
      return assessmentRecord(db, found.assessment, found.episode);
    },
  );

  app.post(
    '/assessments/:assessmentId/flag-decision',
    {
      schema: {
        summary: 'Record the decision on a red-flag screen',
        description:
          'Only for a screen that needs a clinician’s decision (emergency or urgent), and only once: referred, or reviewed and cleared, with the reason. Resolves the alert the assessment raised. A programme is generated only after a decision. Needs the x-csrf-token header.',
        tags: ['assessments'],
        params: assessmentParams,
        body: flagDecisionBodySchema,
        response: {
          200: assessmentRecordSchema,
          400: problemResponse('The body is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician, or the CSRF header is missing'),
          404: problemResponse('No such assessment (or not one you may see)'),
          409: problemResponse('The screen needs no decision, or one is already recorded'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician');
      const at = now();
      const result = await recordFlagDecision(db, {
        assessmentId: request.params.assessmentId,
        clinicId: auth.user.clinicId,
        userId: auth.user.id,
        decision: request.body.decision,
        reason: request.body.reason,
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'notFound':
            throw new ProblemError(notFound('assessment'));
          case 'notRequired':
            throw new ProblemError(
              conflict(
                'This red-flag screen did not call for urgent or emergency action, so there is no decision to record.',
              ),
            );
          case 'alreadyDecided':
            throw new ProblemError(
              conflict(
                `A decision is already recorded for this screen (${result.decision.decision === 'referred' ? 'referred' : 'reviewed and cleared'}); it cannot be changed.`,
              ),
            );
        }
      }
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'update',
        resource: 'assessment',
        patientId: result.episode.patientId,
        resourceId: result.assessment.id,
        detail: {
          flagDecision: request.body.decision,
          resolvedAlertIds: result.resolvedAlerts.map((alert) => alert.id),
        },
      });
      void reply.header('cache-control', 'no-store');
      return assessmentRecord(db, result.assessment, result.episode);
    },
  );

  app.post(
    '/red-flag-screen',
    {
      schema: {
        summary: 'Screen red-flag findings',
        description:
          'Decision support while the form is filled in: the concerns with their criteria and recommendations, the questions not yet answered, and the cauda equina safety net. Nothing is stored. Needs the x-csrf-token header.',
        tags: ['assessments'],
        body: screenRequestSchema,
        response: {
          200: redFlagScreenSchema,
          400: problemResponse('The body is invalid; errors name each field'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator, or the CSRF header is missing'),
        },
      },
    },
    (request) => {
      requireRole(request, 'clinician', 'admin');
      // No patient is named, so there is nothing to audit; errors name `body.findings.<id>`.
      return Promise.resolve(screenRedFlags(request.body));
    },
  );

  return Promise.resolve();
};

/**
 * Adds the assessment, red-flag screen, instrument and episode routes under `/api`. Call after
 * `registerSessionFeature`, whose authentication hook reaches only routes registered after it.
 */
export function registerAssessmentFeature(app: App, options: AssessmentFeatureOptions): void {
  registerRoutes(app, assessmentRoutes, { ...options, prefix: '/api' });
  registerRoutes(app, instrumentRoutes, { ...options, prefix: '/api' });
  registerRoutes(app, episodeRoutes, { ...options, prefix: '/api' });
}
