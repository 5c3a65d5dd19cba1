/**
 * Programmes (issue 4 §2–3): generated from an episode's latest assessment by the clinical
 * core, edited (every version kept), approved, archived. The data layer: every function returns
 * a result value for the route to answer; who may act is the route's check, and every look-up
 * is scoped by clinic so another clinic's programme is "not found".
 *
 * Life of a programme: generated → edited → (approved) active → completed, or archived from any
 * state. An edit of an active programme is a new version that waits for approval while the
 * patient keeps the version a clinician approved (`findActiveProgramme`). Approving makes the
 * programme active and completes any other active programme of the episode, in one transaction.
 */
import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { generateProgramme, type Programme, type RedFlagScreen } from '@spinewise/clinical';
import type { Database } from '../database/client.js';
import {
  assessments,
  episodes,
  patients,
  programmes,
  programmeVersions,
  type AssessmentRow,
  type Episode,
  type ProgrammeRow,
  type ProgrammeStatus,
  type ProgrammeVersion,
} from '../database/schema.js';
import { isUuid } from '../logs/session-logs.js';
import { checkProgrammeContent, type ContentProblem } from './content.js';
import { buildProfile, type GenerateChoices, type MissingField } from './profile.js';
import { safetyProfileOf, type SafetyProfile } from './safety-profile.js';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type Reader = Database | Transaction;

/** A programme with the episode and patient it belongs to. */
export interface ProgrammeScope {
  readonly programme: ProgrammeRow;
  readonly episode: Episode;
  readonly patientId: string;
  readonly clinicId: string;
}

/** A version without its content: the history a clinician reads. */
export interface VersionInfo {
  readonly version: number;
  readonly status: ProgrammeStatus;
  readonly editedBy: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  readonly changeReason: string | null;
  readonly createdAt: Date;
}

const versionInfoColumns = {
  programmeId: programmeVersions.programmeId,
  version: programmeVersions.version,
  status: programmeVersions.status,
  editedBy: programmeVersions.editedBy,
  approvedBy: programmeVersions.approvedBy,
  approvedAt: programmeVersions.approvedAt,
  changeReason: programmeVersions.changeReason,
  createdAt: programmeVersions.createdAt,
};

/** States from which a programme can no longer be edited or approved. */
const closedStatuses: readonly ProgrammeStatus[] = ['archived', 'completed'];

// ---------------------------------------------------------------- look-ups

/** The episode and its patient, when the patient belongs to `clinicId`. */
export async function findEpisodeInClinic(
  db: Reader,
  episodeId: string,
  clinicId: string,
): Promise<{ episode: Episode; dateOfBirth: string | null } | undefined> {
  if (!isUuid(episodeId) || !isUuid(clinicId)) return undefined;
  const [row] = await db
    .select({ episode: episodes, dateOfBirth: patients.dateOfBirth })
    .from(episodes)
    .innerJoin(patients, eq(patients.id, episodes.patientId))
    .where(and(eq(episodes.id, episodeId), eq(patients.clinicId, clinicId)))
    .limit(1);
  return row;
}

/** The programme, its episode and patient, when the patient belongs to `clinicId`. */
export async function findProgrammeInClinic(
  db: Reader,
  programmeId: string,
  clinicId: string,
  options: { readonly lock?: boolean } = {},
): Promise<ProgrammeScope | undefined> {
  if (!isUuid(programmeId) || !isUuid(clinicId)) return undefined;
  const query = db
    .select({
      programme: programmes,
      episode: episodes,
      patientId: patients.id,
      clinicId: patients.clinicId,
    })
    .from(programmes)
    .innerJoin(episodes, eq(episodes.id, programmes.episodeId))
    .innerJoin(patients, eq(patients.id, episodes.patientId))
    .where(and(eq(programmes.id, programmeId), eq(patients.clinicId, clinicId)))
    .limit(1);
  const [row] = options.lock === true ? await query.for('update', { of: programmes }) : await query;
  return row;
}

/** The episode's most recent assessment (baseline or reassessment). */
export async function latestAssessment(
  db: Reader,
  episodeId: string,
): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(eq(assessments.episodeId, episodeId))
    .orderBy(desc(assessments.assessedAt), desc(assessments.createdAt))
    .limit(1);
  return row;
}

