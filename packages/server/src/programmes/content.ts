/**
 * A programme's content as a clinician edits it, and as an accepted progression changes it.
 * Pure: the clinical core validates and judges; nothing here reads a store or a clock.
 *
 * - `checkProgrammeContent` validates an edited programme: the core's shape check
 *   (`parseProgramme`), every exercise known to the library, dosed within its bounds, and allowed
 *   for this patient by the core's safety rules (`checkExercise`, via `assessOverride`): a contraindicated exercise
 *   never gets into a programme. Values the server derives (names, chains, levels, minutes,
 *   cautions) are recomputed from the library, so a stored programme never contradicts it.
 *   The one exception is a clinician's override with a written reason, allowed only where every
 *   reason is a first-phase precaution (`assessOverride`; decision record 009).
 * - `applyDecision` writes an accepted progression decision into the programme: the new dose or
 *   the next (previous) level the core proposed, from the deciding week on.
 */
import {
  ClinicalInputError,
  OVERRIDE_RULE,
  assessOverride,
  boutSeconds,
  dailyMinutes,
  decideProgression,
  doseOf,
  libraryLookup,
  parseProgramme,
  repsPerSet,
  type Dose,
  type Exercise,
  type InputPath,
  type PrescribedExercise,
  type Programme,
  type ProgrammeWeek,
  type ProgressionDecision,
  type Rationale,
  type SafetyReason,
  type Session,
} from '@spinewise/clinical';
import { firstPhaseWeeksOf, type SafetyProfile } from './safety-profile.js';

/** A problem with the content, at a path inside it (`['weeks', 0, 'sessions', 0, ...]`). */
export interface ContentProblem {
  readonly path: InputPath;
  readonly message: string;
}

export type ContentResult =
  | { readonly ok: true; readonly content: Programme }
  | { readonly ok: false; readonly problems: readonly ContentProblem[] };

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A prescription of `exercise` at `dose`, with the derived values computed as the generator does. */
export function prescribe(
  exercise: Exercise,
  dose: Dose,
  cautions: readonly string[],
  rationale: readonly Rationale[],
): PrescribedExercise {
  return {
    id: exercise.id,
    name: exercise.name,
    chain: exercise.chain,
    level: exercise.level,
    kind: exercise.dosage.kind,
    sets: dose.sets,
    ...(dose.reps === undefined ? {} : { reps: dose.reps }),
    ...(exercise.dosage.pyramid === undefined || dose.reps === undefined
      ? {}
      : { repsPerSet: repsPerSet(exercise, dose) }),
    ...(dose.holdSeconds === undefined ? {} : { holdSeconds: dose.holdSeconds }),
    ...(dose.minutes === undefined ? {} : { minutes: dose.minutes }),
    perDay: dose.perDay,
    daysPerWeek: dose.daysPerWeek,
    boutMinutes: round1(boutSeconds(exercise, dose) / 60),
    dailyMinutes: round1(dailyMinutes(exercise, dose)),
    cautions,
    rationale,
  };
}

/** A session with its totals recomputed from its exercises, as the generator computes them. */
function withTotals(session: Session, exercises: readonly PrescribedExercise[]): Session {
  // Unrounded minutes per exercise, summed, then rounded once (the generator's `minutesFor`).
  const minutes = exercises.reduce((total, prescribed) => {
    const exercise = libraryLookup(prescribed.id);
    return (
      total +
      (exercise === undefined
        ? prescribed.dailyMinutes
        : dailyMinutes(exercise, doseOf(prescribed)))
    );
  }, 0);
  return {
    ...session,
    exercises,
    daysPerWeek: Math.max(0, ...exercises.map((exercise) => exercise.daysPerWeek)),
    dailyMinutes: round1(minutes),
  };
}

const doseVariables = ['reps', 'holdSeconds', 'minutes'] as const;

/** Where a prescribed dose does not fit the exercise: a variable it lacks or needs, or a bound. */
function doseProblems(exercise: Exercise, dose: Dose, at: InputPath): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { bounds } = exercise.dosage;
  for (const variable of doseVariables) {
    const needed = exercise.dosage.default[variable] !== undefined;
    if (needed && dose[variable] === undefined) {
      problems.push({ path: [...at, variable], message: `is needed for ${exercise.name}` });
    } else if (!needed && dose[variable] !== undefined) {
      problems.push({ path: [...at, variable], message: `does not apply to ${exercise.name}` });
    }
  }
  const ranges: readonly [keyof Dose, { min: number; max: number } | undefined][] = [
    ['sets', bounds.sets],
    ['reps', bounds.reps],
    ['holdSeconds', bounds.holdSeconds],
    ['minutes', bounds.minutes],
    ['perDay', bounds.perDay],
    ['daysPerWeek', bounds.daysPerWeek],
  ];
  for (const [variable, range] of ranges) {
    const value = dose[variable];
    if (value === undefined || range === undefined) continue;
    if (value < range.min || value > range.max) {
      problems.push({
        path: [...at, variable],
        message: `must be from ${range.min} to ${range.max} for ${exercise.name}`,
      });
    }
  }
  return problems;
}

