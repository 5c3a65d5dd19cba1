/**
 * generateProgramme: an assessed patient → a dated, phased home programme. Deterministic for the
 * same input; every choice carries its reason, rule and source for the clinician.
 */
import { defaultTbcThresholds } from '../classification/tbc.js';
import { boutSeconds, dailyMinutes, minimalDose, repsPerSet } from '../exercises/dosing.js';
import type { Dose, Equipment, Exercise } from '../exercises/exercise.js';
import { exerciseLibrary } from '../exercises/library/index.js';
import { postureTasks } from '../education/tasks.js';
import { ClinicalInputError } from '../input-error.js';
import type { Region } from '../region.js';
import {
  checkExercise,
  type SafetyContext,
  type SafetyVerdict,
} from '../safety/exercise-safety.js';
import { screenRedFlags } from '../screening/index.js';
import { addDays } from '../dates.js';
import {
  parseGenerateOptions,
  parseProfile,
  type Goal,
  type GoalKind,
  type Profile,
} from './profile.js';
import type {
  ActivityQuota,
  PhaseId,
  PhasePlan,
  PrescribedExercise,
  Programme,
  ProgrammeWeek,
  Rationale,
  Session,
} from './programme.js';
import {
  activityMinutes,
  CAUDA_EQUINA_LESSON,
  NECK_WARNING_LESSON,
  DEFAULT_ACTIVITY_BASELINE_MINUTES,
  lessonSchedule,
  reassessmentPlan,
  weekTasks,
} from './schedule.js';
import { phaseTemplates, protectedSlots, type Slot, type SlotBias } from './templates.js';

export const GENERATOR_VERSION = 'spinewise-programme/1';

/**
 * Household items assumed when the profile does not list equipment (**default**); `weight` is
 * something to lift or carry, such as a box or a bag of shopping.
 */
export const DEFAULT_EQUIPMENT: readonly Equipment[] = [
  'none',
  'mat',
  'chair',
  'wall',
  'towel',
  'pillow',
  'weight',
];

const activePhases: readonly PhaseId[] = ['settle', 'control', 'function'];
const surgical = new Set(['postFusion', 'postDiscectomy']);

export interface ProgrammeContent {
  readonly exercises: readonly Exercise[];
}

const defaultContent: ProgrammeContent = { exercises: exerciseLibrary };

// ---------------------------------------------------------------- goals

const goalWords: readonly [GoalKind, RegExp][] = [
  ['lifting', /\blift|\bpick(?:ing)? up|toddler|\bbaby\b|grandchild|\bbox(?:es)?\b/i],
  ['carrying', /\bcarr(?:y|ying)|\bbags?\b|shopping/i],
  ['bending', /\bbend|garden|sock|\bshoes?\b|laces|\bfloor\b/i],
  ['walking', /\bwalk|\bhik(?:e|ing)|\bstairs?\b/i],
  ['sitting', /\bsit|\bdriv|\bdesk|meeting|\bcar\b/i],
  ['standing', /\bstand|queue|cook|ironing/i],
  ['sport', /\brun|golf|tennis|football|\bgym\b|swim|cycl|sport|yoga/i],
  ['work', /\bwork|\bjob\b|shift/i],
];

export function goalKind(goal: Goal): { kind: GoalKind; inferred: boolean } {
  if (goal.kind !== undefined) return { kind: goal.kind, inferred: false };
  const match = goalWords.find(([, words]) => words.test(goal.activity));
  return { kind: match?.[0] ?? 'other', inferred: true };
}

// ---------------------------------------------------------------- phases

