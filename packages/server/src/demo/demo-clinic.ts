/**
 * The demo clinic (issue 4 §1): a clinician, an admin and five patients with baseline
 * assessments, programmes, several weeks of session logs, progression suggestions and alerts.
 *
 * Pure: `today` and the seed come in, plain data goes out; `seed.ts` writes it. The demo only
 * chooses *inputs* a clinician and patients would give (questionnaire answers, red-flag
 * findings, examination findings, how each patient exercised); every clinical result — scores,
 * the red-flag screen, the classification, the programme, the progression decisions and their
 * flags — comes from the clinical engine, exactly as it would for a real patient.
 */
import {
  addDays,
  classifyAssessment,
  dayNumber,
  decideProgression,
  generateProgramme,
  scoreInstrument,
  screenRedFlags,
  type Assessment,
  type Classification,
  type Condition,
  type FlagSeverity,
  type FlagType,
  type Findings,
  type Goal,
  type InstrumentId,
  type LogSymptom,
  type PrescribedExercise,
  type Profile,
  type Programme,
  type ProgressionFlag,
  type ProgressionResult,
  type RedFlagScreen,
  type Region,
  type SessionLog,
} from '@spinewise/clinical';
import type { AssessmentQuestionnaire } from '../database/schema.js';
import { createRandom, type Random } from './random.js';

/** The seed the server uses when none is given. */
export const DEFAULT_DEMO_SEED = 2026;

/** Found by name on start, so the demo is seeded once (`seedDemoClinic`). */
export const DEMO_CLINIC_NAME = 'Spinewise Demo Clinic';

export interface DemoStaffMember {
  readonly role: 'admin' | 'clinician';
  readonly displayName: string;
  /** Lower case, as the users table stores emails. */
  readonly email: string;
}

export interface DemoAssessment {
  /** The calendar day of the baseline visit. */
  readonly assessedOn: string;
  readonly questionnaires: readonly AssessmentQuestionnaire[];
  readonly redFlagFindings: Findings;
  readonly redFlagScreen: RedFlagScreen;
  /** The classification input, as `classifyAssessment` read it. */
  readonly examination: Assessment;
  readonly classification: Classification;
}

export interface DemoSessionLog {
  /** Stable for a seed, so a second seeding (or a replay) names the same log. */
  readonly idempotencyKey: string;
  readonly log: SessionLog;
}

export interface DemoAlert {
  readonly type: FlagType;
  readonly severity: FlagSeverity;
  readonly message: string;
  readonly flag: ProgressionFlag;
  /** Indexes into the patient's `logs` that raised it. */
  readonly logIndexes: readonly number[];
}

export interface DemoPatient {
  /** A short stable key (`acute-lbp`), used in idempotency keys and tests. */
  readonly key: string;
  readonly displayName: string;
  readonly dateOfBirth: string;
  /** The patient's story, for whoever explores the demo. */
  readonly story: string;
  readonly episode: {
    readonly region: Region;
    readonly condition: string;
    readonly startedOn: string;
  };
  readonly assessment: DemoAssessment;
  /** What `generateProgramme` was given. */
  readonly profile: Profile;
  readonly programme: Programme;
  /** Oldest first, each between the programme's start and `today`. */
  readonly logs: readonly DemoSessionLog[];
  /** `null` only for a programme the screen blocked (it has no sessions to decide on). */
  readonly progression: ProgressionResult | null;
  readonly alerts: readonly DemoAlert[];
}

export interface DemoClinic {
  readonly name: string;
  readonly today: string;
  readonly seed: number;
  readonly staff: readonly DemoStaffMember[];
  readonly patients: readonly DemoPatient[];
}

export interface DemoClinicOptions {
  /** `YYYY-MM-DD`: the day the demo is seeded; programmes start weeks before it. */
  readonly today: string;
  readonly seed?: number;
}

// ---------------------------------------------------------------- the patients' stories

