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
import { runProgression, type RunResult } from '../../programmes/progression.js';
import { buildApp, type App } from '../app.js';
import { registerLogFeature } from '../logs/routes.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerCheckInFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: PatientWithProgramme;
let other: PatientWithProgramme;

const clock = new Date(`${TODAY}T09:00:00.000Z`);
const now = () => clock;
const YESTERDAY = '2026-11-09';
const TOMORROW = '2026-11-11';

interface Login {
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let patientLogin: Login;
let otherPatientLogin: Login;
let clinicianLogin: Login;

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

function post(url: string, login: Login, body: object, key?: string) {
  return app.inject({
    method: 'POST',
    url,
    cookies: login.cookies,
    headers: { ...login.csrf, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload: body,
  });
}

const checkIn = (login: Login, body: object, key?: string) =>
  post('/api/me/check-ins', login, body, key);

async function logOn(login: Login, fixture: PatientWithProgramme, date: string, extra = {}) {
  const response = await post(
    '/api/me/logs',
    login,
    { date, exerciseId: fixture.exerciseId, setsDone: 2, painAfter: 3, ...extra },
    randomUUID(),
  );
  expect(response.statusCode).toBe(201);
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

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerLogFeature(app, { db: client.db, now });
  registerCheckInFeature(app, { db: client.db, now });
  await app.ready();
  await logOn(patientLogin, home, YESTERDAY);
  await logOn(patientLogin, home, TODAY);
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

function fieldPaths(body: string): string[] {
  return (JSON.parse(body) as { errors?: { path: string }[] }).errors?.map((e) => e.path) ?? [];
}

describe('POST /api/me/check-ins', () => {
  it('stores a check-in (201), answers a retry with the stored row (200), and audits both', async () => {
    const key = randomUUID();
    const body = { sessionOn: YESTERDAY, pain: 3, stiffness: 4 };
    const first = await checkIn(patientLogin, body, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['cache-control']).toBe('no-store');
    const stored = first.json<{ id: string; sessionOn: string; pain: number; createdAt: string }>();
    expect(stored).toMatchObject({ sessionOn: YESTERDAY, pain: 3, stiffness: 4 });
    expect(stored.createdAt).toBe(clock.toISOString());

    const retry = await checkIn(patientLogin, body, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(stored);

    const audits = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'checkIn'), eq(auditLog.resourceId, stored.id)));
    expect(audits.map((entry) => entry.action).sort()).toEqual(['create', 'read']);
    expect(audits.every((entry) => entry.patientId === home.patientId)).toBe(true);
  });

  it('answers 409 to the same key with another body, and to a second check-in for the day', async () => {
    const key = randomUUID();
    expect(
      (await checkIn(patientLogin, { sessionOn: TODAY, pain: 1, stiffness: 1 }, key)).statusCode,
    ).toBe(201);
    const otherBody = await checkIn(patientLogin, { sessionOn: TODAY, pain: 2, stiffness: 1 }, key);
    expect(otherBody.statusCode).toBe(409);
    expect(otherBody.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const secondForDay = await checkIn(
      patientLogin,
      { sessionOn: TODAY, pain: 1, stiffness: 1 },
      randomUUID(),
    );
    expect(secondForDay.statusCode).toBe(409);
    expect(secondForDay.json<{ detail: string }>().detail).toContain(TODAY);
  });

  it('names the invalid fields, and refuses a future day or a day without a log', async () => {
    const missingKey = await checkIn(patientLogin, { sessionOn: YESTERDAY, pain: 1, stiffness: 1 });
    expect(missingKey.statusCode).toBe(400);
    expect(fieldPaths(missingKey.body)).toEqual(['headers.idempotency-key']);

    const bad = await checkIn(
      patientLogin,
      { sessionOn: '2026-13-01', pain: 11, stiffness: 2.5, extra: true },
      randomUUID(),
    );
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad.body)).toEqual(
      expect.arrayContaining(['body.sessionOn', 'body.pain', 'body.stiffness']),
    );

    for (const sessionOn of [TOMORROW, '2026-11-05']) {
      const refused = await checkIn(
        patientLogin,
        { sessionOn, pain: 1, stiffness: 1 },
        randomUUID(),
      );
      expect(refused.statusCode).toBe(400);
      expect(fieldPaths(refused.body)).toEqual(['body.sessionOn']);
    }
  });

  it('is for patients only (401 signed out, 403 clinician, 403 without CSRF)', async () => {
    const body = { sessionOn: YESTERDAY, pain: 1, stiffness: 1 };
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/me/check-ins',
      headers: { 'idempotency-key': randomUUID() },
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await checkIn(clinicianLogin, body, randomUUID())).statusCode).toBe(403);
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/me/check-ins',
      cookies: patientLogin.cookies,
      headers: { 'idempotency-key': randomUUID() },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it("is scoped to the patient's own logs: another patient's day is not theirs", async () => {
    // The other patient has no log yet: the home patient's log days do not count for them.
    const refused = await checkIn(
      otherPatientLogin,
      { sessionOn: YESTERDAY, pain: 1, stiffness: 1 },
      randomUUID(),
    );
    expect(refused.statusCode).toBe(400);
    await logOn(otherPatientLogin, other, YESTERDAY);
    const stored = await checkIn(
      otherPatientLogin,
      { sessionOn: YESTERDAY, pain: 5, stiffness: 5 },
      randomUUID(),
    );
    expect(stored.statusCode).toBe(201);
  });
});

