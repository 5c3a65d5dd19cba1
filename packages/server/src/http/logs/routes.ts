/**
 * The patient's day and session logs, and the clinician's alerts (issue 4 §3), under `/api`:
 * - `GET /api/me/today`                         the patient's programme week containing today
 * - `POST /api/me/logs`                         one session log (needs `Idempotency-Key`)
 * - `GET /api/alerts`                           the clinic's alerts, most severe then newest
 * - `POST /api/alerts/:alertId/acknowledge`     open → acknowledged
 * - `POST /api/alerts/:alertId/resolve`         open or acknowledged → resolved
 *
 * The patient is always the signed-in user's own record (`patients.user_id`), never an id from
 * the request, so a patient cannot read or write another's data. Every read and write of
 * patient data is audited.
 */
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import {
  addDays,
  dayNumber,
  exerciseLibrary,
  getCoachRule,
  coachLimits,
  coachViews,
  logSymptoms,
  type CoachResult,
  type PrescribedExercise,
  type Programme,
  type ProgrammeWeek,
  type SessionLog,
} from '@spinewise/clinical';
import { z } from 'zod';
import type { Database } from '../../database/client.js';
import { sessionLogs, type Alert, type AlertState } from '../../database/schema.js';
import { acknowledgeAlert, listAlerts, resolveAlert } from '../../logs/alerts.js';
import {
  IDEMPOTENCY_KEY_MAX_LENGTH,
  findActiveProgramme,
  recordSessionLog,
  type RecordSessionLogResult,
} from '../../logs/session-logs.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, ownPatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { poseSchema } from '../exercises/routes.js';
import { ProblemError, badRequest, conflict, notFound, problemResponse } from '../problem.js';
import { recordAudit, requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';

export interface LogFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

/** The server's day, `YYYY-MM-DD` in UTC, as the clinical core's dates are. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- schemas

const exerciseSchema = z.object({
  id: z.string(),
  name: z.string(),
  chain: z.string(),
  level: z.number(),
  kind: z.string(),
  sets: z.number(),
  reps: z.number().optional(),
  repsPerSet: z.array(z.number()).optional(),
  holdSeconds: z.number().optional(),
  minutes: z.number().optional(),
  perDay: z.number(),
  daysPerWeek: z.number(),
  boutMinutes: z.number(),
  dailyMinutes: z.number(),
  cautions: z.array(z.string()),
  guide: z
    .object({
      summary: z.string(),
      steps: z.array(z.string()),
      cues: z.array(z.string()),
      stopIf: z.array(z.string()),
      restSeconds: z.number().describe('Rest between sets'),
      coached: z.boolean().describe('Whether the camera coach can follow it'),
      animation: z.object({
        view: z.enum(['side', 'front']),
        cycleSeconds: z.number(),
        keyframes: z.array(
          z.object({ at: z.number(), pose: poseSchema, label: z.string().optional() }),
        ),
      }),
    })
    .nullable()
    .describe(
      "How to do it, from the exercise library: the steps, cues, when to stop and the figure's keyframes. It travels with today's programme so the phone has it offline, without the whole library.",
    ),
});

const weekSchema = z.object({
  week: z.int(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  phase: z.string(),
  sessions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      daysPerWeek: z.number(),
      dailyMinutes: z.number(),
      exercises: z.array(exerciseSchema),
    }),
  ),
  activity: z.object({
    kind: z.enum(['walking', 'walkingIntervals', 'cycling']),
    minutesPerDay: z.number(),
    daysPerWeek: z.number(),
  }),
  lessons: z.array(z.string()).describe('Lesson ids unlocked this week'),
  tasks: z.array(z.string()).describe('Posture and ergonomic task ids for this week'),
  reassessments: z.array(
    z.object({ week: z.int(), date: z.iso.date(), instruments: z.array(z.string()) }),
  ),
});

const todaySchema = z
  .object({
    date: z.iso.date(),
    programme: z.object({
      id: z.uuid(),
      version: z.int(),
      region: z.string(),
      condition: z.string(),
      startDate: z.iso.date(),
      endDate: z.iso.date(),
      requiredLessons: z.array(z.string()),
    }),
    week: weekSchema
      .nullable()
      .describe('The programme week containing today; null before the start or after the end'),
  })
  .meta({ id: 'Today' });

/** The camera coach's result, as the patient confirmed it; the core checks the same bounds. */
export const coachResultSchema = z
  .strictObject({
    reps: z.int().min(0).max(coachLimits.repsMax).optional().describe('Repetitions counted'),
    holdSeconds: z
      .number()
      .min(0)
      .max(coachLimits.holdSecondsMax)
      .optional()
      .describe('Seconds held in position, all holds together'),
    rangeDegrees: z
      .strictObject({
        min: z.number().min(coachLimits.degreesMin).max(coachLimits.degreesMax),
        max: z.number().min(coachLimits.degreesMin).max(coachLimits.degreesMax),
      })
      .optional()
      .describe('The tracked angle over the session, in degrees; min ≤ max'),
    formWarnings: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(coachLimits.formWarningIdMaxLength),
          cue: z.string().min(1).max(coachLimits.cueMaxLength),
          count: z.int().min(1).max(coachLimits.warningCountMax),
        }),
      )
      .max(coachLimits.formWarningsMax)
      .optional()
      .describe('The form cues given, with how many times each'),
    exerciseRule: z
      .string()
      .min(1)
      .max(coachLimits.exerciseRuleMaxLength)
      .describe('The coach rule used (the exercise id for exercise rules)'),
    view: z.enum(coachViews as readonly ['side', 'front']).describe('The camera view used'),
  })
  .describe(
    'What the camera coach on the phone measured, confirmed by the patient: numbers only, never a frame. Camera angles are estimates, not clinical goniometry.',
  )
  .meta({ id: 'CoachResult' });

