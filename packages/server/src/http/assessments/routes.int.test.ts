import { scoreInstrument, screenRedFlags } from '@spinewise/clinical';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, type People } from '../../auth/people.fixture.js';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { alerts, assessments, auditLog, episodes, patients, users } from '../../database/schema.js';
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
let other: People;

const clock = new Date('2026-03-02T09:00:00.000Z');
const now = () => clock;

// Published vectors (shared/clinical/vectors.json): paciowg ODI examples 1 and 5.
const ODI_36 = [2, 1, 2, 1, 2, 2, 1, 2, 3, 2];
const ODI_16 = [1, 0, 1, 0, 1, 1, 0, 1, 2, 1];

interface Login {
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let clinician: Login;
let otherClinician: Login;
let admin: Login;
let patient: Login;

async function loginAs(userId: string): Promise<Login> {
  const session = await createSession(client.db, { userId, now: clock });
  return {
    cookies: { [SESSION_COOKIE]: session.token },
    csrf: { 'x-csrf-token': session.csrfToken },
  };
}

async function insertEpisode(patientId: string, startedOn = '2026-02-01') {
  const [episode] = await client.db
    .insert(episodes)
    .values({ patientId, region: 'lumbar', condition: 'nonspecific', startedOn })
    .returning();
  if (episode === undefined) throw new Error('no episode inserted');
  return episode;
}

function post(who: Login | null, url: string, payload: object) {
  return app.inject({
    method: 'POST',
    url,
    ...(who === null ? {} : { cookies: who.cookies, headers: who.csrf }),
    payload,
  });
}

function get(who: Login | null, url: string) {
  return app.inject({ method: 'GET', url, ...(who === null ? {} : { cookies: who.cookies }) });
}

function paths(response: LightMyRequestResponse): string[] {
  expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  return response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
}

function assessment(extra: object = {}) {
  return {
    kind: 'baseline',
    assessedAt: '2026-03-01T10:00:00.000Z',
    questionnaires: [
      { instrument: 'odi', answers: ODI_36 },
      { instrument: 'nprs', answers: [6] },
    ],
    redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 44 } },
    examination: { symptomDurationDays: 20, examination: { straightLegRaiseDegrees: 70 } },
    ...extra,
  };
}

interface Record_ {
  id: string;
  kind: string;
  patientId: string;
  questionnaires: { instrument: string; score: Record<string, unknown> }[];
  screen: { action: string; requiresClinicianDecision: boolean; safetyNet: unknown };
  classification: { startBack: unknown; tbc: { criteria: unknown[] }; sources: string[] } | null;
  classificationInput: { scores?: object; age?: number } | null;
  flagDecision: { decision: string; reason: string; by: string; at: string } | null;
  decisionPending: boolean;
  change: {
    baseline: { id: string } | null;
    instruments: {
      instrument: string;
      change: {
        baseline: number;
        followUp: number;
        absolute: number;
        direction: string;
        mcidMet: boolean | null;
        mcid: { thresholds: { kind: string; met: boolean }[] } | null;
      } | null;
    }[];
    withoutBaseline: string[];
  } | null;
  alerts: { id: string; severity: string; state: string; message: string }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPeople(client.db);
  other = await insertPeople(client.db, { clinicianEmail: 'other@example.org' });
  const [adminUser] = await client.db
    .insert(users)
    .values({
      clinicId: home.clinicId,
      role: 'admin',
      email: 'admin@example.org',
      displayName: 'Admin',
    })
    .returning();
  const [patientUser] = await client.db
    .insert(users)
    .values({ clinicId: home.clinicId, role: 'patient', displayName: 'Pat Patient' })
    .returning();
  if (adminUser === undefined || patientUser === undefined) throw new Error('no users inserted');
  await client.db
    .update(patients)
    .set({ userId: patientUser.id })
    .where(eq(patients.id, home.patientId));

