import { ClinicalInputError, logSymptomRules } from '@spinewise/clinical';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { alerts, programmes, programmeVersions, sessionLogs } from '../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import {
  insertPatientWithProgramme,
  TODAY,
  type PatientWithProgramme,
} from './programme.fixture.js';
import { canonicalJson, recordSessionLog } from './session-logs.js';

let database: TestDatabase;
let client: DatabaseClient;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
}, 60_000);

afterAll(async () => {
  await client.close();
  await database.drop();
}, 60_000);

function logOf(setup: PatientWithProgramme, overrides: Record<string, unknown> = {}) {
  return {
    date: '2026-11-09',
    exerciseId: setup.exerciseId,
    setsDone: 2,
    painBefore: 3,
    painDuring: 3,
    painAfter: 2,
    rpe: 4,
    ...overrides,
  };
}

async function logRows(patientId: string) {
  return client.db.select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId));
}

async function alertRows(patientId: string) {
  return client.db.select().from(alerts).where(eq(alerts.patientId, patientId));
}

describe('recordSessionLog', () => {
  it('stores a valid log against the active programme, once per idempotency key', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    const input = {
      patientId: setup.patientId,
      idempotencyKey: 'b5f4c1e2-first',
      log: logOf(setup),
      today: TODAY,
    };
    const first = await recordSessionLog(client.db, input);
    expect(first).toMatchObject({ ok: true, duplicate: false, alerts: [] });
    if (!first.ok) throw new Error('not stored');
    expect(first.row).toMatchObject({
      programmeId: setup.programmeId,
      programmeVersion: 1,
      exerciseId: setup.exerciseId,
      performedOn: '2026-11-09',
    });

    // The body comes back from JSON with its keys in another order: still the same post.
    const reordered = Object.fromEntries(Object.entries(logOf(setup)).reverse());
    const again = await recordSessionLog(client.db, { ...input, log: reordered });
    expect(again).toMatchObject({ ok: true, duplicate: true, id: first.id });
    expect(await logRows(setup.patientId)).toHaveLength(1);
  });

  it('stores 20 concurrent copies of one post once, and answers each with the same id', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    const input = {
      patientId: setup.patientId,
      idempotencyKey: 'offline-retry-storm',
      log: logOf(setup),
      today: TODAY,
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => recordSessionLog(client.db, input)),
    );
    const ids = answers.map((answer) => (answer.ok ? answer.id : answer.reason));
    expect(new Set(ids).size).toBe(1);
    expect(answers.filter((answer) => answer.ok && !answer.duplicate)).toHaveLength(1);
    const rows = await logRows(setup.patientId);
    expect(rows.map((row) => row.id)).toEqual([ids[0]]);
  }, 30_000);

  it('refuses a key reused with a different body, naming the stored log', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    const input = {
      patientId: setup.patientId,
      idempotencyKey: 'reused',
      log: logOf(setup),
      today: TODAY,
    };
    const first = await recordSessionLog(client.db, input);
    if (!first.ok) throw new Error('not stored');
    const conflict = await recordSessionLog(client.db, {
      ...input,
      log: logOf(setup, { painDuring: 6 }),
    });
    expect(conflict).toEqual({ ok: false, reason: 'idempotencyConflict', id: first.id });
    expect(await logRows(setup.patientId)).toHaveLength(1);
  });

  it('raises an open emergency alert at once for bladder, bowel or saddle symptoms, and only once', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    const input = {
      patientId: setup.patientId,
      idempotencyKey: 'ces-report',
      log: logOf(setup, { symptoms: ['bladderBowelSaddle', 'nightPain'] }),
      today: TODAY,
    };
    const first = await recordSessionLog(client.db, input);
    if (!first.ok) throw new Error('not stored');
    expect(first.alerts).toHaveLength(1);
    const [alert] = first.alerts;
    expect(alert).toMatchObject({
      patientId: setup.patientId,
      clinicId: setup.clinicId,
      type: 'redFlagSymptom',
      severity: 'emergency',
      state: 'open',
      source: { sessionLogIds: [first.id] },
    });
    expect(alert?.message).toContain(logSymptomRules.bladderBowelSaddle.advice);
    expect(alert?.source?.flag?.advice).toBe(logSymptomRules.bladderBowelSaddle.advice);

    const retry = await recordSessionLog(client.db, input);
    expect(retry).toMatchObject({ ok: true, duplicate: true, id: first.id });
    expect(retry.ok && retry.alerts.map((a) => a.id)).toEqual([alert?.id]);
    // A later, symptom-free log in the same window stops the programme again but adds no alert.
    const later = await recordSessionLog(client.db, {
      ...input,
      idempotencyKey: 'next-day',
      log: logOf(setup, { date: '2026-11-10' }),
    });
    expect(later).toMatchObject({ ok: true, duplicate: false, alerts: [] });
    expect(await alertRows(setup.patientId)).toHaveLength(1);
  });

  it('raises an urgent alert for night pain', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    const answer = await recordSessionLog(client.db, {
      patientId: setup.patientId,
      idempotencyKey: 'night',
      log: logOf(setup, { symptoms: ['nightPain'] }),
      today: TODAY,
    });
    expect(answer.ok && answer.alerts.map((alert) => alert.severity)).toEqual(['urgent']);
  });

  it('alerts for a stored red-flag log that stop-and-screen cites but no alert names yet', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    // As the demo seed or an import would store it: a log with a red flag and no alert.
    const [old] = await client.db
      .insert(sessionLogs)
      .values({
        patientId: setup.patientId,
        programmeId: setup.programmeId,
        programmeVersion: 1,
        exerciseId: setup.exerciseId,
        performedOn: '2026-11-08',
        log: logOf(setup, { date: '2026-11-08', symptoms: ['feverUnwell'] }) as never,
        idempotencyKey: 'imported',
      })
      .returning();
    const answer = await recordSessionLog(client.db, {
      patientId: setup.patientId,
      idempotencyKey: 'plain',
      log: logOf(setup),
      today: TODAY,
    });
    expect(answer).toMatchObject({ ok: true, alerts: [] });
    const raised = await alertRows(setup.patientId);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      type: 'redFlagSymptom',
      severity: 'urgent',
      source: { sessionLogIds: [old?.id] },
    });
  });

  it('leaves a red-flag log alone once it is outside the rules’ window (only the window is read)', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    // Eight days before today: the 7-day window of the rules (today included) starts after it.
    await client.db.insert(sessionLogs).values({
      patientId: setup.patientId,
      programmeId: setup.programmeId,
      programmeVersion: 1,
      exerciseId: setup.exerciseId,
      performedOn: '2026-11-02',
      log: logOf(setup, { date: '2026-11-02', symptoms: ['feverUnwell'] }) as never,
      idempotencyKey: 'old-import',
    });
    const plain = await recordSessionLog(client.db, {
      patientId: setup.patientId,
      idempotencyKey: 'plain-today',
      log: logOf(setup, { date: TODAY }),
      today: TODAY,
    });
    expect(plain).toMatchObject({ ok: true, alerts: [] });
    expect(await alertRows(setup.patientId)).toHaveLength(0);
    // The same symptom logged today alerts at once.
    const fresh = await recordSessionLog(client.db, {
      patientId: setup.patientId,
      idempotencyKey: 'fever-today',
      log: logOf(setup, { date: TODAY, symptoms: ['feverUnwell'] }),
      today: TODAY,
    });
    expect(fresh.ok && fresh.alerts.map((alert) => alert.type)).toEqual(['redFlagSymptom']);
  });

  it('logs against the approved version while an edit of the programme waits for approval', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    await client.db.insert(programmeVersions).values({
      programmeId: setup.programmeId,
      version: 2,
      status: 'edited',
      content: { ...setup.programme, weeks: setup.programme.weeks.slice(0, 1) },
    });
    await client.db
      .update(programmes)
      .set({ currentVersion: 2 })
      .where(eq(programmes.id, setup.programmeId));
    const answer = await recordSessionLog(client.db, {
      patientId: setup.patientId,
      idempotencyKey: 'during-edit',
      log: logOf(setup),
      today: TODAY,
    });
    expect(answer.ok && answer.row.programmeVersion).toBe(1);
  });

  it('refuses an exercise not in the programme with the clinical core’s error naming the field', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    const answer = await recordSessionLog(client.db, {
      patientId: setup.patientId,
      idempotencyKey: 'wrong-exercise',
      log: logOf(setup, { exerciseId: 'not-an-exercise' }),
      today: TODAY,
    });
    if (answer.ok || answer.reason !== 'invalidLog') throw new Error('expected invalidLog');
    expect(answer.error).toBeInstanceOf(ClinicalInputError);
    expect(answer.error.path).toEqual(['exerciseId']);
    expect(answer.error.message).toMatch(/^exerciseId: is not an exercise of the programme/u);
    expect(await logRows(setup.patientId)).toHaveLength(0);
  });

  it('refuses bad fields and a date before the programme starts', async () => {
    const setup = await insertPatientWithProgramme(client.db);
    const attempt = (log: unknown) =>
      recordSessionLog(client.db, {
        patientId: setup.patientId,
        idempotencyKey: `bad-${canonicalJson(log)}`,
        log,
        today: TODAY,
      });
    const pathOf = async (log: unknown) => {
      const answer = await attempt(log);
      return !answer.ok && answer.reason === 'invalidLog' ? answer.error.path : answer;
    };
    expect(await pathOf(logOf(setup, { painDuring: 11 }))).toEqual(['painDuring']);
    expect(await pathOf(logOf(setup, { date: '2026-10-30' }))).toEqual(['date']);
    expect(await pathOf(logOf(setup, { symptoms: ['dizzy'] }))).toEqual(['symptoms', 0]);
    expect(await pathOf('a string')).toEqual([]);
  });

  it('answers a patient without an active programme, an unknown patient and a bad key as values', async () => {
    const setup = await insertPatientWithProgramme(client.db, { withProgramme: false });
    const input = {
      patientId: setup.patientId,
      idempotencyKey: 'k',
      log: logOf(setup),
      today: TODAY,
    };
    expect(await recordSessionLog(client.db, input)).toEqual({
      ok: false,
      reason: 'noActiveProgramme',
    });
    expect(
      await recordSessionLog(client.db, {
        ...input,
        patientId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toEqual({ ok: false, reason: 'patientNotFound' });
    expect(await recordSessionLog(client.db, { ...input, patientId: 'nope' })).toEqual({
      ok: false,
      reason: 'patientNotFound',
    });
    expect(await recordSessionLog(client.db, { ...input, idempotencyKey: ' ' })).toEqual({
      ok: false,
      reason: 'invalidIdempotencyKey',
    });
  });
});
