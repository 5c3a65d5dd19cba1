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
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerLogFeature } from './routes.js';

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
let clinicianLogin: Login;
let otherClinicianLogin: Login;
let noProgrammeLogin: Login;

async function loginAs(userId: string): Promise<Login> {
  const session = await createSession(client.db, { userId, now: clock });
  return {
    cookies: { [SESSION_COOKIE]: session.token },
    csrf: { 'x-csrf-token': session.csrfToken },
  };
}

/** A patient's own log-in: a user with role patient, linked to the patient record. */
async function patientUser(fixture: PatientWithProgramme): Promise<string> {
  const [user] = await client.db
    .insert(users)
    .values({ clinicId: fixture.clinicId, role: 'patient', displayName: 'Alex Morgan' })
    .returning();
  if (user === undefined) throw new Error('no patient user inserted');
  await client.db
    .update(patients)
    .set({ userId: user.id })
    .where(eq(patients.id, fixture.patientId));
  return user.id;
}

function postLog(login: Login, body: object, key?: string, withCsrf = true) {
  return app.inject({
    method: 'POST',
    url: '/api/me/logs',
    cookies: login.cookies,
    headers: {
      ...(withCsrf ? login.csrf : {}),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    payload: body,
  });
}

function log(extra: object = {}) {
  return { date: TODAY, exerciseId: home.exerciseId, setsDone: 2, painAfter: 3, ...extra };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPatientWithProgramme(client.db);
  other = await insertPatientWithProgramme(client.db, { clinicName: 'Hillside Clinic' });
  const noProgramme = await insertPatientWithProgramme(client.db, {
    clinicName: 'Lakeside',
    withProgramme: false,
  });
  patientLogin = await loginAs(await patientUser(home));
  noProgrammeLogin = await loginAs(await patientUser(noProgramme));
  clinicianLogin = await loginAs(home.clinicianId);
  otherClinicianLogin = await loginAs(other.clinicianId);

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerLogFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('GET /api/me/today', () => {
  it("answers the patient's programme week containing today, and audits the read", async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/me/today',
      cookies: patientLogin.cookies,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      date: string;
      programme: { id: string };
      week: {
        startDate: string;
        endDate: string;
        sessions: {
          exercises: {
            id: string;
            sets: number;
            guide: { steps: string[]; animation: { keyframes: unknown[] } } | null;
          }[];
        }[];
        activity: { minutesPerDay: number };
        lessons: string[];
      } | null;
    }>();
    expect(body.date).toBe(TODAY);
    // How to do each exercise travels with the programme, for the phone to use offline.
    const first = body.week?.sessions[0]?.exercises[0];
    expect(first?.guide?.steps.length).toBeGreaterThan(0);
    expect(first?.guide?.animation.keyframes.length).toBeGreaterThanOrEqual(2);
    expect(body.programme.id).toBe(home.programmeId);
    expect(body.week).not.toBeNull();
    expect(body.week?.startDate ?? '').toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect((body.week?.startDate ?? '') <= TODAY && TODAY <= (body.week?.endDate ?? '')).toBe(true);
    expect(body.week?.sessions[0]?.exercises.length).toBeGreaterThan(0);
    expect(body.week?.activity.minutesPerDay).toBeGreaterThan(0);
    expect(response.body).not.toContain('rationale');

    const [audit] = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, home.patientId), eq(auditLog.resource, 'programme')));
    expect(audit).toMatchObject({ action: 'read', resourceId: home.programmeId });
  });

  it('answers 404 without an active programme, and 403 to a clinician', async () => {
    const none = await app.inject({
      method: 'GET',
      url: '/api/me/today',
      cookies: noProgrammeLogin.cookies,
    });
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const clinician = await app.inject({
      method: 'GET',
      url: '/api/me/today',
      cookies: clinicianLogin.cookies,
    });
    expect(clinician.statusCode).toBe(403);
  });
});

