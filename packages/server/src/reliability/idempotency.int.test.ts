// Idempotency over real HTTP (issue 4 §5): copies of one session log posted at the same time
// with one Idempotency-Key, as a phone retrying on a bad connection sends them, store one log;
// every copy gets the same answer, and a different log under a used key is refused.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { auditLog, sessionLogs } from '../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import { registerApi } from '../http/api.js';
import { buildApp, type App } from '../http/app.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { insertLoggingPatient, postLog, type LoggingPatient } from './logging-patient.fixture.js';

const COPIES = 50;

const clock = new Date('2026-11-10T09:00:00.000Z');

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let baseUrl: string;
let patient: LoggingPatient;

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

async function answer(response: Promise<Response>): Promise<Answer> {
  const received = await response;
  return {
    status: received.status,
    contentType: received.headers.get('content-type') ?? '',
    body: await received.text(),
  };
}

async function rowsWithKey(key: string) {
  return client.db
    .select()
    .from(sessionLogs)
    .where(and(eq(sessionLogs.patientId, patient.patientId), eq(sessionLogs.idempotencyKey, key)));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  patient = await insertLoggingPatient(client.db, { now: clock, clinicName: 'Harbour Clinic' });
  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerApi(app, { db: client.db, now: () => clock });
  // A listening server: the copies race through real sockets and the pool, not inject.
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('POST /api/me/logs with one Idempotency-Key', () => {
  it(`stores ${COPIES} concurrent copies once: one 201, the rest 200 with the same log`, async () => {
    const key = randomUUID();
    const body = patient.log('fifty copies');
    const answers = await Promise.all(
      Array.from({ length: COPIES }, () => answer(postLog(baseUrl, patient, key, body))),
    );

    expect(answers.map((each) => each.status).sort()).toEqual([
      ...Array<number>(COPIES - 1).fill(200),
      201,
    ]);
    const created = answers.find((each) => each.status === 201);
    const stored = JSON.parse(created?.body ?? '{}') as { id: string; log: object };
    expect(stored.log).toEqual(body);
    // Every copy is answered with the stored log, byte for byte.
    for (const each of answers) expect(each.body).toBe(created?.body);

    const rows = await rowsWithKey(key);
    expect(rows.map((row) => row.id)).toEqual([stored.id]);
    expect(rows[0]?.log).toEqual(body);

    // One creation in the audit log; every replay is recorded as a read of that log.
    const audits = await client.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'sessionLog'), eq(auditLog.resourceId, stored.id)));
    expect(audits.filter((audit) => audit.action === 'create')).toHaveLength(1);
    expect(audits.filter((audit) => audit.action === 'read')).toHaveLength(COPIES - 1);

    // The key, later, with a different log: refused, and the stored log is unchanged.
    const changed = await answer(
      postLog(baseUrl, patient, key, { ...body, setsDone: 3, note: 'another log' }),
    );
    expect(changed.status).toBe(409);
    expect(changed.contentType).toContain(PROBLEM_CONTENT_TYPE);
    expect(await rowsWithKey(key)).toEqual(rows);
  });

  it('lets exactly one of two different logs racing under one key in; the other gets 409', async () => {
    const key = randomUUID();
    const first = patient.log('first of two');
    const second = patient.log('second of two');
    const posted = Array.from({ length: COPIES }, (_, index) => (index % 2 === 0 ? first : second));
    const answers = await Promise.all(
      posted.map((body) => answer(postLog(baseUrl, patient, key, body))),
    );

    const rows = await rowsWithKey(key);
    expect(rows).toHaveLength(1);
    // The log stored is one of the two, whole; its copies share its answer.
    const winner = rows[0]?.log.note;
    expect([first.note, second.note]).toContain(winner);
    answers.forEach((each, index) => {
      if (posted[index]?.note === winner) {
        expect([200, 201]).toContain(each.status);
        expect((JSON.parse(each.body) as { id: string }).id).toBe(rows[0]?.id);
      } else {
        expect(each.status).toBe(409);
        expect(each.contentType).toContain(PROBLEM_CONTENT_TYPE);
      }
    });
    expect(answers.filter((each) => each.status === 201)).toHaveLength(1);
  });
});
