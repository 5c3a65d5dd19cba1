/**
 * Zod schemas of the programme and progression routes: request validation and the OpenAPI
 * document. A programme's content is the clinical core's `Programme`; objects inside it are
 * loose (members the schema does not list are kept, never stripped), because the core owns the
 * document and the server stores exactly what it produced. The core's own parsers do the
 * clinical checks (`parseProfile`, `parseProgramme`, the safety rules).
 */
import { goalKinds, patientConditions, type Condition, type GoalKind } from '@spinewise/clinical';
import { z } from 'zod';

const TEXT_MAX = 2000;
const ID_MAX = 200;

// The core lists these as plain arrays; zod wants non-empty tuples.
const conditionValues = patientConditions as readonly [Condition, ...Condition[]];
const goalKindValues = goalKinds as readonly [GoalKind, ...GoalKind[]];
const phaseValues = ['settle', 'control', 'function', 'maintain'] as const;
const regionValues = ['lumbar', 'cervical'] as const;

export const programmeStatusSchema = z.enum([
  'generated',
  'edited',
  'approved',
  'active',
  'completed',
  'archived',
]);

// ---------------------------------------------------------------- params

export const episodeParams = z.object({ episodeId: z.uuid() });
export const programmeParams = z.object({ programmeId: z.uuid() });
export const versionParams = z.object({
  programmeId: z.uuid(),
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export const decisionParams = z.object({ decisionId: z.uuid() });

// ---------------------------------------------------------------- programme content

export const rationaleSchema = z
  .looseObject({
    about: z
      .string()
      .max(50)
      .describe('What the reason is about: phase, exercise, dose, safety, …'),
    text: z.string().max(4000),
    rule: z.string().max(ID_MAX).describe('The rule applied, e.g. `safety.osteoporosis.flexion`'),
    sources: z.array(z.string().max(50)).max(20).describe('Clinical source ids, e.g. `S-PMM`'),
    isDefault: z
      .boolean()
      .optional()
      .describe('Set where the choice rests on a default convention rather than evidence'),
  })
  .meta({ id: 'ProgrammeRationale' });

const derived = <T extends z.ZodType>(schema: T, what: string) =>
  schema.optional().describe(`${what} (computed by the server from the exercise library)`);

export const exerciseOverrideSchema = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .describe("The clinician's reason, e.g. the patient's response to repeated movements"),
    rules: z
      .array(z.string().max(ID_MAX))
      .max(20)
      .describe('The overridden rule ids; every reason of the safety verdict must be listed'),
    by: z.uuid().optional().describe('Who overrode it (set by the server; ignored in a request)'),
    at: z.iso.datetime().optional().describe('When, UTC (set by the server; ignored in a request)'),
  })
  .meta({
    id: 'ExerciseOverride',
    description:
      'A first-phase precaution overridden for this exercise with a written reason. Only relative precautions (first-phase direction rules, avoid-early precautions) can be overridden; surgery before clearance, osteoporosis, avoid precautions and cervical arterial symptoms never can.',
  });

export const prescribedExerciseSchema = z
  .looseObject({
    id: z.string().min(1).max(ID_MAX).describe('An exercise of the library'),
    name: derived(z.string().max(500), 'Name'),
    chain: derived(z.string().max(ID_MAX), 'Progression chain'),
    level: derived(z.number(), 'Level in its chain'),
    kind: derived(z.enum(['reps', 'hold', 'duration']), 'What the dose counts'),
    sets: z.number(),
    reps: z.number().optional(),
    repsPerSet: derived(z.array(z.number()).max(50), 'Repetitions set by set'),
    holdSeconds: z.number().optional(),
    minutes: z.number().optional(),
    perDay: z.number(),
    daysPerWeek: z.number(),
    boutMinutes: derived(z.number(), 'Minutes one bout takes'),
    dailyMinutes: derived(z.number(), 'Minutes a day'),
    cautions: derived(z.array(z.string().max(TEXT_MAX)).max(50), 'Safety cautions'),
    rationale: z.array(rationaleSchema).max(50).optional(),
    override: exerciseOverrideSchema.optional(),
  })
  .meta({ id: 'PrescribedExercise' });

const reassessmentSchema = z.looseObject({
  week: z.int().min(0).max(60),
  date: z.iso.date(),
  instruments: z.array(z.string().max(50)).max(20),
});

