/**
 * The caseload dashboard's data (issue 4 §3): one entry per patient with their active episode
 * and programme, open alerts, adherence, scores against baseline and any reassessment due.
 *
 * Bounded by design, so the dashboard costs the same with a year of logs as with a week
 * (issue 4 §6): a fixed number of queries whatever the caseload's size (no query per patient),
 * and each reads an indexed range — the last 14 days of logs of the active programmes, the
 * newest few assessments and open alerts per patient, the newest log per patient — never a
 * patient's whole history. What is derived from large JSONB documents (programmes, questionnaire
 * scores) is kept between requests by row version (`row-cache.ts`), so a repeated view reads
 * only ids for them; what is not cached yet costs one more query each, whatever the caseload's
 * size. Who may see which patients is the caller's check; this module only reads the clinic
 * (and clinician) it is given.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { FlagSeverity, Programme, Region } from '@spinewise/clinical';
import type { Database } from '../database/client.js';
import type { EpisodeStatus, ProgrammeStatus } from '../database/schema.js';
import {
  adherenceWindow,
  adherenceWindows,
  boutCaps,
  compareCaseload,
  programmeWeek,
  reassessmentDue,
  scoreChanges,
  summariseProgramme,
  type AdherenceWindow,
  type AssessedScores,
  type ProgrammeSummary,
  type ReassessmentDue,
  type ScoreChange,
} from './measures.js';
import { createRowCache, type RowCache } from './row-cache.js';

/** Newest open alerts shown per patient; the count covers them all. */
export const NEWEST_ALERTS_SHOWN = 3;
/** Latest assessments read per episode to find each instrument's latest score. */
export const RECENT_ASSESSMENTS_READ = 3;

export interface CaseloadQuery {
  readonly clinicId: string;
  /** Only this clinician's patients; `null` for the whole clinic. */
  readonly clinicianId: string | null;
  /** `YYYY-MM-DD`, UTC. */
  readonly today: string;
  /** Only patients whose name contains this (case-insensitive). */
  readonly search?: string;
  /** Only patients with open alerts. */
  readonly alertsOnly?: boolean;
  /** Only patients with a reassessment due. */
  readonly reassessmentDueOnly?: boolean;
  /** One page of the ordered list; all of it when left out. */
  readonly page?: { readonly offset: number; readonly limit: number };
}

/** One page of the caseload, and how many patients the whole list has. */
export interface CaseloadPage {
  readonly entries: CaseloadEntry[];
  /** Patients matching the query, over every page. */
  readonly total: number;
  /** Of those, how many have open alerts, and how many a reassessment due. */
  readonly withAlerts: number;
  readonly reassessmentsDue: number;
}

export interface CaseloadAlert {
  readonly id: string;
  readonly type: string;
  readonly severity: FlagSeverity;
  readonly message: string;
  readonly createdAt: Date;
}

export interface CaseloadEntry {
  readonly patient: {
    readonly id: string;
    readonly displayName: string;
    readonly clinicianId: string;
  };
  readonly episode: {
    readonly id: string;
    readonly region: Region;
    readonly condition: string;
    readonly startedOn: string;
  } | null;
  /** The episode's active programme, or else its newest one not archived (e.g. awaiting approval). */
  readonly programme: {
    readonly id: string;
    readonly status: ProgrammeStatus;
    readonly version: number;
    readonly startDate: string;
    readonly endDate: string;
    /** Week n of N; `null` before the start. */
    readonly week: number | null;
    readonly weeks: number;
  } | null;
  readonly alerts: {
    readonly open: number;
    readonly worstSeverity: FlagSeverity | null;
    /** When the oldest open alert of the worst severity was raised (the order's tie-break). */
    readonly oldestWorstAt: Date | null;
    /** The newest open alerts, newest first (at most `NEWEST_ALERTS_SHOWN`). */
    readonly newest: readonly CaseloadAlert[];
  };
  /** Only for an active programme. */
  readonly adherence: {
    readonly last7Days: AdherenceWindow;
    readonly last14Days: AdherenceWindow;
  } | null;
  readonly scores: readonly ScoreChange[];
  readonly lastAssessedAt: Date | null;
  /** From the active programme's questionnaire schedule. */
  readonly reassessmentDue: ReassessmentDue | null;
  /** The day of the patient's newest session log (any programme). */
  readonly lastLogOn: string | null;
}

