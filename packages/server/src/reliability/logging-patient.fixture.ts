// Test fixture: patients signed in to the patient app and ready to post session logs over real
// HTTP — a clinic with a patient following an active programme (logs/programme.fixture.ts), the
// patient's own user and a session made directly in the database, and a valid log body.
import { generateProgramme } from '@spinewise/clinical';
import { eq } from 'drizzle-orm';
import { createSession } from '../auth/sessions.js';
import type { Database } from '../database/client.js';
import { patients, programmeVersions, users } from '../database/schema.js';
import { dayOf } from '../http/logs/routes.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/session/plugin.js';
import {
  PROGRAMME_START,
  insertPatientWithProgramme,
  lowBackProfile,
} from '../logs/programme.fixture.js';

const DAY_MS = 86_400_000;

export interface LoggingPatient {
  readonly patientId: string;
  readonly programmeId: string;
  /** The signed-in patient's headers for a write: the session cookie and the CSRF token. */
  readonly headers: Readonly<Record<string, string>>;
  /** A session log the server accepts; `note` tells logs apart. */
  log(note: string): Record<string, unknown>;
}

/**
 * One patient ready to log. `now` is the clock the server will run with: the session is valid
 * then, and the programme started a week before it, so logs dated that start day are neither
 * before the programme nor in the future, whatever the day the tests run.
 */
export async function insertLoggingPatient(
  db: Database,
  options: { now: Date; clinicName: string },
): Promise<LoggingPatient> {
  const fixture = await insertPatientWithProgramme(db, { clinicName: options.clinicName });
  const startDate = dayOf(new Date(options.now.getTime() - 7 * DAY_MS));
  let programme = fixture.programme;
  if (startDate !== PROGRAMME_START) {
    programme = generateProgramme({ ...lowBackProfile, startDate });
    if (programme.status !== 'active') throw new Error('the regenerated programme is blocked');
    await db
      .update(programmeVersions)
      .set({ content: programme })
      .where(eq(programmeVersions.programmeId, fixture.programmeId));
  }
  const exerciseId = programme.weeks[0]?.sessions[0]?.exercises[0]?.id;
  if (exerciseId === undefined) throw new Error('the programme has no exercise');

  const [user] = await db
    .insert(users)
    .values({ clinicId: fixture.clinicId, role: 'patient', displayName: 'Alex Morgan' })
    .returning();
  if (user === undefined) throw new Error('no patient user inserted');
  await db.update(patients).set({ userId: user.id }).where(eq(patients.id, fixture.patientId));
  const session = await createSession(db, { userId: user.id, now: options.now });

  return {
    patientId: fixture.patientId,
    programmeId: fixture.programmeId,
    headers: {
      cookie: `${SESSION_COOKIE}=${session.token}`,
      [CSRF_HEADER]: session.csrfToken,
    },
    log: (note) => ({ date: startDate, exerciseId, setsDone: 2, painAfter: 3, note }),
  };
}

/** Posts one session log with its Idempotency-Key to a listening server. */
export function postLog(
  baseUrl: string,
  patient: LoggingPatient,
  key: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return fetch(`${baseUrl}/api/me/logs`, {
    method: 'POST',
    headers: { ...patient.headers, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}
