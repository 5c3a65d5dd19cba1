/**
 * Wainner test-item cluster for cervical radiculopathy. Neck assessments only.
 */
import type { Assessment } from './assessment.js';
import {
  booleanStatus,
  countCriteria,
  criterion,
  itemCount,
  notApplicable,
  numberStatus,
  ruleResult,
} from './rule-result.js';
import type { RuleResult } from './rule-result.js';

export interface CervicalRadiculopathyResult {
  /** Items positive so far. */
  positiveCount: number;
  /** ≥3 of 4 positive; null while unknown items could still change it. */
  clusterPositive: boolean | null;
  /** ≈0.65 with 3 of 4, ≈0.90 with 4 of 4; null when below 3 or not yet settled. */
  postTestProbability: number | null;
}

const rule = 'cervicalRadiculopathy';
const title = 'Cervical radiculopathy test cluster';
const sources = ['S-WAIN'];

// [S-WAIN] 3 of 4 → post-test probability ≈65 %; 4 of 4 → ≈90 %.
const probabilityWithThree = 0.65;
const probabilityWithFour = 0.9;

export function applyCervicalRadiculopathyCluster(
  assessment: Assessment,
): RuleResult<CervicalRadiculopathyResult> {
  if (assessment.region !== 'cervical') {
    return notApplicable({
      rule,
      title,
      result: { positiveCount: 0, clusterPositive: null, postTestProbability: null },
      summary:
        'Not applied: the cervical radiculopathy cluster is for neck assessments, and this is a low back assessment.',
      sources,
    });
  }

  const exam = assessment.examination;
  const rotation = exam?.ipsilateralRotationDegrees;
  // [S-WAIN] the four items.
  const criteria = [
    criterion(
      'ulttA',
      'Upper-limb tension test A positive',
      booleanStatus(exam?.ulttA, true),
      exam?.ulttA,
    ),
    criterion(
      'spurling',
      'Spurling test positive',
      booleanStatus(exam?.spurling, true),
      exam?.spurling,
    ),
    criterion(
      'distractionRelieves',
      'Neck distraction relieves symptoms',
      booleanStatus(exam?.distractionRelieves, true),
      exam?.distractionRelieves,
    ),
    criterion(
      'ipsilateralRotationUnder60',
      'Rotation towards the painful side less than 60°',
      numberStatus(rotation, (degrees) => degrees < 60),
      rotation,
    ),
  ];

  const count = countCriteria(criteria);
  const positiveCount = count.met;
  let clusterPositive: boolean | null;
  let postTestProbability: number | null = null;
  let summary: string;
  if (positiveCount === 4) {
    clusterPositive = true;
    postTestProbability = probabilityWithFour;
    summary =
      'All 4 items positive: cervical radiculopathy is likely (post-test probability about 90 %).';
  } else if (positiveCount === 3 && count.unknown === 0) {
    clusterPositive = true;
    postTestProbability = probabilityWithThree;
    summary =
      '3 of 4 items positive: cervical radiculopathy is likely (post-test probability about 65 %).';
  } else if (positiveCount === 3) {
    clusterPositive = true;
    summary =
      '3 of 4 items positive and 1 not recorded: the cluster is positive (post-test probability about 65 %, or about 90 % if the last item is positive too).';
  } else if (positiveCount + count.unknown >= 3) {
    clusterPositive = null;
    summary = `${positiveCount} of 4 items positive and ${itemCount(count.unknown)} not recorded: the missing items decide whether the cluster is positive.`;
  } else {
    clusterPositive = false;
    summary = `${positiveCount} of 4 items positive: the cluster is negative (3 or more are needed).`;
  }

  return ruleResult({
    rule,
    title,
    result: { positiveCount, clusterPositive, postTestProbability },
    summary,
    criteria,
    sources,
  });
}