/** What `loadCaseload` keeps between requests (see `row-cache.ts`); one set per server. */
export interface CaseloadCaches {
  readonly programmes: RowCache<ProgrammeSummary>;
  readonly assessments: RowCache<AssessedScores['scores']>;
}

export function createCaseloadCaches(): CaseloadCaches {
  return { programmes: createRowCache(), assessments: createRowCache() };
}

export interface LoadCaseloadOptions {
  readonly caches?: CaseloadCaches;
  /**
   * Called with the patients about to be shown as soon as they are known, and run alongside
   * the remaining queries (the route writes its audit entries here); awaited before returning.
   */
  readonly onPatients?: (patientIds: readonly string[]) => Promise<void>;
}

/**
 * The caseload in dashboard order (`compareCaseload`): patients with an active episode, and
 * new patients with no episode yet; patients whose every episode is discharged are off it.
 */
export async function loadCaseload(
  db: Database,
  query: CaseloadQuery,
  options: LoadCaseloadOptions = {},
): Promise<CaseloadEntry[]> {
  return (await loadCaseloadPage(db, query, options)).entries;
}

/**
 * The caseload in dashboard order, filtered and paged. Two steps, so a page of a large clinic
 * costs what the page costs: first what the order needs for every matching patient (open
 * alerts, programme summaries and last assessment, the last two cached between requests),
 * then adherence and the last log only for the patients on the page. `onPatients` hears only
 * those: the record of access names the patients shown.
 */
export async function loadCaseloadPage(
  db: Database,
  query: CaseloadQuery,
  options: LoadCaseloadOptions = {},
): Promise<CaseloadPage> {
  const rows = await readPatients(db, query);
  if (rows.length === 0) return { entries: [], total: 0, withAlerts: 0, reassessmentsDue: 0 };

  const patientIds = rows.map((row) => row.id);
  const episodeIds = rows.flatMap((row) => (row.episodeId === null ? [] : [row.episodeId]));
  const caches = options.caches ?? createCaseloadCaches();
  const [alerts, assessments, programmes] = await Promise.all([
    readOpenAlerts(db, patientIds),
    readAssessments(db, episodeIds, caches.assessments),
    readProgrammeSummaries(db, rows, caches.programmes),
  ]);

  const ordered = rows
    .map((row) => {
      const alert = alerts.get(row.id) ?? noAlerts;
      const assessed = row.episodeId === null ? undefined : assessments.get(row.episodeId);
      const summary = row.programmeId === null ? null : (programmes.get(row.programmeId) ?? null);
      const isActive = row.programmeStatus === 'active' && summary !== null;
      const lastAssessedAt = assessed?.recent[0]?.assessedAt ?? null;
      const due = isActive
        ? reassessmentDue(
            summary,
            lastAssessedAt === null ? null : lastAssessedAt.toISOString().slice(0, 10),
            query.today,
          )
        : null;
      return { row, alert, assessed, summary, isActive, lastAssessedAt, due };
    })
    .filter(
      (item) =>
        (query.alertsOnly !== true || item.alert.open > 0) &&
        (query.reassessmentDueOnly !== true || item.due !== null),
    )
    .sort((a, b) =>
      compareCaseload(
        {
          id: a.row.id,
          displayName: a.row.displayName,
          worstAlert: worstAlertOf(a.alert),
          reassessmentDueOn: a.due?.dueOn ?? null,
        },
        {
          id: b.row.id,
          displayName: b.row.displayName,
          worstAlert: worstAlertOf(b.alert),
          reassessmentDueOn: b.due?.dueOn ?? null,
        },
      ),
    );
  const shown =
    query.page === undefined
      ? ordered
      : ordered.slice(query.page.offset, query.page.offset + query.page.limit);
  const counts = {
    total: ordered.length,
    withAlerts: ordered.filter((item) => item.alert.open > 0).length,
    reassessmentsDue: ordered.filter((item) => item.due !== null).length,
  };
  if (shown.length === 0) return { entries: [], ...counts };

  const shownIds = shown.map((item) => item.row.id);
  const windows = adherenceWindows(query.today);
  const active = shown.flatMap((item) =>
    item.isActive && item.row.programmeId !== null && item.summary !== null
      ? [{ programmeId: item.row.programmeId, summary: item.summary }]
      : [],
  );
  const [lastLogs, , adherence] = await Promise.all([
    readLastLogs(db, shownIds),
    options.onPatients?.(shownIds),
    readAdherence(db, active, windows),
  ]);

  const entries = shown.map(({ row, alert, assessed, summary, isActive, lastAssessedAt, due }) => {
    const logged = row.programmeId === null ? undefined : adherence.get(row.programmeId);
    return {
      patient: { id: row.id, displayName: row.displayName, clinicianId: row.clinicianId },
      // The episode's columns are set together with its id (one lateral row), so the casts hold.
      episode:
        row.episodeId === null
          ? null
          : {
              id: row.episodeId,
              region: row.region as Region,
              condition: row.condition as string,
              startedOn: row.startedOn as string,
            },
      programme:
        row.programmeId === null || summary === null
          ? null
          : {
              id: row.programmeId,
              status: row.programmeStatus as ProgrammeStatus,
              version: row.programmeVersion as number,
              startDate: summary.startDate,
              endDate: summary.endDate,
              ...programmeWeek(summary, query.today),
            },
      alerts: alert,
      adherence:
        isActive && summary !== null
          ? {
              last7Days: adherenceWindow(
                summary,
                windows.last7Days,
                logged?.last7Days ?? { done: 0, daysLogged: 0 },
              ),
              last14Days: adherenceWindow(
                summary,
                windows.last14Days,
                logged?.last14Days ?? { done: 0, daysLogged: 0 },
              ),
            }
          : null,
      scores:
        row.region === null
          ? []
          : scoreChanges(assessed?.baseline ?? null, assessed?.recent ?? [], row.region),
      lastAssessedAt,
      reassessmentDue: due,
      lastLogOn: lastLogs.get(row.id) ?? null,
    } satisfies CaseloadEntry;
  });
  return { entries, ...counts };
}

