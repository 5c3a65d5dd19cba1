// No lost writes (issue 4 §5): the server process is killed (SIGKILL: no shutdown, no flushing)
// while patients' phones post session logs concurrently. Every log the server acknowledged must
// be in the database exactly once, and the phones' retries with the same Idempotency-Keys,
// after a restart on the same database, must complete the set without storing anything twice.
//
// The server runs as `spinewise serve` (the built CLI) on a PostgreSQL that outlives it.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { sessionLogs } from '../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import { insertLoggingPatient, postLog, type LoggingPatient } from './logging-patient.fixture.js';
import { killServerProcesses, startServerProcess } from './server-process.fixture.js';

const PATIENTS = 4;
const LOGS = 400;
/** Posts in flight at once. */
const CONCURRENCY = 32;
/** The server is killed when this many posts have been acknowledged. */
const KILL_AFTER_ACKNOWLEDGED = 120;

let database: TestDatabase;
let client: DatabaseClient;
let patients: LoggingPatient[];

interface Post {
  readonly patient: LoggingPatient;
  readonly key: string;
  readonly body: Record<string, unknown>;
}

type Outcome =
  | { readonly kind: 'acknowledged'; readonly status: number; readonly id: string }
  /** No complete answer: the connection was refused or cut. */
  | { readonly kind: 'failed'; readonly error: string }
  /** An answer other than 2xx: never expected here. */
  | { readonly kind: 'refused'; readonly status: number; readonly body: string };

async function send(url: string, post: Post): Promise<Outcome> {
  let status: number;
  let text: string;
  try {
    const response = await postLog(url, post.patient, post.key, post.body);
    status = response.status;
    text = await response.text();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return { kind: 'failed', error: String(cause) };
  }
  if (status < 200 || status > 299) return { kind: 'refused', status, body: text };
  return { kind: 'acknowledged', status, id: (JSON.parse(text) as { id: string }).id };
}

/**
 * Sends the posts `concurrency` at a time, in order, until `stop()` says no more: the posts
 * never started are `undefined` in the result.
 */
async function sendAll(
  url: string,
  posts: readonly Post[],
  options: { concurrency: number; onOutcome?: (outcome: Outcome) => void; stop?: () => boolean },
): Promise<(Outcome | undefined)[]> {
  const outcomes: (Outcome | undefined)[] = posts.map(() => undefined);
  let next = 0;
  const worker = async () => {
    while (next < posts.length && options.stop?.() !== true) {
      const index = next;
      next += 1;
      const outcome = await send(url, posts[index] as Post);
      outcomes[index] = outcome;
      options.onOutcome?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return outcomes;
}

/** The stored logs of the test's patients, by idempotency key. */
async function storedByKey(): Promise<Map<string, { id: string; note: unknown }[]>> {
  const rows = await client.db
    .select({ id: sessionLogs.id, key: sessionLogs.idempotencyKey, log: sessionLogs.log })
    .from(sessionLogs)
    .where(
      inArray(
        sessionLogs.patientId,
        patients.map((patient) => patient.patientId),
      ),
    );
  const byKey = new Map<string, { id: string; note: unknown }[]>();
  for (const row of rows) {
    byKey.set(row.key, [...(byKey.get(row.key) ?? []), { id: row.id, note: row.log.note }]);
  }
  return byKey;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  // The child server's clock is the real one.
  const now = new Date();
  patients = [];
  for (let index = 0; index < PATIENTS; index += 1) {
    patients.push(await insertLoggingPatient(client.db, { now, clinicName: `Clinic ${index}` }));
  }
}, 60_000);

afterAll(async () => {
  // Even when the test failed half-way: no server process outlives it.
  await killServerProcesses();
  await client.close();
  await database.drop();
}, 60_000);

describe('session logs when the server is killed', () => {
  it('keeps every acknowledged log exactly once, and retries after a restart store the rest once', async () => {
    const posts: Post[] = Array.from({ length: LOGS }, (_, index) => {
      const patient = patients[index % PATIENTS] as LoggingPatient;
      return { patient, key: randomUUID(), body: patient.log(`log ${index}`) };
    });

    // 1. Post concurrently; kill the server with SIGKILL once enough posts were acknowledged.
    const server = await startServerProcess(database.url);
    let acknowledged = 0;
    let killed = false;
    const outcomes = await sendAll(server.url, posts, {
      concurrency: CONCURRENCY,
      stop: () => killed,
      onOutcome: (outcome) => {
        if (outcome.kind !== 'acknowledged') return;
        acknowledged += 1;
        if (acknowledged >= KILL_AFTER_ACKNOWLEDGED && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      },
    });
    expect(await server.exited).toBe('SIGKILL');

    const refused = outcomes.filter((outcome) => outcome?.kind === 'refused');
    expect(refused, server.output()).toEqual([]);
    const acked = posts.flatMap((post, index) => {
      const outcome = outcomes[index];
      return outcome?.kind === 'acknowledged' ? [{ post, id: outcome.id }] : [];
    });
    const failed = posts.filter((_, index) => outcomes[index]?.kind === 'failed');
    const unsent = posts.filter((_, index) => outcomes[index] === undefined);
    // Not vacuous: the server died with posts in flight (their connections cut) and posts to go.
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
    expect(failed.length).toBeGreaterThan(0);
    expect(unsent.length).toBeGreaterThan(0);

    // 2. Every acknowledged log is stored, once, as acknowledged; nothing unsent is stored.
    const afterKill = await storedByKey();
    for (const { post, id } of acked) {
      expect(afterKill.get(post.key), `acknowledged ${String(post.body.note)}`).toEqual([
        { id, note: post.body.note },
      ]);
    }
    for (const post of unsent) expect(afterKill.has(post.key)).toBe(false);
    for (const rows of afterKill.values()) expect(rows).toHaveLength(1);
    // A post whose answer was lost may or may not have been stored before the kill.
    expect(afterKill.size).toBeLessThanOrEqual(acked.length + failed.length);

    // 3. Restart on the same database; the phones retry everything with the same keys.
    const restarted = await startServerProcess(database.url);
    const retries = await sendAll(restarted.url, posts, { concurrency: CONCURRENCY });
    posts.forEach((post, index) => {
      const retry = retries[index];
      const before = afterKill.get(post.key)?.[0];
      if (retry?.kind !== 'acknowledged') {
        expect.fail(
          `retry of ${String(post.body.note)}: ${JSON.stringify(retry)}\n${restarted.output()}`,
        );
      }
      // Stored before (acknowledged or not): a replay of that log; else stored now.
      expect(retry, String(post.body.note)).toEqual(
        before === undefined
          ? { kind: 'acknowledged', status: 201, id: expect.any(String) as string }
          : { kind: 'acknowledged', status: 200, id: before.id },
      );
    });

    // 4. Every log is stored exactly once, under the id its retry answered with.
    const afterRetry = await storedByKey();
    expect(afterRetry.size).toBe(LOGS);
    posts.forEach((post, index) => {
      const retry = retries[index];
      expect(afterRetry.get(post.key)).toEqual([
        { id: retry?.kind === 'acknowledged' ? retry.id : '', note: post.body.note },
      ]);
    });

    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }, 60_000);
});
