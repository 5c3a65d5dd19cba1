import { getLesson, scoreInstrument, screenRedFlags } from '@spinewise/clinical';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import {
  assessments,
  auditLog,
  checkIns,
  episodes,
  lessonProgress,
  patients,
  questionnaireRequests,
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
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerMeFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: PatientWithProgramme;
let other: PatientWithProgramme;

/** The injected clock; a test moves it to see a lesson open. */
let clock = new Date(`${TODAY}T09:00:00.000Z`);
const now = () => clock;

interface Login {
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let patientLogin: Login;
let otherLogin: Login;
let noProgrammeLogin: Login;
let clinicianLogin: Login;
let homeUserId: string;

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

function get(login: Login | null, url: string) {
  return app.inject({ method: 'GET', url, ...(login === null ? {} : { cookies: login.cookies }) });
}

function answer(login: Login, lessonId: string, body: unknown, withCsrf = true) {
  return app.inject({
    method: 'POST',
    url: `/api/me/lessons/${lessonId}/progress`,
    cookies: login.cookies,
    headers: withCsrf ? login.csrf : {},
    payload: body as object,
  });
}

interface ListBody {
  date: string;
  lessons: {
    id: string;
    kind: string;
    week: number | null;
    unlockedOn: string | null;
    unlocked: boolean;
    completedAt: string | null;
    score: { right: number; total: number } | null;
  }[];
}

/** A programme lesson that opens after TODAY (a later week's). */
function laterLesson(): { id: string; opensOn: string } {
  const week = home.programme.weeks.find((candidate) => candidate.startDate > TODAY);
  if (week === undefined) throw new Error('no later week');
  const id = week.lessons.find(
    (lesson) =>
      !home.programme.weeks.some(
        (earlier) => earlier.week < week.week && earlier.lessons.includes(lesson),
      ),
  );
  if (id === undefined) throw new Error('no lesson opens later');
  return { id, opensOn: week.startDate };
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
  homeUserId = await patientUser(home);
  patientLogin = await loginAs(homeUserId);
  otherLogin = await loginAs(await patientUser(other));
  noProgrammeLogin = await loginAs(await patientUser(noProgramme));
  clinicianLogin = await loginAs(home.clinicianId);

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerMeFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('GET /api/me/lessons', () => {
  it('lists the programme’s lessons, open by the schedule, with the safety lesson first', async () => {
    const response = await get(patientLogin, '/api/me/lessons');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<ListBody>();
    expect(body.date).toBe(TODAY);
    expect(body.lessons[0]).toMatchObject({
      id: 'cauda-equina-warning-signs',
      kind: 'safety',
      unlocked: true,
    });
    const later = laterLesson();
    expect(body.lessons.find((lesson) => lesson.id === later.id)).toMatchObject({
      unlocked: false,
      unlockedOn: later.opensOn,
    });
    const audits = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, home.patientId), eq(auditLog.resource, 'lessonProgress')));
    expect(audits.some((row) => row.action === 'read')).toBe(true);
  });

  it('without an active programme lists the safety lesson for the region only', async () => {
    const response = await get(noProgrammeLogin, '/api/me/lessons');
    expect(response.statusCode).toBe(200);
    expect(response.json<ListBody>().lessons.map((lesson) => lesson.id)).toEqual([
      'cauda-equina-warning-signs',
    ]);
  });

  it('answers 401 signed out and 403 to a clinician', async () => {
    expect((await get(null, '/api/me/lessons')).statusCode).toBe(401);
    expect((await get(clinicianLogin, '/api/me/lessons')).statusCode).toBe(403);
  });
});

