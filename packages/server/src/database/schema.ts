/**
 * The PostgreSQL schema (issue 4 §2), the one source of the migrations in `../../drizzle`
 * (`npm run db:generate`). Timestamps are `timestamp with time zone`; calendar days the clinical
 * core works in (`YYYY-MM-DD`) are `date` columns read as strings. Clinical documents the core
 * produces (scores, screens, programmes, decisions) are stored whole as JSONB, typed with the
 * core's own types, so a stored record says exactly what the clinician saw.
 *
 * Only `import type` from the clinical core: drizzle-kit loads this file without a build.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Assessment,
  Classification,
  ClinicianDecision,
  DecisionKind,
  Findings,
  FlagSeverity,
  FlagType,
  ImportedQuestionnaire,
  InstrumentId,
  InstrumentScore,
  Programme,
  ProgressionDecision,
  ProgressionFlag,
  RedFlagScreen,
  Region,
  SessionLog,
} from '@spinewise/clinical';

// ---------------------------------------------------------------- column helpers

/**
 * Every member of a clinical union, as a `pgEnum` tuple. The values are written out so this
 * file needs no runtime import; the call fails to compile when one is missing or unknown.
 */
function everyValueOf<T extends string>() {
  return <const V extends readonly [T, ...T[]]>(
    values: V & ([T] extends [V[number]] ? unknown : never),
  ): V => values;
}