const noAlerts: CaseloadEntry['alerts'] = {
  open: 0,
  worstSeverity: null,
  oldestWorstAt: null,
  newest: [],
};

function worstAlertOf(alerts: CaseloadEntry['alerts']) {
  const { worstSeverity, oldestWorstAt } = alerts;
  return worstSeverity === null || oldestWorstAt === null
    ? null
    : { severity: worstSeverity, oldestAt: oldestWorstAt };
}

// ---------------------------------------------------------------- values from raw SQL

/**
 * A `timestamptz` as raw SQL returns it (`2026-11-02 09:30:00.123+00`; sessions run in UTC), or
 * as JSON writes it (`2026-11-02T09:30:00.123+00:00`).
 */
export function instantOf(value: string): Date {
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/u, '$1:00'));
}

function uuidArray(ids: readonly string[]): SQL {
  return sql`${sql.param([...ids])}::uuid[]`;
}

// ---------------------------------------------------------------- patients, episodes, programmes

interface PatientRow {
  readonly id: string;
  readonly displayName: string;
  readonly clinicianId: string;
  readonly episodeId: string | null;
  readonly region: Region | null;
  readonly condition: string | null;
  readonly startedOn: string | null;
  readonly programmeId: string | null;
  readonly programmeStatus: ProgrammeStatus | null;
  readonly programmeVersion: number | null;
  /** The current version's row: its id, and its `xmin` (which changes if the row is updated). */
  readonly versionId: string | null;
  readonly versionRow: string | null;
  readonly [column: string]: unknown;
}

