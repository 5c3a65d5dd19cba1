/**
 * Patient invitations (issue 4 §4, decision 007): a clinician creates a one-time code that
 * expires; the patient redeems it once to set their own password or PIN, and optionally the
 * email they will sign in with. A new invitation for a patient who already has a log-in resets
 * it: the same user, a new secret, no lock, every session ended. Only the code's hash is stored.
 * Whether the clinician may invite this patient is the route's check, not this module's.
 */
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { invitations, patients, sessions, users } from '../database/schema.js';
import { checkSecretPolicy, type SecretKind } from './credentials.js';
import { normaliseEmail } from './lockout.js';
import { hashPassword, type PasswordProblem } from './passwords.js';
import { newPatientUserId } from './sign-in-names.js';
import { hashInvitationCode, newInvitationCode } from './tokens.js';

const HOUR_MS = 3_600_000;

/** Three days: long enough for a patient to get to it after the visit, short enough to go stale. */
export const DEFAULT_INVITATION_TTL_HOURS = 72;

export interface CreateInvitationInput {
  readonly patientId: string;
  /** The inviting clinician's user id. */
  readonly createdBy: string;
  readonly now: Date;
  readonly ttlHours?: number;
}

export interface CreatedInvitation {
  /** `XXXX-XXXX`, to show the clinician once; never stored. */
  readonly code: string;
  readonly expiresAt: Date;
}

/**
 * A new invitation for a patient. Any earlier invitation still open for that patient is expired
 * now, so only the latest code handed out works.
 */
export async function createInvitation(
  db: Database,
  input: CreateInvitationInput,
): Promise<CreatedInvitation> {
  const { code, codeHash } = newInvitationCode();
  const expiresAt = new Date(
    input.now.getTime() + (input.ttlHours ?? DEFAULT_INVITATION_TTL_HOURS) * HOUR_MS,
  );
  await db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ expiresAt: input.now })
      .where(
        and(
          eq(invitations.patientId, input.patientId),
          isNull(invitations.usedAt),
          gt(invitations.expiresAt, input.now),
        ),
      );
    await tx.insert(invitations).values({
      patientId: input.patientId,
      codeHash,
      expiresAt,
      createdBy: input.createdBy,
      createdAt: input.now,
    });
  });
  return { code, expiresAt };
}

export interface RedeemInvitationInput {
  /** As the patient typed it: case, spaces and hyphens do not matter. */
  readonly code: string;
  readonly now: Date;
  /** The new password or PIN. */
  readonly secret: string;
  readonly kind: SecretKind;
  /**
   * The email the patient will also sign in with, if they give one (any case). Left out on a
   * reset, the email they gave before stays.
   */
  readonly email?: string;
}

export type RedeemInvitationResult =
  | { readonly ok: true; readonly userId: string; readonly email: string | null }
  | {
      readonly ok: false;
      readonly reason: 'unknown' | 'expired' | 'used' | 'emailTaken' | 'disabled';
    }
  | { readonly ok: false; readonly reason: 'weak'; readonly problems: readonly PasswordProblem[] };

/** The index that keeps an email to one user per clinic; a lost race for an email breaks it. */
const EMAIL_UNIQUE_INDEX = 'users_clinic_email_unique';

/** Whether an error (or one it was caused by, as Drizzle wraps them) broke the email index. */
function isEmailClash(error: unknown): boolean {
  for (let cause = error; typeof cause === 'object' && cause !== null;) {
    if ((cause as { constraint?: unknown }).constraint === EMAIL_UNIQUE_INDEX) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Redeems a code: sets the patient's password or PIN (creating their `users` row, role patient,
 * in the patient's clinic, and linking `patients.user_id` when they have none yet), marks the
 * invitation used and ends any sessions the user had — all in one transaction, with the
 * invitation row locked, so two concurrent redeems of one code cannot both succeed. A refused
 * redeem (a taken email, a weak secret) leaves the code usable.
 *
 * An email must not be any other user's, in any clinic: a log-in by email without a clinic
 * must name one person, and a patient must not be able to make a colleague's email ambiguous.
 * It is checked only after the code, so only someone holding a live code can ask.
 */
export async function redeemInvitation(
  db: Database,
  input: RedeemInvitationInput,
): Promise<RedeemInvitationResult> {
  const problems = checkSecretPolicy(input.kind, input.secret);
  if (problems.length > 0) return { ok: false, reason: 'weak', problems };
  // Hashed before the transaction so the row lock is not held through argon2's work.
  const passwordHash = await hashPassword(input.secret);
  const codeHash = hashInvitationCode(input.code);
  const email = input.email === undefined ? undefined : normaliseEmail(input.email);

  try {
    return await db.transaction(async (tx): Promise<RedeemInvitationResult> => {
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.codeHash, codeHash))
        .for('update');
      if (invitation === undefined) return { ok: false, reason: 'unknown' };
      if (invitation.usedAt !== null) return { ok: false, reason: 'used' };
      if (invitation.expiresAt <= input.now) return { ok: false, reason: 'expired' };

      const [patient] = await tx
        .select()
        .from(patients)
        .where(eq(patients.id, invitation.patientId))
        .for('update');
      // The foreign key cascades, so an invitation never outlives its patient.
      if (patient === undefined) return { ok: false, reason: 'unknown' };

      if (email !== undefined) {
        // One redeem at a time per email, so two patients cannot both pass the check below
        // (the unique index covers only one clinic, and this check covers them all).
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${email}, 0))`);
        const [holder] = await tx
          .select({ id: users.id })
          .from(users)
          .where(
            patient.userId === null
              ? eq(users.email, email)
              : and(eq(users.email, email), ne(users.id, patient.userId)),
          )
          .limit(1);
        if (holder !== undefined) return { ok: false, reason: 'emailTaken' };
      }

      let userId = patient.userId;
      let storedEmail = email ?? null;
      if (userId === null) {
        const [created] = await tx
          .insert(users)
          .values({
            id: await newPatientUserId(tx),
            clinicId: patient.clinicId,
            role: 'patient',
            email: storedEmail,
            displayName: patient.displayName,
            passwordHash,
            createdAt: input.now,
            updatedAt: input.now,
          })
          .returning({ id: users.id });
        if (created === undefined) throw new Error('inserting the patient user returned no row');
        userId = created.id;
        await tx.update(patients).set({ userId }).where(eq(patients.id, patient.id));
      } else {
        // A new invitation for a patient who has a log-in is a reset: the same user, a new
        // secret, no lock, and whoever held the old secret is signed out. A disabled log-in
        // stays off: turning it back on is an administrator's decision, not an invitation's.
        const [updated] = await tx
          .update(users)
          .set({
            passwordHash,
            failedLogins: 0,
            lockedUntil: null,
            updatedAt: input.now,
            ...(email === undefined ? {} : { email }),
          })
          .where(and(eq(users.id, userId), isNull(users.disabledAt)))
          .returning({ email: users.email });
        if (updated === undefined) return { ok: false, reason: 'disabled' };
        storedEmail = updated.email;
        await tx.delete(sessions).where(eq(sessions.userId, userId));
      }
      await tx
        .update(invitations)
        .set({ usedAt: input.now })
        .where(eq(invitations.id, invitation.id));
      return { ok: true, userId, email: storedEmail };
    });
  } catch (error) {
    // Someone else (an administrator adding a user) took the email in this clinic between our
    // check and our write.
    if (email !== undefined && isEmailClash(error)) return { ok: false, reason: 'emailTaken' };
    throw error;
  }
}
