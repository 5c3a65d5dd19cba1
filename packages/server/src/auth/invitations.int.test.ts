import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { invitations, patients, users } from '../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import { createInvitation, redeemInvitation } from './invitations.js';
import { verifyPassword } from './passwords.js';
import { insertPeople, type People } from './people.fixture.js';
import { createSession, findSession } from './sessions.js';
import { hashInvitationCode } from './tokens.js';

let database: TestDatabase;
let client: DatabaseClient;
let people: People;

const HOUR = 3_600_000;
const start = new Date('2026-03-02T09:00:00.000Z');
const at = (milliseconds: number) => new Date(start.getTime() + milliseconds);

async function patient() {
  const [row] = await client.db.select().from(patients).where(eq(patients.id, people.patientId));
  if (row === undefined) throw new Error('patient missing');
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

describe('invitations', () => {
  it('store only the code’s hash, and expire in 72 hours by default', async () => {
    const { code, expiresAt } = await createInvitation(client.db, {
      patientId: people.patientId,
      createdBy: people.clinicianId,
      now: start,
    });
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/u);
    expect(expiresAt).toEqual(at(72 * HOUR));
    const rows = await client.db
      .select()
      .from(invitations)
      .where(eq(invitations.patientId, people.patientId));
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows.map((row) => row.codeHash)).toContain(hashInvitationCode(code));
  });

  it('refuse a weak PIN and keep the code usable', async () => {
    const { code } = await createInvitation(client.db, {
      patientId: people.patientId,
      createdBy: people.clinicianId,
      now: start,
    });
    const weak = await redeemInvitation(client.db, {
      code,
      now: start,
      secret: '123456',
      kind: 'pin',
    });
    expect(weak).toMatchObject({ ok: false, reason: 'weak' });
    expect(
      await redeemInvitation(client.db, { code, now: start, secret: '1234', kind: 'pin' }),
    ).toMatchObject({ ok: false, reason: 'weak' });
    expect(
      await redeemInvitation(client.db, { code, now: start, secret: 'short', kind: 'password' }),
    ).toMatchObject({ ok: false, reason: 'weak' });
    expect((await patient()).userId).toBeNull();
  });

  it('redeem once: create and link the patient’s user with the PIN, then refuse a second time', async () => {
    const { code } = await createInvitation(client.db, {
      patientId: people.patientId,
      createdBy: people.clinicianId,
      now: start,
    });
    const typed = code.toLowerCase().replace('-', ' ');
    const result = await redeemInvitation(client.db, {
      code: typed,
      now: at(HOUR),
      secret: '204913',
      kind: 'pin',
    });
    if (!result.ok) throw new Error(`redeem failed: ${result.reason}`);
    expect((await patient()).userId).toBe(result.userId);
    const [user] = await client.db.select().from(users).where(eq(users.id, result.userId));
    expect(user).toMatchObject({ role: 'patient', clinicId: people.clinicId, email: null });
    expect(result.email).toBeNull();
    expect(await verifyPassword(user?.passwordHash ?? '', '204913')).toBe(true);

    expect(
      await redeemInvitation(client.db, { code, now: at(HOUR), secret: '204914', kind: 'pin' }),
    ).toEqual({ ok: false, reason: 'used' });
  });

  it('reset a linked patient’s secret with a new invitation, ending their sessions', async () => {
    const { userId } = await patient();
    if (userId === null) throw new Error('patient not linked');
    const session = await createSession(client.db, { userId, now: start });
    const { code } = await createInvitation(client.db, {
      patientId: people.patientId,
      createdBy: people.clinicianId,
      now: start,
    });
    const result = await redeemInvitation(client.db, {
      code,
      now: start,
      secret: 'a longer patient password',
      kind: 'password',
    });
    expect(result).toEqual({ ok: true, userId, email: null });
    expect(await findSession(client.db, session.token, start)).toBeNull();
    const [user] = await client.db.select().from(users).where(eq(users.id, userId));
    expect(await verifyPassword(user?.passwordHash ?? '', 'a longer patient password')).toBe(true);
  });

  it('keep the email on a reset unless a new one is given, and never hand out a taken one', async () => {
    const { userId } = await patient();
    if (userId === null) throw new Error('patient not linked');
    const invite = async () =>
      (
        await createInvitation(client.db, {
          patientId: people.patientId,
          createdBy: people.clinicianId,
          now: start,
        })
      ).code;

    const given = await redeemInvitation(client.db, {
      code: await invite(),
      now: start,
      secret: '204913',
      kind: 'pin',
      email: ' Pat.Patient@Example.org ',
    });
    expect(given).toEqual({ ok: true, userId, email: 'pat.patient@example.org' });

    // Left out on the next reset, the email stays; the same user keeps it without a clash.
    expect(
      await redeemInvitation(client.db, {
        code: await invite(),
        now: start,
        secret: '319520',
        kind: 'pin',
      }),
    ).toEqual({ ok: true, userId, email: 'pat.patient@example.org' });
    expect(
      await redeemInvitation(client.db, {
        code: await invite(),
        now: start,
        secret: '319521',
        kind: 'pin',
        email: 'PAT.PATIENT@example.org',
      }),
    ).toEqual({ ok: true, userId, email: 'pat.patient@example.org' });

    // A colleague's email, here or in another clinic, is refused and the code stays usable.
    const elsewhere = await insertPeople(client.db, { clinicianEmail: 'elsewhere@example.org' });
    expect(elsewhere.clinicId).not.toBe(people.clinicId);
    const code = await invite();
    for (const taken of ['Clinician@example.org', 'elsewhere@example.org']) {
      expect(
        await redeemInvitation(client.db, {
          code,
          now: start,
          secret: '319522',
          kind: 'pin',
          email: taken,
        }),
      ).toEqual({ ok: false, reason: 'emailTaken' });
    }
    expect(
      await redeemInvitation(client.db, { code, now: start, secret: '319522', kind: 'pin' }),
    ).toEqual({ ok: true, userId, email: 'pat.patient@example.org' });
    const [user] = await client.db.select().from(users).where(eq(users.id, userId));
    expect(await verifyPassword(user?.passwordHash ?? '', '319522')).toBe(true);
  });

  it('give an email to only one of two patients redeeming with it at once', async () => {
    const pair = await client.db
      .insert(patients)
      .values([
        { clinicId: people.clinicId, clinicianId: people.clinicianId, displayName: 'Twin One' },
        { clinicId: people.clinicId, clinicianId: people.clinicianId, displayName: 'Twin Two' },
      ])
      .returning();
    const codes = await Promise.all(
      pair.map(({ id }) =>
        createInvitation(client.db, { patientId: id, createdBy: people.clinicianId, now: start }),
      ),
    );
    const results = await Promise.all(
      codes.map(({ code }) =>
        redeemInvitation(client.db, {
          code,
          now: start,
          secret: '204913',
          kind: 'pin',
          email: 'twins@example.org',
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'emailTaken' }]);
  });

  it('refuse to reset a disabled log-in, leaving it off', async () => {
    const { userId } = await patient();
    if (userId === null) throw new Error('patient not linked');
    await client.db.update(users).set({ disabledAt: start }).where(eq(users.id, userId));
    const { code } = await createInvitation(client.db, {
      patientId: people.patientId,
      createdBy: people.clinicianId,
      now: start,
    });
    expect(
      await redeemInvitation(client.db, { code, now: start, secret: '204913', kind: 'pin' }),
    ).toEqual({ ok: false, reason: 'disabled' });
    const [user] = await client.db.select().from(users).where(eq(users.id, userId));
    expect(user?.disabledAt).toEqual(start);
    expect(await verifyPassword(user?.passwordHash ?? '', '204913')).toBe(false);
    await client.db.update(users).set({ disabledAt: null }).where(eq(users.id, userId));
  });

  it('refuse an expired code, an unknown code, and a code replaced by a newer one', async () => {
    const { code, expiresAt } = await createInvitation(client.db, {
      patientId: people.patientId,
      createdBy: people.clinicianId,
      now: start,
      ttlHours: 1,
    });
    expect(
      await redeemInvitation(client.db, { code, now: expiresAt, secret: '204913', kind: 'pin' }),
    ).toEqual({ ok: false, reason: 'expired' });
    expect(
      await redeemInvitation(client.db, {
        code: 'ZZZZ-ZZZZ',
        now: start,
        secret: '204913',
        kind: 'pin',
      }),
    ).toEqual({ ok: false, reason: 'unknown' });

    const older = await createInvitation(client.db, {
      patientId: people.patientId,
      createdBy: people.clinicianId,
      now: start,
    });
    await createInvitation(client.db, {
      patientId: people.patientId,
      createdBy: people.clinicianId,
      now: at(1000),
    });
    expect(
      await redeemInvitation(client.db, {
        code: older.code,
        now: at(2000),
        secret: '204913',
        kind: 'pin',
      }),
    ).toEqual({ ok: false, reason: 'expired' });
  });

  it('let only one of two concurrent redeems of a code succeed', async () => {
    const { code } = await createInvitation(client.db, {
      patientId: people.patientId,
      createdBy: people.clinicianId,
      now: start,
    });
    const results = await Promise.all([
      redeemInvitation(client.db, { code, now: start, secret: '204913', kind: 'pin' }),
      redeemInvitation(client.db, { code, now: start, secret: '319520', kind: 'pin' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'used' }]);
  });
});
