/**
 * Progression decisions from session logs (REFERENCE §5, pain-monitoring model [S-PMM]): for
 * each exercise of the current week, stop and screen, regress, hold or progress, with the rule,
 * the logs that drove it and a proposed change for the clinician to sign off. Pure: the
 * programme, the logs and `today` come in; nothing is read from a clock or a store.
 */
import { parseProgramme } from '../programmes/parse-programme.js';
import { stepDown, stepUp } from '../exercises/dosing.js';
import type { Dose, DoseVariable, Exercise } from '../exercises/exercise.js';
import { exerciseLibrary } from '../exercises/library/index.js';
import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import { doseOf } from '../programmes/programme.js';
import type { PrescribedExercise, Programme, ProgrammeWeek } from '../programmes/programme.js';
import { dayNumber, isoDate } from '../dates.js';
import { parseHistory } from './history.js';
import type { ChainChange } from './history.js';
import { completionOf, difficultyOf, parseLogs } from './log.js';
import type { Completion, SessionLog } from './log.js';
import { logSymptomRules, redFlagSymptoms } from './red-flag-symptoms.js';
import { resolveThresholds } from './thresholds.js';
import type { Thresholds } from './thresholds.js';

export type DecisionKind = 'progress' | 'hold' | 'regress' | 'stopAndScreen';

export type ProposedChange =
  | {
      readonly kind: 'dose';
      readonly variable: DoseVariable;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'level';
      readonly fromExercise: string;
      readonly toExercise: string;
      readonly fromLevel: number;
      readonly toLevel: number;
    };

export interface ProgressionDecision {
  readonly exerciseId: string;
  readonly name: string;
  readonly decision: DecisionKind;
  readonly reason: string;
  /** The rule that decided, e.g. `regress.painDuring`, `hold.insufficientLogs`. */
  readonly rule: string;
  readonly sources: readonly string[];
  /** Indexes into the logs given that drove the decision. */
  readonly logs: readonly number[];
  readonly current: { readonly exerciseId: string; readonly level: number; readonly dose: Dose };
  /** `null` for hold and stop-and-screen, and when nothing in the chain can change. */
  readonly proposed: {
    readonly exerciseId: string;
    readonly level: number;
    readonly dose: Dose;
    readonly change: ProposedChange;
  } | null;
  /** Every suggestion is a default for clinician sign-off (REFERENCE §5). */
  readonly requiresClinician: boolean;
}

export interface WeekAdherence {
  readonly week: number;
  readonly startDate: string;
  readonly endDate: string;
  /** Planned bouts: Σ daysPerWeek × perDay; pro rata to the days elapsed in the current week. */
  readonly planned: number;
  /** Logs completed `done` and `partly` in the week (up to today). */
  readonly done: number;
  readonly partly: number;
  /**
   * (done + partly × `partlyCounts`) / planned, with each exercise's credit capped at its own
   * plan (extra bouts of one exercise do not make up for another); `null` when nothing is planned.
   */
  readonly rate: number | null;
}

export type FlagType = 'redFlagSymptom' | 'painFlare' | 'nonAdherence' | 'peripheralisation';
export type FlagSeverity = 'emergency' | 'urgent' | 'warning' | 'info';

export interface ProgressionFlag {
  readonly type: FlagType;
  readonly severity: FlagSeverity;
  readonly message: string;
  readonly logs: readonly number[];
  /** What the patient should do, in plain words (always present for an emergency). */
  readonly advice?: string;
  readonly sources: readonly string[];
}

export interface ProgressionResult {
  readonly today: string;
  /** The programme week containing today; `null` after the programme's end (decisions then use the last week). */
  readonly week: number | null;
  readonly status: 'continue' | 'halted';
  readonly decisions: readonly ProgressionDecision[];
  readonly adherence: readonly WeekAdherence[];
  readonly flags: readonly ProgressionFlag[];
  readonly thresholds: Thresholds;
}

export type ExerciseLookup = (id: string) => Exercise | undefined;

export interface DecideOptions {
  /** Finds an exercise by id; the exercise library by default. */
  readonly exercises?: ExerciseLookup;
  /** Overrides of the default thresholds, validated. */
  readonly thresholds?: Partial<Thresholds>;
  /** Changes already applied (dates, exercise, level or dose). */
  /** Applied changes (`AppliedChange[]`), validated here: it may come from a file or a request. */
  readonly history?: unknown;
}

