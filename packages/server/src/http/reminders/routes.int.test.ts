import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import {
  auditLog,
  patients,
  pushSubscriptions,
  serverSettings,
  users,
} from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import {
  TODAY,
  insertPatientWithProgramme,
  type PatientWithProgramme,
} from '../../logs/programme.fixture.js';
import { VAPID_SETTING } from '../../reminders/push.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerReminderFeature } from './routes.js';

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
    .values({ clinicId: fixture.clinicId, role: 'patient', displayName: 'Alex Morgan' })
    .returning();
  if (user === undefined) throw new Error('no patient user inserted');
  await client.db
    .update(patients)
    .set({ userId: user.id })
    .where(eq(patients.id, fixture.patientId));
  return user.id;
}

function send(
  login: Login | null,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
) {
  return app.inject({
    method,
    url,
    ...(login === null ? {} : { cookies: login.cookies, headers: login.csrf }),
    ...(payload === undefined ? {} : { payload }),
  });
}

function errorPaths(response: LightMyRequestResponse): string[] {
  return response.json<{ errors?: { path: string }[] }>().errors?.map((error) => error.path) ?? [];
}

const subscription = (endpoint: string) => ({
  endpoint,
  expirationTime: null,
  keys: {
    p256dh:
      'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
    auth: 'tBHItJI5svbpez7KI4CCXg',
  },
});

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
  registerReminderFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('reminder settings', () => {
  it('start with none, save times and zone sorted, and audit both', async () => {
    const empty = await send(patientLogin, 'GET', '/api/me/reminders');
    expect(empty.statusCode).toBe(200);
    expect(empty.headers['cache-control']).toBe('no-store');
    expect(empty.json()).toEqual({ times: [], timeZone: null, devices: 0, calendarLink: false });

    const saved = await send(patientLogin, 'PUT', '/api/me/reminders', {
      times: ['18:30', '07:45'],
      timeZone: 'Europe/London',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      times: ['07:45', '18:30'],
      timeZone: 'Europe/London',
      devices: 0,
      calendarLink: false,
    });
    const [row] = await client.db.select().from(patients).where(eq(patients.id, home.patientId));
    expect(row).toMatchObject({ reminderTimes: ['07:45', '18:30'], timeZone: 'Europe/London' });
    // The other patient's settings are untouched.
    const [untouched] = await client.db
      .select()
      .from(patients)
      .where(eq(patients.id, other.patientId));
    expect(untouched?.reminderTimes).toEqual([]);

    const audits = await client.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.patientId, home.patientId), eq(auditLog.resource, 'reminderSettings')),
      );
    expect(audits.map((entry) => entry.action).sort()).toEqual(['read', 'update']);

    const none = await send(patientLogin, 'PUT', '/api/me/reminders', {
      times: [],
      timeZone: 'Europe/London',
    });
    expect(none.json()).toMatchObject({ times: [] });
  });

  it('refuse bad times and unknown zones, naming each field', async () => {
    const bad = await send(patientLogin, 'PUT', '/api/me/reminders', {
      times: ['7:45', '25:00', '08:00'],
      timeZone: 'Europe/Atlantis',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(errorPaths(bad)).toEqual(
      expect.arrayContaining(['body.times[0]', 'body.times[1]', 'body.timeZone']),
    );
    const tooMany = await send(patientLogin, 'PUT', '/api/me/reminders', {
      times: ['08:00', '12:00', '16:00', '20:00'],
      timeZone: 'UTC',
    });
    expect(errorPaths(tooMany)).toEqual(['body.times']);
    const twice = await send(patientLogin, 'PUT', '/api/me/reminders', {
      times: ['08:00', '08:00'],
      timeZone: 'UTC',
    });
    expect(errorPaths(twice)).toEqual(['body.times[1]']);
    const missing = await send(patientLogin, 'PUT', '/api/me/reminders', { times: [] });
    expect(errorPaths(missing)).toEqual(['body.timeZone']);
  });

  it('are a patient’s own: 401 signed out, 403 for staff, 403 without CSRF', async () => {
    expect((await send(null, 'GET', '/api/me/reminders')).statusCode).toBe(401);
    expect((await send(clinicianLogin, 'GET', '/api/me/reminders')).statusCode).toBe(403);
    const noCsrf = await app.inject({
      method: 'PUT',
      url: '/api/me/reminders',
      cookies: patientLogin.cookies,
      payload: { times: [], timeZone: 'UTC' },
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('web push', () => {
  it('makes the VAPID key pair once and keeps answering the same public key', async () => {
    const first = await send(patientLogin, 'GET', '/api/push/public-key');
    expect(first.statusCode).toBe(200);
    const { publicKey } = first.json<{ publicKey: string }>();
    // An uncompressed P-256 point, base64url: 65 bytes → 87 characters.
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/u);
    const second = await send(otherPatientLogin, 'GET', '/api/push/public-key');
    expect(second.json()).toEqual({ publicKey });
    const rows = await client.db
      .select()
      .from(serverSettings)
      .where(eq(serverSettings.key, VAPID_SETTING));
    expect(rows).toHaveLength(1);
    // The private key never leaves the server.
    expect(first.body).not.toContain((rows[0]?.value as { privateKey: string }).privateKey);
    expect((await send(clinicianLogin, 'GET', '/api/push/public-key')).statusCode).toBe(403);
  });

  it('upserts a device by endpoint, moves it to whoever subscribed last, and deletes only one’s own', async () => {
    const endpoint = 'https://push.example.test/send/device-1';
    const added = await send(
      patientLogin,
      'POST',
      '/api/me/push-subscriptions',
      subscription(endpoint),
    );
    expect(added.statusCode).toBe(204);
    // The same device again: still one row.
    await send(patientLogin, 'POST', '/api/me/push-subscriptions', subscription(endpoint));
    const rows = await client.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, endpoint));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.patientId).toBe(home.patientId);
    expect((await send(patientLogin, 'GET', '/api/me/reminders')).json()).toMatchObject({
      devices: 1,
    });

    // Another patient cannot delete it…
    const foreign = await send(otherPatientLogin, 'DELETE', '/api/me/push-subscriptions', {
      endpoint,
    });
    expect(foreign.statusCode).toBe(204);
    expect(
      await client.db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.endpoint, endpoint)),
    ).toHaveLength(1);
    // …but after signing in on that device and subscribing, it is theirs.
    await send(otherPatientLogin, 'POST', '/api/me/push-subscriptions', subscription(endpoint));
    const [moved] = await client.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, endpoint));
    expect(moved?.patientId).toBe(other.patientId);

    const removed = await send(otherPatientLogin, 'DELETE', '/api/me/push-subscriptions', {
      endpoint,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      await client.db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.endpoint, endpoint)),
    ).toHaveLength(0);

    // Never the endpoint or keys in the audit log.
    const audits = await client.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.resource, 'pushSubscription'));
    expect(audits.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(audits)).not.toContain('push.example.test');
  });

  it('refuses a subscription that is not https or lacks keys, naming the field', async () => {
    const plain = await send(
      patientLogin,
      'POST',
      '/api/me/push-subscriptions',
      subscription('http://push.example.test/x'),
    );
    expect(plain.statusCode).toBe(400);
    expect(errorPaths(plain)).toEqual(['body.endpoint']);
    const noKeys = await send(patientLogin, 'POST', '/api/me/push-subscriptions', {
      endpoint: 'https://push.example.test/y',
      keys: { p256dh: 'abc' },
    });
    expect(errorPaths(noKeys)).toEqual(['body.keys.auth']);
    const noEndpoint = await send(patientLogin, 'DELETE', '/api/me/push-subscriptions', {});
    expect(errorPaths(noEndpoint)).toEqual(['body.endpoint']);
  });
});

describe('the OpenAPI document', () => {
  it('lists the reminder and push routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ paths: Record<string, object> }>();
    expect(Object.keys(document.paths['/api/me/reminders'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(Object.keys(document.paths['/api/me/push-subscriptions'] ?? {}).sort()).toEqual([
      'delete',
      'post',
    ]);
    expect(document.paths['/api/push/public-key']).toHaveProperty('get');
  });
});