const id = () => uuid('id').primaryKey().defaultRandom();
const instant = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => instant('created_at').notNull().defaultNow();
const updatedAt = () =>
  instant('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
/** A calendar day, `YYYY-MM-DD`, as the clinical core writes dates. */
const day = (name: string) => date(name, { mode: 'string' });

// ---------------------------------------------------------------- enums

export type UserRole = 'admin' | 'clinician' | 'patient';
export type EpisodeStatus = 'active' | 'discharged';
export type AssessmentKind = 'baseline' | 'reassessment';
/** A programme's life: generated → edited → approved → active → completed (or archived). */
export type ProgrammeStatus =
  'generated' | 'edited' | 'approved' | 'active' | 'completed' | 'archived';
export type ProgressionDecisionState = 'suggested' | 'accepted' | 'rejected';
/** The progression flags, and the alerts the server raises itself. */
export type AlertType = FlagType | 'regressSuggested' | 'stopAndScreen' | 'reassessmentDue';
export type AlertState = 'open' | 'acknowledged' | 'resolved';
export type QuestionnaireRequestState = 'pending' | 'completed' | 'cancelled';

export const userRole = pgEnum(
  'user_role',
  everyValueOf<UserRole>()(['admin', 'clinician', 'patient']),
);
export const region = pgEnum('region', everyValueOf<Region>()(['lumbar', 'cervical']));
export const episodeStatus = pgEnum(
  'episode_status',
  everyValueOf<EpisodeStatus>()(['active', 'discharged']),
);
export const assessmentKind = pgEnum(
  'assessment_kind',
  everyValueOf<AssessmentKind>()(['baseline', 'reassessment']),
);
export const programmeStatus = pgEnum(
  'programme_status',
  everyValueOf<ProgrammeStatus>()([
    'generated',
    'edited',
    'approved',
    'active',
    'completed',
    'archived',
  ]),
);
export const progressionDecisionKind = pgEnum(
  'progression_decision_kind',
  everyValueOf<DecisionKind>()(['progress', 'hold', 'regress', 'stopAndScreen']),
);
export const progressionDecisionState = pgEnum(
  'progression_decision_state',
  everyValueOf<ProgressionDecisionState>()(['suggested', 'accepted', 'rejected']),
);
export const alertType = pgEnum(
  'alert_type',
  everyValueOf<AlertType>()([
    'redFlagSymptom',
    'painFlare',
    'nonAdherence',
    'peripheralisation',
    'regressSuggested',
    'stopAndScreen',
    'reassessmentDue',
  ]),
);
export const alertSeverity = pgEnum(
  'alert_severity',
  everyValueOf<FlagSeverity>()(['emergency', 'urgent', 'warning', 'info']),
);
export const alertState = pgEnum(
  'alert_state',
  everyValueOf<AlertState>()(['open', 'acknowledged', 'resolved']),
);

export const questionnaireRequestState = pgEnum(
  'questionnaire_request_state',
  everyValueOf<QuestionnaireRequestState>()(['pending', 'completed', 'cancelled']),
);

// ---------------------------------------------------------------- JSONB documents

/** One questionnaire of an assessment: the answers as given, in item order, and their score. */
export interface AssessmentQuestionnaire {
  readonly instrument: InstrumentId;
  /** Numbers, option labels, yes/no or `null` for a skipped item, as `scoreInstrument` took them. */
  readonly answers: readonly unknown[];
  readonly score: InstrumentScore;
}

/**
 * The history taken at an assessment besides what the red-flag screen and the classification
 * rules read: surgery, what makes it worse and better, work. Free text is the clinician's own.
 */
export interface AssessmentHistory {
  /** Previous spinal surgery, in the clinician's words (what, where, when); absent: none. */
  readonly surgery?: string;
  /** Activities or positions that make the symptoms worse. */
  readonly aggravating?: readonly string[];
  /** Activities or positions that ease them. */
  readonly easing?: readonly string[];
  readonly work?: {
    readonly occupation?: string;
    readonly status?: WorkStatus;
    readonly demands?: WorkDemands;
  };
  /** Anything else the clinician noted. */
  readonly notes?: string;
}

export type WorkStatus =
  'working' | 'modifiedDuties' | 'offWork' | 'notEmployed' | 'retired' | 'student';
export type WorkDemands = 'sedentary' | 'light' | 'moderate' | 'heavy';

/** One questionnaire a patient filled in on their phone: their answers, scored by the server. */
export interface RequestedQuestionnaireAnswers {
  readonly instrument: InstrumentId;
  readonly answers: readonly unknown[];
  readonly score: InstrumentScore;
}

/** The clinician's decision on an emergency or urgent screen, recorded before a programme. */
export interface FlagDecision {
  readonly decision: ClinicianDecision['decision'];
  readonly reason: string;
  /** The deciding user's id. */
  readonly by: string;
  /** ISO 8601 instant, UTC. */
  readonly at: string;
}

/** What raised an alert, so the clinician can open it. */
export interface AlertSource {
  readonly sessionLogIds?: readonly string[];
  readonly assessmentId?: string;
  readonly progressionDecisionId?: string;
  /** The progression flag as the rules raised it. */
  readonly flag?: ProgressionFlag;
}

// ---------------------------------------------------------------- clinics and people

export const clinics = pgTable('clinics', {
  id: id(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'restrict' }),
    role: userRole('role').notNull(),
    /** Stored lower-cased (checked below), so the unique index is case-insensitive. */
    email: text('email'),
    displayName: text('display_name').notNull(),
    /** `null` until the user sets a password or PIN (patients: after their invitation). */
    passwordHash: text('password_hash'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: instant('locked_until'),
    disabledAt: instant('disabled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    // Patients may have no email; NULLs never collide in a unique index.
    uniqueIndex('users_clinic_email_unique').on(table.clinicId, table.email),
    check('users_email_lower_case', sql`${table.email} = lower(${table.email})`),
    // Staff sign in with their email; only a patient may be without one.
    check('users_staff_email', sql`${table.role} = 'patient' OR ${table.email} IS NOT NULL`),
    check('users_failed_logins_not_negative', sql`${table.failedLogins} >= 0`),
  ],
);

/** Log-in sessions behind the httpOnly cookie. Only hashes of the tokens are stored. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token, hex: a stolen table gives no usable cookie. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfTokenHash: text('csrf_token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [
    index('sessions_user_id_idx').on(table.userId),
    index('sessions_expires_at_idx').on(table.expiresAt),
  ],
);

export const patients = pgTable(
  'patients',
  {
    id: id(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'restrict' }),
    /** The patient's own log-in, once they have accepted an invitation. */
    userId: uuid('user_id')
      .unique('patients_user_id_unique')
      .references(() => users.id, { onDelete: 'set null' }),
    /** The responsible clinician. */
    clinicianId: uuid('clinician_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    displayName: text('display_name').notNull(),
    dateOfBirth: day('date_of_birth'),
    /** When the patient accepted the consent and privacy note, and which version of it. */
    consentAcceptedAt: instant('consent_accepted_at'),
    consentVersion: text('consent_version'),
    /** Reminder times the patient chose, `HH:MM` in their time zone; empty: no reminders. */
    reminderTimes: jsonb('reminder_times')
      .$type<readonly string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** IANA time zone of the patient's phone, e.g. `Europe/London`. */
    timeZone: text('time_zone'),
    /** SHA-256 of the secret in the patient's calendar subscription link; null: none issued. */
    calendarTokenHash: text('calendar_token_hash').unique('patients_calendar_token_hash_unique'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('patients_caseload_idx').on(table.clinicId, table.clinicianId)],
);

/** A one-time link or code a clinician gives a patient to set their password or PIN. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    /** SHA-256 of the code; the code itself is shown once and never stored. */
    codeHash: text('code_hash').notNull().unique('invitations_code_hash_unique'),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (table) => [index('invitations_patient_id_idx').on(table.patientId)],
);

// ---------------------------------------------------------------- episodes and assessments

export const episodes = pgTable(
  'episodes',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    region: region('region').notNull(),
    condition: text('condition').notNull(),
    startedOn: day('started_on').notNull(),
    status: episodeStatus('status').notNull().default('active'),
    dischargedOn: day('discharged_on'),
    dischargeSummary: text('discharge_summary'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('episodes_patient_id_idx').on(table.patientId),
    check(
      'episodes_discharge_matches_status',
      sql`(${table.status} = 'discharged') = (${table.dischargedOn} IS NOT NULL)`,
    ),
    check(
      'episodes_discharged_after_start',
      sql`${table.dischargedOn} IS NULL OR ${table.dischargedOn} >= ${table.startedOn}`,
    ),
  ],
);

export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    kind: assessmentKind('kind').notNull(),
    assessedAt: instant('assessed_at').notNull(),
    questionnaires: jsonb('questionnaires')
      .$type<readonly AssessmentQuestionnaire[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    redFlagFindings: jsonb('red_flag_findings').$type<Findings>().notNull(),
    redFlagScreen: jsonb('red_flag_screen').$type<RedFlagScreen>().notNull(),
    /**
     * The classification input as `classifyAssessment` read it: the examination findings with
     * the history items and scores the rules use, so the classification can be reproduced.
     */
    examination: jsonb('examination').$type<Assessment>(),
    /** Surgery, aggravating and easing factors, work: what the clinician recorded. */
    history: jsonb('history').$type<AssessmentHistory>(),
    classification: jsonb('classification').$type<Classification>(),
    /** Required by the app before a programme when the screen says emergency or urgent. */
    flagDecision: jsonb('flag_decision').$type<FlagDecision>(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (table) => [index('assessments_episode_assessed_idx').on(table.episodeId, table.assessedAt)],
);

/** Licensed FHIR Questionnaires a clinic has imported, one per instrument. [S-LIC] */
export const instrumentImports = pgTable(
  'instrument_imports',
  {
    id: id(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'restrict' }),
    instrument: text('instrument').$type<InstrumentId>().notNull(),
    /** The FHIR Questionnaire resource as imported. */
    questionnaire: jsonb('questionnaire').$type<Readonly<Record<string, unknown>>>().notNull(),
    imported: jsonb('imported').$type<ImportedQuestionnaire>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    /** A re-import replaces the clinic's questionnaire for that instrument. */
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('instrument_imports_clinic_instrument_unique').on(table.clinicId, table.instrument),
  ],
);

// ---------------------------------------------------------------- programmes

export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    currentVersion: integer('current_version').notNull().default(1),
    status: programmeStatus('status').notNull().default('generated'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('programmes_episode_id_idx').on(table.episodeId),
    // The patient follows one programme at a time in an episode.
    uniqueIndex('programmes_one_active_per_episode')
      .on(table.episodeId)
      .where(sql`${table.status} = 'active'`),
    check('programmes_current_version_positive', sql`${table.currentVersion} >= 1`),
  ],
);

