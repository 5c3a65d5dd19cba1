/**
 * The assessment being filled in, step by step, as plain data: what each step holds, the
 * request body it becomes, the red-flag findings to screen while it is filled in, and where an
 * error the API names (`body.questionnaires[0].answers[3]`) belongs — which step, which field.
 * Field keys are stable whatever the clinician chose: `q.odi.answers[3]`, `movement.extension`.
 */
import {
  conditionDefinitions,
  findingDefinitions,
  movementDirections,
  type FindingDefinition,
  type InstrumentId,
  type MovementDirection,
  type MovementEffect,
  type Region,
} from '@spinewise/clinical';
import { ApiError } from '../api/client.js';
import type { FormErrors } from '../ui/form.js';
import { describeError } from '../ui/states.js';
import type {
  AssessmentHistory,
  AssessmentKind,
  FindingAnswers,
  Instrument,
  NewAssessment,
  WorkDemands,
  WorkStatus,
} from './assessment-api.js';

export const steps = [
  { id: 'history', title: 'History' },
  { id: 'screen', title: 'Red-flag screen' },
  { id: 'questionnaires', title: 'Questionnaires' },
  { id: 'examination', title: 'Examination' },
  { id: 'review', title: 'Review and save' },
] as const;

export type StepId = (typeof steps)[number]['id'];

/** A yes / no answer that may be left open ('' = not asked or not tested). */
export type YesNo = '' | 'yes' | 'no';
export type FindingChoice = '' | 'yes' | 'no' | 'unknown';
export type DurationUnit = 'days' | 'weeks' | 'months';

export const PSFS_ROWS = 5;
/** The server's bounds on the history (schemas.ts): a phrase or a few sentences, 20 factors. */
export const HISTORY_TEXT_MAX_LENGTH = 500;
export const HISTORY_FACTORS_MAX = 20;

/** Fill the questionnaires in now, or send them to the patient's phone. */
export type QuestionnaireMode = 'now' | 'send';

export interface Draft {
  readonly kind: AssessmentKind;
  readonly age: string;
  readonly duration: string;
  readonly durationUnit: DurationUnit;
  readonly recurrentEpisode: YesNo;
  readonly symptomsBelowKnee: YesNo;
  /** Previous spinal surgery, and what it was. */
  readonly surgery: YesNo;
  readonly surgeryDetails: string;
  /** Activities or positions that make the symptoms worse, or ease them. */
  readonly aggravating: readonly string[];
  readonly easing: readonly string[];
  readonly occupation: string;
  readonly workStatus: WorkStatus | '';
  readonly workDemands: WorkDemands | '';
  readonly historyNotes: string;
  /** Goals as PSFS activities, rated 0–10 (up to five rows). [S-PSFS] */
  readonly activities: readonly { readonly activity: string; readonly rating: string }[];
  readonly findings: Readonly<Record<string, FindingChoice>>;
  readonly inflammatoryFeatures: string;
  /** The questionnaires chosen (the PSFS goes with the goals, not here). */
  readonly instruments: readonly InstrumentId[];
  readonly questionnaireMode: QuestionnaireMode;
  /** Option values as text, '' for a skipped item, by instrument. */
  readonly answers: Readonly<Partial<Record<InstrumentId, readonly string[]>>>;
  readonly exam: Readonly<Record<string, string>>;
  readonly movements: Readonly<Partial<Record<MovementDirection, MovementEffect | ''>>>;
}

export function emptyDraft(kind: AssessmentKind, instruments: readonly InstrumentId[]): Draft {
  return {
    kind,
    age: '',
    duration: '',
    durationUnit: 'weeks',
    recurrentEpisode: '',
    symptomsBelowKnee: '',
    surgery: '',
    surgeryDetails: '',
    aggravating: [],
    easing: [],
    occupation: '',
    workStatus: '',
    workDemands: '',
    historyNotes: '',
    activities: Array.from({ length: PSFS_ROWS }, () => ({ activity: '', rating: '' })),
    findings: {},
    inflammatoryFeatures: '',
    instruments,
    questionnaireMode: 'now',
    answers: {},
    exam: {},
    movements: {},
  };
}

