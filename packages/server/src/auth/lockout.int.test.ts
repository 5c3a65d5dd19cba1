import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { clinics, users } from '../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import {
  DEFAULT_LOCKOUT_POLICY,
  PATIENT_LOCKOUT_POLICY,
  authenticate,
  isLocked,
  lockMinutesFor,
  recordSignInAttempt,
  recordSuccessfulLogin,
} from './lockout.js';
import { hashPassword } from './passwords.js';
import { CLINICIAN_PASSWORD, insertPeople, type People } from './people.fixture.js';
import { signInNameOf } from './sign-in-names.js';

let database: TestDatabase;
let client: DatabaseClient;
let people: People;
let patientUserId: string;

const MINUTE = 60_000;
const start = new Date('2026-03-02T09:00:00.000Z');
const at = (milliseconds: number) => new Date(start.getTime() + milliseconds);
const email = 'clinician@example.org';
const PATIENT_PIN = '204913';

async function user(id = people.clinicianId) {
  const [row] = await client.db.select().from(users).where(eq(users.id, id));
  if (row === undefined) throw new Error('user missing');
  return row;
}

async function resetClinician() {
  await client.db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, people.clinicianId));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  people = await insertPeople(client.db);
  const [patientUser] = await client.db
    .insert(users)
    .values({
      clinicId: people.clinicId,
      role: 'patient',
      displayName: 'Pat Patient',
      passwordHash: await hashPassword(PATIENT_PIN),
    })
    .returning();
  patientUserId = patientUser?.id ?? '';
}, 60_000);

afterAll(async () => {
  await client.close();
  await database.drop();
}, 60_000);

describe('lock-out policies', () => {
  it('double each lock in a row: staff up to a day, patients up to 30 days', () => {
    expect(DEFAULT_LOCKOUT_POLICY).toEqual({
      maxFailedAttempts: 5,
      lockMinutes: 15,
      maxLockMinutes: 24 * 60,
    });
    expect(PATIENT_LOCKOUT_POLICY).toEqual({
      maxFailedAttempts: 5,
      lockMinutes: 15,
      maxLockMinutes: 30 * 24 * 60,
    });
    const staff = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((lock) =>
      lockMinutesFor(DEFAULT_LOCKOUT_POLICY, lock),
    );
    expect(staff).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
    expect(lockMinutesFor(PATIENT_LOCKOUT_POLICY, 12)).toBe(15 * 2 ** 11);
    expect(lockMinutesFor(PATIENT_LOCKOUT_POLICY, 13)).toBe(30 * 24 * 60);
    expect(lockMinutesFor(PATIENT_LOCKOUT_POLICY, 1000)).toBe(30 * 24 * 60);
  });

  it('bound a PIN guesser to 35 tries in a day and about a hundred in a year', () => {
    // Five tries each time a lock ends, from the start: how many fit in a stretch of time.
    const triesWithin = (minutes: number) => {
      let elapsed = 0;
      let tries = 0;
      for (let lock = 1; elapsed <= minutes; lock += 1) {
        tries += PATIENT_LOCKOUT_POLICY.maxFailedAttempts;
        elapsed += lockMinutesFor(PATIENT_LOCKOUT_POLICY, lock);
      }
      return tries;
    };
    expect(triesWithin(24 * 60)).toBe(35);
    expect(triesWithin(30 * 24 * 60)).toBe(60);
    expect(triesWithin(365 * 24 * 60)).toBe(115);
  });
});

describe('recordSignInAttempt', () => {
  it('locks on the 5th failure for 15 minutes, then the 10th for 30, and counts nothing while locked', async () => {
    const policy = DEFAULT_LOCKOUT_POLICY;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await recordSignInAttempt(client.db, people.clinicianId, start, policy)).toEqual({
        counted: true,
        locked: false,
        lockedUntil: null,
      });
    }
    expect(isLocked(await user(), start)).toBe(false);
    const fifth = await recordSignInAttempt(client.db, people.clinicianId, start, policy);
    expect(fifth).toEqual({ counted: true, locked: true, lockedUntil: at(15 * MINUTE) });
    expect(isLocked(await user(), at(15 * MINUTE - 1))).toBe(true);
    expect(isLocked(await user(), at(15 * MINUTE))).toBe(false);

    // While locked, nothing is counted and the lock's end is told.
    expect(await recordSignInAttempt(client.db, people.clinicianId, at(MINUTE), policy)).toEqual({
      counted: false,
      lockedUntil: at(15 * MINUTE),
    });
    expect((await user()).failedLogins).toBe(5);

    // After the lock: the full five tries again, and the next lock is twice as long.
    const after = at(15 * MINUTE);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const outcome = await recordSignInAttempt(client.db, people.clinicianId, after, policy);
      expect(outcome).toMatchObject({ counted: true, locked: false });
    }
    expect(await recordSignInAttempt(client.db, people.clinicianId, after, policy)).toEqual({
      counted: true,
      locked: true,
      lockedUntil: at(45 * MINUTE),
    });
    await resetClinician();
  });

  it('lets at most 5 of many concurrent attempts through before the lock', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        recordSignInAttempt(client.db, people.clinicianId, start, DEFAULT_LOCKOUT_POLICY),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.counted)).toHaveLength(5);
    expect((await user()).failedLogins).toBe(5);
    await resetClinician();
  });

  it('on success: forgives the stray failures but remembers the locks', async () => {
    const policy = DEFAULT_LOCKOUT_POLICY;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await recordSignInAttempt(client.db, people.clinicianId, start, policy);
    }
    const after = at(15 * MINUTE);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await recordSignInAttempt(client.db, people.clinicianId, after, policy);
    }
    // The right password, counted first like every attempt.
    await recordSignInAttempt(client.db, people.clinicianId, after, policy);
    await recordSuccessfulLogin(client.db, people.clinicianId, policy);
    expect(await user()).toMatchObject({ failedLogins: 5, lockedUntil: null });

    // Four mistakes and then the right password on the fifth try: no lock remembered.
    await resetClinician();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await recordSignInAttempt(client.db, people.clinicianId, start, policy);
    }
    await recordSuccessfulLogin(client.db, people.clinicianId, policy);
    expect(await user()).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });
});

