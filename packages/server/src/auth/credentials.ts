/**
 * Setting a user's own password or PIN (issue 4 §4, decision 007): which kinds a role may use,
 * the policy each must meet, and a signed-in user's change of their own secret. Nothing here
 * logs or returns a secret.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { sessions, users, type UserRole } from '../database/schema.js';
import { authenticate, type LockoutPolicy } from './lockout.js';
import {
  checkPasswordPolicy,
  checkPinPolicy,
  hashPassword,
  type PasswordProblem,
} from './passwords.js';

/** A PIN is a patient's convenience on their own phone; staff always use a password. */
export type SecretKind = 'password' | 'pin';

export function mayUsePin(role: UserRole): boolean {
  return role === 'patient';
}

/** The problems with a new secret of a kind; empty when it may be used. */
export function checkSecretPolicy(kind: SecretKind, secret: string): readonly PasswordProblem[] {
  return kind === 'pin' ? checkPinPolicy(secret) : checkPasswordPolicy(secret);
}

export interface ChangeSecretInput {
  readonly user: { readonly id: string; readonly role: UserRole };
  readonly current: string;
  readonly next: string;
  readonly kind: SecretKind;
  /** The session making the change (its id, the token's hash): the one that stays signed in. */
  readonly keepSessionId: string;
  readonly now: Date;
  readonly policy?: LockoutPolicy;
}

export type ChangeSecretResult =
  | { readonly ok: true; readonly sessionsEnded: number }
  | { readonly ok: false; readonly reason: 'pinNotAllowed' | 'unchanged' | 'invalid' }
  | { readonly ok: false; readonly reason: 'weak'; readonly problems: readonly PasswordProblem[] }
  | { readonly ok: false; readonly reason: 'locked'; readonly lockedUntil: Date | null };

/**
 * A signed-in user replaces their password or PIN. The current one is checked as a sign-in is
 * (one argon2 verify, counted by the lock-out), so a stolen session cannot be used to guess it.
 * The new one is stored with the lock-out cleared, and every other session of the user ends in
 * the same transaction: whoever knew the old secret is signed out everywhere.
 */
export async function changeSecret(
  db: Database,
  input: ChangeSecretInput,
): Promise<ChangeSecretResult> {
  if (input.kind === 'pin' && !mayUsePin(input.user.role)) {
    return { ok: false, reason: 'pinNotAllowed' };
  }
  const problems = checkSecretPolicy(input.kind, input.next);
  if (problems.length > 0) return { ok: false, reason: 'weak', problems };
  if (input.next.normalize('NFKC') === input.current.normalize('NFKC')) {
    return { ok: false, reason: 'unchanged' };
  }

  const checked = await authenticate(db, {
    userId: input.user.id,
    password: input.current,
    now: input.now,
    ...(input.policy === undefined ? {} : { policy: input.policy }),
  });
  if (!checked.ok) {
    return checked.reason === 'locked'
      ? { ok: false, reason: 'locked', lockedUntil: checked.lockedUntil }
      : { ok: false, reason: 'invalid' };
  }

  const passwordHash = await hashPassword(input.next);
  const sessionsEnded = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: input.now })
      .where(eq(users.id, input.user.id));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, input.user.id), ne(sessions.id, input.keepSessionId)))
      .returning({ id: sessions.id });
    return ended.length;
  });
  return { ok: true, sessionsEnded };
}