function startPhase(
  profile: Profile,
  requested: PhaseId | undefined,
  surgeryNotCleared: boolean,
): { phase: PhaseId; rationale: Rationale } {
  if (surgeryNotCleared) {
    return {
      phase: 'settle',
      rationale: {
        about: 'phase',
        text: 'Before the surgeon clears rehabilitation the whole programme stays in "settle and move": walking, breathing and gentle isometric activation.',
        rule: 'phase.surgery.notCleared',
        sources: ['S-FUSION'],
      },
    };
  }
  if (requested !== undefined) {
    return {
      phase: requested,
      rationale: {
        about: 'phase',
        text: `The clinician chose to start in the ${requested} phase.`,
        rule: 'phase.start.clinician',
        sources: [],
      },
    };
  }
  const odi = profile.scores?.odi;
  if (profile.region === 'lumbar' && odi !== undefined) {
    // [S-TBC] default ODI split: >40 % symptom modulation, 21–40 % movement control, ≤20 % function optimisation.
    const { symptomModulationAbove, functionOptimisationAtOrBelow } = defaultTbcThresholds;
    const [phase, category] =
      odi > symptomModulationAbove
        ? (['settle', 'symptom modulation'] as const)
        : odi > functionOptimisationAtOrBelow
          ? (['control', 'movement control'] as const)
          : (['function', 'function optimisation'] as const);
    return {
      phase,
      rationale: {
        about: 'phase',
        text: `ODI ${Math.round(odi * 10) / 10} %: treatment-based classification ${category}, so the programme starts in "${phase}" (default ODI bands; the clinician weighs acuity).`,
        rule: `phase.start.tbc.${phase}`,
        sources: ['S-TBC'],
        isDefault: true,
      },
    };
  }
  return {
    phase: 'settle',
    rationale: {
      about: 'phase',
      text:
        profile.region === 'cervical'
          ? 'Neck programme: treatment-based classification is for low back pain, so the programme starts gently in "settle and move" (default; the clinician may choose another start).'
          : 'No ODI recorded: the programme starts gently in "settle and move" (default; record an ODI or choose the start).',
      rule: 'phase.start.default',
      sources: ['S-TBC'],
      isDefault: true,
    },
  };
}

/** Phases week by week: the active phases from the start, then a final week of "maintain". */
export function planPhases(start: PhaseId, weeks: number, surgeryNotCleared: boolean): PhaseId[] {
  if (surgeryNotCleared) return Array.from({ length: weeks }, () => 'settle');
  const active = start === 'maintain' ? [] : activePhases.slice(activePhases.indexOf(start));
  const withMaintain = weeks >= 3 || active.length === 0;
  const activeWeeks = withMaintain ? weeks - 1 : weeks;
  const plan: PhaseId[] = [];
  if (active.length > 0) {
    const used = active.slice(0, Math.max(1, Math.min(active.length, activeWeeks)));
    used.forEach((phase, index) => {
      // Earlier phases take the extra weeks when they do not divide evenly.
      const share =
        Math.floor(activeWeeks / used.length) + (index < activeWeeks % used.length ? 1 : 0);
      for (let week = 0; week < share; week++) plan.push(phase);
    });
  }
  while (plan.length < weeks) plan.push('maintain');
  return plan;
}

// ---------------------------------------------------------------- exercise choice

interface Choice {
  readonly exercise: Exercise;
  readonly verdict: SafetyVerdict;
  readonly reasons: Rationale[];
}

interface WeekContext {
  readonly phase: PhaseId;
  readonly firstPhase: boolean;
  readonly previousLevels: ReadonlyMap<string, number>;
  /** Before surgical clearance any region's gentle activation and breathing suit. */
  readonly anyRegion: boolean;
}

function regionFits(exercise: Exercise, region: Region): boolean {
  return (
    exercise.region === 'general' || exercise.region === 'thoracic' || exercise.region === region
  );
}

class Chooser {
  private readonly byId: ReadonlyMap<string, Exercise>;
  private readonly byChain: ReadonlyMap<string, readonly Exercise[]>;

  constructor(
    private readonly content: ProgrammeContent,
    private readonly profile: Profile,
    private readonly safety: SafetyContext,
    private readonly equipment: ReadonlySet<Equipment>,
    private readonly bias: SlotBias,
    private readonly goals: ReadonlySet<GoalKind>,
  ) {
    this.byId = new Map(content.exercises.map((exercise) => [exercise.id, exercise]));
    const chains = new Map<string, Exercise[]>();
    for (const exercise of content.exercises)
      chains.set(exercise.chain, [...(chains.get(exercise.chain) ?? []), exercise]);
    this.byChain = chains;
  }

  hasEquipment(exercise: Exercise): boolean {
    // A mat is a comfort, not a requirement: floor exercises work on a carpet or a bed.
    return exercise.equipment.every(
      (item) => item === 'none' || item === 'mat' || this.equipment.has(item),
    );
  }