describe('GET /api/me/lessons/:lessonId', () => {
  it('answers an open lesson without saying which option is right', async () => {
    const response = await get(patientLogin, '/api/me/lessons/cauda-equina-warning-signs');
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      title: string;
      sections: unknown[];
      checkQuestions: { id: string; options: { id: string }[]; result: unknown }[];
    }>();
    expect(body.sections.length).toBeGreaterThan(0);
    expect(body.checkQuestions[0]?.options[0]?.id).toBe('0');
    expect(body.checkQuestions.every((question) => question.result === null)).toBe(true);
    expect(response.body).not.toContain('rightOptionId');
    expect(response.body).not.toContain('"answer"');
  });

  it('answers 409 with the opening day for a locked lesson, and opens it on that day', async () => {
    const later = laterLesson();
    const locked = await get(patientLogin, `/api/me/lessons/${later.id}`);
    expect(locked.statusCode).toBe(409);
    expect(locked.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(locked.json<{ detail: string }>().detail).toContain(later.opensOn);
    const before = clock;
    clock = new Date(`${later.opensOn}T00:30:00.000Z`);
    try {
      // A session started that day (a week-old one would have timed out).
      const thatDay = await loginAs(homeUserId);
      expect((await get(thatDay, `/api/me/lessons/${later.id}`)).statusCode).toBe(200);
    } finally {
      clock = before;
    }
  });

  it('answers 404 for an unknown lesson and one for another region', async () => {
    expect((await get(patientLogin, '/api/me/lessons/not-a-lesson')).statusCode).toBe(404);
    expect((await get(patientLogin, '/api/me/lessons/neck-warning-signs')).statusCode).toBe(404);
    expect((await get(noProgrammeLogin, '/api/me/lessons/sleep')).statusCode).toBe(404);
  });
});

