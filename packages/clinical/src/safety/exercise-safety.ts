/**
 * Which exercises a patient may be given, and why not. One place for the rules of REFERENCE §6
 * that every programme must obey; the generator, the clinician's exercise picker and the
 * safety-invariant tests all call `checkExercise`.
 */
import type { Exercise, PrecautionCondition } from '../exercises/exercise.js';

export type Condition =
  | 'nonspecific'
  | 'discRadicular'
  | 'stenosis'
  | 'spondylolisthesis'
  | 'postFusion'
  | 'postDiscectomy'
  | 'neckNonspecific'
  | 'cervicalRadiculopathy'
  | 'scoliosis';

/** The conditions a programme is tailored to (distinct from the red-flag screen's `conditions`). */
export const patientConditions: readonly Condition[] = [
  'nonspecific',
  'discRadicular',
  'stenosis',
  'spondylolisthesis',
  'postFusion',
  'postDiscectomy',
  'neckNonspecific',
  'cervicalRadiculopathy',
  'scoliosis',
];

export type DirectionalPreference = 'extension' | 'flexion' | 'lateral' | 'none';

export interface SafetyContext {
  readonly condition: Condition;
  readonly directionalPreference: DirectionalPreference;
  readonly osteoporosis: boolean;
  /** After fusion or discectomy/decompression without the surgeon's clearance. [S-FUSION] */
  readonly surgeryNotCleared: boolean;
  /** Cervical arterial symptoms reported in the red-flag screen. [S-RF] */
  readonly cervicalArterialSymptoms: boolean;
}

export interface SafetyReason {
  readonly rule: string;
  readonly text: string;
  readonly sources: readonly string[];
}

export interface SafetyVerdict {
  readonly allowed: boolean;
  /** Why it is not allowed (empty when allowed). */
  readonly reasons: readonly SafetyReason[];
  /** Notes that travel with an allowed exercise. */
  readonly cautions: readonly SafetyReason[];
}

/** Flexion that is sustained, taken to end range or loaded. */
function isProvocativeFlexion(exercise: Exercise): boolean {
  const { directions, endRange, sustained, load } = exercise.movement;
  return directions.includes('flexion') && (endRange || sustained || load === 'loaded');
}

function isEndRangeExtension(exercise: Exercise): boolean {
  const { directions, endRange } = exercise.movement;
  return directions.includes('extension') && endRange;
}

/** Walking, breathing and gentle isometric activation: all that is allowed before clearance. */
export function isAllowedBeforeClearance(exercise: Exercise): boolean {
  const { movement, position, aims } = exercise;
  const walking = position === 'walking';
  const breathing =
    aims.includes('relaxation') &&
    movement.directions.length === 1 &&
    movement.directions[0] === 'neutral' &&
    movement.load === 'unloaded';
  return walking || breathing || movement.gentleIsometric;
}

function conditionHolds(condition: PrecautionCondition, context: SafetyContext): boolean {
  switch (condition) {
    case 'osteoporosis':
      return context.osteoporosis;
    case 'extensionPreference':
      return context.directionalPreference === 'extension';
    case 'flexionPreference':
      return context.directionalPreference === 'flexion';
    case 'discRadicular':
    case 'stenosis':
    case 'spondylolisthesis':
    case 'cervicalRadiculopathy':
      return context.condition === condition;
    case 'postSurgeryNotCleared':
      return context.surgeryNotCleared;
    case 'cervicalArterialSymptoms':
      return context.cervicalArterialSymptoms;
  }
}

/**
 * Checks one exercise for one patient. `firstPhase` is true for the weeks of the programme's
 * first phase, when the direction-specific precautions apply.
 */
export function checkExercise(
  exercise: Exercise,
  context: SafetyContext,
  firstPhase: boolean,
): SafetyVerdict {
  const reasons: SafetyReason[] = [];
  const cautions: SafetyReason[] = [];
  const { movement } = exercise;

  if (context.surgeryNotCleared && !isAllowedBeforeClearance(exercise)) {
    // [S-FUSION] until the surgeon clears formal rehabilitation: walking, breathing and gentle
    // isometric activation only.
    reasons.push({
      rule: 'safety.surgery.notCleared',
      text: 'Before the surgeon clears rehabilitation, only walking, breathing and gentle isometric activation are offered.',
      sources: ['S-FUSION'],
    });
  }
  if (
    context.osteoporosis &&
    movement.directions.includes('flexion') &&
    (movement.endRange || movement.load === 'loaded')
  ) {
    // [S-OSTEO] avoid loaded and end-range spinal flexion.
    reasons.push({
      rule: 'safety.osteoporosis.flexion',
      text: 'Osteoporosis: no loaded or end-range spinal flexion.',
      sources: ['S-OSTEO'],
    });
  }
  if (context.osteoporosis && movement.rotationForce === 'forceful') {
    // [S-OSTEO] avoid forceful twisting.
    reasons.push({
      rule: 'safety.osteoporosis.rotation',
      text: 'Osteoporosis: no forceful twisting.',
      sources: ['S-OSTEO'],
    });
  }
  if (
    firstPhase &&
    (context.directionalPreference === 'extension' || context.condition === 'discRadicular') &&
    isProvocativeFlexion(exercise)
  ) {
    // [S-MDT] extension preference or disc-related leg pain: no sustained, end-range or loaded
    // flexion early.
    reasons.push({
      rule: 'safety.direction.flexionEarly',
      text: 'Extension preference or disc-related leg pain: no sustained, end-range or loaded flexion in the first phase.',
      sources: ['S-MDT'],
    });
  }
  if (
    firstPhase &&
    (context.directionalPreference === 'flexion' ||
      context.condition === 'stenosis' ||
      context.condition === 'spondylolisthesis') &&
    isEndRangeExtension(exercise)
  ) {
    // [S-MDT] [S-STEN] flexion preference, stenosis or spondylolisthesis: no end-range extension early.
    reasons.push({
      rule: 'safety.direction.extensionEarly',
      text: 'Flexion preference, stenosis or spondylolisthesis: no end-range extension in the first phase.',
      sources: ['S-MDT', 'S-STEN'],
    });
  }
  for (const precaution of exercise.precautions) {
    if (!conditionHolds(precaution.when, context)) continue;
    const reason = {
      rule: `safety.precaution.${precaution.when}`,
      text: precaution.note,
      sources: precaution.sources,
    };
    if (precaution.effect === 'avoid' || (precaution.effect === 'avoidEarly' && firstPhase))
      reasons.push(reason);
    else if (precaution.effect === 'caution') cautions.push(reason);
  }
  return { allowed: reasons.length === 0, reasons, cautions };
}
