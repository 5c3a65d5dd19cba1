import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { auditLog, episodes, patients, programmes, users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import {
  PROGRAMME_START,
  TODAY,
  insertPatientWithProgramme,
  type PatientWithProgramme,
} from '../../logs/programme.fixture.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerAssessmentFeature } from './routes.js';

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

let clinician: Login;
let otherClinician: Login;
let patient: Login;

async function loginAs(userId: string): Promise<Login> {
  const session = await createSession(client.db, { userId, now: clock });
  return {
    cookies: { [SESSION_COOKIE]: session.token },
    csrf: { 'x-csrf-token': session.csrfToken },
  };
}

async function episodeOf(fixture: PatientWithProgramme): Promise<string> {
  const [row] = await client.db
    .select({ episodeId: programmes.episodeId })
    .from(programmes)
    .where(eq(programmes.id, fixture.programmeId));
  if (row === undefined) throw new Error('no episode for the programme');
  return row.episodeId;
}

async function newEpisode(patientId: string): Promise<string> {
  const [row] = await client.db
    .insert(episodes)
    .values({ patientId, region: 'lumbar', condition: 'nonspecific', startedOn: PROGRAMME_START })
    .returning();
  if (row === undefined) throw new Error('no episode inserted');
  return row.id;
}

function patch(who: Login, episodeId: string, payload: object) {
  return app.inject({
    method: 'PATCH',
    url: `/api/episodes/${episodeId}`,
    cookies: who.cookies,
    headers: who.csrf,
    payload,
  });
}

function paths(response: LightMyRequestResponse): string[] {
  expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  return response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
}

const discharge = (extra: object = {}) => ({
  status: 'discharged',
  dischargedOn: TODAY,
  dischargeSummary: 'Back to gardening; keeps up the home exercises.',
  ...extra,
});

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
  if (patientUser === undefined) throw new Error('no patient user inserted');
  await client.db
    .update(patients)
    .set({ userId: patientUser.id })
    .where(eq(patients.id, home.patientId));
  clinician = await loginAs(home.clinicianId);
  otherClinician = await loginAs(other.clinicianId);
  patient = await loginAs(patientUser.id);

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerAssessmentFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('PATCH /api/episodes/:episodeId', () => {
  it('refuses a discharge in the future, before the start or without its fields', async () => {
    const episodeId = await episodeOf(home);
    const cases: [object, string[]][] = [
      [discharge({ dischargedOn: '2026-11-11' }), ['body.dischargedOn']],
      [discharge({ dischargedOn: '2026-11-01' }), ['body.dischargedOn']],
      [{ status: 'discharged' }, ['body.dischargedOn', 'body.dischargeSummary']],
      [{ dischargedOn: TODAY }, ['body.dischargedOn']],
      [{}, ['body']],
      [discharge({ dischargeSummary: 'a\u0000b' }), ['body.dischargeSummary']],
      [discharge({ status: 'active' }), ['body.status']],
    ];
    for (const [body, expected] of cases) {
      const response = await patch(clinician, episodeId, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(paths(response)).toEqual(expected);
    }
    const [episode] = await client.db.select().from(episodes).where(eq(episodes.id, episodeId));
    expect(episode?.status).toBe('active');
  });

  it('answers 404 for another clinic’s episode and 403 to a patient', async () => {
    const episodeId = await episodeOf(home);
    expect((await patch(otherClinician, episodeId, discharge())).statusCode).toBe(404);
    expect((await patch(patient, episodeId, discharge())).statusCode).toBe(403);
  });

  it('changes the condition of an active episode', async () => {
    const episodeId = await newEpisode(home.patientId);
    const response = await patch(clinician, episodeId, { condition: 'discRadicular' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: episodeId,
      condition: 'discRadicular',
      status: 'active',
      dischargedOn: null,
      completedProgrammeIds: [],
    });
  });

  it('discharges once, completes the active programme, audits, then refuses changes', async () => {
    const episodeId = await episodeOf(home);
    const response = await patch(clinician, episodeId, discharge());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: episodeId,
      status: 'discharged',
      dischargedOn: TODAY,
      dischargeSummary: 'Back to gardening; keeps up the home exercises.',
      completedProgrammeIds: [home.programmeId],
    });
    const [programme] = await client.db
      .select()
      .from(programmes)
      .where(eq(programmes.id, home.programmeId));
    expect(programme?.status).toBe('completed');

    const [audit] = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'episode'), eq(auditLog.resourceId, episodeId)));
    expect(audit).toMatchObject({
      action: 'update',
      patientId: home.patientId,
      userId: home.clinicianId,
    });

    expect((await patch(clinician, episodeId, discharge())).statusCode).toBe(409);
    expect((await patch(clinician, episodeId, { condition: 'nonspecific' })).statusCode).toBe(409);
    const assessment = await app.inject({
      method: 'POST',
      url: `/api/episodes/${episodeId}/assessments`,
      cookies: clinician.cookies,
      headers: clinician.csrf,
      payload: { kind: 'reassessment', questionnaires: [], redFlags: { findings: {} } },
    });
    expect(assessment.statusCode).toBe(409);
  });
});
