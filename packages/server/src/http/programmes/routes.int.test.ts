import {
  classifyAssessment,
  doseOf,
  getExercise,
  scoreInstrument,
  screenRedFlags,
  type Findings,
  type PrescribedExercise,
  type Programme,
} from '@spinewise/clinical';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import {
  alerts,
  assessments,
  auditLog,
  clinics,
  episodes,
  patients,
  progressionDecisions,
  sessionLogs,
  users,
  type FlagDecision,
} from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { buildApp, type App } from '../app.js';
import { registerLogFeature } from '../logs/routes.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerProgrammeFeature } from './routes.js';

const TODAY = '2026-11-10';
const START = '2026-11-02';
const clock = new Date(`${TODAY}T09:00:00.000Z`);
const now = () => clock;

let database: TestDatabase;
let client: DatabaseClient;
let app: App;

interface Login {
  readonly userId: string;
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let clinicId: string;
let clinician: Login;
let admin: Login;
let otherClinician: Login;

async function loginAs(userId: string): Promise<Login> {
  const session = await createSession(client.db, { userId, now: clock });
  return {
    userId,
    cookies: { [SESSION_COOKIE]: session.token },
    csrf: { 'x-csrf-token': session.csrfToken },
  };
}

async function insertUser(clinic: string, role: 'clinician' | 'admin' | 'patient', name: string) {
  const [user] = await client.db
    .insert(users)
    .values({
      clinicId: clinic,
      role,
      email: role === 'patient' ? null : `${name.toLowerCase().replace(/\W+/gu, '.')}@example.org`,
      displayName: name,
    })
    .returning();
  if (user === undefined) throw new Error('no user');
  return user.id;
}

function call(login: Login | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return app.inject({
    method,
    url,
    ...(login === null ? {} : { cookies: login.cookies }),
    headers: login === null || method === 'GET' ? {} : login.csrf,
    ...(payload === undefined ? {} : { payload }),
  });
}

// ---------------------------------------------------------------- patients and assessments

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

interface Episode {
  readonly patientId: string;
  readonly episodeId: string;
  readonly patientLogin: Login;
}

async function newEpisode(condition = 'nonspecific'): Promise<Episode> {
  const patientUser = await insertUser(clinicId, 'patient', 'Alex Morgan');
  const [patient] = await client.db
    .insert(patients)
    .values({
      clinicId,
      clinicianId: clinician.userId,
      userId: patientUser,
      displayName: 'Alex Morgan',
      dateOfBirth: '1982-03-04',
    })
    .returning();
  if (patient === undefined) throw new Error('no patient');
  const [episode] = await client.db
    .insert(episodes)
    .values({ patientId: patient.id, region: 'lumbar', condition, startedOn: '2026-11-01' })
    .returning();
  if (episode === undefined) throw new Error('no episode');
  return {
    patientId: patient.id,
    episodeId: episode.id,
    patientLogin: await loginAs(patientUser),
  };
}

/** An assessment as the assessment routes store it: every result computed by the clinical core. */
async function addAssessment(
  episodeId: string,
  options: {
    findings?: Findings;
    flagDecision?: FlagDecision;
    assessedAt?: string;
    kind?: 'baseline' | 'reassessment';
  } = {},
): Promise<string> {
  const findings = { ...noRedFlags, ...options.findings };
  const odi = { instrument: 'odi', answers: [2, 1, 3, 1, 2, 1, 2, 1, 1, 1] } as const;
  const examination = {
    region: 'lumbar',
    age: 44,
    symptomDurationDays: 20,
    scores: { odi: 30, nprs: 5 },
  } as const;
  const [row] = await client.db
    .insert(assessments)
    .values({
      episodeId,
      kind: options.kind ?? 'baseline',
      assessedAt: new Date(options.assessedAt ?? '2026-11-01T10:00:00.000Z'),
      questionnaires: [
        { ...odi, score: scoreInstrument('odi', odi.answers) },
        { instrument: 'nprs', answers: [5], score: scoreInstrument('nprs', [5]) },
        {
          instrument: 'psfs',
          answers: [
            { activity: 'Gardening for an hour', rating: 4 },
            { activity: 'Sitting through a film', rating: 6 },
            { activity: 'Walking to the shops', rating: 5 },
          ],
          score: scoreInstrument('psfs', [
            { activity: 'Gardening for an hour', rating: 4 },
            { activity: 'Sitting through a film', rating: 6 },
            { activity: 'Walking to the shops', rating: 5 },
          ]),
        },
      ],
      redFlagFindings: findings,
      redFlagScreen: screenRedFlags({ region: 'lumbar', findings }),
      examination,
      classification: classifyAssessment(examination),
      ...(options.flagDecision === undefined ? {} : { flagDecision: options.flagDecision }),
      createdBy: clinician.userId,
    })
    .returning({ id: assessments.id });
  if (row === undefined) throw new Error('no assessment');
  return row.id;
}

// ---------------------------------------------------------------- programmes

interface ProgrammeBody {
  id: string;
  status: string;
  currentVersion: number;
  activeVersion: number | null;
  versions: {
    version: number;
    status: string;
    editedBy: string | null;
    approvedBy: string | null;
    approvedAt: string | null;
    changeReason: string | null;
  }[];
  current: { version: number; status: string; content: Programme };
}

async function generate(episodeId: string, body: object = {}): Promise<ProgrammeBody> {
  const response = await call(clinician, 'POST', `/api/episodes/${episodeId}/programmes`, {
    startDate: START,
    minutesPerDay: 20,
    ...body,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json<ProgrammeBody>();
}

async function approve(programmeId: string, version: number) {
  return call(clinician, 'POST', `/api/programmes/${programmeId}/approve`, { version });
}

function exercisesOf(programme: Programme, week: number): readonly PrescribedExercise[] {
  return programme.weeks[week]?.sessions.flatMap((session) => session.exercises) ?? [];
}

function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Session logs from the start to today for every exercise of each day's week. */
async function insertLogs(
  patientId: string,
  programmeId: string,
  programme: Programme,
  feel: (date: string) => Record<string, unknown>,
) {
  const rows = [];
  for (let date = START; date <= TODAY; date = dayAfter(date, 1)) {
    const week = programme.weeks.findLastIndex((candidate) => candidate.startDate <= date);
    for (const exercise of exercisesOf(programme, week)) {
      for (let bout = 1; bout <= exercise.perDay; bout++) {
        const log = {
          date,
          exerciseId: exercise.id,
          setsDone: exercise.sets,
          completed: 'done',
          ...feel(date),
        };
        rows.push({
          patientId,
          programmeId,
          programmeVersion: 1,
          exerciseId: exercise.id,
          performedOn: date,
          log: log as never,
          idempotencyKey: `${programmeId}-${date}-${exercise.id}-${bout}`,
        });
      }
    }
  }
  await client.db.insert(sessionLogs).values(rows);
}

const comfortable = () => ({
  painBefore: 2,
  painDuring: 2,
  painAfter: 2,
  nextMorningPain: 1,
  difficulty: 'moderate',
});

/** An episode with an approved, active programme, generated through the API. */
async function activeProgramme(): Promise<Episode & { programme: ProgrammeBody }> {
  const episode = await newEpisode();
  await addAssessment(episode.episodeId);
  const generated = await generate(episode.episodeId);
  const approved = await approve(generated.id, 1);
  if (approved.statusCode !== 200) throw new Error(approved.body);
  return { ...episode, programme: approved.json<ProgrammeBody>() };
}

async function auditRows(patientId: string, resource: string) {
  return client.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.patientId, patientId), eq(auditLog.resource, resource)));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  const [clinic] = await client.db.insert(clinics).values({ name: 'Riverside' }).returning();
  const [elsewhere] = await client.db.insert(clinics).values({ name: 'Hillside' }).returning();
  if (clinic === undefined || elsewhere === undefined) throw new Error('no clinic');
  clinicId = clinic.id;
  clinician = await loginAs(await insertUser(clinic.id, 'clinician', 'Sam Okafor'));
  admin = await loginAs(await insertUser(clinic.id, 'admin', 'Priya Shah'));
  otherClinician = await loginAs(await insertUser(elsewhere.id, 'clinician', 'Jo Other'));

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerLogFeature(app, { db: client.db, now });
  registerProgrammeFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

// ---------------------------------------------------------------- generate
// (Each test makes many requests against a real database: generous time on a busy machine.)

describe('POST /api/episodes/:episodeId/programmes', { timeout: 30_000 }, () => {
  it('generates from the latest assessment, with every choice’s rationale, as version 1', async () => {
    const episode = await newEpisode();
    await addAssessment(episode.episodeId);
    const body = await generate(episode.episodeId);
    expect(body).toMatchObject({
      status: 'generated',
      currentVersion: 1,
      activeVersion: null,
      versions: [{ version: 1, status: 'generated', editedBy: clinician.userId, approvedBy: null }],
      current: { version: 1, status: 'generated' },
    });
    const content = body.current.content;
    expect(content.startDate).toBe(START);
    // ODI 30 % from the stored questionnaire: treatment-based classification starts in "control".
    expect(content.rationale[0]).toMatchObject({
      rule: 'phase.start.tbc.control',
      sources: ['S-TBC'],
    });
    const exercises = exercisesOf(content, 0);
    expect(exercises.length).toBeGreaterThan(0);
    for (const exercise of exercises) {
      expect(exercise.rationale.length).toBeGreaterThan(0);
      for (const reason of exercise.rationale) {
        expect(reason.rule).not.toBe('');
        expect(Array.isArray(reason.sources)).toBe(true);
      }
    }
    // The PSFS activity became a goal.
    expect(content.rationale.some((reason) => reason.rule === 'goal.inferred')).toBe(true);
    const [audit] = await auditRows(episode.patientId, 'programme');
    expect(audit).toMatchObject({
      action: 'create',
      resourceId: body.id,
      userId: clinician.userId,
    });
  });

  it('answers 409 without an assessment', async () => {
    const episode = await newEpisode();
    const response = await call(
      clinician,
      'POST',
      `/api/episodes/${episode.episodeId}/programmes`,
      {
        minutesPerDay: 20,
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json<{ detail: string }>().detail).toMatch(/no assessment yet/u);
  });

  it('is held by an emergency screen until the clinician records a decision', async () => {
    const episode = await newEpisode();
    const findings = { saddleNumbness: true };
    await addAssessment(episode.episodeId, { findings });
    const held = await call(clinician, 'POST', `/api/episodes/${episode.episodeId}/programmes`, {
      minutesPerDay: 20,
    });
    expect(held.statusCode).toBe(409);
    const detail = held.json<{ detail: string }>().detail;
    expect(detail).toMatch(/emergency/u);
    expect(detail).toMatch(/Record your decision on the assessment's red-flag screen/u);

    await addAssessment(episode.episodeId, {
      findings,
      assessedAt: '2026-11-01T11:00:00.000Z',
      flagDecision: {
        decision: 'reviewedAndCleared',
        reason: 'Long-standing saddle sensation change, investigated last month',
        by: clinician.userId,
        at: '2026-11-01T11:00:00.000Z',
      },
    });
    const body = await generate(episode.episodeId);
    expect(body.current.content.rationale.map((reason) => reason.rule)).toContain(
      'blocked.cleared',
    );
  });

  it('names the request field the clinical core rejects or needs', async () => {
    const episode = await newEpisode();
    await addAssessment(episode.episodeId);
    const url = `/api/episodes/${episode.episodeId}/programmes`;
    const paths = async (payload: object) => {
      const response = await call(clinician, 'POST', url, payload);
      expect(response.statusCode).toBe(400);
      return response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
    };
    expect(await paths({ minutesPerDay: 2 })).toEqual(['body.minutesPerDay']);
    expect(await paths({ minutesPerDay: 20, options: { weeks: 99 } })).toEqual([
      'body.options.weeks',
    ]);
    expect(await paths({ minutesPerDay: 20, equipment: ['trampoline'] })).toEqual([
      'body.equipment[0]',
    ]);
    expect(await paths({ minutesPerDay: 20, score: 99 })).toEqual(['body.score']);
    expect(await paths({})).toEqual(['body.minutesPerDay']);

    const freeText = await newEpisode('Back pain after lifting a wardrobe');
    await addAssessment(freeText.episodeId);
    const freeUrl = `/api/episodes/${freeText.episodeId}/programmes`;
    const missing = await call(clinician, 'POST', freeUrl, { minutesPerDay: 20 });
    expect(missing.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'body.condition',
    ]);
    const given = await call(clinician, 'POST', freeUrl, {
      minutesPerDay: 20,
      condition: 'nonspecific',
    });
    expect(given.statusCode).toBe(201);
  });
});

// ---------------------------------------------------------------- edit

/** The prescription's dose with one variable moved to the other end of its bounds. */
function otherDose(prescribed: PrescribedExercise): Partial<PrescribedExercise> {
  const { bounds } = getExercise(prescribed.id).dosage;
  for (const variable of ['perDay', 'sets', 'daysPerWeek'] as const) {
    const range = bounds[variable];
    if (range.min === range.max) continue;
    return { [variable]: prescribed[variable] === range.min ? range.max : range.min };
  }
  throw new Error(`${prescribed.id} has no dose to change`);
}

function withExercise(
  programme: Programme,
  week: number,
  position: number,
  exercise: PrescribedExercise,
) {
  const content = structuredClone(programme) as unknown as {
    weeks: { sessions: { exercises: PrescribedExercise[] }[] }[];
  };
  const session = content.weeks[week]?.sessions[0];
  if (session === undefined) throw new Error('no session');
  session.exercises[position] = exercise;
  return content;
}

describe('PUT /api/programmes/:programmeId', { timeout: 30_000 }, () => {
  it('never lets a contraindicated exercise in: osteoporosis and a flexion-loaded exercise', async () => {
    const episode = await newEpisode();
    await addAssessment(episode.episodeId, { findings: { osteoporosis: true } });
    const body = await generate(episode.episodeId);
    expect(body.current.content.rationale.map((reason) => reason.rule)).toContain(
      'safety.osteoporosis',
    );
    const forwardFold = getExercise('forward-fold');
    const response = await call(clinician, 'PUT', `/api/programmes/${body.id}`, {
      baseVersion: 1,
      changeReason: 'Add a stretch',
      content: withExercise(body.current.content, 0, 0, {
        ...exercisesOf(body.current.content, 0)[0],
        id: forwardFold.id,
        ...forwardFold.dosage.default,
      } as PrescribedExercise),
    });
    expect(response.statusCode).toBe(400);
    const [error] = response.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(error?.path).toBe('body.content.weeks[0].sessions[0].exercises[0].id');
    expect(error?.message).toMatch(/Osteoporosis: no loaded or end-range spinal flexion/u);
    const detail = await call(clinician, 'GET', `/api/programmes/${body.id}`);
    expect(detail.json<ProgrammeBody>().currentVersion).toBe(1);
  });

  it('keeps every version, and refuses an edit made on a version that is no longer current', async () => {
    const episode = await newEpisode();
    await addAssessment(episode.episodeId);
    const body = await generate(episode.episodeId);
    const first = exercisesOf(body.current.content, 0)[0] as PrescribedExercise;
    const bounds = getExercise(first.id).dosage.bounds.sets;
    const sets = first.sets === bounds.min ? bounds.max : bounds.min;
    expect(sets).not.toBe(first.sets);
    const edited = withExercise(body.current.content, 0, 0, { ...first, sets });
    const url = `/api/programmes/${body.id}`;

    const saved = await call(clinician, 'PUT', url, {
      baseVersion: 1,
      changeReason: 'Fewer sets to start with',
      content: edited,
    });
    expect(saved.statusCode).toBe(200);
    const after = saved.json<ProgrammeBody>();
    expect(after).toMatchObject({ status: 'edited', currentVersion: 2 });
    expect(after.versions.map((version) => [version.version, version.status])).toEqual([
      [1, 'generated'],
      [2, 'edited'],
    ]);
    expect(after.versions[1]).toMatchObject({
      editedBy: clinician.userId,
      changeReason: 'Fewer sets to start with',
    });
    expect(exercisesOf(after.current.content, 0)[0]?.sets).toBe(sets);

    const late = await call(clinician, 'PUT', url, {
      baseVersion: 1,
      changeReason: 'Another edit',
      content: edited,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ detail: string }>().detail).toMatch(/version 2 is the current one/u);

    const old = await call(clinician, 'GET', `${url}/versions/1`);
    expect(old.statusCode).toBe(200);
    expect(exercisesOf(old.json<{ content: Programme }>().content, 0)[0]?.sets).toBe(first.sets);
    expect((await call(clinician, 'GET', `${url}/versions/9`)).statusCode).toBe(404);
    expect((await call(clinician, 'GET', `${url}/versions/x`)).statusCode).toBe(400);
  });

  it('names a malformed content field, and a missing change reason', async () => {
    const episode = await newEpisode();
    await addAssessment(episode.episodeId);
    const body = await generate(episode.episodeId);
    const broken = structuredClone(body.current.content) as unknown as {
      weeks: Record<string, unknown>[];
    };
    delete broken.weeks[1]?.sessions;
    const response = await call(clinician, 'PUT', `/api/programmes/${body.id}`, {
      baseVersion: 1,
      content: broken,
    });
    expect(response.statusCode).toBe(400);
    expect(
      response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path),
    ).toEqual(expect.arrayContaining(['body.content.weeks[1].sessions', 'body.changeReason']));
  });
});

// ---------------------------------------------------------------- approve and archive

describe('approve and archive', { timeout: 30_000 }, () => {
  it('makes the approved version active, completes the episode’s other active programme, and shows it to the patient', async () => {
    const episode = await newEpisode();
    await addAssessment(episode.episodeId);
    const old = await generate(episode.episodeId);
    expect((await approve(old.id, 1)).statusCode).toBe(200);
    const next = await generate(episode.episodeId, { minutesPerDay: 15 });

    expect((await approve(next.id, 2)).statusCode).toBe(409);
    const approved = await approve(next.id, 1);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<ProgrammeBody>()).toMatchObject({
      status: 'active',
      activeVersion: 1,
      versions: [{ version: 1, status: 'active', approvedBy: clinician.userId }],
    });
    const previous = await call(clinician, 'GET', `/api/programmes/${old.id}`);
    expect(previous.json<ProgrammeBody>().status).toBe('completed');

    const today = await call(episode.patientLogin, 'GET', '/api/me/today');
    expect(today.json<{ programme: { id: string } }>().programme.id).toBe(next.id);

    const again = await approve(next.id, 1);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ detail: string }>().detail).toMatch(/already approved/u);
    // A completed programme is closed.
    expect((await approve(old.id, 1)).statusCode).toBe(409);

    const list = await call(admin, 'GET', `/api/episodes/${episode.episodeId}/programmes`);
    expect(list.statusCode).toBe(200);
    // Newest first; both were made at the test's fixed instant, so compare as a set.
    const listed = list.json<{ programmes: { id: string; status: string }[] }>().programmes;
    expect(new Map(listed.map((p) => [p.id, p.status]))).toEqual(
      new Map([
        [next.id, 'active'],
        [old.id, 'completed'],
      ]),
    );
  });

  it('keeps the patient on the approved version while an edit waits for approval', async () => {
    const { programme, patientLogin } = await activeProgramme();
    const first = exercisesOf(programme.current.content, 1)[0] as PrescribedExercise;
    const saved = await call(clinician, 'PUT', `/api/programmes/${programme.id}`, {
      baseVersion: 1,
      changeReason: 'Twice a day suits her shifts',
      content: withExercise(programme.current.content, 1, 0, { ...first, ...otherDose(first) }),
    });
    expect(saved.json<ProgrammeBody>()).toMatchObject({
      status: 'active',
      currentVersion: 2,
      activeVersion: 1,
    });
    const before = await call(patientLogin, 'GET', '/api/me/today');
    expect(before.json<{ programme: { version: number } }>().programme.version).toBe(1);
    expect((await approve(programme.id, 2)).statusCode).toBe(200);
    const after = await call(patientLogin, 'GET', '/api/me/today');
    expect(after.json<{ programme: { version: number } }>().programme.version).toBe(2);
  });

  it('needs the clinician’s decision on the latest screen, and an episode still open', async () => {
    const episode = await newEpisode();
    await addAssessment(episode.episodeId);
    const body = await generate(episode.episodeId);
    // A reassessment since: known cancer with night pain → urgent, no decision recorded yet.
    await addAssessment(episode.episodeId, {
      kind: 'reassessment',
      assessedAt: '2026-11-05T10:00:00.000Z',
      findings: { historyOfCancer: true, nightPain: true },
    });
    const held = await approve(body.id, 1);
    expect(held.statusCode).toBe(409);
    expect(held.json<{ detail: string }>().detail).toMatch(/red-flag screen says urgent/u);

    const discharged = await newEpisode();
    await addAssessment(discharged.episodeId);
    const other = await generate(discharged.episodeId);
    await client.db
      .update(episodes)
      .set({ status: 'discharged', dischargedOn: TODAY })
      .where(eq(episodes.id, discharged.episodeId));
    const closed = await approve(other.id, 1);
    expect(closed.statusCode).toBe(409);
    expect(closed.json<{ detail: string }>().detail).toMatch(/discharged/u);
  });

  it('archives with a reason, once, and an archived programme can no longer be edited', async () => {
    const { programme, patientId } = await activeProgramme();
    const url = `/api/programmes/${programme.id}/archive`;
    expect((await call(clinician, 'POST', url, {})).statusCode).toBe(400);
    const archived = await call(clinician, 'POST', url, { reason: 'Moved to another clinic' });
    expect(archived.statusCode).toBe(200);
    expect(archived.json<ProgrammeBody>().status).toBe('archived');
    expect((await call(clinician, 'POST', url, { reason: 'Again' })).statusCode).toBe(409);
    const edit = await call(clinician, 'PUT', `/api/programmes/${programme.id}`, {
      baseVersion: 1,
      changeReason: 'Too late',
      content: programme.current.content,
    });
    expect(edit.statusCode).toBe(409);
    const audits = await auditRows(patientId, 'programme');
    expect(audits.some((row) => row.detail?.action === 'archive')).toBe(true);
  });
});

