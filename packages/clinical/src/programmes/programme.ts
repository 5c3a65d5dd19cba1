/**
 * A generated home programme, as plain data: dated weeks in phases, each with its session(s),
 * doses, activity quota, lessons, posture tasks and reassessments, and a rationale for every
 * choice (rule and source id) for the clinician.
 */
import type { Action, RedFlagScreen } from '../screening/index.js';
import type { Region } from '../region.js';
import type { Dose, DoseKind } from '../exercises/exercise.js';

export type PhaseId = 'settle' | 'control' | 'function' | 'maintain';

export interface Rationale {
  /** What the reason is about, e.g. `phase`, `exercise`, `dose`, `safety`. */
  readonly about:
    | 'phase'
    | 'exercise'
    | 'dose'
    | 'activity'
    | 'lesson'
    | 'task'
    | 'reassessment'
    | 'safety'
    | 'blocked'
    | 'time';
  readonly text: string;
  /** The rule applied, e.g. `phase.start.tbc`, `safety.osteoporosis.flexion`. */
  readonly rule: string;
  readonly sources: readonly string[];
  /** Set where the choice rests on a default convention rather than evidence. */
  readonly isDefault?: boolean;
}

export interface PrescribedExercise {
  readonly id: string;
  readonly name: string;
  readonly chain: string;
  readonly level: number;
  readonly kind: DoseKind;
  readonly sets: number;
  readonly reps?: number;
  /** Repetitions set by set when they differ (a descending pyramid such as 6-4-2). */
  readonly repsPerSet?: readonly number[];
  readonly holdSeconds?: number;
  readonly minutes?: number;
  readonly perDay: number;
  readonly daysPerWeek: number;
  /** Minutes one bout takes, and minutes a day with `perDay` bouts. */
  readonly boutMinutes: number;
  readonly dailyMinutes: number;
  /** Cautions the safety rules attach (the exercise is allowed, with this note). */
  readonly cautions: readonly string[];
  readonly rationale: readonly Rationale[];
}

export interface Session {
  readonly id: string;
  readonly name: string;
  readonly daysPerWeek: number;
  readonly exercises: readonly PrescribedExercise[];
  /** Minutes a day for the whole session, counting exercises done more than once a day. */
  readonly dailyMinutes: number;
}

export interface ActivityQuota {
  readonly kind: 'walking' | 'walkingIntervals' | 'cycling';
  readonly minutesPerDay: number;
  readonly daysPerWeek: number;
  readonly rationale: readonly Rationale[];
}

export interface Reassessment {
  readonly week: number;
  readonly date: string;
  readonly instruments: readonly string[];
}

export interface ProgrammeWeek {
  /** 1-based. */
  readonly week: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly phase: PhaseId;
  readonly sessions: readonly Session[];
  readonly activity: ActivityQuota;
  /** Lesson ids unlocked this week. */
  readonly lessons: readonly string[];
  /** Posture and ergonomic task ids for this week. */
  readonly tasks: readonly string[];
  readonly reassessments: readonly Reassessment[];
  readonly rationale: readonly Rationale[];
}

export interface PhasePlan {
  readonly phase: PhaseId;
  readonly title: string;
  readonly aim: string;
  readonly weeks: readonly number[];
}

export interface BlockedReason {
  readonly action: Action;
  readonly concerns: RedFlagScreen['concerns'];
  readonly reason: string;
}

export interface Programme {
  readonly status: 'active' | 'blocked';
  /** Version of the generation rules, so a stored programme says which rules made it. */
  readonly generator: string;
  readonly region: Region;
  readonly condition: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly phases: readonly PhasePlan[];
  readonly weeks: readonly ProgrammeWeek[];
  /** Baseline (week 0), mid-point and end questionnaires. */
  readonly reassessments: readonly Reassessment[];
  readonly screen: RedFlagScreen;
  readonly blocked: BlockedReason | null;
  /** Programme-wide reasons: starting phase, pathway, safety exclusions. */
  readonly rationale: readonly Rationale[];
  /** Exercises left out for this patient, with why (shown to the clinician). */
  readonly excluded: readonly { readonly id: string; readonly reasons: readonly string[] }[];
  /** Lesson ids the patient must always have: the cauda equina safety net for the low back, the neck warning signs for the neck. */
  readonly requiredLessons: readonly string[];
}

/** The dose of a prescribed exercise, as the dosing helpers take it. */
export function doseOf(exercise: PrescribedExercise): Dose {
  return {
    sets: exercise.sets,
    perDay: exercise.perDay,
    daysPerWeek: exercise.daysPerWeek,
    ...(exercise.reps === undefined ? {} : { reps: exercise.reps }),
    ...(exercise.holdSeconds === undefined ? {} : { holdSeconds: exercise.holdSeconds }),
    ...(exercise.minutes === undefined ? {} : { minutes: exercise.minutes }),
  };
}
