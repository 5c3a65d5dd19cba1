/**
 * The findings the red-flag screen asks about, as data: id, answer type, a short question for
 * the clinician (our own words) and the conditions whose rules use it. Docs, the CLI help and
 * the clinician form are generated from `findingDefinitions`.
 */
import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import type { ConditionId } from './conditions.js';

/** Findings answered yes / no / unknown, in the order the screen asks them. */
export const answerFindingIds = [
  // [S-CES]
  'bladderDysfunction',
  'bowelDysfunction',
  'saddleNumbness',
  'bilateralLegSymptoms',
  'sexualDysfunction',
  // [S-MSCC] [S-RF]
  'historyOfCancer',
  'neuroSymptoms',
  'thoracicOrCervicalPain',
  'progressivePain',
  'unremittingPain',
  'nightPain',
  'painOnStraining',
  'localisedTenderness',
  'unexplainedWeightLoss',
  'noImprovementAfter4Weeks',
  'systemicallyUnwell',
  // [S-RF] infection
  'fever',
  'ivDrugUse',
  'immunosuppression',
  'diabetes',
  'recentInfectionOrProcedure',
  'newSeverePain',
  // [S-RF] fracture
  'significantTrauma',
  'majorTrauma',
  'corticosteroidUse',
  'osteoporosis',
  'contusionOrAbrasion',
  'progressiveMotorDeficit',
  // [S-AXSPA]
  'backPainOver3Months',
  'onsetBeforeAge45',
  // [S-RF] neck
  'myelopathySigns',
  'cervicalArterialSymptoms',
] as const;

export type AnswerFindingId = (typeof answerFindingIds)[number];

/** Findings answered with a number (or "unknown"). */
export const numericFindingIds = ['age', 'inflammatoryBackPainFeatures'] as const;

export type NumericFindingId = (typeof numericFindingIds)[number];

export type FindingId = AnswerFindingId | NumericFindingId;

/** `"unknown"` means asked but not known; a missing key means not asked. Both count as absent. */
export type Answer = boolean | 'unknown';

export type Findings = Readonly<Partial<Record<AnswerFindingId, Answer>>> &
  Readonly<Partial<Record<NumericFindingId, number | 'unknown'>>>;

interface FindingDefinitionBase {
  /** Short clinician-facing question, in Spinewise's own words. */
  readonly question: string;
  readonly usedBy: readonly ConditionId[];
}

export interface AnswerFindingDefinition extends FindingDefinitionBase {
  readonly id: AnswerFindingId;
  readonly type: 'answer';
}

export interface NumericFindingDefinition extends FindingDefinitionBase {
  readonly id: NumericFindingId;
  readonly type: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly unit: 'years' | 'features';
}

export type FindingDefinition = AnswerFindingDefinition | NumericFindingDefinition;

type FindingTable = Readonly<
  Record<AnswerFindingId, Omit<AnswerFindingDefinition, 'id' | 'type'>>
> &
  Readonly<Record<NumericFindingId, Omit<NumericFindingDefinition, 'id' | 'type'>>>;

/**
 * The nine features counted in `inflammatoryBackPainFeatures`, in our own words. [S-AXSPA]
 */
export const axialSpondyloarthritisFeatures: readonly string[] = [
  'Back pain began before age 35',
  'Wakes in the second half of the night because of back pain',
  'Buttock pain',
  'Pain eases with movement',
  'Pain eases within 48 hours of taking an NSAID',
  'A parent, sibling or child has spondyloarthritis',
  'Arthritis now or in the past',
  'Enthesitis now or in the past',
  'Psoriasis now or in the past',
];

