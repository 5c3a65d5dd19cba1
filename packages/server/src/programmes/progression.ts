/**
 * Progression suggestions (issue 4 §3): the clinical core's `decideProgression` run for today on
 * the programme's session logs, each decision stored as a suggestion for the clinician, and the
 * alerts its flags call for. Nothing here changes a programme by itself: a suggestion waits until
 * a clinician accepts it (a new programme version with the core's proposed dose or level) or
 * rejects it (with a reason). REFERENCE §5: every rule is a default for clinician sign-off.
 */
import { and, asc, between, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  decideProgression,
  type AppliedChange,
  type FlagSeverity,
  type ProgressionDecision,
  type ProgressionFlag,
  type WeekAdherence,
} from '@spinewise/clinical';
import { listCheckIns, mergeCheckIns } from '../check-ins/index.js';
import type { Database } from '../database/client.js';
import {
  alerts,
  progressionDecisions,
  programmes,
  programmeVersions,
  sessionLogs,
  type AlertType,
  type NewAlert,
  type ProgrammeStatus,
  type ProgressionDecisionRow,
  type SessionLogRow,
} from '../database/schema.js';
import { exerciseIdsOf, isUuid, lockPatientAlerts } from '../logs/session-logs.js';
import { applyDecision, checkProgrammeContent } from './content.js';
import {
  approvedVersionOf,
  findProgrammeInClinic,
  safetyProfileFor,
  versionOf,
  type ProgrammeScope,
  type Transaction,
} from './programmes.js';

/**
 * A decision as stored: the core's decision, plus the programme version it was made on and the
 * session logs it cites by id (the core cites them by their index in the list it was given).
 */
export interface StoredSuggestion extends ProgressionDecision {
  readonly programmeVersion: number;
  readonly sessionLogIds: readonly string[];
}

/** The stored suggestion, with what older rows (the demo's) may lack filled in. */
export function suggestionOf(row: ProgressionDecisionRow): StoredSuggestion {
  const stored = row.suggestion as Partial<StoredSuggestion> & ProgressionDecision;
  return {
    ...stored,
    programmeVersion: stored.programmeVersion ?? 0,
    sessionLogIds: stored.sessionLogIds ?? [],
  };
}

/** The progression flags that raise an alert here. Red-flag symptoms alert when logged. */
const flagAlertTypes = ['painFlare', 'nonAdherence', 'peripheralisation'] as const;
type FlagAlertType = (typeof flagAlertTypes)[number];
const alertTypes: readonly AlertType[] = [...flagAlertTypes, 'regressSuggested'];

export interface FlagReport {
  readonly flag: ProgressionFlag;
  readonly sessionLogIds: readonly string[];
  /** The unresolved alert that covers this flag's type for the programme, if it raises one. */
  readonly alertId: string | null;
}

export type RunResult =
  | { readonly ok: false; readonly reason: 'notFound' }
  | { readonly ok: false; readonly reason: 'notActive'; readonly status: ProgrammeStatus }
  | {
      readonly ok: true;
      readonly scope: ProgrammeScope;
      readonly version: number;
      readonly today: string;
      readonly week: number | null;
      readonly status: 'continue' | 'halted' | 'notStarted';
      /** Today's suggestions still waiting for a clinician. */
      readonly suggestions: readonly ProgressionDecisionRow[];
      readonly flags: readonly FlagReport[];
      readonly adherence: readonly WeekAdherence[];
      /** Ids of the suggestions and alerts this run stored (a re-run stores none). */
      readonly created: {
        readonly suggestions: readonly string[];
        readonly alerts: readonly string[];
      };
    };

/** Changes clinicians accepted, as the core's `history` option: a new dose starts its evidence afresh. */
async function appliedChanges(tx: Transaction, programmeId: string): Promise<AppliedChange[]> {
  const accepted = await tx
    .select()
    .from(progressionDecisions)
    .where(
      and(
        eq(progressionDecisions.programmeId, programmeId),
        eq(progressionDecisions.state, 'accepted'),
        isNotNull(progressionDecisions.reviewedAt),
      ),
    )
    .orderBy(asc(progressionDecisions.reviewedAt));
  return accepted.flatMap((row) => {
    const { proposed, decision } = row.suggestion;
    if (proposed === null || (decision !== 'progress' && decision !== 'regress')) return [];
    return [
      {
        date: (row.reviewedAt as Date).toISOString().slice(0, 10),
        exerciseId: proposed.exerciseId,
        change: proposed.change.kind,
      },
    ];
  });
}