// ---------------------------------------------------------------- progression

interface Suggestion {
  id: string;
  exerciseId: string;
  decision: string;
  state: string;
  rule: string;
  reason: string;
  sources: string[];
  current: { exerciseId: string; dose: Record<string, number> };
  proposed: {
    exerciseId: string;
    dose: Record<string, number>;
    change: { kind: string };
  } | null;
  logs: { id: string; log: { date: string } }[];
}

interface Report {
  version: number;
  status: string;
  week: number | null;
  suggestions: Suggestion[];
  flags: { type: string; advice: string | null; alertId: string | null; sessionLogIds: string[] }[];
}

async function progression(programmeId: string, login: Login = clinician) {
  const response = await call(login, 'GET', `/api/programmes/${programmeId}/progression`);
  if (response.statusCode !== 200) throw new Error(response.body);
  return response.json<Report>();
}

async function decisionRows(programmeId: string) {
  return client.db
    .select()
    .from(progressionDecisions)
    .where(eq(progressionDecisions.programmeId, programmeId));
}

describe('progression suggestions', { timeout: 30_000 }, () => {
  it('stores one suggestion per exercise a day, and accepting a progression writes a new version', async () => {
    const setup = await activeProgramme();
    const { programme } = setup;
    await insertLogs(setup.patientId, programme.id, programme.current.content, comfortable);

    const report = await progression(programme.id);
    expect(report).toMatchObject({ version: 1, status: 'continue', week: 2 });
    const weekTwo = new Set(exercisesOf(programme.current.content, 1).map((e) => e.id));
    expect(new Set(report.suggestions.map((s) => s.exerciseId))).toEqual(weekTwo);
    const progress = report.suggestions.find(
      (s) => s.decision === 'progress' && s.proposed?.change.kind === 'dose',
    );
    if (progress === undefined) throw new Error(JSON.stringify(report.suggestions));
    expect(progress).toMatchObject({ state: 'suggested', rule: 'progress.criteriaMet' });
    expect(progress.sources).toContain('S-PMM');
    expect(progress.logs.length).toBeGreaterThan(0);
    expect(progress.logs.every((log) => log.log.date >= '2026-11-04')).toBe(true);

    // The same day again: the same suggestions, nothing new stored.
    const again = await progression(programme.id);
    expect(again.suggestions.map((s) => s.id)).toEqual(report.suggestions.map((s) => s.id));
    expect(await decisionRows(programme.id)).toHaveLength(report.suggestions.length);

    const accepted = await call(
      clinician,
      'POST',
      `/api/progression-decisions/${progress.id}/accept`,
      { reason: 'Going well' },
    );
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      programmeVersion: 2,
      suggestion: { id: progress.id, state: 'accepted', reviewReason: 'Going well' },
    });
    const detail = (
      await call(clinician, 'GET', `/api/programmes/${programme.id}`)
    ).json<ProgrammeBody>();
    expect(detail).toMatchObject({ status: 'active', currentVersion: 2, activeVersion: 2 });
    expect(detail.versions[1]).toMatchObject({
      status: 'active',
      editedBy: clinician.userId,
      approvedBy: clinician.userId,
    });
    expect(detail.versions[1]?.changeReason).toContain('progress.criteriaMet');
    const changed = exercisesOf(detail.current.content, 1).find(
      (e) => e.id === progress.exerciseId,
    );
    expect(changed === undefined ? null : doseOf(changed)).toEqual(progress.proposed?.dose);
    // The week before the decision is kept as it was.
    expect(detail.current.content.weeks[0]).toEqual(programme.current.content.weeks[0]);
    const today = await call(setup.patientLogin, 'GET', '/api/me/today');
    expect(today.json<{ programme: { version: number } }>().programme.version).toBe(2);

    const twice = await call(clinician, 'POST', `/api/progression-decisions/${progress.id}/accept`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ detail: string }>().detail).toMatch(/already been accepted/u);

    // The rest of today's suggestions still wait; a rejection needs a reason.
    const other = report.suggestions.find((s) => s.id !== progress.id) as Suggestion;
    const rejectUrl = `/api/progression-decisions/${other.id}/reject`;
    const bare = await call(clinician, 'POST', rejectUrl, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body.reason');
    const rejected = await call(clinician, 'POST', rejectUrl, { reason: 'She is off on holiday' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      programmeVersion: null,
      suggestion: { state: 'rejected', reviewReason: 'She is off on holiday' },
    });
    expect((await call(clinician, 'POST', rejectUrl, { reason: 'Again' })).statusCode).toBe(409);
    expect(
      (await call(clinician, 'POST', `/api/progression-decisions/${other.id}/accept`)).statusCode,
    ).toBe(409);

    const audits = await auditRows(setup.patientId, 'progressionDecision');
    expect(audits.map((row) => row.action).sort()).toEqual(['create', 'update', 'update']);
    expect((await auditRows(setup.patientId, 'progression')).length).toBe(2);
  });

  it('refuses a suggestion while an edit waits, and once the programme has moved on', async () => {
    const setup = await activeProgramme();
    const { programme } = setup;
    await insertLogs(setup.patientId, programme.id, programme.current.content, comfortable);
    const report = await progression(programme.id);
    const target = report.suggestions.find((s) => s.proposed !== null) ?? report.suggestions[0];
    if (target === undefined) throw new Error('no suggestion');

    const prescribed = exercisesOf(programme.current.content, 1).find(
      (e) => e.id === target.exerciseId,
    ) as PrescribedExercise;
    const position = exercisesOf(programme.current.content, 1).indexOf(prescribed);
    const changed = otherDose(prescribed);
    const content = structuredClone(programme.current.content) as unknown as {
      weeks: { sessions: { exercises: PrescribedExercise[] }[] }[];
    };
    for (const week of content.weeks.slice(1)) {
      for (const session of week.sessions) {
        session.exercises = session.exercises.map((e) =>
          e.id === prescribed.id ? { ...e, ...changed } : e,
        );
      }
    }
    expect(position).toBeGreaterThanOrEqual(0);
    const saved = await call(clinician, 'PUT', `/api/programmes/${programme.id}`, {
      baseVersion: 1,
      changeReason: 'Her days are busy',
      content,
    });
    expect(saved.statusCode).toBe(200);
    const url = `/api/progression-decisions/${target.id}/accept`;
    const pending = await call(clinician, 'POST', url);
    expect(pending.statusCode).toBe(409);
    expect(pending.json<{ detail: string }>().detail).toMatch(/waiting for approval/u);

    expect((await approve(programme.id, 2)).statusCode).toBe(200);
    const stale = await call(clinician, 'POST', url);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ detail: string }>().detail).toMatch(/has changed since this suggestion/u);
  });

  it('raises one alert per kind of flag however often it runs, and accepting a regression eases the dose', async () => {
    const setup = await activeProgramme();
    const { programme } = setup;
    // Pain during above 5 on the last two days: too much, regress [S-PMM].
    await insertLogs(setup.patientId, programme.id, programme.current.content, (date) =>
      date >= '2026-11-09' ? { ...comfortable(), painDuring: 7, painAfter: 6 } : comfortable(),
    );
    const report = await progression(programme.id);
    await progression(programme.id);
    const flare = report.flags.find((flag) => flag.type === 'painFlare');
    expect(flare?.alertId).toEqual(expect.any(String));
    expect(flare?.sessionLogIds.length).toBeGreaterThan(0);

    const open = await client.db.select().from(alerts).where(eq(alerts.patientId, setup.patientId));
    expect(open.map((alert) => alert.type).sort()).toEqual(['painFlare', 'regressSuggested']);
    expect(open.every((alert) => alert.state === 'open')).toBe(true);

    const regress = report.suggestions.find(
      (s) => s.decision === 'regress' && s.proposed?.change.kind === 'dose',
    );
    if (regress === undefined) throw new Error(JSON.stringify(report.suggestions));
    expect(regress.rule).toBe('regress.painDuring');
    const accepted = await call(
      clinician,
      'POST',
      `/api/progression-decisions/${regress.id}/accept`,
    );
    expect(accepted.statusCode).toBe(200);
    const detail = (
      await call(clinician, 'GET', `/api/programmes/${programme.id}`)
    ).json<ProgrammeBody>();
    const eased = exercisesOf(detail.current.content, 1).find((e) => e.id === regress.exerciseId);
    expect(eased === undefined ? null : doseOf(eased)).toEqual(regress.proposed?.dose);

    // Once every regress suggestion of the run is reviewed, its alert is resolved by the reviewer.
    const regressAlert = () =>
      client.db
        .select()
        .from(alerts)
        .where(and(eq(alerts.patientId, setup.patientId), eq(alerts.type, 'regressSuggested')));
    const waiting = report.suggestions.filter(
      (s) => s.decision === 'regress' && s.id !== regress.id,
    );
    for (const [index, suggestion] of waiting.entries()) {
      const [alert] = await regressAlert();
      expect([index, alert?.state]).toEqual([index, 'open']);
      const rejected = await call(
        clinician,
        'POST',
        `/api/progression-decisions/${suggestion.id}/reject`,
        { reason: 'Keep this one as it is; the flare-up is settling' },
      );
      expect(rejected.statusCode).toBe(200);
    }
    const [resolved] = await regressAlert();
    expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: clinician.userId });
  });

  it('waits for the programme to start, and is only for the active programme', async () => {
    const episode = await newEpisode();
    await addAssessment(episode.episodeId);
    const future = await generate(episode.episodeId, { startDate: '2026-12-01' });
    const notActive = await call(clinician, 'GET', `/api/programmes/${future.id}/progression`);
    expect(notActive.statusCode).toBe(409);
    expect((await approve(future.id, 1)).statusCode).toBe(200);
    const report = await progression(future.id, admin);
    expect(report).toMatchObject({ status: 'notStarted', suggestions: [], flags: [] });
  });
});