/** How a patient's weeks went: what the demo makes the logs show. */
type Course =
  /** Pain during exercise falls steadily; sessions done more reliably as the habit forms. */
  | {
      readonly kind: 'improving';
      readonly adherenceFrom: number;
      readonly adherenceTo: number;
      readonly painFrom: number;
      readonly painTo: number;
    }
  /** Improving, then a flare-up over the last days with leg pain spreading once. */
  | { readonly kind: 'flareUp'; readonly adherence: number; readonly flareDays: number }
  /** Pain stays about the same; sessions mostly done. */
  | { readonly kind: 'steady'; readonly adherence: number; readonly pain: number }
  /** A good start, then sessions fall away. */
  | {
      readonly kind: 'nonAdherent';
      readonly adherence: number;
      readonly lateAdherence: number;
      readonly pain: number;
    }
  /** Improving until a red-flag symptom is reported; no exercise after it (the advice says stop). */
  | {
      readonly kind: 'redFlag';
      readonly adherence: number;
      readonly daysBeforeToday: number;
      readonly symptom: Exclude<LogSymptom, 'peripheralisation'>;
      readonly note: string;
    };

interface Story {
  readonly key: string;
  readonly displayName: string;
  readonly age: number;
  readonly story: string;
  readonly region: Region;
  /** The working diagnosis as the clinical core names it; also the episode's condition. */
  readonly condition: Condition;
  /** How many days before `today` the programme started (2–5 weeks, mid-week today). */
  readonly daysAgo: number;
  /** Symptom duration at the baseline visit. */
  readonly symptomDurationDays: number;
  readonly recurrentEpisode?: boolean;
  readonly symptomsBelowKnee?: boolean;
  /** Answers in item order, as the patient gave them. */
  readonly disability: { readonly instrument: 'odi' | 'ndi'; readonly answers: readonly number[] };
  readonly nprs: number;
  /** Eight agree/disagree answers and bothersomeness (0–4); back pain only. */
  readonly startBack?: readonly [...boolean[], number];
  readonly psfs: readonly { readonly activity: string; readonly rating: number }[];
  readonly findings: Findings;
  readonly examination: NonNullable<Assessment['examination']>;
  readonly minutesPerDay: number;
  readonly surgery?: { readonly weeksBeforeStart: number; readonly cleared: boolean };
  readonly activityBaselineMinutes?: number;
  readonly course: Course;
}

/** Every red-flag question the screen asks, answered no unless the story says otherwise. */
const noRedFlags: Findings = {
  bladderDysfunction: false,
  bowelDysfunction: false,
  saddleNumbness: false,
  bilateralLegSymptoms: false,
  sexualDysfunction: false,
  historyOfCancer: false,
  neuroSymptoms: false,
  thoracicOrCervicalPain: false,
  progressivePain: false,
  unremittingPain: false,
  nightPain: false,
  painOnStraining: false,
  localisedTenderness: false,
  unexplainedWeightLoss: false,
  noImprovementAfter4Weeks: false,
  systemicallyUnwell: false,
  fever: false,
  ivDrugUse: false,
  immunosuppression: false,
  diabetes: false,
  recentInfectionOrProcedure: false,
  newSeverePain: false,
  significantTrauma: false,
  majorTrauma: false,
  corticosteroidUse: false,
  osteoporosis: false,
  contusionOrAbrasion: false,
  progressiveMotorDeficit: false,
};