/**
 * One session log as the clinical core reads it. The zod schema checks the shape and documents
 * it; the clinical core (`parseLogs`) does the clinical checks (ranges, the exercise belongs to
 * the programme). Loose, so the stored log is the body exactly as sent: an idempotent retry is
 * compared with it key for key, and the core names an unknown field itself.
 */
const sessionLogBodySchema = z
  .looseObject({
    id: z.string().optional().describe('Optional id from the client'),
    date: z.string().describe('YYYY-MM-DD, the day the session was done'),
    exerciseId: z.string().describe('An exercise of the programme'),
    setsDone: z.number(),
    repsDone: z.number().optional(),
    holdSecondsDone: z.number().optional(),
    minutesDone: z.number().optional(),
    completed: z.enum(['done', 'partly', 'skipped']).optional(),
    painBefore: z.number().optional(),
    painDuring: z.number().optional(),
    painAfter: z.number().optional(),
    nextMorningPain: z.number().optional(),
    nextMorningStiffness: z.number().optional(),
    difficulty: z.enum(['easy', 'moderate', 'hard']).optional(),
    rpe: z.number().optional(),
    symptoms: z.array(z.enum(logSymptoms)).optional(),
    note: z.string().optional(),
    coach: coachResultSchema.optional(),
  })
  .meta({ id: 'SessionLog' });

const alertSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    clinicId: z.uuid(),
    type: z.string(),
    severity: z.enum(['emergency', 'urgent', 'warning', 'info']),
    state: z.enum(['open', 'acknowledged', 'resolved']),
    message: z.string(),
    advice: z
      .string()
      .nullable()
      .describe('What the patient should do now (red-flag symptoms), to show at once'),
    sessionLogIds: z.array(z.uuid()),
    assessmentId: z.uuid().nullable().describe('The assessment whose red-flag screen raised it'),
    progressionDecisionId: z
      .uuid()
      .nullable()
      .describe('The progression suggestion that raised it, to accept or reject'),
    acknowledgedBy: z.uuid().nullable(),
    acknowledgedAt: z.iso.datetime().nullable(),
    resolvedBy: z.uuid().nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Alert' });

const storedLogSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    programmeVersion: z.int(),
    createdAt: z.iso.datetime(),
    log: sessionLogBodySchema,
    alerts: z.array(alertSchema).describe('The alerts this log raised, the most severe first'),
  })
  .meta({ id: 'StoredSessionLog' });