const optionKeys = ['exercises', 'thresholds', 'history'];

const libraryById: ReadonlyMap<string, Exercise> = new Map(
  exerciseLibrary.map((exercise) => [exercise.id, exercise]),
);

/** The default lookup: the built-in exercise library. */
export const libraryLookup: ExerciseLookup = (id) => libraryById.get(id);

/** Tolerance for comparing means of whole-number ratings. */
const epsilon = 1e-9;

interface Week {
  readonly index: number;
  readonly week: number;
  readonly start: number;
  readonly end: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly sessions: ProgrammeWeek['sessions'];
  /** Every exercise prescribed in the week's sessions. */
  readonly prescriptions: readonly PrescribedExercise[];
}

interface Entry {
  readonly index: number;
  readonly log: SessionLog;
  readonly day: number;
  readonly completion: Completion;
}

interface Trigger {
  readonly rule: string;
  readonly text: string;
  readonly logs: readonly number[];
  readonly sources: readonly string[];
}

type Proposed = ProgressionDecision['proposed'];

function indexes(entries: readonly Entry[]): number[] {
  return [...new Set(entries.map((entry) => entry.index))].sort((a, b) => a - b);
}

function datesOf(entries: readonly Entry[]): string {
  return [...new Set(entries.map((entry) => entry.log.date))].sort().join(', ');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}

type Rating = 'painDuring' | 'painAfter' | 'nextMorningStiffness';

/** The entries that give a rating, with it. */
function rated(entries: readonly Entry[], field: Rating): { entry: Entry; value: number }[] {
  return entries.flatMap((entry) => {
    const value = entry.log[field];
    return value === undefined ? [] : [{ entry, value }];
  });
}