  clinician = await loginAs(home.clinicianId);
  otherClinician = await loginAs(other.clinicianId);
  admin = await loginAs(adminUser.id);
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

describe('POST /api/episodes/:episodeId/assessments', () => {
  it('scores on the server exactly as the clinical core does, classifies, stores and audits', async () => {
    const episode = await insertEpisode(home.patientId);
    const response = await post(clinician, `/api/episodes/${episode.id}/assessments`, assessment());
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<Record_>();
    // The published vector: 18/50 → 36 %, moderate. [S-ODI]
    expect(body.questionnaires[0]?.score).toEqual(
      JSON.parse(JSON.stringify(scoreInstrument('odi', ODI_36))),
    );
    expect(body.questionnaires[0]?.score.score).toBeCloseTo(36, 2);
    expect(body.questionnaires[0]?.score.band).toBe('moderate');
    expect(body.questionnaires[0]?.score.interpretation).toEqual(expect.any(String));
    expect(body.screen.action).toBe('none');
    expect(body.screen.safetyNet).not.toBeNull();
    expect(body.decisionPending).toBe(false);
    expect(body.classificationInput).toMatchObject({ age: 44, scores: { odi: 36, nprs: 6 } });
    expect(body.classification?.tbc.criteria.length).toBeGreaterThan(0);
    expect(body.classification?.sources.length).toBeGreaterThan(0);
    expect(body.change).toBeNull();
    expect(body.alerts).toEqual([]);

    const [stored] = await client.db.select().from(assessments).where(eq(assessments.id, body.id));
    expect(stored?.questionnaires[0]?.score.score).toBeCloseTo(36, 2);
    expect(stored?.redFlagScreen.action).toBe('none');
    expect(stored?.createdBy).toBe(home.clinicianId);

    const [audit] = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'assessment'), eq(auditLog.resourceId, body.id)));
    expect(audit).toMatchObject({
      action: 'create',
      patientId: home.patientId,
      userId: home.clinicianId,
    });
  });

  it('refuses a score sent by the client, naming the field', async () => {
    const episode = await insertEpisode(home.patientId);
    const response = await post(
      clinician,
      `/api/episodes/${episode.id}/assessments`,
      assessment({ questionnaires: [{ instrument: 'odi', answers: ODI_36, score: 10 }] }),
    );
    expect(response.statusCode).toBe(400);
    expect(paths(response)).toEqual(['body.questionnaires[0].score']);
    const stored = await client.db
      .select()
      .from(assessments)
      .where(eq(assessments.episodeId, episode.id));
    expect(stored).toEqual([]);
  });

  it('answers 400 naming the request field of clinical input errors', async () => {
    const episode = await insertEpisode(home.patientId);
    const url = `/api/episodes/${episode.id}/assessments`;
    const cases: [object, string][] = [
      [
        { questionnaires: [{ instrument: 'odi', answers: [2, 1, 2, 9, 2, 2, 1, 2, 3, 2] }] },
        'body.questionnaires[0].answers[3]',
      ],
      [
        {
          questionnaires: [
            { instrument: 'nprs', answers: [3] },
            { instrument: 'nprs', answers: [4] },
          ],
        },
        'body.questionnaires[1].instrument',
      ],
      [{ redFlags: { findings: { notAFinding: true } } }, 'body.redFlags.findings.notAFinding'],
      [
        { examination: { examination: { straightLegRaiseDegrees: 400 } } },
        'body.examination.examination.straightLegRaiseDegrees',
      ],
      [{ assessedAt: '2026-03-03T09:00:00.000Z' }, 'body.assessedAt'],
      [{ assessedAt: '2026-01-15T09:00:00.000Z' }, 'body.assessedAt'],
      [
        { questionnaires: [{ instrument: 'psfs', answers: ['a\u0000b', 3, 4] }] },
        'body.questionnaires[0].answers[0]',
      ],
    ];
    for (const [change, path] of cases) {
      const response = await post(clinician, url, assessment(change));
      expect(response.statusCode, path).toBe(400);
      expect(paths(response)).toEqual([path]);
    }
  });

  it('answers 404 for another clinic’s episode, 403 to a patient or admin, 401 signed out', async () => {
    const episode = await insertEpisode(home.patientId);
    const url = `/api/episodes/${episode.id}/assessments`;
    expect((await post(otherClinician, url, assessment())).statusCode).toBe(404);
    expect((await post(patient, url, assessment())).statusCode).toBe(403);
    expect((await post(admin, url, assessment())).statusCode).toBe(403);
    expect((await post(null, url, assessment())).statusCode).toBe(401);
    expect(
      (await post(clinician, '/api/episodes/not-a-uuid/assessments', assessment())).statusCode,
    ).toBe(400);
  });

  it('answers 409 for a discharged episode', async () => {
    const episode = await insertEpisode(home.patientId);
    await client.db
      .update(episodes)
      .set({ status: 'discharged', dischargedOn: '2026-02-20' })
      .where(eq(episodes.id, episode.id));
    const response = await post(clinician, `/api/episodes/${episode.id}/assessments`, assessment());
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });
});

