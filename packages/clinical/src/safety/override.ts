/**
 * Which of the safety rules a clinician may override for one exercise, with a written reason.
 *
 * REFERENCE §6 has two kinds of rule. The direction precautions are relative: "avoid … early",
 * and "choose direction by the patient's response" [S-MDT] [S-STEN], so a clinician who has seen
 * the patient's response to repeated movements may give one such exercise in the first phase.
 * Everything else is absolute and never overridden: no rehabilitation before the surgeon's
 * clearance [S-FUSION], no loaded or end-range flexion or forceful twisting with osteoporosis
 * [S-OSTEO], an exercise's own `avoid` precautions, and anything for cervical arterial
 * symptoms [S-RF].
 */
import type { Exercise, PrecautionCondition } from '../exercises/exercise.js';
import {
  checkExercise,
  type SafetyContext,
  type SafetyReason,
  type SafetyVerdict,
} from './exercise-safety.js';

/** The rule id of the clinician's override, in a prescription's rationale. */
export const OVERRIDE_RULE = 'safety.override';

/** Direction rules that apply only in the first phase. [S-MDT] [S-STEN] */
const relativeDirectionRules: ReadonlySet<string> = new Set([
  'safety.direction.flexionEarly',
  'safety.direction.extensionEarly',
]);

/** Precaution conditions that stay absolute even when an exercise marks them `avoidEarly`. */
const absoluteConditions: readonly PrecautionCondition[] = [
  'osteoporosis', // [S-OSTEO]
  'postSurgeryNotCleared', // [S-FUSION]
  'cervicalArterialSymptoms', // [S-RF]
];

const PRECAUTION_PREFIX = 'safety.precaution.';

export interface OverrideAssessment {
  /** The verdict for the week's phase, as `checkExercise` gives it. */
  readonly verdict: SafetyVerdict;
  /** Reasons a clinician may override with a written reason (first-phase precautions). */
  readonly overridable: readonly SafetyReason[];
  /** Reasons that are never overridden. */
  readonly absolute: readonly SafetyReason[];
  /** Not allowed, and every reason is overridable: the exercise may be given with a reason. */
  readonly canOverride: boolean;
}

/**
 * Splits the verdict's reasons into overridable and absolute ones. A reason is overridable only
 * when it is a first-phase direction rule or a precaution, and it holds only in the first phase
 * (the same exercise is allowed by that rule later on), so an `avoid` precaution, which holds in
 * every phase, stays absolute even though it shares its rule id with `avoidEarly`.
 */
export function assessOverride(
  exercise: Exercise,
  context: SafetyContext,
  firstPhase: boolean,
): OverrideAssessment {
  const verdict = checkExercise(exercise, context, firstPhase);
  const later = firstPhase ? checkExercise(exercise, context, false) : verdict;
  const laterRules = new Set(later.reasons.map((reason) => reason.rule));
  const overridable: SafetyReason[] = [];
  const absolute: SafetyReason[] = [];
  for (const reason of verdict.reasons) {
    const relative = firstPhase && !laterRules.has(reason.rule) && isRelativeRule(reason.rule);
    (relative ? overridable : absolute).push(reason);
  }
  return {
    verdict,
    overridable,
    absolute,
    canOverride: !verdict.allowed && absolute.length === 0,
  };
}

/** Whether a rule id names a relative (first-phase) precaution. */
export function isRelativeRule(rule: string): boolean {
  if (relativeDirectionRules.has(rule)) return true;
  if (!rule.startsWith(PRECAUTION_PREFIX)) return false;
  const condition = rule.slice(PRECAUTION_PREFIX.length);
  return !(absoluteConditions as readonly string[]).includes(condition);
}

/**
 * Whether one reason of a first-phase verdict on `exercise` may be overridden, from the rule id
 * and the exercise's own precautions: for a clinician's picker, which has the server's verdict
 * but not the patient's safety context. A precaution is overridable only when the exercise marks
 * it `avoidEarly` and never `avoid`.
 */
export function isOverridableReason(exercise: Exercise, reason: SafetyReason): boolean {
  if (!isRelativeRule(reason.rule)) return false;
  if (relativeDirectionRules.has(reason.rule)) return true;
  const condition = reason.rule.slice(PRECAUTION_PREFIX.length);
  const matching = exercise.precautions.filter((precaution) => precaution.when === condition);
  return (
    matching.some((precaution) => precaution.effect === 'avoidEarly') &&
    !matching.some((precaution) => precaution.effect === 'avoid')
  );
}
