/**
 * The patient's reminders (issue 6 §7, decision 010), under `/api`:
 * - `GET    /api/me/reminders`            their reminder times and time zone, and how many
 *                                          devices can receive them
 * - `PUT    /api/me/reminders`            choose the times (0–3, `HH:MM`) and the time zone
 * - `GET    /api/push/public-key`         the server's VAPID public key, to subscribe with
 * - `POST   /api/me/push-subscriptions`   a device's push subscription (upserted by endpoint)
 * - `DELETE /api/me/push-subscriptions`   forget a device (by endpoint)
 *
 * Always the signed-in patient's own record (`patients.user_id`). Every read and write is
 * audited; a subscription's endpoint and keys never are (with the keys it can be pushed to).
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../database/client.js';
import { patients, pushSubscriptions } from '../../database/schema.js';
import { vapidKeys } from '../../reminders/push.js';
import { MAX_REMINDER_TIMES, REMINDER_TIME_PATTERN, isTimeZone } from '../../reminders/schedule.js';
import { auditPatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { ProblemError, notFound, problemResponse } from '../problem.js';
import { requestOrigin } from '../session/audit.js';
import { requireRole, type Authenticated } from '../session/plugin.js';

export interface ReminderFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

// ---------------------------------------------------------------- schemas

/** Long enough for any IANA name (the longest is 32 characters). */
const TIME_ZONE_MAX_LENGTH = 64;
/** Push services' endpoints are a few hundred characters. */
const ENDPOINT_MAX_LENGTH = 2048;
/** The keys are base64url: a P-256 point (87 characters) and a 16-byte secret (22). */
const KEY_MAX_LENGTH = 256;

export const timeZoneSchema = z
  .string()
  .max(TIME_ZONE_MAX_LENGTH, { abort: true })
  .refine(isTimeZone, { message: 'is not an IANA time zone, such as Europe/London' })
  .describe('IANA time zone of the phone, e.g. Europe/London');

const reminderSettingsBodySchema = z
  .strictObject({
    times: z
      .array(
        z
          .string()
          .max(5, { abort: true })
          .regex(REMINDER_TIME_PATTERN, { message: 'must be a time as HH:MM, 24-hour' }),
      )
      .max(MAX_REMINDER_TIMES)
      .superRefine((times, context) => {
        times.forEach((time, index) => {
          if (times.indexOf(time) !== index) {
            context.addIssue({ code: 'custom', path: [index], message: 'is chosen twice' });
          }
        });
      })
      .describe(
        'Up to three times, HH:MM on the phone’s clock; empty: no reminders. At most one reminder a day is sent, and none once something is logged that day.',
      ),
    timeZone: timeZoneSchema,
  })
  .meta({ id: 'ReminderSettingsUpdate' });

const reminderSettingsSchema = z
  .object({
    times: z.array(z.string()).describe('HH:MM, earliest first'),
    timeZone: z.string().nullable().describe('null until the patient saves their settings'),
    devices: z.int().describe('How many of the patient’s devices can receive reminders'),
    calendarLink: z
      .boolean()
      .describe('Whether a calendar subscription link is live (POST /api/me/calendar-link)'),
  })
  .meta({ id: 'ReminderSettings' });

const pushSubscriptionBodySchema = z
  .strictObject({
    endpoint: z
      .url({ protocol: /^https$/u, message: 'must be an https URL' })
      .max(ENDPOINT_MAX_LENGTH),
    expirationTime: z.number().nullable().optional(),
    keys: z.strictObject({
      p256dh: z.string().min(1).max(KEY_MAX_LENGTH),
      auth: z.string().min(1).max(KEY_MAX_LENGTH),
    }),
  })
  .describe('A browser’s PushSubscription, as its toJSON() gives it')
  .meta({ id: 'PushSubscription' });

const pushEndpointBodySchema = z
  .strictObject({ endpoint: z.string().min(1).max(ENDPOINT_MAX_LENGTH) })
  .meta({ id: 'PushEndpoint' });

const publicKeySchema = z
  .object({
    publicKey: z
      .string()
      .describe('URL-safe base64, for PushManager.subscribe’s applicationServerKey'),
  })
  .meta({ id: 'PushPublicKey' });

// ---------------------------------------------------------------- helpers

/** The signed-in patient's own record: the only patient a patient's request can touch. */
export async function ownPatientRecord(db: Database, auth: Authenticated) {
  const [patient] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.userId, auth.user.id), eq(patients.clinicId, auth.user.clinicId)));
  if (patient === undefined) throw new ProblemError(notFound('patient'));
  return patient;
}

async function deviceCount(db: Database, patientId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.patientId, patientId));
  return row?.count ?? 0;
}