const stories: readonly Story[] = [
  {
    key: 'acute-lbp',
    displayName: 'Daniel Hughes',
    age: 34,
    story:
      'Warehouse team leader, 34. Low back pain for ten days after a day of lifting stock; no ' +
      'leg pain, first episode, keen to get back to lifting boxes and his toddler. Improving ' +
      'steadily and doing his sessions.',
    region: 'lumbar',
    condition: 'nonspecific',
    daysAgo: 25,
    symptomDurationDays: 10,
    recurrentEpisode: false,
    symptomsBelowKnee: false,
    disability: { instrument: 'odi', answers: [2, 1, 3, 1, 2, 1, 2, 1, 1, 2] },
    nprs: 6,
    startBack: [false, false, true, true, false, false, false, false, 2],
    psfs: [
      { activity: 'Lifting boxes at work', rating: 3 },
      { activity: 'Lifting my son into the car seat', rating: 4 },
      { activity: 'Sitting through a film', rating: 6 },
    ],
    findings: { ...noRedFlags, age: 34, backPainOver3Months: false, onsetBeforeAge45: true },
    examination: {
      hypomobileLumbarSegment: true,
      hipInternalRotationDegrees: 40,
      straightLegRaiseDegrees: 80,
      aberrantMovement: false,
      proneInstabilityTest: false,
    },
    minutesPerDay: 20,
    activityBaselineMinutes: 20,
    course: { kind: 'improving', adherenceFrom: 0.8, adherenceTo: 0.95, painFrom: 4, painTo: 1 },
  },
  {
    key: 'disc-leg-pain',
    displayName: 'Aisha Rahman',
    age: 42,
    story:
      'Accountant, 42. Right buttock and calf pain for six weeks, worse sitting; repeated ' +
      'extension in lying centralised her leg pain at the first visit. She was improving until ' +
      'a long drive last week: a flare-up, with the leg pain spreading again.',
    region: 'lumbar',
    condition: 'discRadicular',
    daysAgo: 23,
    symptomDurationDays: 42,
    recurrentEpisode: true,
    symptomsBelowKnee: true,
    disability: { instrument: 'odi', answers: [3, 1, 3, 2, 4, 2, 2, 1, 2, 3] },
    nprs: 7,
    startBack: [true, false, true, false, false, true, false, false, 3],
    psfs: [
      { activity: 'Sitting at my desk for an hour', rating: 2 },
      { activity: 'Driving to my parents (two hours)', rating: 3 },
      { activity: 'Running 5 km', rating: 1 },
    ],
    findings: { ...noRedFlags, neuroSymptoms: true, age: 42, onsetBeforeAge45: true },
    examination: {
      straightLegRaiseDegrees: 45,
      repeatedMovements: [
        { direction: 'extension', effect: 'centralises' },
        { direction: 'flexion', effect: 'peripheralises' },
        { direction: 'lateral', effect: 'noEffect' },
        { direction: 'rotation', effect: 'noEffect' },
      ],
    },
    minutesPerDay: 25,
    activityBaselineMinutes: 15,
    course: { kind: 'flareUp', adherence: 0.85, flareDays: 5 },
  },
  {
    key: 'stenosis',
    displayName: 'Margaret Ellis',
    age: 71,
    story:
      'Retired teacher, 71, with type 2 diabetes. Aching legs after ten minutes of walking for ' +
      'over a year, eased by sitting or leaning on a trolley: lumbar spinal stenosis. Wants to ' +
      'walk to the shops and round the garden centre. Steady, doing most sessions.',
    region: 'lumbar',
    condition: 'stenosis',
    daysAgo: 33,
    symptomDurationDays: 420,
    recurrentEpisode: false,
    symptomsBelowKnee: true,
    disability: { instrument: 'odi', answers: [2, 1, 2, 3, 1, 3, 1, 0, 2, 2] },
    nprs: 5,
    startBack: [true, false, true, false, false, false, false, false, 2],
    psfs: [
      { activity: 'Walking to the shops', rating: 3 },
      { activity: 'Standing to cook a meal', rating: 4 },
      { activity: 'Walking round the garden centre', rating: 3 },
    ],
    // Age over 65 and diabetes are single weak flags: the screen notes them, no escalation.
    findings: { ...noRedFlags, diabetes: true, age: 71, backPainOver3Months: true },
    examination: {
      straightLegRaiseDegrees: 75,
      repeatedMovements: [
        { direction: 'flexion', effect: 'reduces' },
        { direction: 'extension', effect: 'increases' },
        { direction: 'lateral', effect: 'noEffect' },
        { direction: 'rotation', effect: 'noEffect' },
      ],
    },
    minutesPerDay: 20,
    activityBaselineMinutes: 10,
    course: { kind: 'steady', adherence: 0.75, pain: 3 },
  },
  {
    key: 'neck-office',
    displayName: 'Tom Becker',
    age: 29,
    story:
      'Software developer, 29, working from a laptop at the kitchen table. Neck and upper ' +
      'trapezius pain for two months, headaches by late afternoon, no arm symptoms. Started ' +
      'well, then a release at work and the sessions fell away.',
    region: 'cervical',
    condition: 'neckNonspecific',
    daysAgo: 25,
    symptomDurationDays: 60,
    recurrentEpisode: true,
    disability: { instrument: 'ndi', answers: [2, 0, 1, 2, 2, 2, 1, 0, 2, 1] },
    nprs: 5,
    psfs: [
      { activity: 'Working at my computer for two hours', rating: 4 },
      { activity: 'Checking over my shoulder when cycling', rating: 5 },
      { activity: 'Reading in bed', rating: 5 },
    ],
    findings: {
      ...noRedFlags,
      age: 29,
      myelopathySigns: false,
      cervicalArterialSymptoms: false,
    },
    examination: {
      ulttA: false,
      spurling: false,
      distractionRelieves: false,
      ipsilateralRotationDegrees: 70,
    },
    minutesPerDay: 15,
    course: { kind: 'nonAdherent', adherence: 0.85, lateAdherence: 0.15, pain: 3 },
  },
  {
    key: 'post-discectomy',
    displayName: 'Carlos Mendes',
    age: 48,
    story:
      'Electrician, 48. Left L5/S1 microdiscectomy seven weeks ago for sciatica with foot ' +
      'weakness; the surgeon has not yet cleared him for more than walking and gentle ' +
      'activation. He was doing well until two days ago, when he logged new numbness and ' +
      'weakness in his left foot: the programme is stopped and the clinician alerted.',
    region: 'lumbar',
    condition: 'postDiscectomy',
    daysAgo: 23,
    symptomDurationDays: 150,
    recurrentEpisode: false,
    symptomsBelowKnee: true,
    disability: { instrument: 'odi', answers: [2, 1, 3, 2, 2, 2, 1, 1, 2, 3] },
    nprs: 4,
    startBack: [true, false, true, true, true, false, false, false, 2],
    psfs: [
      { activity: 'Walking the dog for half an hour', rating: 4 },
      { activity: 'Kneeling to wire a socket', rating: 2 },
      { activity: 'Getting in and out of the van', rating: 5 },
    ],
    // The recent spinal procedure is a single infection risk factor without being unwell:
    // the screen notes it and does not escalate.
    findings: {
      ...noRedFlags,
      recentInfectionOrProcedure: true,
      age: 48,
      onsetBeforeAge45: false,
    },
    examination: { straightLegRaiseDegrees: 65 },
    minutesPerDay: 20,
    surgery: { weeksBeforeStart: 4, cleared: false },
    activityBaselineMinutes: 15,
    course: {
      kind: 'redFlag',
      adherence: 0.9,
      daysBeforeToday: 2,
      symptom: 'newNumbnessOrWeakness',
      note: 'Left foot has gone numb and feels weak since yesterday, catching my toes on the stairs.',
    },
  },
];

