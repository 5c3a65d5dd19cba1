/**
 * What the caseload dashboard says about each patient, as pure functions of data the queries in
 * `caseload.ts` read: the programme week, adherence, reassessments due, scores against baseline,
 * and the order patients are listed in. No database, no clock: `today` is given.
 */
import {
  addDays,
  change,
  isInstrumentId,
  type FlagSeverity,
  type InstrumentId,
  type Programme,
  type Region,
} from '@spinewise/clinical';

// ---------------------------------------------------------------- the programme, compacted

/** One exercise as the week prescribes it: bouts a day, days a week. */
export interface PrescribedBouts {
  readonly id: string;
  readonly perDay: number;
  readonly daysPerWeek: number;
}

/**
 * The parts of a programme (the clinical core's `Programme`) the dashboard reads: a few hundred
 * bytes instead of the ~20 kB stored document, so it can be kept in memory between requests.
 */
export interface ProgrammeSummary {
  readonly startDate: string;
  readonly endDate: string;
  readonly weeks: readonly {
    readonly week: number;
    readonly startDate: string;
    readonly endDate: string;
    readonly exercises: readonly PrescribedBouts[];
  }[];
  /** The questionnaire schedule: week 0 (baseline), mid-point and end by default. */
  readonly reassessments: readonly { readonly week: number; readonly date: string }[];
}

export function summariseProgramme(programme: Programme): ProgrammeSummary {
  return {
    startDate: programme.startDate,
    endDate: programme.endDate,
    weeks: programme.weeks.map((week) => ({
      week: week.week,
      startDate: week.startDate,
      endDate: week.endDate,
      exercises: week.sessions.flatMap((session) =>
        session.exercises.map((exercise) => ({
          id: exercise.id,
          perDay: exercise.perDay,
          daysPerWeek: exercise.daysPerWeek,
        })),
      ),
    })),
    reassessments: programme.reassessments.map(({ week, date }) => ({ week, date })),
  };
}

/** Week n of N: `week` is `null` before the programme starts; after its end it stays at N. */
export function programmeWeek(
  programme: ProgrammeSummary,
  today: string,
): { readonly week: number | null; readonly weeks: number } {
  const weeks = programme.weeks.length;
  if (today < programme.startDate) return { week: null, weeks };
  const current = programme.weeks.find((week) => week.startDate <= today && today <= week.endDate);
  return { week: current?.week ?? weeks, weeks };
}

// ---------------------------------------------------------------- adherence

const DAY_MS = 86_400_000;

/** The most bouts of each exercise a day counts towards adherence: its largest `perDay`. */
export function boutCaps(programme: ProgrammeSummary): Map<string, number> {
  const caps = new Map<string, number>();
  for (const week of programme.weeks) {
    for (const exercise of week.exercises) {
      caps.set(exercise.id, Math.max(caps.get(exercise.id) ?? 0, exercise.perDay));
    }
  }
  return caps;
}

/**
 * Bouts the programme prescribes from `from` to `to` (inclusive): each day of the programme in
 * the window adds its week's bouts a week ÷ 7 (`perDay` × `daysPerWeek` summed over the
 * exercises), since the programme says how many days a week, not which days.
 */
