/**
 * The caseload dashboard (issue 4 §3), under `/api`:
 * - `GET /api/caseload`   the clinician's patients (`?all=true`: the clinic's; an administrator
 *                         always sees the clinic's), those needing attention first
 *
 * One entry per patient: active episode and programme (week n of N), open alerts, adherence over
 * the last 7 and 14 days, latest scores against baseline with the MCID, a reassessment due, and
 * the last log. The data and its bounds are `caseload/caseload.ts`'s; this is the HTTP edge:
 * roles, clinic scope, one audit entry per patient shown (written as one batch), no caching.
 *
 * Register after `registerSessionFeature`: it relies on its `request.auth`.
 */
import { z } from 'zod';
import {
  createCaseloadCaches,
  loadCaseloadPage,
  type CaseloadEntry,
} from '../../caseload/caseload.js';
import type { Database } from '../../database/client.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { dayOf } from '../logs/routes.js';
import { problemResponse } from '../problem.js';
import { recordAuditMany, requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';

export interface CaseloadFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

// ---------------------------------------------------------------- schemas

const severitySchema = z.enum(['emergency', 'urgent', 'warning', 'info']);

const flag = z.enum(['true', 'false']).optional();

const querySchema = z.strictObject({
  all: flag.describe('`true`: every patient of the clinic, not only those you are responsible for'),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Only patients whose name contains this (case-insensitive)'),
  alerts: flag.describe('`true`: only patients with open alerts'),
  reassessmentDue: flag.describe('`true`: only patients with a reassessment due'),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .optional()
    .describe('Skip this many patients of the ordered list (with `limit`)'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('At most this many patients; every one when left out'),
});

const adherenceWindowSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    done: z.int().describe('Exercise bouts logged as done or partly done'),
    prescribed: z.int().describe('Exercise bouts the programme prescribes for these days'),
    percent: z.int().nullable().describe('done ÷ prescribed; null when nothing was prescribed'),
    daysLogged: z.int().describe('Days with at least one bout logged'),
  })
  .meta({ id: 'AdherenceWindow' });

const scoreSchema = z.object({ score: z.number(), assessedAt: z.iso.datetime() });

const caseloadEntrySchema = z
  .object({
    patient: z.object({ id: z.uuid(), displayName: z.string(), clinicianId: z.uuid() }),
    episode: z
      .object({
        id: z.uuid(),
        region: z.enum(['lumbar', 'cervical']),
        condition: z.string(),
        startedOn: z.iso.date(),
      })
      .nullable()
      .describe('The active episode; null for a new patient not yet assessed'),
    programme: z
      .object({
        id: z.uuid(),
        status: z.enum(['generated', 'edited', 'approved', 'active', 'completed', 'archived']),
        version: z.int(),
        startDate: z.iso.date(),
        endDate: z.iso.date(),
        week: z.int().nullable().describe('Week n of `weeks`; null before the start'),
        weeks: z.int(),
      })
      .nullable()
      .describe("The episode's active programme, or else its newest one (e.g. awaiting approval)"),
    alerts: z.object({
      open: z.int(),
      worstSeverity: severitySchema.nullable(),
      newest: z
        .array(
          z.object({
            id: z.uuid(),
            type: z.string(),
            severity: severitySchema,
            message: z.string(),
            createdAt: z.iso.datetime(),
          }),
        )
        .describe('The newest open alerts, newest first (at most 3)'),
    }),
    adherence: z
      .object({ last7Days: adherenceWindowSchema, last14Days: adherenceWindowSchema })
      .nullable()
      .describe(
        'What the patient logged against what the active programme prescribes, over the whole days before today. A bout is one exercise session log; each exercise counts at most its prescribed bouts a day. It measures logging: a session done but not logged counts as missed. Null without an active programme.',
      ),
    scores: z
      .array(
        z.object({
          instrument: z.string(),
          baseline: scoreSchema,
          latest: scoreSchema,
          change: z
            .object({
              absolute: z.number(),
              percent: z.number().nullable(),
              direction: z.enum(['improved', 'worsened', 'unchanged']),
              mcidMet: z.boolean().nullable(),
              mcid: z.string().nullable().describe('The MCID compared against, in words'),
            })
            .nullable()
            .describe('null until an assessment after the baseline has this instrument'),
        }),
      )
      .describe('Each baseline instrument: its latest score and the change since baseline'),
    lastAssessedAt: z.iso.datetime().nullable(),
    reassessment: z
      .object({
        week: z.int().describe('The scheduled programme week (0: baseline)'),
        dueOn: z.iso.date(),
      })
      .nullable()
      .describe(
        'Due when a scheduled questionnaire week of the active programme has come and no assessment was recorded since that week began; null when none is due',
      ),
    lastLogOn: z.iso.date().nullable().describe('The day of the newest session log'),
  })
  .meta({ id: 'CaseloadEntry' });

