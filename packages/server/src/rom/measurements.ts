/**
 * Range of motion measured by the camera coach (issue 7): one number of degrees per movement
 * and moment, never a frame. Posted with an idempotency key like a session log: a retry finds
 * the row the first post stored and gets the same answer, and the unique key on
 * `(patient_id, idempotency_key)` decides, not a read before the write.
 *
 * Who may post or read for the patient is the route's check, not this module's.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { romMeasurements, type RomMeasurement, type RomMovement } from '../database/schema.js';
import { IDEMPOTENCY_KEY_MAX_LENGTH, type Transaction } from '../logs/session-logs.js';

/** The movements the coach measures, in the order the chart shows them. */
export const romMovements = [
  'trunkFlexion',
  'trunkExtension',
  'trunkSideBendLeft',
  'trunkSideBendRight',
  'neckRotationLeft',
  'neckRotationRight',
] as const satisfies readonly RomMovement[];

/** Said with every list of measurements, so no one reads them as more than they are. */
export const ROM_LIMITS =
  'These angles were estimated by the camera coach on the patient’s phone from a 2D video ' +
  'image. They are estimates, not clinical goniometry: camera position, clothing, lighting and ' +
  'posture can shift them by several degrees. Compare trends for one patient, measured the same ' +
  'way, rather than single values or values between patients.';

/** At most this many measurements in one answer, the newest (several a day for a year fit). */
export const ROM_LIST_MAX = 2_000;

/**
 * How far ahead of the server's clock `measuredAt` may be: a phone's clock can run a little
 * fast. Anything later is refused as in the future.
 */
export const MEASURED_AT_SKEW_MS = 5 * 60_000;

export interface RomBody {
  readonly movement: RomMovement;
  /** 0–180. */
  readonly degrees: number;
  /** ISO date-time. */
  readonly measuredAt: string;
}

export interface RecordRomInput {
  readonly patientId: string;
  readonly idempotencyKey: string;
  readonly body: RomBody;
  readonly now: Date;
  /** Runs in the measurement's own transaction once a new one is stored (its audit entry). */
  readonly onStored?: (tx: Transaction, stored: RomMeasurement) => Promise<void>;
}

export type RecordRomResult =
  | { readonly ok: true; readonly duplicate: boolean; readonly row: RomMeasurement }
  | { readonly ok: false; readonly reason: 'invalidIdempotencyKey' }
  | { readonly ok: false; readonly reason: 'future' }
  /** The key was used before with another body. */
  | { readonly ok: false; readonly reason: 'idempotencyConflict'; readonly id: string };

function sameBody(row: RomMeasurement, body: RomBody): boolean {
  return (
    row.movement === body.movement &&
    row.degrees === body.degrees &&
    row.measuredAt.getTime() === Date.parse(body.measuredAt)
  );
}

function replay(row: RomMeasurement, body: RomBody): RecordRomResult {
  return sameBody(row, body)
    ? { ok: true, duplicate: true, row }
    : { ok: false, reason: 'idempotencyConflict', id: row.id };
}

/**
 * Stores one measurement once per idempotency key. A key already used is answered from its row
 * before anything else is checked, so a retry keeps its first answer.
 */
export async function recordRomMeasurement(
  db: Database,
  input: RecordRomInput,
): Promise<RecordRomResult> {
  const key = input.idempotencyKey;
  if (key.trim() === '' || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    return { ok: false, reason: 'invalidIdempotencyKey' };
  }
  const { patientId, body } = input;
  return db.transaction(async (tx) => {
    const byKey = async () => {
      const [row] = await tx
        .select()
        .from(romMeasurements)
        .where(
          and(eq(romMeasurements.patientId, patientId), eq(romMeasurements.idempotencyKey, key)),
        );
      return row;
    };
    const stored = await byKey();
    if (stored !== undefined) return replay(stored, body);
    const measuredAt = new Date(body.measuredAt);
    if (measuredAt.getTime() > input.now.getTime() + MEASURED_AT_SKEW_MS) {
      return { ok: false, reason: 'future' } as const;
    }
    const [inserted] = await tx
      .insert(romMeasurements)
      .values({
        patientId,
        movement: body.movement,
        degrees: body.degrees,
        measuredAt,
        idempotencyKey: key,
        createdAt: input.now,
      })
      .onConflictDoNothing({ target: [romMeasurements.patientId, romMeasurements.idempotencyKey] })
      .returning();
    if (inserted !== undefined) {
      await input.onStored?.(tx, inserted);
      return { ok: true, duplicate: false, row: inserted } as const;
    }
    // A concurrent copy of this post (same key) won: answer as a retry.
    const winner = await byKey();
    if (winner === undefined) throw new Error('range-of-motion row vanished after a key conflict');
    return replay(winner, body);
  });
}

/** The patient's measurements, oldest first: the newest `ROM_LIST_MAX`, and whether more exist. */
export async function listRomMeasurements(
  db: Pick<Database, 'select'>,
  patientId: string,
): Promise<{ rows: RomMeasurement[]; truncated: boolean }> {
  const rows = await db
    .select()
    .from(romMeasurements)
    .where(eq(romMeasurements.patientId, patientId))
    .orderBy(desc(romMeasurements.measuredAt), desc(romMeasurements.createdAt))
    .limit(ROM_LIST_MAX + 1);
  return { rows: rows.slice(0, ROM_LIST_MAX).reverse(), truncated: rows.length > ROM_LIST_MAX };
}
