/**
 * What every patient-data route shares: finding a patient the caller may see (clinic-scoped,
 * a patient only themself) and writing the audit entry for a read or write of patient data.
 */
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions.js';
import type { Database } from '../database/client.js';
import { patients, type Patient } from '../database/schema.js';
import type { FastifyRequest } from 'fastify';
import { ProblemError, badRequest, notFound } from './problem.js';
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

/**
 * The signed-in patient's own record (a patient route acts on no one else): its id and clinic.
 * A log-in with no patient record in its clinic is a 404.
 */
export async function ownPatient(
  db: Database,
  auth: Authenticated,
): Promise<{ readonly id: string; readonly clinicId: string }> {
  const [patient] = await db
    .select({ id: patients.id, clinicId: patients.clinicId })
    .from(patients)
    .where(and(eq(patients.userId, auth.user.id), eq(patients.clinicId, auth.user.clinicId)));
  if (patient === undefined) throw new ProblemError(notFound('patient'));
  return patient;
}

/** The `Idempotency-Key` header a patient's write must carry: a 400 naming it when missing. */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (typeof key !== 'string' || key.trim() === '') {
    throw new ProblemError(
      badRequest([{ path: `headers.${IDEMPOTENCY_KEY_HEADER}`, message: 'is required' }]),
    );
  }
  return key;
}

/** The header that makes a retried write find its first result instead of adding another. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
