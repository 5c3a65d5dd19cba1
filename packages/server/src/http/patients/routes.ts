/**
 * Patients, their episodes of care and their invitations (issue 4), under `/api`:
 * - `GET  /api/patients`                          the caller's caseload (`?all=true`: the clinic's)
 * - `POST /api/patients`                          add a patient
 * - `GET  /api/patients/:patientId`               a patient with their episodes
 * - `POST /api/patients/:patientId/episodes`      start an episode of care
 * - `POST /api/patients/:patientId/invitations`   a one-time code for the patient's own log-in
 * - `POST /api/invitations/redeem`                the patient sets a PIN or password (and, if
 *                                                  they like, an email), accepts the consent
 *                                                  and privacy note, and is signed in
 *
 * Everything is clinic-scoped: a patient of another clinic is answered 404, exactly like an id
 * that does not exist, so a guessed id confirms nothing. Every read and write of patient data
 * is audited with who, which patient and from where; invitation codes and secrets never are.
 *
 * Register after `registerSessionFeature`: these routes rely on its `request.auth` and CSRF hook.
 */
import { patientConditions, type Condition } from '@spinewise/clinical';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { createInvitation, redeemInvitation } from '../../auth/invitations.js';
import { PASSWORD_MAX_LENGTH } from '../../auth/passwords.js';
import { createSession } from '../../auth/sessions.js';
import { signInNameOf } from '../../auth/sign-in-names.js';
import type { Database } from '../../database/client.js';
import { episodes, patients, users, type Patient } from '../../database/schema.js';
import { auditPatient, findVisiblePatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { consentSchema } from './consent.js';
import { ProblemError, badRequest, conflict, forbidden, problemResponse } from '../problem.js';
import { recordAudit, recordAuditMany, requestOrigin } from '../session/audit.js';
import { requireRole, setSessionCookies } from '../session/plugin.js';
import {
  sessionUserSchema,
  DEFAULT_LOGIN_RATE_LIMIT,
  type LoginRateLimit,
} from '../session/routes.js';

export interface PatientFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Per client address on redeeming invitations; log-in's limit unless given. */
  readonly redeemRateLimit?: LoginRateLimit;
}

// ---------------------------------------------------------------- schemas

const DISPLAY_NAME_MAX_LENGTH = 200;
/** Invitation codes are `XXXX-XXXX`; room for spaces a patient types, never for a novel. */
const INVITATION_CODE_MAX_LENGTH = 32;

// The clinical core lists its conditions as a plain array; zod wants a non-empty tuple.
const conditionValues = patientConditions as readonly [Condition, ...Condition[]];

const patientIdParams = z.object({ patientId: z.uuid() });

const listQuerySchema = z.object({
  all: z
    .enum(['true', 'false'])
    .optional()
    .describe('`true`: every patient of the clinic, not only those you are responsible for'),
});

const createPatientBodySchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX_LENGTH),
    dateOfBirth: z.iso.date().optional(),
    clinicianId: z
      .uuid()
      .optional()
      .describe('The responsible clinician; administrators only (a clinician is responsible)'),
  })
  .meta({ id: 'NewPatient' });

const createEpisodeBodySchema = z
  .strictObject({
    region: z.enum(['lumbar', 'cervical']),
    condition: z.enum(conditionValues),
    startedOn: z.iso.date(),
  })
  .meta({ id: 'NewEpisode' });

const redeemBodySchema = z
  .strictObject({
    code: z.string().trim().min(1).max(INVITATION_CODE_MAX_LENGTH),
    secret: z.string().min(1).max(PASSWORD_MAX_LENGTH).describe('The new PIN or password'),
    kind: z.enum(['pin', 'password']),
    // RFC 5321 bounds an address at 254 characters; checked first, so the pattern never runs
    // over a huge string.
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { abort: true })
      .regex(z.regexes.email, { message: 'is not an email address' })
      .optional()
      .describe(
        'To sign in with this email too, on any device. Left out on a reset, an email given before stays.',
      ),
    consent: consentSchema,
  })
  .meta({ id: 'RedeemInvitation' });

const episodeSchema = z
  .object({
    id: z.uuid(),
    region: z.enum(['lumbar', 'cervical']),
    condition: z.string(),
    startedOn: z.string(),
    status: z.enum(['active', 'discharged']),
    dischargedOn: z.string().nullable(),
  })
  .meta({ id: 'Episode' });

const activeEpisodeSchema = z
  .object({
    id: z.uuid(),
    region: z.enum(['lumbar', 'cervical']),
    condition: z.string(),
    startedOn: z.string(),
  })
  .meta({ id: 'ActiveEpisode' });

const patientSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    dateOfBirth: z.string().nullable(),
    clinicianId: z.uuid(),
    hasLogin: z.boolean().describe('Whether the patient has redeemed an invitation'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Patient' });

const patientListItemSchema = patientSchema
  .extend({ activeEpisode: activeEpisodeSchema.nullable() })
  .meta({ id: 'PatientListItem' });

const patientListSchema = z.object({ patients: z.array(patientListItemSchema) }).meta({
  id: 'PatientList',
});

const patientWithEpisodesSchema = patientSchema
  .extend({ episodes: z.array(episodeSchema) })
  .meta({ id: 'PatientWithEpisodes' });

const createdInvitationSchema = z
  .object({
    code: z.string().describe('Shown once: only its hash is stored'),
    expiresAt: z.iso.datetime(),
    link: z.string().describe('Where the patient redeems it, relative to the app'),
  })
  .meta({ id: 'CreatedInvitation' });

const redeemedSchema = z
  .object({
    user: sessionUserSchema,
    csrfToken: z.string().describe('Send in the x-csrf-token header with every write'),
    signInName: z
      .string()
      .describe(
        'Show it to the patient to keep: with their PIN or password it signs them in on any device (POST /api/session { signInName, password })',
      ),
    email: z
      .string()
      .nullable()
      .describe('The email the patient can also sign in with, if they gave one'),
  })
  .meta({ id: 'RedeemedInvitation' });

// ---------------------------------------------------------------- helpers

type EpisodeRow = typeof episodes.$inferSelect;

function publicPatient(patient: Patient) {
  return {
    id: patient.id,
    displayName: patient.displayName,
    dateOfBirth: patient.dateOfBirth,
    clinicianId: patient.clinicianId,
    hasLogin: patient.userId !== null,
    createdAt: patient.createdAt.toISOString(),
  };
}

function publicEpisode(episode: EpisodeRow) {
  return {
    id: episode.id,
    region: episode.region,
    condition: episode.condition,
    startedOn: episode.startedOn,
    status: episode.status,
    dischargedOn: episode.dischargedOn,
  };
}

/** A calendar day after `now`'s (UTC) day: a date of birth or episode start cannot be there. */
function isAfterToday(day: string, now: Date): boolean {
  return day > now.toISOString().slice(0, 10);
}

/** The clinician an admin names as responsible: an enabled clinician of the admin's clinic. */
async function assertClinicianOfClinic(
  db: Database,
  clinicianId: string,
  clinicId: string,
): Promise<void> {
  const [clinician] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, clinicianId),
        eq(users.clinicId, clinicId),
        eq(users.role, 'clinician'),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (clinician === undefined) {
    throw new ProblemError(
      badRequest([{ path: 'body.clinicianId', message: 'is not a clinician of your clinic' }]),
    );
  }
}

const INVITATION_INVALID_DETAIL =
  'This invitation code cannot be used. Ask your clinician for a new one.';
const EMAIL_TAKEN_DETAIL =
  'This email is already used to sign in here. Use another one, or leave it out and sign in with your sign-in name.';

// ---------------------------------------------------------------- routes