describe('POST /api/me/lessons/:lessonId/progress', () => {
  const lesson = getLesson('cauda-equina-warning-signs');
  const [first, second] = lesson.checkQuestions;
  if (first === undefined || second === undefined) throw new Error('the lesson has questions');
  const wrong = (question: typeof first) => String((question.answer + 1) % question.options.length);

  it('checks, stores and merges answers, keeping the latest, and audits the writes', async () => {
    const one = await answer(patientLogin, lesson.id, { answers: { [first.id]: wrong(first) } });
    expect(one.statusCode).toBe(200);
    const stored = one.json<{
      completedAt: string;
      results: {
        questionId: string;
        correct: boolean;
        rightOptionId: string;
        explanation: string;
      }[];
      score: { right: number; total: number };
    }>();
    expect(stored.results).toEqual([
      {
        questionId: first.id,
        optionId: wrong(first),
        correct: false,
        rightOptionId: String(first.answer),
        explanation: first.explanation,
      },
    ]);
    expect(stored.completedAt).toBe(clock.toISOString());

    const two = await answer(patientLogin, lesson.id, {
      answers: { [first.id]: String(first.answer), [second.id]: String(second.answer) },
    });
    expect(two.statusCode).toBe(200);
    const merged = two.json<typeof stored>();
    expect(merged.results.map((result) => result.correct)).toEqual([true, true]);
    expect(merged.score).toEqual({ right: 2, total: lesson.checkQuestions.length });

    const [row] = await client.db
      .select()
      .from(lessonProgress)
      .where(
        and(eq(lessonProgress.patientId, home.patientId), eq(lessonProgress.lessonId, lesson.id)),
      );
    expect(row?.answers).toEqual({
      [first.id]: String(first.answer),
      [second.id]: String(second.answer),
    });
    const writes = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'lessonProgress'), eq(auditLog.resourceId, lesson.id)));
    expect(writes.filter((entry) => entry.action !== 'read').map((entry) => entry.action)).toEqual([
      'create',
      'update',
    ]);

    // Read again, the lesson carries the feedback; the list shows it read.
    const read = await get(patientLogin, `/api/me/lessons/${lesson.id}`);
    const content = read.json<{ checkQuestions: { result: { correct: boolean } | null }[] }>();
    expect(content.checkQuestions[0]?.result?.correct).toBe(true);
    const list = (await get(patientLogin, '/api/me/lessons')).json<ListBody>();
    expect(list.lessons.find((item) => item.id === lesson.id)?.completedAt).not.toBeNull();

    // Another patient's list is untouched.
    const theirs = (await get(otherLogin, '/api/me/lessons')).json<ListBody>();
    expect(theirs.lessons.find((item) => item.id === lesson.id)?.completedAt).toBeNull();
  });

  it('answers 400 naming the unknown question or option, and for a malformed body', async () => {
    const unknown = await answer(patientLogin, lesson.id, { answers: { nope: '0' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(unknown.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe(
      'body.answers.nope',
    );
    const option = await answer(patientLogin, lesson.id, { answers: { [first.id]: '7' } });
    expect(option.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe(
      `body.answers[${JSON.stringify(first.id)}]`,
    );
    const extra = await answer(patientLogin, lesson.id, {
      answers: { [first.id]: '0' },
      note: 'x',
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body.note');
    const empty = await answer(patientLogin, lesson.id, { answers: {} });
    expect(empty.statusCode).toBe(400);
    const notText = await answer(patientLogin, lesson.id, { answers: { [first.id]: 1 } });
    expect(notText.statusCode).toBe(400);
  });

  it('answers 409 for a locked lesson, 404 for an unknown one and 403 without CSRF', async () => {
    const later = laterLesson();
    const question = getLesson(later.id).checkQuestions[0];
    const body = { answers: { [question?.id ?? 'q']: '0' } };
    expect((await answer(patientLogin, later.id, body)).statusCode).toBe(409);
    expect((await answer(patientLogin, 'not-a-lesson', body)).statusCode).toBe(404);
    expect(
      (await answer(patientLogin, lesson.id, { answers: { [first.id]: '0' } }, false)).statusCode,
    ).toBe(403);
  });
});

describe('GET /api/me/progress', () => {
  it('has empty sections for a patient with nothing logged yet', async () => {
    const response = await get(otherLogin, '/api/me/progress');
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      painTrend: { days: unknown[]; summary: string };
      week: { daysDone: number } | null;
      questionnaires: unknown[];
      goals: unknown[];
    }>();
    expect(body.painTrend.days).toEqual([]);
    expect(body.painTrend.summary).toMatch(/No pain scores yet/u);
    expect(body.week?.daysDone).toBe(0);
    expect(body.questionnaires).toEqual([]);
    expect(body.goals).toEqual([]);
  });

  it('shows the pain trend, the week, questionnaires against the baseline and the goals', async () => {
    const [episode] = await client.db
      .select()
      .from(episodes)
      .where(eq(episodes.patientId, home.patientId));
    if (episode === undefined) throw new Error('no episode');
    const screen = screenRedFlags({ region: 'lumbar', findings: { age: 44 } });
    const questionnaire = (instrument: 'nprs' | 'psfs', answers: unknown[]) => ({
      instrument,
      answers,
      score: scoreInstrument(instrument, answers),
    });
    await client.db.insert(assessments).values({
      episodeId: episode.id,
      kind: 'baseline',
      assessedAt: new Date('2026-11-02T09:00:00Z'),
      questionnaires: [
        questionnaire('nprs', [7]),
        questionnaire('psfs', [
          { activity: 'Gardening for an hour', rating: 3 },
          { activity: 'Sitting through a film', rating: 5 },
          { activity: 'Carrying shopping', rating: 4 },
        ]),
      ],
      redFlagFindings: { age: 44 },
      redFlagScreen: screen,
      createdBy: home.clinicianId,
    });
    await client.db.insert(questionnaireRequests).values({
      patientId: home.patientId,
      episodeId: episode.id,
      instruments: ['nprs', 'psfs'],
      dueOn: '2026-11-09',
      state: 'completed',
      requestedBy: home.clinicianId,
      answers: [
        questionnaire('nprs', [4]),
        questionnaire('psfs', [
          { activity: 'Gardening for an hour', rating: 7 },
          { activity: 'Sitting through a film', rating: 5 },
          { activity: 'Carrying shopping', rating: 4 },
        ]),
      ],
      completedAt: new Date('2026-11-09T18:00:00Z'),
    });
    const logRow = (
      date: string,
      key: string,
      pain: { before: number; during: number; after: number },
    ) => ({
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
        painBefore: pain.before,
        painDuring: pain.during,
        painAfter: pain.after,
      },
    });
    await client.db
      .insert(sessionLogs)
      .values([
        logRow('2026-11-03', 'p-1', { before: 5, during: 6, after: 5 }),
        logRow('2026-11-09', 'p-2', { before: 3, during: 4, after: 3 }),
        logRow('2026-11-09', 'p-3', { before: 4, during: 4, after: 2 }),
        logRow('2026-11-10', 'p-4', { before: 3, during: 3, after: 2 }),
      ]);
    await client.db.insert(checkIns).values({
      patientId: home.patientId,
      sessionOn: '2026-11-09',
      pain: 2,
      stiffness: 3,
      idempotencyKey: 'c-1',
    });

    const response = await get(patientLogin, '/api/me/progress');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<{
      painTrend: {
        days: { date: string; painAfter: number | null; nextMorningPain: number | null }[];
        summary: string;
      };
      week: { week: number; daysDone: number; daysPlanned: number; message: string } | null;
      questionnaires: {
        instrument: string;
        direction: string;
        realChange: boolean;
        meaning: string;
        sources: string[];
      }[];
      goals: { activity: string; baseline: number; latest: number | null; meaning: string }[];
    }>();
    expect(body.painTrend.days.map((day) => day.date)).toEqual([
      '2026-11-03',
      '2026-11-09',
      '2026-11-10',
    ]);
    expect(body.painTrend.days[1]).toMatchObject({ painAfter: 2.5, nextMorningPain: 2 });
    expect(body.painTrend.summary).toMatch(/come down from 5 out of 10/u);
    // Week 2 (from 2026-11-09): two days done so far.
    expect(body.week).toMatchObject({ week: 2, daysDone: 2 });
    expect(body.week?.message).not.toMatch(/streak|missed/iu);
    const nprs = body.questionnaires.find((entry) => entry.instrument === 'nprs');
    expect(nprs).toMatchObject({ direction: 'improved', realChange: true });
    expect(nprs?.meaning).toBe('Your pain is lower than at the start: a real change.');
    expect(nprs?.sources).toContain('S-MCID');
    expect(body.goals.map((goal) => [goal.activity, goal.baseline, goal.latest])).toEqual([
      ['Gardening for an hour', 3, 7],
      ['Sitting through a film', 5, 5],
      ['Carrying shopping', 4, 4],
    ]);

    const [audit] = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, home.patientId), eq(auditLog.resource, 'progress')));
    expect(audit?.action).toBe('read');

    // The other patient still sees only their own (empty) trend.
    const theirs = (await get(otherLogin, '/api/me/progress')).json<{
      painTrend: { days: unknown[] };
    }>();
    expect(theirs.painTrend.days).toEqual([]);
  });

  it('answers 401 signed out and 403 to a clinician', async () => {
    expect((await get(null, '/api/me/progress')).statusCode).toBe(401);
    expect((await get(clinicianLogin, '/api/me/progress')).statusCode).toBe(403);
  });
});

describe('the OpenAPI document', () => {
  it('lists the lesson and progress routes with their schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    const document = response.json<{
      paths: Record<
        string,
        Record<string, { summary?: string; responses: Record<string, object> }>
      >;
      components: { schemas: Record<string, object> };
    }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/me/lessons',
        '/api/me/lessons/{lessonId}',
        '/api/me/lessons/{lessonId}/progress',
        '/api/me/progress',
      ]),
    );
    const post = document.paths['/api/me/lessons/{lessonId}/progress']?.post;
    expect(post?.summary).toBeTruthy();
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409']),
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'PatientLessonList',
        'PatientLesson',
        'LessonAnswers',
        'PatientProgress',
      ]),
    );
  });
});