export function prescribedBouts(programme: ProgrammeSummary, from: string, to: string): number {
  let total = 0;
  for (const week of programme.weeks) {
    const start = week.startDate > from ? week.startDate : from;
    const end = week.endDate < to ? week.endDate : to;
    if (start > end) continue;
    // Stored programme dates are valid `YYYY-MM-DD`: UTC midnights a whole number of days apart.
    const days = (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;
    const perWeek = week.exercises.reduce(
      (sum, exercise) => sum + exercise.perDay * exercise.daysPerWeek,
      0,
    );
    total += (perWeek * days) / 7;
  }
  return total;
}

/** Logged bouts in a window, as the adherence query counts them. */
export interface LoggedBouts {
  /** Bouts logged as done or partly done, capped per exercise and day (`boutCaps`). */
  readonly done: number;
  /** Days with at least one such bout. */
  readonly daysLogged: number;
}

export interface AdherenceWindow {
  /** First and last day counted: whole days before today (today is not over yet). */
  readonly from: string;
  readonly to: string;
  readonly done: number;
  /** Rounded to a whole bout. */
  readonly prescribed: number;
  /** done ÷ prescribed, as a whole percent; `null` when nothing was prescribed. */
  readonly percent: number | null;
  readonly daysLogged: number;
}

/** The adherence windows: the last 7 and the last 14 whole days before today. */
export function adherenceWindows(today: string) {
  const to = addDays(today, -1);
  return {
    last7Days: { from: addDays(today, -7), to },
    last14Days: { from: addDays(today, -14), to },
  };
}

export function adherenceWindow(
  programme: ProgrammeSummary,
  window: { readonly from: string; readonly to: string },
  logged: LoggedBouts,
): AdherenceWindow {
  const prescribed = prescribedBouts(programme, window.from, window.to);
  return {
    from: window.from,
    to: window.to,
    done: logged.done,
    prescribed: Math.round(prescribed),
    percent: prescribed === 0 ? null : Math.round((logged.done / prescribed) * 100),
    daysLogged: logged.daysLogged,
  };
}

// ---------------------------------------------------------------- reassessment

export interface ReassessmentDue {
  /** The scheduled programme week (0 is the baseline). */
  readonly week: number;
  /** The scheduled date: due from then on. */
  readonly dueOn: string;
}

/**
 * The reassessment due now, or `null`: the latest scheduled week whose date has come, when no
 * assessment of the episode was recorded since that week began (a reassessment done a few days
 * early still counts). Week 0 is the baseline: any assessment of the episode answers it.
 *
 * @param lastAssessedOn the day of the episode's most recent assessment, or `null` for none
 */
export function reassessmentDue(
  programme: ProgrammeSummary,
  lastAssessedOn: string | null,
  today: string,
): ReassessmentDue | null {
  const reached = programme.reassessments.filter((scheduled) => scheduled.date <= today);
  const latest = reached.reduce<(typeof reached)[number] | undefined>(
    (found, scheduled) => (found === undefined || scheduled.date > found.date ? scheduled : found),
    undefined,
  );
  if (latest === undefined) return null;
  const answeredFrom =
    latest.week === 0
      ? null
      : (programme.weeks.find((week) => week.week === latest.week)?.startDate ?? latest.date);
  const answered =
    lastAssessedOn !== null && (answeredFrom === null || lastAssessedOn >= answeredFrom);
  return answered ? null : { week: latest.week, dueOn: latest.date };
}

// ---------------------------------------------------------------- scores against baseline

/** One assessment's scores, as the assessments query reads them from `questionnaires`. */
export interface AssessedScores {
  readonly assessedAt: Date;
  readonly scores: readonly { readonly instrument: string; readonly score: number | null }[];
}

export interface ScoreChange {
  readonly instrument: InstrumentId;
  readonly baseline: { readonly score: number; readonly assessedAt: Date };
  readonly latest: { readonly score: number; readonly assessedAt: Date };
  /** `null` until a later assessment than the baseline has the instrument. */
  readonly change: {
    readonly absolute: number;
    readonly percent: number | null;
    readonly direction: 'improved' | 'worsened' | 'unchanged';
    /** `null` where the instrument has no published MCID. */
    readonly mcidMet: boolean | null;
    /** The MCID compared against, in words (`describeMcid`). */
    readonly mcid: string | null;
  } | null;
}

/**
 * Each instrument of the baseline with its latest score and the change between them, by the
 * clinical core's `change` (direction-aware, MCID by region). [S-MCID] Instruments without a
 * total score (the FABQ) or unknown to the core are left out.
 *
 * @param recent the episode's latest assessments, newest first
 */
export function scoreChanges(
  baseline: AssessedScores | null,
  recent: readonly AssessedScores[],
  region: Region,
): ScoreChange[] {
  if (baseline === null) return [];
  const changes: ScoreChange[] = [];
  for (const { instrument, score } of baseline.scores) {
    if (score === null || !isInstrumentId(instrument)) continue;
    if (changes.some((known) => known.instrument === instrument)) continue;
    const later = recent.find(
      (assessment) =>
        assessment.assessedAt > baseline.assessedAt &&
        assessment.scores.some((entry) => entry.instrument === instrument && entry.score !== null),
    );
    const latestScore = later?.scores.find((entry) => entry.instrument === instrument)?.score;
    const from = { score, assessedAt: baseline.assessedAt };
    if (later === undefined || latestScore === undefined || latestScore === null) {
      changes.push({ instrument, baseline: from, latest: from, change: null });
      continue;
    }
    const result = change(instrument, score, latestScore, { region });
    changes.push({
      instrument,
      baseline: from,
      latest: { score: latestScore, assessedAt: later.assessedAt },
      change: {
        absolute: result.absolute,
        percent: result.percent,
        direction: result.direction,
        mcidMet: result.mcidMet,
        mcid: result.mcid?.description ?? null,
      },
    });
  }
  return changes;
}

// ---------------------------------------------------------------- order

/** Most severe first, as the alert severity enum is declared. */
export const severityRank: Readonly<Record<FlagSeverity, number>> = {
  emergency: 0,
  urgent: 1,
  warning: 2,
  info: 3,
};

/** What the dashboard orders patients by. */
export interface CaseloadOrderKey {
  readonly id: string;
  readonly displayName: string;
  /** The most severe open alert, with when the oldest open alert of that severity was raised. */
  readonly worstAlert: { readonly severity: FlagSeverity; readonly oldestAt: Date } | null;
  readonly reassessmentDueOn: string | null;
}

const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Patients with open alerts first (emergency, urgent, warning, info; at one severity, the one
 * waiting longest first), then those with a reassessment due (longest due first), then by name.
 */
export function compareCaseload(a: CaseloadOrderKey, b: CaseloadOrderKey): number {
  if (a.worstAlert !== null || b.worstAlert !== null) {
    if (a.worstAlert === null) return 1;
    if (b.worstAlert === null) return -1;
    const bySeverity = severityRank[a.worstAlert.severity] - severityRank[b.worstAlert.severity];
    if (bySeverity !== 0) return bySeverity;
    const byAge = a.worstAlert.oldestAt.getTime() - b.worstAlert.oldestAt.getTime();
    if (byAge !== 0) return byAge;
  } else if (a.reassessmentDueOn !== null || b.reassessmentDueOn !== null) {
    if (a.reassessmentDueOn === null) return 1;
    if (b.reassessmentDueOn === null) return -1;
    if (a.reassessmentDueOn !== b.reassessmentDueOn) {
      return a.reassessmentDueOn < b.reassessmentDueOn ? -1 : 1;
    }
  }
  return (
    nameOrder.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