export async function versionOf(
  db: Reader,
  programmeId: string,
  version: number,
): Promise<ProgrammeVersion | undefined> {
  const [row] = await db
    .select()
    .from(programmeVersions)
    .where(
      and(eq(programmeVersions.programmeId, programmeId), eq(programmeVersions.version, version)),
    )
    .limit(1);
  return row;
}

/** Every version of a programme, oldest first, without content. */
export async function versionsOf(db: Reader, programmeId: string): Promise<VersionInfo[]> {
  return db
    .select(versionInfoColumns)
    .from(programmeVersions)
    .where(eq(programmeVersions.programmeId, programmeId))
    .orderBy(asc(programmeVersions.version));
}

/** The latest approved version (what the patient follows while the programme is active). */
export async function approvedVersionOf(
  db: Reader,
  programmeId: string,
): Promise<ProgrammeVersion | undefined> {
  const [row] = await db
    .select()
    .from(programmeVersions)
    .where(
      and(eq(programmeVersions.programmeId, programmeId), isNotNull(programmeVersions.approvedAt)),
    )
    .orderBy(desc(programmeVersions.version))
    .limit(1);
  return row;
}

export interface ProgrammeListItem {
  readonly programme: ProgrammeRow;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly versions: readonly VersionInfo[];
}

/** The episode's programmes, newest first, each with its versions (no content). */
export async function listProgrammes(db: Reader, episodeId: string): Promise<ProgrammeListItem[]> {
  const rows = await db
    .select({
      programme: programmes,
      startDate: sql<string | null>`${programmeVersions.content} ->> 'startDate'`,
      endDate: sql<string | null>`${programmeVersions.content} ->> 'endDate'`,
    })
    .from(programmes)
    .innerJoin(
      programmeVersions,
      and(
        eq(programmeVersions.programmeId, programmes.id),
        eq(programmeVersions.version, programmes.currentVersion),
      ),
    )
    .where(eq(programmes.episodeId, episodeId))
    .orderBy(desc(programmes.createdAt), desc(programmes.id));
  if (rows.length === 0) return [];
  const versions = await db
    .select(versionInfoColumns)
    .from(programmeVersions)
    .innerJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
    .where(eq(programmes.episodeId, episodeId))
    .orderBy(asc(programmeVersions.version));
  return rows.map((row) => ({
    ...row,
    versions: versions.filter((version) => version.programmeId === row.programme.id),
  }));
}

/** The patient's safety profile for a programme (see `safety-profile.ts`). */
export async function safetyProfileFor(
  db: Reader,
  scope: ProgrammeScope,
): Promise<{ profile: SafetyProfile; generated: Programme }> {
  const generated = await versionOf(db, scope.programme.id, 1);
  if (generated === undefined) throw new Error('a programme without its first version');
  const assessment = await latestAssessment(db, scope.episode.id);
  return {
    profile: safetyProfileOf(generated.content, assessment ?? null),
    generated: generated.content,
  };
}

// ---------------------------------------------------------------- generate

export type GenerateResult =
  | { readonly ok: true; readonly programmeId: string }
  | { readonly ok: false; readonly reason: 'discharged' }
  | { readonly ok: false; readonly reason: 'noAssessment' }
  | { readonly ok: false; readonly reason: 'missing'; readonly missing: readonly MissingField[] }
  /** The red-flag screen holds generation until a clinician's decision clears it. */
  | {
      readonly ok: false;
      readonly reason: 'blocked';
      readonly detail: string;
      readonly action: RedFlagScreen['action'];
      readonly referred: boolean;
    };

export interface GenerateInput {
  readonly episode: Episode;
  readonly dateOfBirth: string | null;
  readonly choices: GenerateChoices;
  readonly userId: string;
  readonly now: Date;
  readonly today: string;
}

/**
 * Generates a programme from the episode and its latest assessment, and stores it with its
 * first version (status generated). Bad choices throw the core's `ClinicalInputError`, whose
 * path is the request field (`minutesPerDay`, `options.weeks`, …).
 */
