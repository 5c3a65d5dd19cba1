/**
 * Signing in, with lock-out (issue 4 §4; decisions 006 and 007). Staff sign in with their email,
 * patients with their email or their sign-in name; either way with the password or PIN of the
 * account. `now` is always given by the caller.
 *
 * [OWASP Authentication Cheat Sheet, "Account Lockout"] lock an account for a while after a
 * number of failed sign-ins, so online guessing is slow, while an attacker can only delay —
 * never permanently block — a real user. Here every `maxFailedAttempts` failures in a row lock
 * the account, each lock twice as long as the one before, up to `maxLockMinutes`. A successful
 * sign-in forgives the stray failures since the last lock but not the locks themselves, so an
 * attacker's count does not restart whenever the real user signs in; a new password or PIN
 * (a change, or a new invitation) starts from nothing. Decision 007 counts what that allows a
 * guesser. The HTTP layer adds per-address rate limiting.
 */
import { and, eq, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { users, type User, type UserRole } from '../database/schema.js';
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import type { SessionUser } from './sessions.js';
import { patientWithSignInName } from './sign-in-names.js';

export interface LockoutPolicy {
  /** Failed sign-ins in a row that lock the account (and again after each lock). */
  readonly maxFailedAttempts: number;
  /** How long the first lock lasts; each further one lasts twice as long as the one before. */
  readonly lockMinutes: number;
  /** The longest a single lock lasts. */
  readonly maxLockMinutes: number;
}

const DAY_MINUTES = 24 * 60;

/**
 * Staff: passwords of at least 10 characters, where five guesses a day get nowhere; a
 * clinician locked out for longer than a day would stop a clinic's work.
 */
export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  maxFailedAttempts: 5,
  lockMinutes: 15,
  maxLockMinutes: DAY_MINUTES,
};

/**
 * Patients, who may use a six-digit PIN: locks grow to 30 days, which bounds a guesser to about
 * a hundred tries in a year. A patient locked out meanwhile asks their clinician for a new
 * invitation, which clears the lock.
 */
export const PATIENT_LOCKOUT_POLICY: LockoutPolicy = {
  maxFailedAttempts: 5,
  lockMinutes: 15,
  maxLockMinutes: 30 * DAY_MINUTES,
};

export function lockoutPolicyFor(role: UserRole): LockoutPolicy {
  return role === 'patient' ? PATIENT_LOCKOUT_POLICY : DEFAULT_LOCKOUT_POLICY;
}

/** How long the `lock`-th lock in a row lasts (the first is 1), in minutes. */
export function lockMinutesFor(policy: LockoutPolicy, lock: number): number {
  return Math.min(policy.lockMinutes * 2 ** Math.max(0, lock - 1), policy.maxLockMinutes);
}

