/**
 * Clinical prediction rule for success with a stabilisation (motor control) programme
 * (Hicks 2005). A later study did not validate it, so the result always carries that caveat.
 * Low back pain only.
 */
import type { Assessment } from './assessment.js';
import {
  atLeast,
  booleanStatus,
  countCriteria,
  criterion,
  itemCount,
  notApplicable,
  numberStatus,
  ruleResult,
} from './rule-result.js';
import type { RuleResult } from './rule-result.js';

export interface StabilisationResult {
  /** ≥3 of 4 met; null while unknown items could still change it. */
  likely: boolean | null;
  metCount: number;
  positiveLikelihoodRatio: number | null;
}

const rule = 'stabilisation';
const title = 'Stabilisation prediction rule';
const sources = ['S-CPR-S'];
// [S-CPR-S] Rabin 2014 did not validate the rule.
const caveat =
  'A later study (Rabin 2014) did not validate this rule: treat it as a weak pointer, not a prediction.';

// [S-CPR-S] ≥3 of 4 → likely success, +LR 4.0.
const needed = 3;
const lr = 4.0;

export function applyStabilisationRule(assessment: Assessment): RuleResult<StabilisationResult> {
  if (assessment.region !== 'lumbar') {
    return notApplicable({
      rule,
      title,
      result: { likely: null, metCount: 0, positiveLikelihoodRatio: null },
      summary:
        'Not applied: the stabilisation prediction rule was developed for low back pain, and this is a neck assessment.',
      sources,
    });
  }

  const age = assessment.age;
  const exam = assessment.examination;
  const slr = exam?.straightLegRaiseDegrees;
  // [S-CPR-S] the four items.
  const criteria = [
    criterion(
      'ageUnder40',
      'Younger than 40',
      numberStatus(age, (years) => years < 40),
      age,
    ),
    criterion(
      'straightLegRaiseOver91',
      'Straight-leg raise more than 91°',
      numberStatus(slr, (degrees) => degrees > 91),
      slr,
    ),
    criterion(
      'aberrantMovement',
      'Aberrant movement seen',
      booleanStatus(exam?.aberrantMovement, true),
      exam?.aberrantMovement,
    ),
    criterion(
      'proneInstabilityTest',
      'Prone instability test positive',
      booleanStatus(exam?.proneInstabilityTest, true),
      exam?.proneInstabilityTest,
    ),
  ];

  const count = countCriteria(criteria);
  const likely = atLeast(count, needed);
  let summary: string;
  if (likely === true) {
    summary = `${count.met} of 4 criteria met: likely to do well with a stabilisation programme (+LR ${lr.toFixed(1)}), though the rule is unvalidated.`;
  } else if (likely === false) {
    summary = `${count.met} of 4 criteria met: below the 3 needed, so the rule does not predict success with stabilisation.`;
  } else {
    summary = `${count.met} of 4 criteria met and ${itemCount(count.unknown)} not recorded: the missing items decide whether the 3 needed are reached.`;
  }

  return ruleResult({
    rule,
    title,
    result: {
      likely,
      metCount: count.met,
      positiveLikelihoodRatio: likely === true ? lr : null,
    },
    summary,
    criteria,
    sources,
    caveat,
  });
}
