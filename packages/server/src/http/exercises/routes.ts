/**
 * The exercise library (issue 5, journey 7), under `/api`:
 * - `GET /api/exercises`               every exercise of the clinical core's library, with
 *                                       `?q=` (name, summary, aim, region, chain), `?category=`
 *                                       (the main aim), `?region=`, `?aim=`; with `?patientId=`
 *                                       each carries whether it suits that patient and why not
 * - `GET /api/exercises/:exerciseId`   one exercise, and whether it suits each patient of the
 *                                       caller's caseload (the patients they are responsible for)
 *
 * Staff only. The library itself is not patient data; a verdict for a patient is, so it is
 * scoped to the caller's clinic (another clinic's patient is "not found"), audited, and never
 * cached. Verdicts come from the clinical core's `checkExercise` (see `suitability.ts`).
 *
 * Register after `registerSessionFeature`: these routes rely on its `request.auth`.
 */
import {
  aims,
  exerciseLibrary,
  exerciseRegions,
  type Aim,
  type Exercise,
  type ExerciseRegion,
  type SafetyContext,
} from '@spinewise/clinical';
import { z } from 'zod';
import type { Database } from '../../database/client.js';
import { auditPatient, findVisiblePatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { ProblemError, notFound, problemResponse } from '../problem.js';
import { recordAuditMany, requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';
import {
  caseloadOf,
  patientSafety,
  suitabilityOf,
  type PatientSafety,
  type Suitability,
} from './suitability.js';

export interface ExerciseFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

// ---------------------------------------------------------------- schemas

/** The clinical core's data is read-only; so are the arrays the answers hold. */
function list<Item extends z.ZodType>(item: Item) {
  return z.array(item).readonly();
}

const aimValues = aims as readonly [Aim, ...Aim[]];
const regionValues = exerciseRegions as readonly [ExerciseRegion, ...ExerciseRegion[]];

const listQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Words to find in the name, summary or aims'),
  category: z.enum(aimValues).optional().describe('The main aim (`category` of each exercise)'),
  aim: z.enum(aimValues).optional().describe('Any of the exercise’s aims'),
  region: z.enum(regionValues).optional(),
  patientId: z
    .uuid()
    .optional()
    .describe('A patient of your clinic: each exercise then says whether it suits them'),
});

const exerciseIdParams = z.object({ exerciseId: z.string().min(1).max(100) });

const reasonSchema = z
  .object({ rule: z.string(), text: z.string(), sources: list(z.string()) })
  .meta({ id: 'SafetyReason' });

const suitabilitySchema = z
  .object({
    allowed: z.boolean(),
    reasons: list(z.string()).describe('Why not, in words; empty when allowed'),
    details: list(reasonSchema).describe('The same reasons with their rule and source ids'),
    cautions: list(reasonSchema).describe('Notes that go with an allowed exercise'),
  })
  .meta({ id: 'ExerciseSuitability' });

const rangeSchema = z.object({ min: z.number(), max: z.number(), step: z.number() });
const spanSchema = z.object({ min: z.number(), max: z.number() });
const doseSchema = z.object({
  sets: z.number(),
  reps: z.number().optional(),
  holdSeconds: z.number().optional(),
  minutes: z.number().optional(),
  perDay: z.number(),
  daysPerWeek: z.number(),
});
const limbsSchema = z.object({
  upperArm: z.number(),
  forearm: z.number(),
  thigh: z.number(),
  shin: z.number(),
  foot: z.number(),
});
export const poseSchema = z.object({
  hip: z.object({ x: z.number(), y: z.number() }),
  lowerTrunk: z.number(),
  upperTrunk: z.number(),
  head: z.number(),
  left: limbsSchema,
  right: limbsSchema,
});

const exerciseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    category: z.enum(aimValues).describe('The main aim'),
    region: z.enum(regionValues),
    aims: list(z.enum(aimValues)),
    equipment: list(z.string()),
    position: z.string(),
    movement: z.object({
      directions: list(z.enum(['flexion', 'extension', 'rotation', 'lateral', 'neutral'])),
      endRange: z.boolean(),
      sustained: z.boolean(),
      load: z.enum(['unloaded', 'bodyweight', 'loaded']),
      rotationForce: z.enum(['none', 'gentle', 'forceful']),
      gentleIsometric: z.boolean(),
    }),
    dosage: z.object({
      kind: z.enum(['reps', 'hold', 'duration']),
      default: doseSchema,
      bounds: z.object({
        sets: rangeSchema,
        reps: rangeSchema.optional(),
        holdSeconds: rangeSchema.optional(),
        minutes: rangeSchema.optional(),
        perDay: spanSchema,
        daysPerWeek: spanSchema,
      }),
      pyramid: z.object({ step: z.number() }).optional(),
      progressionOrder: list(z.enum(['reps', 'sets', 'holdSeconds', 'minutes'])),
      secondsPerRep: z.number(),
      restSeconds: z.number(),
      rationale: z.string(),
      sources: list(z.string()),
    }),
    chain: z.string().describe('The progression chain it belongs to'),
    level: z.int().describe('Its level in the chain, 1 = easiest'),
    regression: z.string().nullable().describe('The exercise one level easier'),
    progression: z.string().nullable().describe('The exercise one level harder'),
    summary: z.string(),
    steps: list(z.string()),
    cues: list(z.string()),
    mistakes: list(z.string()),
    feel: z.string().describe('What the patient should feel'),
    stopIf: list(z.string()).describe('When to stop'),
    precautions: list(
      z.object({
        when: z.string(),
        effect: z.enum(['avoid', 'avoidEarly', 'caution']),
        note: z.string(),
        sources: list(z.string()),
      }),
    ),
    animation: z.object({
      view: z.enum(['side', 'front']),
      cycleSeconds: z.number(),
      keyframes: list(z.object({ at: z.number(), pose: poseSchema, label: z.string().optional() })),
    }),
    sources: list(z.string()),
    suitability: suitabilitySchema
      .nullable()
      .optional()
      .describe(
        'With `patientId`: whether it suits the patient now (first phase); null when the patient has no assessment to judge by',
      ),
  })
  .meta({ id: 'Exercise' });

const profileSchema = z
  .object({
    patientId: z.uuid(),
    basis: z
      .enum(['programme', 'assessment', 'none'])
      .describe(
        'What the profile was read from: the newest programme with the latest assessment, the latest assessment alone, or nothing (no assessment in an active episode)',
      ),
    condition: z.string().nullable(),
    directionalPreference: z.enum(['extension', 'flexion', 'lateral', 'none']).nullable(),
    osteoporosis: z.boolean().nullable(),
    surgeryNotCleared: z.boolean().nullable(),
    cervicalArterialSymptoms: z.boolean().nullable(),
  })
  .meta({ id: 'ExerciseSafetyProfile' });

const exerciseListSchema = z
  .object({
    exercises: list(exerciseSchema),
    profile: profileSchema
      .nullable()
      .describe('With `patientId`: the safety profile the verdicts were judged against'),
  })
  .meta({ id: 'ExerciseList' });

const suitsEntrySchema = z.object({
  patientId: z.uuid(),
  displayName: z.string(),
  allowed: z.boolean().nullable().describe('null: no assessment yet to judge by'),
  reasons: list(z.string()),
  details: list(reasonSchema),
  cautions: list(reasonSchema),
  basis: z.enum(['programme', 'assessment', 'none']),
});

const exerciseDetailSchema = exerciseSchema
  .extend({
    suits: z
      .array(suitsEntrySchema)
      .describe(
        'Each patient you are responsible for (by name, at most 50): whether it suits them',
      ),
  })
  .meta({ id: 'ExerciseDetail' });

// ---------------------------------------------------------------- shaping

function publicExercise(exercise: Exercise) {
  return { ...exercise, category: exercise.aims[0] ?? 'mobility' };
}

/** Lower-case words of what `?q=` searches in. */
function searchText(exercise: Exercise): string {
  return [
    exercise.name,
    exercise.summary,
    exercise.region,
    exercise.chain,
    exercise.position,
    ...exercise.aims,
  ]
    .join(' ')
    .toLowerCase();
}

function matches(exercise: Exercise, query: z.infer<typeof listQuerySchema>): boolean {
  if (query.category !== undefined && exercise.aims[0] !== query.category) return false;
  if (query.aim !== undefined && !exercise.aims.includes(query.aim)) return false;
  if (query.region !== undefined && exercise.region !== query.region) return false;
  const words = (query.q ?? '').toLowerCase().split(/\s+/u).filter(Boolean);
  const text = searchText(exercise);
  return words.every((word) => text.includes(word));
}