export function isLocked(user: Pick<User, 'lockedUntil'>, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

/** The account was locked, so the attempt was not counted (nor may its secret be checked). */
interface RefusedAttempt {
  readonly counted: false;
  readonly lockedUntil: Date | null;
}

/** The attempt was counted; `locked` when it was the one that started a lock. */
interface CountedAttempt {
  readonly counted: true;
  readonly locked: boolean;
  readonly lockedUntil: Date | null;
}

export type SignInAttempt = RefusedAttempt | CountedAttempt;

/**
 * Counts a sign-in attempt as failed before its secret is checked, and starts a lock when it is
 * the `maxFailedAttempts`-th in a row; does nothing while the account is locked. One UPDATE, so
 * of many concurrent attempts on an account at most `maxFailedAttempts` get through before the
 * lock — checking first and counting after would let every one in flight be tried.
 */
export async function recordSignInAttempt(
  db: Database,
  userId: string,
  now: Date,
  policy: LockoutPolicy,
): Promise<SignInAttempt> {
  const at = now.toISOString();
  const attempts: SQL = sql`${users.failedLogins} + 1`;
  const perLock: SQL = sql`${policy.maxFailedAttempts}::integer`;
  // The n-th lock in a row lasts lockMinutes · 2ⁿ⁻¹, capped (the exponent too, against overflow).
  const lockMinutes: SQL = sql`least(${policy.lockMinutes}::double precision * power(2, least((${attempts}) / ${perLock} - 1, 40)), ${policy.maxLockMinutes}::double precision)`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: attempts,
      lockedUntil: sql`case when (${attempts}) % ${perLock} = 0 then ${at}::timestamptz + make_interval(secs => ${lockMinutes} * 60) else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ lockedUntil: users.lockedUntil });
  if (row === undefined) {
    const [current] = await db
      .select({ lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, userId));
    return { counted: false, lockedUntil: current?.lockedUntil ?? null };
  }
  const locked = row.lockedUntil !== null && row.lockedUntil > now;
  return { counted: true, locked, lockedUntil: locked ? row.lockedUntil : null };
}

/**
 * After an attempt counted by `recordSignInAttempt` proved right: ends any lock and forgives
 * that attempt and the failures since the last lock, keeping the locks' count so the next lock
 * is as long as an attacker had already made it.
 */
export async function recordSuccessfulLogin(
  db: Database,
  userId: string,
  policy: LockoutPolicy,
): Promise<void> {
  const perLock: SQL = sql`${policy.maxFailedAttempts}::integer`;
  await db
    .update(users)
    .set({
      failedLogins: sql`greatest(0, (${users.failedLogins} - 1) / ${perLock} * ${perLock})`,
      lockedUntil: null,
    })
    .where(eq(users.id, userId));
}

/** Emails are stored lower-cased (a check constraint), so a sign-in matches however typed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Who is signing in: staff and patients with an email by it (emails are unique per clinic, so a
 * server with several clinics may need to be told which); a patient by their sign-in name; a
 * signed-in user re-checking their own secret by their id.
 */
export type SignInIdentifier =
  | { readonly email: string; readonly clinicId?: string }
  | { readonly signInName: string }
  | { readonly userId: string };

export type AuthenticateInput = SignInIdentifier & {
  /** The password or PIN. */
  readonly password: string;
  readonly now: Date;
  /** Replaces the policy of the account's role (tests). */
  readonly policy?: LockoutPolicy;
};

export type AuthenticateFailure = 'invalid' | 'locked' | 'disabled';

/** The account a failed sign-in was for: for the audit log only, never for the client. */
export interface SignInAccount {
  readonly id: string;
  readonly clinicId: string;
}

export type AuthenticateResult =
  | { readonly ok: true; readonly user: SessionUser }
  | { readonly ok: false; readonly reason: 'invalid'; readonly account: SignInAccount | null }
  | {
      readonly ok: false;
      readonly reason: 'locked';
      readonly account: SignInAccount;
      readonly lockedUntil: Date | null;
    }
  | { readonly ok: false; readonly reason: 'disabled'; readonly account: SignInAccount };

/** The condition on `users` an identifier stands for; `null` when it cannot name anyone. */
function conditionFor(identifier: SignInIdentifier): SQL | null {
  if ('email' in identifier) {
    const email = normaliseEmail(identifier.email);
    return identifier.clinicId === undefined
      ? eq(users.email, email)
      : (and(eq(users.email, email), eq(users.clinicId, identifier.clinicId)) ?? null);
  }
  if ('signInName' in identifier) return patientWithSignInName(identifier.signInName) ?? null;
  return eq(users.id, identifier.userId);
}

/** The one account an identifier names, or `undefined` (none, or more than one). */
async function findAccount(db: Database, identifier: SignInIdentifier): Promise<User | undefined> {
  const condition = conditionFor(identifier);
  if (condition === null) return undefined;
  const candidates = await db.select().from(users).where(condition).limit(2);
  // An email two clinics share, with no clinic given: refuse rather than guess which.
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * Checks a secret for an account. Every path verifies exactly one argon2 hash — the account's,
 * or a dummy one when the identifier names nobody, the account has no secret yet, or it is
 * locked — so the time taken does not tell whether an account exists.
 *
 * Order: a locked account answers `locked` whatever the secret (otherwise guessing could go on
 * during the lock); a disabled account answers `disabled` only to the right secret, so the
 * answer reveals nothing to someone who does not know it. Its failures count like any other,
 * so that answer cannot be used to guess without limit either.
 */
export async function authenticate(
  db: Database,
  input: AuthenticateInput,
): Promise<AuthenticateResult> {
  const user = await findAccount(db, input);
  if (user === undefined || user.passwordHash === null) {
    await verifyPassword(DUMMY_PASSWORD_HASH, input.password);
    return {
      ok: false,
      reason: 'invalid',
      account: user === undefined ? null : { id: user.id, clinicId: user.clinicId },
    };
  }
  const account = { id: user.id, clinicId: user.clinicId };
  const policy = input.policy ?? lockoutPolicyFor(user.role);
  const attempt = await recordSignInAttempt(db, user.id, input.now, policy);
  if (!attempt.counted) {
    await verifyPassword(DUMMY_PASSWORD_HASH, input.password);
    return { ok: false, reason: 'locked', account, lockedUntil: attempt.lockedUntil };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    return { ok: false, reason: 'invalid', account };
  }
  await recordSuccessfulLogin(db, user.id, policy);
  if (user.disabledAt !== null) return { ok: false, reason: 'disabled', account };

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
