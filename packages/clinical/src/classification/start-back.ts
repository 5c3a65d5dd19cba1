/**
 * STarT Back risk group and the matched care pathway it points to. A low-back tool: it does
 * not apply to neck pain.
 */
import type { Assessment, SbstRisk, SbstScore } from './assessment.js';
import { criterion, notApplicable, numberStatus, ruleResult } from './rule-result.js';
import type { Criterion, RuleResult } from './rule-result.js';

export interface StartBackPathway {
  id: 'supportedSelfManagement' | 'physiotherapy' | 'psychologicallyInformedPhysiotherapy';
  title: string;
  components: string[];
}

export interface StartBackResult {
  risk: SbstRisk | null;
  pathway: StartBackPathway | null;
}

const rule = 'startBack';
const title = 'STarT Back risk stratification';
const sources = ['S-SB'];

/** [S-SB] subscale ≥4 → high; otherwise total ≥4 → medium; otherwise (total ≤3) low. */
export function startBackRisk(score: SbstScore): SbstRisk {
  if (score.psychosocial >= 4) return 'high';
  if (score.total >= 4) return 'medium';
  return 'low';
}

// [S-SB] what everyone gets, whatever the risk group (our own words).
const everyone = [
  'Assessment',
  'Advice to stay active and keep to usual activities',
  'Advice on pain relief and on work',
  'Education about back pain',
];

// [S-SB] matched care by risk group (our own words).
const pathways: Record<SbstRisk, StartBackPathway> = {
  low: {
    id: 'supportedSelfManagement',
    title: 'Supported self-management',
    components: [...everyone, 'Self-management', 'No further routine sessions'],
  },
  medium: {
    id: 'physiotherapy',
    title: 'Physiotherapy for the signs and symptoms',
    components: [...everyone, 'Exercise', 'Manual therapy', 'Reassurance'],
  },
  high: {
    id: 'psychologicallyInformedPhysiotherapy',
    title: 'Psychologically informed physiotherapy',
    components: [
      ...everyone,
      'Address unhelpful beliefs and distress using cognitive-behavioural principles',
      'Graded activity and graded exposure',
    ],
  },
};

const riskSummary: Record<SbstRisk, string> = {
  low: 'supported self-management with advice, pain relief and education, and no further routine sessions',
  medium:
    'physiotherapy aimed at the signs and symptoms (exercise, manual therapy and reassurance) on top of advice and education',
  high: 'psychologically informed physiotherapy that tackles unhelpful beliefs and distress, with graded activity, on top of advice and education',
};

export function stratifyStartBack(assessment: Assessment): RuleResult<StartBackResult> {
  if (assessment.region !== 'lumbar') {
    return notApplicable({
      rule,
      title,
      result: { risk: null, pathway: null },
      summary: 'Not applied: STarT Back stratifies low back pain, and this is a neck assessment.',
      sources,
    });
  }

  const sbst = assessment.scores?.sbst;
  const recordedRisk = assessment.scores?.sbstRisk;
  const criteria: Criterion[] = [];
  if (sbst !== undefined || recordedRisk === undefined) {
    // [S-SB] the two thresholds that decide the group.
    criteria.push(
      criterion(
        'totalAtLeast4',
        'Total score 4 or more (of 9)',
        numberStatus(sbst?.total, atLeast4),
        sbst?.total,
      ),
      criterion(
        'psychosocialAtLeast4',
        'Psychosocial subscale 4 or more (of 5)',
        numberStatus(sbst?.psychosocial, atLeast4),
        sbst?.psychosocial,
      ),
    );
  } else {
    criteria.push(criterion('recordedRisk', 'Risk group recorded', 'met', recordedRisk));
  }

  const risk = sbst === undefined ? (recordedRisk ?? null) : startBackRisk(sbst);
  if (risk === null) {
    return ruleResult({
      rule,
      title,
      result: { risk: null, pathway: null },
      summary:
        'Risk group unknown: record the STarT Back total and psychosocial scores, or the risk group, to match the care pathway.',
      criteria,
      sources,
    });
  }
  const scored =
    sbst === undefined ? '' : ` (total ${sbst.total}, psychosocial ${sbst.psychosocial})`;
  return ruleResult({
    rule,
    title,
    result: { risk, pathway: pathways[risk] },
    summary: `${capitalise(risk)} risk${scored}: ${riskSummary[risk]}.`,
    criteria,
    sources,
  });
}

function atLeast4(value: number): boolean {
  return value >= 4;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