/** Whether week `index` is in the first phase, by the generated plan or by the content's own. */
function isFirstPhase(
  profile: SafetyProfile,
  content: Pick<Programme, 'weeks'>,
  week: ProgrammeWeek,
): boolean {
  // Either reading counts: the direction precautions are never lifted early by an edit.
  return profile.firstPhaseWeeks.has(week.week) || firstPhaseWeeksOf(content).has(week.week);
}

/** A core error about `programme.<path>` as a problem about the content's `<path>`. */
function fromCore(error: ClinicalInputError): ContentProblem {
  const [head, ...rest] = error.path;
  return { path: head === 'programme' ? rest : error.path, message: error.detail };
}

function sameDose(a: Dose, b: Dose): boolean {
  return (
    a.sets === b.sets &&
    a.reps === b.reps &&
    a.holdSeconds === b.holdSeconds &&
    a.minutes === b.minutes &&
    a.perDay === b.perDay &&
    a.daysPerWeek === b.daysPerWeek
  );
}

export interface ContentBase {
  /** The current version's content: the screen and generator it carries are kept. */
  readonly current: Programme;
  /** Lesson ids every version must keep (the warning-signs lesson). */
  readonly requiredLessons: readonly string[];
  /** Who edits and when: stamped on a new override. Absent when no clinician edits by hand. */
  readonly editor?: { readonly userId: string; readonly at: Date };
}

/**
 * A clinician's override of first-phase precautions for one prescription (decision record 009).
 * `by` and `at` are set by the server, never taken from the request.
 */
export interface ExerciseOverride {
  readonly reason: string;
  /** The overridden rule ids. */
  readonly rules: readonly string[];
  /** The clinician's user id. */
  readonly by: string;
  /** UTC ISO timestamp. */
  readonly at: string;
}

/** A prescription as stored: the core's, with a clinician's override where there is one. */
export type StoredPrescription = PrescribedExercise & { readonly override?: ExerciseOverride };

interface OverrideRequest {
  readonly reason: string;
  readonly rules: readonly string[];
}

/** The override the request carries, if it is one (zod has checked its shape at the edge). */
function overrideOf(given: unknown): OverrideRequest | undefined {
  if (typeof given !== 'object' || given === null || !('override' in given)) return undefined;
  const { override } = given;
  if (typeof override !== 'object' || override === null) return undefined;
  const reason = 'reason' in override && typeof override.reason === 'string' ? override.reason : '';
  const rules =
    'rules' in override && Array.isArray(override.rules)
      ? override.rules.filter((rule): rule is string => typeof rule === 'string')
      : [];
  return { reason: reason.trim(), rules };
}

/** The overrides already stored in a version, to keep who and when of an unchanged one. */
function storedOverrides(programme: Programme): (ExerciseOverride & { readonly id: string })[] {
  return programme.weeks.flatMap((week) =>
    week.sessions.flatMap((session) =>
      session.exercises.flatMap((prescribed: StoredPrescription) =>
        prescribed.override === undefined ? [] : [{ ...prescribed.override, id: prescribed.id }],
      ),
    ),
  );
}

const describeReasons = (reasons: readonly SafetyReason[]) =>
  reasons
    .map((reason) => `${reason.text} (${reason.rule}; ${reason.sources.join(', ')})`)
    .join(' ');

/** The rationale entry that records an override beside the prescription. */
function overrideRationale(
  override: ExerciseOverride,
  reasons: readonly SafetyReason[],
): Rationale {
  return {
    about: 'safety',
    text: `Given in the first phase on the clinician's judgement ("${override.reason}"), overriding: ${reasons
      .map((reason) => reason.text)
      .join(' ')}`,
    rule: OVERRIDE_RULE,
    sources: [...new Set(reasons.flatMap((reason) => reason.sources))],
  };
}

/**
 * Validates an edited programme for this patient and returns it as stored: derived values
 * recomputed, the server's own records (red-flag screen, generator) carried over from the
 * current version. Every problem is reported, each with the path of its field.
 */
