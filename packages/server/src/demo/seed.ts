/**
 * Writes the demo clinic (`buildDemoClinic`) into the database on first start, in one
 * transaction: either the whole clinic is there or none of it. Idempotent: a clinic with the
 * demo's name means it was seeded before, and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { newPatientUserId } from '../auth/sign-in-names.js';
import type { Database } from '../database/client.js';
import { CURRENT_CONSENT_VERSION } from '../http/patients/consent.js';
import {
  alerts,
  assessments,
  clinics,
  episodes,
  patients,
  programmes,
  programmeVersions,
  progressionDecisions,
  sessionLogs,
  users,
  type NewAlert,
  type NewProgressionDecisionRow,
  type NewSessionLogRow,
} from '../database/schema.js';
import {
  buildDemoClinic,
  DEMO_CLINIC_NAME,
  type DemoPatient,
  type DemoStaffMember,
} from './demo-clinic.js';

/**
 * The demo log-ins, printed at start. Demo credentials for a demo clinic on the user's own
 * machine, not secrets: a production clinic is created by an admin, never seeded.
 */
export const DEMO_PASSWORDS: Readonly<Record<DemoLogin['role'], string>> = {
  admin: 'demo-admin-2026',
  clinician: 'demo-clinician-2026',
  patient: 'demo-patient-2026',
};

/**
 * The demo patient's own log-in, for trying the patient app: the first demo patient whose
 * programme is active (a patient waiting for a clinician's red-flag decision has none to follow).
 */
export const DEMO_PATIENT_EMAIL = 'patient@demo.spinewise.dev';

export interface DemoLogin {
  readonly role: DemoStaffMember['role'] | 'patient';
  readonly email: string;
  readonly password: string;
}

export type SeedDemoResult =
  | { readonly created: false }
  | { readonly created: true; readonly clinicId: string; readonly logins: readonly DemoLogin[] };

export interface SeedDemoOptions {
  /** `YYYY-MM-DD`: programmes and logs are placed in the weeks before it. */
  readonly today: string;
  readonly seed?: number;
  /** The server's password hasher (argon2id in `auth/passwords.ts`), injected. */
  readonly hashPassword: (plain: string) => Promise<string>;
}

/** Any fixed key: two servers seeding one external database at once wait for each other. */
const SEED_LOCK_KEY = 0x5e_ed_de_70;

/** Rows per insert, well under PostgreSQL's 65,535 bind parameters. */
const BATCH_SIZE = 500;

/** A calendar day at a plausible time of day, as a UTC instant. */
function at(day: string, time: string): Date {
  return new Date(`${day}T${time}Z`);
}

