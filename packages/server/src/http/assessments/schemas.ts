/**
 * The zod schemas of the assessment, red-flag screen, instrument and episode routes: request
 * bodies (strict: a field the API does not know, such as a `score`, is refused) and the
 * documents they answer with, which mirror the clinical core's results. Each named schema
 * (`.meta({ id })`) is one component of the OpenAPI document.
 */
import {
  instrumentIds,
  movementDirections,
  movementEffects,
  patientConditions,
  type Condition,
  type InstrumentId,
  type MovementDirection,
  type MovementEffect,
} from '@spinewise/clinical';
import { z } from 'zod';
import { flagDecisions } from '../../assessments/records.js';
import type { WorkDemands, WorkStatus } from '../../database/schema.js';
import { storable } from './storable.js';

// The clinical core lists its values as plain arrays; zod wants non-empty tuples.
const instrumentValues = instrumentIds as readonly [InstrumentId, ...InstrumentId[]];
const conditionValues = patientConditions as readonly [Condition, ...Condition[]];
const directionValues = movementDirections as readonly [MovementDirection, ...MovementDirection[]];
const effectValues = movementEffects as readonly [MovementEffect, ...MovementEffect[]];

/** The most answers any instrument takes is 24 (RMDQ); room to spare, never a flood. */
const MAX_ANSWERS = 50;
/** Option labels and PSFS activities are short; the PSFS allows 200 characters. [S-PSFS] */
const MAX_ANSWER_TEXT = 200;
export const FLAG_REASON_MAX_LENGTH = 2000;
export const DISCHARGE_SUMMARY_MAX_LENGTH = 5000;
/** FHIR item and answer texts are sentences, never novels. */
const MAX_QUESTIONNAIRE_TEXT = 10_000;

const region = z.enum(['lumbar', 'cervical']);
const actionSchema = z.enum(['emergency', 'urgent', 'routine', 'none']);
const severitySchema = z.enum(['emergency', 'urgent', 'warning', 'info']);
const instrumentId = z.enum(instrumentValues);
const text = z.array(z.string()).readonly();

// ---------------------------------------------------------------- params

export const episodeParams = z.object({ episodeId: z.uuid() });
export const assessmentParams = z.object({ assessmentId: z.uuid() });
export const instrumentParams = z.object({ instrument: instrumentId });

// ---------------------------------------------------------------- request bodies

const findingsSchema = z
  .record(
    z.string().max(64),
    z.union([z.boolean(), z.literal('unknown'), z.number()], {
      error: 'must be true, false or "unknown" (a number for age and inflammatoryBackPainFeatures)',
    }),
  )
  .describe(
    'Red-flag findings by id: true, false or "unknown" (asked, not known); age and inflammatoryBackPainFeatures are numbers. A finding left out was not asked; both count as absent, and the screen lists them as unanswered.',
  );

export const screenRequestSchema = z
  .strictObject({ region, findings: findingsSchema })
  .meta({ id: 'RedFlagScreenRequest' });

const questionnaireAnswersSchema = z
  .strictObject({
    instrument: instrumentId,
    answers: z
      .array(z.unknown())
      .max(MAX_ANSWERS)
      .superRefine(storable({ maxStringLength: MAX_ANSWER_TEXT, maxDepth: 3 }))
      .describe(
        'In item order: a number, an option label, true/false for two-option items, or null for a skipped item. ODI: a list of the marks ticked in one section (the higher counts). PSFS: 3 to 5 of { activity, rating }.',
      ),
  })
  .meta({
    id: 'QuestionnaireAnswers',
    description: 'The answers only: the server scores them. A score sent with them is refused.',
  });

const movementSchema = z.strictObject({
  direction: z.enum(directionValues),
  effect: z.enum(effectValues),
});

/** The physical examination findings the classification rules read. */
const examinationFindingsShape = {
  hypomobileLumbarSegment: z.boolean().optional(),
  hipInternalRotationDegrees: z.number().optional(),
  straightLegRaiseDegrees: z.number().optional(),
  aberrantMovement: z.boolean().optional(),
  proneInstabilityTest: z.boolean().optional(),
  ulttA: z.boolean().optional(),
  spurling: z.boolean().optional(),
  distractionRelieves: z.boolean().optional(),
  ipsilateralRotationDegrees: z.number().optional(),
};

