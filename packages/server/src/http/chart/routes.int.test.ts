import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import {
  auditLog,
  clinicalNotes,
  episodes,
  patients,
  sessionLogs,
  users,
} from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import {
  TODAY,
  insertPatientWithProgramme,
  type PatientWithProgramme,
} from '../../logs/programme.fixture.js';
import { buildApp, type App } from '../app.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerChartFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: PatientWithProgramme;
let other: PatientWithProgramme;

const clock = new Date(`${TODAY}T09:00:00.000Z`);

let clinicianCookies: Record<string, string>;
let otherClinicianCookies: Record<string, string>;
let patientCookies: Record<string, string>;

async function cookiesFor(userId: string) {
  const session = await createSession(client.db, { userId, now: clock });
  return { [SESSION_COOKIE]: session.token };
}

async function insertLog(date: string, painBefore: number, painAfter: number, key: string) {
  await client.db.insert(sessionLogs).values({
    patientId: home.patientId,
    programmeId: home.programmeId,
    programmeVersion: 1,
    exerciseId: home.exerciseId,
    performedOn: date,
    idempotencyKey: key,
    log: {
      date,
      exerciseId: home.exerciseId,
      setsDone: 2,
      painBefore,
      painAfter,
      symptoms: ['nightPain'],
      note: 'Felt fine',
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPatientWithProgramme(client.db);
  other = await insertPatientWithProgramme(client.db, { clinicName: 'Hillside Clinic' });
  const [patientUser] = await client.db
    .insert(users)
    .values({ clinicId: home.clinicId, role: 'patient', displayName: 'Alex Morgan' })
    .returning();
  if (patientUser === undefined) throw new Error('no patient user');
  await client.db
    .update(patients)
    .set({ userId: patientUser.id })
    .where(eq(patients.id, home.patientId));
  clinicianCookies = await cookiesFor(home.clinicianId);
  otherClinicianCookies = await cookiesFor(other.clinicianId);
  patientCookies = await cookiesFor(patientUser.id);

  await insertLog('2026-11-03', 5, 4, 'a');
  await insertLog('2026-11-09', 4, 3, 'b');
  await insertLog('2026-11-10', 3, 2, 'c');
  // Outside the default window (more than 12 weeks before TODAY).
  await insertLog('2026-08-01', 7, 7, 'd');
  const [episode] = await client.db
    .select()
    .from(episodes)
    .where(eq(episodes.patientId, home.patientId));
  if (episode === undefined) throw new Error('no episode');
  await client.db.insert(clinicalNotes).values({
    patientId: home.patientId,
    episodeId: episode.id,
    authorId: home.clinicianId,
    visitOn: '2026-11-09',
    assessment: 'Improving steadily.',
  });

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now: () => clock });
  registerChartFeature(app, { db: client.db, now: () => clock });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

function get(url: string, cookies?: Record<string, string>) {
  return app.inject({ method: 'GET', url, ...(cookies === undefined ? {} : { cookies }) });
}

interface LogList {
  from: string;
  to: string;
  truncated: boolean;
  logs: {
    date: string;
    exerciseName: string | null;
    painBefore: number;
    painAfter: number;
    symptoms: string[];
    note: string;
  }[];
}

describe('GET /api/patients/:patientId/logs', () => {
  it('answers the last twelve weeks, newest first, with names and pain, and audits the read', async () => {
    const response = await get(`/api/patients/${home.patientId}/logs`, clinicianCookies);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<LogList>();
    expect(body.to).toBe(TODAY);
    expect(body.from).toBe('2026-08-19');
    expect(body.logs.map((log) => log.date)).toEqual(['2026-11-10', '2026-11-09', '2026-11-03']);
    expect(body.logs[0]).toMatchObject({
      painBefore: 3,
      painAfter: 2,
      symptoms: ['nightPain'],
      note: 'Felt fine',
    });
    expect(body.logs[0]?.exerciseName).toEqual(expect.any(String));
    const audit = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, home.patientId), eq(auditLog.resource, 'sessionLog')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'read', userId: home.clinicianId });
  });

  it('keeps to the window asked for, and refuses a reversed or too wide one', async () => {
    const narrow = await get(
      `/api/patients/${home.patientId}/logs?from=2026-07-01&to=2026-11-05`,
      clinicianCookies,
    );
    expect(narrow.json<LogList>().logs.map((log) => log.date)).toEqual([
      '2026-11-03',
      '2026-08-01',
    ]);
    const reversed = await get(
      `/api/patients/${home.patientId}/logs?from=2026-11-05&to=2026-11-01`,
      clinicianCookies,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('query.from');
    const wide = await get(
      `/api/patients/${home.patientId}/logs?from=2024-01-01&to=2026-11-05`,
      clinicianCookies,
    );
    expect(wide.statusCode).toBe(400);
    const malformed = await get(
      `/api/patients/${home.patientId}/logs?from=yesterday`,
      clinicianCookies,
    );
    expect(malformed.statusCode).toBe(400);
  });

  it('is for the clinic’s staff: 401 signed out, 403 a patient, 404 another clinic', async () => {
    expect((await get(`/api/patients/${home.patientId}/logs`)).statusCode).toBe(401);
    expect((await get(`/api/patients/${home.patientId}/logs`, patientCookies)).statusCode).toBe(
      403,
    );
    expect(
      (await get(`/api/patients/${home.patientId}/logs`, otherClinicianCookies)).statusCode,
    ).toBe(404);
    expect((await get(`/api/patients/not-a-uuid/logs`, clinicianCookies)).statusCode).toBe(400);
  });
});

describe('GET /api/patients/:patientId/timeline', () => {
  it('lists the programme, log weeks and notes, newest first, and audits the read', async () => {
    const response = await get(`/api/patients/${home.patientId}/timeline`, clinicianCookies);
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      items: {
        kind: string;
        date: string;
        title: string;
        detail: string | null;
        links: Record<string, unknown>;
      }[];
    }>();
    const dates = body.items.map((item) => item.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const weeks = body.items.filter((item) => item.kind === 'logWeek');
    expect(weeks.map((week) => week.date)).toEqual(['2026-11-09', '2026-11-02', '2026-07-27']);
    expect(weeks[0]?.title).toBe('Exercise logs: 2 bouts in the week');
    expect(weeks[0]?.detail).toContain('average pain 3.5 before, 2.5 after');
    expect(body.items.find((item) => item.kind === 'note')?.detail).toBe('Improving steadily.');
    expect(body.items.find((item) => item.kind === 'programmeVersion')?.links).toMatchObject({
      programmeId: home.programmeId,
      version: 1,
    });
    const audit = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, home.patientId), eq(auditLog.resource, 'timeline')));
    expect(audit).toHaveLength(1);
  });

  it('is for the clinic’s staff: 403 a patient, 404 another clinic', async () => {
    expect((await get(`/api/patients/${home.patientId}/timeline`, patientCookies)).statusCode).toBe(
      403,
    );
    expect(
      (await get(`/api/patients/${home.patientId}/timeline`, otherClinicianCookies)).statusCode,
    ).toBe(404);
    const audit = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, home.patientId), eq(auditLog.userId, other.clinicianId)));
    expect(audit).toHaveLength(0);
  });
});
