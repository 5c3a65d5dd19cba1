/**
 * The patient's exercise calendar (issue 6 §7, decision 010), under `/api`:
 * - `POST   /api/me/calendar-link`        a secret subscription link (replacing any earlier one),
 *                                          shown once: only its SHA-256 is stored
 * - `DELETE /api/me/calendar-link`        revoke it
 * - `GET    /api/me/calendar.ics`         a one-off download, for the signed-in patient
 * - `GET    /api/calendar/:token.ics`     the subscription: no cookie, the token is the
 *                                          credential; unknown → 404
 *
 * One event per planned exercise day at the patient's first reminder time (09:00 without one),
 * in their time zone, as long as that day's sessions. The text says "Spinewise exercises" and
 * nothing about their health: a calendar is shared, synced and shown on locked screens.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { Database } from '../../database/client.js';
import { patients, users, type Patient } from '../../database/schema.js';
import { findActiveProgramme } from '../../logs/session-logs.js';
import { writeCalendar } from '../../reminders/ics.js';
import { instantOf, isTimeZone } from '../../reminders/schedule.js';
import { sessionDays } from '../../reminders/session-days.js';
import { auditPatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { ProblemError, notFound, problemResponse } from '../problem.js';
import { ownPatientRecord, timeZoneSchema } from '../reminders/routes.js';
import { recordAudit, requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';

export interface CalendarFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
export const CALENDAR_SUMMARY = 'Spinewise exercises';
const DEFAULT_START_TIME = '09:00';
/** base64url of 32 bytes is 43 characters; room to spare, never a novel. */
const TOKEN_MAX_LENGTH = 128;

// ---------------------------------------------------------------- schemas

const calendarLinkBodySchema = z
  .strictObject({
    timeZone: timeZoneSchema
      .optional()
      .describe('The phone’s IANA time zone, saved for the calendar (and reminders)'),
  })
  // A body is optional: Fastify gives `null` when none came.
  .nullish()
  .meta({ id: 'CalendarLinkRequest' });

const calendarLinkSchema = z
  .object({
    path: z
      .string()
      .describe(
        'Shown once: the subscription address, relative to the server (/api/calendar/<token>.ics)',
      ),
  })
  .meta({ id: 'CalendarLink' });

const tokenParams = z.object({
  token: z.string().min(1).max(TOKEN_MAX_LENGTH).describe('The secret from the link'),
});

const calendarText = z.string().describe('An RFC 5545 calendar (text/calendar)');

// ---------------------------------------------------------------- the calendar

async function calendarOf(db: Database, patient: Patient, at: Date): Promise<string> {
  const programme = await findActiveProgramme(db, patient.id);
  const zone = patient.timeZone !== null && isTimeZone(patient.timeZone) ? patient.timeZone : 'UTC';
  const time = [...patient.reminderTimes].sort()[0] ?? DEFAULT_START_TIME;
  const days = programme === undefined ? [] : sessionDays(programme.content);
  return writeCalendar({
    name: CALENDAR_SUMMARY,
    stamp: at,
    events: days.map(({ day, minutes }) => ({
      // Stable across refreshes and programme versions: the day of one programme.
      uid: `${day}-${programme?.id ?? ''}@spinewise`,
      start: instantOf(day, time, zone),
      durationMinutes: minutes,
      summary: CALENDAR_SUMMARY,
      description: 'Your exercises for today. Open the Spinewise app to start.',
    })),
  });
}

function sendCalendar(reply: FastifyReply, body: string, filename?: string) {
  void reply.header('cache-control', 'no-store');
  void reply.header('content-type', CALENDAR_CONTENT_TYPE);
  if (filename !== undefined) {
    void reply.header('content-disposition', `attachment; filename="${filename}"`);
  }
  return reply.code(200).send(body);
}

// ---------------------------------------------------------------- routes

