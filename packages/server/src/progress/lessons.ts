/**
 * The patient's lessons (issue 6 §4), as pure functions over the clinical core's lessons, the
 * programme and what the patient has read: which lessons they see, when each opens, and how
 * their answers to the check questions went. No I/O and no clock: `today` comes in.
 *
 * Decisions:
 * - A programme lesson opens on the start date of the first week that lists it.
 * - The programme's required lessons (the safety nets: cauda equina warning signs for the low
 *   back, neck warning signs for the neck [S-CES] [S-RF]) are open from the start, even before
 *   the programme's first day.
 * - Library lessons that suit the programme's region but that the programme does not list are
 *   "more to read": they open the day after the programme ends, so the programme's own order
 *   comes first and nothing in the library is hidden for ever.
 * - Without an active programme: the safety lesson for the patient's region (both when no
 *   region is known), plus any lesson the patient has already read, so nothing read is lost.
 */
import {
  CAUDA_EQUINA_LESSON,
  NECK_WARNING_LESSON,
  addDays,
  lessons as library,
  type CheckQuestion,
  type Lesson,
  type Programme,
  type Region,
} from '@spinewise/clinical';

/** Why a lesson is in the patient's list. */
export type LessonKind = 'safety' | 'programme' | 'moreToRead';

/** One lesson as the patient's list shows it. */
export interface LessonListItem {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly kind: LessonKind;
  /** The programme week that unlocks it; `null` for safety lessons without a programme and "more to read". */
  readonly week: number | null;
  /** The day it opens, `YYYY-MM-DD`; `null` when it is open from the start. */
  readonly unlockedOn: string | null;
  readonly unlocked: boolean;
  /** ISO instant the patient first answered its check questions; `null` if not yet. */
  readonly completedAt: string | null;
  /** Right answers among the stored ones; `null` if not answered yet. */
  readonly score: { readonly right: number; readonly total: number } | null;
}

/** What the patient has stored for a lesson (`lesson_progress`). */
export interface StoredLessonProgress {
  readonly lessonId: string;
  readonly answers: Readonly<Record<string, string>>;
  readonly completedAt: Date;
}

const SAFETY_LESSONS: Readonly<Record<Region, string>> = {
  lumbar: CAUDA_EQUINA_LESSON, // [S-CES]
  cervical: NECK_WARNING_LESSON, // [S-RF]
};

/** An option's id: its position in the core's list, as a string ("0", "1", …). */
export function optionId(index: number): string {
  return String(index);
}

/** The right answers among `answers` for the lesson's questions. */
export function scoreAnswers(
  lesson: Lesson,
  answers: Readonly<Record<string, string>>,
): { readonly right: number; readonly total: number } {
  let right = 0;
  for (const question of lesson.checkQuestions) {
    if (answers[question.id] === optionId(question.answer)) right += 1;
  }
  return { right, total: lesson.checkQuestions.length };
}

interface Placement {
  readonly kind: LessonKind;
  readonly week: number | null;
  readonly unlockedOn: string | null;
}

/** Where each lesson the patient may see sits, in the order the list shows them. */
function placements(
  programme: Programme | null,
  region: Region | null,
  readIds: ReadonlySet<string>,
): Map<string, Placement> {
  const placed = new Map<string, Placement>();
  if (programme === null) {
    const safety = region === null ? Object.values(SAFETY_LESSONS) : [SAFETY_LESSONS[region]];
    for (const id of safety) placed.set(id, { kind: 'safety', week: null, unlockedOn: null });
    for (const lesson of library) {
      if (readIds.has(lesson.id) && !placed.has(lesson.id)) {
        placed.set(lesson.id, { kind: 'moreToRead', week: null, unlockedOn: null });
      }
    }
    return placed;
  }
  const required = new Set(programme.requiredLessons);
  for (const id of programme.requiredLessons) {
    const week = programme.weeks.find((candidate) => candidate.lessons.includes(id));
    placed.set(id, { kind: 'safety', week: week?.week ?? null, unlockedOn: null });
  }
  for (const week of programme.weeks) {
    for (const id of week.lessons) {
      if (placed.has(id) || required.has(id)) continue;
      placed.set(id, { kind: 'programme', week: week.week, unlockedOn: week.startDate });
    }
  }
  const afterEnd = addDays(programme.endDate, 1);
  for (const lesson of library) {
    if (placed.has(lesson.id) || !lesson.regions.includes(programme.region)) continue;
    placed.set(lesson.id, { kind: 'moreToRead', week: null, unlockedOn: afterEnd });
  }
  // A lesson read before (say under an earlier programme) stays readable.
  for (const lesson of library) {
    if (readIds.has(lesson.id) && !placed.has(lesson.id)) {
      placed.set(lesson.id, { kind: 'moreToRead', week: null, unlockedOn: null });
    }
  }
  return placed;
}

const kindOrder: Readonly<Record<LessonKind, number>> = { safety: 0, programme: 1, moreToRead: 2 };

