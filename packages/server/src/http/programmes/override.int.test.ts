/**
 * A clinician's override of a first-phase precaution, with a reason (decision record 009), through
 * the programme edit route against a real database.
 */
import {
  classifyAssessment,
  getExercise,
  scoreInstrument,
  screenRedFlags,
  type Findings,
  type PrescribedExercise,
  type Programme,
} from '@spinewise/clinical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { assessments, clinics, episodes, patients, users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { buildApp, type App } from '../app.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerProgrammeFeature } from './routes.js';

const clock = new Date('2026-11-10T09:00:00.000Z');
const now = () => clock;

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let clinicId: string;
let clinician: { userId: string; cookies: Record<string, string>; csrf: Record<string, string> };

const noRedFlags: Findings = {
  bladderDysfunction: false,
  bowelDysfunction: false,
  saddleNumbness: false,
  bilateralLegSymptoms: false,
  historyOfCancer: false,
  neuroSymptoms: false,
  nightPain: false,
  unremittingPain: false,
};

interface ProgrammeBody {
  id: string;
  currentVersion: number;
  current: { content: Programme };
}
interface Override {
  reason: string;
  rules: string[];
  by: string;
  at: string;
}
type Stored = PrescribedExercise & { override?: Override };

function put(programmeId: string, payload: object) {
  return app.inject({
    method: 'PUT',
    url: `/api/programmes/${programmeId}`,
    cookies: clinician.cookies,
    headers: clinician.csrf,
    payload,
  });
}