  /** The candidate, or its chain member one level above last week's, when it may be given. */
  private usable(
    candidate: Exercise,
    week: WeekContext,
    taken: ReadonlySet<string>,
  ): Choice | null {
    let exercise = candidate;
    const previous = week.previousLevels.get(exercise.chain);
    const reasons: Rationale[] = [];
    if (previous !== undefined && exercise.level > previous + 1) {
      // Never more than one level a week.
      const next = this.byChain
        .get(exercise.chain)
        ?.find((member) => member.level === previous + 1);
      if (next === undefined) return null;
      reasons.push({
        about: 'exercise',
        text: `${next.name} instead of ${exercise.name}: a chain moves up at most one level a week.`,
        rule: 'exercise.levelStep',
        sources: ['S-MCGILL'],
      });
      exercise = next;
    }
    if (
      taken.has(exercise.chain) ||
      !this.hasEquipment(exercise) ||
      (!week.anyRegion && !regionFits(exercise, this.profile.region))
    )
      return null;
    const verdict = checkExercise(exercise, this.safety, week.firstPhase);
    if (!verdict.allowed) return null;
    return { exercise, verdict, reasons };
  }

  /** For each goal candidate whose chain was given last week, the member one level up. */
  private advanced(ids: readonly string[], week: WeekContext): string[] {
    return ids.flatMap((id) => {
      const chain = this.byId.get(id)?.chain;
      const previous = chain === undefined ? undefined : week.previousLevels.get(chain);
      if (chain === undefined || previous === undefined) return [];
      const next = this.byChain.get(chain)?.find((member) => member.level === previous + 1);
      return next === undefined ? [] : [next.id];
    });
  }

  private candidates(
    slot: Slot,
    week: WeekContext,
  ): { ids: string[]; why: Map<string, Rationale> } {
    const why = new Map<string, Rationale>();
    const ids: string[] = [];
    const add = (list: readonly string[] | undefined, reason: Rationale | null) => {
      for (const id of list ?? []) {
        if (ids.includes(id)) continue;
        ids.push(id);
        if (reason !== null) why.set(id, reason);
      }
    };
    if (this.profile.sbstRisk === 'high') {
      add(slot.highRisk, {
        about: 'exercise',
        text: 'High STarT Back risk: relaxation is part of psychologically informed care.',
        rule: 'exercise.pathway.high',
        sources: ['S-SB'],
      });
    }
    for (const goal of ['lifting', 'carrying', 'bending'] as const) {
      if (!this.goals.has(goal)) continue;
      add(this.advanced(slot.goals?.[goal] ?? [], week), {
        about: 'exercise',
        text: `Planned progression towards the patient's ${goal} goal: one level up from last week.`,
        rule: `exercise.goal.${goal}.advance`,
        sources: ['S-PSFS', 'S-JOSPT'],
      });
      add(slot.goals?.[goal], {
        about: 'exercise',
        text: `Chosen for the patient's ${goal} goal.`,
        rule: `exercise.goal.${goal}`,
        sources: ['S-PSFS', 'S-JOSPT'],
      });
    }
    const biased = slot.candidates[this.bias];
    if (this.bias !== 'default' && biased !== undefined) {
      add(biased, {
        about: 'exercise',
        text:
          this.bias === 'extension'
            ? 'Extension-biased: the direction of repeated movement that eases or centralises symptoms.'
            : 'Flexion-biased: forward bending eases symptoms (flexion preference or neurogenic claudication).',
        rule: `exercise.bias.${this.bias}`,
        sources: this.bias === 'extension' ? ['S-MDT'] : ['S-MDT', 'S-STEN'],
      });
    }
    add(slot.candidates.default, null);
    return { ids, why };
  }

  chooseForSlot(slot: Slot, week: WeekContext, taken: ReadonlySet<string>): Choice | null {
    const { ids, why } = this.candidates(slot, week);
    for (const id of ids) {
      const candidate = this.byId.get(id);
      if (candidate === undefined) continue;
      const choice = this.usable(candidate, week, taken);
      if (choice === null) continue;
      const reason = why.get(id);
      return {
        ...choice,
        reasons: [
          {
            about: 'exercise',
            text: `${choice.exercise.name}: ${slot.purpose} (${week.phase} phase).`,
            rule: `exercise.slot.${slot.id}`,
            sources: choice.exercise.sources,
          },
          ...(reason === undefined ? [] : [reason]),
          ...choice.reasons,
        ],
      };
    }
    return null;
  }