/** The questionnaires a region usually starts with. [S-NICE] asks for a stratified approach. */
export function defaultInstruments(region: Region): readonly InstrumentId[] {
  return region === 'cervical' ? ['ndi', 'nprs'] : ['odi', 'sbst', 'nprs'];
}

/** The red-flag questions the screen asks in a region; the age is asked with the history. */
export function screenQuestions(region: Region): readonly FindingDefinition[] {
  const inRegion = new Set(
    conditionDefinitions
      .filter((condition) => condition.regions.includes(region))
      .map((condition) => condition.id),
  );
  return findingDefinitions.filter(
    (finding) => finding.id !== 'age' && finding.usedBy.some((id) => inRegion.has(id)),
  );
}

export interface ExamField {
  readonly id: string;
  readonly label: string;
  readonly kind: 'yesNo' | 'degrees';
  readonly hint?: string;
}

/** The examination findings the classification rules read, by region. */
export function examFields(region: Region): readonly ExamField[] {
  if (region === 'cervical') {
    return [
      { id: 'ulttA', label: 'Upper limb tension test A positive', kind: 'yesNo' },
      { id: 'spurling', label: 'Spurling’s test positive', kind: 'yesNo' },
      { id: 'distractionRelieves', label: 'Neck distraction eases the symptoms', kind: 'yesNo' },
      {
        id: 'ipsilateralRotationDegrees',
        label: 'Rotation towards the painful side',
        kind: 'degrees',
      },
    ];
  }
  return [
    {
      id: 'hypomobileLumbarSegment',
      label: 'A hypomobile lumbar segment on spring testing',
      kind: 'yesNo',
    },
    {
      id: 'hipInternalRotationDegrees',
      label: 'Hip internal rotation',
      kind: 'degrees',
      hint: 'The hip with more range.',
    },
    { id: 'straightLegRaiseDegrees', label: 'Straight leg raise', kind: 'degrees' },
    { id: 'aberrantMovement', label: 'Aberrant movement on bending', kind: 'yesNo' },
    { id: 'proneInstabilityTest', label: 'Prone instability test positive', kind: 'yesNo' },
  ];
}

// ---------------------------------------------------------------- field keys and steps

export const fieldKeys = {
  age: 'redFlags.findings.age',
  duration: 'examination.symptomDurationDays',
  recurrentEpisode: 'examination.recurrentEpisode',
  symptomsBelowKnee: 'examination.symptomsBelowKnee',
  finding: (id: string) => `redFlags.findings.${id}`,
  answer: (instrument: string, index: number) => `q.${instrument}.answers[${index}]`,
  exam: (id: string) => `examination.examination.${id}`,
  movement: (direction: string) => `movement.${direction}`,
  kind: 'kind',
  surgery: 'history.surgery.answer',
  surgeryDetails: 'history.surgery',
  aggravating: 'history.aggravating',
  easing: 'history.easing',
  occupation: 'history.work.occupation',
  workStatus: 'history.work.status',
  workDemands: 'history.work.demands',
  historyNotes: 'history.notes',
} as const;

/** Which step shows a field. */
export function stepOfField(key: string): StepId {
  if (
    key === fieldKeys.age ||
    key.startsWith('history.') ||
    key.startsWith('q.psfs') ||
    (key.startsWith('examination.') && !key.startsWith('examination.examination'))
  ) {
    return 'history';
  }
  if (key.startsWith('redFlags.')) return 'screen';
  if (key.startsWith('q.')) return 'questionnaires';
  if (key.startsWith('examination.examination') || key.startsWith('movement.')) {
    return 'examination';
  }
  return 'review';
}

/** How the body was laid out, to read the API's indexed paths back onto the fields. */
export interface BodyLayout {
  /** `questionnaires[i]` → its instrument. */
  readonly questionnaires: readonly InstrumentId[];
  /** PSFS `answers[j]` → the goal row it came from. */
  readonly psfsRows: readonly number[];
  /** `repeatedMovements[k]` → its direction. */
  readonly movements: readonly MovementDirection[];
}

