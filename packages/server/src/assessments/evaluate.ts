/**
 * What the server makes of an assessment the clinician recorded: every questionnaire scored,
 * the red-flag findings screened and the classification rules run, all by the clinical core.
 * The client sends answers and findings, never a score; the numbers stored are the core's.
 *
 * Pure: plain data in, plain data out, no database and no clock. A clinical input error is
 * rethrown with the path of the request field it came from (`questionnaires[0].answers[3]`), so
 * the API's problem names `body.questionnaires[0].answers[3]`.
 */
import {
  ClinicalInputError,
  change,
  classifyAssessment,
  getInstrument,
  parseAssessment,
  psfsActivityChanges,
  scoreInstrument,
  screenRedFlags,
  type Assessment,
  type AssessmentScores,
  type ChangeResult,
  type Classification,
  type Findings,
  type InputPath,
  type InstrumentId,
  type InstrumentScore,
  type PsfsActivityChange,
  type PsfsActivity,
  type RedFlagScreen,
  type Region,
} from '@spinewise/clinical';
import type { AssessmentQuestionnaire } from '../database/schema.js';

export interface AssessmentInput {
  /** The episode's region: the screen and the classification are for it. */
  readonly region: Region;
  readonly questionnaires: readonly {
    readonly instrument: unknown;
    readonly answers: unknown;
  }[];
  readonly redFlags: { readonly findings: unknown };
  /**
   * The classification input beyond the region and the scores (an `Assessment` without those):
   * history items and examination findings, validated by the clinical core.
   */
  readonly examination?: Readonly<Record<string, unknown>>;
}

export interface EvaluatedAssessment {
  readonly questionnaires: readonly AssessmentQuestionnaire[];
  readonly findings: Findings;
  readonly screen: RedFlagScreen;
  /** What `classifyAssessment` read: the examination with the region and the computed scores. */
  readonly classificationInput: Assessment;
  readonly classification: Classification;
}

/** Runs `compute`, giving any clinical input error the request path it belongs under. */
export function within<T>(prefix: InputPath, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ClinicalInputError) {
      throw new ClinicalInputError([...prefix, ...error.path], error.detail);
    }
    throw error;
  }
}

/**
 * The scores the classification rules read, taken from the scored questionnaires: ODI and NDI
 * as percentages, NPRS, the FABQ work subscale and the STarT Back total with its psychosocial
 * subscale. [S-SB] [S-TBC] [S-CPR-M]
 */
export function classificationScores(
  questionnaires: readonly AssessmentQuestionnaire[],
): AssessmentScores {
  const scores: AssessmentScores = {};
  for (const { score } of questionnaires) {
    switch (score.instrument) {
      case 'odi':
      case 'ndi':
      case 'nprs':
        if (score.score !== null) scores[score.instrument] = score.score;
        break;
      case 'fabq': {
        const work = score.subscales.work;
        if (work !== undefined) scores.fabqWork = work;
        break;
      }
      case 'sbst': {
        const psychosocial = score.subscales.psychosocial;
        if (score.score !== null && psychosocial !== undefined) {
          scores.sbst = { total: score.score, psychosocial };
        }
        break;
      }
      // Outcome measures no classification rule reads.
      case 'rmdq':
      case 'psfs':
      case 'tsk17':
      case 'tsk11':
      case 'pseq':
        break;
    }
  }
  return scores;
}

/**
 * Scores, screens and classifies one assessment. Throws `ClinicalInputError` naming the field
 * as the request gives it: `questionnaires[i].…`, `redFlags.findings.…`, `examination.…`.
 */
