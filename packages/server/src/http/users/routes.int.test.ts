import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLINICIAN_PASSWORD, insertPeople, type People } from '../../auth/people.fixture.js';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { auditLog, patients, sessions, users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { updateStaffUser } from '../../users/users.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerUserFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: People;
let other: People;
let adminId: string;
let otherAdminId: string;

const clock = new Date('2026-03-02T09:00:00.000Z');
const now = () => clock;
const NEW_PASSWORD = 'a sturdy new passphrase';

interface Login {
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let admin: Login;
let clinician: Login;
let otherAdmin: Login;

async function loginAs(userId: string): Promise<Login> {
  const session = await createSession(client.db, { userId, now: clock });
  return {
    cookies: { [SESSION_COOKIE]: session.token },
    csrf: { 'x-csrf-token': session.csrfToken },
  };
}

async function logIn(email: string, password: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
}

function loginFrom(response: LightMyRequestResponse): Login {
  const token = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
  return {
    cookies: { [SESSION_COOKIE]: token },
    csrf: { 'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken },
  };
}

function send(who: Login, method: 'POST' | 'PATCH', url: string, payload: object) {
  return app.inject({ method, url, cookies: who.cookies, headers: who.csrf, payload });
}

function read(who: Login, url: string) {
  return app.inject({ method: 'GET', url, cookies: who.cookies });
}

function errorPaths(response: LightMyRequestResponse): string[] {
  return response.json<{ errors?: { path: string }[] }>().errors?.map((e) => e.path) ?? [];
}

async function insertAdmin(clinicId: string, email: string): Promise<string> {
  const [user] = await client.db
    .insert(users)
    .values({ clinicId, role: 'admin', email, displayName: `Admin ${email}` })
    .returning();
  if (user === undefined) throw new Error('no admin inserted');
  return user.id;
}

interface StaffBody {
  id: string;
  role: string;
  email: string;
  disabled: boolean;
  locked: boolean;
  patientCount: number;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPeople(client.db);
  other = await insertPeople(client.db, { clinicianEmail: 'other@example.org' });
  adminId = await insertAdmin(home.clinicId, 'admin@example.org');
  otherAdminId = await insertAdmin(other.clinicId, 'admin@other.example.org');
  admin = await loginAs(adminId);
  clinician = await loginAs(home.clinicianId);
  otherAdmin = await loginAs(otherAdminId);

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, {
    db: client.db,
    now,
    loginRateLimit: { max: 1000, timeWindow: '1 minute' },
  });
  registerUserFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('GET /api/users', () => {
  it("lists the clinic's staff without secrets, for administrators only", async () => {
    const response = await read(admin, '/api/users');
    expect(response.statusCode).toBe(200);
    const listed = response.json<{ users: StaffBody[] }>().users;
    expect(listed.map((user) => user.id).sort()).toEqual([adminId, home.clinicianId].sort());
    expect(listed.find((user) => user.id === home.clinicianId)).toMatchObject({
      role: 'clinician',
      email: 'clinician@example.org',
      disabled: false,
      locked: false,
      patientCount: 1,
    });
    expect(response.body).not.toMatch(/hash|argon/iu);

    const clinicians = await read(admin, '/api/users?role=clinician');
    expect(clinicians.json<{ users: StaffBody[] }>().users.map((user) => user.id)).toEqual([
      home.clinicianId,
    ]);
    expect(errorPaths(await read(admin, '/api/users?role=patient'))).toEqual(['query.role']);

    const asClinician = await read(clinician, '/api/users');
    expect(asClinician.statusCode).toBe(403);
    expect(asClinician.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });
});

describe('POST /api/users', () => {
  const newUser = {
    role: 'clinician',
    email: '  New.Physio@Example.org ',
    displayName: 'New Physio',
    password: 'a long enough passphrase',
  };

  it('refuses a weak initial password, naming body.password', async () => {
    const response = await send(admin, 'POST', '/api/users', { ...newUser, password: 'short' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['body.password']);
  });

  it('adds a user with a lower-cased email, who can log in; a duplicate is 409', async () => {
    const created = await send(admin, 'POST', '/api/users', newUser);
    expect(created.statusCode).toBe(201);
    const body = created.json<StaffBody>();
    expect(body).toMatchObject({ role: 'clinician', email: 'new.physio@example.org' });
    expect(created.body).not.toContain('passphrase');
    expect((await logIn('new.physio@example.org', newUser.password)).statusCode).toBe(200);

    const duplicate = await send(admin, 'POST', '/api/users', {
      ...newUser,
      email: 'NEW.PHYSIO@example.org',
    });
    expect(duplicate.statusCode).toBe(409);
    // Emails are unique per clinic only.
    const elsewhere = await send(otherAdmin, 'POST', '/api/users', newUser);
    expect(elsewhere.statusCode).toBe(201);

    const audit = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'user'), eq(auditLog.resourceId, body.id)));
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', userId: adminId, detail: { role: 'clinician' } }),
    ]);
  });

  it('answers 403 to a clinician and 400 to bad bodies', async () => {
    expect((await send(clinician, 'POST', '/api/users', newUser)).statusCode).toBe(403);
    const cases: [object, string][] = [
      [{ ...newUser, role: 'patient' }, 'body.role'],
      [{ ...newUser, email: 'not an email' }, 'body.email'],
      [{ ...newUser, displayName: 'x'.repeat(201) }, 'body.displayName'],
      [{ ...newUser, displayName: 'nul\u0000' }, 'body.displayName'],
      [{ ...newUser, passwordHash: 'x' }, 'body.passwordHash'],
    ];
    for (const [payload, path] of cases) {
      const response = await send(admin, 'POST', '/api/users', payload);
      expect(response.statusCode).toBe(400);
      expect(errorPaths(response)).toContain(path);
    }
  });
});

