// Test fixture: a check-in body `POST /api/me/check-ins` accepts for a world patient, for the
// route matrix and the fuzzing. A day takes one check-in, so this clears the day's check-in
// first: every cell finds the day free, and nothing later cells rely on changes.
import { and, desc, eq, lte } from 'drizzle-orm';
import { checkIns, sessionLogs } from '../../database/schema.js';
import type { World, WorldPatient } from '../world.fixture.js';

export async function freshCheckInBody(
  w: World,
  patient: WorldPatient,
): Promise<{ sessionOn: string; pain: number; stiffness: number }> {
  const [latest] = await w.db
    .select({ day: sessionLogs.performedOn })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.patientId, patient.id), lte(sessionLogs.performedOn, w.today)))
    .orderBy(desc(sessionLogs.performedOn))
    .limit(1);
  if (latest === undefined) throw new Error(`${patient.displayName} has no session log`);
  await w.db
    .delete(checkIns)
    .where(and(eq(checkIns.patientId, patient.id), eq(checkIns.sessionOn, latest.day)));
  return { sessionOn: latest.day, pain: 2, stiffness: 3 };
}
