/**
 * Authentication for every route (issue 4 §4): reads the session cookie, finds and touches the
 * session (sliding expiry), and puts who is signed in on `request.auth`. Routes then call
 * `requireUser` or `requireRole`, which throw 401/403 problems.
 *
 * CSRF: a cookie is sent by the browser whatever page started the request, so every
 * cookie-authenticated write (POST, PUT, PATCH, DELETE) must also carry the session's CSRF token
 * in `x-csrf-token`, which only our own pages can read (OWASP CSRF Prevention Cheat Sheet,
 * "synchroniser token"). SameSite=Strict is a second layer, not the only one. A route opts out
 * with `config: { csrf: false }` — only log-in does, as it has no session yet.
 */
import cookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { findSession, touchSession, verifyCsrf } from '../../auth/sessions.js';
import type { FoundSession, SessionUser } from '../../auth/sessions.js';
import type { Database } from '../../database/client.js';
import type { UserRole } from '../../database/schema.js';
import { ProblemError, forbidden, unauthorized } from '../problem.js';

/** The session token: httpOnly, so no script (ours or injected) can read it. */
export const SESSION_COOKIE = 'spinewise_session';
/**
 * The CSRF token again, readable by our pages' scripts (not httpOnly), so the app can send it
 * after a reload or from a second tab: the server keeps only its hash and cannot repeat it.
 * Another site can neither read it (same-origin policy) nor make the browser send it as a header.
 */
export const CSRF_COOKIE = 'spinewise_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface Authenticated {
  readonly user: SessionUser;
  /** The session row (its id is the token's hash, never the token). */
  readonly session: FoundSession;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is signed in, or `null`; set by the authentication plugin before any route runs. */
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** `false` exempts a write route from the CSRF header check (log-in only). */
    csrf?: boolean;
  }
}

export interface AuthenticationOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

/** Cookie attributes shared by both cookies; `Secure` whenever the request came over HTTPS. */
export function cookieAttributes(request: FastifyRequest) {
  return {
    path: '/',
    sameSite: 'strict' as const,
    secure: request.protocol === 'https',
    // No Expires/Max-Age: the database decides when a session ends (sliding and absolute
    // expiry); a browser-lifetime cookie never outlives a session the server still honours.
  };
}

/** Sets the session and CSRF cookies after log-in. */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  tokens: { readonly token: string; readonly csrfToken: string },
): void {
  const attributes = cookieAttributes(request);
  void reply.setCookie(SESSION_COOKIE, tokens.token, { ...attributes, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, tokens.csrfToken, { ...attributes, httpOnly: false });
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  const attributes = cookieAttributes(request);
  void reply.clearCookie(SESSION_COOKIE, { ...attributes, httpOnly: true });
  void reply.clearCookie(CSRF_COOKIE, { ...attributes, httpOnly: false });
}

/** The session token the request's cookie carries, if any. */
export function sessionToken(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE];
  return token === undefined || token === '' ? undefined : token;
}

const plugin: FastifyPluginAsync<AuthenticationOptions> = async (app, options) => {
  const now = options.now ?? (() => new Date());
  await app.register(cookie);
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    request.auth = null;
    const token = sessionToken(request);
    if (token === undefined) return;
    const at = now();
    const found = await findSession(options.db, token, at);
    if (found === null) {
      // An expired or ended session: tell the browser to drop the stale cookies.
      clearSessionCookies(request, reply);
      return;
    }
    const session = await touchSession(options.db, found, { now: at });
    request.auth = { user: session.user, session };

    if (
      UNSAFE_METHODS.has(request.method) &&
      request.routeOptions.config.csrf !== false &&
      !verifyCsrf(session, request.headers[CSRF_HEADER])
    ) {
      throw new ProblemError(
        forbidden(`Send the session's CSRF token in the ${CSRF_HEADER} header with every write.`),
      );
    }
  });
};

/**
 * The plugin. Marked to skip Fastify's encapsulation (what `fastify-plugin` does), so the
 * cookie parser, the `auth` decoration and the hook apply to every route registered after it.
 */
export const authentication = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'spinewise-authentication',
});

/** The signed-in user, or a 401 problem. */
export function requireUser(request: FastifyRequest): Authenticated {
  // `undefined` if the plugin was never registered: treated as signed out, never as signed in.
  const auth = request.auth as Authenticated | null | undefined;
  if (auth === null || auth === undefined) throw new ProblemError(unauthorized());
  return auth;
}

/** The signed-in user when their role is one of `roles`: 401 when signed out, 403 otherwise. */
export function requireRole(request: FastifyRequest, ...roles: readonly UserRole[]): Authenticated {
  const auth = requireUser(request);
  if (!roles.includes(auth.user.role)) throw new ProblemError(forbidden());
  return auth;
}