  /** Any allowed exercise, in library order, to reach the session minimum. */
  fallback(
    week: WeekContext,
    taken: ReadonlySet<string>,
    surgeryNotCleared: boolean,
  ): Choice | null {
    for (const exercise of this.content.exercises) {
      if (
        exercise.position === 'walking' ||
        (exercise.dosage.kind === 'duration' && !exercise.aims.includes('relaxation'))
      )
        continue;
      if (
        surgeryNotCleared &&
        !exercise.movement.gentleIsometric &&
        !exercise.aims.includes('relaxation')
      )
        continue;
      const choice = this.usable(exercise, week, taken);
      if (choice === null) continue;
      return {
        ...choice,
        reasons: [
          {
            about: 'exercise',
            text: `${choice.exercise.name}: added so the session has enough exercises, as the first suitable one in the library.`,
            rule: 'exercise.fallback',
            sources: choice.exercise.sources,
          },
          ...choice.reasons,
        ],
      };
    }
    return null;
  }
}

// ---------------------------------------------------------------- doses and time

function prescribe(choice: Choice, dose: Dose, fitted: boolean): PrescribedExercise {
  const { exercise } = choice;
  return {
    id: exercise.id,
    name: exercise.name,
    chain: exercise.chain,
    level: exercise.level,
    kind: exercise.dosage.kind,
    sets: dose.sets,
    ...(dose.reps === undefined ? {} : { reps: dose.reps }),
    ...(exercise.dosage.pyramid === undefined || dose.reps === undefined
      ? {}
      : { repsPerSet: repsPerSet(exercise, dose) }),
    ...(dose.holdSeconds === undefined ? {} : { holdSeconds: dose.holdSeconds }),
    ...(dose.minutes === undefined ? {} : { minutes: dose.minutes }),
    perDay: dose.perDay,
    daysPerWeek: dose.daysPerWeek,
    boutMinutes: Math.round((boutSeconds(exercise, dose) / 60) * 10) / 10,
    dailyMinutes: Math.round(dailyMinutes(exercise, dose) * 10) / 10,
    cautions: choice.verdict.cautions.map((caution) => caution.text),
    rationale: [
      ...choice.reasons,
      {
        about: 'dose',
        text: fitted
          ? `The smallest dose within the exercise's bounds, to fit the time available. ${exercise.dosage.rationale}`
          : exercise.dosage.rationale,
        rule: fitted ? 'dose.minimal.time' : 'dose.default',
        sources: exercise.dosage.sources,
        isDefault: true,
      },
      ...choice.verdict.cautions.map((caution) => ({
        about: 'safety' as const,
        text: caution.text,
        rule: caution.rule,
        sources: caution.sources,
      })),
    ],
  };
}

function minutesFor(choices: readonly Choice[], doses: readonly Dose[]): number {
  return choices.reduce(
    (total, choice, index) => total + dailyMinutes(choice.exercise, doses[index] as Dose),
    0,
  );
}

/** Fits the session into the minutes a day: drop the last exercises (to the minimum), then use minimal doses. */
function fitTime(
  choices: Choice[],
  minutesPerDay: number,
  minExercises: number,
): { choices: Choice[]; doses: Dose[]; fitted: boolean; dropped: number } {
  let kept = [...choices];
  const defaults = () => kept.map((choice) => choice.exercise.dosage.default);
  let dropped = 0;
  while (kept.length > minExercises && minutesFor(kept, defaults()) > minutesPerDay) {
    kept = kept.slice(0, -1);
    dropped++;
  }
  if (minutesFor(kept, defaults()) <= minutesPerDay)
    return { choices: kept, doses: defaults(), fitted: false, dropped };
  const minimal = kept.map((choice) => minimalDose(choice.exercise));
  const needed = minutesFor(kept, minimal);
  if (needed > minutesPerDay) {
    throw new ClinicalInputError(
      ['minutesPerDay'],
      `${minutesPerDay} minutes a day is too short for a session of ${kept.length} exercises; at least ${Math.ceil(needed)} minutes are needed`,
    );
  }
  return { choices: kept, doses: minimal, fitted: true, dropped };
}

// ---------------------------------------------------------------- programme

/** The warning-signs lesson every programme carries: cauda equina [S-CES] or the neck's [S-RF]. */
function requiredLesson(region: Region): string {
  return region === 'lumbar' ? CAUDA_EQUINA_LESSON : NECK_WARNING_LESSON;
}

