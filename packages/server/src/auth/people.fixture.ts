// Test fixture: a clinic with a clinician and a patient, inserted with Drizzle, for the auth
// integration tests.
import type { Database } from '../database/client.js';
import { clinics, patients, users } from '../database/schema.js';
import { hashPassword } from './passwords.js';

export interface People {
  readonly clinicId: string;
  readonly clinicianId: string;
  readonly patientId: string;
}

export const CLINICIAN_PASSWORD = 'extension-in-lying';

export async function insertPeople(
  db: Database,
  options: { clinicianEmail?: string } = {},
): Promise<People> {
  const [clinic] = await db.insert(clinics).values({ name: 'Test Clinic' }).returning();
  if (clinic === undefined) throw new Error('no clinic inserted');
  const [clinician] = await db
    .insert(users)
    .values({
      clinicId: clinic.id,
      role: 'clinician',
      email: options.clinicianEmail ?? 'clinician@example.org',
      displayName: 'Dr Test',
      passwordHash: await hashPassword(CLINICIAN_PASSWORD),
    })
    .returning();
  if (clinician === undefined) throw new Error('no clinician inserted');
  const [patient] = await db
    .insert(patients)
    .values({ clinicId: clinic.id, clinicianId: clinician.id, displayName: 'Pat Patient' })
    .returning();
  if (patient === undefined) throw new Error('no patient inserted');
  return { clinicId: clinic.id, clinicianId: clinician.id, patientId: patient.id };
}
