import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, type People } from '../../auth/people.fixture.js';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerStaffFeature } from './staff.js';

const clock = new Date('2026-03-02T09:00:00.000Z');

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: People;
let other: People;

async function insertUser(clinicId: string, role: 'admin' | 'clinician' | 'patient', name: string) {
  const [user] = await client.db
    .insert(users)
    .values({
      clinicId,
      role,
      email: role === 'patient' ? null : `${name.toLowerCase().replace(/\W+/gu, '.')}@example.org`,
      displayName: name,
    })
    .returning();
  if (user === undefined) throw new Error('no user');
  return user.id;
}

async function get(userId: string | null) {
  if (userId === null) return app.inject({ method: 'GET', url: '/api/staff' });
  const session = await createSession(client.db, { userId, now: clock });
  return app.inject({
    method: 'GET',
    url: '/api/staff',
    cookies: { [SESSION_COOKIE]: session.token },
  });
}

interface StaffBody {
  staff: { id: string; displayName: string; role: string; disabled: boolean }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPeople(client.db);
  other = await insertPeople(client.db, { clinicianEmail: 'other@example.org' });
  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now: () => clock });
  registerStaffFeature(app, { db: client.db });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('GET /api/staff', { timeout: 30_000 }, () => {
  it("lists the clinic's clinicians and administrators by name, without emails", async () => {
    const adminId = await insertUser(home.clinicId, 'admin', 'Priya Shah');
    const leaverId = await insertUser(home.clinicId, 'clinician', 'Ada Leaver');
    await client.db.update(users).set({ disabledAt: clock }).where(eq(users.id, leaverId));
    await insertUser(home.clinicId, 'patient', 'Pat Patient');
    await insertUser(other.clinicId, 'clinician', 'Jo Elsewhere');

    const response = await get(home.clinicianId);
    expect(response.statusCode).toBe(200);
    const { staff } = response.json<StaffBody>();
    const names = staff.map((member) => member.displayName);
    expect(names).toContain('Priya Shah');
    expect(names).not.toContain('Pat Patient');
    expect(names).not.toContain('Jo Elsewhere');
    expect(staff.find((member) => member.id === adminId)).toEqual({
      id: adminId,
      displayName: 'Priya Shah',
      role: 'admin',
      disabled: false,
    });
    expect(staff.find((member) => member.id === leaverId)).toMatchObject({ disabled: true });
    expect(staff.find((member) => member.id === home.clinicianId)).toMatchObject({
      role: 'clinician',
    });
    expect(response.body).not.toMatch(/@example\.org/u);

    expect((await get(adminId)).statusCode).toBe(200);
  });

  it('answers 401 signed out and 403 to a patient', async () => {
    const anonymous = await get(null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const patient = await insertUser(home.clinicId, 'patient', 'Sam Patient');
    expect((await get(patient)).statusCode).toBe(403);
  });
});
