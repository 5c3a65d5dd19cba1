/**
 * The profile `generateProgramme` takes, built from what the server already holds: the episode
 * (region, condition), its latest assessment (scores computed by the clinical core, the red-flag
 * findings, the classification and the clinician's decision on any flag) and the patient's date
 * of birth, plus the choices only the clinician can make (start date, minutes a day, equipment,
 * goals, …). Pure: the core's `parseProfile` validates the result and names any bad field.
 */
import {
  patientConditions,
  type Assessment,
  type Classification,
  type Condition,
  type DirectionalPreference,
  type Findings,
  type GoalKind,
  type PhaseId,
  type Region,
} from '@spinewise/clinical';
import type { AssessmentQuestionnaire, FlagDecision } from '../database/schema.js';

/**
 * The clinician's choices when generating, as the request gives them (an absent choice may be
 * `undefined`, as a validated request leaves it).
 */
export interface GenerateChoices {
  /** `YYYY-MM-DD`; today when not given. */
  readonly startDate?: string | undefined;
  readonly minutesPerDay: number;
  /** The patient's goals; the assessment's PSFS activities when not given. */
  readonly goals?:
    | readonly {
        readonly activity: string;
        readonly rating?: number | undefined;
        readonly kind?: GoalKind | undefined;
      }[]
    | undefined;
  /** Checked by the core (`parseProfile`), which names an unknown item. */
  readonly equipment?: readonly string[] | undefined;
  readonly activityBaselineMinutes?: number | undefined;
  /** Needed when the episode's condition is free text the generator does not know. */
  readonly condition?: Condition | undefined;
  /** Overrides what the assessment or the date of birth gives. */
  readonly age?: number | undefined;
  readonly symptomDurationDays?: number | undefined;
  readonly osteoporosis?: boolean | undefined;
  readonly directionalPreference?: DirectionalPreference | undefined;
  readonly surgeryDate?: string | undefined;
  readonly surgeonClearance?: boolean | undefined;
  /** Generation options (`parseGenerateOptions`): weeks, exercises per session, … */
  readonly options?:
    | {
        readonly weeks?: number | undefined;
        readonly exercisesPerSession?: { readonly min: number; readonly max: number } | undefined;
        readonly reassessmentWeeks?: readonly number[] | undefined;
        readonly startPhase?: PhaseId | undefined;
      }
    | undefined;
}

/** The parts of an assessment row the profile reads. */
export interface AssessmentProfileInput {
  readonly questionnaires: readonly AssessmentQuestionnaire[];
  readonly redFlagFindings: Findings;
  readonly examination: Assessment | null;
  readonly classification: Classification | null;
  readonly flagDecision: FlagDecision | null;
}

export interface ProfileSource {
  readonly episode: { readonly region: Region; readonly condition: string };
  readonly dateOfBirth: string | null;
  readonly assessment: AssessmentProfileInput;
  readonly choices: GenerateChoices;
  /** `YYYY-MM-DD`, the server's day. */
  readonly today: string;
}

/** A field the profile needs that neither the records nor the request give. */
export interface MissingField {
  /** The request field that would supply it, e.g. `age`. */
  readonly field: string;
  readonly message: string;
}

export type ProfileResult =
  | { readonly ok: true; readonly profile: Record<string, unknown>; readonly options: unknown }
  | { readonly ok: false; readonly missing: readonly MissingField[] };

function isCondition(value: string): value is Condition {
  return (patientConditions as readonly string[]).includes(value);
}

/** Whole years from a date of birth to a day (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [birthYear, birthMonthDay] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [year, monthDay] = [Number(day.slice(0, 4)), day.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

function scoreOf(
  questionnaires: readonly AssessmentQuestionnaire[],
  instrument: string,
): number | undefined {
  const score = questionnaires.find((entry) => entry.instrument === instrument)?.score.score;
  return typeof score === 'number' ? score : undefined;
}

/** The assessment's PSFS activities with their ratings, as goals. */
function psfsGoals(questionnaires: readonly AssessmentQuestionnaire[]) {
  const activities =
    questionnaires.find((entry) => entry.instrument === 'psfs')?.score.activities ?? [];
  return activities
    .flatMap((item) =>
      item.activity === null ? [] : [{ activity: item.activity, rating: item.rating }],
    )
    .slice(0, 5);
}

