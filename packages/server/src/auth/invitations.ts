/**
 * Patient invitations (issue 4 §4): a clinician creates a one-time code that expires; the
 * patient redeems it once to set their own password or PIN. Only the code's hash is stored.
 * Whether the clinician may invite this patient is the route's check, not this module's.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { invitations, patients, sessions, users } from '../database/schema.js';
import {
  checkPasswordPolicy,
  checkPinPolicy,
  hashPassword,
  type PasswordProblem,
} from './passwords.js';
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
  readonly kind: 'password' | 'pin';
}

export type RedeemInvitationResult =
  | { readonly ok: true; readonly userId: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'used' }
  | { readonly ok: false; readonly reason: 'weak'; readonly problems: readonly PasswordProblem[] };

/**
 * Redeems a code: sets the patient's password or PIN (creating their `users` row, role patient,
 * in the patient's clinic, and linking `patients.user_id` when they have none yet), marks the
 * invitation used and ends any sessions the user had — all in one transaction, with the
 * invitation row locked, so two concurrent redeems of one code cannot both succeed.
 */
export async function redeemInvitation(
  db: Database,
  input: RedeemInvitationInput,
): Promise<RedeemInvitationResult> {
  const problems =
    input.kind === 'pin' ? checkPinPolicy(input.secret) : checkPasswordPolicy(input.secret);
  if (problems.length > 0) return { ok: false, reason: 'weak', problems };
  // Hashed before the transaction so the row lock is not held through argon2's work.
  const passwordHash = await hashPassword(input.secret);
  const codeHash = hashInvitationCode(input.code);

  return db.transaction(async (tx): Promise<RedeemInvitationResult> => {
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

    let userId = patient.userId;
    if (userId === null) {
      const [created] = await tx
        .insert(users)
        .values({
          clinicId: patient.clinicId,
          role: 'patient',
          displayName: patient.displayName,
          passwordHash,
        })
        .returning({ id: users.id });
      if (created === undefined) throw new Error('inserting the patient user returned no row');
      userId = created.id;
      await tx.update(patients).set({ userId }).where(eq(patients.id, patient.id));
    } else {
      // A new invitation for a patient who has a log-in is a reset: new secret, no lock, and
      // whoever held the old one is signed out.
      await tx
        .update(users)
        .set({ passwordHash, failedLogins: 0, lockedUntil: null })
        .where(eq(users.id, userId));
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    }
    await tx
      .update(invitations)
      .set({ usedAt: input.now })
      .where(eq(invitations.id, invitation.id));
    return { ok: true, userId };
  });
}
