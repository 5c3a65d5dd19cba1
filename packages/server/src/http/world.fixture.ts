// Test fixture: the "world" the authorisation matrix and the fuzzing run in, on a real database.
//
// - Clinic A is the demo clinic (`seedDemoClinic`): its clinician is responsible for every
//   patient, its admin manages it, and every patient has a baseline assessment, an active
//   programme, weeks of session logs, progression suggestions and (for some) alerts, all made
//   by the clinical engine. Patient A and patient B are two of its patients, each given their
//   own log-in (a user with role patient, with a password).
// - Clinic Z is another clinic with its own clinician and patient (with a log-in).
//
// Every actor signs in with a fresh session per request (`login`), so a cell that logs out or
// redeems an invitation cannot sign anyone out of a later cell. `fresh` makes throwaway targets
// for writes that use up what they act on (an alert can be acknowledged once), so each cell
// starts from the same state whatever ran before it.
import { randomUUID } from 'node:crypto';
import { screenRedFlags, type Condition, type Programme } from '@spinewise/clinical';
import { and, asc, eq } from 'drizzle-orm';
import pg from 'pg';
import { createInvitation } from '../auth/invitations.js';
import { hashPassword } from '../auth/passwords.js';
import { createSession } from '../auth/sessions.js';
import { connect, type Database, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import {
  alerts,
  assessments,
  clinicalNotes,
  episodes,
  patients,
  programmes,
  programmeVersions,
  progressionDecisions,
  sessionLogs,
  users,
  type ProgrammeStatus,
  type UserRole,
} from '../database/schema.js';
import { buildDemoClinic } from '../demo/demo-clinic.js';
import { DEMO_PASSWORDS, seedDemoClinic } from '../demo/seed.js';
import { insertPatientWithProgramme, TODAY } from '../logs/programme.fixture.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session/plugin.js';

/** Who sends a request, in the order the matrix lists them. */
export const ACTORS = [
  'anonymous',
  'patientA',
  'patientB',
  'clinicianOfA',
  'clinicianOfOtherClinic',
  'admin',
] as const;
export type Actor = (typeof ACTORS)[number];

/** The world's fixed clock (a working morning): the demo clinic is seeded for this day. */
export const WORLD_TODAY = TODAY;
export const WORLD_NOW = new Date(`${WORLD_TODAY}T09:00:00.000Z`);

/** Patient log-ins' password (patients A, B and Z): long enough for the password policy. */
export const PATIENT_PASSWORD = 'slow-walks-by-the-river';
/** The other clinic's clinician's password (clinic A's staff have the demo's). */
export const OTHER_CLINICIAN_PASSWORD = 'hillside-physio-2026';

/** A cookie-authenticated client: cookies for every request, the CSRF header for writes. */
export interface Login {
  readonly cookies: Readonly<Record<string, string>>;
  readonly csrf: Readonly<Record<string, string>>;
}

export interface WorldPatient {
  readonly id: string;
  /** The patient's own log-in. */
  readonly userId: string;
  readonly displayName: string;
  readonly episodeId: string;
  readonly assessmentId: string;
  readonly programmeId: string;
  readonly programme: Programme;
  /** An exercise of the programme's week containing today: what a log today names. */
  readonly exerciseId: string;
  readonly sessionLogIds: readonly string[];
  /**
   * The clinical core's condition for the episode (the demo's episodes name theirs in words,
   * which programme generation asks to have spelled out).
   */
  readonly condition: Condition;
}

export interface World {
  readonly db: Database;
  readonly now: () => Date;
  readonly today: string;
  readonly clinicA: {
    readonly id: string;
    readonly clinicianId: string;
    readonly adminId: string;
    /** The clinician's log-in (the demo's), for the log-in route. */
    readonly clinicianEmail: string;
    readonly clinicianPassword: string;
  };
  readonly clinicZ: {
    readonly id: string;
    readonly clinicianId: string;
    readonly patientId: string;
    readonly patientUserId: string;
  };
  readonly patientA: WorldPatient;
  readonly patientB: WorldPatient;
  /** The user an actor signs in as; `null` for anonymous. */
  userOf(actor: Actor): string | null;
  /** A new session for the actor (`null` for anonymous). */
  login(actor: Actor): Promise<Login | null>;
  /** The patient the actor is (patient A for staff, whose requests aim at patient A). */
  patientOf(actor: Actor): WorldPatient;
  /** A session log body for today that `POST /api/me/logs` accepts for `patient`. */
  logBody(patient: WorldPatient): Record<string, unknown>;
  /**
   * A reassessment body `POST /api/episodes/:episodeId/assessments` accepts: patient A's baseline
   * answers and findings (the demo's), as a clinician enters them: no scores.
   */
  assessmentBody(): AssessmentBody;
  /** The actor's password (or PIN), as the world set it. */
  secretOf(actor: Actor): string;
  /**
   * Puts the actor's world password back and clears any lock-out, for cells that change or
   * guess it (changing one's password, fuzzing log-in).
   */
  restoreSecret(actor: Actor): Promise<void>;
  readonly fresh: FreshTargets;
}

export interface AssessmentBody {
  readonly kind: 'baseline' | 'reassessment';
  readonly questionnaires: readonly { readonly instrument: string; readonly answers: unknown }[];
  readonly redFlags: { readonly findings: Readonly<Record<string, unknown>> };
  readonly examination: Readonly<Record<string, unknown>>;
}

/** Throwaway targets in clinic A, made per request by writes that use them up. */
export interface FreshTargets {
  /** A patient of clinic A's clinician, with an active episode like patient A's, no log-in. */
  patient(): Promise<{ readonly patientId: string; readonly episodeId: string }>;
  /** Another active episode of `patientId` (patient A unless given). */
  episode(patientId?: string): Promise<string>;
  /** An open alert on `patientId` (patient A unless given). */
  alert(patientId?: string): Promise<string>;
  /** A live invitation code for a throwaway patient of clinic A. */
  invitationCode(): Promise<string>;
  /**
   * A programme with version 1 in `status`, on a new episode of a throwaway patient (so an
   * activated programme never changes what patient A follows).
   */
  programme(status: ProgrammeStatus): Promise<{
    readonly patientId: string;
    readonly episodeId: string;
    readonly programmeId: string;
  }>;
  /** A suggested progression decision on a fresh active programme. */
  progressionDecision(): Promise<{ readonly programmeId: string; readonly decisionId: string }>;
  /**
   * A baseline assessment of a fresh episode of patient A, made like the demo's; `flagged`:
   * with saddle numbness, so the screen says emergency and awaits the clinician's decision.
   */
  assessment(options?: {
    readonly flagged?: boolean;
  }): Promise<{ readonly episodeId: string; readonly assessmentId: string }>;
  /** A SOAP note of patient A's episode, written by clinic A's clinician. */
  note(): Promise<string>;
  /** A user of clinic A with `role` (staff get an email), for the admin's user routes. */
  user(role: UserRole): Promise<string>;
}

/** The week of `programme` that contains `today`, or the first. */
function exerciseForToday(programme: Programme, today: string): string {
  const week =
    programme.weeks.find(
      (candidate) => candidate.startDate <= today && today <= candidate.endDate,
    ) ?? programme.weeks[0];
  const id = week?.sessions[0]?.exercises[0]?.id;
  if (id === undefined) throw new Error('the world programme has no exercise for today');
  return id;
}

async function one<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (row === undefined) throw new Error(`the world has no ${what}`);
  return row;
}

