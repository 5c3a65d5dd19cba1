/**
 * The session resource (issue 4 §3–§4; decision 007), under `/api`:
 * - `POST /api/session`          sign in → the user, a CSRF token, and cookies. Staff (and
 *                                 patients who gave one) with `{ email, password }`; patients
 *                                 with `{ signInName, password }`, the password being their PIN
 *                                 if they chose one
 * - `GET /api/session`           who is signed in
 * - `DELETE /api/session`        sign out (a write: needs the CSRF header)
 * - `POST /api/session/password` change one's own password or PIN; other sessions end
 *
 * Wrong credentials answer one generic 401 whether or not the account exists; a locked account
 * answers 429 with when to retry. Signing in is rate-limited per client address on top of the
 * per-account lock-out, so guessing across many accounts is slow too. Every sign-in, failed
 * sign-in, sign-out and change of secret is audited; secrets are never logged, stored in the
 * audit log or returned.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { changeSecret } from '../../auth/credentials.js';
import { DEFAULT_LOCKOUT_POLICY, authenticate } from '../../auth/lockout.js';
import { PASSWORD_MAX_LENGTH } from '../../auth/passwords.js';
import { createSession, deleteSession, type SessionUser } from '../../auth/sessions.js';
import { isSignInName, signInNameOf } from '../../auth/sign-in-names.js';
import type { Database } from '../../database/client.js';
import { clinics } from '../../database/schema.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import {
  ProblemError,
  badRequest,
  forbidden,
  problemResponse,
  tooManyRequests,
  unauthorized,
  zodFieldErrors,
  type FieldError,
  type Problem,
} from '../problem.js';
import { recordAudit, requestOrigin } from './audit.js';
import {
  authentication,
  clearSessionCookies,
  requireUser,
  sessionToken,
  setSessionCookies,
} from './plugin.js';

/** Per client address: enough for a person who mistypes, far too few for guessing. */
export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { max: 10, timeWindow: '1 minute' };

export interface LoginRateLimit {
  readonly max: number;
  /** Milliseconds, or a duration such as `'1 minute'`. */
  readonly timeWindow: number | string;
}

export interface SessionFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
  readonly loginRateLimit?: LoginRateLimit;
}

const LOGIN_FAILED_DETAIL = 'The email or sign-in name, or the password or PIN, is not right.';

/** `XXXX-XXXX`, with room for the spaces a patient types, never for a novel. */
const SIGN_IN_NAME_MAX_LENGTH = 32;

const secretSchema = z.string().min(1).max(PASSWORD_MAX_LENGTH);

// RFC 5321 bounds an address at 254 characters; anything longer cannot be a user's email.
const emailLogInSchema = z
  .strictObject({
    email: z.string().trim().min(1).max(254),
    password: secretSchema.describe('The password, or a patient’s PIN'),
    clinicId: z
      .uuid()
      .optional()
      .describe('Needed only on a server with several clinics that share an email address'),
  })
  .meta({ id: 'EmailLogIn', description: 'Staff, and patients who gave an email' });

const signInNameLogInSchema = z
  .strictObject({
    signInName: z
      .string()
      .trim()
      .min(1)
      .max(SIGN_IN_NAME_MAX_LENGTH)
      .refine(isSignInName, { message: 'is 8 letters and digits, like K7QM-X4TB' })
      .describe('The sign-in name the patient was given when they accepted their invitation'),
    password: secretSchema.describe('The patient’s PIN or password'),
  })
  .meta({ id: 'SignInNameLogIn', description: 'Patients, with their sign-in name' });

const logInBodySchema = z
  .union([emailLogInSchema, signInNameLogInSchema])
  .meta({ id: 'LogIn', description: 'By email, or (patients) by sign-in name' });

const changeSecretBodySchema = z
  .strictObject({
    current: secretSchema.describe('The password or PIN now in use'),
    next: secretSchema.describe('The new password or PIN'),
    kind: z
      .enum(['password', 'pin'])
      .default('password')
      .describe('What `next` is; a PIN (6 digits) is for patients only'),
  })
  .meta({ id: 'ChangePassword' });

/** The signed-in user as the API shows it (shared by every route that starts a session). */
export const sessionUserSchema = z
  .object({
    id: z.uuid(),
    clinicId: z.uuid(),
    role: z.enum(['admin', 'clinician', 'patient']),
    displayName: z.string(),
  })
  .meta({ id: 'SessionUser' });

const signInNameSchema = z
  .string()
  .describe('Patients: the name to sign in with (with the PIN or password) on any device');

const loggedInSchema = z
  .object({
    user: sessionUserSchema,
    csrfToken: z
      .string()
      .describe(
        'Send in the x-csrf-token header with every write (also in the spinewise_csrf cookie)',
      ),
    signInName: signInNameSchema.optional(),
  })
  .meta({ id: 'LoggedIn' });

