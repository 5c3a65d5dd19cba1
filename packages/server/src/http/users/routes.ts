/**
 * Staff accounts, managed by the clinic's administrators (issue 4 §4), under `/api`:
 * - `GET   /api/users`                          the clinic's clinicians and administrators
 * - `POST  /api/users`                          add one, with an initial password
 * - `PATCH /api/users/:userId`                  rename, change role, disable or enable
 * - `POST  /api/users/:userId/password`         set a new password, clear any lock-out
 * - `PATCH /api/patients/:patientId/clinician`  make another clinician responsible for a patient
 *
 * Administrators only, and only for their own clinic: another clinic's user (or a patient's own
 * log-in) is "not found". Disabling a user or resetting their password ends their sessions at
 * once. A clinic never loses its last enabled administrator, and an administrator cannot
 * disable or demote themself. Every action is audited (resource `user`, or `patient` for a
 * reassignment); passwords are never audited, logged or returned, nor are their hashes.
 *
 * Register after `registerSessionFeature`: these routes rely on its `request.auth` and CSRF hook.
 */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, type PasswordProblem } from '../../auth/passwords.js';
import type { Database } from '../../database/client.js';
import {
  createStaffUser,
  listStaffUsers,
  reassignPatient,
  resetStaffPassword,
  staffRoles,
  updateStaffUser,
  type StaffUser,
} from '../../users/users.js';
import { auditPatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import {
  ProblemError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  problemResponse,
} from '../problem.js';
import {
  recordAudit,
  requestOrigin,
  type AuditAction,
  type RequestOrigin,
} from '../session/audit.js';
import { requireRole, type Authenticated } from '../session/plugin.js';

export interface UserFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

// ---------------------------------------------------------------- schemas

const DISPLAY_NAME_MAX_LENGTH = 200;
/** RFC 5321 bounds an address at 254 characters. */
const EMAIL_MAX_LENGTH = 254;

const displayNameSchema = z.string().trim().min(1).max(DISPLAY_NAME_MAX_LENGTH);

const roleSchema = z.enum(staffRoles);

const userIdParams = z.object({ userId: z.uuid() });
const patientIdParams = z.object({ patientId: z.uuid() });

const listQuerySchema = z.strictObject({ role: roleSchema.optional() });

const createBodySchema = z
  .strictObject({
    role: roleSchema,
    email: z.string().trim().max(EMAIL_MAX_LENGTH).pipe(z.email()),
    displayName: displayNameSchema,
    password: z
      .string()
      .min(1)
      .max(PASSWORD_MAX_LENGTH)
      .describe('The initial password; the user should change it. Never returned or logged.'),
  })
  .meta({ id: 'NewStaffUser' });

const updateBodySchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional().describe('`true` signs the user out everywhere'),
  })
  .refine(
    (body) =>
      body.displayName !== undefined || body.role !== undefined || body.disabled !== undefined,
    { message: 'give at least one of displayName, role or disabled' },
  )
  .meta({ id: 'StaffUserChange' });