export async function generateForEpisode(
  db: Database,
  input: GenerateInput,
): Promise<GenerateResult> {
  if (input.episode.status !== 'active') return { ok: false, reason: 'discharged' };
  const assessment = await latestAssessment(db, input.episode.id);
  if (assessment === undefined) return { ok: false, reason: 'noAssessment' };
  const built = buildProfile({
    episode: input.episode,
    dateOfBirth: input.dateOfBirth,
    assessment,
    choices: input.choices,
    today: input.today,
  });
  if (!built.ok) return { ok: false, reason: 'missing', missing: built.missing };

  const programme = generateProgramme(built.profile, built.options);
  if (programme.status === 'blocked' || programme.blocked !== null) {
    return {
      ok: false,
      reason: 'blocked',
      detail: programme.blocked?.reason ?? 'The red-flag screen holds the programme.',
      action: programme.screen.action,
      referred: assessment.flagDecision?.decision === 'referred',
    };
  }

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(programmes)
      .values({
        episodeId: input.episode.id,
        currentVersion: 1,
        status: 'generated',
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning({ id: programmes.id });
    if (row === undefined) throw new Error('inserting a programme returned no row');
    await tx.insert(programmeVersions).values({
      programmeId: row.id,
      version: 1,
      status: 'generated',
      content: programme,
      editedBy: input.userId,
      changeReason: `Generated from the ${assessment.kind} assessment of ${assessment.assessedAt.toISOString().slice(0, 10)}.`,
      createdAt: input.now,
    });
    return { ok: true, programmeId: row.id } as const;
  });
}

// ---------------------------------------------------------------- edit

export type EditResult =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly reason: 'notFound' }
  | { readonly ok: false; readonly reason: 'closed'; readonly status: ProgrammeStatus }
  | { readonly ok: false; readonly reason: 'versionConflict'; readonly current: number }
  | {
      readonly ok: false;
      readonly reason: 'invalid';
      readonly problems: readonly ContentProblem[];
    };

export interface EditInput {
  readonly programmeId: string;
  readonly clinicId: string;
  readonly baseVersion: number;
  readonly content: unknown;
  readonly changeReason: string;
  readonly userId: string;
  readonly now: Date;
}

/**
 * A clinician's edit: a new version (status edited) on top of `baseVersion`, which must still
 * be the current one (otherwise someone else edited in between). The content is validated and
 * safety-checked for this patient (`checkProgrammeContent`). An active programme stays active:
 * the patient keeps the approved version until this one is approved.
 */
export async function editProgramme(db: Database, input: EditInput): Promise<EditResult> {
  return db.transaction(async (tx) => {
    // The row lock makes concurrent edits of one programme take turns: the second sees the
    // first's version and answers a conflict.
    const scope = await findProgrammeInClinic(tx, input.programmeId, input.clinicId, {
      lock: true,
    });
    if (scope === undefined) return { ok: false, reason: 'notFound' } as const;
    const { programme } = scope;
    if (closedStatuses.includes(programme.status)) {
      return { ok: false, reason: 'closed', status: programme.status } as const;
    }
    if (programme.currentVersion !== input.baseVersion) {
      return { ok: false, reason: 'versionConflict', current: programme.currentVersion } as const;
    }
    const current = await versionOf(tx, programme.id, programme.currentVersion);
    if (current === undefined) throw new Error('a programme without its current version');
    const { profile, generated } = await safetyProfileFor(tx, scope);
    const checked = checkProgrammeContent(input.content, profile, {
      current: current.content,
      requiredLessons: generated.requiredLessons,
      editor: { userId: input.userId, at: input.now },
    });
    if (!checked.ok) return { ok: false, reason: 'invalid', problems: checked.problems } as const;

    const version = programme.currentVersion + 1;
    await tx.insert(programmeVersions).values({
      programmeId: programme.id,
      version,
      status: 'edited',
      content: checked.content,
      editedBy: input.userId,
      changeReason: input.changeReason,
      createdAt: input.now,
    });
    await tx
      .update(programmes)
      .set({
        currentVersion: version,
        status: programme.status === 'active' ? 'active' : 'edited',
        updatedAt: input.now,
      })
      .where(eq(programmes.id, programme.id));
    return { ok: true, version } as const;
  });
}

// ---------------------------------------------------------------- approve

export type ApproveResult =
  | { readonly ok: true; readonly completed: readonly string[] }
  | { readonly ok: false; readonly reason: 'notFound' }
  | { readonly ok: false; readonly reason: 'closed'; readonly status: ProgrammeStatus }
  | { readonly ok: false; readonly reason: 'discharged' }
  | { readonly ok: false; readonly reason: 'notCurrent'; readonly current: number }
  | { readonly ok: false; readonly reason: 'alreadyApproved' }
  /** The latest assessment's screen needs a clinician's decision that is not recorded. */
  | { readonly ok: false; readonly reason: 'flagDecisionNeeded'; readonly action: string }
  | { readonly ok: false; readonly reason: 'referred' };