// ---------------------------------------------------------------- who may

describe('access', { timeout: 30_000 }, () => {
  it('answers another clinic 404, a patient 403, the signed-out 401, and an admin reads only', async () => {
    const setup = await activeProgramme();
    const { programme } = setup;
    await insertLogs(setup.patientId, programme.id, programme.current.content, comfortable);
    const [suggestion] = (await progression(programme.id)).suggestions;
    if (suggestion === undefined) throw new Error('no suggestion');
    const routes: [method: 'GET' | 'POST' | 'PUT', url: string, body?: object][] = [
      ['POST', `/api/episodes/${setup.episodeId}/programmes`, { minutesPerDay: 20 }],
      ['GET', `/api/episodes/${setup.episodeId}/programmes`],
      ['GET', `/api/programmes/${programme.id}`],
      ['GET', `/api/programmes/${programme.id}/versions/1`],
      [
        'PUT',
        `/api/programmes/${programme.id}`,
        { baseVersion: 1, changeReason: 'x', content: programme.current.content },
      ],
      ['POST', `/api/programmes/${programme.id}/approve`, { version: 1 }],
      ['POST', `/api/programmes/${programme.id}/archive`, { reason: 'x' }],
      ['GET', `/api/programmes/${programme.id}/progression`],
      ['POST', `/api/progression-decisions/${suggestion.id}/accept`, {}],
      ['POST', `/api/progression-decisions/${suggestion.id}/reject`, { reason: 'x' }],
    ];
    for (const [method, url, body] of routes) {
      const foreign = await call(otherClinician, method, url, body);
      expect([url, foreign.statusCode]).toEqual([url, 404]);
      expect(foreign.json<{ detail: string }>().detail).not.toContain(programme.id);
      const patient = await call(setup.patientLogin, method, url, body);
      expect([url, patient.statusCode]).toEqual([url, 403]);
      const anonymous = await call(null, method, url, body);
      expect([url, anonymous.statusCode]).toEqual([url, 401]);
      const byAdmin = await call(admin, method, url, body);
      expect([url, byAdmin.statusCode]).toEqual([url, method === 'GET' ? 200 : 403]);
    }
    // Nothing the refused requests asked for happened.
    expect((await decisionRows(programme.id)).every((row) => row.state === 'suggested')).toBe(true);
    const reads = await auditRows(setup.patientId, 'programme');
    expect(reads.filter((row) => row.action === 'read').map((row) => row.userId)).toContain(
      admin.userId,
    );
    expect(reads.map((row) => row.userId)).not.toContain(otherClinician.userId);
  });
});