describe('red-flag alerts and the clinician’s decision', () => {
  it('raises an alert for an emergency screen, and the decision resolves it once', async () => {
    const episode = await insertEpisode(home.patientId);
    const created = await post(
      clinician,
      `/api/episodes/${episode.id}/assessments`,
      assessment({ redFlags: { findings: { saddleNumbness: true, bladderDysfunction: true } } }),
    );
    expect(created.statusCode).toBe(201);
    const body = created.json<Record_>();
    expect(body.screen).toMatchObject({ action: 'emergency', requiresClinicianDecision: true });
    expect(body.decisionPending).toBe(true);
    expect(body.alerts).toHaveLength(1);
    expect(body.alerts[0]).toMatchObject({ severity: 'emergency', state: 'open' });
    expect(body.alerts[0]?.message).toContain('Cauda equina syndrome');

    const [alert] = await client.db
      .select()
      .from(alerts)
      .where(eq(alerts.id, body.alerts[0]?.id ?? ''));
    expect(alert).toMatchObject({
      patientId: home.patientId,
      clinicId: home.clinicId,
      type: 'redFlagSymptom',
      severity: 'emergency',
      state: 'open',
      source: { assessmentId: body.id },
    });

    const url = `/api/assessments/${body.id}/flag-decision`;
    expect(
      (await post(otherClinician, url, { decision: 'referred', reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await post(admin, url, { decision: 'referred', reason: 'x' })).statusCode).toBe(403);
    const invalid = await post(clinician, url, { decision: 'ignored', reason: 'x' });
    expect(invalid.statusCode).toBe(400);
    expect(paths(invalid)).toEqual(['body.decision']);

    const decided = await post(clinician, url, {
      decision: 'referred',
      reason: 'Sent to the emergency department.',
    });
    expect(decided.statusCode).toBe(200);
    const after = decided.json<Record_>();
    expect(after.flagDecision).toEqual({
      decision: 'referred',
      reason: 'Sent to the emergency department.',
      by: home.clinicianId,
      at: clock.toISOString(),
    });
    expect(after.decisionPending).toBe(false);
    expect(after.alerts[0]?.state).toBe('resolved');
    const [resolved] = await client.db
      .select()
      .from(alerts)
      .where(eq(alerts.id, body.alerts[0]?.id ?? ''));
    expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: home.clinicianId });

    const again = await post(clinician, url, { decision: 'reviewedAndCleared', reason: 'Fine' });
    expect(again.statusCode).toBe(409);

    const audits = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'assessment'), eq(auditLog.resourceId, body.id)));
    expect(audits.map((row) => row.action).sort()).toEqual(['create', 'update']);
  });

  it('raises an urgent alert, and refuses a decision where the screen needs none', async () => {
    const episode = await insertEpisode(home.patientId);
    const urgent = await post(
      clinician,
      `/api/episodes/${episode.id}/assessments`,
      assessment({ redFlags: { findings: { progressiveMotorDeficit: true } } }),
    );
    expect(urgent.json<Record_>().alerts[0]?.severity).toBe('urgent');

    const calm = await post(clinician, `/api/episodes/${episode.id}/assessments`, assessment());
    const response = await post(
      clinician,
      `/api/assessments/${calm.json<Record_>().id}/flag-decision`,
      {
        decision: 'reviewedAndCleared',
        reason: 'Nothing to decide',
      },
    );
    expect(response.statusCode).toBe(409);
  });
});

