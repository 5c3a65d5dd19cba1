/**
 * The reminder scheduler (issue 6 §7, decision 010): once a minute, every patient whose reminder
 * is due (`decideReminder`) gets ONE web push on each of their devices. The day's
 * `reminder_deliveries` row is inserted before anything is sent and its primary key is the
 * patient and day, so two server processes (or a slow tick overlapping the next) never send
 * twice: the one whose insert lands sends, the other finds the row and moves on.
 *
 * Started by `startServer` and stopped by its `close`; the clock and the sender are injected.
 */
import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import {
  patients,
  pushSubscriptions,
  reminderDeliveries,
  sessionLogs,
  users,
} from '../database/schema.js';
import { REMINDER_PAYLOAD, type PushSender } from './push.js';
import { decideReminder, isTimeZone } from './schedule.js';

export interface ReminderRun {
  /** Patients a reminder went to (at least one device took it). */
  readonly sent: number;
  /** Subscriptions deleted because the push service said they are gone. */
  readonly removedSubscriptions: number;
  /** Patients whose every device failed for a passing reason: tried again next minute. */
  readonly retry: number;
}

const pairKey = (patientId: string, day: string) => `${patientId} ${day}`;

/** One pass over the patients with reminders, at the instant `at`. */
export async function sendDueReminders(
  db: Database,
  sender: PushSender,
  at: Date,
): Promise<ReminderRun> {
  // Only patients who chose a time and zone, can sign in, and have a device to reach.
  const candidates = await db
    .select({
      id: patients.id,
      times: patients.reminderTimes,
      timeZone: patients.timeZone,
    })
    .from(patients)
    // A log-in the clinic turned off gets no reminders either.
    .innerJoin(users, and(eq(users.id, patients.userId), isNull(users.disabledAt)))
    .where(
      and(
        ne(patients.reminderTimes, sql`'[]'::jsonb`),
        isNotNull(patients.timeZone),
        sql`exists (select 1 from ${pushSubscriptions} where ${pushSubscriptions.patientId} = ${patients.id})`,
      ),
    );
  const valid = candidates.flatMap((row) =>
    row.timeZone !== null && isTimeZone(row.timeZone)
      ? [{ id: row.id, times: row.times, timeZone: row.timeZone }]
      : [],
  );
  // First without what happened today: only those whose time has come need those look-ups.
  const timely = valid.flatMap((patient) => {
    const decision = decideReminder({ ...patient, now: at, loggedToday: false, sentToday: false });
    return decision.due ? [{ ...patient, day: decision.day }] : [];
  });
  if (timely.length === 0) return { sent: 0, removedSubscriptions: 0, retry: 0 };

  const ids = timely.map((patient) => patient.id);
  const days = [...new Set(timely.map((patient) => patient.day))];
  const [logged, delivered] = await Promise.all([
    db
      .selectDistinct({ patientId: sessionLogs.patientId, day: sessionLogs.performedOn })
      .from(sessionLogs)
      .where(and(inArray(sessionLogs.patientId, ids), inArray(sessionLogs.performedOn, days))),
    db
      .select({ patientId: reminderDeliveries.patientId, day: reminderDeliveries.day })
      .from(reminderDeliveries)
      .where(
        and(inArray(reminderDeliveries.patientId, ids), inArray(reminderDeliveries.day, days)),
      ),
  ]);
  const loggedDays = new Set(logged.map((row) => pairKey(row.patientId, row.day)));
  const sentDays = new Set(delivered.map((row) => pairKey(row.patientId, row.day)));

  let sent = 0;
  let removedSubscriptions = 0;
  let retry = 0;
  for (const patient of timely) {
    const decision = decideReminder({
      ...patient,
      now: at,
      loggedToday: loggedDays.has(pairKey(patient.id, patient.day)),
      sentToday: sentDays.has(pairKey(patient.id, patient.day)),
    });
    if (!decision.due) continue;
    // The claim: whoever inserts the day's row sends; anyone else has lost the race.
    const claimed = await db
      .insert(reminderDeliveries)
      .values({ patientId: patient.id, day: decision.day, sentAt: at })
      .onConflictDoNothing()
      .returning({ patientId: reminderDeliveries.patientId });
    if (claimed.length === 0) continue;

    const devices = await db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.patientId, patient.id));
    let delivered = false;
    let passingFailure = false;
    for (const device of devices) {
      const result = await sender.send(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        REMINDER_PAYLOAD,
      );
      if (result.ok) {
        delivered = true;
      } else if (result.gone) {
        await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
        removedSubscriptions += 1;
      } else {
        passingFailure = true;
      }
    }
    if (delivered) {
      sent += 1;
    } else if (passingFailure) {
      // Nothing reached the patient and the push service may recover: give the day back, so
      // the next minute tries again (still within the catch-up window, still only once).
      await db
        .delete(reminderDeliveries)
        .where(
          and(
            eq(reminderDeliveries.patientId, patient.id),
            eq(reminderDeliveries.day, decision.day),
          ),
        );
      retry += 1;
    }
  }
  return { sent, removedSubscriptions, retry };
}

export interface ReminderSchedulerOptions {
  readonly db: Database;
  readonly sender: PushSender;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Between passes; a minute by default. */
  readonly intervalMs?: number;
  /** Where a failed pass is reported (it never stops the scheduler). */
  readonly onError?: (error: unknown) => void;
}

export interface ReminderScheduler {
  /** Runs one pass now (after any pass under way); what it did. */
  runNow(): Promise<ReminderRun>;
  /** No further passes; resolves once a pass under way has finished. */
  stop(): Promise<void>;
}

export const REMINDER_INTERVAL_MS = 60_000;

export function startReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? (() => undefined);
  let stopped = false;
  // Passes never overlap: each waits for the one before.
  let current: Promise<unknown> = Promise.resolve();

  const run = (): Promise<ReminderRun> => {
    const next = current.then(() => sendDueReminders(options.db, options.sender, now()));
    current = next.catch(() => undefined);
    return next;
  };

  const timer = setInterval(() => {
    if (stopped) return;
    run().catch(onError);
  }, options.intervalMs ?? REMINDER_INTERVAL_MS);
  // The scheduler alone never keeps the process alive.
  timer.unref();

  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