const currentSessionSchema = z
  .object({
    user: sessionUserSchema,
    signInName: signInNameSchema.optional(),
    clinicName: z.string().describe("The name of the signed-in user's clinic"),
  })
  .meta({ id: 'CurrentSession' });

/**
 * The field errors of a log-in body that matched neither shape. zod reports that as one issue at
 * the body itself, which names no field; the shape the client came closest to (the fewest
 * issues, email first on a tie) names the fields to fix.
 */
function logInFieldErrors(error: z.ZodError): FieldError[] {
  const [only] = error.issues;
  if (error.issues.length === 1 && only?.code === 'invalid_union' && only.path.length === 0) {
    const closest = only.errors.reduce<readonly z.core.$ZodIssue[] | undefined>(
      (best, option) => (best === undefined || option.length < best.length ? option : best),
      undefined,
    );
    if (closest !== undefined && closest.length > 0) {
      return zodFieldErrors({ issues: closest }, 'body');
    }
  }
  return zodFieldErrors(error, 'body');
}

function lockedProblem(lockedUntil: Date | null, now: Date): Problem {
  // No end known only if the lock ended a moment ago: then the shortest lock is a safe wait.
  const seconds =
    lockedUntil === null
      ? DEFAULT_LOCKOUT_POLICY.lockMinutes * 60
      : (lockedUntil.getTime() - now.getTime()) / 1000;
  return {
    ...tooManyRequests(seconds),
    detail: `Too many tries with a wrong password or PIN, so this account is locked for now. Try again in ${describeWait(seconds)}, or ask your clinic for help.`,
  };
}

