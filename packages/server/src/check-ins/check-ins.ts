/**
 * The next-morning check-in (issue 6 §2): pain and stiffness 0–10 the morning after a session,
 * which the pain-monitoring model reads as "settled by the next morning" [S-PMM]. Like a session
 * log, a check-in is posted with an idempotency key: a retry finds the row the first post stored
 * and gets the same answer, and the unique keys on `(patient_id, idempotency_key)` and
 * `(patient_id, session_on)` decide, not a read before the write.
 *
 * Who may post for the patient is the route's check, not this module's.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { checkIns, sessionLogs, type CheckIn } from '../database/schema.js';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../logs/session-logs.js';

export interface CheckInBody {
  /** `YYYY-MM-DD`: the day of the session the check-in is about. */
  readonly sessionOn: string;
  readonly pain: number;
  readonly stiffness: number;
}

export interface RecordCheckInInput {
  readonly patientId: string;
  readonly idempotencyKey: string;
  readonly body: CheckInBody;
  /** `YYYY-MM-DD`, the server's day: a check-in cannot be about a later one. */
  readonly today: string;
  readonly now: Date;
  /** Runs in the check-in's own transaction once a new one is stored (its audit entry). */
  readonly onStored?: (tx: Pick<Database, 'insert'>, stored: CheckIn) => Promise<void>;
}

export type RecordCheckInResult =
  | { readonly ok: true; readonly duplicate: boolean; readonly row: CheckIn }
  | { readonly ok: false; readonly reason: 'invalidIdempotencyKey' }
  | { readonly ok: false; readonly reason: 'future' }
  | { readonly ok: false; readonly reason: 'noSessionThatDay' }
  /** The key was used before with another body. */
  | { readonly ok: false; readonly reason: 'idempotencyConflict'; readonly id: string }
  /** Another check-in (another key) is already stored for that day. */
  | { readonly ok: false; readonly reason: 'alreadyCheckedIn'; readonly id: string };

function sameBody(row: CheckIn, body: CheckInBody): boolean {
  return (
    row.sessionOn === body.sessionOn && row.pain === body.pain && row.stiffness === body.stiffness
  );
}

function replay(row: CheckIn, body: CheckInBody): RecordCheckInResult {
  return sameBody(row, body)
    ? { ok: true, duplicate: true, row }
    : { ok: false, reason: 'idempotencyConflict', id: row.id };
}

/**
 * Stores one check-in once per idempotency key and once per session day. A key already used is
 * answered from its row before anything else is checked, so a retry keeps its first answer.
 */
export async function recordCheckIn(
  db: Database,
  input: RecordCheckInInput,
): Promise<RecordCheckInResult> {
  const key = input.idempotencyKey;
  if (key.trim() === '' || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    return { ok: false, reason: 'invalidIdempotencyKey' };
  }
  const { patientId, body } = input;
  return db.transaction(async (tx) => {
    const byKey = async () => {
      const [row] = await tx
        .select()
        .from(checkIns)
        .where(and(eq(checkIns.patientId, patientId), eq(checkIns.idempotencyKey, key)));
      return row;
    };
    const stored = await byKey();
    if (stored !== undefined) return replay(stored, body);
    if (body.sessionOn > input.today) return { ok: false, reason: 'future' } as const;
    const [logged] = await tx
      .select({ id: sessionLogs.id })
      .from(sessionLogs)
      .where(and(eq(sessionLogs.patientId, patientId), eq(sessionLogs.performedOn, body.sessionOn)))
      .limit(1);
    if (logged === undefined) return { ok: false, reason: 'noSessionThatDay' } as const;

    const [inserted] = await tx
      .insert(checkIns)
      .values({
        patientId,
        sessionOn: body.sessionOn,
        pain: body.pain,
        stiffness: body.stiffness,
        idempotencyKey: key,
        createdAt: input.now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted !== undefined) {
      await input.onStored?.(tx, inserted);
      return { ok: true, duplicate: false, row: inserted } as const;
    }
    // A concurrent copy of this post won (same key), or the day already has a check-in.
    const winner = await byKey();
    if (winner !== undefined) return replay(winner, body);
    const [sameDay] = await tx
      .select({ id: checkIns.id })
      .from(checkIns)
      .where(and(eq(checkIns.patientId, patientId), eq(checkIns.sessionOn, body.sessionOn)));
    if (sameDay === undefined) throw new Error('check-in vanished after a unique conflict');
    return { ok: false, reason: 'alreadyCheckedIn', id: sameDay.id } as const;
  });
}

/** The patient's check-ins for sessions from `from` to `to` (either open), oldest first. */
export async function listCheckIns(
  db: Pick<Database, 'select'>,
  input: { readonly patientId: string; readonly from?: string; readonly to?: string },
): Promise<CheckIn[]> {
  return db
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.patientId, input.patientId),
        input.from === undefined ? undefined : gte(checkIns.sessionOn, input.from),
        input.to === undefined ? undefined : lte(checkIns.sessionOn, input.to),
      ),
    )
    .orderBy(asc(checkIns.sessionOn));
}