// ---------------------------------------------------------------- building one patient

function dateOfBirth(today: string, age: number, random: Random): string {
  // Some day in the year before the patient's last birthday, so they are `age` today.
  return addDays(today, -Math.floor(age * 365.25) - random.integer(20, 330));
}

function questionnaire(
  instrument: InstrumentId,
  answers: readonly unknown[],
): AssessmentQuestionnaire {
  return { instrument, answers, score: scoreInstrument(instrument, answers) };
}

function buildAssessment(story: Story, assessedOn: string): DemoAssessment {
  const disability = questionnaire(story.disability.instrument, story.disability.answers);
  const nprs = questionnaire('nprs', [story.nprs]);
  const startBack = story.startBack === undefined ? null : questionnaire('sbst', story.startBack);
  const psfs = questionnaire('psfs', story.psfs);
  const questionnaires = [disability, nprs, ...(startBack === null ? [] : [startBack]), psfs];

  const redFlagScreen = screenRedFlags({ region: story.region, findings: story.findings });
  const examination: Assessment = {
    region: story.region,
    age: story.age,
    symptomDurationDays: story.symptomDurationDays,
    ...(story.recurrentEpisode === undefined ? {} : { recurrentEpisode: story.recurrentEpisode }),
    ...(story.symptomsBelowKnee === undefined
      ? {}
      : { symptomsBelowKnee: story.symptomsBelowKnee }),
    scores: {
      [story.disability.instrument]: disability.score.score as number,
      nprs: story.nprs,
      ...(startBack === null
        ? {}
        : {
            sbst: {
              total: startBack.score.score as number,
              psychosocial: startBack.score.subscales.psychosocial as number,
            },
          }),
    },
    examination: story.examination,
  };
  return {
    assessedOn,
    questionnaires,
    redFlagFindings: story.findings,
    redFlagScreen,
    examination,
    classification: classifyAssessment(examination),
  };
}