export const programmeWeekSchema = z
  .looseObject({
    week: z.int().min(1).max(60),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    phase: z.enum(phaseValues),
    sessions: z
      .array(
        z.looseObject({
          id: z.string().max(ID_MAX),
          name: z.string().max(500),
          daysPerWeek: derived(z.number(), 'Days a week'),
          dailyMinutes: derived(z.number(), 'Minutes a day for the whole session'),
          exercises: z.array(prescribedExerciseSchema).max(30),
        }),
      )
      .max(14),
    activity: z.looseObject({
      kind: z.enum(['walking', 'walkingIntervals', 'cycling']),
      minutesPerDay: z.number().min(0).max(600),
      daysPerWeek: z.number().min(0).max(7),
      rationale: z.array(rationaleSchema).max(50).optional(),
    }),
    lessons: z.array(z.string().max(ID_MAX)).max(50).describe('Lesson ids unlocked this week'),
    tasks: z.array(z.string().max(ID_MAX)).max(50).describe('Posture and ergonomic task ids'),
    reassessments: z.array(reassessmentSchema).max(10),
    rationale: z.array(rationaleSchema).max(50).optional(),
  })
  .meta({ id: 'ProgrammeWeek' });

export const programmeContentSchema = z
  .looseObject({
    status: z.enum(['active', 'blocked']),
    generator: z
      .string()
      .max(100)
      .optional()
      .describe('The generation rules; kept from the current version on an edit'),
    region: z.enum(regionValues),
    condition: z.string().max(100),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    phases: z
      .array(
        z.looseObject({
          phase: z.enum(phaseValues),
          title: z.string().max(500),
          aim: z.string().max(TEXT_MAX),
          weeks: z.array(z.int()).max(60),
        }),
      )
      .max(8),
    weeks: z.array(programmeWeekSchema).max(60),
    reassessments: z.array(reassessmentSchema).max(20),
    screen: z
      .looseObject({})
      .optional()
      .describe('The red-flag screen the programme was made with; kept from the current version'),
    blocked: z.looseObject({}).nullable().optional(),
    rationale: z
      .array(rationaleSchema)
      .max(100)
      .describe('Programme-wide reasons: starting phase, pathway, safety exclusions'),
    excluded: z
      .array(
        z.looseObject({
          id: z.string().max(ID_MAX),
          reasons: z.array(z.string().max(TEXT_MAX)).max(20),
        }),
      )
      .max(200)
      .describe('Exercises left out for this patient, with why'),
    requiredLessons: z
      .array(z.string().max(ID_MAX))
      .max(20)
      .describe('Lessons the patient must always have (the warning signs)'),
  })
  .meta({
    id: 'ProgrammeContent',
    description:
      "The clinical core's programme: dated weeks in phases, each session's exercises and doses, and a rationale (rule and source ids) for every choice.",
  });

// ---------------------------------------------------------------- request bodies

export const generateBodySchema = z
  .strictObject({
    startDate: z.iso
      .date()
      .optional()
      .describe('The first day of the programme; today when not given'),
    minutesPerDay: z.number().describe('Time the patient has each day, 5–180 minutes'),
    goals: z
      .array(
        z.strictObject({
          activity: z.string().max(200),
          rating: z.number().optional(),
          kind: z.enum(goalKindValues).optional(),
        }),
      )
      .max(5)
      .optional()
      .describe("The patient's goals (PSFS activities); the assessment's PSFS when not given"),
    equipment: z
      .array(z.string().max(50))
      .max(20)
      .optional()
      .describe(
        'Equipment at home (none, mat, chair, wall, table, towel, pillow, step, band, weight, bike)',
      ),
    activityBaselineMinutes: z
      .number()
      .optional()
      .describe('Measured walking (or cycling) tolerance, minutes'),
    condition: z
      .enum(conditionValues)
      .optional()
      .describe("Needed when the episode's condition is not one the generator knows"),
    age: z
      .number()
      .optional()
      .describe('Years; from the assessment or the date of birth otherwise'),
    symptomDurationDays: z.number().optional().describe('From the assessment when not given'),
    osteoporosis: z.boolean().optional(),
    directionalPreference: z
      .enum(['extension', 'flexion', 'lateral', 'none'])
      .optional()
      .describe("The assessment's classification when not given"),
    surgeryDate: z.iso.date().optional().describe('Needed after fusion or discectomy'),
    surgeonClearance: z.boolean().optional(),
    options: z
      .strictObject({
        weeks: z.number().optional().describe('Programme length, 1–26 weeks (default 6)'),
        exercisesPerSession: z
          .strictObject({ min: z.number(), max: z.number() })
          .optional()
          .describe('Default 2–4'),
        reassessmentWeeks: z.array(z.number()).max(30).optional(),
        startPhase: z.enum(phaseValues).optional(),
      })
      .optional(),
  })
  .meta({ id: 'GenerateProgramme' });

const reasonText = z.string().trim().min(1).max(TEXT_MAX);

export const editBodySchema = z
  .strictObject({
    baseVersion: z
      .int()
      .min(1)
      .describe('The version the edit starts from; it must still be the current one'),
    content: programmeContentSchema,
    changeReason: reasonText.describe('Why the programme changed, for the version history'),
  })
  .meta({ id: 'EditProgramme' });