/** Every version of a programme is kept: what was generated, each edit, what was approved. */
export const programmeVersions = pgTable(
  'programme_versions',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: programmeStatus('status').notNull(),
    content: jsonb('content').$type<Programme>().notNull(),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'restrict' }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'restrict' }),
    approvedAt: instant('approved_at'),
    changeReason: text('change_reason'),
    createdAt: createdAt(),
  },
  (table) => [
    unique('programme_versions_programme_version_unique').on(table.programmeId, table.version),
    check('programme_versions_version_positive', sql`${table.version} >= 1`),
    check(
      'programme_versions_approval_complete',
      sql`(${table.approvedBy} IS NULL) = (${table.approvedAt} IS NULL)`,
    ),
  ],
);

/** What the patient did, one row per exercise bout (the clinical core's `SessionLog`). */
export const sessionLogs = pgTable(
  'session_logs',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** The programme version the patient was following when they logged. */
    programmeVersion: integer('programme_version').notNull(),
    exerciseId: text('exercise_id').notNull(),
    performedOn: day('performed_on').notNull(),
    log: jsonb('log').$type<SessionLog>().notNull(),
    /** From the `Idempotency-Key` header: a retried post finds its row instead of adding one. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('session_logs_patient_idempotency_key_unique').on(table.patientId, table.idempotencyKey),
    foreignKey({
      name: 'session_logs_programme_version_fk',
      columns: [table.programmeId, table.programmeVersion],
      foreignColumns: [programmeVersions.programmeId, programmeVersions.version],
    }).onDelete('cascade'),
    index('session_logs_patient_performed_idx').on(table.patientId, table.performedOn),
    index('session_logs_programme_performed_idx').on(table.programmeId, table.performedOn),
  ],
);

/** Suggestions from `decideProgression`, for the clinician to accept or reject. */
export const progressionDecisions = pgTable(
  'progression_decisions',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** The `today` the decision was made for. */
    decidedFor: day('decided_for').notNull(),
    exerciseId: text('exercise_id').notNull(),
    decision: progressionDecisionKind('decision').notNull(),
    suggestion: jsonb('suggestion').$type<ProgressionDecision>().notNull(),
    state: progressionDecisionState('state').notNull().default('suggested'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'restrict' }),
    reviewedAt: instant('reviewed_at'),
    reviewReason: text('review_reason'),
    createdAt: createdAt(),
  },
  (table) => [
    index('progression_decisions_programme_state_idx').on(table.programmeId, table.state),
    // Deciding again on the same day finds the suggestion already made.
    unique('progression_decisions_programme_day_exercise_unique').on(
      table.programmeId,
      table.decidedFor,
      table.exerciseId,
    ),
    check(
      'progression_decisions_review_matches_state',
      sql`(${table.state} = 'suggested' AND ${table.reviewedBy} IS NULL AND ${table.reviewedAt} IS NULL)
        OR (${table.state} <> 'suggested' AND ${table.reviewedBy} IS NOT NULL AND ${table.reviewedAt} IS NOT NULL)`,
    ),
  ],
);

