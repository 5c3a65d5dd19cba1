/**
 * Questionnaires a patient fills in on their phone: which of a programme's reassessments is due,
 * and the scoring of what the patient sent. Pure: plain data in, plain data out, no database and
 * no clock (today is given).
 */
import {
  ClinicalInputError,
  isInstrumentId,
  scoreInstrument,
  type InstrumentId,
  type Programme,
} from '@spinewise/clinical';
import { within } from '../assessments/evaluate.js';
import type { RequestedQuestionnaireAnswers } from '../database/schema.js';

export interface DueReassessment {
  /** The programme week it belongs to. */
  readonly week: number;
  /** `YYYY-MM-DD`: the day it falls due. */
  readonly date: string;
  readonly instruments: readonly InstrumentId[];
}

/**
 * The programme reassessment whose day has come, the latest one only: a patient who opens the app
 * after two reassessment days is asked once, for the later one, never for a stale one as well.
 * Week 0 is the baseline the clinician records at the assessment itself, so it is never sent to
 * the phone. `null` when none is due yet (or the programme lists no instrument we know).
 */
export function dueReassessment(
  programme: Pick<Programme, 'reassessments'>,
  today: string,
): DueReassessment | null {
  let due: DueReassessment | null = null;
  for (const reassessment of programme.reassessments) {
    if (reassessment.week === 0 || reassessment.date > today) continue;
    const instruments = [...new Set(reassessment.instruments.filter(isInstrumentId))];
    if (instruments.length === 0) continue;
    if (due === null || reassessment.date > due.date) {
      due = { week: reassessment.week, date: reassessment.date, instruments };
    }
  }
  return due;
}

/** Whether two instrument lists name the same instruments, in any order. */
export function sameInstruments(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

export interface SubmittedQuestionnaire {
  readonly instrument: unknown;
  readonly answers: unknown;
}

/**
 * Scores the questionnaires a patient sent for a request, each by the clinical core. They must be
 * exactly the requested instruments, each once. Errors name the field as the request gives it
 * (`questionnaires[0].answers[3]`), so the API's problem names `body.questionnaires[0].answers[3]`.
 * The result is in the order the request lists its instruments.
 */
export function scoreSubmission(
  requested: readonly InstrumentId[],
  submitted: readonly SubmittedQuestionnaire[],
): RequestedQuestionnaireAnswers[] {
  const byInstrument = new Map<InstrumentId, RequestedQuestionnaireAnswers>();
  submitted.forEach((entry, index) => {
    if (!isInstrumentId(entry.instrument) || !requested.includes(entry.instrument)) {
      throw new ClinicalInputError(
        ['questionnaires', index, 'instrument'],
        `is not one of the questionnaires asked for (${requested.join(', ')})`,
      );
    }
    if (byInstrument.has(entry.instrument)) {
      throw new ClinicalInputError(
        ['questionnaires', index, 'instrument'],
        `${entry.instrument} is given twice; give each questionnaire once`,
      );
    }
    const score = within(['questionnaires', index], () =>
      scoreInstrument(entry.instrument, entry.answers),
    );
    byInstrument.set(entry.instrument, {
      instrument: score.instrument,
      answers: entry.answers as unknown[],
      score,
    });
  });
  const missing = requested.filter((id) => !byInstrument.has(id));
  if (missing.length > 0) {
    throw new ClinicalInputError(['questionnaires'], `is missing ${missing.join(', ')}`);
  }
  return requested.map((id) => byInstrument.get(id) as RequestedQuestionnaireAnswers);
}