describe('GET /api/me/check-ins', () => {
  it("lists only the patient's own check-ins, by day, narrowed by from and to", async () => {
    const all = await app.inject({
      method: 'GET',
      url: '/api/me/check-ins',
      cookies: patientLogin.cookies,
    });
    expect(all.statusCode).toBe(200);
    expect(all.headers['cache-control']).toBe('no-store');
    const days = all.json<{ checkIns: { sessionOn: string; pain: number }[] }>().checkIns;
    expect(days.map((row) => row.sessionOn)).toEqual([YESTERDAY, TODAY]);
    expect(days[0]?.pain).toBe(3);

    const narrowed = await app.inject({
      method: 'GET',
      url: `/api/me/check-ins?from=${TODAY}&to=${TODAY}`,
      cookies: patientLogin.cookies,
    });
    expect(narrowed.json<{ checkIns: unknown[] }>().checkIns).toHaveLength(1);

    const reversed = await app.inject({
      method: 'GET',
      url: `/api/me/check-ins?from=${TODAY}&to=${YESTERDAY}`,
      cookies: patientLogin.cookies,
    });
    expect(reversed.statusCode).toBe(400);
    expect(fieldPaths(reversed.body)).toEqual(['query.from']);
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/me/check-ins?since=2026-11-01',
      cookies: patientLogin.cookies,
    });
    expect(unknown.statusCode).toBe(400);

    const clinician = await app.inject({
      method: 'GET',
      url: '/api/me/check-ins',
      cookies: clinicianLogin.cookies,
    });
    expect(clinician.statusCode).toBe(403);
  });
});

describe('progression reads the check-ins', () => {
  it('a check-in whose pain has not settled regresses the exercise (regress.notSettled)', async () => {
    const fixture = await insertPatientWithProgramme(client.db, { clinicName: 'Riverside' });
    const login = await loginAs(await patientUser(fixture));
    await logOn(login, fixture, YESTERDAY, { painBefore: 2, painDuring: 3, painAfter: 4 });
    const before = await runProgression(client.db, {
      programmeId: fixture.programmeId,
      clinicId: fixture.clinicId,
      today: TODAY,
      now: clock,
    });
    if (!before.ok) throw new Error('progression did not run');
    const ruleOf = (result: RunResult) =>
      result.ok
        ? result.suggestions.find((row) => row.exerciseId === fixture.exerciseId)?.suggestion.rule
        : undefined;
    expect(ruleOf(before)).not.toBe('regress.notSettled');

    const response = await checkIn(
      login,
      { sessionOn: YESTERDAY, pain: 8, stiffness: 8 },
      randomUUID(),
    );
    expect(response.statusCode).toBe(201);
    // A day later: the first run's suggestions are kept per day, so decide for tomorrow.
    const after = await runProgression(client.db, {
      programmeId: fixture.programmeId,
      clinicId: fixture.clinicId,
      today: TOMORROW,
      now: clock,
    });
    expect(ruleOf(after)).toBe('regress.notSettled');
  });
});