export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    /** The patient's clinic, repeated so the caseload query needs no join. */
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'restrict' }),
    type: alertType('type').notNull(),
    severity: alertSeverity('severity').notNull(),
    state: alertState('state').notNull().default('open'),
    message: text('message').notNull(),
    source: jsonb('source').$type<AlertSource>(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'restrict' }),
    acknowledgedAt: instant('acknowledged_at'),
    /** `null` with `resolved_at` set when the server resolved it (e.g. reassessment done). */
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'restrict' }),
    resolvedAt: instant('resolved_at'),
    createdAt: createdAt(),
  },
  (table) => [
    index('alerts_clinic_state_severity_idx').on(table.clinicId, table.state, table.severity),
    index('alerts_patient_state_idx').on(table.patientId, table.state),
    // The caseload dashboard: a patient's open alerts, newest first, without the resolved history.
    index('alerts_patient_open_created_idx')
      .on(table.patientId, table.createdAt)
      .where(sql`${table.state} = 'open'`),
    check(
      'alerts_acknowledged_at_set',
      sql`${table.state} <> 'acknowledged' OR ${table.acknowledgedAt} IS NOT NULL`,
    ),
    check(
      'alerts_resolved_at_matches_state',
      sql`(${table.state} = 'resolved') = (${table.resolvedAt} IS NOT NULL)`,
    ),
  ],
);

// ---------------------------------------------------------------- the patient's own records

