/**
 * The patient chart's reads (issue 5 journey 5), under `/api`:
 * - `GET /api/patients/:patientId/logs`       the patient's session logs in a window of days,
 *                                             newest first
 * - `GET /api/patients/:patientId/timeline`   assessments, programme versions, logs summarised
 *                                             per week, notes and alerts, newest first
 *
 * Staff of the patient's clinic only: a patient gets 403, another clinic's patient is "not
 * found". Both are bounded (a window of at most a year, a cap on rows) and every read is audited.
 *
 * Register after `registerSessionFeature`: these routes rely on its `request.auth`.
 */
import type { Programme, SessionLog } from '@spinewise/clinical';
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../database/client.js';
import {
  alerts,
  assessments,
  clinicalNotes,
  episodes,
  programmes,
  programmeVersions,
  sessionLogs,
} from '../../database/schema.js';
import { auditPatient, findVisiblePatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { coachResultSchema, dayOf, publicCoach } from '../logs/routes.js';
import { ProblemError, badRequest, problemResponse } from '../problem.js';
import { requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';

export interface ChartFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

/** The default window: the last twelve weeks, today included. */
export const DEFAULT_WINDOW_DAYS = 84;
/** The widest window one request may ask for. */
export const MAX_WINDOW_DAYS = 366;
/** At most this many logs in one answer (several exercises a day for a year fit). */
export const LOG_LIST_MAX = 5_000;
/** At most this many rows of each kind on the timeline. */
export const TIMELINE_KIND_MAX = 200;

const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS));
}

function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS,
  );
}

