/**
 * Directional preference from the response to repeated movements (MDT). Chooses direction by
 * the patient's response, not by diagnosis; applies to neck and low back alike.
 */
import type { Assessment, MovementDirection, MovementEffect } from './assessment.js';
import { movementDirections } from './assessment.js';
import { criterion, ruleResult } from './rule-result.js';
import type { Criterion, RuleResult } from './rule-result.js';

export interface DirectionalPreferenceResult {
  /**
   * The one direction that centralised (best) or else reduced symptoms; 'none' when no
   * direction did (with all four tested) or two tie; null when the untested directions
   * could still show one.
   */
  preference: MovementDirection | 'none' | null;
  /** Directions to avoid for now: any that peripheralised, and the opposite of the preference. */
  avoid: MovementDirection[];
  /** Directions that increased symptoms: use with caution. */
  caution: MovementDirection[];
  /** Some direction centralised symptoms. */
  centralisation: boolean;
}

const rule = 'directionalPreference';
const title = 'Directional preference (repeated movements)';
const sources = ['S-MDT'];

// [S-MDT] centralising beats merely lessening symptoms.
const helpfulEffects: readonly MovementEffect[] = ['centralises', 'reduces'];

// [S-MDT] the opposite direction is avoided while the preference holds; lateral and rotation
// have no recorded side here, so only the sagittal pair has an opposite.
const opposite: Partial<Record<MovementDirection, MovementDirection>> = {
  extension: 'flexion',
  flexion: 'extension',
};

type HelpfulEffect = 'centralises' | 'reduces';
const effectWords: Record<HelpfulEffect, string> = {
  centralises: 'centralises symptoms',
  reduces: 'reduces symptoms',
};

export function findDirectionalPreference(
  assessment: Assessment,
): RuleResult<DirectionalPreferenceResult> {
  const findings = assessment.examination?.repeatedMovements ?? [];
  const effectOf = (direction: MovementDirection): MovementEffect | undefined =>
    findings.find((finding) => finding.direction === direction)?.effect;

  const criteria: Criterion[] = movementDirections.map((direction) => {
    const effect = effectOf(direction);
    let status: Criterion['status'] = 'unknown';
    if (effect !== undefined) status = helpfulEffects.includes(effect) ? 'met' : 'notMet';
    return criterion(
      `${direction}Helps`,
      `Repeated ${direction} centralises or reduces symptoms`,
      status,
      effect,
    );
  });

  const withEffect = (effect: MovementEffect): MovementDirection[] =>
    movementDirections.filter((direction) => effectOf(direction) === effect);
  const centralising = withEffect('centralises');
  const reducing = withEffect('reduces');
  // [S-MDT] the best response seen decides; a tie at the best response picks no direction.
  const bestEffect: HelpfulEffect | undefined =
    centralising.length > 0 ? 'centralises' : reducing.length > 0 ? 'reduces' : undefined;
  const best = bestEffect === 'centralises' ? centralising : reducing;
  const untested = movementDirections.filter((direction) => effectOf(direction) === undefined);

  let preference: DirectionalPreferenceResult['preference'];
  let summary: string;
  const [first, second] = best;
  if (findings.length === 0) {
    preference = null;
    summary = 'No repeated movements recorded: test them to look for a directional preference.';
  } else if (bestEffect !== undefined && first !== undefined && second === undefined) {
    preference = first;
    summary = `Repeated ${first} ${effectWords[bestEffect]}: prefer ${first}.`;
  } else if (bestEffect !== undefined) {
    preference = 'none';
    summary = `No single preference: ${best.join(' and ')} each ${effectWords[bestEffect]}, so the response does not pick one direction.`;
  } else if (untested.length > 0) {
    preference = null;
    summary = `No preference among the directions tested; ${untested.join(', ')} not yet tested and could still show one.`;
  } else {
    preference = 'none';
    summary = 'No preference: no direction centralised or reduced symptoms.';
  }

  const avoid = new Set(withEffect('peripheralises'));
  const oppositeOfPreference =
    preference === null || preference === 'none' ? undefined : opposite[preference];
  const oppositeEffect =
    oppositeOfPreference === undefined ? undefined : effectOf(oppositeOfPreference);
  if (
    oppositeOfPreference !== undefined &&
    (oppositeEffect === undefined || !helpfulEffects.includes(oppositeEffect))
  ) {
    avoid.add(oppositeOfPreference);
  }
  const avoidList = movementDirections.filter((direction) => avoid.has(direction));
  const caution = withEffect('increases');

  if (avoidList.length > 0) {
    summary += ` Avoid ${avoidList.join(' and ')} while symptoms respond this way.`;
  }
  if (caution.length > 0) {
    summary += ` Use ${caution.join(' and ')} with caution (symptoms increased).`;
  }

  return ruleResult({
    rule,
    title,
    result: { preference, avoid: avoidList, caution, centralisation: centralising.length > 0 },
    summary,
    criteria,
    sources,
  });
}