async function addPatientLogin(db: Database, patientId: string, clinicId: string, name: string) {
  const user = await one(
    db
      .insert(users)
      .values({
        clinicId,
        role: 'patient',
        displayName: name,
        passwordHash: await hashPassword(PATIENT_PASSWORD),
      })
      .returning({ id: users.id }),
    'patient user',
  );
  await db.update(patients).set({ userId: user.id }).where(eq(patients.id, patientId));
  return user.id;
}

async function loadPatient(
  db: Database,
  clinicId: string,
  displayName: string,
  today: string,
): Promise<Omit<WorldPatient, 'condition'>> {
  const patient = await one(
    db
      .select()
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), eq(patients.displayName, displayName))),
    `patient ${displayName}`,
  );
  const episode = await one(
    db.select().from(episodes).where(eq(episodes.patientId, patient.id)),
    'episode',
  );
  const assessment = await one(
    db.select().from(assessments).where(eq(assessments.episodeId, episode.id)),
    'assessment',
  );
  const programme = await one(
    db
      .select({ id: programmes.id, content: programmeVersions.content })
      .from(programmes)
      .innerJoin(
        programmeVersions,
        and(
          eq(programmeVersions.programmeId, programmes.id),
          eq(programmeVersions.version, programmes.currentVersion),
        ),
      )
      .where(and(eq(programmes.episodeId, episode.id), eq(programmes.status, 'active'))),
    'active programme',
  );
  const logs = await db
    .select({ id: sessionLogs.id })
    .from(sessionLogs)
    .where(eq(sessionLogs.patientId, patient.id))
    .orderBy(asc(sessionLogs.performedOn));
  const userId = await addPatientLogin(db, patient.id, clinicId, displayName);
  return {
    id: patient.id,
    userId,
    displayName,
    episodeId: episode.id,
    assessmentId: assessment.id,
    programmeId: programme.id,
    programme: programme.content,
    exerciseId: exerciseForToday(programme.content, today),
    sessionLogIds: logs.map((log) => log.id),
  };
}

