import {
  change,
  generateProgramme,
  scoreInstrument,
  screenRedFlags,
  type FlagSeverity,
  type Programme,
  type SessionLog,
} from '@spinewise/clinical';
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { connect, type Database, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import * as schema from '../../database/schema.js';
import {
  alerts,
  assessments,
  auditLog,
  clinics,
  episodes,
  patients,
  programmes,
  programmeVersions,
  sessionLogs,
  users,
  type AlertState,
  type UserRole,
} from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { lowBackProfile, PROGRAMME_START } from '../../logs/programme.fixture.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { recordAuditMany } from '../session/audit.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { caseloadSchema, registerCaseloadFeature } from './routes.js';

// The programme starts on Monday 2 November 2026; today is in week 4, so the week-3
// reassessment (dated the end of week 3, 22 November) has come.
const TODAY = '2026-11-25';
const clock = new Date(`${TODAY}T09:00:00.000Z`);
const now = () => clock;
const programme: Programme = generateProgramme({ ...lowBackProfile, startDate: PROGRAMME_START });

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
/** The same routes on a Drizzle client that counts the SQL statements it sends. */
let countingApp: App;
let counting: Database;
let statements: string[] = [];

interface Clinic {
  readonly clinicId: string;
  readonly clinicianId: string;
}

let clinicA: Clinic;
let otherClinicianId: string;
let adminId: string;
let clinicB: Clinic;
const ids: Record<string, string> = {};
let patientUserId: string;

// ---------------------------------------------------------------- the clinic

async function insertClinic(name: string): Promise<Clinic> {
  const [clinic] = await client.db.insert(clinics).values({ name }).returning();
  if (clinic === undefined) throw new Error('no clinic');
  return { clinicId: clinic.id, clinicianId: await insertUser(clinic.id, 'clinician') };
}

async function insertUser(clinicId: string, role: UserRole): Promise<string> {
  const [user] = await client.db
    .insert(users)
    .values({
      clinicId,
      role,
      email: role === 'patient' ? null : `${role}-${crypto.randomUUID()}@example.org`,
      displayName: `A ${role}`,
    })
    .returning();
  if (user === undefined) throw new Error('no user');
  return user.id;
}

interface PatientRecord {
  readonly patientId: string;
  readonly episodeId: string;
  readonly programmeId: string;
}

/** A patient with an active episode and the active programme (unless told otherwise). */
async function insertPatient(
  clinic: Clinic,
  displayName: string,
  options: { clinicianId?: string; episode?: 'active' | 'discharged' | 'none' } = {},
): Promise<PatientRecord> {
  const [patient] = await client.db
    .insert(patients)
    .values({
      clinicId: clinic.clinicId,
      clinicianId: options.clinicianId ?? clinic.clinicianId,
      displayName,
    })
    .returning();
  if (patient === undefined) throw new Error('no patient');
  ids[displayName] = patient.id;
  const kind = options.episode ?? 'active';
  if (kind === 'none') return { patientId: patient.id, episodeId: '', programmeId: '' };
  const [episode] = await client.db
    .insert(episodes)
    .values({
      patientId: patient.id,
      region: 'lumbar',
      condition: 'Non-specific low back pain',
      startedOn: '2026-10-30',
      status: kind,
      dischargedOn: kind === 'discharged' ? '2026-11-20' : null,
    })
    .returning();
  if (episode === undefined) throw new Error('no episode');
  const [programmeRow] = await client.db
    .insert(programmes)
    .values({ episodeId: episode.id, status: kind === 'active' ? 'active' : 'completed' })
    .returning();
  if (programmeRow === undefined) throw new Error('no programme');
  await client.db.insert(programmeVersions).values({
    programmeId: programmeRow.id,
    version: 1,
    status: 'active',
    content: programme,
  });
  await insertAssessment(episode.id, 'baseline', '2026-10-30T10:00:00Z', {
    odi: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    nprs: 6,
  });
  return { patientId: patient.id, episodeId: episode.id, programmeId: programmeRow.id };
}

async function insertAssessment(
  episodeId: string,
  kind: 'baseline' | 'reassessment',
  assessedAt: string,
  answers: { odi: number[]; nprs: number },
): Promise<void> {
  const findings = { bladderDysfunction: false, saddleNumbness: false, age: 44 };
  await client.db.insert(assessments).values({
    episodeId,
    kind,
    assessedAt: new Date(assessedAt),
    questionnaires: [
      { instrument: 'odi', answers: answers.odi, score: scoreInstrument('odi', answers.odi) },
      {
        instrument: 'nprs',
        answers: [answers.nprs],
        score: scoreInstrument('nprs', [answers.nprs]),
      },
    ],
    redFlagFindings: findings,
    redFlagScreen: screenRedFlags({ region: 'lumbar', findings }),
    createdBy: clinicA.clinicianId,
  });
}

async function insertAlert(
  patientId: string,
  severity: FlagSeverity,
  createdAt: string,
  state: AlertState = 'open',
): Promise<void> {
  await client.db.insert(alerts).values({
    patientId,
    clinicId: clinicA.clinicId,
    type: 'painFlare',
    severity,
    state,
    message: `A ${severity} alert`,
    createdAt: new Date(createdAt),
    ...(state === 'acknowledged'
      ? { acknowledgedAt: clock, acknowledgedBy: clinicA.clinicianId }
      : {}),
  });
}

let logNumber = 0;

async function insertLog(
  record: PatientRecord,
  date: string,
  exerciseId: string,
  extra: Partial<SessionLog> = {},
): Promise<void> {
  logNumber += 1;
  await client.db.insert(sessionLogs).values({
    patientId: record.patientId,
    programmeId: record.programmeId,
    programmeVersion: 1,
    exerciseId,
    performedOn: date,
    log: { date, exerciseId, setsDone: 2, ...extra },
    idempotencyKey: `log-${logNumber}`,
  });
}

// ---------------------------------------------------------------- requests

async function cookieFor(userId: string): Promise<Record<string, string>> {
  const session = await createSession(client.db, { userId, now: clock });
  return { [SESSION_COOKIE]: session.token };
}

interface Entry {
  patient: { id: string; displayName: string };
  episode: { region: string } | null;
  programme: { id: string; status: string; week: number | null; weeks: number } | null;
  alerts: {
    open: number;
    worstSeverity: string | null;
    newest: { severity: string; createdAt: string }[];
  };
  adherence: Record<
    'last7Days' | 'last14Days',
    { from: string; to: string; done: number; prescribed: number; daysLogged: number }
  > | null;
  scores: {
    instrument: string;
    baseline: { score: number };
    latest: { score: number };
    change: { absolute: number; direction: string; mcidMet: boolean | null; mcid: string } | null;
  }[];
  reassessment: { week: number; dueOn: string } | null;
  lastLogOn: string | null;
}

async function caseload(userId: string, query = '', on: App = app) {
  const response = await on.inject({
    method: 'GET',
    url: `/api/caseload${query}`,
    cookies: await cookieFor(userId),
  });
  return response;
}

async function entries(userId: string, query = ''): Promise<Entry[]> {
  const response = await caseload(userId, query);
  expect(response.statusCode).toBe(200);
  return response.json<{ patients: Entry[] }>().patients;
}

function named(list: readonly Entry[], name: string): Entry {
  const entry = list.find((candidate) => candidate.patient.displayName === name);
  if (entry === undefined) throw new Error(`${name} is not on the caseload`);
  return entry;
}

/** Bouts a programme week prescribes a day: perDay × daysPerWeek ÷ 7 over its exercises. */
function boutsPerDay(week: number): number {
  const found = programme.weeks.find((entry) => entry.week === week);
  const exercises = found?.sessions.flatMap((session) => session.exercises) ?? [];
  return exercises.reduce((sum, item) => sum + item.perDay * item.daysPerWeek, 0) / 7;
}

// ---------------------------------------------------------------- set-up

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);

  clinicA = await insertClinic('Riverside Physiotherapy');
  otherClinicianId = await insertUser(clinicA.clinicId, 'clinician');
  adminId = await insertUser(clinicA.clinicId, 'admin');
  clinicB = await insertClinic('Hillside Clinic');

  const zoe = await insertPatient(clinicA, 'Zoe Emergency');
  await insertAlert(zoe.patientId, 'warning', '2026-11-19T08:00:00Z');
  await insertAlert(zoe.patientId, 'emergency', '2026-11-24T08:00:00Z');
  const yan = await insertPatient(clinicA, 'Yan Urgent');
  await insertAlert(yan.patientId, 'urgent', '2026-11-20T08:00:00Z');
  const xavier = await insertPatient(clinicA, 'Xavier Urgent');
  await insertAlert(xavier.patientId, 'urgent', '2026-11-23T08:00:00Z');
  // Five open alerts: the count covers all, only the newest three are listed.
  const bella = await insertPatient(clinicA, 'Bella Warning');
  for (const day of ['18', '19', '20', '21', '22']) {
    await insertAlert(bella.patientId, 'info', `2026-11-${day}T08:00:00Z`);
  }
  await insertAlert(bella.patientId, 'warning', '2026-11-17T08:00:00Z');

  // No reassessment since week 3 began (16 November): due.
  await insertPatient(clinicA, 'Carl Due');

  // Reassessed in week 3, much better on the ODI; a little better on pain.
  const anna = await insertPatient(clinicA, 'Anna Reassessed');
  await insertAssessment(anna.episodeId, 'reassessment', '2026-11-18T10:00:00Z', {
    odi: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    nprs: 5,
  });
  // Last 7 whole days: 18–24 November. 18th: bird-dog three times (counts once, its dose is
  // once a day), glute-bridge partly done, curl-up skipped, cat-cow with no set done (skipped).
  await insertLog(anna, '2026-11-18', 'bird-dog', { completed: 'done' });
  await insertLog(anna, '2026-11-18', 'bird-dog', { completed: 'done' });
  await insertLog(anna, '2026-11-18', 'bird-dog');
  await insertLog(anna, '2026-11-18', 'glute-bridge', { completed: 'partly' });
  await insertLog(anna, '2026-11-18', 'curl-up', { completed: 'skipped' });
  await insertLog(anna, '2026-11-18', 'cat-cow', { setsDone: 0 });
  await insertLog(anna, '2026-11-19', 'not-in-the-programme', { completed: 'done' });
  await insertLog(anna, '2026-11-20', 'bird-dog');
  // In the 14 days only; before them; today (not over yet, so not counted).
  await insertLog(anna, '2026-11-12', 'curl-up');
  await insertLog(anna, '2026-11-05', 'bird-dog');
  await insertLog(anna, TODAY, 'side-plank');

  const dan = await insertPatient(clinicA, 'Dan Acknowledged');
  await insertAlert(dan.patientId, 'emergency', '2026-11-21T08:00:00Z', 'acknowledged');
  await insertAssessment(dan.episodeId, 'reassessment', '2026-11-16T10:00:00Z', {
    odi: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    nprs: 6,
  });
  await insertPatient(clinicA, 'Eve New', { episode: 'none' });
  await insertPatient(clinicA, 'Fred Discharged', { episode: 'discharged' });
  await insertPatient(clinicA, 'Gina Colleague', { clinicianId: otherClinicianId });
  await insertPatient(clinicB, 'Hal Elsewhere');

  const carl = ids['Carl Due'] as string;
  patientUserId = await insertUser(clinicA.clinicId, 'patient');
  await client.db.update(patients).set({ userId: patientUserId }).where(eq(patients.id, carl));

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerCaseloadFeature(app, { db: client.db, now });
  await app.ready();

  counting = drizzle(client.pool, {
    schema,
    logger: {
      logQuery: (query) => {
        statements.push(query);
      },
    },
  });
  countingApp = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(countingApp, { db: counting, now });
  registerCaseloadFeature(countingApp, { db: counting, now });
  await countingApp.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await countingApp.close();
  await client.close();
  await database.drop();
}, 60_000);