function blockedProgramme(
  profile: Profile,
  screen: Programme['screen'],
  reason: string,
): Programme {
  return {
    status: 'blocked',
    generator: GENERATOR_VERSION,
    region: profile.region,
    condition: profile.condition,
    startDate: profile.startDate,
    endDate: profile.startDate,
    phases: [],
    weeks: [],
    reassessments: [],
    screen,
    blocked: { action: screen.action, concerns: screen.concerns, reason },
    rationale: [
      {
        about: 'blocked',
        text: reason,
        rule: 'blocked.redFlags',
        sources: ['S-RF', ...(screen.concerns[0]?.sources ?? [])],
      },
    ],
    excluded: [],
    requiredLessons: [requiredLesson(profile.region)],
  };
}

function activityFor(
  profile: Profile,
  week: number,
  equipment: ReadonlySet<Equipment>,
  walkingDays: number,
): ActivityQuota {
  const baseline = profile.activityBaselineMinutes ?? DEFAULT_ACTIVITY_BASELINE_MINUTES;
  const stenosis = profile.condition === 'stenosis';
  const kind = stenosis ? (equipment.has('bike') ? 'cycling' : 'walkingIntervals') : 'walking';
  const minutes = activityMinutes(baseline, week);
  return {
    kind,
    minutesPerDay: minutes,
    daysPerWeek: walkingDays,
    rationale: [
      {
        about: 'activity',
        text: `${minutes} minutes a day: graded activity starts 20 % below the ${
          profile.activityBaselineMinutes === undefined
            ? `default ${baseline}-minute baseline (measure the patient's tolerance to replace it)`
            : `measured ${baseline}-minute baseline`
        } and rises 10 % a week on schedule, not with the pain.`,
        rule: 'activity.graded',
        sources: ['S-GRADED'],
        isDefault: true,
      },
      ...(stenosis
        ? [
            {
              about: 'activity' as const,
              text:
                kind === 'cycling'
                  ? 'Cycling: a flexed, seated position suits spinal stenosis.'
                  : 'Walking in intervals, resting by sitting or bending forward: suits spinal stenosis.',
              rule: 'activity.stenosis',
              sources: ['S-STEN'],
            },
          ]
        : []),
      ...(surgical.has(profile.condition)
        ? [
            {
              about: 'activity' as const,
              text: 'Walking from the first days after surgery.',
              rule: 'activity.surgery',
              sources: ['S-FUSION'],
            },
          ]
        : []),
    ],
  };
}

/**
 * Generates a programme from a profile. Bad input is a ClinicalInputError naming the field; a
 * red-flag screen that needs a clinician's decision, without one, gives `status: "blocked"`.
 */
export function generateProgramme(
  profileInput: unknown,
  optionsInput?: unknown,
  content: ProgrammeContent = defaultContent,
): Programme {
  const profile = parseProfile(profileInput);
  const options = parseGenerateOptions(optionsInput);
  const screen = screenRedFlags({ region: profile.region, findings: profile.redFlags.findings });

  if (screen.requiresClinicianDecision) {
    const decision = profile.clinicianDecision;
    if (decision === undefined) {
      return blockedProgramme(
        profile,
        screen,
        `The red-flag screen says ${screen.action}: a clinician must record a decision (referred, or reviewed and cleared with a reason) before a programme is generated.`,
      );
    }
    if (decision.decision === 'referred') {
      return blockedProgramme(
        profile,
        screen,
        `The patient has been referred (${decision.reason}); the programme waits for the review.`,
      );
    }
  }

  const surgeryNotCleared = surgical.has(profile.condition) && profile.surgeonClearance !== true;
  const osteoporosis =
    profile.osteoporosis === true || profile.redFlags.findings.osteoporosis === true;
  const safety: SafetyContext = {
    condition: profile.condition,
    directionalPreference: profile.directionalPreference ?? 'none',
    osteoporosis,
    surgeryNotCleared,
    cervicalArterialSymptoms: screen.contraindications.includes('neckManipulation'),
  };
  const equipment = new Set<Equipment>(profile.equipment ?? DEFAULT_EQUIPMENT);
  equipment.add('none');
  const bias: SlotBias =
    safety.directionalPreference === 'extension'
      ? 'extension'
      : safety.directionalPreference === 'flexion' || profile.condition === 'stenosis'
        ? 'flexion'
        : 'default';
  const goalKinds = (profile.goals ?? []).map((goal) => ({ goal, ...goalKind(goal) }));
  const goals = new Set(goalKinds.map((entry) => entry.kind));
  const chooser = new Chooser(content, profile, safety, equipment, bias, goals);

  const start = startPhase(profile, options.startPhase, surgeryNotCleared);
  const phases = planPhases(start.phase, options.weeks, surgeryNotCleared);
  const firstPhaseWeeks = phases.findIndex((phase) => phase !== phases[0]);
  const firstPhaseLength = firstPhaseWeeks === -1 ? phases.length : firstPhaseWeeks;
  const lessons = lessonSchedule(profile, options.weeks);
  const walkingDays =
    content.exercises.find((exercise) => exercise.id === 'graded-walking')?.dosage.default
      .daysPerWeek ?? 7;
  const weekEnd = (week: number) => addDays(profile.startDate, week * 7 - 1);
  const reassessments = reassessmentPlan(
    profile,
    options.weeks,
    options.reassessmentWeeks,
    weekEnd,
  );

  let previousLevels = new Map<string, number>();
  const weeks: ProgrammeWeek[] = phases.map((phase, index) => {
    const weekNumber = index + 1;
    const week: WeekContext = {
      phase,
      firstPhase: index < firstPhaseLength,
      previousLevels,
      anyRegion: surgeryNotCleared,
    };
    const slots = surgeryNotCleared ? protectedSlots : phaseTemplates[profile.region][phase].slots;
    const target = Math.min(
      options.exercisesPerSession.max,
      Math.max(options.exercisesPerSession.min, slots.length),
    );
    const chosen: Choice[] = [];
    const taken = new Set<string>();
    for (const slot of slots) {
      if (chosen.length >= target) break;
      const choice = chooser.chooseForSlot(slot, week, taken);
      if (choice === null) continue;
      chosen.push(choice);
      taken.add(choice.exercise.chain);
    }
    while (chosen.length < options.exercisesPerSession.min) {
      const choice = chooser.fallback(week, taken, surgeryNotCleared);
      if (choice === null) break;
      chosen.push(choice);
      taken.add(choice.exercise.chain);
    }
    if (chosen.length < options.exercisesPerSession.min) {
      throw new ClinicalInputError(
        ['equipment'],
        `too little is allowed or available for a session of ${options.exercisesPerSession.min} exercises in week ${weekNumber}; add equipment or lower the minimum`,
      );
    }
    const fitted = fitTime(chosen, profile.minutesPerDay, options.exercisesPerSession.min);
    const exercises = fitted.choices.map((choice, position) =>
      prescribe(choice, fitted.doses[position] as Dose, fitted.fitted),
    );
    previousLevels = new Map(exercises.map((exercise) => [exercise.chain, exercise.level]));
    const session: Session = {
      id: `week-${weekNumber}-daily`,
      name: 'Daily session',
      daysPerWeek: Math.max(...exercises.map((exercise) => exercise.daysPerWeek)),
      exercises,
      dailyMinutes: Math.round(minutesFor(fitted.choices, fitted.doses) * 10) / 10,
    };
    const rationale: Rationale[] = [];
    if (fitted.dropped > 0 || fitted.fitted) {
      rationale.push({
        about: 'time',
        text: `${profile.minutesPerDay} minutes a day: ${fitted.dropped > 0 ? `${fitted.dropped} exercise(s) left out` : ''}${fitted.dropped > 0 && fitted.fitted ? ' and ' : ''}${fitted.fitted ? 'doses set to their minimum' : ''} so the session fits.`,
        rule: 'time.fit',
        sources: ['S-ADH'],
      });
    }
    return {
      week: weekNumber,
      startDate: addDays(profile.startDate, index * 7),
      endDate: weekEnd(weekNumber),
      phase,
      sessions: [session],
      activity: activityFor(profile, weekNumber, equipment, walkingDays),
      lessons: lessons.byWeek[index] ?? [],
      tasks: weekTasks(postureTasks, profile.region, phase, weekNumber, goals.has('lifting')),
      reassessments: reassessments.filter(
        (entry) => entry.week === weekNumber || (weekNumber === 1 && entry.week === 0),
      ),
      rationale,
    };
  });

  const phasePlans: PhasePlan[] = [];
  for (const week of weeks) {
    const last = phasePlans.at(-1);
    if (last?.phase === week.phase) {
      phasePlans[phasePlans.length - 1] = { ...last, weeks: [...last.weeks, week.week] };
    } else {
      const template = phaseTemplates[profile.region][week.phase];
      phasePlans.push({
        phase: week.phase,
        title: template.title,
        aim: template.aim,
        weeks: [week.week],
      });
    }
  }

  const excluded = content.exercises.flatMap((exercise) => {
    const later = checkExercise(exercise, safety, false);
    const early = checkExercise(exercise, safety, true);
    const reasons = [
      ...new Set(
        [...later.reasons, ...early.reasons].map(
          (reason) => `${reason.text}${later.allowed ? ' (first phase only)' : ''}`,
        ),
      ),
    ];
    return reasons.length === 0 ? [] : [{ id: exercise.id, reasons }];
  });

  const rationale: Rationale[] = [start.rationale, ...lessons.rationale];
  if (profile.sbstRisk !== undefined) {
    rationale.push({
      about: 'phase',
      text: {
        low: 'STarT Back low risk: self-management emphasis — advice, education and a home programme with no further routine sessions needed.',
        medium:
          'STarT Back medium risk: physiotherapy for signs and symptoms — exercise with reassurance.',
        high: 'STarT Back high risk: psychologically informed care — pain education, graded activity and relaxation alongside exercise.',
      }[profile.sbstRisk],
      rule: `pathway.${profile.sbstRisk}`,
      sources: ['S-SB'],
    });
  }
  if (safety.osteoporosis)
    rationale.push({
      about: 'safety',
      text: 'Osteoporosis: no loaded or end-range flexion and no forceful twisting anywhere in the programme.',
      rule: 'safety.osteoporosis',
      sources: ['S-OSTEO'],
    });
  if (surgeryNotCleared)
    rationale.push({
      about: 'safety',
      text: 'No surgeon clearance recorded: walking, breathing and gentle isometric activation only. Record the clearance to open the full programme.',
      rule: 'safety.surgery.notCleared',
      sources: ['S-FUSION'],
    });
  if (bias !== 'default')
    rationale.push({
      about: 'exercise',
      text: `Direction: ${bias}-biased exercise in the first phase, avoiding the opposite end range.`,
      rule: `direction.${bias}`,
      sources: ['S-MDT', ...(profile.condition === 'stenosis' ? ['S-STEN'] : [])],
    });
  for (const entry of goalKinds) {
    if (entry.inferred)
      rationale.push({
        about: 'exercise',
        text: `Goal "${entry.goal.activity}" read as a ${entry.kind} goal.`,
        rule: 'goal.inferred',
        sources: ['S-PSFS'],
      });
  }
  if (profile.equipment === undefined)
    rationale.push({
      about: 'exercise',
      text: `No equipment listed: household items assumed (${DEFAULT_EQUIPMENT.filter((item) => item !== 'none').join(', ')}).`,
      rule: 'equipment.default',
      sources: [],
      isDefault: true,
    });
  if (screen.requiresClinicianDecision && profile.clinicianDecision !== undefined) {
    rationale.push({
      about: 'safety',
      text: `Red-flag screen ${screen.action}: reviewed and cleared by the clinician (${profile.clinicianDecision.reason}).`,
      rule: 'blocked.cleared',
      sources: ['S-RF'],
    });
  }
  if (screen.unanswered.length > 0) {
    rationale.push({
      about: 'safety',
      text: `${screen.unanswered.length} red-flag question(s) not answered; ask them: ${screen.unanswered.slice(0, 6).join(', ')}${screen.unanswered.length > 6 ? ` and ${screen.unanswered.length - 6} more` : ''}.`,
      rule: 'screen.unanswered',
      sources: ['S-RF'],
    });
  }

  return {
    status: 'active',
    generator: GENERATOR_VERSION,
    region: profile.region,
    condition: profile.condition,
    startDate: profile.startDate,
    endDate: weekEnd(options.weeks),
    phases: phasePlans,
    weeks,
    reassessments,
    screen,
    blocked: null,
    rationale,
    excluded,
    requiredLessons: [requiredLesson(profile.region)],
  };
}