// Keyed by id so the type checker guarantees every finding has a definition.
const findingTable: FindingTable = {
  bladderDysfunction: {
    question:
      'New bladder change: trouble starting or stopping, reduced feeling of a full bladder or of passing urine, retention or leaking?',
    usedBy: ['caudaEquinaSyndrome'],
  },
  bowelDysfunction: {
    question: 'New loss of bowel control, or reduced feeling in the back passage?',
    usedBy: ['caudaEquinaSyndrome'],
  },
  saddleNumbness: {
    question: 'Numbness or altered feeling around the back passage, genitals or inner thighs?',
    usedBy: ['caudaEquinaSyndrome'],
  },
  bilateralLegSymptoms: {
    question: 'Sciatica in both legs, or weakness or numbness in both legs that is getting worse?',
    usedBy: ['caudaEquinaSyndrome'],
  },
  sexualDysfunction: {
    question: 'New change in sexual function (genital sensation, erection or ejaculation)?',
    usedBy: ['caudaEquinaSyndrome'],
  },
  historyOfCancer: {
    question: 'Current or past cancer?',
    usedBy: ['metastaticSpinalCordCompression', 'spinalMetastasis', 'malignancy'],
  },
  neuroSymptoms: {
    question:
      'Neurological symptoms: nerve-root pain, limb weakness, difficulty walking or loss of sensation?',
    usedBy: ['metastaticSpinalCordCompression', 'vertebralFracture'],
  },
  thoracicOrCervicalPain: {
    question: 'Pain in the thoracic or cervical spine?',
    usedBy: ['spinalMetastasis'],
  },
  progressivePain: {
    question: 'Spinal pain that keeps getting worse?',
    usedBy: ['spinalMetastasis'],
  },
  unremittingPain: {
    question: 'Severe pain that is constant and not eased by rest or change of position?',
    usedBy: ['spinalMetastasis', 'malignancy'],
  },
  nightPain: {
    question: 'Pain at night that wakes the patient or stops sleep?',
    usedBy: ['spinalMetastasis', 'malignancy'],
  },
  painOnStraining: {
    question: 'Spinal pain worse on straining (coughing, sneezing, opening the bowels)?',
    usedBy: ['spinalMetastasis'],
  },
  localisedTenderness: {
    question: 'Tenderness localised to one spinal level?',
    usedBy: ['spinalMetastasis'],
  },
  unexplainedWeightLoss: {
    question: 'Weight loss without a known reason?',
    usedBy: ['malignancy'],
  },
  noImprovementAfter4Weeks: {
    question: 'No improvement after 4–6 weeks of appropriate care?',
    usedBy: ['malignancy'],
  },
  systemicallyUnwell: {
    question: 'Generally unwell (for example chills, night sweats, malaise)?',
    usedBy: ['malignancy', 'spinalInfection'],
  },
  fever: {
    question: 'Fever?',
    usedBy: ['spinalInfection'],
  },
  ivDrugUse: {
    question: 'Injects drugs intravenously?',
    usedBy: ['spinalInfection'],
  },
  immunosuppression: {
    question: 'Immune system suppressed by illness or medication?',
    usedBy: ['spinalInfection'],
  },
  diabetes: {
    question: 'Diabetes?',
    usedBy: ['spinalInfection'],
  },
  recentInfectionOrProcedure: {
    question: 'Recent infection (for example urinary or skin) or recent spinal procedure?',
    usedBy: ['spinalInfection'],
  },
  newSeverePain: {
    question: 'New, severe spinal pain?',
    usedBy: ['spinalInfection'],
  },
  significantTrauma: {
    question:
      "Significant trauma before the pain began, judged against the patient's age and bone health?",
    usedBy: ['vertebralFracture'],
  },
  majorTrauma: {
    question: 'High-energy trauma, such as a road collision or a fall from height?',
    usedBy: ['vertebralFracture'],
  },
  corticosteroidUse: {
    question: 'Long-term corticosteroid use?',
    usedBy: ['vertebralFracture'],
  },
  osteoporosis: {
    question: 'Known osteoporosis?',
    usedBy: ['vertebralFracture'],
  },
  contusionOrAbrasion: {
    question: 'Bruising or grazing over the spine?',
    usedBy: ['vertebralFracture'],
  },
  progressiveMotorDeficit: {
    question:
      'Motor weakness that is marked (for example foot drop, power 3/5 or less) or worsening?',
    usedBy: ['progressiveMotorDeficit', 'vertebralFracture'],
  },
  backPainOver3Months: {
    question: 'Back pain for more than 3 months?',
    usedBy: ['axialSpondyloarthritis'],
  },
  onsetBeforeAge45: {
    question: 'Back pain that started before age 45?',
    usedBy: ['axialSpondyloarthritis'],
  },
  myelopathySigns: {
    question:
      'Signs of cord compression in the neck: unsteady gait, clumsy hands, tingling in both arms, upper-motor-neuron signs?',
    usedBy: ['cervicalMyelopathy'],
  },
  cervicalArterialSymptoms: {
    question:
      'Current dizziness, double vision, slurred speech, difficulty swallowing, drop attacks, nystagmus or facial numbness?',
    usedBy: ['cervicalArterialDysfunction'],
  },
  age: {
    question: 'Age in years?',
    usedBy: ['malignancy', 'vertebralFracture'],
    min: 0,
    max: 120,
    integer: false,
    unit: 'years',
  },
  inflammatoryBackPainFeatures: {
    question: `How many of these nine features are present: ${axialSpondyloarthritisFeatures
      .map((feature) => feature.charAt(0).toLowerCase() + feature.slice(1))
      .join('; ')}?`,
    usedBy: ['axialSpondyloarthritis'],
    min: 0,
    max: 9,
    integer: true,
    unit: 'features',
  },
};