describe('GET /api/me/logs', () => {
  it("reads back the patient's own logs with their keys, within a bounded window", async () => {
    const posted = await postLog(patientLogin, log({ setsDone: 1 }), 'key-read-back');
    expect(posted.statusCode).toBe(201);
    const mine = await app.inject({
      method: 'GET',
      url: '/api/me/logs',
      cookies: patientLogin.cookies,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    const body = mine.json<{
      from: string;
      to: string;
      logs: { id: string; idempotencyKey: string; log: { setsDone: number } }[];
    }>();
    expect(body.to).toBe(TODAY);
    expect(body.logs.find((row) => row.idempotencyKey === 'key-read-back')).toMatchObject({
      id: posted.json<{ id: string }>().id,
      log: { setsDone: 1 },
    });
    // Nobody else's: a patient without logs sees none, and staff are refused.
    const none = await app.inject({
      method: 'GET',
      url: '/api/me/logs',
      cookies: noProgrammeLogin.cookies,
    });
    expect(none.json<{ logs: unknown[] }>().logs).toEqual([]);
    const staff = await app.inject({
      method: 'GET',
      url: '/api/me/logs',
      cookies: clinicianLogin.cookies,
    });
    expect(staff.statusCode).toBe(403);

    for (const [query, path] of [
      ['?from=2026-01-01&to=2026-03-01', 'query.from'],
      [`?from=${TODAY}&to=2020-01-01`, 'query.from'],
      ['?to=yesterday', 'query.to'],
      ['?days=3', 'query'],
    ] as const) {
      const bad = await app.inject({
        method: 'GET',
        url: `/api/me/logs${query}`,
        cookies: patientLogin.cookies,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ errors: { path: string }[] }>().errors[0]?.path).toContain(path);
    }
  });
});

describe('POST /api/me/logs', () => {
  it('stores a log (201), answers a retry with the same body (200), refuses a changed body (409)', async () => {
    const first = await postLog(patientLogin, log(), 'key-one');
    expect(first.statusCode).toBe(201);
    const stored = first.json<{ id: string; alerts: unknown[]; log: object }>();
    expect(stored.alerts).toEqual([]);
    expect(stored.log).toEqual(log());

    const retry = await postLog(patientLogin, log(), 'key-one');
    expect(retry.statusCode).toBe(200);
    expect(retry.json<{ id: string }>().id).toBe(stored.id);
    expect(retry.body).toBe(first.body);

    const changed = await postLog(patientLogin, log({ setsDone: 3 }), 'key-one');
    expect(changed.statusCode).toBe(409);
    expect(changed.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);

    const audits = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'sessionLog'), eq(auditLog.resourceId, stored.id)));
    expect(audits.map((row) => row.action)).toEqual(['create', 'read']);
  });

  it('answers 400 naming the header without an Idempotency-Key, and 403 without CSRF', async () => {
    const noKey = await postLog(patientLogin, log());
    expect(noKey.statusCode).toBe(400);
    expect(noKey.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(noKey.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe(
      'headers.idempotency-key',
    );

    const noCsrf = await postLog(patientLogin, log(), 'key-csrf', false);
    expect(noCsrf.statusCode).toBe(403);
  });

  it('answers 400 naming the field of an invalid log, and 404 without an active programme', async () => {
    const unknown = await postLog(patientLogin, log({ exerciseId: 'not-an-exercise' }), 'key-bad');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body.exerciseId');

    const missing = await postLog(patientLogin, { date: TODAY, setsDone: 1 }, 'key-missing');
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body.exerciseId');

    const none = await postLog(noProgrammeLogin, log(), 'key-none');
    expect(none.statusCode).toBe(404);
  });
});

describe('alerts', () => {
  let alertId = '';

  it('raises an emergency alert for a bladderBowelSaddle log, listed first for the clinician', async () => {
    // A lesser alert first, so "first" means most severe, not only newest.
    const night = await postLog(patientLogin, log({ symptoms: ['nightPain'] }), 'key-night');
    expect(night.statusCode).toBe(201);

    const response = await postLog(
      patientLogin,
      log({ symptoms: ['bladderBowelSaddle'] }),
      'key-emergency',
    );
    expect(response.statusCode).toBe(201);
    const body = response.json<{
      id: string;
      alerts: { id: string; severity: string; advice: string | null; sessionLogIds: string[] }[];
    }>();
    const [alert] = body.alerts;
    expect(alert).toMatchObject({ severity: 'emergency', sessionLogIds: [body.id] });
    expect(alert?.advice).toEqual(expect.any(String));
    alertId = alert?.id ?? '';

    const list = await app.inject({
      method: 'GET',
      url: '/api/alerts',
      cookies: clinicianLogin.cookies,
    });
    expect(list.statusCode).toBe(200);
    const { alerts } = list.json<{ alerts: { id: string; severity: string }[] }>();
    expect(alerts[0]?.id).toBe(alertId);
    expect(alerts.length).toBeGreaterThan(1);

    const filtered = await app.inject({
      method: 'GET',
      url: `/api/alerts?state=all&patientId=${other.patientId}`,
      cookies: clinicianLogin.cookies,
    });
    expect(filtered.json<{ alerts: unknown[] }>().alerts).toEqual([]);
  });

  it('is refused to a patient (403)', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/alerts',
      cookies: patientLogin.cookies,
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('hides the alert from another clinic (404)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/alerts/${alertId}/acknowledge`,
      cookies: otherClinicianLogin.cookies,
      headers: otherClinicianLogin.csrf,
    });
    expect(response.statusCode).toBe(404);
  });

  it('acknowledges then resolves, recording who and when; resolving again is 409', async () => {
    const act = (action: string) =>
      app.inject({
        method: 'POST',
        url: `/api/alerts/${alertId}/${action}`,
        cookies: clinicianLogin.cookies,
        headers: clinicianLogin.csrf,
      });
    const acknowledged = await act('acknowledge');
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({
      id: alertId,
      state: 'acknowledged',
      acknowledgedBy: home.clinicianId,
      acknowledgedAt: clock.toISOString(),
    });

    const resolved = await act('resolve');
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      state: 'resolved',
      resolvedBy: home.clinicianId,
      resolvedAt: clock.toISOString(),
    });

    const again = await act('resolve');
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);

    const open = await app.inject({
      method: 'GET',
      url: '/api/alerts',
      cookies: clinicianLogin.cookies,
    });
    expect(open.json<{ alerts: { id: string }[] }>().alerts.map((a) => a.id)).not.toContain(
      alertId,
    );
  });

  it('lists the routes in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    const { paths } = response.json<{ paths: Record<string, object> }>();
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/me/today',
        '/api/me/logs',
        '/api/alerts',
        '/api/alerts/{alertId}/acknowledge',
        '/api/alerts/{alertId}/resolve',
      ]),
    );
  });
});
