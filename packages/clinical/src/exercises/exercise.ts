/**
 * An exercise as typed data: what it is for, how it moves the spine (the tags the safety rules
 * read), its dose and bounds, where it sits in its progression chain, what the patient is told,
 * and how it is animated. Instructions are written in our own words.
 */
import type { Animation } from '../skeleton/skeleton.js';

export type ExerciseRegion = 'lumbar' | 'cervical' | 'thoracic' | 'general';
export const exerciseRegions: readonly ExerciseRegion[] = [
  'lumbar',
  'cervical',
  'thoracic',
  'general',
];

export type Aim =
  | 'mobility' // pain relief and mobility
  | 'coreEndurance' // core strength and endurance, motor control
  | 'strength' // general and hip strength
  | 'posture'
  | 'function' // lifting, bending, carrying, sit-to-stand
  | 'aerobic' // walking, cycling
  | 'relaxation' // relaxation and breathing
  | 'neck';

export const aims: readonly Aim[] = [
  'mobility',
  'coreEndurance',
  'strength',
  'posture',
  'function',
  'aerobic',
  'relaxation',
  'neck',
];

export type Equipment =
  | 'none'
  | 'mat'
  | 'chair'
  | 'wall'
  | 'table'
  | 'towel'
  | 'pillow'
  | 'step'
  | 'band'
  /** Something to lift or carry: a box, a bag of shopping, a dumbbell. */
  | 'weight'
  | 'bike';

export type Position =
  'standing' | 'sitting' | 'supine' | 'prone' | 'sideLying' | 'quadruped' | 'kneeling' | 'walking';

/** The direction the spine moves in (or `neutral` when it is held still). */
export type SpinalDirection = 'flexion' | 'extension' | 'rotation' | 'lateral' | 'neutral';
export type SpinalLoad = 'unloaded' | 'bodyweight' | 'loaded';

export interface MovementTags {
  /** Every direction the spine moves in during the exercise; `neutral` alone for a held spine. */
  readonly directions: readonly SpinalDirection[];
  /** Whether any of those directions is taken to (or held at) the end of range. */
  readonly endRange: boolean;
  /** Whether the end position is held (a sustained posture), not just passed through. */
  readonly sustained: boolean;
  /** Load on the spine: unloaded (lying, supported), bodyweight, or loaded (an external weight). */
  readonly load: SpinalLoad;
  /** Rotation effort: `forceful` for loaded or end-range twisting. */
  readonly rotationForce: 'none' | 'gentle' | 'forceful';
  /** A gentle isometric activation (no spinal movement, low effort): allowed before surgical clearance. */
  readonly gentleIsometric: boolean;
}

/** Which number the dose counts. */
export type DoseKind = 'reps' | 'hold' | 'duration';

export type DoseVariable = 'reps' | 'sets' | 'holdSeconds' | 'minutes';

export interface Dose {
  readonly sets: number;
  /** Repetitions per set (kind `reps`, and `hold` exercises done as repeated holds). */
  readonly reps?: number;
  /** Seconds each repetition is held (kind `hold`). */
  readonly holdSeconds?: number;
  /** Minutes of continuous activity (kind `duration`). */
  readonly minutes?: number;
  /** How many times a day the exercise is done. */
  readonly perDay: number;
  /** How many days a week. */
  readonly daysPerWeek: number;
}

export interface Range {
  readonly min: number;
  readonly max: number;
  /** One progression step of this variable. */
  readonly step: number;
}

export interface Dosage {
  readonly kind: DoseKind;
  readonly default: Dose;
  /** Bounds of each variable that applies (`sets` always; `reps`/`holdSeconds`/`minutes` as the kind needs). */
  readonly bounds: {
    readonly sets: Range;
    readonly reps?: Range;
    readonly holdSeconds?: Range;
    readonly minutes?: Range;
    readonly perDay: { readonly min: number; readonly max: number };
    readonly daysPerWeek: { readonly min: number; readonly max: number };
  };
  /**
   * Sets done as a descending pyramid (e.g. 6-4-2): each set has `step` fewer reps than the one
   * before, `reps` being the first. [S-MCGILL]
   */
  readonly pyramid?: { readonly step: number };
  /** Order in which variables progress, one step at a time (REFERENCE §5): e.g. reps → sets. */
  readonly progressionOrder: readonly DoseVariable[];
  /** Seconds one repetition takes (for `reps`/`hold`, the movement or the hold plus moving in and out). */
  readonly secondsPerRep: number;
  /** Rest between sets, seconds. */
  readonly restSeconds: number;
  /** Why these numbers, with the source id. */
  readonly rationale: string;
  readonly sources: readonly string[];
}

/** Clinical situations the precautions name; evaluated against the patient's profile. */
export type PrecautionCondition =
  | 'osteoporosis'
  | 'extensionPreference'
  | 'flexionPreference'
  | 'discRadicular'
  | 'stenosis'
  | 'spondylolisthesis'
  | 'postSurgeryNotCleared'
  | 'cervicalRadiculopathy'
  | 'cervicalArterialSymptoms';

export interface Precaution {
  readonly when: PrecautionCondition;
  /** `avoid`: never offered; `avoidEarly`: not in the first phase; `caution`: offered with the note. */
  readonly effect: 'avoid' | 'avoidEarly' | 'caution';
  readonly note: string;
  readonly sources: readonly string[];
}

export interface Exercise {
  readonly id: string;
  readonly name: string;
  readonly region: ExerciseRegion;
  readonly aims: readonly Aim[];
  readonly equipment: readonly Equipment[];
  readonly position: Position;
  readonly movement: MovementTags;
  readonly dosage: Dosage;
  /** The progression chain it belongs to (e.g. `plank`) and its level in it, 1 = easiest. */
  readonly chain: string;
  readonly level: number;
  /** The easier exercise one level down, and the harder one one level up, in the same chain. */
  readonly regression: string | null;
  readonly progression: string | null;
  /** One-line purpose the patient reads. */
  readonly summary: string;
  readonly steps: readonly string[];
  readonly cues: readonly string[];
  readonly mistakes: readonly string[];
  /** What the patient should feel. */
  readonly feel: string;
  /** When to stop and what to do. */
  readonly stopIf: readonly string[];
  /** Precautions beyond those the safety rules derive from the movement tags. */
  readonly precautions: readonly Precaution[];
  readonly animation: Animation;
  readonly sources: readonly string[];
}