describe('reassessment', () => {
  it('answers the change since the baseline with the MCID, and resolves reassessment-due alerts', async () => {
    const episode = await insertEpisode(home.patientId);
    const url = `/api/episodes/${episode.id}/assessments`;
    const fabq = (value: number) => [
      0,
      value,
      value,
      value,
      value,
      5,
      5,
      0,
      5,
      5,
      5,
      5,
      0,
      0,
      5,
      0,
    ];
    const psfs = (rating: number) => [
      { activity: 'Gardening', rating },
      { activity: 'Lifting a child', rating: 5 },
      { activity: 'Driving', rating: 6 },
    ];
    const baseline = await post(
      clinician,
      url,
      assessment({
        questionnaires: [
          { instrument: 'odi', answers: ODI_36 },
          { instrument: 'nprs', answers: [6] },
          { instrument: 'fabq', answers: fabq(4) },
          { instrument: 'psfs', answers: psfs(2) },
        ],
      }),
    );
    expect(baseline.statusCode).toBe(201);
    const [due] = await client.db
      .insert(alerts)
      .values({
        patientId: home.patientId,
        clinicId: home.clinicId,
        type: 'reassessmentDue',
        severity: 'info',
        message: 'Reassessment due',
      })
      .returning();

    const response = await post(
      clinician,
      url,
      assessment({
        kind: 'reassessment',
        assessedAt: '2026-03-02T08:00:00.000Z',
        questionnaires: [
          { instrument: 'odi', answers: ODI_16 },
          { instrument: 'nprs', answers: [5] },
          { instrument: 'rmdq', answers: Array<boolean>(24).fill(false) },
          { instrument: 'fabq', answers: fabq(2) },
          { instrument: 'psfs', answers: psfs(6) },
        ],
      }),
    );
    expect(response.statusCode).toBe(201);
    const body = response.json<Record_>();
    expect(body.change?.baseline?.id).toBe(baseline.json<Record_>().id);
    expect(body.change?.withoutBaseline).toEqual(['rmdq']);
    const odi = body.change?.instruments.find((item) => item.instrument === 'odi')?.change;
    // [S-MCID] 36 → 16 %: 20 points better, beyond 10 points or 30 % of the baseline.
    expect(odi).toMatchObject({
      baseline: 36,
      followUp: 16,
      absolute: -20,
      direction: 'improved',
      mcidMet: true,
    });
    expect(odi?.mcid?.thresholds.map((threshold) => [threshold.kind, threshold.met])).toEqual([
      ['absolute', true],
      ['percent', true],
    ]);
    const nprs = body.change?.instruments.find((item) => item.instrument === 'nprs')?.change;
    expect(nprs).toMatchObject({ absolute: -1, mcidMet: false });
    const byInstrument = (id: string) =>
      body.change?.instruments.find((item) => item.instrument === id) as
        | { change: unknown; subscales: { subscale: string; absolute: number }[] }
        | { activities: { matched: { activity: string; absolute: number; mcidMet: boolean }[] } }
        | undefined;
    // The FABQ has no total: its subscales are compared. [S-FABQ]
    expect(byInstrument('fabq')).toMatchObject({
      change: null,
      subscales: [{ subscale: 'pa', absolute: -8 }, { subscale: 'work' }],
    });
    // [S-PSFS] 3 points on one activity.
    expect(byInstrument('psfs')).toMatchObject({
      activities: {
        matched: [
          { activity: 'Gardening', absolute: 4, mcidMet: true },
          { activity: 'Lifting a child', absolute: 0, mcidMet: false },
          { activity: 'Driving', absolute: 0, mcidMet: false },
        ],
      },
    });

    const [resolved] = await client.db
      .select()
      .from(alerts)
      .where(eq(alerts.id, due?.id ?? ''));
    expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: null });
    expect(resolved?.resolvedAt?.toISOString()).toBe(clock.toISOString());

    // The same change on a later read.
    const read = await get(clinician, `/api/assessments/${body.id}`);
    expect(read.json<Record_>().change).toEqual(body.change);
  });
});