const passwordBodySchema = z
  .strictObject({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
  .meta({ id: 'NewStaffPassword' });

const reassignBodySchema = z
  .strictObject({ clinicianId: z.uuid().describe('An enabled clinician of your clinic') })
  .meta({ id: 'PatientReassignment' });

const staffUserSchema = z
  .object({
    id: z.uuid(),
    role: roleSchema,
    email: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    disabledAt: z.iso.datetime().nullable(),
    locked: z.boolean().describe('Locked out after failed log-ins, for now'),
    lockedUntil: z.iso.datetime().nullable(),
    patientCount: z.int().describe('Patients this user is responsible for'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StaffUser' });

const staffListSchema = z.object({ users: z.array(staffUserSchema) }).meta({ id: 'StaffUserList' });

const updatedSchema = z
  .object({
    user: staffUserSchema,
    sessionsEnded: z.int().describe('Sessions ended by this change'),
    patientsToReassign: z
      .int()
      .describe('Patients still in the care of a user who can no longer care for them'),
  })
  .meta({ id: 'StaffUserChanged' });

const passwordSetSchema = z
  .object({ user: staffUserSchema, sessionsEnded: z.int() })
  .meta({ id: 'StaffPasswordSet' });

const reassignedSchema = z
  .object({
    patientId: z.uuid(),
    clinicianId: z.uuid(),
    previousClinicianId: z.uuid(),
  })
  .meta({ id: 'PatientReassigned' });

// ---------------------------------------------------------------- helpers

function iso(at: Date | null): string | null {
  return at === null ? null : at.toISOString();
}

function publicStaffUser(user: StaffUser, at: Date) {
  return {
    id: user.id,
    role: user.role,
    email: user.email,
    displayName: user.displayName,
    disabled: user.disabledAt !== null,
    disabledAt: iso(user.disabledAt),
    locked: user.lockedUntil !== null && user.lockedUntil > at,
    lockedUntil: user.lockedUntil !== null && user.lockedUntil > at ? iso(user.lockedUntil) : null,
    patientCount: user.patientCount,
    createdAt: user.createdAt.toISOString(),
  };
}

function weakPassword(problems: readonly PasswordProblem[]): ProblemError {
  return new ProblemError(
    badRequest(
      [{ path: 'body.password', message: problems.map((problem) => problem.message).join(' ') }],
      'Choose another password.',
    ),
  );
}

/** One audit entry for an administrator's action on a user account (never a secret). */
function auditUser(
  db: Database,
  auth: Authenticated,
  origin: RequestOrigin,
  at: Date,
  entry: {
    readonly action: AuditAction;
    readonly userId?: string;
    readonly detail?: Readonly<Record<string, unknown>>;
  },
): Promise<void> {
  return recordAudit(db, {
    userId: auth.user.id,
    clinicId: auth.user.clinicId,
    action: entry.action,
    resource: 'user',
    resourceId: entry.userId ?? null,
    ...origin,
    at,
    ...(entry.detail === undefined ? {} : { detail: entry.detail }),
  });
}

// ---------------------------------------------------------------- routes

export const userRoutes: RoutePlugin<UserFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.get(
    '/users',
    {
      schema: {
        summary: "The clinic's staff",
        description: 'Clinicians and administrators of your clinic, by name. Administrators only.',
        tags: ['users'],
        querystring: listQuerySchema,
        response: {
          200: staffListSchema,
          400: problemResponse('An unknown role'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not an administrator'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'admin');
      const { role } = request.query;
      const at = now();
      const found = await listStaffUsers(db, {
        clinicId: auth.user.clinicId,
        ...(role === undefined ? {} : { role }),
      });
      await auditUser(db, auth, requestOrigin(request), at, {
        action: 'read',
        detail: { via: 'list', ...(role === undefined ? {} : { role }), count: found.length },
      });
      void reply.header('cache-control', 'no-store');
      return { users: found.map((user) => publicStaffUser(user, at)) };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        summary: 'Add a clinician or administrator',
        description:
          'The email is stored lower-cased and must be new to the clinic; the initial password must meet the password policy.',
        tags: ['users'],
        body: createBodySchema,
        response: {
          201: staffUserSchema,
          400: problemResponse('The body is invalid, or the password is too weak'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not an administrator, or the CSRF header is missing'),
          409: problemResponse('The clinic already has a user with this email'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'admin');
      const at = now();
      const { role, email, displayName, password } = request.body;
      const result = await createStaffUser(db, {
        clinicId: auth.user.clinicId,
        role,
        email,
        displayName,
        password,
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'weakPassword':
            throw weakPassword(result.problems);
          case 'duplicateEmail':
            throw new ProblemError(
              conflict('Someone in your clinic already uses this email address.'),
            );
        }
      }
      await auditUser(db, auth, requestOrigin(request), at, {
        action: 'create',
        userId: result.user.id,
        detail: { role },
      });
      return reply.code(201).send(publicStaffUser(result.user, at));
    },
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        summary: 'Change a staff user',
        description:
          'Rename, switch between clinician and administrator, disable (which signs the user out everywhere) or enable again. You cannot disable or demote yourself, and the clinic keeps at least one enabled administrator. A clinician can be disabled while responsible for patients: `patientsToReassign` says how many need another clinician.',
        tags: ['users'],
        params: userIdParams,
        body: updateBodySchema,
        response: {
          200: updatedSchema,
          400: problemResponse('The body is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not an administrator, or the CSRF header is missing'),
          404: problemResponse('No such user in your clinic'),
          409: problemResponse('Yourself, or the clinic’s last enabled administrator'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'admin');
      const at = now();
      const { displayName, role, disabled } = request.body;
      const result = await updateStaffUser(db, {
        clinicId: auth.user.clinicId,
        actorId: auth.user.id,
        userId: request.params.userId,
        displayName,
        role,
        disabled,
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'notFound':
            throw new ProblemError(notFound('user'));
          case 'actorNotAdmin':
            throw new ProblemError(forbidden());
          case 'lastAdmin':
            throw new ProblemError(
              conflict(
                'This is the clinic’s last enabled administrator. Make someone else an administrator first.',
              ),
            );
          case 'selfDisable':
            throw new ProblemError(
              conflict('You cannot disable your own account; ask another administrator.'),
            );
          case 'selfDemote':
            throw new ProblemError(
              conflict('You cannot remove your own administrator role; ask another administrator.'),
            );
        }
      }
      await auditUser(db, auth, requestOrigin(request), at, {
        action: 'update',
        userId: result.user.id,
        detail: {
          changed: [...result.changed],
          ...(result.changed.includes('role') ? { role: result.user.role } : {}),
          ...(result.changed.includes('disabled')
            ? { disabled: result.user.disabledAt !== null }
            : {}),
          sessionsEnded: result.sessionsEnded,
          patientsToReassign: result.patientsToReassign,
        },
      });
      void reply.header('cache-control', 'no-store');
      return {
        user: publicStaffUser(result.user, at),
        sessionsEnded: result.sessionsEnded,
        patientsToReassign: result.patientsToReassign,
      };
    },
  );

  app.post(
    '/users/:userId/password',
    {
      schema: {
        summary: "Set a staff user's password",
        description:
          'For a user who forgot theirs or is locked out: sets the new password, clears the lock-out and signs them out everywhere. Not for your own account.',
        tags: ['users'],
        params: userIdParams,
        body: passwordBodySchema,
        response: {
          200: passwordSetSchema,
          400: problemResponse('The password is too weak'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not an administrator, or the CSRF header is missing'),
          404: problemResponse('No such user in your clinic'),
          409: problemResponse('Your own account'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'admin');
      const at = now();
      const result = await resetStaffPassword(db, {
        clinicId: auth.user.clinicId,
        actorId: auth.user.id,
        userId: request.params.userId,
        password: request.body.password,
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'notFound':
            throw new ProblemError(notFound('user'));
          case 'self':
            throw new ProblemError(
              conflict(
                'You cannot reset your own password here; ask another administrator to do it.',
              ),
            );
          case 'weakPassword':
            throw weakPassword(result.problems);
        }
      }
      await auditUser(db, auth, requestOrigin(request), at, {
        action: 'update',
        userId: result.user.id,
        // The word, never the secret: `recordAudit` refuses keys that name one.
        detail: { changed: ['credentials'], unlocked: true, sessionsEnded: result.sessionsEnded },
      });
      void reply.header('cache-control', 'no-store');
      return { user: publicStaffUser(result.user, at), sessionsEnded: result.sessionsEnded };
    },
  );

  app.patch(
    '/patients/:patientId/clinician',
    {
      schema: {
        summary: 'Reassign a patient',
        description:
          'Makes another enabled clinician of your clinic responsible for the patient. Administrators only.',
        tags: ['users', 'patients'],
        params: patientIdParams,
        body: reassignBodySchema,
        response: {
          200: reassignedSchema,
          400: problemResponse('The body is invalid, or not an enabled clinician of your clinic'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not an administrator, or the CSRF header is missing'),
          404: problemResponse('No such patient (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'admin');
      const at = now();
      const result = await reassignPatient(db, {
        clinicId: auth.user.clinicId,
        patientId: request.params.patientId,
        clinicianId: request.body.clinicianId,
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'patientNotFound':
            throw new ProblemError(notFound('patient'));
          case 'clinicianNotFound':
            throw new ProblemError(
              badRequest([
                { path: 'body.clinicianId', message: 'is not an enabled clinician of your clinic' },
              ]),
            );
        }
      }
      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'update',
        resource: 'patient',
        patientId: result.patient.id,
        detail: {
          changed: ['clinicianId'],
          clinicianId: result.patient.clinicianId,
          previousClinicianId: result.previousClinicianId,
        },
      });
      void reply.header('cache-control', 'no-store');
      return {
        patientId: result.patient.id,
        clinicianId: result.patient.clinicianId,
        previousClinicianId: result.previousClinicianId,
      };
    },
  );

  return Promise.resolve();
};

/**
 * Adds the user-management routes under `/api`. Call after `registerSessionFeature`, whose
 * authentication hook reaches only routes registered after it.
 */
export function registerUserFeature(app: App, options: UserFeatureOptions): void {
  registerRoutes(app, userRoutes, { ...options, prefix: '/api' });
}