export const calendarRoutes: RoutePlugin<CalendarFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.post(
    '/me/calendar-link',
    {
      schema: {
        summary: 'Make a secret calendar subscription link',
        description:
          'Replaces any earlier link (which stops working). The address is shown once: only its SHA-256 is stored. Needs the x-csrf-token header.',
        tags: ['patient app'],
        body: calendarLinkBodySchema,
        response: {
          201: calendarLinkSchema,
          400: problemResponse('The time zone is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatientRecord(db, auth);
      const timeZone = request.body?.timeZone;
      const token = newToken();
      const at = now();
      await db
        .update(patients)
        .set({
          calendarTokenHash: hashToken(token),
          ...(timeZone === undefined ? {} : { timeZone }),
          updatedAt: at,
        })
        .where(eq(patients.id, patient.id));
      // The token is never audited: the audit log is kept for good.
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'create',
        resource: 'calendarLink',
        patientId: patient.id,
        detail: { replaced: patient.calendarTokenHash !== null },
      });
      // The body holds a live secret: no cache may keep it.
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send({ path: `/api/calendar/${token}.ics` });
    },
  );

  app.delete(
    '/me/calendar-link',
    {
      schema: {
        summary: 'Revoke the calendar subscription link',
        description: 'Answers 204 whether or not there was one. Needs the x-csrf-token header.',
        tags: ['patient app'],
        response: {
          204: z.null().describe('The link no longer works'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatientRecord(db, auth);
      const at = now();
      await db
        .update(patients)
        .set({ calendarTokenHash: null, updatedAt: at })
        .where(eq(patients.id, patient.id));
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'delete',
        resource: 'calendarLink',
        patientId: patient.id,
        detail: { existed: patient.calendarTokenHash !== null },
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me/calendar.ics',
    {
      schema: {
        summary: 'Download the exercise calendar once',
        description:
          'The same calendar as the subscription link, as a file to import; it does not update itself.',
        tags: ['patient app'],
        response: {
          200: calendarText,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatientRecord(db, auth);
      const at = now();
      const body = await calendarOf(db, patient, at);
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'read',
        resource: 'calendar',
        patientId: patient.id,
        detail: { via: 'download' },
      });
      return sendCalendar(reply, body, 'spinewise-exercises.ics');
    },
  );

  app.get(
    '/calendar/:token.ics',
    {
      schema: {
        summary: 'The exercise calendar, for a calendar app to subscribe to',
        description:
          'No sign-in: the secret in the address is the credential. An unknown or revoked one gets 404. Before a programme is active the calendar has no events.',
        tags: ['patient app'],
        params: tokenParams,
        response: {
          200: calendarText,
          400: problemResponse('The address is malformed'),
          404: problemResponse('No such calendar (or the link was revoked)'),
        },
      },
    },
    async (request, reply) => {
      const [row] = await db
        .select({ patient: patients, clinicId: users.clinicId })
        .from(patients)
        .innerJoin(users, eq(users.id, patients.userId))
        .where(
          and(
            eq(patients.calendarTokenHash, hashToken(request.params.token)),
            isNotNull(patients.userId),
          ),
        )
        .limit(1);
      if (row === undefined) throw new ProblemError(notFound('calendar'));
      const at = now();
      const body = await calendarOf(db, row.patient, at);
      // Read by whoever holds the link (the patient's calendar app): no user to name.
      await recordAudit(db, {
        userId: null,
        clinicId: row.clinicId,
        patientId: row.patient.id,
        action: 'read',
        resource: 'calendar',
        resourceId: row.patient.id,
        ...requestOrigin(request),
        detail: { via: 'subscriptionLink' },
        at,
      });
      return sendCalendar(reply, body);
    },
  );

  return Promise.resolve();
};

/** Adds the calendar routes under `/api`; register after `registerSessionFeature`. */
export function registerCalendarFeature(app: App, options: CalendarFeatureOptions): void {
  registerRoutes(app, calendarRoutes, { ...options, prefix: '/api' });
}