const severityRank: Readonly<Record<FlagSeverity, number>> = {
  emergency: 0,
  urgent: 1,
  warning: 2,
  info: 3,
};

/**
 * Runs the progression rules for `today` on the programme the patient follows (its latest
 * approved version) and stores each decision as a suggestion, once per programme, day and
 * exercise: a second run the same day finds the stored ones. Its flags raise alerts, at most
 * one unresolved alert of a type per programme.
 */
export async function runProgression(
  db: Database,
  input: {
    readonly programmeId: string;
    readonly clinicId: string;
    readonly today: string;
    readonly now: Date;
  },
): Promise<RunResult> {
  return db.transaction(async (tx) => {
    const scope = await findProgrammeInClinic(tx, input.programmeId, input.clinicId);
    if (scope === undefined) return { ok: false, reason: 'notFound' } as const;
    if (scope.programme.status !== 'active') {
      return { ok: false, reason: 'notActive', status: scope.programme.status } as const;
    }
    const approved = await approvedVersionOf(tx, scope.programme.id);
    if (approved === undefined) throw new Error('an active programme without an approved version');
    const { today } = input;
    const content = approved.content;
    const base = {
      ok: true,
      scope,
      version: approved.version,
      today,
    } as const;
    if (today < content.startDate) {
      return {
        ...base,
        week: null,
        status: 'notStarted',
        suggestions: [],
        flags: [],
        adherence: [],
        created: { suggestions: [], alerts: [] },
      } as const;
    }

    const exerciseIds = exerciseIdsOf(content);
    const rows = (
      await tx
        .select({ id: sessionLogs.id, log: sessionLogs.log })
        .from(sessionLogs)
        .where(
          and(
            eq(sessionLogs.programmeId, scope.programme.id),
            between(sessionLogs.performedOn, content.startDate, today),
          ),
        )
        .orderBy(asc(sessionLogs.performedOn), asc(sessionLogs.createdAt), asc(sessionLogs.id))
    ).filter((row) => exerciseIds.has(row.log.exerciseId));
    const idsOf = (indexes: readonly number[]) =>
      indexes.map((index) => (rows[index] as { id: string }).id);

    // [S-PMM] the next-morning check-ins are read as each day's logs' next-morning pain.
    const checkIns = await listCheckIns(tx, {
      patientId: scope.patientId,
      from: content.startDate,
      to: today,
    });
    const result = decideProgression(
      content,
      mergeCheckIns(
        rows.map((row) => row.log),
        checkIns,
      ),
      today,
      { history: await appliedChanges(tx, scope.programme.id) },
    );

    // One suggestion per exercise and day (the table's unique key): an exercise in two sessions
    // of the week has one decision. A second run the same day keeps what the first stored.
    const seen = new Set<string>();
    const values = result.decisions.flatMap((decision) => {
      if (seen.has(decision.exerciseId)) return [];
      seen.add(decision.exerciseId);
      const suggestion: StoredSuggestion = {
        ...decision,
        programmeVersion: approved.version,
        sessionLogIds: idsOf(decision.logs),
      };
      return [
        {
          programmeId: scope.programme.id,
          decidedFor: today,
          exerciseId: decision.exerciseId,
          decision: decision.decision,
          suggestion,
          state: 'suggested' as const,
          createdAt: input.now,
        },
      ];
    });
    const inserted =
      values.length === 0
        ? []
        : await tx
            .insert(progressionDecisions)
            .values(values)
            .onConflictDoNothing({
              target: [
                progressionDecisions.programmeId,
                progressionDecisions.decidedFor,
                progressionDecisions.exerciseId,
              ],
            })
            .returning({ id: progressionDecisions.id });
    const todays = await tx
      .select()
      .from(progressionDecisions)
      .where(
        and(
          eq(progressionDecisions.programmeId, scope.programme.id),
          eq(progressionDecisions.decidedFor, today),
        ),
      )
      .orderBy(asc(progressionDecisions.createdAt), asc(progressionDecisions.id));

    const raised = await raiseProgressionAlerts(tx, {
      scope,
      decisions: todays,
      flags: result.flags,
      idsOf,
      now: input.now,
    });

    return {
      ...base,
      week: result.week,
      status: result.status,
      suggestions: todays.filter((row) => row.state === 'suggested'),
      flags: result.flags.map((flag) => ({
        flag,
        sessionLogIds: idsOf(flag.logs),
        alertId: raised.byType.get(flag.type) ?? null,
      })),
      adherence: result.adherence,
      created: { suggestions: inserted.map((row) => row.id), alerts: raised.created },
    } as const;
  });
}

