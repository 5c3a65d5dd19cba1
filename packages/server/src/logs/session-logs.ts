/**
 * Session logs from the patient app (issue 4 §3), the write the offline app depends on. A post
 * carries an idempotency key: a retried post finds the row the first one stored and gets the same
 * answer, however many copies arrive at once (the unique key on `(patient_id, idempotency_key)`
 * decides, not a read before the write). A log that reports a red-flag symptom, or leaves the
 * programme in stop-and-screen, raises its alert in the same transaction: acknowledged means
 * the clinician can see it.
 *
 * Who may post for the patient is the route's check, not this module's.
 */
import { and, asc, between, desc, eq, isNotNull, sql } from 'drizzle-orm';
import {
  ClinicalInputError,
  addDays,
  decideProgression,
  defaultThresholds,
  isRedFlagSymptom,
  logSymptomRules,
  parseLogs,
  redFlagSymptoms,
  type Programme,
  type ProgressionFlag,
  type SessionLog,
} from '@spinewise/clinical';
import type { Database } from '../database/client.js';
import {
  alerts,
  episodes,
  patients,
  programmes,
  programmeVersions,
  sessionLogs,
  type Alert,
  type NewAlert,
  type SessionLogRow,
} from '../database/schema.js';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Longer keys are not keys a client generated (a UUID is 36 characters). */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** True when `value` is a UUID: anything else is no row's id (and would be a PostgreSQL error). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

export interface RecordSessionLogInput {
  readonly patientId: string;
  /** The `Idempotency-Key` header, as the client sent it. */
  readonly idempotencyKey: string;
  /** The request body: one session log, validated here by the clinical core. */
  readonly log: unknown;
  /** `YYYY-MM-DD`, the server's day, for the progression rules. */
  readonly today: string;
  /**
   * Runs in the log's own transaction once a new log is stored (not for a replay), so what it
   * writes — the audit entry of the write — commits with the log or not at all.
   */
  readonly onStored?: (
    tx: Transaction,
    stored: SessionLogRow,
    alerts: readonly Alert[],
  ) => Promise<void>;
}

export type RecordSessionLogResult =
  | {
      readonly ok: true;
      readonly id: string;
      /** True when the key had been used with this body before: nothing new was stored. */
      readonly duplicate: boolean;
      readonly row: SessionLogRow;
      /** The alerts that name this log, the most severe first. */
      readonly alerts: readonly Alert[];
    }
  | { readonly ok: false; readonly reason: 'invalidIdempotencyKey' }
  | { readonly ok: false; readonly reason: 'patientNotFound' }
  | { readonly ok: false; readonly reason: 'noActiveProgramme' }
  /** The key was used before with another body; `id` is the log stored under it. */
  | { readonly ok: false; readonly reason: 'idempotencyConflict'; readonly id: string }
  /** `error.path` names the field of the posted log, e.g. `['exerciseId']`. */
  | { readonly ok: false; readonly reason: 'invalidLog'; readonly error: ClinicalInputError };

interface ActiveProgramme {
  readonly id: string;
  readonly version: number;
  readonly content: Programme;
}

/**
 * Stores one session log once per idempotency key, and raises the alerts it calls for.
 *
 * Order matters for "always the same answer": a key already used is answered from the stored
 * row before anything else is looked at, so a retry still succeeds after the programme changed.
 */
