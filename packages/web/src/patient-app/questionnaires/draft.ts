/**
 * A questionnaire request as the phone walks through it: one step per question (the PSFS: one
 * per activity), the answers so far, kept in sessionStorage so leaving and coming back loses
 * nothing, and the body the server scores. No scoring here: the server does it.
 */
import type { InstrumentId } from '@spinewise/clinical';
import type {
  InstrumentItemView,
  PatientInstrument,
  QuestionnaireRequest,
  SubmittedQuestionnaire,
} from './questionnaires-api.js';

/** PSFS: the patient names three activities (the fewest it takes). [S-PSFS] */
export const PSFS_ACTIVITIES = 3;
/** The most activities the PSFS rates. [S-PSFS] */
export const PSFS_MOST_ACTIVITIES = 5;

export interface Step {
  readonly instrument: PatientInstrument;
  readonly item: InstrumentItemView;
  /** The answer's place in the instrument's answers. */
  readonly index: number;
  readonly kind: 'choice' | 'activity';
  /** Whether the question may be left out (the instrument allows some missing). */
  readonly skippable: boolean;
  /** PSFS follow-up: the activity named at the baseline, to rate again (not to rename). */
  readonly activity?: string;
}

/** A choice: the option's value, or `null` when skipped. The PSFS: the activity and its rating. */
export type ChoiceAnswer = number | null;
export interface ActivityAnswer {
  readonly activity: string;
  readonly rating: number | null;
}
export type Answer = ChoiceAnswer | ActivityAnswer;

export type Answers = Readonly<Record<string, readonly (Answer | undefined)[]>>;

export interface Draft {
  readonly step: number;
  readonly answers: Answers;
}

export const emptyDraft: Draft = { step: 0, answers: {} };

/**
 * One step per question. The PSFS asks for three new activities, or, when the patient named
 * some at the baseline (`goals`), asks them to rate those same ones again: its change is read
 * activity by activity. [S-PSFS]
 */
export function stepsOf(
  request: QuestionnaireRequest,
  instruments: readonly PatientInstrument[],
  goals: readonly string[] = [],
): Step[] {
  return request.instruments.flatMap((id): Step[] => {
    const instrument = instruments.find((candidate) => candidate.id === id);
    if (instrument === undefined) return [];
    const first = instrument.items[0];
    if (id === 'psfs' && goals.length > 0 && first !== undefined) {
      return goals.slice(0, PSFS_MOST_ACTIVITIES).map((activity, index) => ({
        instrument,
        item: instrument.items[index] ?? first,
        index,
        kind: 'activity',
        skippable: false,
        activity,
      }));
    }
    if (id === 'psfs') {
      return instrument.items.slice(0, PSFS_ACTIVITIES).map((item, index) => ({
        instrument,
        item,
        index,
        kind: 'activity',
        skippable: false,
      }));
    }
    return instrument.items.map((item, index) => ({
      instrument,
      item,
      index,
      kind: 'choice',
      skippable: !item.scored || instrument.missing.rule === 'prorate',
    }));
  });
}

export function answerOf(answers: Answers, step: Step): Answer | undefined {
  return answers[step.instrument.id]?.[step.index];
}

export function withAnswer(answers: Answers, step: Step, answer: Answer): Answers {
  const list = [...(answers[step.instrument.id] ?? [])];
  while (list.length <= step.index) list.push(undefined);
  list[step.index] = answer;
  return { ...answers, [step.instrument.id]: list };
}

function isActivity(answer: Answer | undefined): answer is ActivityAnswer {
  return typeof answer === 'object' && answer !== null;
}

/** What is missing on a step before moving on, in the patient's words; `null` when fine. */
export function stepProblem(step: Step, answer: Answer | undefined): string | null {
  if (step.kind === 'activity') {
    const activity = isActivity(answer) ? answer : { activity: step.activity ?? '', rating: null };
    if (activity.activity.trim() === '') return 'Write down an activity you find hard.';
    if (activity.rating === null) return 'Choose a number from 0 to 10 for this activity.';
    return null;
  }
  if (answer === undefined) {
    return step.skippable
      ? 'Choose the answer that fits you best, or skip this question.'
      : 'Choose the answer that fits you best.';
  }
  return null;
}

/** The first step still needing an answer, or `null` when all are done. */
export function firstUnanswered(steps: readonly Step[], answers: Answers): number | null {
  const index = steps.findIndex((step) => stepProblem(step, answerOf(answers, step)) !== null);
  return index === -1 ? null : index;
}

/** The body for `POST /api/me/questionnaires/:requestId`. */
export function submissionOf(
  request: QuestionnaireRequest,
  steps: readonly Step[],
  answers: Answers,
): SubmittedQuestionnaire[] {
  return request.instruments.map((id) => {
    const mine = steps.filter((step) => step.instrument.id === id);
    return {
      instrument: id,
      answers: mine.map((step) => {
        const answer = answerOf(answers, step);
        if (step.activity !== undefined) {
          return { activity: step.activity, rating: isActivity(answer) ? answer.rating : null };
        }
        if (isActivity(answer)) return { activity: answer.activity.trim(), rating: answer.rating };
        return answer ?? null;
      }),
    };
  });
}

/**
 * The step a server error names (`questionnaires[1].answers[3]…`, as the API client keys field
 * errors under `body`), or `null` for an error about the whole form.
 */
export function stepOfError(
  field: string,
  submitted: readonly { readonly instrument: InstrumentId }[],
  steps: readonly Step[],
): number | null {
  const match = /^questionnaires\[(\d+)\]\.answers\[(\d+)\]/u.exec(field);
  if (match === null) return null;
  const instrument = submitted[Number(match[1])]?.instrument;
  const index = Number(match[2]);
  const found = steps.findIndex(
    (step) => step.instrument.id === instrument && step.index === index,
  );
  return found === -1 ? null : found;
}

// ---------------------------------------------------------------- kept on the phone

const STORAGE_PREFIX = 'spinewise.questionnaire.';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function loadDraft(requestId: string): Draft {
  const raw = storage()?.getItem(STORAGE_PREFIX + requestId);
  if (raw === null || raw === undefined) return emptyDraft;
  try {
    const parsed = JSON.parse(raw) as { step?: unknown; answers?: unknown } | null;
    const step = parsed?.step;
    const answers = parsed?.answers;
    return {
      step: typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : 0,
      answers: typeof answers === 'object' && answers !== null ? (answers as Answers) : {},
    };
  } catch {
    return emptyDraft;
  }
}

export function saveDraft(requestId: string, draft: Draft): void {
  try {
    storage()?.setItem(STORAGE_PREFIX + requestId, JSON.stringify(draft));
  } catch {
    // A full or blocked storage only loses the copy; the answers on screen stay.
  }
}

export function clearDraft(requestId: string): void {
  storage()?.removeItem(STORAGE_PREFIX + requestId);
}

export function hasDraft(requestId: string): boolean {
  const draft = loadDraft(requestId);
  return Object.keys(draft.answers).length > 0;
}
