// Test fixture: a live calendar subscription token for patient A, for the route matrix.
import { eq } from 'drizzle-orm';
import { hashToken, newToken } from '../../auth/tokens.js';
import { patients } from '../../database/schema.js';
import type { World } from '../world.fixture.js';

/** A new subscription token for patient A (replacing any earlier one), as a link would carry. */
export async function freshCalendarToken(w: World): Promise<string> {
  const token = newToken();
  await w.db
    .update(patients)
    .set({ calendarTokenHash: hashToken(token) })
    .where(eq(patients.id, w.patientA.id));
  return token;
}