async function readPatients(db: Database, query: CaseloadQuery): Promise<PatientRow[]> {
  const clinician =
    query.clinicianId === null ? sql`` : sql` and p.clinician_id = ${query.clinicianId}`;
  // LIKE's wildcards in the search are matched as themselves.
  const search =
    query.search === undefined || query.search === ''
      ? sql``
      : sql` and p.display_name ilike ${`%${query.search.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`}`;
  const scope = sql`p.clinic_id = ${query.clinicId}${clinician}${search}`;
  const result = await db.execute<PatientRow>(sql`
    select
      p.id, p.display_name as "displayName", p.clinician_id as "clinicianId",
      e.id as "episodeId", e.region, e.condition, e.started_on as "startedOn",
      g.id as "programmeId", g.status as "programmeStatus", g.current_version as "programmeVersion",
      g.version_id as "versionId", g.version_row as "versionRow"
    from patients p
    -- The newest active episode, else a discharged one (the patient is then off the caseload);
    -- none at all: a new patient. One index range per patient, never a scan of all episodes.
    left join lateral (
      select id, region, condition, started_on, status from episodes
      where patient_id = p.id
      order by status = ${'active' satisfies EpisodeStatus} desc, started_on desc, created_at desc
      limit 1
    ) e on true
    left join lateral (
      select pr.id, pr.status, pr.current_version, v.id as version_id, v.xmin::text as version_row
      from programmes pr
      join programme_versions v on v.programme_id = pr.id and v.version = pr.current_version
      where pr.episode_id = e.id and pr.status <> ${'archived' satisfies ProgrammeStatus}
      order by pr.status = ${'active' satisfies ProgrammeStatus} desc, pr.created_at desc
      limit 1
    ) g on true
    where ${scope} and (e.id is null or e.status = ${'active' satisfies EpisodeStatus})
  `);
  return result.rows;
}

// ---------------------------------------------------------------- programme summaries

interface VersionRow {
  readonly id: string;
  readonly row: string;
  readonly content: Programme;
  readonly [column: string]: unknown;
}

/** Each listed programme's summary by programme id: from the cache, the rest in one query. */
async function readProgrammeSummaries(
  db: Database,
  rows: readonly PatientRow[],
  cache: RowCache<ProgrammeSummary>,
): Promise<Map<string, ProgrammeSummary>> {
  const found = new Map<string, ProgrammeSummary>();
  const missing = new Map<string, string>();
  for (const row of rows) {
    if (row.programmeId === null || row.versionId === null || row.versionRow === null) continue;
    const cached = cache.get(row.versionId, row.versionRow);
    if (cached === undefined) missing.set(row.versionId, row.programmeId);
    else found.set(row.programmeId, cached);
  }
  if (missing.size === 0) return found;
  const result = await db.execute<VersionRow>(sql`
    select id, xmin::text as row, content from programme_versions
    where id = any(${uuidArray([...missing.keys()])})
  `);
  for (const version of result.rows) {
    const summary = summariseProgramme(version.content);
    cache.set(version.id, version.row, summary);
    const programmeId = missing.get(version.id);
    if (programmeId !== undefined) found.set(programmeId, summary);
  }
  return found;
}

// ---------------------------------------------------------------- last logs

interface LastLogRow {
  readonly patientId: string;
  readonly lastLogOn: string | null;
  readonly [column: string]: unknown;
}

/** Each patient's newest log day: one step down the `(patient_id, performed_on)` index each. */
async function readLastLogs(
  db: Database,
  patientIds: readonly string[],
): Promise<Map<string, string>> {
  const result = await db.execute<LastLogRow>(sql`
    select p.id as "patientId",
      (select l.performed_on from session_logs l
        where l.patient_id = p.id order by l.performed_on desc limit 1) as "lastLogOn"
    from unnest(${uuidArray(patientIds)}) p(id)
  `);
  const byPatient = new Map<string, string>();
  for (const row of result.rows) {
    if (row.lastLogOn !== null) byPatient.set(row.patientId, row.lastLogOn);
  }
  return byPatient;
}

// ---------------------------------------------------------------- alerts

interface AlertRow {
  readonly patientId: string;
  readonly severities: readonly {
    readonly severity: FlagSeverity;
    readonly count: number;
    readonly oldest: string;
  }[];
  readonly newest: readonly {
    readonly id: string;
    readonly type: string;
    readonly severity: FlagSeverity;
    readonly message: string;
    readonly createdAt: string;
  }[];
  readonly [column: string]: unknown;
}

/** Open alerts per patient: counts by severity and the newest few (the open-alerts index). */
async function readOpenAlerts(
  db: Database,
  patientIds: readonly string[],
): Promise<Map<string, CaseloadEntry['alerts']>> {
  const result = await db.execute<AlertRow>(sql`
    select p.id as "patientId", s.severities, n.newest
    from unnest(${uuidArray(patientIds)}) p(id)
    cross join lateral (
      select jsonb_agg(jsonb_build_object('severity', severity, 'count', count, 'oldest', oldest))
        as severities
      from (select severity, count(*) as count, min(created_at) as oldest from alerts
            where patient_id = p.id and state = 'open' group by severity) bySeverity
    ) s
    cross join lateral (
      select jsonb_agg(jsonb_build_object('id', id, 'type', type, 'severity', severity,
        'message', message, 'createdAt', created_at) order by created_at desc, id) as newest
      from (select id, type, severity, message, created_at from alerts
            where patient_id = p.id and state = 'open'
            order by created_at desc, id limit ${NEWEST_ALERTS_SHOWN}) latest
    ) n
    where s.severities is not null
  `);
  const byPatient = new Map<string, CaseloadEntry['alerts']>();
  for (const row of result.rows) {
    const worst = [...row.severities].sort(
      (a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity),
    )[0];
    byPatient.set(row.patientId, {
      open: row.severities.reduce((sum, entry) => sum + entry.count, 0),
      worstSeverity: worst?.severity ?? null,
      oldestWorstAt: worst === undefined ? null : instantOf(worst.oldest),
      newest: row.newest.map((alert) => ({ ...alert, createdAt: instantOf(alert.createdAt) })),
    });
  }
  return byPatient;
}

const severityOrder: readonly FlagSeverity[] = ['emergency', 'urgent', 'warning', 'info'];

// ---------------------------------------------------------------- adherence

interface AdherenceRow {
  readonly programmeId: string;
  readonly done7: number;
  readonly done14: number;
  readonly days7: number;
  readonly days14: number;
  readonly [column: string]: unknown;
}

type LoggedWindows = Record<'last7Days' | 'last14Days', { done: number; daysLogged: number }>;

/**
 * Bouts logged in the last 14 days for each active programme, from its logs in that range only
 * (the `(programme_id, performed_on)` index). A bout counts when logged as done or partly done
 * (the clinical core's `completionOf`: without `completed`, any set done), capped per exercise
 * and day at the most the programme prescribes a day (`boutCaps`), so extra bouts on one day do
 * not make up for missed days; exercises the programme does not prescribe are not counted.
 */
async function readAdherence(
  db: Database,
  programmes: readonly { readonly programmeId: string; readonly summary: ProgrammeSummary }[],
  windows: ReturnType<typeof adherenceWindows>,
): Promise<Map<string, LoggedWindows>> {
  if (programmes.length === 0) return new Map();
  // { programmeId: { exerciseId: most bouts a day } }: a lookup per row, no join to sort for.
  const caps = Object.fromEntries(
    programmes.map(({ programmeId, summary }) => [
      programmeId,
      Object.fromEntries(boutCaps(summary)),
    ]),
  );
  const result = await db.execute<AdherenceRow>(sql`
    with daily as (
      select l.programme_id, l.performed_on, l.exercise_id,
        count(*) filter (where coalesce(
          l.log->>'completed',
          case when (l.log->>'setsDone')::numeric > 0 then 'partly' else 'skipped' end
        ) <> 'skipped') as bouts
      from session_logs l
      where l.programme_id = any(${uuidArray(programmes.map((entry) => entry.programmeId))})
        and l.performed_on between ${windows.last14Days.from} and ${windows.last14Days.to}
      group by l.programme_id, l.performed_on, l.exercise_id
    ),
    capped as (
      select programme_id, performed_on,
        sum(least(bouts, coalesce((caps -> programme_id::text ->> exercise_id)::int, 0))) as bouts
      -- A subquery, so the parameter is parsed as JSON once, not once per row.
      from daily cross join (select ${JSON.stringify(caps)}::jsonb as caps) given
      group by programme_id, performed_on
    )
    select programme_id as "programmeId",
      coalesce(sum(bouts) filter (where performed_on >= ${windows.last7Days.from}), 0)::int
        as "done7",
      coalesce(sum(bouts), 0)::int as "done14",
      count(*) filter (where bouts > 0 and performed_on >= ${windows.last7Days.from})::int
        as "days7",
      count(*) filter (where bouts > 0)::int as "days14"
    from capped
    group by programme_id
  `);
  return new Map(
    result.rows.map((row) => [
      row.programmeId,
      {
        last7Days: { done: row.done7, daysLogged: row.days7 },
        last14Days: { done: row.done14, daysLogged: row.days14 },
      },
    ]),
  );
}

// ---------------------------------------------------------------- assessments

interface AssessmentRow {
  readonly episodeId: string;
  readonly id: string;
  readonly row: string;
  readonly isBaseline: boolean;
  readonly assessedAt: string;
  readonly [column: string]: unknown;
}

interface ScoresRow {
  readonly id: string;
  readonly row: string;
  readonly scores: AssessedScores['scores'];
  readonly [column: string]: unknown;
}

interface EpisodeAssessments {
  baseline: AssessedScores | null;
  recent: AssessedScores[];
}

/**
 * Per episode: its first baseline assessment and its newest few (the episode-date index), with
 * each one's scores from the cache, the rest read in one more query.
 */
async function readAssessments(
  db: Database,
  episodeIds: readonly string[],
  cache: RowCache<AssessedScores['scores']>,
): Promise<Map<string, EpisodeAssessments>> {
  const byEpisode = new Map<string, EpisodeAssessments>();
  if (episodeIds.length === 0) return byEpisode;
  const result = await db.execute<AssessmentRow>(sql`
    select e.id as "episodeId", x.id, x.xmin::text as row, x.is_baseline as "isBaseline",
      x.assessed_at as "assessedAt"
    from unnest(${uuidArray(episodeIds)}) e(id)
    cross join lateral (
      (select a.id, a.xmin, true as is_baseline, a.assessed_at
        from assessments a where a.episode_id = e.id and a.kind = 'baseline'
        order by a.assessed_at asc limit 1)
      union all
      (select a.id, a.xmin, false, a.assessed_at
        from assessments a where a.episode_id = e.id
        order by a.assessed_at desc limit ${RECENT_ASSESSMENTS_READ})
    ) x
  `);
  const scores = await readScores(db, result.rows, cache);
  for (const row of result.rows) {
    const entry = byEpisode.get(row.episodeId) ?? { baseline: null, recent: [] };
    const assessed = { assessedAt: instantOf(row.assessedAt), scores: scores.get(row.id) ?? [] };
    if (row.isBaseline) entry.baseline = assessed;
    else entry.recent.push(assessed);
    byEpisode.set(row.episodeId, entry);
  }
  for (const entry of byEpisode.values()) {
    entry.recent.sort((a, b) => b.assessedAt.getTime() - a.assessedAt.getTime());
  }
  return byEpisode;
}

/** Each instrument's score in the assessments' questionnaires, without the rest of them. */
async function readScores(
  db: Database,
  rows: readonly AssessmentRow[],
  cache: RowCache<AssessedScores['scores']>,
): Promise<Map<string, AssessedScores['scores']>> {
  const found = new Map<string, AssessedScores['scores']>();
  const missing = new Set<string>();
  for (const row of rows) {
    const cached = cache.get(row.id, row.row);
    if (cached === undefined) missing.add(row.id);
    else found.set(row.id, cached);
  }
  if (missing.size === 0) return found;
  const result = await db.execute<ScoresRow>(sql`
    select a.id, a.xmin::text as row, coalesce((
      select jsonb_agg(jsonb_build_object(
        'instrument', q->'instrument', 'score', q->'score'->'score'))
      from jsonb_array_elements(a.questionnaires) q), '[]'::jsonb) as scores
    from assessments a
    where a.id = any(${uuidArray([...missing])})
  `);
  for (const row of result.rows) {
    cache.set(row.id, row.row, row.scores);
    found.set(row.id, row.scores);
  }
  return found;
}
