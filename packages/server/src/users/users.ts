/**
 * A clinic's staff accounts, as its administrators manage them (issue 4 §4): the data layer.
 *
 * Every function is scoped by clinic: a user of another clinic (or a patient's own log-in,
 * which invitations manage) is "not found". Passwords go through the auth policy and argon2id;
 * no function here returns a hash. Changes that take an administrator away (disabling,
 * demoting) run with the clinic's row locked, so two administrators acting at once cannot leave
 * the clinic without one. `now` is always given by the caller.
 */
import { and, count, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import { normaliseEmail } from '../auth/lockout.js';
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from '../auth/passwords.js';
import type { Database } from '../database/client.js';
import { clinics, patients, sessions, users, type Patient, type User } from '../database/schema.js';

export const staffRoles = ['clinician', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Enough for any clinic's staff; a bound so the list is never an unbounded read. */
export const STAFF_LIST_LIMIT = 1000;

/** A staff account without its secrets, and how many patients it is responsible for. */
export interface StaffUser {
  readonly id: string;
  readonly clinicId: string;
  readonly role: StaffRole;
  readonly email: string;
  readonly displayName: string;
  readonly disabledAt: Date | null;
  readonly lockedUntil: Date | null;
  readonly createdAt: Date;
  readonly patientCount: number;
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type Queryable = Database | Transaction;

const staffColumns = {
  id: users.id,
  clinicId: users.clinicId,
  role: users.role,
  email: users.email,
  displayName: users.displayName,
  disabledAt: users.disabledAt,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
};

type StaffRow = Pick<
  User,
  'id' | 'clinicId' | 'role' | 'email' | 'displayName' | 'disabledAt' | 'lockedUntil' | 'createdAt'
>;

function isStaffRole(role: User['role']): role is StaffRole {
  return role === 'clinician' || role === 'admin';
}

/** The staff rows with their patient counts, in the order given. */
async function withPatientCounts(db: Queryable, rows: readonly StaffRow[]): Promise<StaffUser[]> {
  const ids = rows.map((row) => row.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({ clinicianId: patients.clinicianId, patients: count() })
          .from(patients)
          .where(inArray(patients.clinicianId, ids))
          .groupBy(patients.clinicianId);
  const byUser = new Map(counts.map((row) => [row.clinicianId, row.patients]));
  return rows.flatMap((row) =>
    // Staff always have an email (a check constraint); the role filter is in every query.
    isStaffRole(row.role) && row.email !== null
      ? [{ ...row, role: row.role, email: row.email, patientCount: byUser.get(row.id) ?? 0 }]
      : [],
  );
}

function staffOf(clinicId: string, userId: string): SQL | undefined {
  return and(
    eq(users.id, userId),
    eq(users.clinicId, clinicId),
    inArray(users.role, [...staffRoles]),
  );
}

export async function findStaffUser(
  db: Queryable,
  input: { readonly clinicId: string; readonly userId: string },
): Promise<StaffUser | undefined> {
  const rows = await db
    .select(staffColumns)
    .from(users)
    .where(staffOf(input.clinicId, input.userId))
    .limit(1);
  const [user] = await withPatientCounts(db, rows);
  return user;
}

/** The clinic's clinicians and administrators, by name. */
export async function listStaffUsers(
  db: Database,
  input: { readonly clinicId: string; readonly role?: StaffRole },
): Promise<StaffUser[]> {
  const rows = await db
    .select(staffColumns)
    .from(users)
    .where(
      and(
        eq(users.clinicId, input.clinicId),
        input.role === undefined
          ? inArray(users.role, [...staffRoles])
          : eq(users.role, input.role),
      ),
    )
    .orderBy(users.displayName, users.id)
    .limit(STAFF_LIST_LIMIT);
  return withPatientCounts(db, rows);
}

/** Whether an error is PostgreSQL's unique violation of `constraint` (also when Drizzle wraps it). */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error; typeof current === 'object' && current !== null;) {
    const {
      code,
      constraint: name,
      cause,
    } = current as {
      code?: unknown;
      constraint?: unknown;
      cause?: unknown;
    };
    if (code === '23505' && name === constraint) return true;
    current = cause;
  }
  return false;
}

// ---------------------------------------------------------------- creating

export interface CreateStaffInput {
  readonly clinicId: string;
  readonly role: StaffRole;
  readonly email: string;
  readonly displayName: string;
  /** The initial password, checked against the policy; only its hash is stored. */
  readonly password: string;
  readonly now: Date;
}

export type CreateStaffResult =
  | { readonly ok: true; readonly user: StaffUser }
  | { readonly ok: false; readonly reason: 'duplicateEmail' }
  | {
      readonly ok: false;
      readonly reason: 'weakPassword';
      readonly problems: readonly PasswordProblem[];
    };

export async function createStaffUser(
  db: Database,
  input: CreateStaffInput,
): Promise<CreateStaffResult> {
  const problems = checkPasswordPolicy(input.password);
  if (problems.length > 0) return { ok: false, reason: 'weakPassword', problems };
  const passwordHash = await hashPassword(input.password);
  try {
    const rows = await db
      .insert(users)
      .values({
        clinicId: input.clinicId,
        role: input.role,
        email: normaliseEmail(input.email),
        displayName: input.displayName,
        passwordHash,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning(staffColumns);
    const [user] = await withPatientCounts(db, rows);
    if (user === undefined) throw new Error('inserting a staff user returned no row');
    return { ok: true, user };
  } catch (error) {
    // The unique index, not a look-up first, so two requests at once cannot both pass.
    if (isUniqueViolation(error, 'users_clinic_email_unique')) {
      return { ok: false, reason: 'duplicateEmail' };
    }
    throw error;
  }
}

// ---------------------------------------------------------------- updating

export interface UpdateStaffInput {
  readonly clinicId: string;
  /** The administrator acting. */
  readonly actorId: string;
  readonly userId: string;
  readonly displayName?: string | undefined;
  readonly role?: StaffRole | undefined;
  readonly disabled?: boolean | undefined;
  readonly now: Date;
}

export type StaffChange = 'displayName' | 'role' | 'disabled';

export type UpdateStaffResult =
  | {
      readonly ok: true;
      readonly user: StaffUser;
      readonly changed: readonly StaffChange[];
      /** Sessions ended because the account was disabled. */
      readonly sessionsEnded: number;
      /**
       * Patients still in the user's care while the user can no longer care for them
       * (disabled, or no longer a clinician): an administrator should reassign them.
       */
      readonly patientsToReassign: number;
    }
  | {
      readonly ok: false;
      readonly reason:
        | 'notFound'
        /** The actor is no longer an enabled administrator (changed since their request began). */
        | 'actorNotAdmin'
        | 'lastAdmin'
        | 'selfDisable'
        | 'selfDemote';
    };

/** Locks the clinic's row: every change that can take an administrator away waits its turn. */
async function lockClinic(tx: Transaction, clinicId: string): Promise<void> {
  await tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.id, clinicId)).for('update');
}

async function enabledAdminsOtherThan(
  tx: Transaction,
  clinicId: string,
  userId: string,
): Promise<number> {
  const [row] = await tx
    .select({ admins: count() })
    .from(users)
    .where(
      and(
        eq(users.clinicId, clinicId),
        eq(users.role, 'admin'),
        isNull(users.disabledAt),
        ne(users.id, userId),
      ),
    );
  return row?.admins ?? 0;
}

async function isEnabledAdmin(tx: Transaction, clinicId: string, userId: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.clinicId, clinicId),
        eq(users.role, 'admin'),
        isNull(users.disabledAt),
      ),
    );
  return row !== undefined;
}