/**
 * The patient's lessons in reading order: safety first, then the programme's by the day they
 * open (the programme's own order within a week), then "more to read" in library order.
 */
export function lessonList(input: {
  readonly programme: Programme | null;
  readonly region: Region | null;
  readonly today: string;
  readonly progress: readonly StoredLessonProgress[];
}): LessonListItem[] {
  const stored = new Map(input.progress.map((row) => [row.lessonId, row]));
  const placed = placements(input.programme, input.region, new Set(stored.keys()));
  const byId = new Map(library.map((lesson) => [lesson.id, lesson]));
  const items: LessonListItem[] = [];
  let position = 0;
  const order = new Map<string, number>();
  for (const [id, placement] of placed) {
    const lesson = byId.get(id);
    // A programme may name a lesson the library no longer has: nothing to show for it.
    if (lesson === undefined) continue;
    order.set(id, position++);
    const progress = stored.get(id);
    items.push({
      id,
      title: lesson.title,
      summary: lesson.summary,
      minutes: lesson.minutes,
      kind: placement.kind,
      week: placement.week,
      unlockedOn: placement.unlockedOn,
      unlocked: placement.unlockedOn === null || placement.unlockedOn <= input.today,
      completedAt: progress === undefined ? null : progress.completedAt.toISOString(),
      score: progress === undefined ? null : scoreAnswers(lesson, progress.answers),
    });
  }
  return items.sort(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] ||
      (a.kind === 'programme' ? (a.unlockedOn ?? '').localeCompare(b.unlockedOn ?? '') : 0) ||
      (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}

/** The feedback on one answered check question. */
export interface AnswerResult {
  readonly questionId: string;
  readonly optionId: string;
  readonly correct: boolean;
  readonly rightOptionId: string;
  /** The core's explanation, shown whichever option was chosen. */
  readonly explanation: string;
}

function resultFor(question: CheckQuestion, chosen: string): AnswerResult {
  return {
    questionId: question.id,
    optionId: chosen,
    correct: chosen === optionId(question.answer),
    rightOptionId: optionId(question.answer),
    explanation: question.explanation,
  };
}

/** A lesson as the patient reads it: the right option of a question only once it is answered. */
export function lessonContent(lesson: Lesson, answers: Readonly<Record<string, string>>) {
  return {
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    minutes: lesson.minutes,
    sections: lesson.sections.map((section) => ({
      heading: section.heading,
      paragraphs: [...section.paragraphs],
      bullets: section.bullets === undefined ? [] : [...section.bullets],
    })),
    keyPoints: [...lesson.keyPoints],
    checkQuestions: lesson.checkQuestions.map((question) => {
      const chosen = answers[question.id];
      return {
        id: question.id,
        question: question.question,
        options: question.options.map((text, index) => ({ id: optionId(index), text })),
        result: chosen === undefined ? null : resultFor(question, chosen),
      };
    }),
    breathingTimer:
      lesson.breathingTimer === undefined
        ? null
        : {
            inhaleSeconds: lesson.breathingTimer.inhaleSeconds,
            holdSeconds: lesson.breathingTimer.holdSeconds,
            exhaleSeconds: lesson.breathingTimer.exhaleSeconds,
            cycles: lesson.breathingTimer.cycles,
          },
    // For the clinician's review; the app shows no citations to the patient.
    sources: [...lesson.sources],
  };
}

export type CheckAnswersResult =
  | { readonly ok: true; readonly results: readonly AnswerResult[] }
  | {
      readonly ok: false;
      readonly errors: readonly { readonly questionId: string; readonly message: string }[];
    };

/**
 * Checks posted answers against the core: every question id must be one of the lesson's and
 * every option id one of that question's options. The results are in the lesson's order.
 */
export function checkAnswers(
  lesson: Lesson,
  answers: Readonly<Record<string, string>>,
): CheckAnswersResult {
  const questions = new Map(lesson.checkQuestions.map((question) => [question.id, question]));
  const errors: { questionId: string; message: string }[] = [];
  for (const [questionId, chosen] of Object.entries(answers)) {
    const question = questions.get(questionId);
    if (question === undefined) {
      errors.push({ questionId, message: 'is not a question of this lesson' });
      continue;
    }
    const ids = question.options.map((_, index) => optionId(index));
    if (!ids.includes(chosen)) {
      errors.push({ questionId, message: `is not an option; choose one of: ${ids.join(', ')}` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    results: lesson.checkQuestions.flatMap((question) => {
      const chosen = answers[question.id];
      return chosen === undefined ? [] : [resultFor(question, chosen)];
    }),
  };
}

/** The results for every stored answer, in the lesson's order. */
export function answerResults(
  lesson: Lesson,
  answers: Readonly<Record<string, string>>,
): AnswerResult[] {
  return lesson.checkQuestions.flatMap((question) => {
    const chosen = answers[question.id];
    return chosen === undefined ? [] : [resultFor(question, chosen)];
  });
}
