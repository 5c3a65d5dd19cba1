import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, type People } from '../../auth/people.fixture.js';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { assessments, episodes } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerAssessmentFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: People;
let cookies: Record<string, string>;
let csrf: Record<string, string>;
let episodeId: string;

const clock = new Date('2026-03-02T09:00:00.000Z');
const now = () => clock;

function assessment(extra: object = {}) {
  return {
    kind: 'baseline',
    assessedAt: '2026-03-01T10:00:00.000Z',
    questionnaires: [{ instrument: 'nprs', answers: [6] }],
    redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 44 } },
    ...extra,
  };
}

function post(payload: object) {
  return app.inject({
    method: 'POST',
    url: `/api/episodes/${episodeId}/assessments`,
    cookies,
    headers: csrf,
    payload,
  });
}

function get(url: string) {
  return app.inject({ method: 'GET', url, cookies });
}

function paths(response: LightMyRequestResponse): string[] {
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  return response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
}

interface WithHistory {
  id: string;
  history: Record<string, unknown> | null;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPeople(client.db);
  const session = await createSession(client.db, { userId: home.clinicianId, now: clock });
  cookies = { [SESSION_COOKIE]: session.token };
  csrf = { 'x-csrf-token': session.csrfToken };
  const [episode] = await client.db
    .insert(episodes)
    .values({
      patientId: home.patientId,
      region: 'lumbar',
      condition: 'nonspecific',
      startedOn: '2026-02-01',
    })
    .returning();
  if (episode === undefined) throw new Error('no episode inserted');
  episodeId = episode.id;

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

describe('the assessment history', () => {
  it('is stored trimmed and returned by the create, detail and list routes', async () => {
    const created = await post(
      assessment({
        history: {
          surgery: '  L4/5 discectomy, 2019 ',
          aggravating: ['sitting', ' bending '],
          easing: ['walking'],
          work: { occupation: 'Bus driver', status: 'modifiedDuties', demands: 'light' },
          notes: 'Worse in the morning',
        },
      }),
    );
    expect(created.statusCode).toBe(201);
    const expected = {
      surgery: 'L4/5 discectomy, 2019',
      aggravating: ['sitting', 'bending'],
      easing: ['walking'],
      work: { occupation: 'Bus driver', status: 'modifiedDuties', demands: 'light' },
      notes: 'Worse in the morning',
    };
    const record = created.json<WithHistory>();
    expect(record.history).toEqual(expected);

    const [row] = await client.db.select({ history: assessments.history }).from(assessments);
    expect(row?.history).toEqual(expected);

    const detail = await get(`/api/assessments/${record.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<WithHistory>().history).toEqual(expected);

    const list = await get(`/api/episodes/${episodeId}/assessments`);
    expect(list.statusCode).toBe(200);
    const listed = list.json<{ assessments: WithHistory[] }>().assessments;
    expect(listed.find((entry) => entry.id === record.id)?.history).toEqual(expected);
  });

  it('keeps only the parts given', async () => {
    const created = await post(assessment({ history: { work: { status: 'retired' } } }));
    expect(created.statusCode).toBe(201);
    expect(created.json<WithHistory>().history).toEqual({ work: { status: 'retired' } });
  });

  it('is null for an assessment recorded without one', async () => {
    const created = await post(assessment());
    expect(created.statusCode).toBe(201);
    const { id, history } = created.json<WithHistory>();
    expect(history).toBeNull();
    expect((await get(`/api/assessments/${id}`)).json<WithHistory>().history).toBeNull();
    const listed = (await get(`/api/episodes/${episodeId}/assessments`)).json<{
      assessments: WithHistory[];
    }>().assessments;
    expect(listed.find((entry) => entry.id === id)?.history).toBeNull();
  });

  it('refuses bad values with a 400 naming each field, and stores nothing', async () => {
    const before = await client.db.select({ id: assessments.id }).from(assessments);
    expect(paths(await post(assessment({ history: { work: { status: 'sometimes' } } })))).toEqual([
      'body.history.work.status',
    ]);
    expect(paths(await post(assessment({ history: { work: { demands: 'extreme' } } })))).toEqual([
      'body.history.work.demands',
    ]);
    expect(paths(await post(assessment({ history: { surgery: '   ' } })))).toEqual([
      'body.history.surgery',
    ]);
    expect(paths(await post(assessment({ history: { aggravating: ['sitting', ''] } })))).toEqual([
      'body.history.aggravating[1]',
    ]);
    expect(paths(await post(assessment({ history: { easing: 'walking' } })))).toEqual([
      'body.history.easing',
    ]);
    expect(
      paths(await post(assessment({ history: { aggravating: Array(21).fill('sitting') } }))),
    ).toEqual(['body.history.aggravating']);
    expect(paths(await post(assessment({ history: { notes: 'x'.repeat(501) } })))).toEqual([
      'body.history.notes',
    ]);
    expect(paths(await post(assessment({ history: { smoker: true } })))).toEqual([
      'body.history.smoker',
    ]);
    expect(paths(await post(assessment({ history: { work: { salary: 1 } } })))).toEqual([
      'body.history.work.salary',
    ]);
    const after = await client.db.select({ id: assessments.id }).from(assessments);
    expect(after).toHaveLength(before.length);
  });

  it('is documented in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    const document = response.json<{ components: { schemas: Record<string, unknown> } }>();
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['AssessmentHistory', 'StoredAssessmentHistory']),
    );
    expect(JSON.stringify(document.components.schemas.NewAssessment)).toContain(
      'AssessmentHistory',
    );
  });
});
