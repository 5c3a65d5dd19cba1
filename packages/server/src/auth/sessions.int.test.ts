import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { sessions, users } from '../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import { insertPeople, type People } from './people.fixture.js';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  touchSession,
  verifyCsrf,
} from './sessions.js';
import { hashToken } from './tokens.js';

let database: TestDatabase;
let client: DatabaseClient;
let people: People;

const HOUR = 3_600_000;
const start = new Date('2026-03-02T09:00:00.000Z');
const at = (milliseconds: number) => new Date(start.getTime() + milliseconds);

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  people = await insertPeople(client.db);
}, 60_000);

afterAll(async () => {
  await client.close();
  await database.drop();
}, 60_000);

describe('sessions', () => {
  it('store only hashes and find the session with its user', async () => {
    const created = await createSession(client.db, {
      userId: people.clinicianId,
      ip: '192.0.2.1',
      userAgent: 'vitest',
      now: start,
      ttlHours: 12,
    });
    expect(created.token).not.toBe(created.csrfToken);
    expect(created.expiresAt).toEqual(at(12 * HOUR));

    const rows = await client.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, people.clinicianId));
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(created.token);
    expect(stored).not.toContain(created.csrfToken);
    expect(rows[0]?.id).toBe(hashToken(created.token));

    const found = await findSession(client.db, created.token, at(HOUR));
    expect(found?.user).toEqual({
      id: people.clinicianId,
      clinicId: people.clinicId,
      role: 'clinician',
      displayName: 'Dr Test',
    });
    expect(found?.ip).toBe('192.0.2.1');
    expect(await findSession(client.db, 'not-a-token', at(HOUR))).toBeNull();
    expect(await findSession(client.db, '', at(HOUR))).toBeNull();
  });

  it('expire after their time', async () => {
    const { token } = await createSession(client.db, {
      userId: people.clinicianId,
      now: start,
      ttlHours: 1,
    });
    expect(await findSession(client.db, token, at(HOUR - 1))).not.toBeNull();
    expect(await findSession(client.db, token, at(HOUR))).toBeNull();
    expect(await deleteExpiredSessions(client.db, at(HOUR + 1))).toBeGreaterThanOrEqual(1);
    expect(await findSession(client.db, token, start)).toBeNull();
  });

  it('slide their expiry on use, at most once a minute, up to the absolute maximum', async () => {
    const { token } = await createSession(client.db, {
      userId: people.clinicianId,
      now: start,
      ttlHours: 1,
    });
    const first = await findSession(client.db, token, start);
    if (first === null) throw new Error('session not found');

    // Within a minute of the last write: nothing written.
    const early = await touchSession(client.db, first, { now: at(30_000), ttlHours: 1 });
    expect(early.expiresAt).toEqual(at(HOUR));

    const later = await touchSession(client.db, first, { now: at(30 * 60_000), ttlHours: 1 });
    expect(later.lastSeenAt).toEqual(at(30 * 60_000));
    expect(later.expiresAt).toEqual(at(90 * 60_000));
    // Still alive past its first expiry, because it was used.
    expect(await findSession(client.db, token, at(80 * 60_000))).not.toBeNull();

    // The absolute maximum caps the slide.
    const capped = await touchSession(client.db, later, {
      now: at(60 * 60_000),
      ttlHours: 1,
      maxAgeHours: 1.5,
    });
    expect(capped.expiresAt).toEqual(at(90 * 60_000));
  });

  it('check the CSRF token in constant time', async () => {
    const { token, csrfToken } = await createSession(client.db, {
      userId: people.clinicianId,
      now: start,
    });
    const found = await findSession(client.db, token, start);
    if (found === null) throw new Error('session not found');
    expect(verifyCsrf(found, csrfToken)).toBe(true);
    expect(verifyCsrf(found, token)).toBe(false);
    expect(verifyCsrf(found, '')).toBe(false);
    expect(verifyCsrf(found, undefined)).toBe(false);
    expect(verifyCsrf(found, [csrfToken, csrfToken])).toBe(false);
  });

  it('end one session on log-out, and all of a user’s sessions', async () => {
    const one = await createSession(client.db, { userId: people.clinicianId, now: start });
    const two = await createSession(client.db, { userId: people.clinicianId, now: start });
    await deleteSession(client.db, one.token);
    expect(await findSession(client.db, one.token, start)).toBeNull();
    expect(await findSession(client.db, two.token, start)).not.toBeNull();

    expect(await deleteUserSessions(client.db, people.clinicianId)).toBeGreaterThanOrEqual(1);
    expect(await findSession(client.db, two.token, start)).toBeNull();
  });

  it('stop working for a disabled user', async () => {
    const { token } = await createSession(client.db, { userId: people.clinicianId, now: start });
    expect(await findSession(client.db, token, start)).not.toBeNull();
    await client.db
      .update(users)
      .set({ disabledAt: start })
      .where(eq(users.id, people.clinicianId));
    expect(await findSession(client.db, token, start)).toBeNull();
    await client.db.update(users).set({ disabledAt: null }).where(eq(users.id, people.clinicianId));
  });
});