/** Every finding, in the order the screen asks them. */
export const findingDefinitions: readonly FindingDefinition[] = [
  ...answerFindingIds.map((id): AnswerFindingDefinition => ({
    id,
    type: 'answer',
    ...findingTable[id],
  })),
  ...numericFindingIds.map((id): NumericFindingDefinition => ({
    id,
    type: 'number',
    ...findingTable[id],
  })),
];

export const findingIds: readonly FindingId[] = findingDefinitions.map((finding) => finding.id);

const answerIds = new Set<string>(answerFindingIds);

function isNumericFindingId(id: string): id is NumericFindingId {
  return (numericFindingIds as readonly string[]).includes(id);
}

function unknownFindingDetail(id: string): string {
  const match = findingIds.find((known) => known.toLowerCase() === id.toLowerCase());
  const hint = match === undefined ? '' : ` Did you mean ${match}?`;
  return (
    `is not a known finding; known findings are ${findingIds.slice(0, 5).join(', ')}, … ` +
    `(${findingIds.length} in all, see \`spinewise screen --help\`).${hint}`
  );
}

function parseNumeric(id: NumericFindingId, value: unknown): number | 'unknown' {
  if (value === 'unknown') return value;
  const { min, max, integer } = findingTable[id];
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!valid) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new ClinicalInputError(
      ['findings', id],
      `must be ${kind} from ${min} to ${max} or "unknown", not ${describeValue(value)}`,
    );
  }
  return value;
}

/**
 * Validates named findings. Each answer is `true`, `false` or `"unknown"`; `age` is a number
 * from 0 to 120 and `inflammatoryBackPainFeatures` a whole number from 0 to 9 (either may also
 * be `"unknown"`). A missing key means not asked. Anything else is an error naming the finding.
 */
export function parseFindings(input: unknown): Findings {
  if (!isPlainObject(input)) {
    throw new ClinicalInputError(
      ['findings'],
      `must be an object of named findings, not ${describeValue(input)}`,
    );
  }
  const findings: Record<string, Answer | number> = {};
  for (const [id, value] of Object.entries(input)) {
    if (isNumericFindingId(id)) {
      findings[id] = parseNumeric(id, value);
    } else if (answerIds.has(id)) {
      if (value !== true && value !== false && value !== 'unknown') {
        throw new ClinicalInputError(['findings', id], 'must be true, false or "unknown"');
      }
      findings[id] = value;
    } else {
      throw new ClinicalInputError(['findings', id], unknownFindingDetail(id));
    }
  }
  return findings;
}