const historyShape = {
  age: z.number().optional(),
  symptomDurationDays: z.number().optional(),
  recurrentEpisode: z.boolean().optional(),
  symptomsBelowKnee: z.boolean().optional(),
};

const examinationInputSchema = z
  .strictObject({
    ...historyShape,
    examination: z
      .strictObject({
        ...examinationFindingsShape,
        repeatedMovements: z
          .array(movementSchema)
          .max(10)
          .optional()
          .describe('One response per direction'),
      })
      .optional(),
  })
  .meta({
    id: 'AssessmentExamination',
    description:
      'What the classification rules read besides the scores: history items and examination findings. Leave out what was not assessed; the rules then show it as unknown. The age is taken from the red-flag findings when left out.',
  });

/** History entries are phrases or a few sentences, never documents. */
export const HISTORY_TEXT_MAX_LENGTH = 500;
/** Aggravating and easing factors: a short list each. */
export const HISTORY_FACTORS_MAX = 20;

const historyText = z.string().trim().min(1, 'must not be empty').max(HISTORY_TEXT_MAX_LENGTH);
const historyFactors = z.array(historyText).max(HISTORY_FACTORS_MAX);

export const workStatuses = [
  'working',
  'modifiedDuties',
  'offWork',
  'notEmployed',
  'retired',
  'student',
] as const satisfies readonly WorkStatus[];
export const workDemands = [
  'sedentary',
  'light',
  'moderate',
  'heavy',
] as const satisfies readonly WorkDemands[];

export const assessmentHistorySchema = z
  .strictObject({
    surgery: historyText
      .optional()
      .describe('Previous spinal surgery (what, where, when); left out when there was none'),
    aggravating: historyFactors
      .optional()
      .describe('Activities or positions that make the symptoms worse'),
    easing: historyFactors.optional().describe('Activities or positions that ease them'),
    work: z
      .strictObject({
        occupation: historyText.optional(),
        status: z.enum(workStatuses).optional(),
        demands: z.enum(workDemands).optional().describe('The physical demands of the work'),
      })
      .optional(),
    notes: historyText.optional().describe('Anything else the clinician noted'),
  })
  .meta({
    id: 'AssessmentHistory',
    description:
      'The history the clinician took besides what the rules read: surgery, aggravating and easing factors, work. Texts are trimmed; an empty one is refused (leave the field out instead).',
  });

/** The history as stored and answered (the request's, checked and trimmed). */
const storedHistorySchema = z
  .object({
    surgery: z.string().optional(),
    aggravating: text.optional(),
    easing: text.optional(),
    work: z
      .object({
        occupation: z.string().optional(),
        status: z.enum(workStatuses).optional(),
        demands: z.enum(workDemands).optional(),
      })
      .optional(),
    notes: z.string().optional(),
  })
  .meta({ id: 'StoredAssessmentHistory' });

export const createAssessmentBodySchema = z
  .strictObject({
    kind: z.enum(['baseline', 'reassessment']),
    assessedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When the patient was assessed; now when left out. Not in the future.'),
    questionnaires: z.array(questionnaireAnswersSchema).max(instrumentIds.length),
    redFlags: z.strictObject({ findings: findingsSchema }),
    examination: examinationInputSchema.optional(),
    history: assessmentHistorySchema.optional(),
  })
  .meta({ id: 'NewAssessment' });

export const flagDecisionBodySchema = z
  .strictObject({
    decision: z
      .enum(flagDecisions)
      .describe('referred, or reviewed and cleared (rehabilitation may go on)'),
    reason: z.string().trim().min(1).max(FLAG_REASON_MAX_LENGTH),
  })
  .meta({ id: 'NewFlagDecision' });

export const updateEpisodeBodySchema = z
  .strictObject({
    status: z.literal('discharged').optional().describe('Discharge the patient from the episode'),
    dischargedOn: z.iso
      .date()
      .optional()
      .describe('With status: on or after the start, not in the future'),
    dischargeSummary: z
      .string()
      .trim()
      .min(1)
      .max(DISCHARGE_SUMMARY_MAX_LENGTH)
      .optional()
      .describe('With status: outcome and advice given at discharge'),
    condition: z.enum(conditionValues).optional(),
  })
  .meta({ id: 'EpisodeChange' });

