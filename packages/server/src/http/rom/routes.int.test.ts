import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { auditLog, patients, users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import {
  TODAY,
  insertPatientWithProgramme,
  type PatientWithProgramme,
} from '../../logs/programme.fixture.js';
import { ROM_LIMITS } from '../../rom/measurements.js';
import { buildApp, type App } from '../app.js';
import { registerChartFeature } from '../chart/routes.js';
import { registerLogFeature } from '../logs/routes.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerRomFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: PatientWithProgramme;
let other: PatientWithProgramme;

const clock = new Date(`${TODAY}T09:00:00.000Z`);
const now = () => clock;

interface Login {
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let patientLogin: Login;
let otherPatientLogin: Login;
let clinicianLogin: Login;
let otherClinicianLogin: Login;

async function loginAs(userId: string): Promise<Login> {
  const session = await createSession(client.db, { userId, now: clock });
  return {
    cookies: { [SESSION_COOKIE]: session.token },
    csrf: { 'x-csrf-token': session.csrfToken },
  };
}

async function patientUser(fixture: PatientWithProgramme): Promise<string> {
  const [user] = await client.db
    .insert(users)
    .values({ clinicId: fixture.clinicId, role: 'patient', displayName: 'Sam Reed' })
    .returning();
  if (user === undefined) throw new Error('no patient user inserted');
  await client.db
    .update(patients)
    .set({ userId: user.id })
    .where(eq(patients.id, fixture.patientId));
  return user.id;
}

function post(url: string, login: Login, body: unknown, key?: string) {
  return app.inject({
    method: 'POST',
    url,
    cookies: login.cookies,
    headers: { ...login.csrf, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload: body as object,
  });
}

function get(url: string, login?: Login) {
  return app.inject({
    method: 'GET',
    url,
    ...(login === undefined ? {} : { cookies: login.cookies }),
  });
}

const measure = (login: Login, body: unknown, key?: string) =>
  post('/api/me/rom', login, body, key);

function fieldPaths(body: string): string[] {
  return (JSON.parse(body) as { errors?: { path: string }[] }).errors?.map((e) => e.path) ?? [];
}

interface RomList {
  measurements: { id: string; movement: string; degrees: number; measuredAt: string }[];
  limits: string;
  truncated: boolean;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPatientWithProgramme(client.db);
  other = await insertPatientWithProgramme(client.db, { clinicName: 'Hillside Clinic' });
  patientLogin = await loginAs(await patientUser(home));
  otherPatientLogin = await loginAs(await patientUser(other));
  clinicianLogin = await loginAs(home.clinicianId);
  otherClinicianLogin = await loginAs(other.clinicianId);

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerLogFeature(app, { db: client.db, now });
  registerChartFeature(app, { db: client.db, now });
  registerRomFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('POST /api/me/rom', () => {
  it('stores a measurement (201), answers a retry with the stored row (200), and audits both', async () => {
    const key = randomUUID();
    const body = {
      movement: 'trunkFlexion',
      degrees: 64.5,
      measuredAt: '2026-11-10T08:30:00.000Z',
    };
    const first = await measure(patientLogin, body, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['cache-control']).toBe('no-store');
    const stored = first.json<{ id: string }>();
    expect(stored).toEqual({ id: expect.any(String) as string, ...body });

    const retry = await measure(patientLogin, body, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(stored);

    const audits = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'romMeasurement'), eq(auditLog.resourceId, stored.id)));
    expect(audits.map((entry) => entry.action).sort()).toEqual(['create', 'read']);
    expect(audits.every((entry) => entry.patientId === home.patientId)).toBe(true);
  });

  it('answers 409 when the key was used with another body, and stores nothing new', async () => {
    const key = randomUUID();
    const body = { movement: 'neckRotationLeft', degrees: 70, measuredAt: '2026-11-10T08:00:00Z' };
    expect((await measure(patientLogin, body, key)).statusCode).toBe(201);
    const conflict = await measure(patientLogin, { ...body, degrees: 71 }, key);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const list = (await get('/api/me/rom', patientLogin)).json<RomList>();
    expect(list.measurements.filter((m) => m.movement === 'neckRotationLeft')).toHaveLength(1);
  });

  it('needs the Idempotency-Key header, named in the problem', async () => {
    const response = await measure(patientLogin, {
      movement: 'trunkExtension',
      degrees: 20,
      measuredAt: '2026-11-10T08:00:00Z',
    });
    expect(response.statusCode).toBe(400);
    expect(fieldPaths(response.body)).toEqual(['headers.idempotency-key']);
  });

  it.each([
    [{ movement: 'hipFlexion', degrees: 20, measuredAt: '2026-11-10T08:00:00Z' }, 'body.movement'],
    [{ movement: 'trunkFlexion', degrees: -1, measuredAt: '2026-11-10T08:00:00Z' }, 'body.degrees'],
    [
      { movement: 'trunkFlexion', degrees: 181, measuredAt: '2026-11-10T08:00:00Z' },
      'body.degrees',
    ],
    [
      { movement: 'trunkFlexion', degrees: '20', measuredAt: '2026-11-10T08:00:00Z' },
      'body.degrees',
    ],
    [{ movement: 'trunkFlexion', degrees: 20, measuredAt: '2026-11-10' }, 'body.measuredAt'],
    [
      { movement: 'trunkFlexion', degrees: 20, measuredAt: '2026-11-11T09:00:00Z' },
      'body.measuredAt',
    ],
    [{ movement: 'trunkFlexion', degrees: 20 }, 'body.measuredAt'],
    [
      { movement: 'trunkFlexion', degrees: 20, measuredAt: '2026-11-10T08:00:00Z', frame: 'x' },
      'body',
    ],
  ])('refuses %j naming %s', async (body, path) => {
    const response = await measure(patientLogin, body, randomUUID());
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(fieldPaths(response.body).some((p) => p === path || p.startsWith(`${path}.`))).toBe(
      true,
    );
  });

  it('is for patients only', async () => {
    const body = { movement: 'trunkFlexion', degrees: 20, measuredAt: '2026-11-10T08:00:00Z' };
    expect((await measure(clinicianLogin, body, randomUUID())).statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/me/rom',
      headers: { 'idempotency-key': randomUUID() },
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('reading the measurements', () => {
  it('lists the own measurements oldest first with the limits; another patient never sees them', async () => {
    await measure(
      patientLogin,
      { movement: 'trunkSideBendLeft', degrees: 25, measuredAt: '2026-11-01T07:00:00.000Z' },
      randomUUID(),
    );
    const own = await get('/api/me/rom', patientLogin);
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('no-store');
    const list = own.json<RomList>();
    expect(list.limits).toBe(ROM_LIMITS);
    expect(list.limits).toMatch(/estimates, not clinical goniometry/u);
    const times = list.measurements.map((m) => m.measuredAt);
    expect(times).toEqual([...times].sort());
    expect(list.measurements[0]).toMatchObject({ movement: 'trunkSideBendLeft', degrees: 25 });

    const theirs = (await get('/api/me/rom', otherPatientLogin)).json<RomList>();
    expect(theirs.measurements).toEqual([]);
    // A patient cannot reach the staff route for anyone, themselves included.
    expect((await get(`/api/patients/${home.patientId}/rom`, otherPatientLogin)).statusCode).toBe(
      403,
    );
  });

  it("shows the clinic's staff the patient's measurements (audited); another clinic gets 404", async () => {
    const response = await get(`/api/patients/${home.patientId}/rom`, clinicianLogin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const list = response.json<RomList>();
    expect(list.measurements.length).toBeGreaterThanOrEqual(3);
    expect(list.limits).toBe(ROM_LIMITS);
    const audits = await client.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.resource, 'romMeasurement'),
          eq(auditLog.action, 'read'),
          eq(auditLog.userId, home.clinicianId),
        ),
      );
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(audits[0]?.patientId).toBe(home.patientId);

    const elsewhere = await get(`/api/patients/${home.patientId}/rom`, otherClinicianLogin);
    expect(elsewhere.statusCode).toBe(404);
    expect((await get(`/api/patients/${randomUUID()}/rom`, clinicianLogin)).statusCode).toBe(404);
    const malformed = await get('/api/patients/not-a-uuid/rom', clinicianLogin);
    expect(malformed.statusCode).toBe(400);
    expect(fieldPaths(malformed.body)[0]).toMatch(/^params\.patientId/u);
    expect((await get(`/api/patients/${home.patientId}/rom`)).statusCode).toBe(401);
  });
});

describe('a coached session log', () => {
  const coach = {
    reps: 9,
    holdSeconds: 27.5,
    rangeDegrees: { min: 4.5, max: 38 },
    formWarnings: [{ id: 'hipsSag', cue: 'Lift your hips a little.', count: 2 }],
    exerciseRule: 'glute-bridge',
    view: 'side',
  };

  it('is stored as sent and shown in the chart', async () => {
    const body = { date: TODAY, exerciseId: home.exerciseId, setsDone: 1, repsDone: 9, coach };
    const key = randomUUID();
    const posted = await post('/api/me/logs', patientLogin, body, key);
    expect(posted.statusCode).toBe(201);
    expect(posted.json<{ log: unknown }>().log).toEqual(body);
    // A retry with the same coached body is the same log.
    expect((await post('/api/me/logs', patientLogin, body, key)).statusCode).toBe(200);

    const chart = await get(`/api/patients/${home.patientId}/logs`, clinicianLogin);
    expect(chart.statusCode).toBe(200);
    const logs = chart.json<{ logs: { id: string; coach: unknown }[] }>().logs;
    const id = posted.json<{ id: string }>().id;
    expect(logs.find((log) => log.id === id)?.coach).toEqual(coach);
    expect(logs.filter((log) => log.id !== id).every((log) => log.coach === null)).toBe(true);
  });

  it.each([
    [{ ...coach, rangeDegrees: { min: 0, max: 200 } }, 'body.coach.rangeDegrees.max'],
    [{ ...coach, rangeDegrees: { min: 30, max: 10 } }, 'body.coach.rangeDegrees.min'],
    [{ ...coach, reps: 1.5 }, 'body.coach.reps'],
    [{ ...coach, view: 'top' }, 'body.coach.view'],
    [
      { ...coach, formWarnings: [{ id: 'a', cue: 'b', count: 0 }] },
      'body.coach.formWarnings.0.count',
    ],
    [{ reps: 3, view: 'side' }, 'body.coach.exerciseRule'],
  ])('refuses a bad coach result %j naming %s', async (bad, path) => {
    const response = await post(
      '/api/me/logs',
      patientLogin,
      { date: TODAY, exerciseId: home.exerciseId, setsDone: 1, coach: bad },
      randomUUID(),
    );
    expect(response.statusCode).toBe(400);
    const paths = fieldPaths(response.body).map((p) => p.replace(/\[(\d+)\]/gu, '.$1'));
    expect(paths).toContain(path);
  });
});