/** The widest window of `GET /api/me/logs`, and the most logs it answers. */
const MY_LOGS_MAX_DAYS = 31;
const MY_LOGS_MAX_ROWS = 1_000;

const myLogsQuerySchema = z.strictObject({
  from: z.iso.date().optional().describe('First day; default the day before `to`'),
  to: z.iso.date().optional().describe('Last day; default today'),
});

const alertStateQuery = z.enum(['open', 'acknowledged', 'resolved', 'all']);

const alertListQuerySchema = z.strictObject({
  state: alertStateQuery.default('open'),
  patientId: z.uuid().optional(),
});

const alertParamsSchema = z.object({ alertId: z.uuid() });

// ---------------------------------------------------------------- shaping

function iso(at: Date | null): string | null {
  return at === null ? null : at.toISOString();
}

/** An alert as the API shows it: dates as ISO strings, the advice lifted from the flag. */
export function publicAlert(alert: Alert) {
  return {
    id: alert.id,
    patientId: alert.patientId,
    clinicId: alert.clinicId,
    type: alert.type,
    severity: alert.severity,
    state: alert.state,
    message: alert.message,
    advice: alert.source?.flag?.advice ?? null,
    sessionLogIds: [...(alert.source?.sessionLogIds ?? [])],
    assessmentId: alert.source?.assessmentId ?? null,
    progressionDecisionId: alert.source?.progressionDecisionId ?? null,
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedAt: iso(alert.acknowledgedAt),
    resolvedBy: alert.resolvedBy,
    resolvedAt: iso(alert.resolvedAt),
    createdAt: alert.createdAt.toISOString(),
  };
}

function publicExercise(exercise: PrescribedExercise) {
  // Rationale is for the clinician; the patient's screen needs what to do and how much.
  return {
    id: exercise.id,
    name: exercise.name,
    chain: exercise.chain,
    level: exercise.level,
    kind: exercise.kind,
    sets: exercise.sets,
    ...(exercise.reps === undefined ? {} : { reps: exercise.reps }),
    ...(exercise.repsPerSet === undefined ? {} : { repsPerSet: [...exercise.repsPerSet] }),
    ...(exercise.holdSeconds === undefined ? {} : { holdSeconds: exercise.holdSeconds }),
    ...(exercise.minutes === undefined ? {} : { minutes: exercise.minutes }),
    perDay: exercise.perDay,
    daysPerWeek: exercise.daysPerWeek,
    boutMinutes: exercise.boutMinutes,
    dailyMinutes: exercise.dailyMinutes,
    cautions: [...exercise.cautions],
    guide: guideOf(exercise.id),
  };
}

/** What the phone needs to show how an exercise is done (null for one the library lacks). */
function guideOf(exerciseId: string) {
  const entry = exerciseLibrary.find((candidate) => candidate.id === exerciseId);
  if (entry === undefined) return null;
  return {
    summary: entry.summary,
    steps: [...entry.steps],
    cues: [...entry.cues],
    stopIf: [...entry.stopIf],
    restSeconds: entry.dosage.restSeconds,
    coached: getCoachRule(entry.id) !== undefined,
    animation: {
      view: entry.animation.view,
      cycleSeconds: entry.animation.cycleSeconds,
      keyframes: entry.animation.keyframes.map((keyframe) => ({ ...keyframe })),
    },
  };
}

function publicWeek(week: ProgrammeWeek) {
  return {
    week: week.week,
    startDate: week.startDate,
    endDate: week.endDate,
    phase: week.phase,
    sessions: week.sessions.map((session) => ({
      id: session.id,
      name: session.name,
      daysPerWeek: session.daysPerWeek,
      dailyMinutes: session.dailyMinutes,
      exercises: session.exercises.map(publicExercise),
    })),
    activity: {
      kind: week.activity.kind,
      minutesPerDay: week.activity.minutesPerDay,
      daysPerWeek: week.activity.daysPerWeek,
    },
    lessons: [...week.lessons],
    tasks: [...week.tasks],
    reassessments: week.reassessments.map((reassessment) => ({
      week: reassessment.week,
      date: reassessment.date,
      instruments: [...reassessment.instruments],
    })),
  };
}

