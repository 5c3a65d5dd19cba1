/**
 * What every patient-data route shares: finding a patient the caller may see (clinic-scoped,
 * a patient only themself) and writing the audit entry for a read or write of patient data.
 */
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions.js';
import type { Database } from '../database/client.js';
import { patients, type Patient } from '../database/schema.js';
import { ProblemError, notFound } from './problem.js';
import { recordAudit, type AuditAction, type RequestOrigin } from './session/audit.js';
import type { Authenticated } from './session/plugin.js';

/**
 * The patient `auth` may see, or a 404 problem: same clinic for staff, and for a patient only
 * their own record. Whether it is missing or someone else's is deliberately not told apart.
 */
export async function findVisiblePatient(
  db: Database,
  auth: Authenticated,
  patientId: string,
): Promise<Patient> {
  const [patient] = await db
    .select()
    .from(patients)
    .where(
      auth.user.role === 'patient'
        ? and(eq(patients.id, patientId), eq(patients.userId, auth.user.id))
        : and(eq(patients.id, patientId), eq(patients.clinicId, auth.user.clinicId)),
    )
    .limit(1);
  if (patient === undefined) throw new ProblemError(notFound('patient'));
  return patient;
}

/** One audit entry for a read or write of a patient's data, by the signed-in `user`. */
export function auditPatient(
  db: Database,
  user: SessionUser,
  origin: RequestOrigin,
  at: Date,
  entry: {
    readonly action: AuditAction;
    readonly resource: string;
    readonly patientId: string;
    readonly resourceId?: string;
    readonly detail?: Readonly<Record<string, unknown>>;
  },
): Promise<void> {
  return recordAudit(db, {
    userId: user.id,
    clinicId: user.clinicId,
    patientId: entry.patientId,
    action: entry.action,
    resource: entry.resource,
    resourceId: entry.resourceId ?? entry.patientId,
    ...origin,
    at,
    ...(entry.detail === undefined ? {} : { detail: entry.detail }),
  });
}
