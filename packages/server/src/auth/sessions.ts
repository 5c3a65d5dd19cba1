/**
 * Log-in sessions in PostgreSQL, behind the httpOnly cookie (issue 4 §4). The cookie carries a
 * random token; the table keeps only its SHA-256 (and that of the CSRF token), so reading the
 * table gives no usable session. `now` is always given by the caller: no clock in here.
 */
import { and, eq, gt, lt, lte } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { sessions, users, type AuthSession, type UserRole } from '../database/schema.js';
import { constantTimeEqual, hashToken, newToken } from './tokens.js';

const HOUR_MS = 3_600_000;

// OWASP Session Management Cheat Sheet: an idle timeout, renewed by activity, and an absolute
// timeout that activity cannot extend. A working day of idle time suits a clinician's console
// and a patient's phone; a week bounds how long a stolen cookie lives however it is used.
export const DEFAULT_SESSION_TTL_HOURS = 12;
export const DEFAULT_SESSION_MAX_AGE_HOURS = 7 * 24;
/** Sliding expiry writes at most this often per session, so reads do not all become writes. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** Who a session belongs to: what authorisation needs, nothing secret. */
export interface SessionUser {
  readonly id: string;
  readonly clinicId: string;
  readonly role: UserRole;
  readonly displayName: string;
}

/** A live session with its user. `id` is the token's hash, never the token. */
export interface FoundSession extends AuthSession {
  readonly user: SessionUser;
}

export interface NewSession {
  /** For the session cookie; shown once, never stored. */
  readonly token: string;
  /** For the client to echo in the CSRF header on writes; never stored. */
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface CreateSessionInput {
  readonly userId: string;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
  readonly now: Date;
  readonly ttlHours?: number;
}

/** Starts a session for a user who has just authenticated (always a new token: no fixation). */
export async function createSession(db: Database, input: CreateSessionInput): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(
    input.now.getTime() + (input.ttlHours ?? DEFAULT_SESSION_TTL_HOURS) * HOUR_MS,
  );
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    csrfTokenHash: hashToken(csrfToken),
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
  });
  return { token, csrfToken, expiresAt };
}

/** The session a cookie's token names, with its user; `null` when unknown, expired or disabled. */
export async function findSession(
  db: Database,
  token: string,
  now: Date,
): Promise<FoundSession | null> {
  if (token === '') return null;
  const [row] = await db
    .select({
      session: sessions,
      user: {
        id: users.id,
        clinicId: users.clinicId,
        role: users.role,
        displayName: users.displayName,
        disabledAt: users.disabledAt,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  if (row === undefined) return null;
  // A disabled user's sessions stop working at once, even before they are deleted.
  const { disabledAt, ...user } = row.user;
  if (disabledAt !== null) return null;
  return { ...row.session, user };
}

export interface TouchOptions {
  readonly now: Date;
  readonly ttlHours?: number;
  readonly maxAgeHours?: number;
}

/**
 * Sliding expiry: records activity and pushes `expires_at` to `now + ttl`, capped at the
 * session's absolute maximum age. Writes at most once a minute per session (the condition is
 * in the UPDATE, so concurrent requests do not all write). Returns the session as it now is.
 */
export async function touchSession(
  db: Database,
  session: FoundSession,
  options: TouchOptions,
): Promise<FoundSession> {
  const { now } = options;
  const lastWriteBefore = new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS);
  if (session.lastSeenAt > lastWriteBefore) return session;
  const idleUntil = now.getTime() + (options.ttlHours ?? DEFAULT_SESSION_TTL_HOURS) * HOUR_MS;
  const absoluteUntil =
    session.createdAt.getTime() + (options.maxAgeHours ?? DEFAULT_SESSION_MAX_AGE_HOURS) * HOUR_MS;
  const expiresAt = new Date(Math.min(idleUntil, absoluteUntil));
  const [updated] = await db
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(
      and(
        eq(sessions.id, session.id),
        lte(sessions.lastSeenAt, lastWriteBefore),
        gt(sessions.expiresAt, now),
      ),
    )
    .returning();
  return updated === undefined ? session : { ...updated, user: session.user };
}

/** Log-out: ends the session a token names (nothing happens for an unknown token). */
export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Ends every session of a user: on a password change, a reset, or disabling the account. */
export async function deleteUserSessions(db: Database, userId: string): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return deleted.length;
}

/** Housekeeping: removes sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Database, now: Date): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ id: sessions.id });
  return deleted.length;
}

/**
 * Whether a write's CSRF header carries the session's CSRF token (compared by hash, in constant
 * time). A missing or empty header never passes.
 */
export function verifyCsrf(
  session: Pick<AuthSession, 'csrfTokenHash'>,
  header: string | readonly string[] | undefined,
): boolean {
  if (typeof header !== 'string' || header === '') return false;
  return constantTimeEqual(hashToken(header), session.csrfTokenHash);
}