/** A patient, an episode with `condition`, an assessment and a generated programme. */
async function programmeFor(condition: string, findings: Partial<Findings> = {}) {
  const [patient] = await client.db
    .insert(patients)
    .values({
      clinicId,
      clinicianId: clinician.userId,
      displayName: 'Robin Hale',
      dateOfBirth: '1958-03-04',
    })
    .returning();
  if (patient === undefined) throw new Error('no patient');
  const [episode] = await client.db
    .insert(episodes)
    .values({ patientId: patient.id, region: 'lumbar', condition, startedOn: '2026-11-01' })
    .returning();
  if (episode === undefined) throw new Error('no episode');
  const all = { ...noRedFlags, ...findings };
  const examination = {
    region: 'lumbar',
    age: 68,
    symptomDurationDays: 60,
    scores: { odi: 30, nprs: 5 },
  } as const;
  await client.db.insert(assessments).values({
    episodeId: episode.id,
    kind: 'baseline',
    assessedAt: new Date('2026-11-01T10:00:00.000Z'),
    questionnaires: [{ instrument: 'nprs', answers: [5], score: scoreInstrument('nprs', [5]) }],
    redFlagFindings: all,
    redFlagScreen: screenRedFlags({ region: 'lumbar', findings: all }),
    examination,
    classification: classifyAssessment(examination),
    createdBy: clinician.userId,
  });
  const response = await app.inject({
    method: 'POST',
    url: `/api/episodes/${episode.id}/programmes`,
    cookies: clinician.cookies,
    headers: clinician.csrf,
    payload: { startDate: '2026-11-02', minutesPerDay: 20 },
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json<ProgrammeBody>();
}

/** The content with exercise 1 of week 1's first session swapped for another, at its default dose. */
function swapped(content: Programme, exerciseId: string, extra: object = {}) {
  const copy = structuredClone(content) as unknown as {
    weeks: { sessions: { exercises: Record<string, unknown>[] }[] }[];
  };
  const session = copy.weeks[0]?.sessions[0];
  const old = session?.exercises[1];
  if (session === undefined || old === undefined) throw new Error('no session');
  const { reps: _reps, holdSeconds: _hold, minutes: _minutes, repsPerSet: _perSet, ...rest } = old;
  session.exercises[1] = {
    ...rest,
    id: exerciseId,
    ...getExercise(exerciseId).dosage.default,
    rationale: [],
    ...extra,
  };
  return copy;
}

const pressUp = getExercise('prone-press-up');
const FIELD = 'body.content.weeks[0].sessions[0].exercises[1]';

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  const [clinic] = await client.db.insert(clinics).values({ name: 'Riverside' }).returning();
  if (clinic === undefined) throw new Error('no clinic');
  clinicId = clinic.id;
  const [user] = await client.db
    .insert(users)
    .values({
      clinicId,
      role: 'clinician',
      email: 'sam@example.org',
      displayName: 'Sam Okafor',
    })
    .returning();
  if (user === undefined) throw new Error('no user');
  const session = await createSession(client.db, { userId: user.id, now: clock });
  clinician = {
    userId: user.id,
    cookies: { [SESSION_COOKIE]: session.token },
    csrf: { 'x-csrf-token': session.csrfToken },
  };
  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerProgrammeFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('PUT /api/programmes/:programmeId with an override', { timeout: 30_000 }, () => {
  it('needs a reason for an exercise held back only by a first-phase precaution [S-STEN]', async () => {
    const body = await programmeFor('stenosis');
    const missing = await put(body.id, {
      baseVersion: 1,
      changeReason: 'Press-ups centralise his symptoms',
      content: swapped(body.current.content, pressUp.id),
    });
    expect(missing.statusCode).toBe(400);
    const errors = missing.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(errors.map((error) => error.path)).toEqual([`${FIELD}.override.reason`]);
    expect(errors[0]?.message).toMatch(/^is needed: .*no end-range extension in the first phase/u);

    const blank = await put(body.id, {
      baseVersion: 1,
      changeReason: 'Press-ups centralise his symptoms',
      content: swapped(body.current.content, pressUp.id, {
        override: { reason: '   ', rules: ['safety.direction.extensionEarly'] },
      }),
    });
    expect(blank.statusCode).toBe(400);
    expect(
      blank.json<{ errors: { path: string }[] }>().errors.map((error) => error.path),
    ).toContain(`${FIELD}.override.reason`);
  });

  it('accepts it with a reason, and records who, when and why', async () => {
    const body = await programmeFor('stenosis');
    const saved = await put(body.id, {
      baseVersion: 1,
      changeReason: 'Press-ups centralise his symptoms',
      content: swapped(body.current.content, pressUp.id, {
        override: {
          reason: '  Centralises with repeated extension in lying.  ',
          rules: ['safety.direction.extensionEarly'],
          by: '00000000-0000-4000-8000-000000000999',
        },
      }),
    });
    expect(saved.statusCode).toBe(200);
    const after = saved.json<ProgrammeBody>();
    expect(after.currentVersion).toBe(2);
    const given = after.current.content.weeks[0]?.sessions[0]?.exercises[1] as Stored;
    expect(given.id).toBe(pressUp.id);
    expect(given.override).toEqual({
      reason: 'Centralises with repeated extension in lying.',
      rules: ['safety.direction.extensionEarly'],
      by: clinician.userId,
      at: clock.toISOString(),
    });
    expect(given.rationale.find((reason) => reason.rule === 'safety.override')).toMatchObject({
      about: 'safety',
      sources: ['S-MDT', 'S-STEN'],
    });
  });

  it('never accepts an absolute reason, even with an override: osteoporosis [S-OSTEO]', async () => {
    const body = await programmeFor('nonspecific', { osteoporosis: true });
    const fold = getExercise('forward-fold');
    const response = await put(body.id, {
      baseVersion: 1,
      changeReason: 'Wants to stretch',
      content: swapped(body.current.content, fold.id, {
        override: { reason: 'The patient asked for it.', rules: ['safety.osteoporosis.flexion'] },
      }),
    });
    expect(response.statusCode).toBe(400);
    const [error] = response.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(error?.path).toBe(`${FIELD}.id`);
    expect(error?.message).toMatch(/safety\.osteoporosis\.flexion/u);
  });
});