/** The field key for a path the API names (without `body.`); deeper parts fold into the field. */
export function fieldKeyOfPath(path: string, layout: BodyLayout): string {
  const questionnaire = /^questionnaires\[(\d+)\](?:\.answers(?:\[(\d+)\])?)?/u.exec(path);
  if (questionnaire !== null) {
    const instrument = layout.questionnaires[Number(questionnaire[1])];
    if (instrument === undefined) return 'questionnaires';
    // The whole questionnaire (too few answers): shown on its first item, where the link leads.
    if (questionnaire[2] === undefined) return fieldKeys.answer(instrument, 0);
    const index = Number(questionnaire[2]);
    const item = instrument === 'psfs' ? (layout.psfsRows[index] ?? index) : index;
    return fieldKeys.answer(instrument, item);
  }
  const movement = /^examination\.examination\.repeatedMovements\[(\d+)\]/u.exec(path);
  if (movement !== null) {
    const direction = layout.movements[Number(movement[1])];
    return direction === undefined
      ? 'examination.examination.repeatedMovements'
      : fieldKeys.movement(direction);
  }
  const finding = /^redFlags\.findings\.[A-Za-z0-9]+/u.exec(path);
  if (finding !== null) return finding[0];
  // `history.aggravating[3]` belongs to the list's field.
  const history = /^history(?:\.work)?\.[A-Za-z]+/u.exec(path);
  if (history !== null) return history[0];
  const exam = /^examination(?:\.examination)?\.[A-Za-z0-9]+/u.exec(path);
  if (exam !== null) return exam[0];
  return path;
}

/** A field message that reads on its own: the API's fragments get the field's name in front. */
function sentence(label: string | undefined, message: string): string {
  const trimmed = message.trim();
  const first = trimmed.charAt(0);
  const fragment = first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
  const text = fragment && label !== undefined ? `${label} ${trimmed}` : trimmed;
  return /[.!?]$/u.test(text) ? text : `${text}.`;
}

export type StepErrors = Readonly<Partial<Record<StepId, FormErrors>>>;

/** Puts each field error on its step, beside its field; the rest goes to the review step. */
export function errorsByStep(
  error: unknown,
  layout: BodyLayout,
  labels: Readonly<Record<string, string>>,
): StepErrors {
  if (!(error instanceof ApiError)) return { review: { form: describeError(error), fields: {} } };
  const fields: Partial<Record<StepId, Record<string, string>>> = {};
  const unplaced: string[] = [];
  for (const { path, message } of error.problem.errors ?? []) {
    if (!path.startsWith('body.')) {
      unplaced.push(message);
      continue;
    }
    const key = fieldKeyOfPath(path.slice('body.'.length), layout);
    const label = labels[key];
    if (label === undefined) {
      unplaced.push(sentence(path.slice('body.'.length), message));
      continue;
    }
    const step = stepOfField(key);
    const stepFields = (fields[step] ??= {});
    stepFields[key] ??= sentence(label, message);
  }
  const result: Partial<Record<StepId, FormErrors>> = {};
  for (const [step, stepFields] of Object.entries(fields) as [StepId, Record<string, string>][]) {
    result[step] = { fields: stepFields };
  }
  if (unplaced.length > 0 || Object.keys(result).length === 0) {
    const detail = error.status === 400 ? error.message : describeError(error);
    result.review = {
      form: [detail, ...unplaced].join(' ').trim(),
      fields: result.review?.fields ?? {},
    };
  }
  return result;
}

/** The first step, in order, that has something to fix. */
export function firstStepWithErrors(errors: StepErrors): StepId | undefined {
  return steps.find((step) => errors[step.id] !== undefined)?.id;
}

// ---------------------------------------------------------------- the request

const DAYS: Readonly<Record<DurationUnit, number>> = { days: 1, weeks: 7, months: 30 };

function numberFrom(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : 'invalid';
}