export async function recordSessionLog(
  db: Database,
  input: RecordSessionLogInput,
): Promise<RecordSessionLogResult> {
  const key = input.idempotencyKey;
  if (key.trim() === '' || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    return { ok: false, reason: 'invalidIdempotencyKey' };
  }
  if (!isUuid(input.patientId)) return { ok: false, reason: 'patientNotFound' };

  return db.transaction(async (tx) => {
    const stored = await findByKey(tx, input.patientId, key);
    if (stored !== undefined) return replay(tx, stored, input.log);

    const [patient] = await tx
      .select({ clinicId: patients.clinicId })
      .from(patients)
      .where(eq(patients.id, input.patientId));
    if (patient === undefined) return { ok: false, reason: 'patientNotFound' } as const;

    const programme = await findActiveProgramme(tx, input.patientId);
    if (programme === undefined) return { ok: false, reason: 'noActiveProgramme' } as const;

    let log: SessionLog;
    try {
      log = parseLog(input.log, programme.content);
    } catch (error) {
      if (error instanceof ClinicalInputError) {
        return { ok: false, reason: 'invalidLog', error } as const;
      }
      throw error;
    }

    // Concurrent copies of one post all get here; the unique key lets one insert and makes the
    // others wait for it to commit, then find its row.
    const [inserted] = await tx
      .insert(sessionLogs)
      .values({
        patientId: input.patientId,
        programmeId: programme.id,
        programmeVersion: programme.version,
        exerciseId: log.exerciseId,
        performedOn: log.date,
        log,
        idempotencyKey: key,
      })
      .onConflictDoNothing({ target: [sessionLogs.patientId, sessionLogs.idempotencyKey] })
      .returning();
    if (inserted === undefined) {
      const winner = await findByKey(tx, input.patientId, key);
      // Only a row deleted in between (its patient or programme deleted) gets here.
      if (winner === undefined) throw new Error('session log vanished after a key conflict');
      return replay(tx, winner, input.log);
    }

    await raiseAlerts(tx, {
      patientId: input.patientId,
      clinicId: patient.clinicId,
      programme,
      logId: inserted.id,
      log,
      today: input.today,
    });
    const raised = await alertsNaming(tx, input.patientId, inserted.id);
    await input.onStored?.(tx, inserted, raised);
    return { ok: true, id: inserted.id, duplicate: false, row: inserted, alerts: raised } as const;
  });
}

// ---------------------------------------------------------------- idempotency

async function findByKey(
  tx: Transaction,
  patientId: string,
  key: string,
): Promise<SessionLogRow | undefined> {
  const [row] = await tx
    .select()
    .from(sessionLogs)
    .where(and(eq(sessionLogs.patientId, patientId), eq(sessionLogs.idempotencyKey, key)));
  return row;
}

/** The answer to a key already used: the stored log when the body is the same, else a conflict. */
async function replay(
  tx: Transaction,
  stored: SessionLogRow,
  body: unknown,
): Promise<RecordSessionLogResult> {
  if (canonicalJson(body) !== canonicalJson(stored.log)) {
    return { ok: false, reason: 'idempotencyConflict', id: stored.id };
  }
  return {
    ok: true,
    id: stored.id,
    duplicate: true,
    row: stored,
    alerts: await alertsNaming(tx, stored.patientId, stored.id),
  };
}

/**
 * JSON with object keys sorted and `undefined` members left out, so a body compares equal to
 * the log stored from it (JSONB does not keep key order; `parseLogs` keeps every value as given).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member !== 'object' || member === null || Array.isArray(member)) return member;
    const record = member as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((name) => [name, record[name]]),
    );
  });
}

// ---------------------------------------------------------------- the programme and the log

/**
 * The programme the patient follows now: the active programme of their active episode (the
 * most recently started one, should two be open), at its latest *approved* version. A
 * clinician's edit of an active programme is a new version that waits for approval; until it is
 * approved the patient keeps the version a clinician signed off, never an unreviewed draft.
 */
export async function findActiveProgramme(
  tx: Database | Transaction,
  patientId: string,
): Promise<ActiveProgramme | undefined> {
  const [row] = await tx
    .select({
      id: programmes.id,
      version: programmeVersions.version,
      content: programmeVersions.content,
    })
    .from(programmes)
    .innerJoin(episodes, eq(episodes.id, programmes.episodeId))
    .innerJoin(
      programmeVersions,
      and(
        eq(programmeVersions.programmeId, programmes.id),
        isNotNull(programmeVersions.approvedAt),
      ),
    )
    .where(
      and(
        eq(episodes.patientId, patientId),
        eq(episodes.status, 'active'),
        eq(programmes.status, 'active'),
      ),
    )
    .orderBy(desc(episodes.startedOn), desc(programmes.createdAt), desc(programmeVersions.version))
    .limit(1);
  return row;
}

export function exerciseIdsOf(programme: Programme): Set<string> {
  return new Set(
    programme.weeks.flatMap((week) =>
      week.sessions.flatMap((session) => session.exercises.map((exercise) => exercise.id)),
    ),
  );
}

/**
 * One posted log, validated against the programme. The error path names the field of the log
 * itself (`['exerciseId']`), not of `parseLogs`' list (`['logs', 0, 'exerciseId']`): the body is
 * one log.
 */