/** The Monday starting the ISO week of `day`. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

// ---------------------------------------------------------------- schemas

const patientIdParams = z.object({ patientId: z.uuid() });

const windowQuerySchema = z.strictObject({
  from: z.iso
    .date()
    .optional()
    .describe(`First day, YYYY-MM-DD; default ${DEFAULT_WINDOW_DAYS - 1} days before \`to\``),
  to: z.iso.date().optional().describe('Last day, YYYY-MM-DD; default today'),
});

const chartLogSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    programmeVersion: z.int(),
    date: z.iso.date(),
    exerciseId: z.string(),
    exerciseName: z.string().nullable().describe('From the programme version the patient followed'),
    setsDone: z.number(),
    repsDone: z.number().nullable(),
    holdSecondsDone: z.number().nullable(),
    minutesDone: z.number().nullable(),
    completed: z.enum(['done', 'partly', 'skipped']).nullable(),
    painBefore: z.number().nullable(),
    painDuring: z.number().nullable(),
    painAfter: z.number().nullable(),
    symptoms: z.array(z.string()),
    note: z.string().nullable(),
    coach: coachResultSchema
      .nullable()
      .describe('The camera coach result, when the session was coached'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ChartSessionLog' });

const logListSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    logs: z.array(chartLogSchema).describe('Newest first'),
    truncated: z.boolean().describe(`More than ${LOG_LIST_MAX} logs in the window`),
  })
  .meta({ id: 'ChartSessionLogList' });

const timelineKinds = ['assessment', 'programmeVersion', 'logWeek', 'note', 'alert'] as const;

const timelineItemSchema = z
  .object({
    kind: z.enum(timelineKinds),
    date: z.iso.date().describe('The day it happened (a log week: its Monday)'),
    title: z.string(),
    detail: z.string().nullable(),
    links: z
      .object({
        episodeId: z.uuid().optional(),
        assessmentId: z.uuid().optional(),
        programmeId: z.uuid().optional(),
        version: z.int().optional(),
        noteId: z.uuid().optional(),
        alertId: z.uuid().optional(),
      })
      .describe('The ids to open the item with'),
  })
  .meta({ id: 'TimelineItem' });

const timelineSchema = z
  .object({
    items: z.array(timelineItemSchema).describe('Newest first'),
    truncated: z.boolean().describe(`A kind had more than ${TIMELINE_KIND_MAX} rows`),
  })
  .meta({ id: 'PatientTimeline' });

// ---------------------------------------------------------------- helpers

function windowOf(query: { from?: string | undefined; to?: string | undefined }, today: string) {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_WINDOW_DAYS - 1));
  if (from > to) {
    throw new ProblemError(badRequest([{ path: 'query.from', message: 'is after `to`' }]));
  }
  if (daysBetween(from, to) >= MAX_WINDOW_DAYS) {
    throw new ProblemError(
      badRequest([
        { path: 'query.from', message: `must be at most ${MAX_WINDOW_DAYS} days before \`to\`` },
      ]),
    );
  }
  return { from, to };
}

function exerciseNames(content: Programme): Map<string, string> {
  const names = new Map<string, string>();
  for (const week of content.weeks) {
    for (const session of week.sessions) {
      for (const exercise of session.exercises) names.set(exercise.id, exercise.name);
    }
  }
  return names;
}

function chartLog(
  row: {
    id: string;
    programmeId: string;
    programmeVersion: number;
    createdAt: Date;
    log: SessionLog;
  },
  name: string | undefined,
) {
  const { log } = row;
  return {
    id: row.id,
    programmeId: row.programmeId,
    programmeVersion: row.programmeVersion,
    date: log.date,
    exerciseId: log.exerciseId,
    exerciseName: name ?? null,
    setsDone: log.setsDone,
    repsDone: log.repsDone ?? null,
    holdSecondsDone: log.holdSecondsDone ?? null,
    minutesDone: log.minutesDone ?? null,
    completed: log.completed ?? null,
    painBefore: log.painBefore ?? null,
    painDuring: log.painDuring ?? null,
    painAfter: log.painAfter ?? null,
    symptoms: [...(log.symptoms ?? [])],
    note: log.note ?? null,
    coach: log.coach === undefined ? null : publicCoach(log.coach),
    createdAt: row.createdAt.toISOString(),
  };
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}

const programmeStatusWords: Record<string, string> = {
  generated: 'generated',
  edited: 'edited',
  approved: 'approved',
  active: 'approved and published',
  completed: 'completed',
  archived: 'archived',
};

// ---------------------------------------------------------------- routes

export const chartRoutes: RoutePlugin<ChartFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.get(
    '/patients/:patientId/logs',
    {
      schema: {
        summary: "A patient's session logs",
        description: `The logs of the days from \`from\` to \`to\` (at most ${MAX_WINDOW_DAYS} days; by default the last ${DEFAULT_WINDOW_DAYS}), newest first, each with the exercise's name, what was done, pain before and after, symptoms and the note.`,
        tags: ['chart'],
        params: patientIdParams,
        querystring: windowQuerySchema,
        response: {
          200: logListSchema,
          400: problemResponse('A malformed id or day, or a window too wide'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such patient (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const patient = await findVisiblePatient(db, auth, request.params.patientId);
      const at = now();
      const { from, to } = windowOf(request.query, dayOf(at));
      const rows = await db
        .select({
          id: sessionLogs.id,
          programmeId: sessionLogs.programmeId,
          programmeVersion: sessionLogs.programmeVersion,
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
        .limit(LOG_LIST_MAX + 1);
      const truncated = rows.length > LOG_LIST_MAX;
      const kept = rows.slice(0, LOG_LIST_MAX);

      const programmeIds = [...new Set(kept.map((row) => row.programmeId))];
      const versions =
        programmeIds.length === 0
          ? []
          : await db
              .select({
                programmeId: programmeVersions.programmeId,
                version: programmeVersions.version,
                content: programmeVersions.content,
              })
              .from(programmeVersions)
              .where(inArray(programmeVersions.programmeId, programmeIds));
      const names = new Map(
        versions.map((row) => [`${row.programmeId}#${row.version}`, exerciseNames(row.content)]),
      );

      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'read',
        resource: 'sessionLog',
        patientId: patient.id,
        detail: { via: 'chart', from, to, count: kept.length },
      });
      void reply.header('cache-control', 'no-store');
      return {
        from,
        to,
        truncated,
        logs: kept.map((row) =>
          chartLog(
            row,
            names.get(`${row.programmeId}#${row.programmeVersion}`)?.get(row.log.exerciseId),
          ),
        ),
      };
    },
  );

  app.get(
    '/patients/:patientId/timeline',
    {
      schema: {
        summary: "A patient's timeline",
        description: `Assessments, programme versions, session logs summarised per week (Monday to Sunday), notes and alerts, newest first; at most ${TIMELINE_KIND_MAX} of each kind, the newest.`,
        tags: ['chart'],
        params: patientIdParams,
        response: {
          200: timelineSchema,
          400: problemResponse('The patient id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such patient (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const patient = await findVisiblePatient(db, auth, request.params.patientId);
      const at = now();
      const limit = TIMELINE_KIND_MAX + 1;

      const assessmentRows = await db
        .select({
          id: assessments.id,
          episodeId: assessments.episodeId,
          kind: assessments.kind,
          assessedAt: assessments.assessedAt,
          classification: assessments.classification,
        })
        .from(assessments)
        .innerJoin(episodes, eq(episodes.id, assessments.episodeId))
        .where(eq(episodes.patientId, patient.id))
        .orderBy(desc(assessments.assessedAt))
        .limit(limit);
      const versionRows = await db
        .select({
          programmeId: programmeVersions.programmeId,
          episodeId: programmes.episodeId,
          version: programmeVersions.version,
          status: programmeVersions.status,
          changeReason: programmeVersions.changeReason,
          createdAt: programmeVersions.createdAt,
          approvedAt: programmeVersions.approvedAt,
        })
        .from(programmeVersions)
        .innerJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
        .innerJoin(episodes, eq(episodes.id, programmes.episodeId))
        .where(eq(episodes.patientId, patient.id))
        .orderBy(desc(programmeVersions.createdAt))
        .limit(limit);
      const noteRows = await db
        .select({
          id: clinicalNotes.id,
          episodeId: clinicalNotes.episodeId,
          visitOn: clinicalNotes.visitOn,
          assessment: clinicalNotes.assessment,
        })
        .from(clinicalNotes)
        .where(eq(clinicalNotes.patientId, patient.id))
        .orderBy(desc(clinicalNotes.visitOn), desc(clinicalNotes.createdAt))
        .limit(limit);
      const alertRows = await db
        .select({
          id: alerts.id,
          severity: alerts.severity,
          state: alerts.state,
          message: alerts.message,
          createdAt: alerts.createdAt,
        })
        .from(alerts)
        .where(eq(alerts.patientId, patient.id))
        .orderBy(desc(alerts.createdAt))
        .limit(limit);
      // Logs are summarised per week: the weeks of the last year, at most the cap.
      const logRows = await db
        .select({ performedOn: sessionLogs.performedOn, log: sessionLogs.log })
        .from(sessionLogs)
        .where(
          and(
            eq(sessionLogs.patientId, patient.id),
            gte(sessionLogs.performedOn, addDays(dayOf(at), -(MAX_WINDOW_DAYS - 1))),
          ),
        )
        .orderBy(desc(sessionLogs.performedOn))
        .limit(LOG_LIST_MAX);

      const weeks = new Map<
        string,
        { days: Set<string>; count: number; before: number[]; after: number[] }
      >();
      for (const row of logRows) {
        const monday = mondayOf(row.performedOn);
        const week = weeks.get(monday) ?? { days: new Set(), count: 0, before: [], after: [] };
        week.days.add(row.performedOn);
        week.count += 1;
        if (row.log.painBefore !== undefined) week.before.push(row.log.painBefore);
        if (row.log.painAfter !== undefined) week.after.push(row.log.painAfter);
        weeks.set(monday, week);
      }

      type Item = z.infer<typeof timelineItemSchema>;
      const items: Item[] = [
        ...assessmentRows.slice(0, TIMELINE_KIND_MAX).map((row): Item => ({
          kind: 'assessment',
          date: dayOf(row.assessedAt),
          title: row.kind === 'baseline' ? 'First assessment' : 'Reassessment',
          detail: row.classification === null ? 'Not classified yet' : 'Classified',
          links: { episodeId: row.episodeId, assessmentId: row.id },
        })),
        ...versionRows.slice(0, TIMELINE_KIND_MAX).map((row): Item => ({
          kind: 'programmeVersion',
          date: dayOf(row.approvedAt ?? row.createdAt),
          title: `Programme version ${row.version}, ${programmeStatusWords[row.status] ?? row.status}`,
          detail: row.changeReason,
          links: { episodeId: row.episodeId, programmeId: row.programmeId, version: row.version },
        })),
        ...[...weeks.entries()].slice(0, TIMELINE_KIND_MAX).map(([monday, week]): Item => {
          const before = mean(week.before);
          const after = mean(week.after);
          const pain =
            before === null && after === null
              ? ''
              : `; average pain ${before ?? '–'} before, ${after ?? '–'} after`;
          return {
            kind: 'logWeek',
            date: monday,
            title: `Exercise logs: ${String(week.count)} ${week.count === 1 ? 'bout' : 'bouts'} in the week`,
            detail: `On ${week.days.size} of 7 days${pain}`,
            links: {},
          };
        }),
        ...noteRows.slice(0, TIMELINE_KIND_MAX).map((row): Item => ({
          kind: 'note',
          date: row.visitOn,
          title: 'Visit note',
          detail: row.assessment === '' ? null : row.assessment.slice(0, 200),
          links: { episodeId: row.episodeId, noteId: row.id },
        })),
        ...alertRows.slice(0, TIMELINE_KIND_MAX).map((row): Item => ({
          kind: 'alert',
          date: dayOf(row.createdAt),
          title: `Alert (${row.severity}, ${row.state})`,
          detail: row.message,
          links: { alertId: row.id },
        })),
      ];
      items.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
      const truncated =
        assessmentRows.length > TIMELINE_KIND_MAX ||
        versionRows.length > TIMELINE_KIND_MAX ||
        noteRows.length > TIMELINE_KIND_MAX ||
        alertRows.length > TIMELINE_KIND_MAX ||
        weeks.size > TIMELINE_KIND_MAX;

      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'read',
        resource: 'timeline',
        patientId: patient.id,
        detail: {
          assessments: assessmentRows.length,
          programmeVersions: versionRows.length,
          logWeeks: weeks.size,
          notes: noteRows.length,
          alerts: alertRows.length,
        },
      });
      void reply.header('cache-control', 'no-store');
      return { items, truncated };
    },
  );

  return Promise.resolve();
};

/** Adds the chart routes under `/api`; register after `registerSessionFeature`. */
export function registerChartFeature(app: App, options: ChartFeatureOptions): void {
  registerRoutes(app, chartRoutes, { ...options, prefix: '/api' });
}