/** Questionnaires a clinician sent to the patient's phone, and the answers the patient gave. */
export const questionnaireRequests = pgTable(
  'questionnaire_requests',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    instruments: jsonb('instruments').$type<readonly InstrumentId[]>().notNull(),
    /** A word from the clinician shown with the request. */
    message: text('message'),
    /** The day by which it is due, `YYYY-MM-DD`. */
    dueOn: day('due_on').notNull(),
    state: questionnaireRequestState('state').notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    answers: jsonb('answers').$type<readonly RequestedQuestionnaireAnswers[]>(),
    completedAt: instant('completed_at'),
    cancelledAt: instant('cancelled_at'),
    createdAt: createdAt(),
  },
  (table) => [
    index('questionnaire_requests_patient_state_idx').on(table.patientId, table.state),
    check(
      'questionnaire_requests_completed_matches_state',
      sql`(${table.state} = 'completed') = (${table.completedAt} IS NOT NULL AND ${table.answers} IS NOT NULL)`,
    ),
  ],
);

/** The next-morning check-in: pain and stiffness the morning after a session. [S-PMM] */
export const checkIns = pgTable(
  'check_ins',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    /** The day of the session it is about (the morning after is when it was given). */
    sessionOn: day('session_on').notNull(),
    pain: integer('pain').notNull(),
    stiffness: integer('stiffness').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('check_ins_patient_idempotency_key_unique').on(table.patientId, table.idempotencyKey),
    unique('check_ins_patient_session_on_unique').on(table.patientId, table.sessionOn),
    check('check_ins_pain_range', sql`${table.pain} BETWEEN 0 AND 10`),
    check('check_ins_stiffness_range', sql`${table.stiffness} BETWEEN 0 AND 10`),
  ],
);

/** Lessons a patient has read, with their answers to its check questions. */
export const lessonProgress = pgTable(
  'lesson_progress',
  {
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    lessonId: text('lesson_id').notNull(),
    /** Question id → the option chosen. */
    answers: jsonb('answers')
      .$type<Readonly<Record<string, string>>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    completedAt: instant('completed_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.patientId, table.lessonId] })],
);

/** The range-of-motion movements the camera coach measures. */
export type RomMovement =
  | 'trunkFlexion'
  | 'trunkExtension'
  | 'trunkSideBendLeft'
  | 'trunkSideBendRight'
  | 'neckRotationLeft'
  | 'neckRotationRight';

/**
 * Range of motion measured by the camera coach on the patient's phone: numbers only, never a
 * frame. Camera angles are estimates, not clinical goniometry.
 */
export const romMeasurements = pgTable(
  'rom_measurements',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    movement: text('movement').$type<RomMovement>().notNull(),
    degrees: doublePrecision('degrees').notNull(),
    measuredAt: instant('measured_at').notNull(),
    /** From the `Idempotency-Key` header, like session logs. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('rom_measurements_patient_idempotency_key_unique').on(
      table.patientId,
      table.idempotencyKey,
    ),
    index('rom_measurements_patient_measured_idx').on(table.patientId, table.measuredAt),
    check('rom_measurements_degrees_range', sql`${table.degrees} BETWEEN -180 AND 180`),
  ],
);

/** Where to send the patient's reminders: a Web Push subscription of one of their devices. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    /** The push service's address for this device; only our server can encrypt to it. */
    endpoint: text('endpoint').notNull().unique('push_subscriptions_endpoint_unique'),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('push_subscriptions_patient_id_idx').on(table.patientId)],
);

/** The reminders sent, one row per patient and day: never more than one a day. */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    /** The patient's own calendar day. */
    day: day('day').notNull(),
    sentAt: instant('sent_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.patientId, table.day] })],
);

/** Settings the server keeps for itself, such as its Web Push (VAPID) key pair. */
export const serverSettings = pgTable('server_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- clinical notes

/** A SOAP note of a visit. */
export const clinicalNotes = pgTable(
  'clinical_notes',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    visitOn: day('visit_on').notNull(),
    subjective: text('subjective').notNull().default(''),
    objective: text('objective').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    plan: text('plan').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('clinical_notes_patient_visit_idx').on(table.patientId, table.visitOn),
    index('clinical_notes_episode_id_idx').on(table.episodeId),
  ],
);

/** Passive treatments given at a visit. [S-NICE] */
export const passiveTreatments = pgTable(
  'passive_treatments',
  {
    id: id(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => clinicalNotes.id, { onDelete: 'cascade' }),
    modality: text('modality').notNull(),
    details: text('details'),
    /** The NICE NG59 not-offered modality id (`notOfferedModalities`), when it is one. */
    notOfferedId: text('not_offered_id'),
    /** The guideline note the clinician was shown (`notOfferedNote`). */
    guidelineNote: text('guideline_note'),
    clinicianReason: text('clinician_reason'),
    createdAt: createdAt(),
  },
  (table) => [
    index('passive_treatments_note_id_idx').on(table.noteId),
    // [S-NICE] a modality NICE says not to offer is recorded only with the clinician's reason.
    check(
      'passive_treatments_not_offered_needs_reason',
      sql`${table.notOfferedId} IS NULL OR (${table.clinicianReason} IS NOT NULL AND btrim(${table.clinicianReason}) <> '')`,
    ),
    check(
      'passive_treatments_not_offered_needs_note',
      sql`${table.notOfferedId} IS NULL OR ${table.guidelineNote} IS NOT NULL`,
    ),
  ],
);

// ---------------------------------------------------------------- audit

/**
 * Every read and write of patient data: who, what, when, from where. Append-only: a trigger
 * (migration `0001_audit_log_append_only`) rejects UPDATE, DELETE and TRUNCATE. No foreign
 * keys, so the record outlives what it names and a cascade never has to touch it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id'),
    clinicId: uuid('clinic_id'),
    patientId: uuid('patient_id'),
    /** `read`, `create`, `update`, `delete`, `login`, … */
    action: text('action').notNull(),
    /** The kind of record, e.g. `assessment`, `session_log`. */
    resource: text('resource').notNull(),
    resourceId: text('resource_id'),
    at: instant('at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    detail: jsonb('detail').$type<Readonly<Record<string, unknown>>>(),
  },
  (table) => [
    index('audit_log_patient_at_idx').on(table.patientId, table.at),
    index('audit_log_clinic_at_idx').on(table.clinicId, table.at),
  ],
);

