/**
 * Editing a programme's content before it is saved as a new version: a dose within the
 * exercise's bounds, an exercise swapped for another the safety rules allow for this patient,
 * lessons added and removed. Pure functions over the clinical core's data; the server checks
 * everything again (bounds, safety, required lessons) and is the last word.
 */
import {
  exerciseLibrary,
  isOverridableReason,
  lessons,
  libraryLookup,
  postureTasks,
  type Dose,
  type Exercise,
  type PrescribedExercise,
  type Programme,
  type ProgrammeWeek,
  type SafetyReason,
} from '@spinewise/clinical';

/** Where an exercise sits in the programme: week, session and exercise indexes. */
export interface ExerciseAt {
  readonly week: number;
  readonly session: number;
  readonly exercise: number;
}

export type DoseVariable = 'sets' | 'reps' | 'holdSeconds' | 'minutes' | 'perDay' | 'daysPerWeek';

export interface DoseField {
  readonly variable: DoseVariable;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

const doseLabels: Readonly<Record<DoseVariable, string>> = {
  sets: 'Sets',
  reps: 'Repetitions per set',
  holdSeconds: 'Seconds each hold',
  minutes: 'Minutes',
  perDay: 'Times a day',
  daysPerWeek: 'Days a week',
};

export function doseLabel(variable: string): string {
  return (doseLabels as Readonly<Record<string, string>>)[variable] ?? variable;
}

/** The dose variables an exercise has, each with the bounds of the exercise library. */
export function doseFields(exercise: Exercise): DoseField[] {
  const { bounds } = exercise.dosage;
  const fields: DoseField[] = [{ variable: 'sets', label: doseLabels.sets, ...bounds.sets }];
  for (const variable of ['reps', 'holdSeconds', 'minutes'] as const) {
    const range = bounds[variable];
    if (exercise.dosage.default[variable] !== undefined && range !== undefined) {
      fields.push({ variable, label: doseLabels[variable], min: range.min, max: range.max });
    }
  }
  fields.push({ variable: 'perDay', label: doseLabels.perDay, ...bounds.perDay });
  fields.push({ variable: 'daysPerWeek', label: doseLabels.daysPerWeek, ...bounds.daysPerWeek });
  return fields.map(({ variable, label, min, max }) => ({ variable, label, min, max }));
}

export type DoseValues = Readonly<Partial<Record<DoseVariable, string>>>;

/**
 * The dose the clinician typed, checked against the bounds: the dose, or the message for each
 * field that is not a whole number within them.
 */
export function readDose(
  exercise: Exercise,
  values: DoseValues,
): { ok: true; dose: Dose } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const dose: Partial<Record<DoseVariable, number>> = {};
  for (const field of doseFields(exercise)) {
    const raw = (values[field.variable] ?? '').trim();
    const value = Number(raw);
    if (raw === '' || !Number.isInteger(value) || value < field.min || value > field.max) {
      errors[field.variable] =
        `${field.label} must be a whole number from ${field.min} to ${field.max}.`;
    } else {
      dose[field.variable] = value;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    dose: {
      sets: dose.sets ?? 0,
      perDay: dose.perDay ?? 0,
      daysPerWeek: dose.daysPerWeek ?? 0,
      ...(dose.reps === undefined ? {} : { reps: dose.reps }),
      ...(dose.holdSeconds === undefined ? {} : { holdSeconds: dose.holdSeconds }),
      ...(dose.minutes === undefined ? {} : { minutes: dose.minutes }),
    },
  };
}

function updateWeek(
  content: Programme,
  week: number,
  update: (week: ProgrammeWeek) => ProgrammeWeek,
): Programme {
  return {
    ...content,
    weeks: content.weeks.map((item, index) => (index === week ? update(item) : item)),
  };
}

function updateExercise(
  content: Programme,
  at: ExerciseAt,
  update: (exercise: PrescribedExercise) => PrescribedExercise,
): Programme {
  return updateWeek(content, at.week, (week) => ({
    ...week,
    sessions: week.sessions.map((session, sessionIndex) =>
      sessionIndex !== at.session
        ? session
        : {
            ...session,
            exercises: session.exercises.map((exercise, exerciseIndex) =>
              exerciseIndex === at.exercise ? update(exercise) : exercise,
            ),
          },
    ),
  }));
}

/** The exercise at `at`, if there is one. */
export function exerciseAt(content: Programme, at: ExerciseAt): PrescribedExercise | undefined {
  return content.weeks[at.week]?.sessions[at.session]?.exercises[at.exercise];
}

/**
 * The programme with a new dose for one exercise in one week. Only the dose changes; the server
 * recomputes minutes and the sets' repetitions from the library when it saves.
 */
export function setDose(content: Programme, at: ExerciseAt, dose: Dose): Programme {
  return updateExercise(content, at, (exercise) => {
    const {
      reps: _reps,
      holdSeconds: _hold,
      minutes: _minutes,
      repsPerSet: _perSet,
      ...rest
    } = exercise;
    return { ...rest, ...dose };
  });
}

/** The exercise library's exercises that suit the programme's region. */
function forRegion(content: Programme): Exercise[] {
  return exerciseLibrary.filter(
    (exercise) => exercise.region === content.region || exercise.region === 'general',
  );
}

export interface SwapOption {
  readonly exercise: Exercise;
}

/** The server's verdicts on library exercises for this patient (`GET /api/exercises?patientId=`). */
export interface Verdict {
  readonly id: string;
  readonly name: string;
  readonly suitability?: {
    readonly allowed: boolean;
    readonly reasons: readonly string[];
    /** The same reasons with their rule and source ids. */
    readonly details?: readonly SafetyReason[];
  } | null;
}

/**
 * A clinician's override of first-phase precautions on one prescription (decision record 009):
 * the reason and the rules in a request; the server adds who (`by`) and when (`at`).
 */
export interface ExerciseOverride {
  readonly reason: string;
  readonly rules: readonly string[];
  readonly by?: string;
  readonly at?: string;
}

/** A prescription as the server stores it, with the clinician's override where there is one. */
export type PrescriptionWithOverride = PrescribedExercise & {
  readonly override?: ExerciseOverride;
};

export function overrideOf(exercise: PrescribedExercise): ExerciseOverride | undefined {
  return (exercise as PrescriptionWithOverride).override;
}

/** An exercise held back only by first-phase precautions: offered with a reason. */
export interface OverrideOption {
  readonly exercise: Exercise;
  readonly reasons: readonly SafetyReason[];
}

/**
 * The ids the server refused for this patient where every reason is a first-phase precaution a
 * clinician may override with a written reason (`isOverridableReason`). Anything else the safety
 * rules refuse is never offered.
 */
function overridableIds(verdicts: readonly Verdict[]): Map<string, readonly SafetyReason[]> {
  const found = new Map<string, readonly SafetyReason[]>();
  for (const verdict of verdicts) {
    const details = verdict.suitability?.details ?? [];
    const exercise = libraryLookup(verdict.id);
    if (verdict.suitability?.allowed !== false || details.length === 0 || exercise === undefined)
      continue;
    if (details.every((reason) => isOverridableReason(exercise, reason))) {
      found.set(verdict.id, details);
    }
  }
  return found;
}

/**
 * What the exercise at `at` may be swapped for with the clinician's reason: the region's
 * exercises held back only by first-phase precautions, not already in the session.
 */
export function overrideOptions(
  content: Programme,
  at: ExerciseAt,
  verdicts: readonly Verdict[] = [],
): OverrideOption[] {
  const overridable = overridableIds(verdicts);
  const inSession = new Set(
    (content.weeks[at.week]?.sessions[at.session]?.exercises ?? []).map((item) => item.id),
  );
  return forRegion(content)
    .filter((exercise) => overridable.has(exercise.id) && !inSession.has(exercise.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((exercise) => ({ exercise, reasons: overridable.get(exercise.id) ?? [] }));
}

/**
 * What the exercise at `at` may be swapped for: the region's exercises the safety rules allow
 * for this patient — neither excluded by the programme (`content.excluded`, from the core when
 * it was generated) nor refused by the server's check of the patient now (`verdicts`) — and not
 * already in the session. The server checks the safety rules again when the edit is saved.
 */
export function swapOptions(
  content: Programme,
  at: ExerciseAt,
  verdicts: readonly Verdict[] = [],
): Exercise[] {
  const excluded = new Set([
    ...content.excluded.map((item) => item.id),
    ...verdicts.filter((item) => item.suitability?.allowed === false).map((item) => item.id),
  ]);
  const inSession = new Set(
    (content.weeks[at.week]?.sessions[at.session]?.exercises ?? []).map((item) => item.id),
  );
  return forRegion(content)
    .filter((exercise) => !excluded.has(exercise.id) && !inSession.has(exercise.id))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The exercises the safety rules left out for this patient, with why: never offered. */
export function excludedExercises(
  content: Programme,
  verdicts: readonly Verdict[] = [],
): { readonly name: string; readonly reasons: readonly string[] }[] {
  const overridable = overridableIds(verdicts);
  const reasons = new Map<string, string[]>();
  for (const item of content.excluded) {
    if (!overridable.has(item.id)) reasons.set(item.id, [...item.reasons]);
  }
  for (const item of verdicts) {
    if (item.suitability?.allowed !== false || overridable.has(item.id)) continue;
    const known = reasons.get(item.id) ?? [];
    reasons.set(item.id, [...new Set([...known, ...item.suitability.reasons])]);
  }
  return [...reasons].map(([id, why]) => ({ name: libraryLookup(id)?.name ?? id, reasons: why }));
}

/**
 * The programme with one exercise replaced by `replacement` at its library's default dose; with
 * `override`, the clinician's reason for giving an exercise held back in the first phase.
 */
export function swapExercise(
  content: Programme,
  at: ExerciseAt,
  replacement: Exercise,
  override?: { readonly reason: string; readonly rules: readonly string[] },
): Programme {
  return updateExercise(content, at, (previous): PrescriptionWithOverride => {
    const dose = replacement.dosage.default;
    return {
      ...(override === undefined ? {} : { override }),
      id: replacement.id,
      name: replacement.name,
      chain: replacement.chain,
      level: replacement.level,
      kind: replacement.dosage.kind,
      ...dose,
      boutMinutes: 0,
      dailyMinutes: 0,
      cautions: [],
      rationale: [
        {
          about: 'exercise',
          text: `Chosen by the clinician in place of ${previous.name}.`,
          rule: 'clinician.swap',
          sources: [],
        },
        {
          about: 'dose',
          text: replacement.dosage.rationale,
          rule: 'dose.default',
          sources: replacement.dosage.sources,
        },
      ],
    };
  });
}

export function lessonTitle(id: string): string {
  return lessons.find((lesson) => lesson.id === id)?.title ?? id;
}

export function taskTitle(id: string): string {
  return postureTasks.find((task) => task.id === id)?.title ?? id;
}

/** Lessons for the programme's region not yet in week `week`. */
export function lessonsToAdd(content: Programme, week: number): { id: string; title: string }[] {
  const present = new Set(content.weeks[week]?.lessons ?? []);
  return lessons
    .filter((lesson) => lesson.regions.includes(content.region) && !present.has(lesson.id))
    .map((lesson) => ({ id: lesson.id, title: lesson.title }));
}

export function addLesson(content: Programme, week: number, lessonId: string): Programme {
  return updateWeek(content, week, (item) =>
    item.lessons.includes(lessonId) ? item : { ...item, lessons: [...item.lessons, lessonId] },
  );
}

/** Whether a lesson must stay (the warning signs every version keeps). */
export function isRequiredLesson(content: Programme, lessonId: string): boolean {
  return content.requiredLessons.includes(lessonId);
}

export function removeLesson(content: Programme, week: number, lessonId: string): Programme {
  if (isRequiredLesson(content, lessonId)) return content;
  return updateWeek(content, week, (item) => ({
    ...item,
    lessons: item.lessons.filter((id) => id !== lessonId),
  }));
}

/**
 * Where a field the server names lies, in words: `body.content.weeks[1].sessions[0]
 * .exercises[2].reps` → `Week 2, Bird dog, repetitions per set`.
 */
export function describeContentPath(content: Programme, path: string): string {
  const match =
    /^body\.content\.weeks\[(\d+)\](?:\.sessions\[(\d+)\](?:\.exercises\[(\d+)\])?)?(?:\.(\w+))?/u.exec(
      path,
    );
  if (match === null) return 'The programme';
  const week = Number(match[1]);
  const parts = [`Week ${week + 1}`];
  if (match[2] !== undefined && match[3] !== undefined) {
    const exercise = exerciseAt(content, {
      week,
      session: Number(match[2]),
      exercise: Number(match[3]),
    });
    if (exercise !== undefined) parts.push(exercise.name);
  }
  const field = match[4];
  if (field !== undefined && field in doseLabels) parts.push(doseLabel(field).toLowerCase());
  return parts.join(', ');
}