function publicProfile(patientId: string, safety: PatientSafety) {
  const context: Partial<SafetyContext> = safety.context ?? {};
  return {
    patientId,
    basis: safety.basis,
    condition: context.condition ?? null,
    directionalPreference: context.directionalPreference ?? null,
    osteoporosis: context.osteoporosis ?? null,
    surgeryNotCleared: context.surgeryNotCleared ?? null,
    cervicalArterialSymptoms: context.cervicalArterialSymptoms ?? null,
  };
}

function verdictFor(exercise: Exercise, safety: PatientSafety): Suitability | null {
  return safety.context === null ? null : suitabilityOf(exercise, safety.context);
}

// ---------------------------------------------------------------- routes

export const exerciseRoutes: RoutePlugin<ExerciseFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.get(
    '/exercises',
    {
      schema: {
        summary: 'The exercise library',
        description:
          'Every exercise Spinewise can prescribe: instructions, dose and bounds, progression chain and the animation keyframes. `q` finds words in the name, summary, aims, region and chain. With `patientId` (a patient of your clinic) each exercise carries `suitability`, from the clinical core’s safety check against the patient’s profile, judged for the first phase [S-OSTEO] [S-FUSION] [S-MDT] [S-STEN] [S-RF]; that read is audited.',
        tags: ['exercises'],
        querystring: listQuerySchema,
        response: {
          200: exerciseListSchema,
          400: problemResponse('A query parameter is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such patient (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const query = request.query;
      const found = exerciseLibrary.filter((exercise) => matches(exercise, query));
      if (query.patientId === undefined) {
        return { exercises: found.map(publicExercise), profile: null };
      }
      const patient = await findVisiblePatient(db, auth, query.patientId);
      const safety = await patientSafety(db, patient.id);
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'exerciseSuitability',
        patientId: patient.id,
        detail: { exercises: found.length, basis: safety.basis },
      });
      void reply.header('cache-control', 'no-store');
      return {
        exercises: found.map((exercise) => ({
          ...publicExercise(exercise),
          suitability: verdictFor(exercise, safety),
        })),
        profile: publicProfile(patient.id, safety),
      };
    },
  );

  app.get(
    '/exercises/:exerciseId',
    {
      schema: {
        summary: 'One exercise, and which of your patients it suits',
        description:
          'The exercise with, for each patient you are responsible for (by name, at most 50), whether it suits them now and why not, from the clinical core’s safety check (first phase). Each patient shown is audited.',
        tags: ['exercises'],
        params: exerciseIdParams,
        response: {
          200: exerciseDetailSchema,
          400: problemResponse('The exercise id is invalid'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such exercise'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const exercise = exerciseLibrary.find((item) => item.id === request.params.exerciseId);
      if (exercise === undefined) throw new ProblemError(notFound('exercise'));
      const caseload = await caseloadOf(db, auth.user.clinicId, auth.user.id);
      const suits = [];
      for (const patient of caseload) {
        const safety = await patientSafety(db, patient.id);
        const verdict = verdictFor(exercise, safety);
        suits.push({
          patientId: patient.id,
          displayName: patient.displayName,
          allowed: verdict?.allowed ?? null,
          reasons: verdict?.reasons ?? [],
          details: verdict?.details ?? [],
          cautions: verdict?.cautions ?? [],
          basis: safety.basis,
        });
      }
      const at = now();
      const origin = requestOrigin(request);
      await recordAuditMany(
        db,
        caseload.map((patient) => ({
          userId: auth.user.id,
          clinicId: auth.user.clinicId,
          patientId: patient.id,
          action: 'read' as const,
          resource: 'exerciseSuitability',
          resourceId: patient.id,
          ...origin,
          detail: { exercise: exercise.id },
          at,
        })),
      );
      void reply.header('cache-control', 'no-store');
      return { ...publicExercise(exercise), suits };
    },
  );

  return Promise.resolve();
};

export function registerExerciseFeature(app: App, options: ExerciseFeatureOptions): void {
  registerRoutes(app, exerciseRoutes, { ...options, prefix: '/api' });
}