function yesNo(value: string): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** The red-flag findings as the screen takes them; questions left open are not sent. */
export function findingsOf(draft: Draft): FindingAnswers {
  const findings: Record<string, boolean | 'unknown' | number> = {};
  for (const [id, choice] of Object.entries(draft.findings)) {
    if (choice === 'yes') findings[id] = true;
    else if (choice === 'no') findings[id] = false;
    else if (choice === 'unknown') findings[id] = 'unknown';
  }
  const age = numberFrom(draft.age);
  if (typeof age === 'number') findings.age = age;
  const features = numberFrom(draft.inflammatoryFeatures);
  if (typeof features === 'number') findings.inflammatoryBackPainFeatures = features;
  return findings;
}

/** The chosen questionnaires with at least one answer; none when they go to the phone. */
export function filledInstruments(draft: Draft): readonly InstrumentId[] {
  if (draft.questionnaireMode === 'send') return [];
  return draft.instruments.filter((id) => (draft.answers[id] ?? []).some((value) => value !== ''));
}

/** A factor typed or tapped, added once (the same words in any case count as one). */
export function addFactor(list: readonly string[], factor: string): readonly string[] {
  const trimmed = factor.trim().slice(0, HISTORY_TEXT_MAX_LENGTH);
  if (trimmed === '' || list.length >= HISTORY_FACTORS_MAX) return list;
  const lower = trimmed.toLowerCase();
  if (list.some((entry) => entry.toLowerCase() === lower)) return list;
  return [...list, trimmed];
}

/** The history as the API takes it; what was left open is not sent. */
export function historyOf(draft: Draft): AssessmentHistory | undefined {
  const surgery = draft.surgery === 'yes' ? draft.surgeryDetails.trim() : '';
  const occupation = draft.occupation.trim();
  const notes = draft.historyNotes.trim();
  const work = {
    ...(occupation === '' ? {} : { occupation }),
    ...(draft.workStatus === '' ? {} : { status: draft.workStatus }),
    ...(draft.workDemands === '' ? {} : { demands: draft.workDemands }),
  };
  const history: AssessmentHistory = {
    ...(surgery === '' ? {} : { surgery }),
    ...(draft.aggravating.length === 0 ? {} : { aggravating: draft.aggravating }),
    ...(draft.easing.length === 0 ? {} : { easing: draft.easing }),
    ...(Object.keys(work).length === 0 ? {} : { work }),
    ...(notes === '' ? {} : { notes }),
  };
  return Object.keys(history).length === 0 ? undefined : history;
}

/**
 * A patient's answers as the draft holds them (option values as text, '' for a skipped item).
 * The phone sends numbers; an option label or true/false is read the way the server reads it,
 * and an ODI section with several marks keeps the highest. Anything else is left unanswered.
 */
export function answersToDraft(instrument: Instrument, answers: readonly unknown[]): string[] {
  const valueOf = (answer: unknown, index: number): number | undefined => {
    const options = instrument.items[index]?.options ?? [];
    if (typeof answer === 'number') return answer;
    if (typeof answer === 'boolean') {
      const sorted = options.map((option) => option.value).toSorted((a, b) => a - b);
      return answer ? sorted.at(-1) : sorted[0];
    }
    if (typeof answer === 'string') {
      return options.find((option) => option.label === answer)?.value;
    }
    if (Array.isArray(answer)) {
      const marks = answer
        .map((mark) => valueOf(mark, index))
        .filter((value): value is number => value !== undefined);
      return marks.length === 0 ? undefined : Math.max(...marks);
    }
    return undefined;
  };
  return instrument.items.map((_, index) => {
    const value = valueOf(answers[index], index);
    return value === undefined ? '' : String(value);
  });
}

/** PSFS answers from the phone as goal rows (activity and rating). [S-PSFS] */
export function activitiesFromAnswers(answers: readonly unknown[]): Draft['activities'] {
  const rows = answers.slice(0, PSFS_ROWS).map((answer) => {
    const entry = (typeof answer === 'object' && answer !== null ? answer : {}) as {
      activity?: unknown;
      rating?: unknown;
    };
    return {
      activity: typeof entry.activity === 'string' ? entry.activity : '',
      rating: typeof entry.rating === 'number' ? String(entry.rating) : '',
    };
  });
  while (rows.length < PSFS_ROWS) rows.push({ activity: '', rating: '' });
  return rows;
}