export function evaluateAssessment(input: AssessmentInput): EvaluatedAssessment {
  const seen = new Map<InstrumentId, number>();
  const questionnaires = input.questionnaires.map((entry, index): AssessmentQuestionnaire => {
    const score = within(['questionnaires', index], () =>
      scoreInstrument(entry.instrument, entry.answers),
    );
    const earlier = seen.get(score.instrument);
    if (earlier !== undefined) {
      throw new ClinicalInputError(
        ['questionnaires', index, 'instrument'],
        `${score.instrument} is already given at questionnaires[${earlier}]; give each instrument once`,
      );
    }
    seen.set(score.instrument, index);
    return { instrument: score.instrument, answers: entry.answers as unknown[], score };
  });

  const screen = within(['redFlags'], () =>
    screenRedFlags({ region: input.region, findings: input.redFlags.findings }),
  );
  // screenRedFlags accepted the findings, so they are valid `Findings`.
  const findings = input.redFlags.findings as Findings;

  const examination = input.examination ?? {};
  // The age the screen was given stands in when the examination does not repeat it.
  const age = examination.age ?? (typeof findings.age === 'number' ? findings.age : undefined);
  const scores = classificationScores(questionnaires);
  let classificationInput: Assessment;
  try {
    classificationInput = parseAssessment({
      ...examination,
      region: input.region,
      ...(age === undefined ? {} : { age }),
      ...(Object.keys(scores).length === 0 ? {} : { scores }),
    });
  } catch (error) {
    // The region and the scores are ours; only what the request gave can be wrong.
    if (error instanceof ClinicalInputError && error.path[0] !== 'scores') {
      const fromScreen = error.path[0] === 'age' && examination.age === undefined;
      throw new ClinicalInputError(
        fromScreen ? ['redFlags', 'findings', 'age'] : ['examination', ...error.path],
        error.detail,
      );
    }
    throw error;
  }
  const classification = classifyAssessment(classificationInput);

  return { questionnaires, findings, screen, classificationInput, classification };
}

// ---------------------------------------------------------------- change since the baseline

export interface InstrumentChange {
  readonly instrument: InstrumentId;
  /** The primary score's change with its MCID; `null` for the FABQ, which has no total. */
  readonly change: ChangeResult | null;
  /** Subscale changes where the instrument has no total (FABQ: `pa`, `work`); no MCID. */
  readonly subscales: readonly ChangeResult[];
  /** PSFS only: each activity named at both time points, and those named at only one. */
  readonly activities?: {
    readonly matched: readonly PsfsActivityChange[];
    readonly unmatched: readonly PsfsActivity[];
  };
}

export interface ChangeSinceBaseline {
  /** Instruments scored at both the baseline and the reassessment. */
  readonly instruments: readonly InstrumentChange[];
  /** Instruments of the reassessment the baseline did not score. */
  readonly withoutBaseline: readonly InstrumentId[];
}

function instrumentChange(
  baseline: InstrumentScore,
  followUp: InstrumentScore,
  region: Region,
): InstrumentChange {
  const id = followUp.instrument;
  const subscaleChanges = (): ChangeResult[] =>
    Object.keys(getInstrument(id).subscaleRanges).flatMap((subscale) => {
      const from = baseline.subscales[subscale];
      const to = followUp.subscales[subscale];
      return from === undefined || to === undefined
        ? []
        : [change(id, from, to, { region, subscale })];
    });
  const primary =
    baseline.score === null || followUp.score === null
      ? null
      : // [S-MCID] the MCID for the episode's region where it differs (NPRS).
        change(id, baseline.score, followUp.score, { region });
  // [S-PSFS] activity by activity, matched by their words.
  const activities =
    baseline.activities === undefined || followUp.activities === undefined
      ? undefined
      : psfsActivityChanges(baseline.activities, followUp.activities);
  return {
    instrument: id,
    change: primary,
    subscales: primary === null ? subscaleChanges() : [],
    ...(activities === undefined
      ? {}
      : { activities: { matched: activities.activities, unmatched: activities.unmatched } }),
  };
}

/**
 * The reassessment's scores against the baseline's, instrument by instrument: the clinical
 * core's `change`, direction-aware, with the MCID met or not and its thresholds. [S-MCID]
 */
export function changeSinceBaseline(
  baseline: readonly AssessmentQuestionnaire[],
  followUp: readonly AssessmentQuestionnaire[],
  region: Region,
): ChangeSinceBaseline {
  const instruments: InstrumentChange[] = [];
  const withoutBaseline: InstrumentId[] = [];
  for (const entry of followUp) {
    const before = baseline.find((candidate) => candidate.instrument === entry.instrument);
    if (before === undefined) withoutBaseline.push(entry.instrument);
    else instruments.push(instrumentChange(before.score, entry.score, region));
  }
  return { instruments, withoutBaseline };
}