/** The profile a clinician would confirm from the assessment: the engine's results, not ours. */
function buildProfile(story: Story, assessment: DemoAssessment, startDate: string): Profile {
  const score = (instrument: InstrumentId) =>
    assessment.questionnaires.find((entry) => entry.instrument === instrument)?.score;
  const disability = score(story.disability.instrument)?.score ?? undefined;
  const sbstRisk = assessment.classification.startBack.result.risk;
  const preference = assessment.classification.directionalPreference.result.preference;
  const goals: Goal[] = story.psfs.map((item) => ({
    activity: item.activity,
    rating: item.rating,
  }));
  return {
    region: story.region,
    condition: story.condition,
    symptomDurationDays: story.symptomDurationDays,
    age: story.age,
    ...(sbstRisk === null ? {} : { sbstRisk }),
    scores: {
      ...(disability === undefined ? {} : { [story.disability.instrument]: disability }),
      nprs: story.nprs,
    },
    // The profile knows extension, flexion and lateral preferences; rotation is not one.
    ...(preference === 'extension' || preference === 'flexion' || preference === 'lateral'
      ? { directionalPreference: preference }
      : {}),
    ...(story.surgery === undefined
      ? {}
      : {
          surgeryDate: addDays(startDate, -7 * story.surgery.weeksBeforeStart),
          surgeonClearance: story.surgery.cleared,
        }),
    redFlags: { findings: story.findings },
    goals,
    minutesPerDay: story.minutesPerDay,
    startDate,
    ...(story.activityBaselineMinutes === undefined
      ? {}
      : { activityBaselineMinutes: story.activityBaselineMinutes }),
  };
}

/** The week of the programme a day falls in (the last week carries on past the end). */
function weekOn(programme: Programme, date: string) {
  return programme.weeks.findLast((week) => week.startDate <= date) ?? programme.weeks[0];
}

/**
 * Whether an exercise done `daysPerWeek` days a week falls on day `index` (0–6) of its week:
 * the days spread evenly through the week rather than bunched at its start.
 */
function scheduledOn(index: number, daysPerWeek: number): boolean {
  return Math.floor(((index + 1) * daysPerWeek) / 7) > Math.floor((index * daysPerWeek) / 7);
}

function clampRating(value: number): number {
  return Math.max(0, Math.min(10, Math.round(value)));
}

interface DayState {
  readonly adherence: number;
  /** Typical pain during exercise that day. */
  readonly pain: number;
  readonly symptoms?: readonly LogSymptom[];
  readonly note?: string;
  /** The patient stops exercising once this day's symptom is logged. */
  readonly stopAfter?: boolean;
  /** Pain still up the next morning. */
  readonly flaring?: boolean;
}