export function checkProgrammeContent(
  input: unknown,
  profile: SafetyProfile,
  base: ContentBase,
): ContentResult {
  let parsed: Programme;
  try {
    parsed = parseProgramme(input);
  } catch (error) {
    if (error instanceof ClinicalInputError) return { ok: false, problems: [fromCore(error)] };
    throw error;
  }
  const problems: ContentProblem[] = [];
  if (parsed.status !== 'active') {
    problems.push({
      path: ['status'],
      message: 'must be "active": a programme is edited, never blocked by hand',
    });
  }
  if (parsed.region !== base.current.region) {
    problems.push({
      path: ['region'],
      message: `must stay "${base.current.region}"; generate a new programme for another region`,
    });
  }
  if (parsed.condition !== base.current.condition) {
    problems.push({
      path: ['condition'],
      message: `must stay "${base.current.condition}"; generate a new programme for another condition`,
    });
  }
  for (const lesson of base.requiredLessons) {
    if (!parsed.requiredLessons.includes(lesson)) {
      problems.push({
        path: ['requiredLessons'],
        message: `must keep "${lesson}": the patient always has the warning signs to look out for`,
      });
    }
  }
  if (parsed.weeks.length === 0) {
    problems.push({ path: ['weeks'], message: 'must have at least one week' });
  }
  parsed.weeks.forEach((week, index) => {
    if (week.week !== index + 1) {
      problems.push({
        path: ['weeks', index, 'week'],
        message: `must be ${index + 1}: weeks are numbered from 1 in order`,
      });
    }
    const previous = parsed.weeks[index - 1];
    if (previous !== undefined && !(week.startDate > previous.endDate)) {
      problems.push({
        path: ['weeks', index, 'startDate'],
        message: `must be after the previous week's end (${previous.endDate})`,
      });
    }
  });
  if (parsed.weeks[0] !== undefined && parsed.startDate !== parsed.weeks[0].startDate) {
    problems.push({
      path: ['startDate'],
      message: `must be the first week's start (${parsed.weeks[0].startDate})`,
    });
  }

  const existing = storedOverrides(base.current);
  const weeks = parsed.weeks.map((week, weekIndex): ProgrammeWeek => {
    const firstPhase = isFirstPhase(profile, parsed, week);
    const sessions = week.sessions.map((session, sessionIndex) => {
      const exercises = session.exercises.map((given, position) => {
        const at: InputPath = ['weeks', weekIndex, 'sessions', sessionIndex, 'exercises', position];
        const exercise = libraryLookup(given.id);
        if (exercise === undefined) {
          problems.push({ path: [...at, 'id'], message: 'is not an exercise in the library' });
          return given;
        }
        const assessment = assessOverride(exercise, profile.context, firstPhase);
        const { verdict } = assessment;
        const requested = overrideOf(given);
        let override: ExerciseOverride | undefined;
        if (!verdict.allowed && !assessment.canOverride) {
          problems.push({
            path: [...at, 'id'],
            message: `${exercise.name} must not be given to this patient: ${describeReasons(verdict.reasons)}`,
          });
        } else if (!verdict.allowed && (requested === undefined || requested.reason === '')) {
          problems.push({
            path: [...at, 'override', 'reason'],
            message: `is needed: ${exercise.name} is held back in the first phase for this patient: ${describeReasons(verdict.reasons)} Give your reason to override it, or choose another exercise.`,
          });
        } else if (!verdict.allowed && requested !== undefined) {
          const rules = verdict.reasons.map((reason) => reason.rule);
          const unlisted = rules.filter((rule) => !requested.rules.includes(rule));
          if (unlisted.length > 0) {
            problems.push({
              path: [...at, 'override', 'rules'],
              message: `must list every rule you override: ${unlisted.join(', ')}`,
            });
          }
          const kept = existing.find(
            (stored) => stored.id === exercise.id && stored.reason === requested.reason,
          );
          if (kept !== undefined) {
            override = { reason: kept.reason, rules, by: kept.by, at: kept.at };
          } else if (base.editor === undefined) {
            problems.push({
              path: [...at, 'override'],
              message: 'can only be given by a clinician editing the programme',
            });
          } else {
            override = {
              reason: requested.reason,
              rules,
              by: base.editor.userId,
              at: base.editor.at.toISOString(),
            };
          }
        }
        const dose = doseOf(given);
        problems.push(...doseProblems(exercise, dose, at));
        // An override's rationale is the server's: rewritten from the override, or dropped with it.
        const givenRationale: readonly Rationale[] = Array.isArray(given.rationale)
          ? given.rationale
          : [];
        const rationale = givenRationale.filter((entry) => entry.rule !== OVERRIDE_RULE);
        const prescription = prescribe(
          exercise,
          dose,
          verdict.cautions.map((caution) => caution.text),
          override === undefined
            ? rationale
            : [...rationale, overrideRationale(override, verdict.reasons)],
        );
        return override === undefined
          ? prescription
          : ({ ...prescription, override } satisfies StoredPrescription);
      });
      return withTotals(session, exercises);
    });
    return { ...week, sessions };
  });
  if (problems.length > 0) return { ok: false, problems };

  const content: Programme = {
    ...parsed,
    weeks,
    generator: base.current.generator,
    screen: base.current.screen,
    blocked: null,
  };
  // The progression rules must be able to read what is stored: the core checks the week dates.
  try {
    decideProgression(content, [], content.startDate);
  } catch (error) {
    if (error instanceof ClinicalInputError) return { ok: false, problems: [fromCore(error)] };
    throw error;
  }
  return { ok: true, content };
}