interface AlertInput {
  readonly scope: ProgrammeScope;
  readonly decisions: readonly ProgressionDecisionRow[];
  readonly flags: readonly ProgressionFlag[];
  readonly idsOf: (indexes: readonly number[]) => string[];
  readonly now: Date;
}

/**
 * Alerts for the run's flags (pain flare, non-adherence, peripheralisation) and for any regress
 * suggestion. At most one unresolved (open or acknowledged) alert of a type per programme: a
 * flag that is still there tomorrow does not alert again until the clinician resolves the
 * first. Each alert names a suggestion of the programme (`progressionDecisionId`), which is how
 * it is tied to the programme. Red-flag symptoms are not alerted here: they alert the moment the
 * patient logs them (`recordSessionLog`).
 */
async function raiseProgressionAlerts(
  tx: Transaction,
  input: AlertInput,
): Promise<{ byType: Map<string, string>; created: string[] }> {
  const { scope, decisions } = input;
  const byType = new Map<string, string>();
  const first = decisions[0];
  if (first === undefined) return { byType, created: [] };
  await lockPatientAlerts(tx, scope.patientId);
  const existing = await tx
    .select({ id: alerts.id, type: alerts.type })
    .from(alerts)
    .where(
      and(
        eq(alerts.patientId, scope.patientId),
        inArray(alerts.state, ['open', 'acknowledged']),
        inArray(alerts.type, [...alertTypes]),
        sql`${alerts.source} ->> 'progressionDecisionId' in (select ${progressionDecisions.id}::text from ${progressionDecisions} where ${progressionDecisions.programmeId} = ${scope.programme.id})`,
      ),
    );
  for (const alert of existing) byType.set(alert.type, alert.id);

  const decisionFor = (exerciseId: string | undefined) =>
    decisions.find((row) => row.exerciseId === exerciseId) ?? first;
  const logExercise = (flag: ProgressionFlag) => {
    const ids = input.idsOf(flag.logs);
    return decisions.find((row) => suggestionOf(row).sessionLogIds.some((id) => ids.includes(id)))
      ?.exerciseId;
  };

  const values: NewAlert[] = [];
  for (const type of flagAlertTypes) {
    const flags = input.flags.filter((flag) => flag.type === type);
    const [worst] = [...flags].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
    if (worst === undefined || byType.has(type)) continue;
    values.push({
      patientId: scope.patientId,
      clinicId: scope.clinicId,
      type: type satisfies FlagAlertType,
      severity: worst.severity,
      state: 'open',
      message: flags.map((flag) => flag.message).join(' '),
      source: {
        sessionLogIds: [...new Set(flags.flatMap((flag) => input.idsOf(flag.logs)))],
        progressionDecisionId: decisionFor(logExercise(worst)).id,
        flag: worst,
      },
      createdAt: input.now,
    });
  }
  const regress = decisions.filter(
    (row) => row.decision === 'regress' && row.state === 'suggested',
  );
  const [firstRegress] = regress;
  if (firstRegress !== undefined && !byType.has('regressSuggested')) {
    values.push({
      patientId: scope.patientId,
      clinicId: scope.clinicId,
      type: 'regressSuggested',
      severity: 'warning',
      state: 'open',
      message: `The progression rules suggest easing off: ${regress
        .map((row) => `${row.suggestion.name} (${row.suggestion.rule})`)
        .join(', ')}. Review the suggestion to accept or reject it.`,
      source: {
        sessionLogIds: [...new Set(regress.flatMap((row) => suggestionOf(row).sessionLogIds))],
        progressionDecisionId: firstRegress.id,
      },
      createdAt: input.now,
    });
  }
  if (values.length === 0) return { byType, created: [] };
  const created = await tx
    .insert(alerts)
    .values(values)
    .returning({ id: alerts.id, type: alerts.type });
  for (const alert of created) byType.set(alert.type, alert.id);
  return { byType, created: created.map((alert) => alert.id) };
}