/** A coach result as the API shows it: a copy where the core's type is read-only. */
export function publicCoach(coach: CoachResult) {
  const { formWarnings, ...rest } = coach;
  return {
    ...rest,
    ...(formWarnings === undefined
      ? {}
      : { formWarnings: formWarnings.map((warning) => ({ ...warning })) }),
  };
}

/** The stored log; a copy where the core's type is read-only (the symptom list, the coach). */
function storedLog(log: SessionLog) {
  // An undefined member is left out of the JSON, as it was never stored.
  return {
    ...log,
    symptoms: log.symptoms === undefined ? undefined : [...log.symptoms],
    coach: log.coach === undefined ? undefined : publicCoach(log.coach),
  };
}

// ---------------------------------------------------------------- look-ups

/** The signed-in patient's own record: the only patient a patient's request can touch. */

function weekContaining(programme: Programme, today: string): ProgrammeWeek | null {
  return programme.weeks.find((week) => week.startDate <= today && today <= week.endDate) ?? null;
}

/** The problem for a log `recordSessionLog` refused. */
function logFailure(result: Exclude<RecordSessionLogResult, { ok: true }>): never {
  switch (result.reason) {
    case 'invalidIdempotencyKey':
      throw new ProblemError(
        badRequest([
          {
            path: `headers.${IDEMPOTENCY_KEY_HEADER}`,
            message: `must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters, not blank`,
          },
        ]),
      );
    case 'patientNotFound':
      throw new ProblemError(notFound('patient'));
    case 'noActiveProgramme':
      throw new ProblemError(notFound('active programme'));
    case 'idempotencyConflict':
      throw new ProblemError(
        conflict(
          'This Idempotency-Key was already used with a different log; use a new key for a new log.',
        ),
      );
    case 'invalidLog':
      // The error handler answers it as a 400 naming `body.<field>`.
      throw result.error;
  }
}

// ---------------------------------------------------------------- routes

