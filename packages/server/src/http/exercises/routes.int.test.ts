import { screenRedFlags, type Findings } from '@spinewise/clinical';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, type People } from '../../auth/people.fixture.js';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { assessments, auditLog, episodes, patients, users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { buildApp, type App } from '../app.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerExerciseFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: People;
let other: People;

const clock = new Date('2026-03-02T09:00:00.000Z');
const now = () => clock;

interface Login {
  readonly cookies: Record<string, string>;
}

let clinician: Login;
let admin: Login;
let patient: Login;
let otherClinician: Login;

/** Patient A (home.patientId): osteoporosis. Sam: after fusion, no programme yet. Nell: new. */
let surgeryPatientId: string;
let newPatientId: string;

async function loginAs(userId: string): Promise<Login> {
  const session = await createSession(client.db, { userId, now: clock });
  return { cookies: { [SESSION_COOKIE]: session.token } };
}

async function insertUser(clinicId: string, role: 'admin' | 'patient', email: string | null) {
  const [user] = await client.db
    .insert(users)
    .values({ clinicId, role, email, displayName: `${role} ${email ?? ''}` })
    .returning();
  if (user === undefined) throw new Error('no user inserted');
  return user.id;
}

async function insertPatient(displayName: string): Promise<string> {
  const [row] = await client.db
    .insert(patients)
    .values({ clinicId: home.clinicId, clinicianId: home.clinicianId, displayName })
    .returning();
  if (row === undefined) throw new Error('no patient inserted');
  return row.id;
}

async function insertAssessedEpisode(patientId: string, condition: string, findings: Findings) {
  const [episode] = await client.db
    .insert(episodes)
    .values({ patientId, region: 'lumbar', condition, startedOn: '2026-02-01' })
    .returning();
  if (episode === undefined) throw new Error('no episode inserted');
  await client.db.insert(assessments).values({
    episodeId: episode.id,
    kind: 'baseline',
    assessedAt: new Date('2026-02-01T10:00:00.000Z'),
    redFlagFindings: findings,
    redFlagScreen: screenRedFlags({ region: 'lumbar', findings }),
    createdBy: home.clinicianId,
  });
}

function read(who: Login | null, url: string) {
  return app.inject({ method: 'GET', url, ...(who === null ? {} : { cookies: who.cookies }) });
}

interface Verdict {
  allowed: boolean;
  reasons: string[];
  details: { rule: string; sources: string[] }[];
}
interface ExerciseBody {
  id: string;
  name: string;
  category: string;
  steps: string[];
  regression: string | null;
  progression: string | null;
  animation: { keyframes: unknown[] };
  suitability?: Verdict | null;
}
interface ListBody {
  exercises: ExerciseBody[];
  profile: { basis: string; osteoporosis: boolean | null } | null;
}
interface DetailBody extends ExerciseBody {
  suits: {
    patientId: string;
    displayName: string;
    allowed: boolean | null;
    reasons: string[];
    basis: string;
  }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPeople(client.db);
  other = await insertPeople(client.db, { clinicianEmail: 'other@example.org' });
  const adminId = await insertUser(home.clinicId, 'admin', 'admin@example.org');
  const patientUserId = await insertUser(home.clinicId, 'patient', null);
  await client.db
    .update(patients)
    .set({ userId: patientUserId })
    .where(eq(patients.id, home.patientId));

  await insertAssessedEpisode(home.patientId, 'nonspecific', { osteoporosis: true });
  surgeryPatientId = await insertPatient('Sam Surgery');
  await insertAssessedEpisode(surgeryPatientId, 'postFusion', { osteoporosis: false });
  newPatientId = await insertPatient('Nell New');

  clinician = await loginAs(home.clinicianId);
  admin = await loginAs(adminId);
  patient = await loginAs(patientUserId);
  otherClinician = await loginAs(other.clinicianId);

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerExerciseFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('GET /api/exercises', () => {
  it('lists the library with instructions, chain and keyframes for staff', async () => {
    const response = await read(clinician, '/api/exercises');
    expect(response.statusCode).toBe(200);
    const body = response.json<ListBody>();
    expect(body.exercises.length).toBeGreaterThan(40);
    expect(body.profile).toBeNull();
    const bridge = body.exercises.find((exercise) => exercise.id === 'glute-bridge');
    expect(bridge?.steps.length).toBeGreaterThan(0);
    expect(bridge?.animation.keyframes.length).toBeGreaterThanOrEqual(2);
    expect(bridge?.suitability).toBeUndefined();
    expect((await read(admin, '/api/exercises')).statusCode).toBe(200);
  });

  it('searches by words and filters by category', async () => {
    const found = (await read(clinician, '/api/exercises?q=bridge')).json<ListBody>();
    expect(found.exercises.map((exercise) => exercise.id).sort()).toEqual([
      'glute-bridge',
      'single-leg-bridge',
    ]);
    const neck = (await read(clinician, '/api/exercises?category=neck')).json<ListBody>();
    expect(neck.exercises.length).toBeGreaterThan(0);
    expect(neck.exercises.every((exercise) => exercise.category === 'neck')).toBe(true);
    const none = (await read(clinician, '/api/exercises?q=zzzz-nothing')).json<ListBody>();
    expect(none.exercises).toEqual([]);
  });

  it('refuses the signed-out, patients and bad queries', async () => {
    expect((await read(null, '/api/exercises')).statusCode).toBe(401);
    expect((await read(patient, '/api/exercises')).statusCode).toBe(403);
    expect((await read(clinician, '/api/exercises?category=juggling')).statusCode).toBe(400);
    expect((await read(clinician, '/api/exercises?patientId=not-a-uuid')).statusCode).toBe(400);
    expect((await read(clinician, `/api/exercises?q=${'a'.repeat(101)}`)).statusCode).toBe(400);
  });

  it('says an exercise does not suit a patient with osteoporosis, with the reason, and audits it', async () => {
    const response = await read(clinician, `/api/exercises?patientId=${home.patientId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<ListBody>();
    expect(body.profile).toMatchObject({ basis: 'assessment', osteoporosis: true });
    const kneeToChest = body.exercises.find((exercise) => exercise.id === 'knee-to-chest');
    expect(kneeToChest?.suitability?.allowed).toBe(false);
    expect(kneeToChest?.suitability?.reasons.join(' ')).toMatch(/osteoporosis/iu);
    expect(kneeToChest?.suitability?.details[0]?.sources).toContain('S-OSTEO');
    const bridge = body.exercises.find((exercise) => exercise.id === 'glute-bridge');
    expect(bridge?.suitability).toMatchObject({ allowed: true, reasons: [] });

    const audits = await client.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.patientId, home.patientId), eq(auditLog.resource, 'exerciseSuitability')),
      );
    expect(audits.length).toBeGreaterThan(0);
    expect(audits[0]?.userId).toBe(home.clinicianId);
  });

  it('allows only walking, breathing and gentle activation before surgical clearance', async () => {
    const body = (
      await read(clinician, `/api/exercises?patientId=${surgeryPatientId}`)
    ).json<ListBody>();
    const catCow = body.exercises.find((exercise) => exercise.id === 'cat-cow');
    expect(catCow?.suitability?.allowed).toBe(false);
    expect(catCow?.suitability?.details.map((reason) => reason.rule)).toContain(
      'safety.surgery.notCleared',
    );
    const walking = body.exercises.find((exercise) => exercise.id === 'graded-walking');
    expect(walking?.suitability?.allowed).toBe(true);
  });

  it('gives no verdict for a patient not yet assessed', async () => {
    const body = (
      await read(clinician, `/api/exercises?patientId=${newPatientId}`)
    ).json<ListBody>();
    expect(body.profile?.basis).toBe('none');
    expect(body.exercises.every((exercise) => exercise.suitability === null)).toBe(true);
  });

  it("answers 404 for another clinic's patient or an unknown one", async () => {
    const url = `/api/exercises?patientId=${home.patientId}`;
    expect((await read(otherClinician, url)).statusCode).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await read(clinician, `/api/exercises?patientId=${unknown}`)).statusCode).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('documents both routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const { paths } = response.json<{ paths: Record<string, object> }>();
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/exercises', '/api/exercises/{exerciseId}']),
    );
  });
});

describe('GET /api/exercises/:exerciseId', () => {
  it("says which of the clinician's patients it suits, with the reasons", async () => {
    const response = await read(clinician, '/api/exercises/knee-to-chest');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<DetailBody>();
    expect(body.name).toBeTruthy();
    expect(body.progression ?? body.regression).not.toBeNull();
    const byName = new Map(body.suits.map((entry) => [entry.displayName, entry]));
    expect(byName.get('Pat Patient')).toMatchObject({ allowed: false, basis: 'assessment' });
    expect(byName.get('Pat Patient')?.reasons.join(' ')).toMatch(/osteoporosis/iu);
    expect(byName.get('Sam Surgery')?.allowed).toBe(false);
    expect(byName.get('Nell New')).toMatchObject({ allowed: null, basis: 'none' });

    const audits = await client.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.patientId, surgeryPatientId), eq(auditLog.resource, 'exerciseSuitability')),
      );
    expect(audits.some((entry) => entry.detail?.exercise === 'knee-to-chest')).toBe(true);
  });

  it("shows another clinic's clinician none of these patients", async () => {
    const body = (await read(otherClinician, '/api/exercises/knee-to-chest')).json<DetailBody>();
    expect(body.suits.map((entry) => entry.patientId)).not.toContain(home.patientId);
  });

  it('answers 404 for an unknown exercise, 401 and 403 for others', async () => {
    expect((await read(clinician, '/api/exercises/juggling')).statusCode).toBe(404);
    expect((await read(null, '/api/exercises/knee-to-chest')).statusCode).toBe(401);
    expect((await read(patient, '/api/exercises/knee-to-chest')).statusCode).toBe(403);
  });
});