/** Builds the world on a migrated, empty database. */
export async function createWorld(db: Database): Promise<World> {
  const today = WORLD_TODAY;
  const now = () => WORLD_NOW;

  const seeded = await seedDemoClinic(db, { today, hashPassword });
  if (!seeded.created) throw new Error('the world needs an empty database');
  const clinicId = seeded.clinicId;
  const staff = await db
    .select({ id: users.id, role: users.role, email: users.email })
    .from(users)
    .where(eq(users.clinicId, clinicId));
  const clinician = staff.find((user) => user.role === 'clinician');
  const admin = staff.find((user) => user.role === 'admin');
  if (clinician?.email == null || admin === undefined) throw new Error('no demo staff');

  // Two demo patients with active programmes: the first two of the demo's stories.
  const [first, second] = buildDemoClinic({ today }).patients.filter(
    (patient) => patient.programme.status === 'active',
  );
  if (first === undefined || second === undefined) throw new Error('too few demo patients');
  const patientA = {
    ...(await loadPatient(db, clinicId, first.displayName, today)),
    condition: first.profile.condition,
  };
  const patientB = {
    ...(await loadPatient(db, clinicId, second.displayName, today)),
    condition: second.profile.condition,
  };

  const other = await insertPatientWithProgramme(db, { clinicName: 'Hillside Clinic' });
  const patientZUserId = await addPatientLogin(db, other.patientId, other.clinicId, 'Zoe Hill');
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(OTHER_CLINICIAN_PASSWORD) })
    .where(eq(users.id, other.clinicianId));

  const users_: Record<Actor, string | null> = {
    anonymous: null,
    patientA: patientA.userId,
    patientB: patientB.userId,
    clinicianOfA: clinician.id,
    clinicianOfOtherClinic: other.clinicianId,
    admin: admin.id,
  };

  const secrets: Record<Actor, string> = {
    // Nobody's: a well-formed body, so a signed-out request meets the 401, not validation.
    anonymous: 'not-signed-in-at-all',
    patientA: PATIENT_PASSWORD,
    patientB: PATIENT_PASSWORD,
    clinicianOfA: DEMO_PASSWORDS.clinician,
    clinicianOfOtherClinic: OTHER_CLINICIAN_PASSWORD,
    admin: DEMO_PASSWORDS.admin,
  };
  // The hashes as set now, written back by `restoreSecret` (argon2 once, not per cell).
  const hashes = new Map<string, string | null>();
  for (const userId of Object.values(users_)) {
    if (userId === null) continue;
    const [row] = await db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId));
    hashes.set(userId, row?.hash ?? null);
  }

  const demoA = first;

  const freshPatient = async () => {
    const patient = await one(
      db
        .insert(patients)
        .values({
          clinicId,
          clinicianId: clinician.id,
          displayName: 'Robin Throwaway',
          dateOfBirth: first.dateOfBirth,
        })
        .returning({ id: patients.id }),
      'throwaway patient',
    );
    // Started when patient A's did, so patient A's programme fits it.
    const episodeId = await freshEpisode(patient.id, demoA.episode.startedOn);
    return { patientId: patient.id, episodeId };
  };

  const freshEpisode = async (patientId = patientA.id, startedOn = today) =>
    (
      await one(
        db
          .insert(episodes)
          .values({
            patientId,
            region: 'lumbar',
            condition: 'nonspecific low back pain',
            startedOn,
          })
          .returning({ id: episodes.id }),
        'episode',
      )
    ).id;

  // Patient A's programme and suggestions, so a fresh programme is as real as patient A's.
  const programmeContent = first.programme;
  const suggestion = first.progression?.decisions[0];
  if (suggestion === undefined) throw new Error('patient A has no progression suggestion');

  /** Patient A's baseline (the demo's) again, on `episodeId`; `flagged`: with saddle numbness. */
  const insertAssessment = async (episodeId: string, flagged: boolean) => {
    const { assessment } = demoA;
    // [S-CES] saddle numbness: the screen says emergency, and a decision is required.
    const findings = flagged
      ? { ...assessment.redFlagFindings, saddleNumbness: true }
      : assessment.redFlagFindings;
    const row = await one(
      db
        .insert(assessments)
        .values({
          episodeId,
          kind: 'baseline',
          assessedAt: WORLD_NOW,
          questionnaires: assessment.questionnaires,
          redFlagFindings: findings,
          redFlagScreen: flagged
            ? screenRedFlags({ region: demoA.episode.region, findings })
            : assessment.redFlagScreen,
          examination: assessment.examination,
          classification: assessment.classification,
          createdBy: clinician.id,
        })
        .returning({ id: assessments.id }),
      'assessment',
    );
    return row.id;
  };

  const freshProgramme = async (status: ProgrammeStatus) => {
    const { patientId, episodeId } = await freshPatient();
    await insertAssessment(episodeId, false);
    const programme = await one(
      db
        .insert(programmes)
        .values({ episodeId, currentVersion: 1, status })
        .returning({ id: programmes.id }),
      'programme',
    );
    const approved = status === 'approved' || status === 'active' || status === 'completed';
    await db.insert(programmeVersions).values({
      programmeId: programme.id,
      version: 1,
      status,
      content: programmeContent,
      ...(approved ? { approvedBy: clinician.id, approvedAt: WORLD_NOW } : {}),
    });
    return { patientId, episodeId, programmeId: programme.id };
  };

  const fresh: FreshTargets = {
    patient: freshPatient,
    episode: freshEpisode,
    async alert(patientId = patientA.id) {
      const alert = await one(
        db
          .insert(alerts)
          .values({
            patientId,
            clinicId,
            type: 'painFlare',
            severity: 'warning',
            message: 'Pain during exercise has risen over the last sessions.',
            createdAt: WORLD_NOW,
          })
          .returning({ id: alerts.id }),
        'alert',
      );
      return alert.id;
    },
    async invitationCode() {
      const { patientId } = await freshPatient();
      const invitation = await createInvitation(db, {
        patientId,
        createdBy: clinician.id,
        now: WORLD_NOW,
      });
      return invitation.code;
    },
    programme: freshProgramme,
    async progressionDecision() {
      const { programmeId } = await freshProgramme('active');
      const decision = await one(
        db
          .insert(progressionDecisions)
          .values({
            programmeId,
            decidedFor: today,
            exerciseId: suggestion.exerciseId,
            decision: suggestion.decision,
            suggestion,
          })
          .returning({ id: progressionDecisions.id }),
        'progression decision',
      );
      return { programmeId, decisionId: decision.id };
    },
    async assessment(options = {}) {
      const episodeId = await freshEpisode(patientA.id);
      const assessmentId = await insertAssessment(episodeId, options.flagged === true);
      return { episodeId, assessmentId };
    },
    async note() {
      const note = await one(
        db
          .insert(clinicalNotes)
          .values({
            patientId: patientA.id,
            episodeId: patientA.episodeId,
            authorId: clinician.id,
            visitOn: today,
            subjective: 'Back pain easing; sleeping better.',
            objective: 'Flexion to mid-shin, no neurological signs.',
            assessment: 'Improving as expected.',
            plan: 'Continue the programme; review in two weeks.',
          })
          .returning({ id: clinicalNotes.id }),
        'note',
      );
      return note.id;
    },
    async user(role) {
      const tag = randomUUID().slice(0, 8);
      const user = await one(
        db
          .insert(users)
          .values({
            clinicId,
            role,
            displayName: `Jo Temp ${tag}`,
            ...(role === 'patient' ? {} : { email: `temp-${tag}@example.org` }),
          })
          .returning({ id: users.id }),
        'user',
      );
      return user.id;
    },
  };

  return {
    db,
    now,
    today,
    clinicA: {
      id: clinicId,
      clinicianId: clinician.id,
      adminId: admin.id,
      clinicianEmail: clinician.email,
      clinicianPassword: DEMO_PASSWORDS.clinician,
    },
    clinicZ: {
      id: other.clinicId,
      clinicianId: other.clinicianId,
      patientId: other.patientId,
      patientUserId: patientZUserId,
    },
    patientA,
    patientB,
    userOf: (actor) => users_[actor],
    async login(actor) {
      const userId = users_[actor];
      if (userId === null) return null;
      const session = await createSession(db, { userId, now: WORLD_NOW });
      return {
        cookies: { [SESSION_COOKIE]: session.token },
        csrf: { [CSRF_HEADER]: session.csrfToken },
      };
    },
    patientOf: (actor) => (actor === 'patientB' ? patientB : patientA),
    logBody: (patient) => ({
      date: today,
      exerciseId: patient.exerciseId,
      setsDone: 2,
      painAfter: 3,
    }),
    assessmentBody() {
      const { assessment } = demoA;
      const { region: _region, scores: _scores, ...examination } = assessment.examination;
      return {
        kind: 'reassessment',
        questionnaires: assessment.questionnaires.map(({ instrument, answers }) => ({
          instrument,
          answers,
        })),
        redFlags: { findings: assessment.redFlagFindings },
        examination,
      };
    },
    secretOf: (actor) => secrets[actor],
    async restoreSecret(actor) {
      const userId = users_[actor];
      if (userId === null) return;
      await db
        .update(users)
        .set({ passwordHash: hashes.get(userId) ?? null, failedLogins: 0, lockedUntil: null })
        .where(eq(users.id, userId));
    },
    fresh,
  };
}

/**
 * Durability is not what the matrix and the fuzzing test (the kill test is): commits need not
 * wait for the disk, which makes their thousands of small writes several times faster. Set on
 * the database before the app's pool connects, so every connection has it.
 */
async function withoutCommitFlush(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const result = await admin.query<{ name: string }>('select current_database() as name');
    const name = (result.rows[0]?.name ?? '').replaceAll('"', '""');
    await admin.query(`alter database "${name}" set synchronous_commit = off`);
  } finally {
    await admin.end();
  }
}

export interface OpenWorld {
  readonly world: World;
  /** Closes the pool and drops the database. */
  close(): Promise<void>;
}

/** A fresh test database, migrated, with the world in it. */
export async function openWorld(): Promise<OpenWorld> {
  const database: TestDatabase = await createTestDatabase();
  let client: DatabaseClient | undefined;
  try {
    await runMigrations(database.url);
    await withoutCommitFlush(database.url);
    client = connect(database.url);
    const world = await createWorld(client.db);
    const opened = client;
    return {
      world,
      async close() {
        await opened.close();
        await database.drop();
      },
    };
  } catch (error) {
    await client?.close();
    await database.drop();
    throw error;
  }
}
