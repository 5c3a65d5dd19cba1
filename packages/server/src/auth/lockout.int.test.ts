import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { clinics, users } from '../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import {
  DEFAULT_LOCKOUT_POLICY,
  authenticate,
  isLocked,
  recordFailedLogin,
  recordSuccessfulLogin,
} from './lockout.js';
import { hashPassword } from './passwords.js';
import { CLINICIAN_PASSWORD, insertPeople, type People } from './people.fixture.js';

let database: TestDatabase;
let client: DatabaseClient;
let people: People;

const MINUTE = 60_000;
const start = new Date('2026-03-02T09:00:00.000Z');
const at = (milliseconds: number) => new Date(start.getTime() + milliseconds);
const email = 'clinician@example.org';

async function user() {
  const [row] = await client.db.select().from(users).where(eq(users.id, people.clinicianId));
  if (row === undefined) throw new Error('clinician missing');
  return row;
}

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

describe('lock-out', () => {
  it('locks after 5 failures for 15 minutes, then counts again from zero', async () => {
    expect(DEFAULT_LOCKOUT_POLICY).toEqual({ maxFailedAttempts: 5, lockMinutes: 15 });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const outcome = await recordFailedLogin(client.db, people.clinicianId, start);
      expect(outcome.locked).toBe(false);
    }
    expect(isLocked(await user(), start)).toBe(false);
    expect((await user()).failedLogins).toBe(4);

    const fifth = await recordFailedLogin(client.db, people.clinicianId, start);
    expect(fifth).toEqual({ locked: true, lockedUntil: at(15 * MINUTE) });
    expect(isLocked(await user(), at(15 * MINUTE - 1))).toBe(true);
    expect(isLocked(await user(), at(15 * MINUTE))).toBe(false);
    expect((await user()).failedLogins).toBe(0);

    await recordSuccessfulLogin(client.db, people.clinicianId);
    expect(await user()).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });
});

describe('authenticate', () => {
  it('accepts the right password, whatever the email’s case, and clears failures', async () => {
    await recordFailedLogin(client.db, people.clinicianId, start);
    const result = await authenticate(client.db, {
      email: ' Clinician@Example.org ',
      password: CLINICIAN_PASSWORD,
      now: start,
    });
    expect(result).toEqual({
      ok: true,
      user: {
        id: people.clinicianId,
        clinicId: people.clinicId,
        role: 'clinician',
        displayName: 'Dr Test',
      },
    });
    expect((await user()).failedLogins).toBe(0);
    expect(JSON.stringify(result)).not.toContain('argon2');
  });

  it('answers invalid for an unknown email or a wrong password, and another clinic', async () => {
    expect(
      await authenticate(client.db, { email: 'nobody@example.org', password: 'x', now: start }),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(
      await authenticate(client.db, { email, password: 'wrong password', now: start }),
    ).toEqual({ ok: false, reason: 'invalid' });
    const [other] = await client.db.insert(clinics).values({ name: 'Other' }).returning();
    expect(
      await authenticate(client.db, {
        clinicId: other?.id ?? '',
        email,
        password: CLINICIAN_PASSWORD,
        now: start,
      }),
    ).toEqual({ ok: false, reason: 'invalid' });
    await recordSuccessfulLogin(client.db, people.clinicianId);
  });

  it('locks after 5 wrong passwords, refuses even the right one while locked, then lets in', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(
        await authenticate(client.db, { email, password: `guess number ${attempt}`, now: start }),
      ).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(
      await authenticate(client.db, { email, password: CLINICIAN_PASSWORD, now: at(MINUTE) }),
    ).toEqual({ ok: false, reason: 'locked' });
    const after = await authenticate(client.db, {
      clinicId: people.clinicId,
      email,
      password: CLINICIAN_PASSWORD,
      now: at(15 * MINUTE),
    });
    expect(after.ok).toBe(true);
  });

  it('tells a disabled user so only when the password is right', async () => {
    await client.db
      .update(users)
      .set({ disabledAt: start })
      .where(eq(users.id, people.clinicianId));
    expect(
      await authenticate(client.db, { email, password: 'wrong password', now: start }),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(
      await authenticate(client.db, { email, password: CLINICIAN_PASSWORD, now: start }),
    ).toEqual({ ok: false, reason: 'disabled' });
    await client.db.update(users).set({ disabledAt: null }).where(eq(users.id, people.clinicianId));
  });

  it('refuses a user without a password, and rehashes one made with old parameters', async () => {
    const [invited] = await client.db
      .insert(users)
      .values({
        clinicId: people.clinicId,
        role: 'admin',
        email: 'new-admin@example.org',
        displayName: 'New Admin',
      })
      .returning();
    expect(
      await authenticate(client.db, { email: 'new-admin@example.org', password: '', now: start }),
    ).toEqual({ ok: false, reason: 'invalid' });

    // A hash from weaker, older settings still verifies and is replaced on log-in.
    const { hash } = await import('@node-rs/argon2');
    const old = await hash('an older passphrase', { memoryCost: 4096, timeCost: 3 });
    await client.db
      .update(users)
      .set({ passwordHash: old })
      .where(eq(users.id, invited?.id ?? ''));
    const result = await authenticate(client.db, {
      email: 'new-admin@example.org',
      password: 'an older passphrase',
      now: start,
    });
    expect(result.ok).toBe(true);
    const [row] = await client.db
      .select()
      .from(users)
      .where(eq(users.id, invited?.id ?? ''));
    expect(row?.passwordHash).toMatch(/m=19456,t=2,p=1/u);
    expect(row?.passwordHash).not.toBe(await hashPassword('an older passphrase'));
  });
});
