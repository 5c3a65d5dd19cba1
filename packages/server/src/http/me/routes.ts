/**
 * The patient's lessons and progress (issue 6 §4–5), under `/api`:
 * - `GET /api/me/lessons`                         the patient's lessons, open or not yet
 * - `GET /api/me/lessons/:lessonId`               one open lesson to read
 * - `POST /api/me/lessons/:lessonId/progress`     answers to its check questions
 * - `GET /api/me/progress`                        pain trend, this week, questionnaires, goals
 *
 * The patient is always the signed-in user's own record, never an id from the request. Which
 * lessons open when, and what the results mean, is decided by the pure helpers in
 * `src/progress/`; this file reads the rows, calls them and audits every read and write.
 */
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import { getLesson, type Lesson, type Programme, type Region } from '@spinewise/clinical';
import { z } from 'zod';
import type { Database } from '../../database/client.js';
import {
  assessments,
  checkIns,
  episodes,
  lessonProgress,
  questionnaireRequests,
  sessionLogs,
} from '../../database/schema.js';
import { findActiveProgramme } from '../../logs/session-logs.js';
import {
  answerResults,
  checkAnswers,
  lessonContent,
  lessonList,
  scoreAnswers,
  type LessonListItem,
} from '../../progress/lessons.js';
import {
  goalProgress,
  questionnaireResults,
  type ScoredQuestionnaire,
} from '../../progress/outcomes.js';
import { describePainTrend, painTrend, weekDays } from '../../progress/pain-trend.js';
import { ownPatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import {
  ProblemError,
  badRequest,
  conflict,
  formatFieldPath,
  notFound,
  problemResponse,
} from '../problem.js';
import { recordAudit, requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';

export interface MeFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

/** The server's day, `YYYY-MM-DD` in UTC, as the clinical core's dates are. */
function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Most check questions a lesson has is three; the bound leaves room for content to grow. */
const MAX_ANSWERS = 20;

// ---------------------------------------------------------------- schemas

const scoreSchema = z.object({ right: z.int(), total: z.int() });

const lessonListSchema = z
  .object({
    date: z.iso.date(),
    programme: z
      .object({ id: z.uuid(), startDate: z.iso.date(), endDate: z.iso.date() })
      .nullable()
      .describe('The active programme; null: only the safety lessons (and any already read)'),
    lessons: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        summary: z.string(),
        minutes: z.number(),
        kind: z
          .enum(['safety', 'programme', 'moreToRead'])
          .describe(
            'safety: open from the start; programme: opens with its week; moreToRead: library lessons not in the programme, open after it ends',
          ),
        week: z.int().nullable(),
        unlockedOn: z.iso.date().nullable().describe('The day it opens; null: open from the start'),
        unlocked: z.boolean(),
        completedAt: z.iso.datetime().nullable(),
        score: scoreSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'PatientLessonList' });

const answerResultSchema = z.object({
  questionId: z.string(),
  optionId: z.string(),
  correct: z.boolean(),
  rightOptionId: z.string(),
  explanation: z.string(),
});

const lessonSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    minutes: z.number(),
    sections: z.array(
      z.object({
        heading: z.string(),
        paragraphs: z.array(z.string()),
        bullets: z.array(z.string()),
      }),
    ),
    keyPoints: z.array(z.string()),
    checkQuestions: z.array(
      z.object({
        id: z.string(),
        question: z.string(),
        options: z.array(z.object({ id: z.string(), text: z.string() })),
        result: answerResultSchema
          .nullable()
          .describe('The feedback once answered; which option is right is not sent before'),
      }),
    ),
    breathingTimer: z
      .object({
        inhaleSeconds: z.number(),
        holdSeconds: z.number(),
        exhaleSeconds: z.number(),
        cycles: z.int(),
      })
      .nullable(),
    sources: z.array(z.string()).describe('Source ids for the clinician; not shown to the patient'),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PatientLesson' });

const lessonParamsSchema = z.object({ lessonId: z.string().min(1).max(100) });

const lessonAnswersBodySchema = z
  .strictObject({
    answers: z
      .record(z.string().min(1).max(100), z.string().min(1).max(10))
      .refine((answers) => Object.keys(answers).length > 0, 'needs at least one answer')
      .refine(
        (answers) => Object.keys(answers).length <= MAX_ANSWERS,
        `at most ${MAX_ANSWERS} answers`,
      )
      .describe('Question id → the chosen option id'),
  })
  .meta({ id: 'LessonAnswers' });

const lessonProgressSchema = z
  .object({
    lessonId: z.string(),
    completedAt: z.iso.datetime().describe('When the patient first answered'),
    results: z.array(answerResultSchema).describe('Every stored answer, in the lesson’s order'),
    score: scoreSchema,
  })
  .meta({ id: 'LessonProgress' });

const sourceRefSchema = z.object({
  kind: z.enum(['assessment', 'questionnaireRequest']),
  id: z.uuid(),
});

const scorePointSchema = z.object({
  score: z.number(),
  display: z.string(),
  at: z.iso.datetime(),
  source: sourceRefSchema,
});

const progressSchema = z
  .object({
    date: z.iso.date(),
    programme: z
      .object({ id: z.uuid(), startDate: z.iso.date(), endDate: z.iso.date() })
      .nullable(),
    painTrend: z.object({
      days: z.array(
        z.object({
          date: z.iso.date(),
          painBefore: z.number().nullable(),
          painDuring: z.number().nullable(),
          painAfter: z.number().nullable(),
          nextMorningPain: z.number().nullable(),
        }),
      ),
      summary: z.string(),
    }),
    week: z
      .object({
        week: z.int(),
        startDate: z.iso.date(),
        endDate: z.iso.date(),
        daysDone: z.int(),
        daysPlanned: z.int(),
        message: z.string(),
      })
      .nullable()
      .describe('The programme week containing today; null outside the programme'),
    questionnaires: z.array(
      z.object({
        instrument: z.string(),
        title: z.string(),
        baseline: scorePointSchema,
        latest: scorePointSchema.nullable(),
        direction: z.enum(['improved', 'worsened', 'unchanged']).nullable(),
        realChange: z.boolean().nullable().describe('The improvement reaches the MCID'),
        meaning: z.string(),
        sources: z.array(z.string()),
      }),
    ),
    goals: z.array(
      z.object({
        activity: z.string(),
        baseline: z.number(),
        latest: z.number().nullable(),
        change: z.number().nullable(),
        meaning: z.string(),
        sources: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'PatientProgress' });

// ---------------------------------------------------------------- look-ups

/** The patient's current episode: the active one that started last, as the programme's is. */
async function currentEpisode(db: Database, patientId: string) {
  const [episode] = await db
    .select({ id: episodes.id, region: episodes.region })
    .from(episodes)
    .where(and(eq(episodes.patientId, patientId), eq(episodes.status, 'active')))
    .orderBy(desc(episodes.startedOn), desc(episodes.createdAt))
    .limit(1);
  return episode;
}

interface LessonContext {
  readonly programme: { readonly id: string; readonly content: Programme } | undefined;
  readonly region: Region | null;
  readonly progress: readonly {
    lessonId: string;
    answers: Readonly<Record<string, string>>;
    completedAt: Date;
  }[];
}

async function lessonContext(db: Database, patientId: string): Promise<LessonContext> {
  const programme = await findActiveProgramme(db, patientId);
  const region = programme?.content.region ?? (await currentEpisode(db, patientId))?.region ?? null;
  const progress = await db
    .select({
      lessonId: lessonProgress.lessonId,
      answers: lessonProgress.answers,
      completedAt: lessonProgress.completedAt,
    })
    .from(lessonProgress)
    .where(eq(lessonProgress.patientId, patientId));
  return { programme, region, progress };
}

function listFor(context: LessonContext, today: string): LessonListItem[] {
  return lessonList({
    programme: context.programme?.content ?? null,
    region: context.region,
    today,
    progress: context.progress,
  });
}

/** The lesson if the patient may see it: 404 when it is not theirs, 409 until it opens. */
function openLesson(context: LessonContext, lessonId: string, today: string): Lesson {
  const item = listFor(context, today).find((candidate) => candidate.id === lessonId);
  if (item === undefined) throw new ProblemError(notFound('lesson'));
  if (!item.unlocked) {
    throw new ProblemError(conflict(`This lesson opens on ${item.unlockedOn ?? 'a later day'}.`));
  }
  return getLesson(lessonId);
}

// ---------------------------------------------------------------- routes

export const meRoutes: RoutePlugin<MeFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.get(
    '/me/lessons',
    {
      schema: {
        summary: "The patient's lessons",
        description:
          'Safety lessons first (open from the start), then the programme’s lessons by the day their week opens, then library lessons not in the programme ("more to read", open after the programme ends). Without an active programme: the safety lesson for the patient’s region and any lesson already read.',
        tags: ['patient app'],
        response: {
          200: lessonListSchema,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
          404: problemResponse('No patient record for this user'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatient(db, auth);
      const at = now();
      const today = dayOf(at);
      const context = await lessonContext(db, patient.id);
      const list = listFor(context, today);
      await recordAudit(db, {
        userId: auth.user.id,
        clinicId: auth.user.clinicId,
        patientId: patient.id,
        action: 'read',
        resource: 'lessonProgress',
        ...requestOrigin(request),
        detail: { view: 'lessons', count: list.length },
        at,
      });
      void reply.header('cache-control', 'no-store');
      const programme = context.programme;
      return {
        date: today,
        programme:
          programme === undefined
            ? null
            : {
                id: programme.id,
                startDate: programme.content.startDate,
                endDate: programme.content.endDate,
              },
        lessons: list,
      };
    },
  );

  app.get(
    '/me/lessons/:lessonId',
    {
      schema: {
        summary: 'One lesson to read',
        description:
          'The lesson’s sections, key points and check questions with their options. Which option is right is sent only for questions already answered.',
        tags: ['patient app'],
        params: lessonParamsSchema,
        response: {
          200: lessonSchema,
          400: problemResponse('The lesson id is malformed'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
          404: problemResponse('No such lesson for this patient'),
          409: problemResponse('The lesson has not opened yet; the detail says when it opens'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatient(db, auth);
      const at = now();
      const context = await lessonContext(db, patient.id);
      const lesson = openLesson(context, request.params.lessonId, dayOf(at));
      const stored = context.progress.find((row) => row.lessonId === lesson.id);
      await recordAudit(db, {
        userId: auth.user.id,
        clinicId: auth.user.clinicId,
        patientId: patient.id,
        action: 'read',
        resource: 'lessonProgress',
        resourceId: lesson.id,
        ...requestOrigin(request),
        detail: { view: 'lesson', answered: stored !== undefined },
        at,
      });
      void reply.header('cache-control', 'no-store');
      return {
        ...lessonContent(lesson, stored?.answers ?? {}),
        completedAt: stored === undefined ? null : stored.completedAt.toISOString(),
      };
    },
  );

  app.post(
    '/me/lessons/:lessonId/progress',
    {
      schema: {
        summary: 'Answer a lesson’s check questions',
        description:
          'Stores the answers (added to any given before; a question answered again keeps the latest) and answers with the feedback for every stored answer: right or not, the right option and the explanation. Needs the x-csrf-token header.',
        tags: ['patient app'],
        params: lessonParamsSchema,
        body: lessonAnswersBodySchema,
        response: {
          200: lessonProgressSchema,
          400: problemResponse('Malformed body, or an unknown question or option id'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
          404: problemResponse('No such lesson for this patient'),
          409: problemResponse('The lesson has not opened yet'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatient(db, auth);
      const at = now();
      const context = await lessonContext(db, patient.id);
      const lesson = openLesson(context, request.params.lessonId, dayOf(at));
      const checked = checkAnswers(lesson, request.body.answers);
      if (!checked.ok) {
        throw new ProblemError(
          badRequest(
            checked.errors.map((error) => ({
              path: formatFieldPath('body', ['answers', error.questionId]),
              message: error.message,
            })),
          ),
        );
      }
      const before = context.progress.find((row) => row.lessonId === lesson.id);
      const answers = { ...(before?.answers ?? {}), ...request.body.answers };
      const stored = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(lessonProgress)
          .values({ patientId: patient.id, lessonId: lesson.id, answers, completedAt: at })
          .onConflictDoUpdate({
            target: [lessonProgress.patientId, lessonProgress.lessonId],
            // Re-reading is allowed: the latest answers are kept, the first completion too.
            set: { answers },
          })
          .returning();
        if (row === undefined) throw new Error('lesson progress was not stored');
        await recordAudit(tx, {
          userId: auth.user.id,
          clinicId: auth.user.clinicId,
          patientId: patient.id,
          action: before === undefined ? 'create' : 'update',
          resource: 'lessonProgress',
          resourceId: lesson.id,
          ...requestOrigin(request),
          detail: { answered: Object.keys(request.body.answers).length },
          at,
        });
        return row;
      });
      void reply.header('cache-control', 'no-store');
      return {
        lessonId: lesson.id,
        completedAt: stored.completedAt.toISOString(),
        results: answerResults(lesson, stored.answers),
        score: scoreAnswers(lesson, stored.answers),
      };
    },
  );

  app.get(
    '/me/progress',
    {
      schema: {
        summary: "The patient's progress",
        description:
          'Pain per day over the programme so far (session logs averaged; next-morning pain from the check-ins), the days exercised this week against the plan, questionnaire results against the baseline in plain words (with the MCID source ids), and the PSFS goals with their latest ratings.',
        tags: ['patient app'],
        response: {
          200: progressSchema,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
          404: problemResponse('No patient record for this user'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatient(db, auth);
      const at = now();
      const today = dayOf(at);
      const programme = await findActiveProgramme(db, patient.id);
      const episode = await currentEpisode(db, patient.id);
      const region = programme?.content.region ?? episode?.region ?? null;

      let days: ReturnType<typeof painTrend> = [];
      let week: ReturnType<typeof weekDays> = null;
      if (programme !== undefined) {
        const from = programme.content.startDate;
        const to = today < programme.content.endDate ? today : programme.content.endDate;
        const logs = await db
          .select({ log: sessionLogs.log })
          .from(sessionLogs)
          .where(
            and(
              eq(sessionLogs.patientId, patient.id),
              gte(sessionLogs.performedOn, from),
              lte(sessionLogs.performedOn, to),
            ),
          );
        const mornings = await db
          .select({ sessionOn: checkIns.sessionOn, pain: checkIns.pain })
          .from(checkIns)
          .where(
            and(
              eq(checkIns.patientId, patient.id),
              gte(checkIns.sessionOn, from),
              lte(checkIns.sessionOn, to),
            ),
          );
        const read = logs.map((row) => row.log);
        days = painTrend(read, mornings, from, to);
        week = weekDays(programme.content, read, today);
      }

      const { baseline, followUps } =
        episode === undefined
          ? { baseline: [], followUps: [] }
          : await questionnairesOf(db, episode.id);
      const questionnaires = questionnaireResults(baseline, followUps, region);
      const baselinePsfs = baseline.find((entry) => entry.instrument === 'psfs');
      const latestPsfs = followUps
        .filter(
          (entry) =>
            entry.instrument === 'psfs' &&
            (baselinePsfs === undefined || entry.at > baselinePsfs.at),
        )
        .sort((a, b) => a.at.localeCompare(b.at))
        .at(-1);
      const goals =
        baselinePsfs === undefined
          ? []
          : goalProgress(baselinePsfs.score.activities ?? [], latestPsfs?.score.activities ?? null);

      await recordAudit(db, {
        userId: auth.user.id,
        clinicId: auth.user.clinicId,
        patientId: patient.id,
        action: 'read',
        resource: 'progress',
        ...requestOrigin(request),
        detail: {
          days: days.length,
          questionnaires: questionnaires.length,
          ...(programme === undefined ? {} : { programmeId: programme.id }),
        },
        at,
      });
      void reply.header('cache-control', 'no-store');
      return {
        date: today,
        programme:
          programme === undefined
            ? null
            : {
                id: programme.id,
                startDate: programme.content.startDate,
                endDate: programme.content.endDate,
              },
        painTrend: { days, summary: describePainTrend(days) },
        week,
        questionnaires,
        goals,
      };
    },
  );

  return Promise.resolve();
};

/**
 * The episode's scored questionnaires: the baseline assessment's (the earliest), and every later
 * one — reassessments and questionnaires the patient completed on the phone.
 */
async function questionnairesOf(
  db: Database,
  episodeId: string,
): Promise<{ baseline: ScoredQuestionnaire[]; followUps: ScoredQuestionnaire[] }> {
  const rows = await db
    .select({
      id: assessments.id,
      kind: assessments.kind,
      assessedAt: assessments.assessedAt,
      questionnaires: assessments.questionnaires,
    })
    .from(assessments)
    .where(eq(assessments.episodeId, episodeId))
    .orderBy(asc(assessments.assessedAt));
  const first = rows.find((row) => row.kind === 'baseline') ?? rows[0];
  const baseline: ScoredQuestionnaire[] =
    first === undefined
      ? []
      : first.questionnaires.map((entry) => ({
          instrument: entry.instrument,
          score: entry.score,
          at: first.assessedAt.toISOString(),
          source: { kind: 'assessment' as const, id: first.id },
        }));
  const followUps: ScoredQuestionnaire[] = rows
    .filter((row) => row !== first)
    .flatMap((row) =>
      row.questionnaires.map((entry) => ({
        instrument: entry.instrument,
        score: entry.score,
        at: row.assessedAt.toISOString(),
        source: { kind: 'assessment' as const, id: row.id },
      })),
    );
  const requests = await db
    .select({
      id: questionnaireRequests.id,
      answers: questionnaireRequests.answers,
      completedAt: questionnaireRequests.completedAt,
    })
    .from(questionnaireRequests)
    .where(
      and(
        eq(questionnaireRequests.episodeId, episodeId),
        eq(questionnaireRequests.state, 'completed'),
      ),
    );
  for (const request of requests) {
    if (request.completedAt === null || request.answers === null) continue;
    for (const entry of request.answers) {
      followUps.push({
        instrument: entry.instrument,
        score: entry.score,
        at: request.completedAt.toISOString(),
        source: { kind: 'questionnaireRequest', id: request.id },
      });
    }
  }
  return { baseline, followUps };
}

/** Adds the patient's lesson and progress routes under `/api`; register after `registerSessionFeature`. */
export function registerMeFeature(app: App, options: MeFeatureOptions): void {
  registerRoutes(app, meRoutes, { ...options, prefix: '/api' });
}