// ---------------------------------------------------------------- review

export type ReviewResult =
  | {
      readonly ok: true;
      readonly decision: ProgressionDecisionRow;
      readonly scope: ProgrammeScope;
      /** The programme version the acceptance wrote; `null` when nothing in it changed. */
      readonly version: number | null;
    }
  | { readonly ok: false; readonly reason: 'notFound' }
  | {
      readonly ok: false;
      readonly reason: 'alreadyReviewed';
      readonly state: ProgressionDecisionRow['state'];
    }
  | { readonly ok: false; readonly reason: 'closed'; readonly status: ProgrammeStatus }
  | { readonly ok: false; readonly reason: 'discharged' }
  /** An edit of the programme waits for approval: the suggestion was made on an older version. */
  | { readonly ok: false; readonly reason: 'pendingEdit'; readonly current: number }
  /** The programme no longer prescribes what the suggestion was made on. */
  | { readonly ok: false; readonly reason: 'stale' }
  | { readonly ok: false; readonly reason: 'unsafe'; readonly detail: string };

export interface ReviewInput {
  readonly decisionId: string;
  readonly clinicId: string;
  readonly userId: string;
  readonly reason?: string;
  readonly now: Date;
}

/** The decision row (locked) and its programme (locked), when the patient is of `clinicId`. */
async function findDecision(
  tx: Transaction,
  decisionId: string,
  clinicId: string,
): Promise<{ row: ProgressionDecisionRow; scope: ProgrammeScope } | undefined> {
  if (!isUuid(decisionId)) return undefined;
  const [found] = await tx
    .select({ programmeId: progressionDecisions.programmeId })
    .from(progressionDecisions)
    .where(eq(progressionDecisions.id, decisionId));
  if (found === undefined) return undefined;
  // The programme first, then the decision: every writer of a programme locks in that order.
  const scope = await findProgrammeInClinic(tx, found.programmeId, clinicId, { lock: true });
  if (scope === undefined) return undefined;
  const [row] = await tx
    .select()
    .from(progressionDecisions)
    .where(eq(progressionDecisions.id, decisionId))
    .for('update');
  return row === undefined ? undefined : { row, scope };
}

/** Marks the decision reviewed; `undefined` if someone reviewed it first. */
async function markReviewed(
  tx: Transaction,
  input: ReviewInput,
  state: 'accepted' | 'rejected',
): Promise<ProgressionDecisionRow | undefined> {
  const [row] = await tx
    .update(progressionDecisions)
    .set({
      state,
      reviewedBy: input.userId,
      reviewedAt: input.now,
      reviewReason: input.reason ?? null,
    })
    .where(
      and(
        eq(progressionDecisions.id, input.decisionId),
        eq(progressionDecisions.state, 'suggested'),
      ),
    )
    .returning();
  return row;
}

/**
 * Once no regress suggestion of a day's run waits any more, the "regress suggested" alert that
 * run raised is resolved by the reviewer: the clinician has dealt with what it pointed at.
 */
async function resolveRegressAlert(
  tx: Transaction,
  row: ProgressionDecisionRow,
  input: ReviewInput,
): Promise<void> {
  const sameRun = and(
    eq(progressionDecisions.programmeId, row.programmeId),
    eq(progressionDecisions.decidedFor, row.decidedFor),
  );
  const waiting = await tx
    .select({ id: progressionDecisions.id })
    .from(progressionDecisions)
    .where(
      and(
        sameRun,
        eq(progressionDecisions.decision, 'regress'),
        eq(progressionDecisions.state, 'suggested'),
      ),
    )
    .limit(1);
  if (waiting.length > 0) return;
  await tx
    .update(alerts)
    .set({ state: 'resolved', resolvedBy: input.userId, resolvedAt: input.now })
    .where(
      and(
        eq(alerts.type, 'regressSuggested'),
        inArray(alerts.state, ['open', 'acknowledged']),
        sql`${alerts.source} ->> 'progressionDecisionId' in (select ${progressionDecisions.id}::text from ${progressionDecisions} where ${sameRun})`,
      ),
    );
}