describe('authenticate', () => {
  it('accepts the right password, whatever the email’s case, and clears failures', async () => {
    await recordSignInAttempt(client.db, people.clinicianId, start, DEFAULT_LOCKOUT_POLICY);
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

  it('answers invalid for an unknown email, a wrong password, and another clinic', async () => {
    expect(
      await authenticate(client.db, { email: 'nobody@example.org', password: 'x', now: start }),
    ).toEqual({ ok: false, reason: 'invalid', account: null });
    expect(
      await authenticate(client.db, { email, password: 'wrong password', now: start }),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      account: { id: people.clinicianId, clinicId: people.clinicId },
    });
    const [other] = await client.db.insert(clinics).values({ name: 'Other' }).returning();
    expect(
      await authenticate(client.db, {
        clinicId: other?.id ?? '',
        email,
        password: CLINICIAN_PASSWORD,
        now: start,
      }),
    ).toEqual({ ok: false, reason: 'invalid', account: null });
    await resetClinician();
  });

  it('locks after 5 wrong passwords, refuses even the right one while locked, then lets in', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(
        await authenticate(client.db, { email, password: `guess number ${attempt}`, now: start }),
      ).toMatchObject({ ok: false, reason: 'invalid' });
    }
    expect(
      await authenticate(client.db, { email, password: CLINICIAN_PASSWORD, now: at(MINUTE) }),
    ).toEqual({
      ok: false,
      reason: 'locked',
      account: { id: people.clinicianId, clinicId: people.clinicId },
      lockedUntil: at(15 * MINUTE),
    });
    const after = await authenticate(client.db, {
      clinicId: people.clinicId,
      email,
      password: CLINICIAN_PASSWORD,
      now: at(15 * MINUTE),
    });
    expect(after.ok).toBe(true);
    await resetClinician();
  });

  it('signs a patient in by sign-in name, in any case and spacing, and never staff', async () => {
    const name = signInNameOf(patientUserId);
    const typed = ` ${name.toLowerCase().replace('-', ' ')} `;
    const result = await authenticate(client.db, {
      signInName: typed,
      password: PATIENT_PIN,
      now: start,
    });
    expect(result).toMatchObject({ ok: true, user: { id: patientUserId, role: 'patient' } });
    expect(
      await authenticate(client.db, { signInName: name, password: '204914', now: start }),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      account: { id: patientUserId, clinicId: people.clinicId },
    });
    // A clinician's id has a sign-in name's shape too, but staff sign in by email only.
    expect(
      await authenticate(client.db, {
        signInName: signInNameOf(people.clinicianId),
        password: CLINICIAN_PASSWORD,
        now: start,
      }),
    ).toEqual({ ok: false, reason: 'invalid', account: null });
    expect(
      await authenticate(client.db, {
        signInName: 'not a name',
        password: PATIENT_PIN,
        now: start,
      }),
    ).toEqual({ ok: false, reason: 'invalid', account: null });
  });

  it('holds a PIN guesser to the patient policy: the 3rd lock in a row lasts an hour', async () => {
    const name = signInNameOf(patientUserId);
    let now = start;
    const locks: (Date | null)[] = [];
    for (let lock = 1; lock <= 3; lock += 1) {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await authenticate(client.db, { signInName: name, password: '000001', now });
      }
      const refused = await authenticate(client.db, {
        signInName: name,
        password: PATIENT_PIN,
        now,
      });
      if (refused.ok || refused.reason !== 'locked') throw new Error('expected a lock');
      locks.push(refused.lockedUntil);
      now = refused.lockedUntil ?? now;
    }
    expect(locks).toEqual([at(15 * MINUTE), at(45 * MINUTE), at(105 * MINUTE)]);
    // The patient signs in between: the next lock is still the fourth's, two hours.
    expect(
      (await authenticate(client.db, { signInName: name, password: PATIENT_PIN, now })).ok,
    ).toBe(true);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await authenticate(client.db, { signInName: name, password: '000001', now });
    }
    expect((await user(patientUserId)).lockedUntil).toEqual(new Date(now.getTime() + 120 * MINUTE));
  });

  it('tells a disabled user so only when the password is right', async () => {
    await client.db
      .update(users)
      .set({ disabledAt: start })
      .where(eq(users.id, people.clinicianId));
    expect(
      await authenticate(client.db, { email, password: 'wrong password', now: start }),
    ).toMatchObject({ ok: false, reason: 'invalid' });
    expect(
      await authenticate(client.db, { email, password: CLINICIAN_PASSWORD, now: start }),
    ).toMatchObject({ ok: false, reason: 'disabled' });
    await client.db.update(users).set({ disabledAt: null }).where(eq(users.id, people.clinicianId));
    await resetClinician();
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
    ).toMatchObject({ ok: false, reason: 'invalid' });

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