export async function updateStaffUser(
  db: Database,
  input: UpdateStaffInput,
): Promise<UpdateStaffResult> {
  return db.transaction(async (tx): Promise<UpdateStaffResult> => {
    await lockClinic(tx, input.clinicId);
    const [target] = await tx
      .select(staffColumns)
      .from(users)
      .where(staffOf(input.clinicId, input.userId))
      .for('update');
    if (target === undefined) return { ok: false, reason: 'notFound' };
    if (!(await isEnabledAdmin(tx, input.clinicId, input.actorId))) {
      return { ok: false, reason: 'actorNotAdmin' };
    }

    const disabling = input.disabled === true && target.disabledAt === null;
    const enabling = input.disabled === false && target.disabledAt !== null;
    const demoting = input.role === 'clinician' && target.role === 'admin';
    if (target.role === 'admin' && target.disabledAt === null && (disabling || demoting)) {
      if ((await enabledAdminsOtherThan(tx, input.clinicId, target.id)) === 0) {
        return { ok: false, reason: 'lastAdmin' };
      }
    }
    if (target.id === input.actorId) {
      if (disabling) return { ok: false, reason: 'selfDisable' };
      if (demoting) return { ok: false, reason: 'selfDemote' };
    }

    const changed: StaffChange[] = [];
    if (input.displayName !== undefined && input.displayName !== target.displayName) {
      changed.push('displayName');
    }
    if (input.role !== undefined && input.role !== target.role) changed.push('role');
    if (disabling || enabling) changed.push('disabled');

    let sessionsEnded = 0;
    if (changed.length > 0) {
      await tx
        .update(users)
        .set({
          ...(changed.includes('displayName') ? { displayName: input.displayName } : {}),
          ...(changed.includes('role') ? { role: input.role } : {}),
          ...(disabling ? { disabledAt: input.now } : {}),
          ...(enabling ? { disabledAt: null } : {}),
          updatedAt: input.now,
        })
        .where(eq(users.id, target.id));
    }
    if (disabling) {
      // Sessions of a disabled user already stop working (findSession); this removes them.
      const ended = await tx
        .delete(sessions)
        .where(eq(sessions.userId, target.id))
        .returning({ id: sessions.id });
      sessionsEnded = ended.length;
    }
    const user = await findStaffUser(tx, { clinicId: input.clinicId, userId: target.id });
    if (user === undefined) throw new Error('an updated staff user could not be read back');
    const canCare = user.disabledAt === null && user.role === 'clinician';
    return {
      ok: true,
      user,
      changed,
      sessionsEnded,
      patientsToReassign: canCare ? 0 : user.patientCount,
    };
  });
}