/** The entries rating a field above a limit, and the worst rating among them. */
function above(
  entries: readonly Entry[],
  field: Rating,
  limit: number,
): { entries: Entry[]; worst: number } {
  const over = rated(entries, field).filter((item) => item.value > limit);
  return {
    entries: over.map((item) => item.entry),
    worst: Math.max(...over.map((item) => item.value)),
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Everything the rules need about the programme, the logs and the options, validated. */
class Context {
  readonly weeks: Week[];
  readonly today: number;
  readonly current: Week;
  readonly thresholds: Thresholds;
  readonly lookup: ExerciseLookup;
  readonly entries: Entry[];
  readonly changes: ChainChange[];
  readonly windowStart: number;

  constructor(programme: Programme, logsInput: unknown, todayInput: string, options: unknown) {
    if (!isPlainObject(options)) {
      throw new ClinicalInputError(['options'], `must be an object, not ${describeValue(options)}`);
    }
    for (const key of Object.keys(options)) {
      if (!optionKeys.includes(key)) {
        throw new ClinicalInputError(
          ['options', key],
          `is not an option; options are ${optionKeys.join(', ')}`,
        );
      }
    }
    if (options.exercises !== undefined && typeof options.exercises !== 'function') {
      throw new ClinicalInputError(
        ['options', 'exercises'],
        `must be a function from exercise id to exercise, not ${describeValue(options.exercises)}`,
      );
    }
    this.lookup = (options.exercises as ExerciseLookup | undefined) ?? libraryLookup;
    this.thresholds = resolveThresholds(options.thresholds);

    if (programme.status === 'blocked') {
      throw new ClinicalInputError(
        ['programme', 'status'],
        'is "blocked": a blocked programme has no sessions to progress until a clinician records a decision',
      );
    }
    if (programme.weeks.length === 0) {
      throw new ClinicalInputError(['programme', 'weeks'], 'must have at least one week');
    }
    this.weeks = programme.weeks.map((week, index) => {
      const start = dayNumber(week.startDate);
      const end = dayNumber(week.endDate);
      if (start === null) {
        throw new ClinicalInputError(
          ['programme', 'weeks', index, 'startDate'],
          `must be a real date written YYYY-MM-DD, not ${describeValue(week.startDate)}`,
        );
      }
      if (end === null || end < start) {
        throw new ClinicalInputError(
          ['programme', 'weeks', index, 'endDate'],
          `must be a real date written YYYY-MM-DD on or after the week's start, not ${describeValue(week.endDate)}`,
        );
      }
      return {
        index,
        week: week.week,
        start,
        end,
        startDate: week.startDate,
        endDate: week.endDate,
        sessions: week.sessions,
        prescriptions: week.sessions.flatMap((session) => session.exercises),
      };
    });
    const first = this.weeks[0] as Week;

    const today = dayNumber(todayInput);
    if (today === null) {
      throw new ClinicalInputError(
        ['today'],
        `must be a real date written YYYY-MM-DD, not ${describeValue(todayInput)}`,
      );
    }
    if (today < first.start) {
      throw new ClinicalInputError(
        ['today'],
        `is before the programme starts (${first.startDate}): there is nothing to decide yet`,
      );
    }
    this.today = today;
    // After the end, the last week's prescription carries on until a clinician renews it.
    this.current = this.weekOf(today);
    this.windowStart = today - this.thresholds.windowDays + 1;

    const programmeIds = new Set<string>();
    for (const week of programme.weeks) {
      for (const session of week.sessions) {
        for (const exercise of session.exercises) programmeIds.add(exercise.id);
      }
    }
    const logs = parseLogs(logsInput, { exerciseIds: programmeIds });
    this.entries = [];
    logs.forEach((log, index) => {
      const day = dayNumber(log.date) as number;
      if (day < first.start) {
        throw new ClinicalInputError(
          ['logs', index, 'date'],
          `is before the programme starts (${first.startDate})`,
        );
      }
      // Logs after today are left out, so a decision can be replayed for an earlier day.
      if (day > today) return;
      const plannedSets = this.prescriptionOn(log.exerciseId, day).sets;
      this.entries.push({ index, log, day, completion: completionOf(log, plannedSets) });
    });
    // Oldest first; logs of the same day keep the order given.
    this.entries.sort((a, b) => a.day - b.day || a.index - b.index);
    this.changes = parseHistory(options.history, this.lookup).filter(
      (change) => change.day <= today,
    );
  }

  /**
   * The week a day on or after the programme's start belongs to: the last week starting on or
   * before it (so days after the end belong to the last week).
   */
  weekOf(day: number): Week {
    // Callers only ask about days from the first week's start on: one week always matches.
    return this.weeks.findLast((week) => week.start <= day) as Week;
  }

  /** Planned bouts a week of an exercise: Σ over the week's sessions of daysPerWeek × perDay. */
  boutsPerWeek(week: Week, exerciseId: string): number {
    return week.prescriptions
      .filter((exercise) => exercise.id === exerciseId)
      .reduce((sum, exercise) => sum + exercise.daysPerWeek * exercise.perDay, 0);
  }

  /**
   * How an exercise was prescribed on a day: in that day's week, else the nearest earlier week
   * that has it, else the nearest later one (a log of an exercise since dropped or not yet due).
   */
  prescriptionOn(exerciseId: string, day: number): PrescribedExercise {
    const at = this.weekOf(day).index;
    const order = [...this.weeks.slice(0, at + 1).reverse(), ...this.weeks.slice(at + 1)];
    // parseLogs has checked that the id is in the programme: one week always has it.
    return order
      .flatMap((week) => week.prescriptions)
      .find((exercise) => exercise.id === exerciseId) as PrescribedExercise;
  }

  /** Planned bouts of an exercise from `from` to `to` (days), day by day, pro rata a week. */
  plannedBetween(exerciseId: string, from: number, to: number): number {
    let bouts = 0;
    for (let day = Math.max(from, (this.weeks[0] as Week).start); day <= to; day++) {
      bouts += this.boutsPerWeek(this.weekOf(day), exerciseId);
    }
    return bouts / 7;
  }

  credit(entries: readonly Entry[]): number {
    return entries.reduce(
      (sum, entry) =>
        sum +
        (entry.completion === 'done'
          ? 1
          : entry.completion === 'partly'
            ? this.thresholds.partlyCounts
            : 0),
      0,
    );
  }

  between(from: number, to: number, exerciseId?: string): Entry[] {
    return this.entries.filter(
      (entry) =>
        entry.day >= from &&
        entry.day <= to &&
        (exerciseId === undefined || entry.log.exerciseId === exerciseId),
    );
  }

  /** Adherence over some exercises between two days: credit capped per exercise / planned. */
  adherence(
    exerciseIds: readonly string[],
    from: number,
    to: number,
  ): { planned: number; rate: number | null } {
    let planned = 0;
    let credited = 0;
    for (const id of exerciseIds) {
      // Today is still going on: its sessions count as planned only once one is logged.
      const loggedToday = this.between(this.today, this.today, id).length > 0;
      const planTo = to === this.today && !loggedToday ? to - 1 : to;
      const plan = this.plannedBetween(id, from, planTo);
      planned += plan;
      credited += Math.min(plan, this.credit(this.between(from, to, id)));
    }
    return { planned, rate: planned > 0 ? credited / planned : null };
  }
}

/** The exercises of a week, once each, in session order. */
function exercisesOf(week: Week): { prescribed: PrescribedExercise; path: (string | number)[] }[] {
  const seen = new Set<string>();
  const out: { prescribed: PrescribedExercise; path: (string | number)[] }[] = [];
  week.sessions.forEach((session, sessionIndex) => {
    session.exercises.forEach((prescribed, exerciseIndex) => {
      if (seen.has(prescribed.id)) return;
      seen.add(prescribed.id);
      out.push({
        prescribed,
        path: [
          'programme',
          'weeks',
          week.index,
          'sessions',
          sessionIndex,
          'exercises',
          exerciseIndex,
          'id',
        ],
      });
    });
  });
  return out;
}

function linked(context: Context, from: Exercise, id: string, relation: string): Exercise {
  const exercise = context.lookup(id);
  if (exercise === undefined) {
    throw new ClinicalInputError(
      ['options', 'exercises'],
      `has no exercise "${id}", the ${relation} of "${from.id}"`,
    );
  }
  return exercise;
}

function doseText(variable: DoseVariable, from: number, to: number): string {
  const names: Record<DoseVariable, string> = {
    reps: 'repetitions',
    sets: 'sets',
    holdSeconds: 'hold (seconds)',
    minutes: 'minutes',
  };
  return `${names[variable]} ${from} → ${to}`;
}

interface Proposal {
  readonly proposed: Proposed;
  readonly text: string;
}

/** [S-ACSM] [S-MCGILL] one variable one step down; at its minimum, the chain's level below. */
function regression(context: Context, exercise: Exercise, dose: Dose): Proposal {
  const step = stepDown(exercise, dose);
  if (step !== null) {
    const { variable, from, to } = step.step;
    return {
      proposed: {
        exerciseId: exercise.id,
        level: exercise.level,
        dose: step.dose,
        change: { kind: 'dose', ...step.step },
      },
      text: `Suggested: ${doseText(variable, from, to)}.`,
    };
  }
  if (exercise.regression === null) {
    return {
      proposed: null,
      text:
        'The dose is already at its minimum and there is no easier level in its chain: the ' +
        'clinician should choose an alternative exercise.',
    };
  }
  const easier = linked(context, exercise, exercise.regression, 'regression');
  return {
    proposed: {
      exerciseId: easier.id,
      level: easier.level,
      dose: easier.dosage.default,
      change: {
        kind: 'level',
        fromExercise: exercise.id,
        toExercise: easier.id,
        fromLevel: exercise.level,
        toLevel: easier.level,
      },
    },
    text: `The dose is at its minimum. Suggested: the level below, ${easier.name} (level ${easier.level}), at its default dose.`,
  };
}

interface ExerciseEvaluation {
  readonly decision: ProgressionDecision;
  readonly flags: ProgressionFlag[];
}

function evaluate(
  context: Context,
  prescribed: PrescribedExercise,
  exercise: Exercise,
  halt: Trigger | null,
): ExerciseEvaluation {
  const t = context.thresholds;
  const { today, windowStart } = context;
  const dose = doseOf(prescribed);
  const current = { exerciseId: exercise.id, level: exercise.level, dose };

  // A new dose or level is judged on its own logs: evidence starts the day after the last
  // change applied in the chain (a change on the same day as a session cannot be ordered).
  const chainChanges = context.changes.filter((change) => change.chain === exercise.chain);
  const lastChange = Math.max(-Infinity, ...chainChanges.map((change) => change.day));
  const evidenceStart = Math.max(windowStart, lastChange + 1);
  const own = context.between(evidenceStart, today, exercise.id);
  const previous = context.between(windowStart - t.windowDays, windowStart - 1, exercise.id);
  const sessions = own.filter((entry) => entry.completion !== 'skipped');

  // Regress triggers, REFERENCE §5, in the order they are reported.
  const triggers: Trigger[] = [];
  // [S-MDT] peripheralisation → regress.
  const spreading = own.filter((entry) => entry.log.symptoms?.includes('peripheralisation'));
  if (spreading.length > 0) {
    triggers.push({
      rule: 'regress.peripheralisation',
      text: `Symptoms spread further into the limb (peripheralisation) on ${datesOf(spreading)}.`,
      logs: indexes(spreading),
      sources: logSymptomRules.peripheralisation.sources,
    });
  }
  // [S-PMM] pain during > 5 is too much.
  const { entries: painDuring, worst: worstDuring } = above(own, 'painDuring', t.acceptablePainMax);
  if (painDuring.length > 0) {
    triggers.push({
      rule: 'regress.painDuring',
      text: `Pain during reached ${worstDuring}/10 (above ${t.acceptablePainMax} is too much) on ${datesOf(painDuring)}.`,
      logs: indexes(painDuring),
      sources: ['S-PMM'],
    });
  }
  // [S-PMM] pain after "may reach 5": above it is too much, as during.
  const { entries: painAfter, worst: worstAfter } = above(own, 'painAfter', t.acceptablePainMax);
  if (painAfter.length > 0) {
    triggers.push({
      rule: 'regress.painAfter',
      text: `Pain after reached ${worstAfter}/10 (above ${t.acceptablePainMax} is too much) on ${datesOf(painAfter)}.`,
      logs: indexes(painAfter),
      sources: ['S-PMM'],
    });
  }
  // [S-PMM] pain must settle by the next morning: next-morning pain above the pain before.
  const notSettled = own.filter(
    ({ log }) =>
      log.nextMorningPain !== undefined &&
      log.painBefore !== undefined &&
      log.nextMorningPain > log.painBefore,
  );
  if (notSettled.length > 0) {
    triggers.push({
      rule: 'regress.notSettled',
      text: `Pain had not settled by the next morning (above the pain before the session) after ${datesOf(notSettled)}.`,
      logs: indexes(notSettled),
      sources: ['S-PMM'],
    });
  }
  // [S-PMM] pain and stiffness must not rise week on week (size of a rise: a default).
  const rising = (
    field: 'painDuring' | 'nextMorningStiffness',
    riseMin: number,
    rule: string,
    label: string,
  ) => {
    const now = rated(own, field);
    const before = rated(previous, field);
    if (now.length < t.minLogsForTrend || before.length < t.minLogsForTrend) return;
    const meanNow = mean(now.map((item) => item.value));
    const meanBefore = mean(before.map((item) => item.value));
    if (meanNow - meanBefore < riseMin - epsilon) return;
    triggers.push({
      rule,
      text:
        `Mean ${label} rose week on week from ${meanBefore.toFixed(1)} to ${meanNow.toFixed(1)} ` +
        `(a rise of ${riseMin} or more).`,
      logs: indexes([...before, ...now].map((item) => item.entry)),
      sources: ['S-PMM'],
    });
  };
  rising('painDuring', t.painRiseMin, 'regress.painRising', 'pain during');
  rising(
    'nextMorningStiffness',
    t.stiffnessRiseMin,
    'regress.stiffnessRising',
    'next-morning stiffness',
  );

  const flags: ProgressionFlag[] = [];
  if (spreading.length > 0) {
    flags.push({
      type: 'peripheralisation',
      severity: logSymptomRules.peripheralisation.severity,
      message: `${prescribed.name}: symptoms spread further into the limb on ${datesOf(spreading)}. Regress and review the direction of exercise.`,
      logs: indexes(spreading),
      advice: logSymptomRules.peripheralisation.advice,
      sources: logSymptomRules.peripheralisation.sources,
    });
  }
  const flare = triggers.filter((trigger) =>
    ['regress.painDuring', 'regress.painAfter', 'regress.notSettled'].includes(trigger.rule),
  );
  if (flare.length > 0) {
    flags.push({
      type: 'painFlare',
      severity: 'warning',
      message: `${prescribed.name}: ${flare.map((trigger) => trigger.text).join(' ')}`,
      logs: [...new Set(flare.flatMap((trigger) => trigger.logs))].sort((a, b) => a - b),
      sources: ['S-PMM'],
    });
  }

  const decide = (
    decision: DecisionKind,
    rule: string,
    reason: string,
    logs: readonly number[],
    sources: readonly string[],
    proposed: Proposed = null,
  ): ExerciseEvaluation => ({
    decision: {
      exerciseId: prescribed.id,
      name: prescribed.name,
      decision,
      rule,
      reason,
      sources,
      logs,
      current,
      proposed,
      requiresClinician: true, // REFERENCE §5: every rule is a default for clinician sign-off.
    },
    flags,
  });

  // 1. [S-RF] [S-CES] stop and screen: any red-flag symptom halts every exercise.
  if (halt !== null) {
    return decide('stopAndScreen', halt.rule, halt.text, halt.logs, halt.sources);
  }

  // 2. Regress one step (or one level).
  const [first] = triggers;
  if (first !== undefined) {
    const proposal = regression(context, exercise, dose);
    return decide(
      'regress',
      first.rule,
      `${triggers.map((trigger) => trigger.text).join(' ')} ${proposal.text}`,
      [...new Set(triggers.flatMap((trigger) => trigger.logs))].sort((a, b) => a - b),
      unique([...triggers.flatMap((trigger) => trigger.sources), 'S-ACSM']),
      proposal.proposed,
    );
  }

  // 3. [S-PMM] hold: pain during in the acceptable zone above the progress limit (4–5 by
  // default; 3 progresses, as the progress rule allows ≤3), or the last session rated hard.
  const { entries: aboveProgress, worst } = above(own, 'painDuring', t.progressPainDuringMax);
  if (aboveProgress.length > 0) {
    return decide(
      'hold',
      'hold.painDuring',
      `Pain during reached ${worst}/10 on ${datesOf(aboveProgress)}: acceptable (${t.safePainMax + 1}–${t.acceptablePainMax}) but above ${t.progressPainDuringMax}, the most that allows progress. Keep the dose.`,
      indexes(aboveProgress),
      ['S-PMM'],
    );
  }
  const last = sessions.at(-1);
  if (last !== undefined && difficultyOf(last.log, t) === 'hard') {
    return decide(
      'hold',
      'hold.difficultyHard',
      `The last session (${last.log.date}) was rated hard. Keep the dose.`,
      [last.index],
      ['S-PMM'],
    );
  }

  // 4. Progress one step, when every criterion is met; otherwise 5. hold, saying which is not.
  if (sessions.length < t.minSessionsInWindow) {
    return decide(
      'hold',
      'hold.insufficientLogs',
      `${sessions.length} session(s) logged in the last ${t.windowDays} days${lastChange >= windowStart ? ' since the last change' : ''}; at least ${t.minSessionsInWindow} are needed to judge progress.`,
      indexes(own),
      ['S-PMM'],
    );
  }
  // [S-PMM] ≥80 % of planned sessions in the last 7 days (the whole window, whatever changed).
  const windowOwn = context.between(windowStart, today, exercise.id);
  const { planned, rate } = context.adherence([exercise.id], windowStart, today);
  if (rate === null || rate < t.adherenceForProgress - epsilon) {
    return decide(
      'hold',
      'hold.adherence',
      rate === null
        ? `Nothing of this exercise was planned in the last ${t.windowDays} days.`
        : `${percent(rate)} of the ${Number(planned.toFixed(2))} planned sessions were done in the last ${t.windowDays} days; progress needs ${percent(t.adherenceForProgress)}.`,
      indexes(windowOwn),
      ['S-PMM'],
    );
  }
  const recent = sessions.slice(-t.lastSessionsForDifficulty);
  const hard = recent.filter((entry) => difficultyOf(entry.log, t) === 'hard');
  if (hard.length > 0) {
    return decide(
      'hold',
      'hold.recentDifficultyHard',
      `A session among the last ${t.lastSessionsForDifficulty} was rated hard (${datesOf(hard)}); progress needs easy or moderate.`,
      indexes(hard),
      ['S-PMM'],
    );
  }
  const missing: string[] = [];
  if (!own.some((entry) => entry.log.painDuring !== undefined)) missing.push('pain during');
  const settledKnown = own.some(
    ({ log }) => log.nextMorningPain !== undefined && log.painBefore !== undefined,
  );
  if (!settledKnown) missing.push('pain before and next-morning pain (to see it settled)');
  if (recent.some((entry) => difficultyOf(entry.log, t) === undefined)) {
    missing.push(`difficulty or RPE on the last ${t.lastSessionsForDifficulty} sessions`);
  }
  if (missing.length > 0) {
    return decide(
      'hold',
      'hold.incompleteLogs',
      `Progress needs evidence the logs do not give: ${missing.join('; ')}.`,
      indexes(own),
      ['S-PMM'],
    );
  }

  const evidence = `${percent(rate)} of planned sessions done, pain during at most ${t.progressPainDuringMax}, settled by the next morning, the last ${recent.length} sessions easy or moderate.`;
  const progressSources = ['S-PMM', 'S-ACSM', 'S-MCGILL'];
  // [S-ACSM] [S-MCGILL] one variable, one step, in the exercise's progression order.
  const step = stepUp(exercise, dose);
  if (step !== null) {
    const { variable, from, to } = step.step;
    return decide(
      'progress',
      'progress.criteriaMet',
      `${evidence} Suggested: ${doseText(variable, from, to)}.`,
      indexes(own),
      progressSources,
      {
        exerciseId: exercise.id,
        level: exercise.level,
        dose: step.dose,
        change: { kind: 'dose', ...step.step },
      },
    );
  }
  if (exercise.progression === null) {
    return decide(
      'progress',
      'progress.criteriaMet',
      `${evidence} The dose is at its maximum and this is the top level of its chain: the clinician may add or swap an exercise.`,
      indexes(own),
      progressSources,
    );
  }
  const harder = linked(context, exercise, exercise.progression, 'progression');
  // At most one level a week per chain (a Spinewise default): a level change in the last
  // `levelChangeIntervalDays` holds the next one.
  const recentLevel = chainChanges.filter(
    (change) => change.change === 'level' && change.day > today - t.levelChangeIntervalDays,
  );
  if (recentLevel.length > 0) {
    const when = isoDate(Math.max(...recentLevel.map((change) => change.day)));
    return decide(
      'hold',
      'hold.levelChangeThisWeek',
      `${evidence} The next step is a new level, but the ${exercise.chain} chain changed level on ${when}: at most one level change in ${t.levelChangeIntervalDays} days.`,
      indexes(own),
      ['S-ACSM'],
    );
  }
  return decide(
    'progress',
    'progress.criteriaMet',
    `${evidence} The dose is at its maximum. Suggested: the next level, ${harder.name} (level ${harder.level}), at its default dose.`,
    indexes(own),
    progressSources,
    {
      exerciseId: harder.id,
      level: harder.level,
      dose: harder.dosage.default,
      change: {
        kind: 'level',
        fromExercise: exercise.id,
        toExercise: harder.id,
        fromLevel: exercise.level,
        toLevel: harder.level,
      },
    },
  );
}

/** [S-RF] [S-CES] Red-flag symptoms logged in the window (any exercise): one flag per symptom. */
function redFlags(context: Context): { flags: ProgressionFlag[]; halt: Trigger | null } {
  const inWindow = context.between(context.windowStart, context.today);
  const flags: ProgressionFlag[] = [];
  const all: Entry[] = [];
  const reported: string[] = [];
  for (const symptom of redFlagSymptoms) {
    const rule = logSymptomRules[symptom];
    const with_ = inWindow.filter((entry) => entry.log.symptoms?.includes(symptom));
    if (with_.length === 0) continue;
    all.push(...with_);
    reported.push(rule.label);
    flags.push({
      type: 'redFlagSymptom',
      severity: rule.severity,
      message:
        `Red-flag symptom logged on ${datesOf(with_)}: ${rule.label} (possible ${rule.suspected}, ` +
        `${rule.severity} action). The programme is stopped until a clinician screens the patient.`,
      logs: indexes(with_),
      advice: rule.advice,
      sources: rule.sources,
    });
  }
  if (flags.length === 0) return { flags, halt: null };
  return {
    flags,
    halt: {
      rule: 'stopAndScreen.redFlagSymptom',
      text:
        `Red-flag symptom(s) logged in the last ${context.thresholds.windowDays} days: ` +
        `${reported.join('; ')}. ` +
        'Stop the programme and screen the patient before any exercise goes on.',
      logs: indexes(all),
      sources: unique(flags.flatMap((flag) => flag.sources)),
    },
  };
}

/** Adherence of every programme week that has started, the current one pro rata to today. */
function weeklyAdherence(context: Context): WeekAdherence[] {
  return context.weeks
    .filter((week) => week.start <= context.today)
    .map((week) => {
      const to = Math.min(week.end, context.today);
      const ids = unique(week.prescriptions.map((exercise) => exercise.id));
      const entries = context.between(week.start, to);
      const { planned, rate } = context.adherence(ids, week.start, to);
      return {
        week: week.week,
        startDate: week.startDate,
        endDate: week.endDate,
        planned: Number(planned.toFixed(2)),
        done: entries.filter((entry) => entry.completion === 'done').length,
        partly: entries.filter((entry) => entry.completion === 'partly').length,
        rate,
      };
    });
}

/**
 * Decides, for each exercise of the current week, whether to stop and screen, regress, hold or
 * progress (REFERENCE §5), from the session logs of the last `windowDays` up to `today`.
 *
 * - `logs` is validated here (`parseLogs`); logs dated after `today` are left out, logs before
 *   the programme's start are an error.
 * - `today` before the programme's start is an error; after its end, `week` is `null` and the
 *   last week's exercises are decided.
 * - Every exercise of the deciding week must be in `options.exercises` (the library by default).
 *
 * Rules, in order: 1. any red-flag symptom in the window (any exercise) → every exercise stop and
 * screen; 2. peripheralisation, pain during or after > 5, not settled by the next morning, mean
 * pain during or next-morning stiffness rising week on week → regress one step (or one level);
 * 3. pain during 4–5 or the last session hard → hold; 4. enough sessions, ≥ 80 % adherence, the
 * last 2 sessions easy or moderate, pain during and settling known → progress one step (or one
 * level, at most one a week); 5. otherwise hold, saying which criterion is not met. A change
 * applied in the chain (`options.history`) restarts the evidence: only logs after it count for
 * the pain and difficulty rules (adherence still counts the whole window).
 */
export function decideProgression(
  programmeInput: unknown,
  logs: unknown,
  today: string,
  options: DecideOptions = {},
): ProgressionResult {
  // A programme may come back from storage or a file: check what the rules read. [issue 3]
  const programme = parseProgramme(programmeInput);
  const context = new Context(programme, logs, today, options);
  const t = context.thresholds;
  const week = context.current;

  const exercises = exercisesOf(week).map(({ prescribed, path }) => {
    const exercise = context.lookup(prescribed.id);
    if (exercise === undefined) {
      throw new ClinicalInputError(path, `"${prescribed.id}" is not an exercise the lookup knows`);
    }
    return { prescribed, exercise };
  });

  const red = redFlags(context);
  const evaluations = exercises.map(({ prescribed, exercise }) =>
    evaluate(context, prescribed, exercise, red.halt),
  );

  const flags: ProgressionFlag[] = [...red.flags, ...evaluations.flatMap((e) => e.flags)];
  // Non-adherence over all of the week's exercises in the window (threshold: a default) [S-ADH].
  const overall = context.adherence(
    exercises.map(({ prescribed }) => prescribed.id),
    context.windowStart,
    context.today,
  );
  if (overall.rate !== null && overall.rate < t.nonAdherenceBelow - epsilon) {
    flags.push({
      type: 'nonAdherence',
      severity: 'warning',
      message:
        `${percent(overall.rate)} of planned sessions were done in the last ${t.windowDays} days ` +
        `(below ${percent(t.nonAdherenceBelow)}, a Spinewise default). Ask what gets in the way; ` +
        'fewer exercises (2–4 a session) may help.',
      logs: indexes(context.between(context.windowStart, context.today)),
      sources: ['S-ADH'],
    });
  }

  return {
    today,
    week: context.today <= week.end ? week.week : null,
    status: red.halt === null ? 'continue' : 'halted',
    decisions: evaluations.map((e) => e.decision),
    adherence: weeklyAdherence(context),
    flags,
    thresholds: t,
  };
}