/** A FHIR R4 Questionnaire: its structure is the clinical core's to check (importQuestionnaire). */
export const questionnaireBodySchema = z
  .record(z.string(), z.unknown())
  .superRefine(storable({ maxStringLength: MAX_QUESTIONNAIRE_TEXT, maxDepth: 64 }))
  .meta({
    id: 'FhirQuestionnaire',
    description:
      'A FHIR R4 Questionnaire with the licensed wording, matched to the instrument by LOINC panel code or linkIds <instrument>-<number>.',
  });

// ---------------------------------------------------------------- clinical documents

const bandScaleSchema = z.object({
  on: z.string(),
  bands: z.array(z.object({ id: z.string(), label: z.string(), range: z.string() })).readonly(),
});

export const instrumentScoreSchema = z
  .object({
    instrument: instrumentId,
    title: z.string(),
    version: z.string(),
    wording: z.enum(['paraphrase', 'licensed-import']),
    copyright: z.string(),
    licenceNote: z.string(),
    score: z.number().nullable().describe('Full precision; null only for the FABQ (no total)'),
    display: z.string().describe('For people, e.g. "35.6 %"'),
    unit: z.enum(['percent', 'points']),
    band: z.string().nullable(),
    bandLabel: z.string().nullable(),
    bandRange: z.string().nullable(),
    subscales: z.record(z.string(), z.number()).readonly(),
    answered: z.int(),
    missing: z.int(),
    missingItems: text,
    activities: z
      .array(z.object({ activity: z.string().nullable(), rating: z.number() }))
      .readonly()
      .optional(),
    interpretation: z.string(),
    sources: text,
  })
  .meta({ id: 'InstrumentScore' });

const storedQuestionnaireSchema = z
  .object({
    instrument: instrumentId,
    answers: z.array(z.unknown()).readonly().describe('As given'),
    score: instrumentScoreSchema,
  })
  .meta({ id: 'ScoredQuestionnaire' });

const concernSchema = z.object({
  condition: z.string(),
  title: z.string(),
  level: z.enum(['high', 'moderate', 'low']),
  action: actionSchema,
  findings: text.describe('The present findings that drove this concern'),
  criteria: z.string(),
  recommendation: z.string(),
  sources: text,
});

export const redFlagScreenSchema = z
  .object({
    region,
    action: actionSchema.describe('The most severe of the concerns’ actions'),
    concerns: z.array(concernSchema).readonly().describe('Most severe first'),
    unanswered: text.describe('Findings not asked or answered "unknown"; cauda equina first'),
    safetyNet: z
      .object({
        title: z.string(),
        intro: z.string(),
        symptoms: text,
        action: z.string(),
        sources: text,
      })
      .nullable()
      .describe('Cauda equina safety-net advice for the patient: every lumbar screen'),
    contraindications: text,
    requiresClinicianDecision: z.boolean(),
    disclaimer: z.string(),
    sources: text,
  })
  .meta({ id: 'RedFlagScreen' });

const ruleResultSchema = z.object({
  rule: z.string(),
  title: z.string(),
  applicable: z.boolean(),
  result: z.unknown().describe('The rule’s own result (risk, category, likelihood …)'),
  summary: z.string(),
  criteria: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        status: z.enum(['met', 'notMet', 'unknown']),
        value: z.union([z.number(), z.boolean(), z.string()]).optional(),
      }),
    )
    .readonly(),
  met: text,
  notMet: text,
  unknown: text,
  sources: text,
  caveat: z.string().optional(),
});

export const classificationSchema = z
  .object({
    region,
    startBack: ruleResultSchema,
    tbc: ruleResultSchema,
    manipulation: ruleResultSchema,
    stabilisation: ruleResultSchema,
    directionalPreference: ruleResultSchema,
    cervicalRadiculopathy: ruleResultSchema,
    sources: text,
  })
  .meta({ id: 'Classification' });

const classificationInputSchema = z
  .object({
    region,
    ...historyShape,
    scores: z
      .object({
        odi: z.number().optional(),
        ndi: z.number().optional(),
        nprs: z.number().optional(),
        fabqWork: z.number().optional(),
        sbst: z.object({ total: z.number(), psychosocial: z.number() }).optional(),
        sbstRisk: z.enum(['low', 'medium', 'high']).optional(),
      })
      .optional()
      .describe('Computed from the questionnaires'),
    examination: z
      .object({
        ...examinationFindingsShape,
        repeatedMovements: z
          .array(z.object({ direction: z.string(), effect: z.string() }))
          .readonly()
          .optional(),
      })
      .optional(),
  })
  .meta({
    id: 'ClassificationFacts',
    description: 'What the classification rules read, so the result can be reproduced',
  });

