import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import {
  patients,
  pushSubscriptions,
  reminderDeliveries,
  sessionLogs,
  users,
} from '../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import { TODAY, insertPatientWithProgramme } from '../logs/programme.fixture.js';
import { REMINDER_PAYLOAD, type PushResult, type PushSender, type PushTarget } from './push.js';
import { sendDueReminders, startReminderScheduler } from './scheduler.js';

let database: TestDatabase;
let client: DatabaseClient;

/** 08:05 in London (GMT in November): an 08:00 reminder is due. */
const AT = new Date(`${TODAY}T08:05:00.000Z`);

/** A sender that records what it was asked to send and answers as told, per endpoint. */
function fakeSender(answer: (endpoint: string) => PushResult = () => ({ ok: true })) {
  const sent: { target: PushTarget; payload: string }[] = [];
  const sender: PushSender = {
    send(target, payload) {
      sent.push({ target, payload });
      return Promise.resolve(answer(target.endpoint));
    },
  };
  return { sender, sent };
}

interface Subject {
  readonly patientId: string;
  readonly programmeId: string;
  readonly exerciseId: string;
  readonly endpoint: string;
}

/** A patient who can sign in, with an 08:00 London reminder and one device. */
async function patientWithReminder(
  times: readonly string[] = ['08:00'],
  timeZone = 'Europe/London',
): Promise<Subject> {
  const fixture = await insertPatientWithProgramme(client.db, { clinicName: randomUUID() });
  const [user] = await client.db
    .insert(users)
    .values({ clinicId: fixture.clinicId, role: 'patient', displayName: 'Alex Morgan' })
    .returning();
  await client.db
    .update(patients)
    .set({ userId: user?.id ?? null, reminderTimes: times, timeZone })
    .where(eq(patients.id, fixture.patientId));
  const endpoint = `https://push.example.test/${randomUUID()}`;
  await client.db.insert(pushSubscriptions).values({
    patientId: fixture.patientId,
    endpoint,
    p256dh: 'p256dh-key',
    auth: 'auth-secret',
  });
  return {
    patientId: fixture.patientId,
    programmeId: fixture.programmeId,
    exerciseId: fixture.exerciseId,
    endpoint,
  };
}

async function deliveries(patientId: string) {
  return client.db
    .select()
    .from(reminderDeliveries)
    .where(eq(reminderDeliveries.patientId, patientId));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
}, 60_000);

afterAll(async () => {
  await client.close();
  await database.drop();
}, 60_000);

beforeEach(async () => {
  // Each test's patients only: earlier tests' reminders must not be counted again.
  await client.db.update(patients).set({ reminderTimes: [] });
});