/** What the story says about one day, `dayIndex` days after the start of `totalDays`. */
function dayState(course: Course, dayIndex: number, totalDays: number, random: Random): DayState {
  const progress = totalDays <= 1 ? 1 : dayIndex / (totalDays - 1);
  const daysLeft = totalDays - 1 - dayIndex;
  switch (course.kind) {
    case 'improving':
      return {
        adherence: course.adherenceFrom + (course.adherenceTo - course.adherenceFrom) * progress,
        pain: course.painFrom + (course.painTo - course.painFrom) * progress,
      };
    case 'flareUp': {
      if (daysLeft >= course.flareDays) {
        return {
          adherence: course.adherence,
          pain: 4 - 2 * (dayIndex / (totalDays - course.flareDays)),
        };
      }
      // The first flare day after the long drive, the leg pain spread below the knee again.
      const first = daysLeft === course.flareDays - 1;
      return {
        adherence: course.adherence,
        pain: 6 + random.integer(0, 1),
        flaring: true,
        ...(first
          ? {
              symptoms: ['peripheralisation'] as const,
              note: 'Long drive yesterday; the pain is back down into my calf.',
            }
          : {}),
      };
    }
    case 'steady':
      return { adherence: course.adherence, pain: course.pain };
    case 'nonAdherent':
      return {
        adherence: progress < 0.4 ? course.adherence : course.lateAdherence,
        pain: course.pain,
      };
    case 'redFlag': {
      const fromToday = totalDays - 1 - dayIndex;
      if (fromToday < course.daysBeforeToday) return { adherence: 0, pain: 0 };
      if (fromToday === course.daysBeforeToday) {
        return {
          adherence: 1,
          pain: 5,
          symptoms: [course.symptom],
          note: course.note,
          stopAfter: true,
        };
      }
      return { adherence: course.adherence, pain: 3 - 2 * progress };
    }
  }
}

function buildLog(
  exercise: PrescribedExercise,
  date: string,
  state: DayState,
  random: Random,
): SessionLog {
  // One in ten bouts is cut short: a real log is rarely perfect.
  const partly = exercise.sets > 1 && random.chance(0.1);
  const setsDone = partly ? exercise.sets - 1 : exercise.sets;
  const painDuring = clampRating(state.pain + random.integer(-1, 1));
  const painBefore = clampRating(painDuring + random.integer(-1, 0));
  const painAfter = clampRating(painDuring + random.integer(-1, 0));
  const rpe = clampRating(2 + state.pain * 0.6 + random.integer(-1, 1));
  return {
    date,
    exerciseId: exercise.id,
    setsDone,
    ...(exercise.reps === undefined ? {} : { repsDone: exercise.reps }),
    ...(exercise.holdSeconds === undefined ? {} : { holdSecondsDone: exercise.holdSeconds }),
    ...(exercise.minutes === undefined ? {} : { minutesDone: exercise.minutes }),
    painBefore,
    painDuring,
    painAfter,
    // Recorded the next morning by most patients, not all. Pain settles overnight except in a
    // flare-up, when it is still up on waking.
    ...(random.chance(0.7)
      ? {
          nextMorningPain: clampRating(
            state.flaring === true
              ? painAfter + random.integer(0, 1)
              : Math.min(painBefore, painAfter) - random.integer(0, 1),
          ),
        }
      : {}),
    rpe,
    ...(state.symptoms === undefined ? {} : { symptoms: state.symptoms }),
    ...(state.note === undefined ? {} : { note: state.note }),
  };
}

/**
 * Session logs from the programme's start to `today`: each planned bout done with the day's
 * adherence, up to yesterday: today is still to do.
 */
