/**
 * The session resource (issue 4 §3–§4), under `/api`:
 * - `POST /api/session`   log in with email and password → the user, a CSRF token, and cookies
 * - `GET /api/session`    who is signed in
 * - `DELETE /api/session` log out (a write: needs the CSRF header)
 *
 * Wrong credentials answer one generic 401 whether or not the email exists; a locked account
 * answers 429 with when to retry. Log-in is rate-limited per client address on top of the
 * per-account lock-out, so guessing across many accounts is slow too. Every log-in, failed
 * log-in and log-out is audited; passwords are never logged, stored in the audit log or returned.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { authenticate, DEFAULT_LOCKOUT_POLICY, normaliseEmail } from '../../auth/lockout.js';
import { PASSWORD_MAX_LENGTH } from '../../auth/passwords.js';
import { createSession, deleteSession } from '../../auth/sessions.js';
import type { Database } from '../../database/client.js';
import { users } from '../../database/schema.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import {
  ProblemError,
  forbidden,
  problemResponse,
  tooManyRequests,
  unauthorized,
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

const LOGIN_FAILED_DETAIL = 'The email or password is not right.';

// RFC 5321 bounds an address at 254 characters; anything longer cannot be a user's email.
const loginBodySchema = z
  .strictObject({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    clinicId: z
      .uuid()
      .optional()
      .describe('Needed only on a server with several clinics that share an email address'),
  })
  .meta({ id: 'LogIn' });

/** The signed-in user as the API shows it (shared by every route that starts a session). */
export const sessionUserSchema = z
  .object({
    id: z.uuid(),
    clinicId: z.uuid(),
    role: z.enum(['admin', 'clinician', 'patient']),
    displayName: z.string(),
  })
  .meta({ id: 'SessionUser' });

const loggedInSchema = z
  .object({
    user: sessionUserSchema,
    csrfToken: z
      .string()
      .describe(
        'Send in the x-csrf-token header with every write (also in the spinewise_csrf cookie)',
      ),
  })
  .meta({ id: 'LoggedIn' });

const currentSessionSchema = z.object({ user: sessionUserSchema }).meta({ id: 'CurrentSession' });

/** The user's id, clinic and lock for a failed log-in's audit entry and Retry-After. */
async function findLoginUser(db: Database, email: string, clinicId: string | undefined) {
  const normalised = normaliseEmail(email);
  const rows = await db
    .select({ id: users.id, clinicId: users.clinicId, lockedUntil: users.lockedUntil })
    .from(users)
    .where(
      clinicId === undefined
        ? eq(users.email, normalised)
        : and(eq(users.email, normalised), eq(users.clinicId, clinicId)),
    )
    .limit(2);
  // As in `authenticate`: an ambiguous email names nobody.
  return rows.length === 1 ? (rows[0] ?? null) : null;
}

function lockedProblem(lockedUntil: Date | null, now: Date): Problem {
  const seconds =
    lockedUntil === null
      ? DEFAULT_LOCKOUT_POLICY.lockMinutes * 60
      : (lockedUntil.getTime() - now.getTime()) / 1000;
  return {
    ...tooManyRequests(seconds),
    detail: `Too many failed log-ins; this account is locked for now. Try again in ${Math.max(1, Math.ceil(seconds))} seconds.`,
  };
}

/** `{ user }` as the API shows it: the session user's fields and nothing else. */
function publicUser(user: z.infer<typeof sessionUserSchema>) {
  return { id: user.id, clinicId: user.clinicId, role: user.role, displayName: user.displayName };
}

export const sessionRoutes: RoutePlugin<SessionFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const rateLimit = options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT;

  app.post(
    '/session',
    {
      config: { csrf: false, rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindow } },
      schema: {
        summary: 'Log in with email and password',
        description:
          'Sets the httpOnly session cookie `spinewise_session` and the `spinewise_csrf` cookie. Wrong credentials and unknown emails get the same 401.',
        tags: ['session'],
        body: loginBodySchema,
        response: {
          200: loggedInSchema,
          400: problemResponse('The body is not a log-in'),
          401: problemResponse('The email or password is not right'),
          403: problemResponse('The account is disabled'),
          429: problemResponse('Too many log-ins from this address, or the account is locked'),
        },
      },
    },
    async (request, reply) => {
      const { email, password, clinicId } = request.body;
      const at = now();
      const origin = requestOrigin(request);
      const result = await authenticate(db, {
        email,
        password,
        now: at,
        ...(clinicId === undefined ? {} : { clinicId }),
      });
      if (!result.ok) {
        const user = await findLoginUser(db, email, clinicId);
        await recordAudit(db, {
          userId: user?.id ?? null,
          clinicId: user?.clinicId ?? null,
          action: 'loginFailed',
          resource: 'session',
          ...origin,
          detail: { reason: result.reason },
          at,
        });
        if (result.reason === 'locked') {
          throw new ProblemError(lockedProblem(user?.lockedUntil ?? null, at));
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
        at,
      });
      setSessionCookies(request, reply, session);
      // The body holds the CSRF token: no cache may keep it.
      void reply.header('cache-control', 'no-store');
      return { user: publicUser(result.user), csrfToken: session.csrfToken };
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
      void reply.header('cache-control', 'no-store');
      return Promise.resolve({ user: publicUser(user) });
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