/**
 * Accepts a suggestion. Progress and regress write a new programme version, approved by the
 * accepting clinician and active at once, with the core's proposed dose step or level
 * (`applyDecision`), safety-checked for this patient; hold and stop-and-screen record the
 * acceptance only. A suggestion made on a prescription the programme no longer has is stale.
 */
export async function acceptDecision(db: Database, input: ReviewInput): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const found = await findDecision(tx, input.decisionId, input.clinicId);
    if (found === undefined) return { ok: false, reason: 'notFound' } as const;
    const { row, scope } = found;
    if (row.state !== 'suggested') {
      return { ok: false, reason: 'alreadyReviewed', state: row.state } as const;
    }
    const { programme, episode } = scope;
    if (programme.status !== 'active') {
      return { ok: false, reason: 'closed', status: programme.status } as const;
    }
    if (episode.status !== 'active') return { ok: false, reason: 'discharged' } as const;
    const current = await versionOf(tx, programme.id, programme.currentVersion);
    if (current === undefined) throw new Error('a programme without its current version');
    if (current.approvedAt === null) {
      return { ok: false, reason: 'pendingEdit', current: current.version } as const;
    }

    const suggestion = suggestionOf(row);
    const { profile, generated } = await safetyProfileFor(tx, scope);
    const applied = applyDecision(current.content, suggestion, row.decidedFor, profile);
    if (!applied.ok) {
      return applied.reason === 'stale'
        ? ({ ok: false, reason: 'stale' } as const)
        : ({ ok: false, reason: 'unsafe', detail: applied.detail } as const);
    }

    let version: number | null = null;
    if (applied.changed > 0) {
      // The whole programme passes the same checks as a clinician's edit before it is stored.
      const checked = checkProgrammeContent(applied.content, profile, {
        current: current.content,
        requiredLessons: generated.requiredLessons,
      });
      if (!checked.ok) {
        return {
          ok: false,
          reason: 'unsafe',
          detail: checked.problems.map((problem) => problem.message).join(' '),
        } as const;
      }
      version = programme.currentVersion + 1;
      await tx.insert(programmeVersions).values({
        programmeId: programme.id,
        version,
        status: 'active',
        content: checked.content,
        editedBy: input.userId,
        approvedBy: input.userId,
        approvedAt: input.now,
        changeReason:
          `Accepted the progression suggestion to ${suggestion.decision} ${suggestion.name} ` +
          `(rule ${suggestion.rule}, decided for ${row.decidedFor}).` +
          (input.reason === undefined ? '' : ` ${input.reason}`),
        createdAt: input.now,
      });
      await tx
        .update(programmes)
        .set({ currentVersion: version, updatedAt: input.now })
        .where(eq(programmes.id, programme.id));
    }
    const reviewed = await markReviewed(tx, input, 'accepted');
    if (reviewed === undefined) throw new Error('a locked suggestion changed under its lock');
    await resolveRegressAlert(tx, reviewed, input);
    return { ok: true, decision: reviewed, scope, version } as const;
  });
}

/** Rejects a suggestion, with the clinician's reason; the programme is left as it is. */
export async function rejectDecision(
  db: Database,
  input: ReviewInput & { readonly reason: string },
): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const found = await findDecision(tx, input.decisionId, input.clinicId);
    if (found === undefined) return { ok: false, reason: 'notFound' } as const;
    if (found.row.state !== 'suggested') {
      return { ok: false, reason: 'alreadyReviewed', state: found.row.state } as const;
    }
    const reviewed = await markReviewed(tx, input, 'rejected');
    if (reviewed === undefined) throw new Error('a locked suggestion changed under its lock');
    await resolveRegressAlert(tx, reviewed, input);
    return { ok: true, decision: reviewed, scope: found.scope, version: null } as const;
  });
}

/** The session logs a set of suggestions cite, by id. */
export async function logsByIds(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, Pick<SessionLogRow, 'id' | 'log'>>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: sessionLogs.id, log: sessionLogs.log })
    .from(sessionLogs)
    .where(inArray(sessionLogs.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}