export const logRoutes: RoutePlugin<LogFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.get(
    '/me/today',
    {
      schema: {
        summary: "The patient's programme for today",
        description:
          'The week of the active programme that contains today: its sessions with exercises and doses, the activity quota, lessons and tasks.',
        tags: ['patient app'],
        response: {
          200: todaySchema,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
          404: problemResponse('No active programme'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatient(db, auth);
      const programme = await findActiveProgramme(db, patient.id);
      if (programme === undefined) throw new ProblemError(notFound('active programme'));
      const at = now();
      const today = dayOf(at);
      await recordAudit(db, {
        userId: auth.user.id,
        clinicId: auth.user.clinicId,
        patientId: patient.id,
        action: 'read',
        resource: 'programme',
        resourceId: programme.id,
        ...requestOrigin(request),
        detail: { view: 'today', version: programme.version },
        at,
      });
      const week = weekContaining(programme.content, today);
      // Health data: no shared cache may keep it.
      void reply.header('cache-control', 'no-store');
      return {
        date: today,
        programme: {
          id: programme.id,
          version: programme.version,
          region: programme.content.region,
          condition: programme.content.condition,
          startDate: programme.content.startDate,
          endDate: programme.content.endDate,
          requiredLessons: [...programme.content.requiredLessons],
        },
        week: week === null ? null : publicWeek(week),
      };
    },
  );

  app.post(
    '/me/logs',
    {
      // The header is checked by hand (below) so the problem names it `headers.idempotency-key`.
      attachValidation: true,
      schema: {
        summary: 'Log one exercise session',
        description:
          'Needs the `Idempotency-Key` header (a UUID per log, kept across retries) and the x-csrf-token header. 201 when stored, 200 with the same body when the key was seen with the same log; 409 when it was seen with another. The response lists the alerts the log raised, so the app can show emergency advice at once.',
        tags: ['patient app'],
        headers: z.object({
          [IDEMPOTENCY_KEY_HEADER]: z
            .string()
            .min(1)
            .max(IDEMPOTENCY_KEY_MAX_LENGTH)
            .describe('A key the client generates per log and sends again on every retry'),
        }),
        body: sessionLogBodySchema,
        response: {
          200: storedLogSchema.describe('A retry: the log was already stored under this key'),
          201: storedLogSchema,
          400: problemResponse('The header is missing, or the log is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
          404: problemResponse('No active programme'),
          409: problemResponse('The key was used before with a different log'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const key = idempotencyKeyOf(request);
      if (request.validationError !== undefined) throw request.validationError;

      const patient = await ownPatient(db, auth);
      const at = now();
      const origin = requestOrigin(request);
      const audit = (
        writer: Pick<Database, 'insert'>,
        action: 'create' | 'read',
        logId: string,
        alertIds: readonly string[],
      ) =>
        recordAudit(writer, {
          userId: auth.user.id,
          clinicId: auth.user.clinicId,
          patientId: patient.id,
          action,
          resource: 'sessionLog',
          resourceId: logId,
          ...origin,
          detail: { duplicate: action === 'read', alertIds },
          at,
        });
      const result = await recordSessionLog(db, {
        patientId: patient.id,
        idempotencyKey: key,
        log: request.body,
        today: dayOf(at),
        // The write's audit entry commits with the log: no stored log is ever unaudited.
        onStored: (tx, stored, raised) =>
          audit(
            tx,
            'create',
            stored.id,
            raised.map((alert) => alert.id),
          ),
      });
      if (!result.ok) logFailure(result);
      // A retry stores nothing: it is a read of the stored log.
      if (result.duplicate) {
        await audit(
          db,
          'read',
          result.id,
          result.alerts.map((alert) => alert.id),
        );
      }
      void reply.header('cache-control', 'no-store');
      return reply.code(result.duplicate ? 200 : 201).send({
        id: result.row.id,
        programmeId: result.row.programmeId,
        programmeVersion: result.row.programmeVersion,
        createdAt: result.row.createdAt.toISOString(),
        log: storedLog(result.row.log),
        alerts: result.alerts.map(publicAlert),
      });
    },
  );

  app.get(
    '/me/logs',
    {
      schema: {
        summary: 'My session logs',
        description: `What I logged from \`from\` to \`to\` (at most ${String(MY_LOGS_MAX_DAYS)} days; by default yesterday and today), newest first, with the Idempotency-Key each was sent with: a phone shows what was done today on another device, and knows which of its own logs arrived.`,
        tags: ['patient app'],
        querystring: myLogsQuerySchema,
        response: {
          200: z
            .object({
              from: z.iso.date(),
              to: z.iso.date(),
              logs: z.array(
                z.object({
                  id: z.uuid(),
                  idempotencyKey: z.string(),
                  createdAt: z.iso.datetime(),
                  log: sessionLogBodySchema,
                }),
              ),
            })
            .meta({ id: 'MySessionLogs' }),
          400: problemResponse('A malformed day, or a window too wide'),
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
      const today = dayOf(at);
      const to = request.query.to ?? today;
      const from = request.query.from ?? addDays(to, -1);
      if (from > to) {
        throw new ProblemError(
          badRequest([{ path: 'query.from', message: 'must not be after to' }]),
        );
      }
      // Both are valid days (checked by the schema, or made from one), so both numbers exist.
      if ((dayNumber(to) ?? 0) - (dayNumber(from) ?? 0) >= MY_LOGS_MAX_DAYS) {
        throw new ProblemError(
          badRequest([
            {
              path: 'query.from',
              message: `must be within ${String(MY_LOGS_MAX_DAYS)} days of to`,
            },
          ]),
        );
      }
      const rows = await db
        .select({
          id: sessionLogs.id,
          idempotencyKey: sessionLogs.idempotencyKey,
          createdAt: sessionLogs.createdAt,
          log: sessionLogs.log,
        })
        .from(sessionLogs)
        .where(
          and(
            eq(sessionLogs.patientId, patient.id),
            gte(sessionLogs.performedOn, from),
            lte(sessionLogs.performedOn, to),
          ),
        )
        .orderBy(desc(sessionLogs.performedOn), desc(sessionLogs.createdAt))
        .limit(MY_LOGS_MAX_ROWS);
      await recordAudit(db, {
        userId: auth.user.id,
        clinicId: auth.user.clinicId,
        patientId: patient.id,
        action: 'read',
        resource: 'sessionLog',
        ...requestOrigin(request),
        detail: { via: 'app', from, to, count: rows.length },
        at,
      });
      void reply.header('cache-control', 'no-store');
      return {
        from,
        to,
        logs: rows.map((row) => ({
          id: row.id,
          idempotencyKey: row.idempotencyKey,
          createdAt: row.createdAt.toISOString(),
          log: storedLog(row.log),
        })),
      };
    },
  );

  app.get(
    '/alerts',
    {
      schema: {
        summary: "The clinic's alerts",
        description:
          'Most severe first (emergency, urgent, warning, info), then newest. Open alerts unless `state` says otherwise.',
        tags: ['alerts'],
        querystring: alertListQuerySchema,
        response: {
          200: z.object({ alerts: z.array(alertSchema) }).meta({ id: 'AlertList' }),
          400: problemResponse('An unknown state or a malformed patient id'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const { state, patientId } = request.query;
      const found = await listAlerts(db, {
        clinicId: auth.user.clinicId,
        ...(state === 'all' ? {} : { state: state satisfies AlertState }),
        ...(patientId === undefined ? {} : { patientId }),
      });
      await recordAudit(db, {
        userId: auth.user.id,
        clinicId: auth.user.clinicId,
        patientId: patientId ?? null,
        action: 'read',
        resource: 'alert',
        ...requestOrigin(request),
        detail: { state, count: found.length },
        at: now(),
      });
      void reply.header('cache-control', 'no-store');
      return { alerts: found.map(publicAlert) };
    },
  );

  for (const action of ['acknowledge', 'resolve'] as const) {
    app.post(
      `/alerts/:alertId/${action}`,
      {
        schema: {
          summary: action === 'acknowledge' ? 'Acknowledge an alert' : 'Resolve an alert',
          description:
            action === 'acknowledge'
              ? 'open → acknowledged, recording who and when. Needs the x-csrf-token header.'
              : 'open or acknowledged → resolved, recording who and when. Needs the x-csrf-token header.',
          tags: ['alerts'],
          params: alertParamsSchema,
          response: {
            200: alertSchema,
            400: problemResponse('The alert id is not a UUID'),
            401: problemResponse('Not signed in'),
            403: problemResponse('Not a clinician or administrator, or the CSRF header is missing'),
            404: problemResponse('No such alert in your clinic'),
            409: problemResponse('The alert is in a state this action cannot leave'),
          },
        },
      },
      async (request) => {
        const auth = requireRole(request, 'clinician', 'admin');
        const at = now();
        const input = {
          alertId: request.params.alertId,
          clinicId: auth.user.clinicId,
          userId: auth.user.id,
          now: at,
        };
        const result =
          action === 'acknowledge'
            ? await acknowledgeAlert(db, input)
            : await resolveAlert(db, input);
        if (!result.ok) {
          if (result.reason === 'notFound') throw new ProblemError(notFound('alert'));
          throw new ProblemError(
            conflict(
              `This alert is ${result.from}; it cannot be ${action === 'acknowledge' ? 'acknowledged' : 'resolved'} now.`,
            ),
          );
        }
        await recordAudit(db, {
          userId: auth.user.id,
          clinicId: auth.user.clinicId,
          patientId: result.alert.patientId,
          action: 'update',
          resource: 'alert',
          resourceId: result.alert.id,
          ...requestOrigin(request),
          detail: { action, state: result.alert.state },
          at,
        });
        return publicAlert(result.alert);
      },
    );
  }

  return Promise.resolve();
};

/** Adds the log and alert routes under `/api`; register after `registerSessionFeature`. */
export function registerLogFeature(app: App, options: LogFeatureOptions): void {
  registerRoutes(app, logRoutes, { ...options, prefix: '/api' });
}