const changeResultSchema = z
  .object({
    instrument: instrumentId,
    subscale: z.string().nullable(),
    unit: z.enum(['percent', 'points']),
    baseline: z.number(),
    followUp: z.number(),
    absolute: z.number().describe('followUp − baseline'),
    percent: z.number().nullable().describe('Of the baseline; null when the baseline is 0'),
    direction: z.enum(['improved', 'worsened', 'unchanged']),
    mcidMet: z.boolean().nullable().describe('null where the instrument has no MCID'),
    mcid: z
      .object({
        description: z.string(),
        context: z.string(),
        combine: z.enum(['any', 'all']),
        default: z.boolean(),
        thresholds: z
          .array(
            z.object({
              kind: z.enum(['absolute', 'percent', 'bandChange']),
              value: z.number().optional(),
              note: z.string().optional(),
              met: z.boolean(),
            }),
          )
          .readonly(),
      })
      .nullable(),
    sources: text,
  })
  .meta({ id: 'ScoreChange' });

const instrumentChangeSchema = z
  .object({
    instrument: instrumentId,
    change: changeResultSchema.nullable().describe('null for the FABQ, which has no total'),
    subscales: z.array(changeResultSchema).readonly(),
    activities: z
      .object({
        matched: z
          .array(
            z.object({
              activity: z.string(),
              baseline: z.number(),
              followUp: z.number(),
              absolute: z.number(),
              mcidMet: z.boolean(),
            }),
          )
          .readonly(),
        unmatched: z
          .array(z.object({ activity: z.string().nullable(), rating: z.number() }))
          .readonly(),
      })
      .optional()
      .describe('PSFS: activity by activity'),
  })
  .meta({ id: 'InstrumentChange' });

const changeSinceBaselineSchema = z
  .object({
    baseline: z
      .object({ id: z.uuid(), assessedAt: z.iso.datetime() })
      .nullable()
      .describe('The episode’s baseline assessment; null when there is none before this one'),
    instruments: z.array(instrumentChangeSchema).readonly(),
    withoutBaseline: z.array(instrumentId).readonly(),
  })
  .meta({ id: 'ChangeSinceBaseline' });

