/**
 * Clinical prediction rule for benefit from lumbar manipulation (Flynn, validated by Childs),
 * in its five-item form and the two-item short form. Low back pain only.
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

export interface ManipulationResult {
  /** ≥4 of 5 met; null while unknown items could still change it. */
  likely: boolean | null;
  metCount: number;
  /** +LR in the derivation study when likely, else null. */
  positiveLikelihoodRatio: number | null;
  /** +LR in the validation study when likely, else null. */
  validationPositiveLikelihoodRatio: number | null;
  twoItem: { likely: boolean | null; positiveLikelihoodRatio: number | null };
}

const rule = 'manipulation';
const title = 'Manipulation prediction rule';
const sources = ['S-CPR-M'];

// [S-CPR-M] ≥4 of 5 → likely to benefit; +LR 24.4 (Flynn 2002), 13.2 (Childs 2004).
const needed = 4;
const derivationLr = 24.4;
const validationLr = 13.2;
// [S-CPR-M] two-item version (Fritz 2005): <16 days and no symptoms below the knee, +LR 7.2.
const twoItemLr = 7.2;

const notApplicableResult: ManipulationResult = {
  likely: null,
  metCount: 0,
  positiveLikelihoodRatio: null,
  validationPositiveLikelihoodRatio: null,
  twoItem: { likely: null, positiveLikelihoodRatio: null },
};

export function applyManipulationRule(assessment: Assessment): RuleResult<ManipulationResult> {
  if (assessment.region !== 'lumbar') {
    return notApplicable({
      rule,
      title,
      result: notApplicableResult,
      summary:
        'Not applied: the manipulation prediction rule was developed for low back pain, and this is a neck assessment.',
      sources,
    });
  }

  const duration = assessment.symptomDurationDays;
  const belowKnee = assessment.symptomsBelowKnee;
  const fabqWork = assessment.scores?.fabqWork;
  const exam = assessment.examination;
  const hipIr = exam?.hipInternalRotationDegrees;
  // [S-CPR-M] the five items.
  const durationItem = criterion(
    'durationUnder16Days',
    'Symptoms for less than 16 days',
    numberStatus(duration, (days) => days < 16),
    duration,
  );
  const kneeItem = criterion(
    'noSymptomsBelowKnee',
    'No symptoms below the knee',
    booleanStatus(belowKnee, false),
    belowKnee,
  );
  const criteria = [
    durationItem,
    kneeItem,
    criterion(
      'fabqWorkUnder19',
      'FABQ work subscale below 19',
      numberStatus(fabqWork, (score) => score < 19),
      fabqWork,
    ),
    criterion(
      'hypomobileLumbarSegment',
      'At least one stiff (hypomobile) lumbar segment',
      booleanStatus(exam?.hypomobileLumbarSegment, true),
      exam?.hypomobileLumbarSegment,
    ),
    criterion(
      'hipInternalRotationOver35',
      'At least one hip with more than 35° internal rotation',
      numberStatus(hipIr, (degrees) => degrees > 35),
      hipIr,
    ),
  ];

  const count = countCriteria(criteria);
  const likely = atLeast(count, needed);
  const twoItemLikely = atLeast(countCriteria([durationItem, kneeItem]), 2);
  const result: ManipulationResult = {
    likely,
    metCount: count.met,
    positiveLikelihoodRatio: likely === true ? derivationLr : null,
    validationPositiveLikelihoodRatio: likely === true ? validationLr : null,
    twoItem: {
      likely: twoItemLikely,
      positiveLikelihoodRatio: twoItemLikely === true ? twoItemLr : null,
    },
  };

  let main: string;
  if (likely === true) {
    main = `${count.met} of 5 criteria met: likely to benefit from lumbar manipulation (+LR ${derivationLr} in the derivation study, ${validationLr} in validation).`;
  } else if (likely === false) {
    main = `${count.met} of 5 criteria met: below the 4 needed, so the rule does not predict benefit from manipulation.`;
  } else {
    main = `${count.met} of 5 criteria met and ${itemCount(count.unknown)} not recorded: the missing items decide whether the 4 needed are reached.`;
  }
  let short: string;
  if (twoItemLikely === true) {
    short = ` Short form (under 16 days, nothing below the knee) positive, +LR ${twoItemLr}.`;
  } else if (twoItemLikely === false) {
    short = ' Short form (under 16 days, nothing below the knee) negative.';
  } else {
    short =
      ' Short form (under 16 days, nothing below the knee) undecided until both are recorded.';
  }

  return ruleResult({ rule, title, result, summary: main + short, criteria, sources });
}