describe('PATCH /api/users/:userId', () => {
  it('disabling ends the user’s sessions, and says how many patients need reassigning', async () => {
    const signedIn = await logIn('clinician@example.org', CLINICIAN_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    const session = loginFrom(signedIn);
    expect((await read(session, '/api/session')).statusCode).toBe(200);

    const response = await send(admin, 'PATCH', `/api/users/${home.clinicianId}`, {
      disabled: true,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      user: StaffBody;
      sessionsEnded: number;
      patientsToReassign: number;
    }>();
    expect(body.user.disabled).toBe(true);
    expect(body.sessionsEnded).toBeGreaterThanOrEqual(2);
    expect(body.patientsToReassign).toBe(1);
    expect((await read(session, '/api/session')).statusCode).toBe(401);
    expect(
      await client.db.select().from(sessions).where(eq(sessions.userId, home.clinicianId)),
    ).toEqual([]);
    // The patient stays with them until an administrator reassigns.
    const [patient] = await client.db
      .select()
      .from(patients)
      .where(eq(patients.id, home.patientId));
    expect(patient?.clinicianId).toBe(home.clinicianId);

    const [audit] = await client.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.resource, 'user'),
          eq(auditLog.action, 'update'),
          eq(auditLog.resourceId, home.clinicianId),
        ),
      );
    expect(audit?.detail).toMatchObject({ changed: ['disabled'], disabled: true });
  });

  it('reassigns a patient to an enabled clinician of the clinic only', async () => {
    const url = `/api/patients/${home.patientId}/clinician`;
    const toDisabled = await send(admin, 'PATCH', url, { clinicianId: home.clinicianId });
    expect(toDisabled.statusCode).toBe(400);
    expect(errorPaths(toDisabled)).toEqual(['body.clinicianId']);
    const toForeign = await send(admin, 'PATCH', url, { clinicianId: other.clinicianId });
    expect(errorPaths(toForeign)).toEqual(['body.clinicianId']);
    const [newPhysio] = await client.db
      .select()
      .from(users)
      .where(and(eq(users.email, 'new.physio@example.org'), eq(users.clinicId, home.clinicId)));
    if (newPhysio === undefined) throw new Error('the new physio is missing');

    expect(
      (await send(otherAdmin, 'PATCH', url, { clinicianId: other.clinicianId })).statusCode,
    ).toBe(404);
    const asClinician = await loginAs(newPhysio.id);
    expect((await send(asClinician, 'PATCH', url, { clinicianId: newPhysio.id })).statusCode).toBe(
      403,
    );

    const moved = await send(admin, 'PATCH', url, { clinicianId: newPhysio.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({
      patientId: home.patientId,
      clinicianId: newPhysio.id,
      previousClinicianId: home.clinicianId,
    });
    const [audit] = await client.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.patientId, home.patientId),
          eq(auditLog.resource, 'patient'),
          eq(auditLog.action, 'update'),
        ),
      );
    expect(audit?.detail).toMatchObject({
      clinicianId: newPhysio.id,
      previousClinicianId: home.clinicianId,
    });

    const enabled = await send(admin, 'PATCH', `/api/users/${home.clinicianId}`, {
      disabled: false,
    });
    expect(enabled.json<{ user: StaffBody; patientsToReassign: number }>()).toMatchObject({
      user: { disabled: false },
      patientsToReassign: 0,
    });
  });

  it('never leaves the clinic without an enabled administrator, nor lets one demote themself', async () => {
    const lastAdmin = await send(admin, 'PATCH', `/api/users/${adminId}`, { disabled: true });
    expect(lastAdmin.statusCode).toBe(409);
    expect(lastAdmin.json<{ detail: string }>().detail).toContain('last enabled administrator');
    expect(
      (await send(admin, 'PATCH', `/api/users/${adminId}`, { role: 'clinician' })).statusCode,
    ).toBe(409);

    const second = await insertAdmin(home.clinicId, 'second.admin@example.org');
    const self = await send(admin, 'PATCH', `/api/users/${adminId}`, { disabled: true });
    expect(self.statusCode).toBe(409);
    expect(self.json<{ detail: string }>().detail).toContain('your own account');
    expect(
      (await send(admin, 'PATCH', `/api/users/${adminId}`, { displayName: 'Head of Admin' }))
        .statusCode,
    ).toBe(200);

    // Two administrators disabling each other at once: exactly one of them wins.
    const secondLogin = await loginAs(second);
    const race = await Promise.all([
      send(admin, 'PATCH', `/api/users/${second}`, { disabled: true }),
      send(secondLogin, 'PATCH', `/api/users/${adminId}`, { disabled: true }),
    ]);
    const statuses = race.map((response) => response.statusCode).sort();
    expect(statuses[0]).toBe(200);
    expect([401, 403, 409]).toContain(statuses[1]);
    const stillAdmin = (
      await client.db
        .select()
        .from(users)
        .where(and(eq(users.clinicId, home.clinicId), eq(users.role, 'admin')))
    ).filter((user) => user.disabledAt === null);
    expect(stillAdmin).toHaveLength(1);

    // Put the first administrator back for the tests that follow.
    if (stillAdmin[0]?.id !== adminId) {
      await client.db.update(users).set({ disabledAt: null }).where(eq(users.id, adminId));
      admin = await loginAs(adminId);
    }
  });

  it('refuses a change when the acting administrator is no longer one', async () => {
    const result = await updateStaffUser(client.db, {
      clinicId: home.clinicId,
      actorId: home.clinicianId,
      userId: adminId,
      disabled: true,
      now: clock,
    });
    expect(result).toEqual({ ok: false, reason: 'actorNotAdmin' });
  });

  it("answers 404 for another clinic's user or a patient's log-in, 403 to a clinician", async () => {
    const foreign = await send(admin, 'PATCH', `/api/users/${other.clinicianId}`, {
      disabled: true,
    });
    expect(foreign.statusCode).toBe(404);
    const [patientUser] = await client.db
      .insert(users)
      .values({ clinicId: home.clinicId, role: 'patient', displayName: 'Pat' })
      .returning();
    expect(
      (await send(admin, 'PATCH', `/api/users/${patientUser?.id ?? ''}`, { disabled: true }))
        .statusCode,
    ).toBe(404);
    const clinicianAgain = await loginAs(home.clinicianId);
    expect(
      (await send(clinicianAgain, 'PATCH', `/api/users/${adminId}`, { displayName: 'Me' }))
        .statusCode,
    ).toBe(403);
    expect((await send(admin, 'PATCH', `/api/users/${adminId}`, {})).statusCode).toBe(400);
    expect(
      (await send(admin, 'PATCH', '/api/users/not-a-uuid', { disabled: true })).statusCode,
    ).toBe(400);
  });
});