function parseLog(body: unknown, programme: Programme): SessionLog {
  let log: SessionLog;
  try {
    [log] = parseLogs([body], { exerciseIds: exerciseIdsOf(programme) }) as [SessionLog];
  } catch (error) {
    if (error instanceof ClinicalInputError) {
      throw new ClinicalInputError(error.path.slice(2), error.detail);
    }
    throw error;
  }
  // The progression rules refuse logs before the programme's start; refuse them at the door.
  if (log.date < programme.startDate) {
    throw new ClinicalInputError(
      ['date'],
      `is before the programme starts (${programme.startDate})`,
    );
  }
  return log;
}

// ---------------------------------------------------------------- alerts

interface AlertContext {
  readonly patientId: string;
  readonly clinicId: string;
  readonly programme: ActiveProgramme;
  readonly logId: string;
  /** The new log, as validated. */
  readonly log: SessionLog;
  readonly today: string;
}

/** Any fixed namespace: one patient's alert writes wait for each other, other patients' do not. */
const ALERT_LOCK_NAMESPACE = 'spinewise.alerts:';

/**
 * Serialises one patient's alert writes until the transaction ends, so two writers checking
 * "is there an alert for this yet?" at once cannot both add one. Other patients do not wait.
 */
export async function lockPatientAlerts(tx: Transaction, patientId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${ALERT_LOCK_NAMESPACE + patientId}, 0))`,
  );
}

/** The red-flag symptoms as a SQL `text[]`, for a `?|` test on a log's symptom list. */
const redFlagSymptomArray = sql`array[${sql.join(
  redFlagSymptoms.map((symptom) => sql`${symptom}`),
  sql`, `,
)}]::text[]`;

/**
 * [S-RF] [S-CES] The new log's red-flag symptoms raise an alert at once; then the progression
 * rules run on the logs of their window, and every log a stop-and-screen decision cites gets its
 * red-flag alert if it has none yet (a log stored before this code ran, e.g. the demo's or an
 * import). One red-flag alert per log, in any state: a log the clinician has already dealt with
 * does not alert again each time a later log falls in the same window.
 *
 * Bounded work per write (issue 4 §6 asks for ≥ 2,000 durable log writes a second): the rules
 * used to run over every log of the programme on every post. Stop-and-screen looks only at the
 * last `windowDays` days (today included), and in the clinical core today every stop-and-screen
 * comes from a red-flag symptom logged in that window (`stopAndScreen.redFlagSymptom`). So:
 * - one indexed probe (`session_logs_programme_performed_idx`) asks whether any log of the
 *   window reports a red-flag symptom; when none does and the new log does not either, no rule
 *   can stop the programme and nothing more is read — the common case;
 * - otherwise the rules run on the window's logs only (a few dozen rows), which gives the same
 *   stop-and-screen decisions as all of the programme's logs would.
 * Should the core gain a stop-and-screen rule that is not a red-flag symptom, the probe must
 * learn about it too; `unexplainedStop` below keeps alerting for such a decision whenever the
 * rules do run.
 */
async function raiseAlerts(tx: Transaction, context: AlertContext): Promise<void> {
  const { programme, today } = context;
  const { content } = programme;
  /** The logs to alert for, by id. */
  const cited = new Map<string, SessionLog>();
  // `parseLog` has checked that the log names an exercise of the programme, on or after its start.
  if (redFlagsOf(context.log).length > 0) cited.set(context.logId, context.log);

  let unexplainedStop: string | null = null;
  if (today >= content.startDate) {
    const windowStart = addDays(today, -(defaultThresholds.windowDays - 1));
    const from = windowStart > content.startDate ? windowStart : content.startDate;
    const inWindow = and(
      eq(sessionLogs.programmeId, programme.id),
      between(sessionLogs.performedOn, from, today),
    );
    const needsRules =
      cited.size > 0 ||
      (
        await tx
          .select({ id: sessionLogs.id })
          .from(sessionLogs)
          .where(and(inWindow, sql`(${sessionLogs.log} -> 'symptoms') ?| ${redFlagSymptomArray}`))
          .limit(1)
      ).length > 0;
    if (needsRules) {
      const rows = await tx
        .select({ id: sessionLogs.id, log: sessionLogs.log })
        .from(sessionLogs)
        .where(inWindow)
        .orderBy(asc(sessionLogs.performedOn), asc(sessionLogs.createdAt), asc(sessionLogs.id));
      // Logs of an earlier version may name an exercise since removed, which the rules would refuse.
      const exerciseIds = exerciseIdsOf(content);
      const decidable = rows.filter((row) => exerciseIds.has(row.log.exerciseId));
      const result = decideProgression(
        content,
        decidable.map((row) => row.log),
        today,
      );
      for (const decision of result.decisions) {
        if (decision.decision !== 'stopAndScreen') continue;
        const cites = decision.logs.map((index) => decidable[index] as (typeof decidable)[0]);
        for (const row of cites) cited.set(row.id, row.log);
        const ids = cites.map((row) => row.id);
        // Today every stop-and-screen is a red-flag symptom; a future rule that is not still alerts.
        if (!ids.some((id) => hasRedFlag(decidable, id))) {
          unexplainedStop ??= decision.reason;
        }
      }
    }
  }
  if (cited.size === 0 && unexplainedStop === null) return;

  await lockPatientAlerts(tx, context.patientId);
  const existing = await tx
    .select({ type: alerts.type, source: alerts.source })
    .from(alerts)
    .where(
      and(
        eq(alerts.patientId, context.patientId),
        sql`${alerts.type} in ('redFlagSymptom', 'stopAndScreen')`,
      ),
    );
  const alerted = (type: Alert['type'], id: string) =>
    existing.some(
      (alert) => alert.type === type && (alert.source?.sessionLogIds ?? []).includes(id),
    );

  const values: NewAlert[] = [];
  const byDay = [...cited].sort(([, a], [, b]) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const [id, log] of byDay) {
    if (alerted('redFlagSymptom', id)) continue;
    const flag = redFlagAlertFlag(log);
    if (flag === null) continue;
    values.push({
      patientId: context.patientId,
      clinicId: context.clinicId,
      type: 'redFlagSymptom',
      severity: flag.severity,
      state: 'open',
      message: `${flag.message} Advice shown to the patient: ${flag.advice ?? ''}`,
      source: { sessionLogIds: [id], flag },
    });
  }
  if (unexplainedStop !== null && !alerted('stopAndScreen', context.logId)) {
    values.push({
      patientId: context.patientId,
      clinicId: context.clinicId,
      type: 'stopAndScreen',
      severity: 'urgent',
      state: 'open',
      message: unexplainedStop,
      source: { sessionLogIds: [context.logId] },
    });
  }
  if (values.length > 0) await tx.insert(alerts).values(values);
}

function redFlagsOf(log: SessionLog) {
  return redFlagSymptoms.filter((symptom) => log.symptoms?.includes(symptom) === true);
}

function hasRedFlag(rows: readonly { id: string; log: SessionLog }[], id: string): boolean {
  const row = rows.find((candidate) => candidate.id === id);
  return row !== undefined && (row.log.symptoms ?? []).some(isRedFlagSymptom);
}

/**
 * The red-flag alert of one log, as a progression flag (its `logs` index into the alert's
 * `sessionLogIds`): the most severe symptom sets the severity and the advice (`redFlagSymptoms`
 * lists the emergency one first). `null` when the log reports none.
 */
export function redFlagAlertFlag(log: SessionLog): ProgressionFlag | null {
  const symptoms = redFlagsOf(log);
  const first = symptoms[0];
  if (first === undefined) return null;
  const rules = symptoms.map((symptom) => logSymptomRules[symptom]);
  const worst = logSymptomRules[first];
  const described = rules
    .map((rule) => `${rule.label} (possible ${rule.suspected}, ${rule.severity} action)`)
    .join('; ');
  return {
    type: 'redFlagSymptom',
    severity: worst.severity,
    message:
      `Red-flag symptom reported for ${log.date} (${log.exerciseId}): ${described}. ` +
      'The programme is stopped until a clinician screens the patient.',
    logs: [0],
    advice: worst.advice,
    sources: [...new Set(rules.flatMap((rule) => rule.sources))],
  };
}

/** The alerts whose source names a log, the most severe first (the enum's order). */
async function alertsNaming(tx: Transaction, patientId: string, logId: string): Promise<Alert[]> {
  return tx
    .select()
    .from(alerts)
    .where(
      and(
        eq(alerts.patientId, patientId),
        sql`${alerts.source} @> jsonb_build_object('sessionLogIds', jsonb_build_array(${logId}::text))`,
      ),
    )
    .orderBy(asc(alerts.severity), desc(alerts.createdAt), asc(alerts.id));
}