/**
 * The profile and options to give `generateProgramme`, or the fields the request must add.
 * The request's choices override what the records say; nothing is silently invented.
 */
export function buildProfile(source: ProfileSource): ProfileResult {
  const { episode, assessment, choices } = source;
  const missing: MissingField[] = [];
  const startDate = choices.startDate ?? source.today;

  const condition =
    choices.condition ?? (isCondition(episode.condition) ? episode.condition : undefined);
  if (condition === undefined) {
    missing.push({
      field: 'condition',
      message: `is needed: the episode's condition is not one the programme generator knows; choose one of ${patientConditions.join(', ')}`,
    });
  }
  const age =
    choices.age ??
    assessment.examination?.age ??
    (source.dateOfBirth === null ? undefined : ageOn(source.dateOfBirth, startDate));
  if (age === undefined) {
    missing.push({
      field: 'age',
      message: "is needed: neither the assessment nor the patient's date of birth gives it",
    });
  }
  const symptomDurationDays =
    choices.symptomDurationDays ?? assessment.examination?.symptomDurationDays;
  if (symptomDurationDays === undefined) {
    missing.push({
      field: 'symptomDurationDays',
      message: 'is needed: the assessment does not record how long the symptoms have lasted',
    });
  }
  if (missing.length > 0) return { ok: false, missing };

  const recorded = assessment.examination?.scores;
  const odi = scoreOf(assessment.questionnaires, 'odi') ?? recorded?.odi;
  const ndi = scoreOf(assessment.questionnaires, 'ndi') ?? recorded?.ndi;
  const nprs = scoreOf(assessment.questionnaires, 'nprs') ?? recorded?.nprs;
  const scores = {
    ...(odi === undefined ? {} : { odi }),
    ...(ndi === undefined ? {} : { ndi }),
    ...(nprs === undefined ? {} : { nprs }),
  };
  const sbstRisk = assessment.classification?.startBack.result.risk ?? recorded?.sbstRisk;
  const found = assessment.classification?.directionalPreference.result.preference;
  const directionalPreference =
    choices.directionalPreference ??
    (found === 'extension' || found === 'flexion' || found === 'lateral' || found === 'none'
      ? found
      : undefined);
  const goals = choices.goals ?? psfsGoals(assessment.questionnaires);
  const decision = assessment.flagDecision;

  const profile: Record<string, unknown> = {
    region: episode.region,
    condition,
    symptomDurationDays,
    age,
    ...(sbstRisk === undefined ? {} : { sbstRisk }),
    ...(Object.keys(scores).length === 0 ? {} : { scores }),
    ...(directionalPreference === undefined ? {} : { directionalPreference }),
    ...(choices.osteoporosis === undefined ? {} : { osteoporosis: choices.osteoporosis }),
    ...(choices.surgeryDate === undefined ? {} : { surgeryDate: choices.surgeryDate }),
    ...(choices.surgeonClearance === undefined
      ? {}
      : { surgeonClearance: choices.surgeonClearance }),
    redFlags: { findings: assessment.redFlagFindings },
    ...(decision === null
      ? {}
      : {
          clinicianDecision: {
            decision: decision.decision,
            reason: decision.reason,
            date: decision.at.slice(0, 10),
          },
        }),
    ...(goals.length === 0 ? {} : { goals }),
    minutesPerDay: choices.minutesPerDay,
    ...(choices.equipment === undefined ? {} : { equipment: choices.equipment }),
    startDate,
    ...(choices.activityBaselineMinutes === undefined
      ? {}
      : { activityBaselineMinutes: choices.activityBaselineMinutes }),
  };
  return { ok: true, profile, options: choices.options };
}