/** The dashboard as the API answers it (exported for the tests that check answers against it). */
export const caseloadSchema = z
  .object({
    today: z.iso.date(),
    scope: z.enum(['mine', 'clinic']),
    total: z.int().describe('Patients matching the query over every page'),
    withAlerts: z.int().describe('Of those, how many have open alerts'),
    reassessmentsDue: z.int().describe('Of those, how many have a reassessment due'),
    offset: z.int(),
    patients: z
      .array(caseloadEntrySchema)
      .describe(
        'Open alerts first (emergency, urgent, warning, info; then the longest waiting), then reassessments due (longest due first), then by name',
      ),
  })
  .meta({ id: 'Caseload' });

// ---------------------------------------------------------------- shaping

function publicEntry(entry: CaseloadEntry) {
  return {
    patient: entry.patient,
    episode: entry.episode,
    programme: entry.programme,
    alerts: {
      open: entry.alerts.open,
      worstSeverity: entry.alerts.worstSeverity,
      newest: entry.alerts.newest.map((alert) => ({
        ...alert,
        createdAt: alert.createdAt.toISOString(),
      })),
    },
    adherence: entry.adherence,
    scores: entry.scores.map((score) => ({
      instrument: score.instrument,
      baseline: {
        score: score.baseline.score,
        assessedAt: score.baseline.assessedAt.toISOString(),
      },
      latest: { score: score.latest.score, assessedAt: score.latest.assessedAt.toISOString() },
      change: score.change,
    })),
    lastAssessedAt: entry.lastAssessedAt?.toISOString() ?? null,
    reassessment: entry.reassessmentDue,
    lastLogOn: entry.lastLogOn,
  };
}

// ---------------------------------------------------------------- routes

export const caseloadRoutes: RoutePlugin<CaseloadFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  // What is read from large JSONB documents outlives a request (see caseload/row-cache.ts).
  const caches = createCaseloadCaches();

  app.get(
    '/caseload',
    {
      schema: {
        summary: 'The caseload dashboard',
        description:
          'One entry per patient with an active episode (or none yet): open alerts, adherence, latest scores against baseline and the MCID, reassessments due and the last log, patients needing attention first. A clinician sees the patients they are responsible for; `?all=true` shows the whole clinic. An administrator always sees the whole clinic. `q`, `alerts` and `reassessmentDue` narrow the list; `offset` and `limit` page through it (`total` counts every page).',
        tags: ['caseload'],
        querystring: querySchema,
        response: {
          200: caseloadSchema,
          400: problemResponse('The query is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireRole(request, 'clinician', 'admin');
      const wholeClinic = user.role === 'admin' || request.query.all === 'true';
      const at = now();
      const today = dayOf(at);
      const origin = requestOrigin(request);
      const { q, alerts, reassessmentDue, offset, limit } = request.query;
      const page = await loadCaseloadPage(
        db,
        {
          clinicId: user.clinicId,
          clinicianId: wholeClinic ? null : user.id,
          today,
          ...(q === undefined ? {} : { search: q }),
          alertsOnly: alerts === 'true',
          reassessmentDueOnly: reassessmentDue === 'true',
          ...(limit === undefined ? {} : { page: { offset: offset ?? 0, limit } }),
        },
        {
          caches,
          // One read per patient shown, so each patient's record of access is complete: one
          // INSERT, written while the rest of the dashboard is read.
          onPatients: (patientIds) =>
            recordAuditMany(
              db,
              patientIds.map((patientId) => ({
                userId: user.id,
                clinicId: user.clinicId,
                patientId,
                action: 'read' as const,
                resource: 'caseload',
                resourceId: patientId,
                ...origin,
                detail: { view: wholeClinic ? 'clinic' : 'mine' },
                at,
              })),
            ),
        },
      );

      // Health data: no shared cache may keep it.
      void reply.header('cache-control', 'no-store');
      // The body is built typed against `caseloadSchema` (the handler's return type) and the
      // tests check answers against the schema; re-checking 150 entries with zod on every
      // request cost several milliseconds (about a tenth of it), so it is written as JSON.
      void reply.type('application/json; charset=utf-8').serializer(JSON.stringify);
      return {
        today,
        scope: wholeClinic ? ('clinic' as const) : ('mine' as const),
        total: page.total,
        withAlerts: page.withAlerts,
        reassessmentsDue: page.reassessmentsDue,
        offset: limit === undefined ? 0 : (offset ?? 0),
        patients: page.entries.map(publicEntry),
      };
    },
  );

  return Promise.resolve();
};

/** Adds the caseload route under `/api`; register after `registerSessionFeature`. */
export function registerCaseloadFeature(app: App, options: CaseloadFeatureOptions): void {
  registerRoutes(app, caseloadRoutes, { ...options, prefix: '/api' });
}