export const patientRoutes: RoutePlugin<PatientFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const redeemLimit = options.redeemRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT;

  app.get(
    '/patients',
    {
      schema: {
        summary: 'List patients with their active episode',
        description:
          'A clinician sees the patients they are responsible for; `?all=true` shows the whole clinic. An administrator always sees the whole clinic.',
        tags: ['patients'],
        querystring: listQuerySchema,
        response: {
          200: patientListSchema,
          400: problemResponse('The query is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireRole(request, 'clinician', 'admin');
      const wholeClinic = user.role === 'admin' || request.query.all === 'true';
      const rows = await db
        .select()
        .from(patients)
        .where(
          wholeClinic
            ? eq(patients.clinicId, user.clinicId)
            : and(eq(patients.clinicId, user.clinicId), eq(patients.clinicianId, user.id)),
        )
        .orderBy(patients.displayName, patients.id);

      const ids = rows.map((row) => row.id);
      const active =
        ids.length === 0
          ? []
          : await db
              .select()
              .from(episodes)
              .where(and(inArray(episodes.patientId, ids), eq(episodes.status, 'active')))
              // Newest first, so the first seen per patient is the one shown if there are two.
              .orderBy(desc(episodes.startedOn), desc(episodes.createdAt));
      const activeByPatient = new Map<string, EpisodeRow>();
      for (const episode of active) {
        if (!activeByPatient.has(episode.patientId))
          activeByPatient.set(episode.patientId, episode);
      }

      // One audit row per patient shown, so each patient's record of access is complete;
      // written in one insert, not one round trip per patient.
      const origin = requestOrigin(request);
      const at = now();
      await recordAuditMany(
        db,
        rows.map((row) => ({
          userId: user.id,
          clinicId: user.clinicId,
          patientId: row.id,
          action: 'read' as const,
          resource: 'patient',
          resourceId: row.id,
          ...origin,
          at,
          detail: { via: 'list' },
        })),
      );

      void reply.header('cache-control', 'no-store');
      return {
        patients: rows.map((row) => {
          const episode = activeByPatient.get(row.id);
          return {
            ...publicPatient(row),
            activeEpisode:
              episode === undefined
                ? null
                : {
                    id: episode.id,
                    region: episode.region,
                    condition: episode.condition,
                    startedOn: episode.startedOn,
                  },
          };
        }),
      };
    },
  );

  app.post(
    '/patients',
    {
      schema: {
        summary: 'Add a patient',
        description:
          'The caller becomes the responsible clinician; an administrator names one with `clinicianId`.',
        tags: ['patients'],
        body: createPatientBodySchema,
        response: {
          201: patientSchema,
          400: problemResponse('The body is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator, or the CSRF header is missing'),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireRole(request, 'clinician', 'admin');
      const { displayName, dateOfBirth, clinicianId } = request.body;
      const at = now();
      if (dateOfBirth !== undefined && isAfterToday(dateOfBirth, at)) {
        throw new ProblemError(
          badRequest([{ path: 'body.dateOfBirth', message: 'is in the future' }]),
        );
      }
      let responsible = user.id;
      if (user.role === 'admin') {
        if (clinicianId === undefined) {
          throw new ProblemError(
            badRequest([
              {
                path: 'body.clinicianId',
                message: 'is required when an administrator adds a patient',
              },
            ]),
          );
        }
        await assertClinicianOfClinic(db, clinicianId, user.clinicId);
        responsible = clinicianId;
      } else if (clinicianId !== undefined && clinicianId !== user.id) {
        // Handing a patient to a colleague is an administrator's decision.
        throw new ProblemError(
          badRequest([
            {
              path: 'body.clinicianId',
              message: 'only an administrator may name another clinician',
            },
          ]),
        );
      }

      const [patient] = await db
        .insert(patients)
        .values({
          clinicId: user.clinicId,
          clinicianId: responsible,
          displayName,
          dateOfBirth: dateOfBirth ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (patient === undefined) throw new Error('inserting a patient returned no row');
      await auditPatient(db, user, requestOrigin(request), at, {
        action: 'create',
        resource: 'patient',
        patientId: patient.id,
      });
      return reply.code(201).send(publicPatient(patient));
    },
  );

  app.get(
    '/patients/:patientId',
    {
      schema: {
        summary: 'A patient with their episodes',
        description:
          'For the clinic’s clinicians and administrators, and for the patient themself.',
        tags: ['patients'],
        params: patientIdParams,
        response: {
          200: patientWithEpisodesSchema,
          400: problemResponse('The id is not a UUID'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such patient (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin', 'patient');
      const patient = await findVisiblePatient(db, auth, request.params.patientId);
      const rows = await db
        .select()
        .from(episodes)
        .where(eq(episodes.patientId, patient.id))
        .orderBy(desc(episodes.startedOn), desc(episodes.createdAt));
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'patient',
        patientId: patient.id,
      });
      void reply.header('cache-control', 'no-store');
      return { ...publicPatient(patient), episodes: rows.map(publicEpisode) };
    },
  );

  app.post(
    '/patients/:patientId/episodes',
    {
      schema: {
        summary: 'Start an episode of care',
        tags: ['patients'],
        params: patientIdParams,
        body: createEpisodeBodySchema,
        response: {
          201: episodeSchema,
          400: problemResponse('The body is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician, or the CSRF header is missing'),
          404: problemResponse('No such patient (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician');
      const patient = await findVisiblePatient(db, auth, request.params.patientId);
      const { region, condition, startedOn } = request.body;
      const at = now();
      if (isAfterToday(startedOn, at)) {
        throw new ProblemError(
          badRequest([{ path: 'body.startedOn', message: 'is in the future' }]),
        );
      }
      const [episode] = await db
        .insert(episodes)
        .values({
          patientId: patient.id,
          region,
          condition,
          startedOn,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (episode === undefined) throw new Error('inserting an episode returned no row');
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'create',
        resource: 'episode',
        patientId: patient.id,
        resourceId: episode.id,
      });
      return reply.code(201).send(publicEpisode(episode));
    },
  );

  app.post(
    '/patients/:patientId/invitations',
    {
      schema: {
        summary: 'Invite a patient to sign in',
        description:
          'A one-time code, shown once, that the patient redeems to set a PIN or password. Any earlier open invitation of the patient stops working.',
        tags: ['patients'],
        params: patientIdParams,
        response: {
          201: createdInvitationSchema,
          400: problemResponse('The id is not a UUID'),
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
      const invitation = await createInvitation(db, {
        patientId: patient.id,
        createdBy: auth.user.id,
        now: at,
      });
      // The code is never audited: the audit log is append-only and would keep it for good.
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'create',
        resource: 'invitation',
        patientId: patient.id,
        detail: { expiresAt: invitation.expiresAt.toISOString() },
      });
      // The body holds a live code: no cache may keep it.
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send({
        code: invitation.code,
        expiresAt: invitation.expiresAt.toISOString(),
        link: `/join?code=${encodeURIComponent(invitation.code)}`,
      });
    },
  );

  app.post(
    '/invitations/redeem',
    {
      // No session yet, so no CSRF token to send; rate limited per address like log-in, as a
      // code is a credential that can be guessed.
      config: {
        csrf: false,
        rateLimit: { max: redeemLimit.max, timeWindow: redeemLimit.timeWindow },
      },
      schema: {
        summary: 'Redeem an invitation: set a PIN or password and sign in',
        description:
          'Sets the session cookies as log-in does, and answers the sign-in name the patient signs in with later (or their email, if they give one). For a patient who already has a log-in this is a reset: the same account gets the new PIN or password and every earlier session ends. An unknown, used or expired code gets one generic 400; a refused email or a weak PIN leaves the code usable.',
        tags: ['patients'],
        body: redeemBodySchema,
        response: {
          200: redeemedSchema,
          400: problemResponse(
            'The code cannot be used, the PIN or password is too weak, or the consent and privacy note was not accepted (names body.consent.accepted)',
          ),
          403: problemResponse('The patient’s log-in has been turned off by the clinic'),
          409: problemResponse('The email is already used to sign in (names body.email)'),
          429: problemResponse('Too many attempts from this address'),
        },
      },
    },
    async (request, reply) => {
      const { code, secret, kind, email, consent } = request.body;
      const at = now();
      const result = await redeemInvitation(db, {
        code,
        secret,
        kind,
        now: at,
        ...(email === undefined ? {} : { email }),
      });
      if (!result.ok) {
        if (result.reason === 'emailTaken') {
          throw new ProblemError({
            ...conflict(EMAIL_TAKEN_DETAIL),
            errors: [{ path: 'body.email', message: 'is already used to sign in' }],
          });
        }
        if (result.reason === 'disabled') {
          throw new ProblemError(
            forbidden('Your log-in has been turned off; please contact your clinic.'),
          );
        }
        if (result.reason === 'weak') {
          throw new ProblemError(
            badRequest(
              [{ path: 'body.secret', message: result.problems.map((p) => p.message).join(' ') }],
              kind === 'pin' ? 'Choose another PIN.' : 'Choose another password.',
            ),
          );
        }
        // Unknown, used and expired look alike, so the answer tells a guesser nothing.
        throw new ProblemError(
          badRequest([{ path: 'body.code', message: 'cannot be used' }], INVITATION_INVALID_DETAIL),
        );
      }

      const [row] = await db
        .select({
          id: users.id,
          clinicId: users.clinicId,
          role: users.role,
          displayName: users.displayName,
          patientId: patients.id,
        })
        .from(users)
        .innerJoin(patients, eq(patients.userId, users.id))
        .where(eq(users.id, result.userId))
        .limit(1);
      if (row === undefined) throw new Error('a redeemed invitation left no patient user');
      const { patientId, ...user } = row;
      // The note they accepted, and when; a reset records the latest acceptance.
      await db
        .update(patients)
        .set({ consentAcceptedAt: at, consentVersion: consent.version })
        .where(eq(patients.id, patientId));

      const origin = requestOrigin(request);
      const session = await createSession(db, { userId: user.id, ...origin, now: at });
      await auditPatient(db, user, origin, at, {
        action: 'update',
        resource: 'invitation',
        patientId,
        detail: {
          redeemed: true,
          kind,
          emailGiven: email !== undefined,
          consentVersion: consent.version,
        },
      });
      await recordAudit(db, {
        userId: user.id,
        clinicId: user.clinicId,
        action: 'login',
        resource: 'session',
        ...origin,
        detail: { via: 'invitation' },
        at,
      });
      setSessionCookies(request, reply, session);
      void reply.header('cache-control', 'no-store');
      return {
        user,
        csrfToken: session.csrfToken,
        signInName: signInNameOf(user.id),
        email: result.email,
      };
    },
  );

  return Promise.resolve();
};

/**
 * Adds the patient routes under `/api`. Call after `registerSessionFeature`, whose
 * authentication hook reaches only routes registered after it.
 */
export function registerPatientFeature(app: App, options: PatientFeatureOptions): void {
  registerRoutes(app, patientRoutes, { ...options, prefix: '/api' });
}