// ---------------------------------------------------------------- tests

describe('GET /api/caseload', () => {
  it('answers exactly the documented schema (it is written without zod re-checking it)', async () => {
    const response = await caseload(clinicA.clinicianId, '?all=true');
    expect(response.headers['content-type']).toContain('application/json');
    const body: unknown = response.json();
    // Parsing drops unknown keys: equal means nothing undocumented was sent either.
    expect(caseloadSchema.parse(body)).toEqual(body);
  });

  it('lists open alerts first by severity (oldest first within one), then reassessments due, then by name', async () => {
    const list = await entries(clinicA.clinicianId);
    expect(list.map((entry) => entry.patient.displayName)).toEqual([
      'Zoe Emergency',
      'Yan Urgent',
      'Xavier Urgent',
      'Bella Warning',
      'Carl Due',
      'Anna Reassessed',
      'Dan Acknowledged',
      'Eve New',
    ]);
  });

  it('counts every open alert, shows the newest three, and leaves acknowledged ones out', async () => {
    const list = await entries(clinicA.clinicianId);
    const bella = named(list, 'Bella Warning');
    expect(bella.alerts.open).toBe(6);
    expect(bella.alerts.worstSeverity).toBe('warning');
    expect(bella.alerts.newest.map((alert) => alert.createdAt)).toEqual([
      '2026-11-22T08:00:00.000Z',
      '2026-11-21T08:00:00.000Z',
      '2026-11-20T08:00:00.000Z',
    ]);
    expect(named(list, 'Zoe Emergency').alerts).toMatchObject({
      open: 2,
      worstSeverity: 'emergency',
    });
    expect(named(list, 'Dan Acknowledged').alerts).toEqual({
      open: 0,
      worstSeverity: null,
      newest: [],
    });
  });

  it('measures adherence over the whole days before today, capped at the daily dose', async () => {
    const anna = named(await entries(clinicA.clinicianId), 'Anna Reassessed');
    // 18–22 November are in week 3, 23–24 in week 4.
    const prescribed7 = 5 * boutsPerDay(3) + 2 * boutsPerDay(4);
    // 11–15 November are in week 2.
    const prescribed14 = prescribed7 + 5 * boutsPerDay(2) + 2 * boutsPerDay(3);
    expect(anna.adherence?.last7Days).toEqual({
      from: '2026-11-18',
      to: '2026-11-24',
      done: 3,
      prescribed: Math.round(prescribed7),
      percent: Math.round((3 / prescribed7) * 100),
      daysLogged: 2,
    });
    expect(anna.adherence?.last14Days).toMatchObject({
      from: '2026-11-11',
      done: 4,
      prescribed: Math.round(prescribed14),
      daysLogged: 3,
    });
    expect(anna.lastLogOn).toBe(TODAY);
    expect(anna.programme).toMatchObject({ status: 'active', week: 4, weeks: 6 });
    expect(named(await entries(clinicA.clinicianId), 'Carl Due').adherence?.last7Days.done).toBe(0);
  });

  it('compares the latest scores with the baseline, with the MCID from the clinical core', async () => {
    const list = await entries(clinicA.clinicianId);
    const anna = named(list, 'Anna Reassessed');
    const odi = anna.scores.find((score) => score.instrument === 'odi');
    const expected = change('odi', 40, 20, { region: 'lumbar' });
    expect(odi).toMatchObject({
      baseline: { score: 40 },
      latest: { score: 20 },
      change: { absolute: -20, direction: 'improved', mcidMet: true },
    });
    expect(odi?.change?.mcid).toBe(expected.mcid?.description);
    const nprs = anna.scores.find((score) => score.instrument === 'nprs');
    expect(nprs?.change).toMatchObject({ absolute: -1, direction: 'improved', mcidMet: false });

    // Only a baseline: the latest is the baseline, with no change yet.
    const carl = named(list, 'Carl Due');
    expect(carl.scores.map((score) => [score.instrument, score.change])).toEqual([
      ['odi', null],
      ['nprs', null],
    ]);
  });

  it('says a reassessment is due from its scheduled date until one is recorded', async () => {
    const list = await entries(clinicA.clinicianId);
    const week3 = programme.reassessments.find((scheduled) => scheduled.week === 3);
    expect(named(list, 'Carl Due').reassessment).toEqual({ week: 3, dueOn: week3?.date });
    expect(named(list, 'Anna Reassessed').reassessment).toBeNull();
    // Reassessed on the first day of week 3: it counts.
    expect(named(list, 'Dan Acknowledged').reassessment).toBeNull();
    expect(named(list, 'Eve New')).toMatchObject({
      episode: null,
      programme: null,
      adherence: null,
      reassessment: null,
      scores: [],
    });
  });

  it('scopes to the clinician, `all=true` to the clinic, an admin to the clinic, never another clinic', async () => {
    const mine = (await entries(clinicA.clinicianId)).map((entry) => entry.patient.displayName);
    expect(mine).not.toContain('Gina Colleague');
    expect(mine).not.toContain('Fred Discharged');
    const all = (await entries(clinicA.clinicianId, '?all=true')).map(
      (entry) => entry.patient.displayName,
    );
    expect(all).toHaveLength(9);
    expect(all).toContain('Gina Colleague');
    expect(all).not.toContain('Hal Elsewhere');
    const admin = (await entries(adminId)).map((entry) => entry.patient.displayName);
    expect(admin.sort()).toEqual([...all].sort());
    const other = (await entries(otherClinicianId)).map((entry) => entry.patient.displayName);
    expect(other).toEqual(['Gina Colleague']);
    const elsewhere = (await entries(clinicB.clinicianId)).map(
      (entry) => entry.patient.displayName,
    );
    expect(elsewhere).toEqual(['Hal Elsewhere']);
  });

  it('pages through the ordered list, counting every page, and audits only the patients shown', async () => {
    const everyone = (await entries(clinicA.clinicianId)).map((entry) => entry.patient.displayName);
    const first = await caseload(clinicA.clinicianId, '?limit=3');
    const firstBody = first.json<{ total: number; offset: number; patients: Entry[] }>();
    expect(firstBody.total).toBe(everyone.length);
    expect(firstBody.offset).toBe(0);
    expect(firstBody.patients.map((entry) => entry.patient.displayName)).toEqual(
      everyone.slice(0, 3),
    );
    const second = await caseload(clinicA.clinicianId, '?limit=3&offset=3');
    expect(
      second.json<{ patients: Entry[] }>().patients.map((entry) => entry.patient.displayName),
    ).toEqual(everyone.slice(3, 6));
    const beyond = await caseload(clinicA.clinicianId, '?limit=3&offset=100');
    expect(beyond.json<{ total: number; patients: Entry[] }>()).toMatchObject({
      total: everyone.length,
      patients: [],
    });

    const reader = await insertUser(clinicA.clinicId, 'clinician');
    const paged = await caseload(reader, '?all=true&limit=2');
    const shown = paged.json<{ patients: Entry[] }>().patients.map((entry) => entry.patient.id);
    const audited = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, reader), eq(auditLog.resource, 'caseload')));
    expect(audited.map((row) => row.patientId).sort()).toEqual([...shown].sort());
  });

  it('narrows the list by name, open alerts and reassessments due, and counts them', async () => {
    const urgent = await caseload(clinicA.clinicianId, '?q=URGENT');
    expect(
      urgent.json<{ patients: Entry[] }>().patients.map((entry) => entry.patient.displayName),
    ).toEqual(['Yan Urgent', 'Xavier Urgent']);
    // LIKE wildcards are matched as themselves.
    const wildcard = await caseload(clinicA.clinicianId, '?q=%25');
    expect(wildcard.json<{ total: number }>().total).toBe(0);
    const withAlerts = await caseload(clinicA.clinicianId, '?alerts=true');
    const alertsBody = withAlerts.json<{ total: number; withAlerts: number; patients: Entry[] }>();
    expect(alertsBody.patients.every((entry) => entry.alerts.open > 0)).toBe(true);
    expect(alertsBody.total).toBe(alertsBody.withAlerts);
    expect(alertsBody.patients.map((entry) => entry.patient.displayName)).toContain(
      'Zoe Emergency',
    );
    const due = await caseload(clinicA.clinicianId, '?reassessmentDue=true');
    const dueBody = due.json<{ total: number; reassessmentsDue: number; patients: Entry[] }>();
    expect(dueBody.patients.map((entry) => entry.patient.displayName)).toContain('Carl Due');
    expect(dueBody.patients.every((entry) => entry.reassessment !== null)).toBe(true);
    expect(dueBody.total).toBe(dueBody.reassessmentsDue);
  });

  it('refuses a patient (403), the signed out (401) and a bad query (400), as problems', async () => {
    const patient = await caseload(patientUserId);
    expect(patient.statusCode).toBe(403);
    expect(patient.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const anonymous = await app.inject({ method: 'GET', url: '/api/caseload' });
    expect(anonymous.statusCode).toBe(401);
    const bad = await caseload(clinicA.clinicianId, '?all=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('query.all');
    const badLimit = await caseload(clinicA.clinicianId, '?limit=0');
    expect(badLimit.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('query.limit');
    const unknown = await caseload(clinicA.clinicianId, '?sort=name');
    expect(unknown.statusCode).toBe(400);
  });

  it('audits one read per patient shown, written in one INSERT, and is never cached', async () => {
    const reader = await insertUser(clinicA.clinicId, 'clinician');
    await insertPatient(clinicA, 'Ivy Audited', { clinicianId: reader });
    statements = [];
    const response = await caseload(reader, '?all=true', countingApp);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const shown = response.json<{ patients: Entry[] }>().patients.map((entry) => entry.patient.id);
    expect(shown).toHaveLength(10);

    const audited = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, reader), eq(auditLog.resource, 'caseload')));
    expect(audited.map((row) => row.patientId).sort()).toEqual([...shown].sort());
    expect(
      audited.every((row) => row.action === 'read' && row.at.getTime() === clock.getTime()),
    ).toBe(true);
    expect(statements.filter((query) => /insert into "?audit_log/iu.test(query))).toHaveLength(1);
  });

  it('sends the same number of SQL statements for 1 patient as for 10 (no query per patient)', async () => {
    // A server of its own, so its caches start empty.
    const fresh = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
    registerSessionFeature(fresh, { db: counting, now });
    registerCaseloadFeature(fresh, { db: counting, now });
    await fresh.ready();
    const count = async (userId: string, query = '') => {
      statements = [];
      const response = await caseload(userId, query, fresh);
      return { statements: statements.length, patients: response.json<{ patients: Entry[] }>() };
    };
    try {
      // Nothing cached: one more query each for programmes and for questionnaire scores.
      const coldOne = await count(otherClinicianId);
      const coldAll = await count(clinicA.clinicianId, '?all=true');
      expect(coldAll.patients.patients.length).toBeGreaterThanOrEqual(10);
      expect(coldAll.statements).toBe(coldOne.statements);
      // Cached: the session look-up, the patients, alerts, last logs, assessments, adherence
      // and the audit.
      const warmOne = await count(otherClinicianId);
      const warmAll = await count(clinicA.clinicianId, '?all=true');
      expect(warmAll.statements).toBe(warmOne.statements);
      expect(warmOne.statements).toBe(7);
      expect(coldOne.statements).toBe(warmOne.statements + 2);
    } finally {
      await fresh.close();
    }
  });

  it('documents the route in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    const { paths } = response.json<{ paths: Record<string, object> }>();
    expect(Object.keys(paths)).toContain('/api/caseload');
  });
});

describe('recordAuditMany', () => {
  it('refuses a batch with a secret in any detail, and writes none of it', async () => {
    const entry = {
      userId: clinicA.clinicianId,
      clinicId: clinicA.clinicId,
      patientId: ids['Carl Due'] as string,
      action: 'read' as const,
      resource: 'batch-secret-test',
      ip: null,
      userAgent: null,
    };
    await expect(
      recordAuditMany(client.db, [entry, { ...entry, detail: { resetToken: 'x' } }]),
    ).rejects.toThrow('detail.resetToken');
    const written = await client.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.resource, 'batch-secret-test'));
    expect(written).toEqual([]);
    await recordAuditMany(client.db, [entry, { ...entry, detail: { view: 'x' } }]);
    const rows = await client.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.resource, 'batch-secret-test'));
    expect(rows.map((row) => row.detail)).toEqual(expect.arrayContaining([null, { view: 'x' }]));
    // Without `at`, the database's clock.
    expect(rows.every((row) => row.at instanceof Date)).toBe(true);
  });
});
