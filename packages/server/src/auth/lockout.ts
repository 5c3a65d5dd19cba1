/**
 * Email + password log-in with lock-out (issue 4 §4). `now` is always given by the caller.
 *
 * [OWASP Authentication Cheat Sheet, "Account Lockout"] lock an account for a while after a
 * number of failed log-ins, so online password guessing is slow, while an attacker can only
 * delay — never permanently block — a real user. The HTTP layer adds per-address rate limiting.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { users, type User } from '../database/schema.js';
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import type { SessionUser } from './sessions.js';

export interface LockoutPolicy {
  /** Consecutive failed log-ins that lock the account. */
  readonly maxFailedAttempts: number;
  /** How long a locked account stays locked. */
  readonly lockMinutes: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailedAttempts: 5, lockMinutes: 15 };

const MINUTE_MS = 60_000;

export interface FailedLoginOutcome {
  /** Whether this failure locked the account. */
  readonly locked: boolean;
  readonly lockedUntil: Date | null;
}

/**
 * Counts a failed log-in; the one that reaches the limit locks the account and starts the count
 * again, so after the lock ends the user has the full number of attempts. One UPDATE, so
 * concurrent failures are all counted.
 */
export async function recordFailedLogin(
  db: Database,
  userId: string,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): Promise<FailedLoginOutcome> {
  const lockUntil = new Date(now.getTime() + policy.lockMinutes * MINUTE_MS);
  const reachesLimit: SQL = sql`${users.failedLogins} + 1 >= ${policy.maxFailedAttempts}`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${reachesLimit} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reachesLimit} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  const lockedUntil = row?.lockedUntil ?? null;
  return {
    locked: lockedUntil !== null && lockedUntil.getTime() === lockUntil.getTime(),
    lockedUntil,
  };
}

/** Clears the failure count and any lock after a successful log-in. */
export async function recordSuccessfulLogin(db: Database, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export function isLocked(user: Pick<User, 'lockedUntil'>, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

export interface AuthenticateInput {
  /** Emails are unique per clinic: a server with several clinics must say which one. */
  readonly clinicId?: string;
  readonly email: string;
  readonly password: string;
  readonly now: Date;
  readonly policy?: LockoutPolicy;
}

export type AuthenticateFailure = 'invalid' | 'locked' | 'disabled';

export type AuthenticateResult =
  | { readonly ok: true; readonly user: SessionUser }
  | { readonly ok: false; readonly reason: AuthenticateFailure };

/** Emails are stored lower-cased (a check constraint), so a log-in matches however typed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password. Every path verifies exactly one argon2 hash — the user's, or a
 * dummy one when the email is unknown, the user has no password yet, or the account is locked —
 * so the time taken does not tell whether an email exists.
 *
 * Order: a locked account answers `locked` whatever the password (otherwise guessing could go
 * on during the lock); a disabled account answers `disabled` only to the right password, so the
 * answer reveals nothing to someone who does not know it.
 */
export async function authenticate(
  db: Database,
  input: AuthenticateInput,
): Promise<AuthenticateResult> {
  const email = normaliseEmail(input.email);
  const candidates = await db
    .select()
    .from(users)
    .where(
      input.clinicId === undefined
        ? eq(users.email, email)
        : and(eq(users.email, email), eq(users.clinicId, input.clinicId)),
    )
    .limit(2);
  // Two clinics with the same email and no clinic given: refuse rather than guess which.
  const user = candidates.length === 1 ? candidates[0] : undefined;

  if (user === undefined || user.passwordHash === null) {
    await verifyPassword(DUMMY_PASSWORD_HASH, input.password);
    return { ok: false, reason: 'invalid' };
  }
  if (isLocked(user, input.now)) {
    await verifyPassword(DUMMY_PASSWORD_HASH, input.password);
    return { ok: false, reason: 'locked' };
  }
  const matches = await verifyPassword(user.passwordHash, input.password);
  if (!matches) {
    // A disabled account cannot log in anyway; counting its failures would only lock it.
    if (user.disabledAt === null) await recordFailedLogin(db, user.id, input.now, input.policy);
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabledAt !== null) return { ok: false, reason: 'disabled' };

  await recordSuccessfulLogin(db, user.id);
  if (needsRehash(user.passwordHash)) {
    // The parameters were raised since this hash was made: store one with today's.
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, user.id));
  }
  return {
    ok: true,
    user: {
      id: user.id,
      clinicId: user.clinicId,
      role: user.role,
      displayName: user.displayName,
    },
  };
}