describe('POST /api/users/:userId/password', () => {
  it('sets a new password, clears the lock-out and ends the sessions', async () => {
    await client.db
      .update(users)
      .set({ failedLogins: 3, lockedUntil: new Date(clock.getTime() + 15 * 60_000) })
      .where(eq(users.id, home.clinicianId));
    const stillSignedIn = await loginAs(home.clinicianId);
    expect((await logIn('clinician@example.org', CLINICIAN_PASSWORD)).statusCode).toBe(429);
    const listed = await read(admin, '/api/users?role=clinician');
    expect(
      listed.json<{ users: StaffBody[] }>().users.find((user) => user.id === home.clinicianId),
    ).toMatchObject({ locked: true });

    const url = `/api/users/${home.clinicianId}/password`;
    const weak = await send(admin, 'POST', url, { password: '1234567890' });
    expect(weak.statusCode).toBe(400);
    expect(errorPaths(weak)).toEqual(['body.password']);

    const reset = await send(admin, 'POST', url, { password: NEW_PASSWORD });
    expect(reset.statusCode).toBe(200);
    const body = reset.json<{ user: StaffBody; sessionsEnded: number }>();
    expect(body.user.locked).toBe(false);
    expect(body.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(reset.body).not.toContain(NEW_PASSWORD);
    expect((await read(stillSignedIn, '/api/session')).statusCode).toBe(401);
    const [row] = await client.db.select().from(users).where(eq(users.id, home.clinicianId));
    expect(row).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect((await logIn('clinician@example.org', CLINICIAN_PASSWORD)).statusCode).toBe(401);
    expect((await logIn('clinician@example.org', NEW_PASSWORD)).statusCode).toBe(200);

    const audit = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'user'), eq(auditLog.resourceId, home.clinicianId)));
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
    expect(audit.map((entry) => entry.detail)).toContainEqual(
      expect.objectContaining({ unlocked: true }),
    );
  });

  it("refuses your own account, another clinic's user, and a clinician", async () => {
    const password = { password: NEW_PASSWORD };
    expect((await send(admin, 'POST', `/api/users/${adminId}/password`, password)).statusCode).toBe(
      409,
    );
    expect(
      (await send(admin, 'POST', `/api/users/${other.clinicianId}/password`, password)).statusCode,
    ).toBe(404);
    const clinicianAgain = await loginAs(home.clinicianId);
    expect(
      (await send(clinicianAgain, 'POST', `/api/users/${adminId}/password`, password)).statusCode,
    ).toBe(403);
  });
});