const flagDecisionSchema = z
  .object({
    decision: z.enum(flagDecisions),
    reason: z.string(),
    by: z.uuid(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'FlagDecision' });

const alertSummarySchema = z.object({
  id: z.uuid(),
  severity: severitySchema,
  state: z.enum(['open', 'acknowledged', 'resolved']),
  message: z.string(),
});

export const assessmentRecordSchema = z
  .object({
    id: z.uuid(),
    episodeId: z.uuid(),
    patientId: z.uuid(),
    kind: z.enum(['baseline', 'reassessment']),
    assessedAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    createdBy: z.uuid(),
    questionnaires: z.array(storedQuestionnaireSchema).readonly(),
    redFlags: z.object({ findings: findingsSchema.readonly() }),
    screen: redFlagScreenSchema,
    classificationInput: classificationInputSchema.nullable(),
    classification: classificationSchema.nullable(),
    history: storedHistorySchema
      .nullable()
      .describe('The history taken; null when none was recorded (older assessments)'),
    flagDecision: flagDecisionSchema.nullable(),
    decisionPending: z
      .boolean()
      .describe('The screen needs a clinician’s decision and none is recorded yet'),
    change: changeSinceBaselineSchema
      .nullable()
      .describe('A reassessment against the baseline; null for a baseline'),
    alerts: z
      .array(alertSummarySchema)
      .readonly()
      .describe('The red-flag alerts this assessment raised'),
  })
  .meta({ id: 'AssessmentRecord' });

export const assessmentListSchema = z
  .object({
    assessments: z
      .array(
        z.object({
          id: z.uuid(),
          kind: z.enum(['baseline', 'reassessment']),
          assessedAt: z.iso.datetime(),
          createdBy: z.uuid(),
          scores: z
            .array(
              z.object({
                instrument: instrumentId,
                score: z.number().nullable(),
                display: z.string(),
                band: z.string().nullable(),
                bandLabel: z.string().nullable(),
              }),
            )
            .readonly(),
          screen: z.object({
            action: actionSchema,
            requiresClinicianDecision: z.boolean(),
            concerns: text.describe('Titles of the concerns, most severe first'),
          }),
          decisionPending: z.boolean(),
          flagDecision: flagDecisionSchema.nullable(),
          history: storedHistorySchema
            .nullable()
            .describe('The history taken; null when none was recorded'),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'AssessmentList' });

// ---------------------------------------------------------------- instruments

const optionSchema = z.object({ value: z.number(), label: z.string() });

const licensedWordingSchema = z
  .object({
    importedAt: z.iso.datetime(),
    importedBy: z.uuid(),
    matchedBy: z.enum(['loinc', 'linkId']),
    questionnaire: z.object({
      url: z.string().nullable(),
      version: z.string().nullable(),
      title: z.string().nullable(),
      publisher: z.string().nullable(),
      copyright: z.string().nullable(),
    }),
    items: z
      .array(
        z.object({
          id: z.string(),
          number: z.int(),
          text: z.string().describe('The licensed item text'),
          options: z.array(optionSchema).readonly().describe('The licensed answer texts'),
        }),
      )
      .readonly(),
  })
  .meta({
    id: 'LicensedWording',
    description: 'The wording the clinic imported under its licence. [S-LIC]',
  });

export const instrumentSchema = z
  .object({
    id: instrumentId,
    title: z.string(),
    shortTitle: z.string(),
    version: z.string(),
    region: z.enum(['lumbar', 'cervical', 'any']),
    description: z.string(),
    itemCount: z.int(),
    answerCount: z.object({ min: z.int(), max: z.int() }),
    items: z
      .array(
        z.object({
          id: z.string(),
          number: z.int(),
          label: z.string().describe('A short paraphrase in our own words, not the licensed text'),
          options: z.array(optionSchema).readonly(),
          scored: z.boolean(),
          reversed: z.boolean().optional(),
          loinc: z.string().optional(),
        }),
      )
      .readonly(),
    multipleMarks: z.enum(['highest', 'reject']),
    scoreRange: z.object({ min: z.number(), max: z.number() }).nullable(),
    unit: z.enum(['percent', 'points']),
    subscaleRanges: z.record(z.string(), z.object({ min: z.number(), max: z.number() })).readonly(),
    direction: z.enum(['lowerIsBetter', 'higherIsBetter']),
    bands: bandScaleSchema.nullable(),
    interpretation: z.string(),
    mcid: z
      .array(
        z.object({
          description: z.string(),
          context: z.string(),
          region: region.optional(),
          combine: z.enum(['any', 'all']),
          default: z.boolean(),
          sources: text,
        }),
      )
      .readonly(),
    missing: z.object({
      rule: z.enum(['prorate', 'none']),
      maxMissing: z.int(),
      description: z.string(),
    }),
    loinc: z
      .object({
        panel: z.string().optional(),
        score: z.string().optional(),
        subscales: z.record(z.string(), z.string()).readonly().optional(),
        risk: z.string().optional(),
      })
      .nullable(),
    copyright: z.string(),
    licenceNote: z.string(),
    wording: z.enum(['paraphrase', 'licensed-import']),
    licensed: licensedWordingSchema
      .nullable()
      .describe('The clinic’s licensed wording; null when it imported none (show labels only)'),
    sources: text,
  })
  .meta({ id: 'Instrument' });

export const instrumentListSchema = z
  .object({ instruments: z.array(instrumentSchema).readonly() })
  .meta({ id: 'InstrumentList' });

export const importedInstrumentSchema = instrumentSchema
  .extend({
    mapping: z
      .array(
        z.object({
          linkId: z.string(),
          itemId: z.string(),
          number: z.int(),
          matchedBy: z.enum(['loinc', 'linkId']),
        }),
      )
      .readonly()
      .describe('How each questionnaire item mapped onto the instrument'),
  })
  .meta({ id: 'ImportedInstrument' });

// ---------------------------------------------------------------- episodes

export const episodeRecordSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    region,
    condition: z.string(),
    startedOn: z.iso.date(),
    status: z.enum(['active', 'discharged']),
    dischargedOn: z.iso.date().nullable(),
    dischargeSummary: z.string().nullable(),
    updatedAt: z.iso.datetime(),
    completedProgrammeIds: z
      .array(z.uuid())
      .readonly()
      .describe('Programmes this change completed (the active one, on discharge)'),
  })
  .meta({ id: 'EpisodeRecord' });