describe('reading assessments', () => {
  it('lists an episode’s assessments newest first, and reads one whole, audited', async () => {
    const episode = await insertEpisode(home.patientId);
    const url = `/api/episodes/${episode.id}/assessments`;
    const older = await post(clinician, url, assessment());
    const newer = await post(
      clinician,
      url,
      assessment({
        kind: 'reassessment',
        assessedAt: '2026-03-02T07:00:00.000Z',
        redFlags: { findings: { progressiveMotorDeficit: true } },
      }),
    );

    const list = await get(clinician, url);
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const items = list.json<{
      assessments: {
        id: string;
        scores: { instrument: string; score: number; band: string | null }[];
        screen: { action: string; requiresClinicianDecision: boolean };
        decisionPending: boolean;
      }[];
    }>().assessments;
    expect(items.map((item) => item.id)).toEqual([
      newer.json<Record_>().id,
      older.json<Record_>().id,
    ]);
    expect(items[0]).toMatchObject({
      screen: { action: 'urgent', requiresClinicianDecision: true },
      decisionPending: true,
    });
    expect(items[1]?.scores[0]).toMatchObject({ instrument: 'odi', band: 'moderate' });
    expect(items[1]?.decisionPending).toBe(false);

    // An administrator of the clinic may read; another clinic and a patient may not.
    expect((await get(admin, url)).statusCode).toBe(200);
    expect((await get(otherClinician, url)).statusCode).toBe(404);
    expect((await get(patient, url)).statusCode).toBe(403);

    const one = await get(clinician, `/api/assessments/${older.json<Record_>().id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<Record_>()).toEqual(older.json<Record_>());
    expect(
      (await get(otherClinician, `/api/assessments/${older.json<Record_>().id}`)).statusCode,
    ).toBe(404);
    expect((await get(patient, `/api/assessments/${older.json<Record_>().id}`)).statusCode).toBe(
      403,
    );

    const reads = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'read'), eq(auditLog.patientId, home.patientId)));
    expect(reads.map((row) => [row.resource, row.resourceId])).toEqual(
      expect.arrayContaining([
        ['episode', episode.id],
        ['assessment', older.json<Record_>().id],
      ]),
    );
  });
});

describe('POST /api/red-flag-screen', () => {
  it('screens without storing anything, as the clinical core does', async () => {
    const request = { region: 'cervical', findings: { cervicalArterialSymptoms: true } };
    const response = await post(clinician, '/api/red-flag-screen', request);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(
      JSON.parse(
        JSON.stringify(
          screenRedFlags({ region: 'cervical', findings: { cervicalArterialSymptoms: true } }),
        ),
      ),
    );
    expect((await post(admin, '/api/red-flag-screen', request)).statusCode).toBe(200);
    expect((await post(patient, '/api/red-flag-screen', request)).statusCode).toBe(403);

    const bad = await post(clinician, '/api/red-flag-screen', {
      region: 'lumbar',
      findings: { age: 300 },
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.findings.age']);
  });
});

describe('OpenAPI', () => {
  it('documents every route with named schemas and its problem responses', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/episodes/{episodeId}/assessments',
        '/api/assessments/{assessmentId}',
        '/api/assessments/{assessmentId}/flag-decision',
        '/api/red-flag-screen',
        '/api/instruments',
        '/api/instruments/{instrument}/questionnaire',
        '/api/episodes/{episodeId}',
      ]),
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'NewAssessment',
        'AssessmentRecord',
        'AssessmentList',
        'RedFlagScreen',
        'Classification',
        'InstrumentScore',
        'ChangeSinceBaseline',
        'Instrument',
        'EpisodeRecord',
      ]),
    );
    const post = document.paths['/api/episodes/{episodeId}/assessments']?.post;
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409']),
    );
  });
});