// ---------------------------------------------------------------- routes

export const reminderRoutes: RoutePlugin<ReminderFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.get(
    '/me/reminders',
    {
      schema: {
        summary: "The patient's reminder settings",
        tags: ['patient app'],
        response: {
          200: reminderSettingsSchema,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatientRecord(db, auth);
      const devices = await deviceCount(db, patient.id);
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'reminderSettings',
        patientId: patient.id,
      });
      void reply.header('cache-control', 'no-store');
      return {
        times: [...patient.reminderTimes],
        timeZone: patient.timeZone,
        devices,
        calendarLink: patient.calendarTokenHash !== null,
      };
    },
  );

  app.put(
    '/me/reminders',
    {
      schema: {
        summary: "Choose the patient's reminder times and time zone",
        description:
          'Replaces the times (0–3, HH:MM) and the time zone. At most one reminder a day is sent: once one of the times has come on the patient’s clock, and only while nothing is logged that day. Needs the x-csrf-token header.',
        tags: ['patient app'],
        body: reminderSettingsBodySchema,
        response: {
          200: reminderSettingsSchema,
          400: problemResponse('A time or the time zone is invalid (names the field)'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatientRecord(db, auth);
      const times = [...request.body.times].sort();
      const { timeZone } = request.body;
      const at = now();
      await db
        .update(patients)
        .set({ reminderTimes: times, timeZone, updatedAt: at })
        .where(eq(patients.id, patient.id));
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'update',
        resource: 'reminderSettings',
        patientId: patient.id,
        detail: { times: times.length, timeZone },
      });
      void reply.header('cache-control', 'no-store');
      return {
        times,
        timeZone,
        devices: await deviceCount(db, patient.id),
        calendarLink: patient.calendarTokenHash !== null,
      };
    },
  );

  app.get(
    '/push/public-key',
    {
      schema: {
        summary: "The server's Web Push (VAPID) public key",
        description: 'Made once and kept by the server; subscribe with it to receive reminders.',
        tags: ['patient app'],
        response: {
          200: publicKeySchema,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
        },
      },
    },
    async (request) => {
      requireRole(request, 'patient');
      const { publicKey } = await vapidKeys(db);
      return { publicKey };
    },
  );

  app.post(
    '/me/push-subscriptions',
    {
      schema: {
        summary: "Add (or refresh) one of the patient's devices for reminders",
        description:
          'The browser’s PushSubscription JSON. A subscription is one device: sent again, or after another patient signed in on the same device, it is updated and belongs to the caller. Needs the x-csrf-token header.',
        tags: ['patient app'],
        body: pushSubscriptionBodySchema,
        response: {
          204: z.null().describe('Saved'),
          400: problemResponse('The subscription is invalid (names the field)'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatientRecord(db, auth);
      const { endpoint, keys } = request.body;
      const at = now();
      const [row] = await db
        .insert(pushSubscriptions)
        .values({
          patientId: patient.id,
          endpoint,
          p256dh: keys.p256dh,
          auth: keys.auth,
          createdAt: at,
        })
        .onConflictDoUpdate({
          target: pushSubscriptions.endpoint,
          set: { patientId: patient.id, p256dh: keys.p256dh, auth: keys.auth },
        })
        .returning({ id: pushSubscriptions.id });
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'update',
        resource: 'pushSubscription',
        patientId: patient.id,
        ...(row === undefined ? {} : { resourceId: row.id }),
      });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/me/push-subscriptions',
    {
      schema: {
        summary: "Stop reminders on one of the patient's devices",
        description:
          'By endpoint; only the caller’s own. Answers 204 whether or not it was there, so a retry is harmless. Needs the x-csrf-token header.',
        tags: ['patient app'],
        body: pushEndpointBodySchema,
        response: {
          204: z.null().describe('The device gets no more reminders'),
          400: problemResponse('The endpoint is missing'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatientRecord(db, auth);
      const removed = await db
        .delete(pushSubscriptions)
        .where(
          and(
            eq(pushSubscriptions.patientId, patient.id),
            eq(pushSubscriptions.endpoint, request.body.endpoint),
          ),
        )
        .returning({ id: pushSubscriptions.id });
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'delete',
        resource: 'pushSubscription',
        patientId: patient.id,
        detail: { removed: removed.length },
      });
      return reply.code(204).send(null);
    },
  );

  return Promise.resolve();
};

/** Adds the reminder routes under `/api`; register after `registerSessionFeature`. */
export function registerReminderFeature(app: App, options: ReminderFeatureOptions): void {
  registerRoutes(app, reminderRoutes, { ...options, prefix: '/api' });
}