export interface ApproveInput {
  readonly programmeId: string;
  readonly clinicId: string;
  readonly version: number;
  readonly userId: string;
  readonly now: Date;
}

/**
 * Approves the current version: it records who and when, the programme becomes active (the
 * patient's app shows it) and any other active programme of the episode is completed, all in
 * one transaction. [S-RF] A screen that needs a clinician's decision must have one recorded,
 * and "referred" holds the programme until the review.
 */
export async function approveProgramme(db: Database, input: ApproveInput): Promise<ApproveResult> {
  return db.transaction(async (tx) => {
    const found = await findProgrammeInClinic(tx, input.programmeId, input.clinicId);
    if (found === undefined) return { ok: false, reason: 'notFound' } as const;
    // Approvals in one episode take turns (the episode row lock), so two at once cannot both
    // make their programme the active one.
    const [episode] = await tx
      .select()
      .from(episodes)
      .where(eq(episodes.id, found.episode.id))
      .for('update');
    const scope = await findProgrammeInClinic(tx, input.programmeId, input.clinicId, {
      lock: true,
    });
    if (episode === undefined || scope === undefined) {
      return { ok: false, reason: 'notFound' } as const;
    }
    const { programme } = scope;
    if (closedStatuses.includes(programme.status)) {
      return { ok: false, reason: 'closed', status: programme.status } as const;
    }
    if (episode.status !== 'active') return { ok: false, reason: 'discharged' } as const;
    if (programme.currentVersion !== input.version) {
      return { ok: false, reason: 'notCurrent', current: programme.currentVersion } as const;
    }
    const current = await versionOf(tx, programme.id, programme.currentVersion);
    if (current === undefined) throw new Error('a programme without its current version');
    if (current.approvedAt !== null) return { ok: false, reason: 'alreadyApproved' } as const;

    const assessment = await latestAssessment(tx, episode.id);
    if (assessment?.redFlagScreen.requiresClinicianDecision === true) {
      if (assessment.flagDecision === null) {
        return {
          ok: false,
          reason: 'flagDecisionNeeded',
          action: assessment.redFlagScreen.action,
        } as const;
      }
      if (assessment.flagDecision.decision === 'referred') {
        return { ok: false, reason: 'referred' } as const;
      }
    }

    const completed = await tx
      .update(programmes)
      .set({ status: 'completed', updatedAt: input.now })
      .where(
        and(
          eq(programmes.episodeId, episode.id),
          eq(programmes.status, 'active'),
          ne(programmes.id, programme.id),
        ),
      )
      .returning({ id: programmes.id });
    await tx
      .update(programmeVersions)
      .set({ status: 'active', approvedBy: input.userId, approvedAt: input.now })
      .where(eq(programmeVersions.id, current.id));
    await tx
      .update(programmes)
      .set({ status: 'active', updatedAt: input.now })
      .where(eq(programmes.id, programme.id));
    return { ok: true, completed: completed.map((row) => row.id) } as const;
  });
}

// ---------------------------------------------------------------- archive

export type ArchiveResult =
  | { readonly ok: true; readonly from: ProgrammeStatus }
  | { readonly ok: false; readonly reason: 'notFound' }
  | { readonly ok: false; readonly reason: 'alreadyArchived' };

/** Archives a programme from any state but archived; an active one stops showing to the patient. */
export async function archiveProgramme(
  db: Database,
  input: { readonly programmeId: string; readonly clinicId: string; readonly now: Date },
): Promise<ArchiveResult> {
  return db.transaction(async (tx) => {
    const scope = await findProgrammeInClinic(tx, input.programmeId, input.clinicId, {
      lock: true,
    });
    if (scope === undefined) return { ok: false, reason: 'notFound' } as const;
    if (scope.programme.status === 'archived') {
      return { ok: false, reason: 'alreadyArchived' } as const;
    }
    await tx
      .update(programmes)
      .set({ status: 'archived', updatedAt: input.now })
      .where(eq(programmes.id, scope.programme.id));
    return { ok: true, from: scope.programme.status } as const;
  });
}