// ---------------------------------------------------------------- accepted progression

export type ApplyResult =
  /** `changed`: how many prescriptions changed (0 for hold, stop-and-screen, no proposal). */
  | { readonly ok: true; readonly content: Programme; readonly changed: number }
  /** The programme no longer prescribes what the decision was made on. */
  | { readonly ok: false; readonly reason: 'stale' }
  /** The proposed exercise is not allowed for this patient (the safety rules' reasons). */
  | { readonly ok: false; readonly reason: 'unsafe'; readonly detail: string };

/** The week a day falls in, as the progression rules read it: the last week started by then. */
export function weekIndexOn(programme: Programme, day: string): number {
  const index = programme.weeks.findLastIndex((week) => week.startDate <= day);
  return Math.max(0, index);
}

/**
 * Writes an accepted decision into the programme. The decision was made on one prescription
 * (`decision.current`: the exercise at a dose) in the week containing `decidedFor`; that
 * prescription, in that week and every later week that carries it unchanged, becomes the
 * proposed one: one dose step, or the chain's next (previous) level at its default dose, as the
 * core's progression rules (`stepUp`, `stepDown`, the chain links) proposed it.
 */
export function applyDecision(
  content: Programme,
  decision: ProgressionDecision,
  decidedFor: string,
  profile: SafetyProfile,
): ApplyResult {
  const from = weekIndexOn(content, decidedFor);
  const matches = (prescribed: PrescribedExercise) =>
    prescribed.id === decision.current.exerciseId &&
    sameDose(doseOf(prescribed), decision.current.dose);
  const deciding = content.weeks[from];
  const stillPrescribed =
    deciding?.sessions.some((session) => session.exercises.some(matches)) === true;
  if (!stillPrescribed) return { ok: false, reason: 'stale' };

  const { proposed } = decision;
  if (proposed === null || (decision.decision !== 'progress' && decision.decision !== 'regress')) {
    return { ok: true, content, changed: 0 };
  }
  const target = libraryLookup(proposed.exerciseId);
  if (target === undefined) return { ok: false, reason: 'stale' };

  const accepted: Rationale = {
    about: proposed.change.kind === 'dose' ? 'dose' : 'exercise',
    text: `The clinician accepted the suggestion to ${decision.decision}: ${decision.reason}`,
    rule: decision.rule,
    sources: decision.sources,
  };
  let changed = 0;
  const refusals: string[] = [];
  const weeks = content.weeks.map((week, index) => {
    if (index < from) return week;
    const firstPhase = isFirstPhase(profile, content, week);
    const sessions = week.sessions.map((session) => {
      if (!session.exercises.some(matches)) return session;
      const exercises = session.exercises.map((prescribed) => {
        if (!matches(prescribed)) return prescribed;
        const assessment = assessOverride(target, profile.context, firstPhase);
        const { verdict } = assessment;
        // A dose step keeps the clinician's override of the same exercise; another exercise is
        // checked afresh and never inherits it (decision record 009).
        const { override } = prescribed as StoredPrescription;
        const keepsOverride =
          override !== undefined && target.id === prescribed.id && assessment.canOverride;
        if (!verdict.allowed && !keepsOverride) {
          refusals.push(
            `${target.name} must not be given to this patient: ${verdict.reasons
              .map((reason) => reason.text)
              .join(' ')}`,
          );
          return prescribed;
        }
        changed += 1;
        const rationale: readonly Rationale[] =
          proposed.change.kind === 'dose'
            ? [...prescribed.rationale, accepted]
            : [
                accepted,
                {
                  about: 'dose',
                  text: target.dosage.rationale,
                  rule: 'dose.default',
                  sources: target.dosage.sources,
                  isDefault: true,
                },
              ];
        const prescription = prescribe(
          target,
          proposed.dose,
          verdict.cautions.map((caution) => caution.text),
          rationale,
        );
        return keepsOverride ? { ...prescription, override } : prescription;
      });
      return withTotals(session, exercises);
    });
    return { ...week, sessions };
  });
  const [refusal] = refusals;
  if (refusal !== undefined) return { ok: false, reason: 'unsafe', detail: refusal };
  return { ok: true, content: { ...content, weeks }, changed };
}