describe('sendDueReminders', () => {
  it('sends one generic reminder per device once the time has come, and never twice that day', async () => {
    const subject = await patientWithReminder();
    const { sender, sent } = fakeSender();

    const early = await sendDueReminders(client.db, sender, new Date(`${TODAY}T07:59:00.000Z`));
    expect(early.sent).toBe(0);
    expect(sent).toHaveLength(0);

    const run = await sendDueReminders(client.db, sender, AT);
    expect(run).toEqual({ sent: 1, removedSubscriptions: 0, retry: 0 });
    expect(sent).toEqual([
      {
        target: { endpoint: subject.endpoint, keys: { p256dh: 'p256dh-key', auth: 'auth-secret' } },
        payload: REMINDER_PAYLOAD,
      },
    ]);
    // Nothing about the patient or their health in what passes through the push service.
    expect(JSON.parse(REMINDER_PAYLOAD)).toEqual({
      title: 'Spinewise',
      body: 'Time for your exercises',
      url: '/app',
      tag: 'spinewise-reminder',
    });
    expect(await deliveries(subject.patientId)).toEqual([
      expect.objectContaining({ day: TODAY, sentAt: AT }),
    ]);

    const later = await sendDueReminders(client.db, sender, new Date(`${TODAY}T09:00:00.000Z`));
    expect(later.sent).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('sends only once when two servers run at the same minute', async () => {
    const subject = await patientWithReminder();
    const { sender, sent } = fakeSender();
    const runs = await Promise.all([
      sendDueReminders(client.db, sender, AT),
      sendDueReminders(client.db, sender, AT),
      sendDueReminders(client.db, sender, AT),
    ]);
    expect(runs.reduce((total, run) => total + run.sent, 0)).toBe(1);
    expect(sent.filter((entry) => entry.target.endpoint === subject.endpoint)).toHaveLength(1);
    expect(await deliveries(subject.patientId)).toHaveLength(1);
  });

  it('sends nothing once something is logged for the patient’s day', async () => {
    const subject = await patientWithReminder();
    await client.db.insert(sessionLogs).values({
      patientId: subject.patientId,
      programmeId: subject.programmeId,
      programmeVersion: 1,
      exerciseId: subject.exerciseId,
      performedOn: TODAY,
      log: { date: TODAY, exerciseId: subject.exerciseId, setsDone: 1 },
      idempotencyKey: randomUUID(),
    });
    const { sender, sent } = fakeSender();
    expect((await sendDueReminders(client.db, sender, AT)).sent).toBe(0);
    expect(sent).toHaveLength(0);
    expect(await deliveries(subject.patientId)).toHaveLength(0);
  });

  it('goes by the patient’s own zone and day', async () => {
    // 08:05 UTC is 03:05 in New York: not yet; 13:05 UTC is 08:05 there.
    const subject = await patientWithReminder(['08:00'], 'America/New_York');
    const { sender, sent } = fakeSender();
    expect((await sendDueReminders(client.db, sender, AT)).sent).toBe(0);
    expect((await sendDueReminders(client.db, sender, new Date(`${TODAY}T13:05:00Z`))).sent).toBe(
      1,
    );
    expect(sent).toHaveLength(1);
    expect((await deliveries(subject.patientId))[0]?.day).toBe(TODAY);
  });

  it('forgets devices the push service says are gone', async () => {
    const subject = await patientWithReminder();
    const { sender } = fakeSender(() => ({ ok: false, gone: true }));
    const run = await sendDueReminders(client.db, sender, AT);
    expect(run).toEqual({ sent: 0, removedSubscriptions: 1, retry: 0 });
    expect(
      await client.db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.patientId, subject.patientId)),
    ).toHaveLength(0);
  });

  it('tries again next minute when the push service failed for a passing reason', async () => {
    const subject = await patientWithReminder();
    let down = true;
    const { sender, sent } = fakeSender(() => (down ? { ok: false, gone: false } : { ok: true }));
    expect(await sendDueReminders(client.db, sender, AT)).toEqual({
      sent: 0,
      removedSubscriptions: 0,
      retry: 1,
    });
    expect(await deliveries(subject.patientId)).toHaveLength(0);
    down = false;
    const next = await sendDueReminders(client.db, sender, new Date(AT.getTime() + 60_000));
    expect(next.sent).toBe(1);
    expect(sent).toHaveLength(2);
    expect(await deliveries(subject.patientId)).toHaveLength(1);
  });

  it('skips a patient whose log-in the clinic turned off', async () => {
    const subject = await patientWithReminder();
    const [row] = await client.db
      .select({ userId: patients.userId })
      .from(patients)
      .where(eq(patients.id, subject.patientId));
    await client.db
      .update(users)
      .set({ disabledAt: AT })
      .where(eq(users.id, row?.userId ?? ''));
    const { sender, sent } = fakeSender();
    expect((await sendDueReminders(client.db, sender, AT)).sent).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it('skips patients without a device or a log-in', async () => {
    const subject = await patientWithReminder();
    await client.db
      .delete(pushSubscriptions)
      .where(eq(pushSubscriptions.patientId, subject.patientId));
    const { sender, sent } = fakeSender();
    expect((await sendDueReminders(client.db, sender, AT)).sent).toBe(0);
    expect(sent).toHaveLength(0);
  });
});

describe('startReminderScheduler', () => {
  it('runs passes with the injected clock and sender, and stops', async () => {
    const subject = await patientWithReminder();
    const { sender, sent } = fakeSender();
    const scheduler = startReminderScheduler({
      db: client.db,
      sender,
      now: () => AT,
      intervalMs: 3_600_000,
    });
    try {
      const [first, second] = await Promise.all([scheduler.runNow(), scheduler.runNow()]);
      // Passes never overlap: the second sees the first's delivery.
      expect([first.sent, second.sent]).toEqual([1, 0]);
      expect(sent.map((entry) => entry.target.endpoint)).toEqual([subject.endpoint]);
    } finally {
      await scheduler.stop();
    }
  });
});
