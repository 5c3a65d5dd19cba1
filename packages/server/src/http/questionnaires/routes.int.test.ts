import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import {
  assessments,
  auditLog,
  episodes,
  patients,
  questionnaireRequests,
  users,
} from '../../database/schema.js';
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
import { registerQuestionnaireFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: PatientWithProgramme;
let other: PatientWithProgramme;
let homeEpisodeId: string;
let dischargedEpisodeId: string;
let noLoginEpisodeId: string;

let clock = new Date(`${TODAY}T09:00:00.000Z`);
const now = () => clock;

interface Login {
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let patientLogin: Login;
let otherPatientLogin: Login;
let clinicianLogin: Login;
let otherClinicianLogin: Login;

interface RequestBody {
  id: string;
  patientId: string;
  episodeId: string;
  instruments: string[];
  message: string | null;
  dueOn: string;
  state: string;
  requestedBy: string;
  requestedByName: string;
  completedAt: string | null;
  cancelledAt: string | null;
  results:
    | { instrument: string; answers: unknown[]; score: { score: number; bandLabel: string } }[]
    | null;
}

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

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

async function userOf(patientId: string): Promise<string> {
  const [patient] = await client.db
    .select({ userId: patients.userId })
    .from(patients)
    .where(eq(patients.id, patientId));
  if ((patient?.userId ?? null) === null) throw new Error('no patient log-in');
  return patient?.userId as string;
}

async function episodeOf(patientId: string): Promise<string> {
  const [episode] = await client.db
    .select({ id: episodes.id })
    .from(episodes)
    .where(eq(episodes.patientId, patientId));
  if (episode === undefined) throw new Error('no episode');
  return episode.id;
}

function send(login: Login, episodeId: string, body: unknown) {
  return app.inject({
    method: 'POST',
    url: `/api/episodes/${episodeId}/questionnaire-requests`,
    cookies: login.cookies,
    headers: login.csrf,
    payload: body as object,
  });
}

function mine(login: Login) {
  return app.inject({ method: 'GET', url: '/api/me/questionnaires', cookies: login.cookies });
}

function answer(login: Login, requestId: string, body: unknown) {
  return app.inject({
    method: 'POST',
    url: `/api/me/questionnaires/${requestId}`,
    cookies: login.cookies,
    headers: login.csrf,
    payload: body as object,
  });
}

function cancel(login: Login, requestId: string) {
  return app.inject({
    method: 'POST',
    url: `/api/questionnaire-requests/${requestId}/cancel`,
    cookies: login.cookies,
    headers: login.csrf,
  });
}

function list(login: Login, patientId: string) {
  return app.inject({
    method: 'GET',
    url: `/api/patients/${patientId}/questionnaire-requests`,
    cookies: login.cookies,
  });
}

function paths(response: { json: () => unknown }): string[] {
  return ((response.json() as Problem).errors ?? []).map((error) => error.path);
}

const ODI = [1, 1, 2, 1, 1, 1, 2, 1, 1, 1];

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
  homeEpisodeId = await episodeOf(home.patientId);

  const [discharged] = await client.db
    .insert(episodes)
    .values({
      patientId: home.patientId,
      region: 'lumbar',
      condition: 'nonspecific low back pain',
      startedOn: '2026-01-05',
      status: 'discharged',
      dischargedOn: '2026-03-01',
    })
    .returning();
  dischargedEpisodeId = discharged?.id ?? '';

  const [noLogin] = await client.db
    .insert(patients)
    .values({ clinicId: home.clinicId, clinicianId: home.clinicianId, displayName: 'Jo Rivers' })
    .returning();
  const [noLoginEpisode] = await client.db
    .insert(episodes)
    .values({
      patientId: noLogin?.id ?? '',
      region: 'cervical',
      condition: 'neck pain',
      startedOn: TODAY,
    })
    .returning();
  noLoginEpisodeId = noLoginEpisode?.id ?? '';

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerQuestionnaireFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('sending, answering and reading questionnaires', () => {
  let sent: RequestBody;

  it('sends questionnaires: due today by default, the message trimmed, and audited', async () => {
    const response = await send(clinicianLogin, homeEpisodeId, {
      instruments: ['odi', 'nprs'],
      message: '  Before our visit on Friday, please.  ',
    });
    expect(response.statusCode).toBe(201);
    sent = response.json<RequestBody>();
    expect(sent).toMatchObject({
      patientId: home.patientId,
      episodeId: homeEpisodeId,
      instruments: ['odi', 'nprs'],
      message: 'Before our visit on Friday, please.',
      dueOn: TODAY,
      state: 'pending',
      requestedBy: home.clinicianId,
      requestedByName: 'Sam Okafor',
      results: null,
    });
    const [audit] = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'questionnaireRequest'), eq(auditLog.resourceId, sent.id)));
    expect(audit).toMatchObject({ action: 'create', patientId: home.patientId });
  });

  it('names the field of an invalid request', async () => {
    const cases: [unknown, string][] = [
      [{ instruments: [] }, 'body.instruments'],
      [{ instruments: ['nprs', 'nprs'] }, 'body.instruments'],
      [{ instruments: ['vas'] }, 'body.instruments[0]'],
      [{ instruments: ['nprs'], message: '   ' }, 'body.message'],
      [{ instruments: ['nprs'], message: 'x'.repeat(501) }, 'body.message'],
      [{ instruments: ['nprs'], dueOn: '2026-11-09' }, 'body.dueOn'],
      [{ instruments: ['nprs'], dueOn: '10/11/2026' }, 'body.dueOn'],
    ];
    for (const [body, path] of cases) {
      const response = await send(clinicianLogin, homeEpisodeId, body);
      expect(response.statusCode, path).toBe(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(paths(response)).toContain(path);
    }
    const extra = await send(clinicianLogin, homeEpisodeId, { instruments: ['nprs'], score: 3 });
    expect(extra.statusCode).toBe(400);
  });

  it('answers 404 for another clinic, 409 for a discharged episode or a patient without a log-in', async () => {
    expect(
      (await send(otherClinicianLogin, homeEpisodeId, { instruments: ['nprs'] })).statusCode,
    ).toBe(404);
    const discharged = await send(clinicianLogin, dischargedEpisodeId, { instruments: ['nprs'] });
    expect(discharged.statusCode).toBe(409);
    const noLogin = await send(clinicianLogin, noLoginEpisodeId, { instruments: ['ndi'] });
    expect(noLogin.statusCode).toBe(409);
    expect(noLogin.json<Problem>().detail).toContain('has not accepted their invitation yet');
    expect((await send(patientLogin, homeEpisodeId, { instruments: ['nprs'] })).statusCode).toBe(
      403,
    );
  });

  it("shows the patient what is due with each instrument's items, and nothing of the baseline", async () => {
    const response = await mine(patientLogin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<{
      due: RequestBody[];
      completed: RequestBody[];
      instruments: { id: string; items: { text: string; options: unknown[] }[] }[];
    }>();
    // Week 0 is the clinician's baseline; week 3 has not come yet.
    expect(body.due.map((request) => request.id)).toEqual([sent.id]);
    expect(body.completed).toEqual([]);
    expect(body.instruments.map((instrument) => instrument.id)).toEqual(['odi', 'nprs']);
    expect(body.instruments[0]?.items).toHaveLength(10);
    expect(body.instruments[0]?.items[3]?.text).toBe('Walking');
    expect(body.instruments[1]?.items[0]?.options).toHaveLength(11);
    // Another patient sees none of it.
    const others = (await mine(otherPatientLogin)).json<{ due: RequestBody[] }>();
    expect(others.due).toEqual([]);
  });

  it('names the item of a bad answer, and refuses a missing or extra questionnaire', async () => {
    const bad = await answer(patientLogin, sent.id, {
      questionnaires: [
        { instrument: 'odi', answers: [1, 1, 2, 9, 1, 1, 2, 1, 1, 1] },
        { instrument: 'nprs', answers: [4] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.questionnaires[0].answers[3]']);
    const missing = await answer(patientLogin, sent.id, {
      questionnaires: [{ instrument: 'nprs', answers: [4] }],
    });
    expect(missing.statusCode).toBe(400);
    expect(paths(missing)).toEqual(['body.questionnaires']);
    const extra = await answer(patientLogin, sent.id, {
      questionnaires: [
        { instrument: 'odi', answers: ODI },
        { instrument: 'nprs', answers: [4] },
        { instrument: 'rmdq', answers: [] },
      ],
    });
    expect(paths(extra)).toEqual(['body.questionnaires[2].instrument']);
    const stranger = await answer(otherPatientLogin, sent.id, {
      questionnaires: [
        { instrument: 'odi', answers: ODI },
        { instrument: 'nprs', answers: [4] },
      ],
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('scores the answers, completes the request once, and the clinician sees the results', async () => {
    const body = {
      questionnaires: [
        { instrument: 'nprs', answers: [4] },
        { instrument: 'odi', answers: ODI },
      ],
    };
    const response = await answer(patientLogin, sent.id, body);
    expect(response.statusCode).toBe(200);
    const completed = response.json<RequestBody>();
    expect(completed.state).toBe('completed');
    expect(completed.completedAt).toBe(clock.toISOString());
    expect(completed.results?.map((result) => result.instrument)).toEqual(['odi', 'nprs']);
    // 12 of 50. [S-ODI]
    expect(completed.results?.[0]?.score.score).toBe(24);
    expect(completed.results?.[1]?.score.bandLabel).toBe('Moderate pain');

    const again = await answer(patientLogin, sent.id, body);
    expect(again.statusCode).toBe(409);

    const patientView = (await mine(patientLogin)).json<{
      due: RequestBody[];
      completed: RequestBody[];
    }>();
    expect(patientView.due).toEqual([]);
    expect(patientView.completed.map((request) => request.id)).toEqual([sent.id]);

    const staff = await list(clinicianLogin, home.patientId);
    expect(staff.statusCode).toBe(200);
    const [first] = staff.json<{ requests: RequestBody[] }>().requests;
    expect(first?.results?.[0]?.score.score).toBe(24);
    expect((await list(otherClinicianLogin, home.patientId)).statusCode).toBe(404);
    expect((await list(patientLogin, home.patientId)).statusCode).toBe(403);

    const audits = await client.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'questionnaireRequest'), eq(auditLog.resourceId, sent.id)));
    expect(audits.map((row) => row.action)).toEqual(['create', 'update']);
  });

  it('cancels a pending request only, within the clinic', async () => {
    clock = new Date(`${TODAY}T10:00:00.000Z`);
    const created = (
      await send(clinicianLogin, homeEpisodeId, { instruments: ['nprs'], dueOn: '2026-11-12' })
    ).json<RequestBody>();
    expect((await cancel(otherClinicianLogin, created.id)).statusCode).toBe(404);
    expect((await cancel(patientLogin, created.id)).statusCode).toBe(403);
    const cancelled = await cancel(clinicianLogin, created.id);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<RequestBody>()).toMatchObject({ state: 'cancelled', results: null });
    expect((await cancel(clinicianLogin, created.id)).statusCode).toBe(409);
    expect((await cancel(clinicianLogin, sent.id)).statusCode).toBe(409);
    const late = await answer(patientLogin, created.id, {
      questionnaires: [{ instrument: 'nprs', answers: [2] }],
    });
    expect(late.statusCode).toBe(409);
    expect((await mine(patientLogin)).json<{ due: RequestBody[] }>().due).toEqual([]);

    const newestFirst = (await list(clinicianLogin, home.patientId)).json<{
      requests: RequestBody[];
    }>();
    expect(newestFirst.requests.map((request) => request.state)).toEqual([
      'cancelled',
      'completed',
    ]);
  });
});

describe('questionnaires due by the programme schedule', () => {
  it('adds the reassessment whose day has come once, from the clinician, and never again', async () => {
    const week3 = home.programme.reassessments.find((entry) => entry.week > 0);
    if (week3 === undefined) throw new Error('the programme has no reassessment after week 0');
    clock = new Date(`${week3.date}T08:00:00.000Z`);
    // Sessions expire over the days between: sign in again on the day.
    patientLogin = await loginAs(await userOf(home.patientId));
    clinicianLogin = await loginAs(home.clinicianId);

    const first = (await mine(patientLogin)).json<{ due: RequestBody[] }>();
    expect(first.due).toHaveLength(1);
    expect(first.due[0]).toMatchObject({
      dueOn: week3.date,
      instruments: week3.instruments,
      requestedBy: home.clinicianId,
      requestedByName: 'Sam Okafor',
      message: null,
    });
    const scheduledId = first.due[0]?.id ?? '';
    const [audit] = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, scheduledId), eq(auditLog.action, 'create')));
    expect(audit?.detail).toMatchObject({ source: 'programmeReassessment' });

    // Two phones opening at once, then again later: still one.
    await Promise.all([mine(patientLogin), mine(patientLogin)]);
    const rows = await client.db
      .select({ id: questionnaireRequests.id })
      .from(questionnaireRequests)
      .where(
        and(
          eq(questionnaireRequests.patientId, home.patientId),
          eq(questionnaireRequests.dueOn, week3.date),
        ),
      );
    expect(rows).toHaveLength(1);

    // A clinician cancelling it does not bring it back.
    expect((await cancel(clinicianLogin, scheduledId)).statusCode).toBe(200);
    const after = (await mine(patientLogin)).json<{ due: RequestBody[] }>();
    expect(after.due).toEqual([]);
  });
  it("gives the PSFS activities named at the episode's baseline, to rate again", async () => {
    await client.db.insert(assessments).values({
      episodeId: homeEpisodeId,
      kind: 'baseline',
      assessedAt: new Date(`${TODAY}T08:00:00.000Z`),
      questionnaires: [
        {
          instrument: 'psfs',
          answers: [
            { activity: ' Gardening ', rating: 3 },
            { activity: 'Carrying shopping', rating: 4 },
            { activity: 'Sitting through a film', rating: 5 },
          ],
          score: {} as never,
        },
      ],
      redFlagFindings: {},
      redFlagScreen: {} as never,
      createdBy: home.clinicianId,
    });
    const psfs = await send(clinicianLogin, homeEpisodeId, { instruments: ['psfs'] });
    expect(psfs.statusCode).toBe(201);
    const body = (await mine(patientLogin)).json<{
      goals: { episodeId: string; activities: string[] }[];
    }>();
    expect(body.goals).toEqual([
      {
        episodeId: homeEpisodeId,
        activities: ['Gardening', 'Carrying shopping', 'Sitting through a film'],
      },
    ]);
    const cancelled = await app.inject({
      method: 'POST',
      url: `/api/questionnaire-requests/${psfs.json<RequestBody>().id}/cancel`,
      cookies: clinicianLogin.cookies,
      headers: clinicianLogin.csrf,
    });
    expect(cancelled.statusCode).toBe(200);
    expect((await mine(patientLogin)).json<{ goals: unknown[] }>().goals).toEqual([]);
  });
});