export interface BuiltBody {
  readonly body: NewAssessment;
  readonly layout: BodyLayout;
  /** Fields the console can tell are wrong before asking the server (not a number). */
  readonly invalid: Readonly<Record<string, string>>;
}

export function buildAssessmentBody(draft: Draft, region: Region): BuiltBody {
  const invalid: Record<string, string> = {};
  const notANumber = 'must be a number';
  const checkNumber = (key: string, text: string) => {
    const value = numberFrom(text);
    if (value === 'invalid') {
      invalid[key] = notANumber;
      return undefined;
    }
    return value;
  };
  checkNumber(fieldKeys.age, draft.age);
  checkNumber(fieldKeys.finding('inflammatoryBackPainFeatures'), draft.inflammatoryFeatures);
  if (draft.surgery === 'yes' && draft.surgeryDetails.trim() === '') {
    invalid[fieldKeys.surgeryDetails] = 'are needed when the patient has had surgery';
  }

  const questionnaires: { instrument: InstrumentId; answers: unknown[] }[] = [];
  // A questionnaire chosen but not started has nothing to score: it is left out.
  for (const instrument of filledInstruments(draft)) {
    const answers = (draft.answers[instrument] ?? []).map((value) =>
      value === '' ? null : Number(value),
    );
    questionnaires.push({ instrument, answers });
  }
  const psfsRows: number[] = [];
  const activities: unknown[] = [];
  draft.activities.forEach((row, index) => {
    if (row.activity.trim() === '' && row.rating === '') return;
    psfsRows.push(index);
    activities.push({
      activity: row.activity.trim(),
      rating: row.rating === '' ? null : Number(row.rating),
    });
  });
  if (activities.length > 0) questionnaires.push({ instrument: 'psfs', answers: activities });

  const duration = checkNumber(fieldKeys.duration, draft.duration);
  const history: Record<string, number | boolean> = {};
  if (duration !== undefined) {
    history.symptomDurationDays = Math.round(duration * DAYS[draft.durationUnit]);
  }
  const recurrent = yesNo(draft.recurrentEpisode);
  if (recurrent !== undefined) history.recurrentEpisode = recurrent;
  const belowKnee = region === 'lumbar' ? yesNo(draft.symptomsBelowKnee) : undefined;
  if (belowKnee !== undefined) history.symptomsBelowKnee = belowKnee;

  const exam: Record<string, unknown> = {};
  for (const field of examFields(region)) {
    const text = draft.exam[field.id] ?? '';
    const value =
      field.kind === 'yesNo' ? yesNo(text) : checkNumber(fieldKeys.exam(field.id), text);
    if (value !== undefined) exam[field.id] = value;
  }
  const movements = movementDirections.filter((direction) => {
    const effect = draft.movements[direction];
    return effect !== undefined && effect !== '';
  });
  if (movements.length > 0) {
    exam.repeatedMovements = movements.map((direction) => ({
      direction,
      effect: draft.movements[direction],
    }));
  }

  const examination = {
    ...history,
    ...(Object.keys(exam).length > 0 ? { examination: exam } : {}),
  };
  const takenHistory = historyOf(draft);
  const body = {
    kind: draft.kind,
    questionnaires,
    redFlags: { findings: findingsOf(draft) },
    ...(Object.keys(examination).length > 0 ? { examination } : {}),
    ...(takenHistory === undefined ? {} : { history: takenHistory }),
  } as NewAssessment;
  return {
    body,
    layout: { questionnaires: questionnaires.map((q) => q.instrument), psfsRows, movements },
    invalid,
  };
}

/** Local errors (not a number) as step errors, with the same sentences as the server's. */
export function invalidByStep(
  invalid: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): StepErrors {
  const result: Partial<Record<StepId, { fields: Record<string, string> }>> = {};
  for (const [key, message] of Object.entries(invalid)) {
    const step = stepOfField(key);
    (result[step] ??= { fields: {} }).fields[key] = sentence(labels[key], message);
  }
  return result;
}
