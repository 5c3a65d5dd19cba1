import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.js';
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
import { sessionDays } from '../../reminders/session-days.js';
import { buildApp, type App } from '../app.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerCalendarFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: PatientWithProgramme;

const clock = new Date(`${TODAY}T09:00:00.000Z`);
const now = () => clock;

interface Login {
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let patientLogin: Login;
let noProgrammeLogin: Login;
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
  method: 'GET' | 'POST' | 'DELETE',
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

/** The content lines of a calendar, unfolded. */
function contentLines(body: string): string[] {
  return body.replace(/\r\n /gu, '').split('\r\n');
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPatientWithProgramme(client.db);
  const noProgramme = await insertPatientWithProgramme(client.db, {
    clinicName: 'Lakeside',
    withProgramme: false,
  });
  patientLogin = await loginAs(await patientUser(home));
  noProgrammeLogin = await loginAs(await patientUser(noProgramme));
  clinicianLogin = await loginAs(home.clinicianId);

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerCalendarFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('the calendar subscription link', () => {
  it('is made once, stored only as a hash, serves the programme without a cookie, and is replaced and revoked', async () => {
    const created = await send(patientLogin, 'POST', '/api/me/calendar-link', {
      timeZone: 'Europe/London',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { path } = created.json<{ path: string }>();
    const token = /^\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/u.exec(path)?.[1] ?? '';
    expect(token).not.toBe('');
    const [row] = await client.db.select().from(patients).where(eq(patients.id, home.patientId));
    expect(row?.calendarTokenHash).toBe(hashToken(token));
    expect(row?.timeZone).toBe('Europe/London');
    expect(JSON.stringify(await client.db.select().from(auditLog))).not.toContain(token);

    // No cookie: the token is the credential.
    const calendar = await app.inject({ method: 'GET', url: path });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(calendar.body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    const lines = contentLines(calendar.body);
    const days = sessionDays(home.programme);
    expect(days.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(days.length);
    // 09:00 in London (no reminder time chosen): 09:00 UTC in November.
    const first = days[0];
    expect(lines).toContain(`DTSTART:${(first?.day ?? '').replace(/-/gu, '')}T090000Z`);
    expect(lines).toContain(`DURATION:PT${String(first?.minutes ?? 0)}M`);
    expect(lines).toContain('SUMMARY:Spinewise exercises');
    expect(lines).toContain('DTSTAMP:20261110T090000Z');
    // No health details in the text.
    expect(calendar.body).not.toMatch(/back|pain|lumbar|Alex/iu);

    const read = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, home.patientId), eq(auditLog.resource, 'calendar')));
    expect(read[0]).toMatchObject({
      action: 'read',
      userId: null,
      detail: { via: 'subscriptionLink' },
    });

    // A new link replaces the old one.
    const replaced = await send(patientLogin, 'POST', '/api/me/calendar-link');
    expect(replaced.statusCode, replaced.body).toBe(201);
    const newPath = replaced.json<{ path: string }>().path;
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);

    // Revoked: the link stops working.
    const revoked = await send(patientLogin, 'DELETE', '/api/me/calendar-link');
    expect(revoked.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: newPath })).statusCode).toBe(404);
  });

  it('starts events at the first reminder time in the patient’s zone', async () => {
    await client.db
      .update(patients)
      .set({ reminderTimes: ['18:30', '07:15'], timeZone: 'America/New_York' })
      .where(eq(patients.id, home.patientId));
    const { path } = (await send(patientLogin, 'POST', '/api/me/calendar-link')).json<{
      path: string;
    }>();
    const lines = contentLines((await app.inject({ method: 'GET', url: path })).body);
    const first = sessionDays(home.programme)[0]?.day.replace(/-/gu, '') ?? '';
    // 07:15 in New York in November (EST, UTC−5) is 12:15 UTC.
    expect(lines).toContain(`DTSTART:${first}T121500Z`);
  });

  it('answers 404 for an unknown token', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/calendar/not-a-real-token.ics' });
    expect(unknown.statusCode).toBe(404);
  });

  it('is a patient’s own: 401 signed out, 403 for staff', async () => {
    expect((await send(null, 'POST', '/api/me/calendar-link')).statusCode).toBe(401);
    expect((await send(clinicianLogin, 'POST', '/api/me/calendar-link')).statusCode).toBe(403);
    expect((await send(clinicianLogin, 'GET', '/api/me/calendar.ics')).statusCode).toBe(403);
    const badZone = await send(patientLogin, 'POST', '/api/me/calendar-link', {
      timeZone: 'Nowhere/Special',
    });
    expect(badZone.statusCode).toBe(400);
  });
});

describe('the one-off download', () => {
  it('is an attachment with the same events, and an empty calendar before a programme', async () => {
    const download = await send(patientLogin, 'GET', '/api/me/calendar.ics');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(
      'attachment; filename="spinewise-exercises.ics"',
    );
    expect(contentLines(download.body).filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(
      sessionDays(home.programme).length,
    );

    const empty = await send(noProgrammeLogin, 'GET', '/api/me/calendar.ics');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).not.toContain('BEGIN:VEVENT');
  });
});

describe('the OpenAPI document', () => {
  it('lists the calendar routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ paths: Record<string, object> }>();
    expect(Object.keys(document.paths['/api/me/calendar-link'] ?? {}).sort()).toEqual([
      'delete',
      'post',
    ]);
    expect(document.paths['/api/me/calendar.ics']).toHaveProperty('get');
    expect(Object.keys(document.paths).some((path) => path.startsWith('/api/calendar/'))).toBe(
      true,
    );
  });
});