/** A wait as a person reads it: seconds, minutes, hours or days, rounded up. */
function describeWait(seconds: number): string {
  const units: readonly [string, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds > size) {
      const count = Math.ceil(seconds / size);
      return `${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  const count = Math.max(1, Math.ceil(seconds));
  return `${count} second${count === 1 ? '' : 's'}`;
}

/** `{ user }` as the API shows it: the session user's fields and nothing else. */
function publicUser(user: SessionUser) {
  return { id: user.id, clinicId: user.clinicId, role: user.role, displayName: user.displayName };
}

/** A patient's sign-in name, for the app to show them again; staff sign in by email. */
function signInNameFor(user: SessionUser): { signInName?: string } {
  return user.role === 'patient' ? { signInName: signInNameOf(user.id) } : {};
}

export const sessionRoutes: RoutePlugin<SessionFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const rateLimit = options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT;

  app.post(
    '/session',
    {
      // attachValidation: a body matching neither log-in shape gets field errors from
      // `logInFieldErrors` rather than one error about the whole body.
      attachValidation: true,
      config: { csrf: false, rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindow } },
      schema: {
        summary: 'Sign in with email or sign-in name, and password or PIN',
        description:
          'Staff sign in with `{ email, password }`; patients with their email or with the sign-in name they were given, and their PIN or password in `password`. Sets the httpOnly session cookie `spinewise_session` and the `spinewise_csrf` cookie. Wrong details and unknown accounts get the same 401.',
        tags: ['session'],
        body: logInBodySchema,
        response: {
          200: loggedInSchema,
          400: problemResponse('The body is not a log-in'),
          401: problemResponse('The email or sign-in name, or the password or PIN, is not right'),
          403: problemResponse('The account is disabled'),
          429: problemResponse('Too many log-ins from this address, or the account is locked'),
        },
      },
    },
    async (request, reply) => {
      const invalid = request.validationError;
      if (invalid !== undefined) {
        if (!(invalid instanceof z.ZodError)) throw invalid;
        throw new ProblemError(badRequest(logInFieldErrors(invalid)));
      }
      const body = request.body;
      const at = now();
      const origin = requestOrigin(request);
      const result = await authenticate(db, {
        ...('email' in body
          ? {
              email: body.email,
              ...(body.clinicId === undefined ? {} : { clinicId: body.clinicId }),
            }
          : { signInName: body.signInName }),
        password: body.password,
        now: at,
      });
      if (!result.ok) {
        await recordAudit(db, {
          userId: result.account?.id ?? null,
          clinicId: result.account?.clinicId ?? null,
          action: 'loginFailed',
          resource: 'session',
          ...origin,
          detail: { reason: result.reason, by: 'email' in body ? 'email' : 'signInName' },
          at,
        });
        if (result.reason === 'locked') {
          throw new ProblemError(lockedProblem(result.lockedUntil, at));
        }
        // A disabled account is told so only after the right password (see `authenticate`).
        if (result.reason === 'disabled') {
          throw new ProblemError(
            forbidden('This account is disabled; ask your clinic’s administrator.'),
          );
        }
        throw new ProblemError(unauthorized(LOGIN_FAILED_DETAIL));
      }

      const session = await createSession(db, { userId: result.user.id, ...origin, now: at });
      await recordAudit(db, {
        userId: result.user.id,
        clinicId: result.user.clinicId,
        action: 'login',
        resource: 'session',
        ...origin,
        detail: { by: 'email' in body ? 'email' : 'signInName' },
        at,
      });
      setSessionCookies(request, reply, session);
      // The body holds the CSRF token: no cache may keep it.
      void reply.header('cache-control', 'no-store');
      return {
        user: publicUser(result.user),
        csrfToken: session.csrfToken,
        ...signInNameFor(result.user),
      };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        summary: 'Who is signed in',
        tags: ['session'],
        response: {
          200: currentSessionSchema,
          401: problemResponse('Not signed in'),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireUser(request);
      const [clinic] = await db
        .select({ name: clinics.name })
        .from(clinics)
        .where(eq(clinics.id, user.clinicId));
      void reply.header('cache-control', 'no-store');
      return { user: publicUser(user), ...signInNameFor(user), clinicName: clinic?.name ?? '' };
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        summary: 'Log out',
        description: 'Ends the session and clears its cookies. Needs the x-csrf-token header.',
        tags: ['session'],
        response: {
          204: z.null().describe('Logged out'),
          401: problemResponse('Not signed in'),
          403: problemResponse('The CSRF header is missing or wrong'),
        },
      },
    },
    async (request, reply) => {
      const { user } = requireUser(request);
      // requireUser passed, so the cookie is there; the token is only ever hashed.
      const token = sessionToken(request) ?? '';
      await deleteSession(db, token);
      await recordAudit(db, {
        userId: user.id,
        clinicId: user.clinicId,
        action: 'logout',
        resource: 'session',
        ...requestOrigin(request),
        at: now(),
      });
      clearSessionCookies(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/session/password',
    {
      // Checking the current secret is a guess like a log-in: the same limit per address.
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindow } },
      schema: {
        summary: 'Change your own password or PIN',
        description:
          'Checks the current password or PIN (wrong ones count towards the account’s lock-out), sets the new one, and ends every other session of the user; this one stays signed in. A PIN is 6 digits and for patients only. Needs the x-csrf-token header.',
        tags: ['session'],
        body: changeSecretBodySchema,
        response: {
          204: z.null().describe('Changed; other sessions ended'),
          400: problemResponse(
            'The body is invalid, the current password or PIN is not right, or the new one is too weak',
          ),
          401: problemResponse('Not signed in'),
          403: problemResponse('The CSRF header is missing or wrong'),
          429: problemResponse('Too many tries from this address, or the account is locked'),
        },
      },
    },
    async (request, reply) => {
      const { user, session } = requireUser(request);
      const { current, next, kind } = request.body;
      const at = now();
      const origin = requestOrigin(request);
      const result = await changeSecret(db, {
        user,
        current,
        next,
        kind,
        keepSessionId: session.id,
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'pinNotAllowed':
            throw new ProblemError(
              badRequest([{ path: 'body.kind', message: 'a PIN is for patients; use a password' }]),
            );
          case 'weak':
            throw new ProblemError(
              badRequest(
                [{ path: 'body.next', message: result.problems.map((p) => p.message).join(' ') }],
                kind === 'pin' ? 'Choose another PIN.' : 'Choose another password.',
              ),
            );
          case 'unchanged':
            throw new ProblemError(
              badRequest([{ path: 'body.next', message: 'is the same as the current one' }]),
            );
          case 'invalid':
          case 'locked':
            await recordAudit(db, {
              userId: user.id,
              clinicId: user.clinicId,
              action: 'loginFailed',
              resource: 'password',
              ...origin,
              detail: { reason: result.reason },
              at,
            });
            if (result.reason === 'locked') {
              throw new ProblemError(lockedProblem(result.lockedUntil, at));
            }
            throw new ProblemError(
              badRequest(
                [{ path: 'body.current', message: 'is not your current password or PIN' }],
                'The current password or PIN is not right.',
              ),
            );
        }
      }
      await recordAudit(db, {
        userId: user.id,
        clinicId: user.clinicId,
        action: 'update',
        resource: 'password',
        ...origin,
        detail: { kind, otherSessionsEnded: result.sessionsEnded },
        at,
      });
      return reply.code(204).send(null);
    },
  );

  return Promise.resolve();
};

/**
 * Adds authentication (cookie parsing, `request.auth`, the CSRF check) and the session routes.
 * Call it before registering any other feature: the hook reaches only routes registered after.
 */
export function registerSessionFeature(app: App, options: SessionFeatureOptions): void {
  void app.register(authentication, {
    db: options.db,
    ...(options.now ? { now: options.now } : {}),
  });
  registerRoutes(app, sessionRoutes, { ...options, prefix: '/api' });
}