function buildLogs(
  key: string,
  programme: Programme,
  course: Course,
  today: string,
  random: Random,
): DemoSessionLog[] {
  const start = dayNumber(programme.startDate) as number;
  const totalDays = (dayNumber(today) as number) - start + 1;
  const logs: DemoSessionLog[] = [];
  for (let dayIndex = 0; dayIndex < totalDays; dayIndex++) {
    const date = addDays(programme.startDate, dayIndex);
    const state = dayState(course, dayIndex, totalDays, random);
    const week = weekOn(programme, date);
    if (week === undefined) break;
    const indexInWeek = (dayNumber(date) as number) - (dayNumber(week.startDate) as number);
    // A symptom (and its note) is reported once, on the day's first log; the rest of the day's
    // logs carry the same pain without it.
    const quiet: DayState = {
      adherence: state.adherence,
      pain: state.pain,
      ...(state.flaring === undefined ? {} : { flaring: state.flaring }),
    };
    let symptomLogged = false;
    for (const session of week.sessions) {
      for (const exercise of session.exercises) {
        if (!scheduledOn(indexInWeek % 7, exercise.daysPerWeek)) continue;
        // Nothing yet today: the demo patient opens the app to a session still to do.
        const bouts = date === today ? 0 : exercise.perDay;
        for (let bout = 1; bout <= bouts; bout++) {
          if (!random.chance(state.adherence)) continue;
          logs.push({
            idempotencyKey: `demo-${key}-${date}-${exercise.id}-${bout}`,
            log: buildLog(exercise, date, symptomLogged ? quiet : state, random),
          });
          if (state.symptoms !== undefined) symptomLogged = true;
          // After a red-flag symptom the patient stops, as the app tells them to.
          if (state.stopAfter === true && state.symptoms !== undefined) return logs;
        }
      }
    }
  }
  return logs;
}

function buildAlerts(progression: ProgressionResult): DemoAlert[] {
  return progression.flags.map((flag) => ({
    type: flag.type,
    severity: flag.severity,
    message: flag.message,
    flag,
    logIndexes: flag.logs,
  }));
}

function buildPatient(story: Story, today: string, random: Random): DemoPatient {
  const startDate = addDays(today, -story.daysAgo);
  const assessment = buildAssessment(story, startDate);
  const profile = buildProfile(story, assessment, startDate);
  const programme = generateProgramme(profile);
  const logs =
    programme.status === 'active'
      ? buildLogs(story.key, programme, story.course, today, random)
      : [];
  const progression =
    programme.status === 'active'
      ? decideProgression(
          programme,
          logs.map((entry) => entry.log),
          today,
        )
      : null;
  return {
    key: story.key,
    displayName: story.displayName,
    dateOfBirth: dateOfBirth(today, story.age, random),
    story: story.story,
    episode: { region: story.region, condition: story.condition, startedOn: startDate },
    assessment,
    profile,
    programme,
    logs,
    progression,
    alerts: progression === null ? [] : buildAlerts(progression),
  };
}

// ---------------------------------------------------------------- the clinic

export const demoStaff: readonly DemoStaffMember[] = [
  { role: 'admin', displayName: 'Priya Shah', email: 'admin@demo.spinewise.dev' },
  {
    role: 'clinician',
    displayName: 'Sam Okafor (physiotherapist)',
    email: 'clinician@demo.spinewise.dev',
  },
];

/**
 * The demo clinic for `today`: the same data for the same `today` and seed. Throws a
 * `RangeError` for a `today` that is not a real `YYYY-MM-DD` date.
 */
export function buildDemoClinic(options: DemoClinicOptions): DemoClinic {
  const { today } = options;
  if (dayNumber(today) === null) {
    throw new RangeError(
      `today must be a real date written YYYY-MM-DD, not ${JSON.stringify(today)}`,
    );
  }
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const random = createRandom(seed);
  return {
    name: DEMO_CLINIC_NAME,
    today,
    seed,
    staff: demoStaff,
    patients: stories.map((story) => buildPatient(story, today, random)),
  };
}