// ---------------------------------------------------------------- password reset

export interface ResetPasswordInput {
  readonly clinicId: string;
  readonly actorId: string;
  readonly userId: string;
  readonly password: string;
  readonly now: Date;
}

export type ResetPasswordResult =
  | { readonly ok: true; readonly user: StaffUser; readonly sessionsEnded: number }
  | { readonly ok: false; readonly reason: 'notFound' | 'self' }
  | {
      readonly ok: false;
      readonly reason: 'weakPassword';
      readonly problems: readonly PasswordProblem[];
    };

/**
 * Sets a staff user's password, clears any lock-out and ends their sessions. Not for the
 * administrator's own account: a reset needs no current password, so a stolen session must
 * not be able to take the account over for good.
 */
export async function resetStaffPassword(
  db: Database,
  input: ResetPasswordInput,
): Promise<ResetPasswordResult> {
  if (input.userId === input.actorId) return { ok: false, reason: 'self' };
  const existing = await findStaffUser(db, input);
  if (existing === undefined) return { ok: false, reason: 'notFound' };
  const problems = checkPasswordPolicy(input.password);
  if (problems.length > 0) return { ok: false, reason: 'weakPassword', problems };
  // Hashed before the transaction so no lock is held through argon2's work.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx): Promise<ResetPasswordResult> => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: input.now })
      .where(staffOf(input.clinicId, input.userId))
      .returning({ id: users.id });
    if (updated.length === 0) return { ok: false, reason: 'notFound' };
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, input.userId))
      .returning({ id: sessions.id });
    const user = await findStaffUser(tx, input);
    if (user === undefined) throw new Error('a staff user could not be read back');
    return { ok: true, user, sessionsEnded: ended.length };
  });
}

// ---------------------------------------------------------------- reassigning patients

export interface ReassignPatientInput {
  readonly clinicId: string;
  readonly patientId: string;
  readonly clinicianId: string;
  readonly now: Date;
}

export type ReassignPatientResult =
  | { readonly ok: true; readonly patient: Patient; readonly previousClinicianId: string }
  | { readonly ok: false; readonly reason: 'patientNotFound' | 'clinicianNotFound' };

/** Makes an enabled clinician of the same clinic responsible for a patient. */
export async function reassignPatient(
  db: Database,
  input: ReassignPatientInput,
): Promise<ReassignPatientResult> {
  return db.transaction(async (tx): Promise<ReassignPatientResult> => {
    const [patient] = await tx
      .select()
      .from(patients)
      .where(and(eq(patients.id, input.patientId), eq(patients.clinicId, input.clinicId)))
      .for('update');
    if (patient === undefined) return { ok: false, reason: 'patientNotFound' };
    // Locked too, so the clinician cannot be disabled between this check and the update.
    const [clinician] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, input.clinicianId),
          eq(users.clinicId, input.clinicId),
          eq(users.role, 'clinician'),
          isNull(users.disabledAt),
        ),
      )
      .for('share');
    if (clinician === undefined) return { ok: false, reason: 'clinicianNotFound' };
    const [updated] = await tx
      .update(patients)
      .set({ clinicianId: clinician.id, updatedAt: input.now })
      .where(eq(patients.id, patient.id))
      .returning();
    if (updated === undefined) throw new Error('reassigning a patient returned no row');
    return { ok: true, patient: updated, previousClinicianId: patient.clinicianId };
  });
}