export async function seedDemoClinic(
  db: Database,
  options: SeedDemoOptions,
): Promise<SeedDemoResult> {
  const clinic = buildDemoClinic({
    today: options.today,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  // Hash before the transaction: argon2 is slow on purpose, and locks should be held briefly.
  const staff = await Promise.all(
    clinic.staff.map(async (member) => ({
      ...member,
      password: DEMO_PASSWORDS[member.role],
      passwordHash: await options.hashPassword(DEMO_PASSWORDS[member.role]),
    })),
  );
  const patientPasswordHash = await options.hashPassword(DEMO_PASSWORDS.patient);
  const withLogin = clinic.patients.find((patient) => patient.programme.status === 'active');

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const existing = await tx
      .select({ id: clinics.id })
      .from(clinics)
      .where(eq(clinics.name, DEMO_CLINIC_NAME))
      .limit(1);
    if (existing.length > 0) return { created: false } as const;

    const [clinicRow] = await tx
      .insert(clinics)
      .values({ name: clinic.name })
      .returning({ id: clinics.id });
    const clinicId = (clinicRow as { id: string }).id;

    const staffRows = await tx
      .insert(users)
      .values(
        staff.map((member) => ({
          clinicId,
          role: member.role,
          email: member.email,
          displayName: member.displayName,
          passwordHash: member.passwordHash,
        })),
      )
      .returning({ id: users.id, role: users.role });
    const clinician = staffRows.find((row) => row.role === 'clinician') as { id: string };

    const logins: DemoLogin[] = staff.map(({ role, email, password }) => ({
      role,
      email,
      password,
    }));
    for (const patient of clinic.patients) {
      const patientId = await insertPatient(tx, patient, clinicId, clinician.id, clinic.today);
      if (patient !== withLogin) continue;
      const [user] = await tx
        .insert(users)
        .values({
          // An id whose sign-in name no one has, as every patient log-in gets.
          id: await newPatientUserId(tx),
          clinicId,
          role: 'patient',
          email: DEMO_PATIENT_EMAIL,
          displayName: patient.displayName,
          passwordHash: patientPasswordHash,
        })
        .returning({ id: users.id });
      await tx
        .update(patients)
        // The demo patient has accepted the consent and privacy note, as on joining.
        .set({
          userId: (user as { id: string }).id,
          consentAcceptedAt: new Date(`${clinic.today}T09:00:00Z`),
          consentVersion: CURRENT_CONSENT_VERSION,
        })
        .where(eq(patients.id, patientId));
      logins.push({ role: 'patient', email: DEMO_PATIENT_EMAIL, password: DEMO_PASSWORDS.patient });
    }

    return {
      created: true,
      clinicId,
      logins,
    } as const;
  });
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

async function insertPatient(
  tx: Transaction,
  patient: DemoPatient,
  clinicId: string,
  clinicianId: string,
  today: string,
): Promise<string> {
  const [patientRow] = await tx
    .insert(patients)
    .values({
      clinicId,
      clinicianId,
      displayName: patient.displayName,
      dateOfBirth: patient.dateOfBirth,
    })
    .returning({ id: patients.id });
  const patientId = (patientRow as { id: string }).id;

  const [episodeRow] = await tx
    .insert(episodes)
    .values({
      patientId,
      region: patient.episode.region,
      condition: patient.episode.condition,
      startedOn: patient.episode.startedOn,
    })
    .returning({ id: episodes.id });
  const episodeId = (episodeRow as { id: string }).id;

  const { assessment } = patient;
  const assessedAt = at(assessment.assessedOn, '09:30:00');
  const [assessmentRow] = await tx
    .insert(assessments)
    .values({
      episodeId,
      kind: 'baseline',
      assessedAt,
      questionnaires: assessment.questionnaires,
      redFlagFindings: assessment.redFlagFindings,
      redFlagScreen: assessment.redFlagScreen,
      examination: assessment.examination,
      classification: assessment.classification,
      createdBy: clinicianId,
      createdAt: assessedAt,
    })
    .returning({ id: assessments.id });
  const assessmentId = (assessmentRow as { id: string }).id;

  // A blocked programme waits for the clinician's decision: generated, not approved.
  const active = patient.programme.status === 'active';
  const approvedAt = at(assessment.assessedOn, '10:15:00');
  const [programmeRow] = await tx
    .insert(programmes)
    .values({ episodeId, currentVersion: 1, status: active ? 'active' : 'generated' })
    .returning({ id: programmes.id });
  const programmeId = (programmeRow as { id: string }).id;
  await tx.insert(programmeVersions).values({
    programmeId,
    version: 1,
    status: active ? 'active' : 'generated',
    content: patient.programme,
    ...(active ? { approvedBy: clinicianId, approvedAt } : {}),
    createdAt: approvedAt,
  });

  // Ids chosen here so the alerts can name the logs that raised them.
  const logIds = patient.logs.map(() => randomUUID());
  const logRows: NewSessionLogRow[] = patient.logs.map((entry, index) => ({
    id: logIds[index] as string,
    patientId,
    programmeId,
    programmeVersion: 1,
    exerciseId: entry.log.exerciseId,
    performedOn: entry.log.date,
    log: entry.log,
    idempotencyKey: entry.idempotencyKey,
    createdAt: at(entry.log.date, '18:00:00'),
  }));
  for (let start = 0; start < logRows.length; start += BATCH_SIZE) {
    await tx.insert(sessionLogs).values(logRows.slice(start, start + BATCH_SIZE));
  }

  const { progression } = patient;
  if (progression === null) return patientId;
  // One suggestion per exercise and day (the table's unique key): an exercise that appears in
  // two sessions of the week has one decision.
  const seen = new Set<string>();
  const decisionRows: NewProgressionDecisionRow[] = [];
  for (const decision of progression.decisions) {
    if (seen.has(decision.exerciseId)) continue;
    seen.add(decision.exerciseId);
    decisionRows.push({
      programmeId,
      decidedFor: today,
      exerciseId: decision.exerciseId,
      decision: decision.decision,
      suggestion: decision,
      state: 'suggested',
    });
  }
  if (decisionRows.length > 0) await tx.insert(progressionDecisions).values(decisionRows);

  const alertRows: NewAlert[] = patient.alerts.map((alert) => {
    const raisedOn = alert.logIndexes
      .map((index) => patient.logs[index]?.log.date ?? today)
      .reduce((latest, date) => (date > latest ? date : latest), assessment.assessedOn);
    return {
      patientId,
      clinicId,
      type: alert.type,
      severity: alert.severity,
      state: 'open',
      message: alert.message,
      source: {
        assessmentId,
        flag: alert.flag,
        sessionLogIds: alert.logIndexes.map((index) => logIds[index] as string),
      },
      createdAt: at(raisedOn, '18:00:00'),
    };
  });
  if (alertRows.length > 0) await tx.insert(alerts).values(alertRows);
  return patientId;
}