// ---------------------------------------------------------------- row types

export type Clinic = typeof clinics.$inferSelect;
export type NewClinic = typeof clinics.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type AuthSession = typeof sessions.$inferSelect;
export type NewAuthSession = typeof sessions.$inferInsert;
export type Patient = typeof patients.$inferSelect;
export type NewPatient = typeof patients.$inferInsert;
export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;
export type Episode = typeof episodes.$inferSelect;
export type NewEpisode = typeof episodes.$inferInsert;
export type AssessmentRow = typeof assessments.$inferSelect;
export type NewAssessmentRow = typeof assessments.$inferInsert;
export type InstrumentImport = typeof instrumentImports.$inferSelect;
export type NewInstrumentImport = typeof instrumentImports.$inferInsert;
export type QuestionnaireRequest = typeof questionnaireRequests.$inferSelect;
export type CheckIn = typeof checkIns.$inferSelect;
export type LessonProgress = typeof lessonProgress.$inferSelect;
export type PushSubscription = typeof pushSubscriptions.$inferSelect;
export type RomMeasurement = typeof romMeasurements.$inferSelect;
export type ProgrammeRow = typeof programmes.$inferSelect;
export type NewProgrammeRow = typeof programmes.$inferInsert;
export type ProgrammeVersion = typeof programmeVersions.$inferSelect;
export type NewProgrammeVersion = typeof programmeVersions.$inferInsert;
export type SessionLogRow = typeof sessionLogs.$inferSelect;
export type NewSessionLogRow = typeof sessionLogs.$inferInsert;
export type ProgressionDecisionRow = typeof progressionDecisions.$inferSelect;
export type NewProgressionDecisionRow = typeof progressionDecisions.$inferInsert;
export type Alert = typeof alerts.$inferSelect;
export type NewAlert = typeof alerts.$inferInsert;
export type ClinicalNote = typeof clinicalNotes.$inferSelect;
export type NewClinicalNote = typeof clinicalNotes.$inferInsert;
export type PassiveTreatment = typeof passiveTreatments.$inferSelect;
export type NewPassiveTreatment = typeof passiveTreatments.$inferInsert;
export type AuditLogEntry = typeof auditLog.$inferSelect;
export type NewAuditLogEntry = typeof auditLog.$inferInsert;