export const approveBodySchema = z
  .strictObject({
    version: z.int().min(1).describe('The current version, as the clinician saw it'),
  })
  .meta({ id: 'ApproveProgramme' });

export const archiveBodySchema = z
  .strictObject({ reason: reasonText })
  .meta({ id: 'ArchiveProgramme' });

/** Optional: a POST without a body arrives as `null`. */
export const acceptBodySchema = z
  .strictObject({ reason: reasonText.optional() })
  .nullish()
  .meta({ id: 'AcceptProgression' });

export const rejectBodySchema = z
  .strictObject({ reason: reasonText.describe('Why the suggestion does not fit this patient') })
  .meta({ id: 'RejectProgression' });

// ---------------------------------------------------------------- responses

export const versionInfoSchema = z
  .object({
    version: z.int(),
    status: programmeStatusSchema,
    editedBy: z.uuid().nullable().describe('Who made this version (generated or edited it)'),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    changeReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ProgrammeVersionInfo' });

export const versionSchema = versionInfoSchema
  .extend({ programmeId: z.uuid(), content: programmeContentSchema })
  .meta({ id: 'ProgrammeVersion' });

export const programmeSummarySchema = z
  .object({
    id: z.uuid(),
    episodeId: z.uuid(),
    patientId: z.uuid(),
    status: programmeStatusSchema,
    currentVersion: z.int(),
    activeVersion: z
      .int()
      .nullable()
      .describe('The approved version the patient follows, while the programme is active'),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    versions: z.array(versionInfoSchema).describe('Every version, oldest first'),
  })
  .meta({ id: 'ProgrammeSummary' });

export const programmeListSchema = z
  .object({ programmes: z.array(programmeSummarySchema) })
  .meta({ id: 'ProgrammeList' });

export const programmeDetailSchema = programmeSummarySchema
  .extend({ current: versionSchema.describe('The current version, with its content') })
  .meta({ id: 'Programme' });

const doseSchema = z.looseObject({
  sets: z.number(),
  reps: z.number().optional(),
  holdSeconds: z.number().optional(),
  minutes: z.number().optional(),
  perDay: z.number(),
  daysPerWeek: z.number(),
});

export const suggestionSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    decidedFor: z.iso.date(),
    exerciseId: z.string(),
    name: z.string(),
    decision: z.enum(['progress', 'hold', 'regress', 'stopAndScreen']),
    state: z.enum(['suggested', 'accepted', 'rejected']),
    reason: z.string(),
    rule: z.string(),
    sources: z.array(z.string()),
    current: z.looseObject({ exerciseId: z.string(), level: z.number(), dose: doseSchema }),
    proposed: z
      .looseObject({
        exerciseId: z.string(),
        level: z.number(),
        dose: doseSchema,
        change: z.looseObject({ kind: z.enum(['dose', 'level']) }),
      })
      .nullable()
      .describe('The change accepting it makes; null for hold and stop-and-screen'),
    requiresClinician: z.boolean(),
    programmeVersion: z.int().describe('The programme version the decision was made on'),
    logs: z
      .array(
        z.object({
          id: z.uuid(),
          log: z.looseObject({ date: z.string(), exerciseId: z.string(), setsDone: z.number() }),
        }),
      )
      .describe('The session logs that drove the decision'),
    reviewedBy: z.uuid().nullable(),
    reviewedAt: z.iso.datetime().nullable(),
    reviewReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ProgressionSuggestion' });

export const progressionReportSchema = z
  .object({
    programmeId: z.uuid(),
    version: z.int().describe('The approved version the rules read'),
    today: z.iso.date(),
    week: z.int().nullable().describe('The programme week containing today; null after its end'),
    status: z.enum(['continue', 'halted', 'notStarted']),
    suggestions: z.array(suggestionSchema).describe("Today's suggestions waiting for a clinician"),
    flags: z.array(
      z
        .object({
          type: z.enum(['redFlagSymptom', 'painFlare', 'nonAdherence', 'peripheralisation']),
          severity: z.enum(['emergency', 'urgent', 'warning', 'info']),
          message: z.string(),
          advice: z.string().nullable().describe('What the patient should do, in plain words'),
          sources: z.array(z.string()),
          sessionLogIds: z.array(z.uuid()),
          alertId: z.uuid().nullable().describe('The open alert for this kind of flag'),
        })
        .meta({ id: 'ProgressionFlagReport' }),
    ),
    adherence: z.array(
      z.looseObject({
        week: z.int(),
        startDate: z.iso.date(),
        endDate: z.iso.date(),
        planned: z.number(),
        done: z.number(),
        partly: z.number(),
        rate: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ProgressionReport' });

export const reviewResultSchema = z
  .object({
    suggestion: suggestionSchema,
    programmeVersion: z
      .int()
      .nullable()
      .describe('The programme version accepting wrote; null when the programme did not change'),
  })
  .meta({ id: 'ProgressionReview' });
