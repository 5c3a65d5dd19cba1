/**
 * Red-flag screening for serious spinal pathology (REFERENCE §2). Pure: plain data in, plain
 * data out. The screen supports the clinician and never diagnoses; a single weak flag raises
 * concern but does not escalate to urgent or emergency, because most flags have poor accuracy
 * and about 80 % of people with back pain have at least one. [S-RF]
 */
import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import { conditionDefinitions } from './conditions.js';
import type { Region } from '../region.js';
import type { ConditionId } from './conditions.js';
import { findingDefinitions, parseFindings } from './findings.js';
import type { AnswerFindingId, FindingId, Findings } from './findings.js';
import { caudaEquinaSafetyNet } from './safety-net.js';
import type { SafetyNetAdvice } from './safety-net.js';

export type Action = 'emergency' | 'urgent' | 'routine' | 'none';
export type ConcernLevel = 'high' | 'moderate' | 'low';

export interface ScreenInput {
  region: Region;
  findings: Findings;
}

export interface ScreenOptions {
  /** **default** 65: "older age" for vertebral fracture is a convention, not evidence. [S-RF] */
  fractureAgeOver: number;
  /** 50: age above which age counts as a malignancy feature. [S-RF] */
  malignancyAgeOver: number;
}

export const defaultScreenOptions: Readonly<ScreenOptions> = {
  fractureAgeOver: 65,
  malignancyAgeOver: 50,
};

export interface Concern {
  condition: ConditionId;
  title: string;
  level: ConcernLevel;
  action: Action;
  /** The present findings that drove this concern. */
  findings: FindingId[];
  /** The rule, in words. */
  criteria: string;
  recommendation: string;
  sources: string[];
}

export interface RedFlagScreen {
  region: Region;
  /** The most severe of the concerns' actions; 'none' when there are no concerns. */
  action: Action;
  /** Conditions with at least one present finding, most severe first. */
  concerns: Concern[];
  /** Relevant findings not answered or answered "unknown": cauda equina ones first. */
  unanswered: FindingId[];
  /** Always present for a lumbar screen [S-CES]; null for cervical. */
  safetyNet: SafetyNetAdvice | null;
  contraindications: string[];
  /** True for an emergency or urgent action: blocks automatic programme generation. */
  requiresClinicianDecision: boolean;
  disclaimer: string;
  sources: string[];
}

export const screenDisclaimer =
  'Decision support only, not a diagnosis. Findings answered "unknown" or not asked count as ' +
  'absent, so ask about them. The clinician makes and records the decision (referred, or ' +
  'reviewed and cleared with a reason).';

const actionRank: Readonly<Record<Action, number>> = {
  emergency: 3,
  urgent: 2,
  routine: 1,
  none: 0,
};
const levelRank: Readonly<Record<ConcernLevel, number>> = { high: 2, moderate: 1, low: 0 };

const emergencyAdvice =
  'Same-day emergency assessment: send the patient to the emergency department or contact ' +
  'the on-call spinal team now. Do not start or continue the exercise programme.';
const urgentAdvice =
  'Urgent medical review within 24 hours to a few days. Hold automatic programme ' +
  'generation until a clinician records a decision.';

/** What a rule sees: validated findings with threshold helpers already applied. */
interface RuleContext {
  readonly findings: Findings;
  readonly options: Readonly<ScreenOptions>;
  readonly yes: (id: AnswerFindingId) => boolean;
  /** The ids among `ids` that are answered `true`. */
  readonly present: (ids: readonly AnswerFindingId[]) => AnswerFindingId[];
  readonly ageOver: (threshold: number) => boolean;
}

type ConcernResult = Omit<Concern, 'condition' | 'title' | 'sources'>;
type Rule = (context: RuleContext) => ConcernResult | null;

// [S-CES] any one → emergency.
const caudaEquinaFindings: readonly AnswerFindingId[] = [
  'bladderDysfunction',
  'bowelDysfunction',
  'saddleNumbness',
  'bilateralLegSymptoms',
  'sexualDysfunction',
];

// [S-MSCC] [S-RF] spinal pain features that, with known cancer, suggest metastasis.
const metastaticPainFindings: readonly AnswerFindingId[] = [
  'thoracicOrCervicalPain',
  'progressivePain',
  'unremittingPain',
  'painOnStraining',
  'localisedTenderness',
  'nightPain',
];

// [S-RF] infection risk factors and signs of being unwell.
const infectionRiskFindings: readonly AnswerFindingId[] = [
  'ivDrugUse',
  'immunosuppression',
  'diabetes',
  'recentInfectionOrProcedure',
];
const unwellFindings: readonly AnswerFindingId[] = ['fever', 'systemicallyUnwell'];

// [S-RF] fracture features other than age (age is compared with fractureAgeOver).
const fractureFindings: readonly AnswerFindingId[] = [
  'significantTrauma',
  'corticosteroidUse',
  'osteoporosis',
  'contusionOrAbrasion',
];
const neuroDeficitFindings: readonly AnswerFindingId[] = [
  'neuroSymptoms',
  'progressiveMotorDeficit',
];

const rules: Readonly<Record<ConditionId, Rule>> = {
  caudaEquinaSyndrome: ({ present }) => {
    const found = present(caudaEquinaFindings);
    if (found.length === 0) return null;
    // [S-CES] any one finding → emergency
    return {
      level: 'high',
      action: 'emergency',
      findings: found,
      criteria:
        'Any one of: new bladder or bowel dysfunction, saddle numbness, symptoms in both legs, ' +
        'new sexual dysfunction → emergency.',
      recommendation:
        'Suspected cauda equina syndrome. ' +
        emergencyAdvice +
        ' Give the patient the safety-net advice in writing.',
    };
  },

  metastaticSpinalCordCompression: ({ yes }) => {
    // [S-MSCC] known cancer and neurological symptoms → emergency
    if (!yes('historyOfCancer') || !yes('neuroSymptoms')) return null;
    return {
      level: 'high',
      action: 'emergency',
      findings: ['historyOfCancer', 'neuroSymptoms'],
      criteria: 'Known cancer and neurological symptoms → emergency.',
      recommendation:
        'Possible metastatic spinal cord compression. Contact the acute oncology team, the ' +
        'MSCC coordinator or the on-call spinal team today. ' +
        emergencyAdvice,
    };
  },

  spinalMetastasis: ({ yes, present }) => {
    if (!yes('historyOfCancer')) return null;
    const pain = present(metastaticPainFindings);
    const criteria =
      'Known cancer with spinal pain that is thoracic or cervical, progressive, severe and ' +
      'unremitting, worse on straining, with localised tenderness, or at night → urgent; ' +
      'known cancer alone does not escalate.';
    if (pain.length > 0) {
      // [S-MSCC] [S-RF] known cancer with a suspicious pain feature → urgent
      return {
        level: 'high',
        action: 'urgent',
        findings: ['historyOfCancer', ...pain],
        criteria,
        recommendation:
          'Possible spinal metastasis. ' +
          urgentAdvice +
          ' Involve the team that treats the cancer and consider spinal imaging.',
      };
    }
    // [S-RF] a single flag surfaces but does not escalate
    return {
      level: 'low',
      action: 'none',
      findings: ['historyOfCancer'],
      criteria,
      recommendation:
        'History of cancer without suspicious spinal pain. At each visit ask about new, ' +
        'worsening, constant or night-time spinal pain and any neurological symptoms, and ' +
        'screen again if they appear.',
    };
  },

  malignancy: ({ yes, present, ageOver, options }) => {
    // [S-RF] applies only without known cancer; known cancer is handled by the rules above.
    if (yes('historyOfCancer')) return null;
    const found: FindingId[] = [];
    let count = 0;
    if (ageOver(options.malignancyAgeOver)) {
      found.push('age');
      count += 1;
    }
    for (const id of present(['unexplainedWeightLoss', 'noImprovementAfter4Weeks'])) {
      found.push(id);
      count += 1;
    }
    // [S-RF] "constant or night pain" is one feature, however many of the two are present.
    const constantOrNight = present(['unremittingPain', 'nightPain']);
    if (constantOrNight.length > 0) {
      found.push(...constantOrNight);
      count += 1;
    }
    if (yes('systemicallyUnwell')) {
      found.push('systemicallyUnwell');
      count += 1;
    }
    if (count === 0) return null;
    const criteria =
      `Features: age over ${options.malignancyAgeOver}, unexplained weight loss, no ` +
      'improvement after 4–6 weeks, constant or night pain (one feature), systemically ' +
      `unwell. ${count} of 5 present; 2 or more → urgent, 1 → routine review.`;
    if (count >= 2) {
      // [S-RF] a cluster of 2 or more → urgent
      return {
        level: 'high',
        action: 'urgent',
        findings: found,
        criteria,
        recommendation:
          'A cluster of features that can point to cancer. ' +
          urgentAdvice +
          ' The review decides on investigations.',
      };
    }
    // [S-RF] one feature → routine review; rehabilitation may go on
    return {
      level: 'moderate',
      action: 'routine',
      findings: found,
      criteria,
      recommendation:
        'One feature alone is common and rarely means cancer. Rehabilitation may go on; ' +
        'arrange a routine GP review and screen again if more features appear or there is no ' +
        'progress.',
    };
  },

  spinalInfection: ({ yes, present }) => {
    const risks = present(infectionRiskFindings);
    const unwell = present(unwellFindings);
    if (risks.length === 0 && unwell.length === 0) return null;
    const newSeverePain: AnswerFindingId[] = yes('newSeverePain') ? ['newSeverePain'] : [];
    const criteria =
      'Risk factor: IV drug use, immunosuppression, diabetes, recent infection or spinal ' +
      'procedure. Unwell: fever or systemically unwell. Unwell with a risk factor → ' +
      'emergency; risk factor with new severe pain → urgent; either alone does not escalate.';
    if (risks.length > 0 && unwell.length > 0) {
      // [S-RF] unwell with a risk factor → emergency
      return {
        level: 'high',
        action: 'emergency',
        findings: [...unwell, ...risks, ...newSeverePain],
        criteria,
        recommendation: 'Possible spinal infection. ' + emergencyAdvice,
      };
    }
    if (risks.length > 0 && newSeverePain.length > 0) {
      // [S-RF] risk factor with new severe pain → urgent
      return {
        level: 'high',
        action: 'urgent',
        findings: [...risks, ...newSeverePain],
        criteria,
        recommendation: 'Possible spinal infection. ' + urgentAdvice,
      };
    }
    // [S-RF] a risk factor alone, or feeling unwell alone, does not escalate
    return {
      level: 'low',
      action: 'none',
      findings: [...unwell, ...risks],
      criteria,
      recommendation:
        'One infection flag alone rarely means spinal infection. Ask about fever, feeling ' +
        'unwell, new severe pain and recent infections or procedures, and screen again if ' +
        'they change.',
    };
  },

  vertebralFracture: ({ yes, present, ageOver, options }) => {
    const features: FindingId[] = present(fractureFindings);
    if (ageOver(options.fractureAgeOver)) features.push('age');
    const major = yes('majorTrauma');
    if (!major && features.length === 0) return null;
    const neuro = present(neuroDeficitFindings);
    // A fracture is suspected on significant trauma or on two or more features; one weak
    // feature (say age over 65) with ordinary nerve-root pain must not escalate. [S-RF]
    const suspected = features.includes('significantTrauma') || features.length >= 2;
    const criteria =
      `Features: significant trauma, age over ${options.fractureAgeOver}, long-term ` +
      'corticosteroids, osteoporosis, contusion or abrasion. Major trauma, or a suspected ' +
      'fracture (significant trauma or 2 or more features) with a neurological deficit → ' +
      'emergency; otherwise 2 or more features → urgent imaging; one feature alone does not ' +
      'escalate.';
    const drivers: FindingId[] = [...(major ? (['majorTrauma'] as const) : []), ...features];
    if (major || (suspected && neuro.length > 0)) {
      // [S-RF] major trauma, or a suspected fracture with neurological deficit → emergency
      return {
        level: 'high',
        action: 'emergency',
        findings: [...drivers, ...neuro],
        criteria,
        recommendation: 'Possible vertebral fracture. ' + emergencyAdvice,
      };
    }
    if (features.length >= 2) {
      // [S-RF] 2 or more features → urgent imaging
      return {
        level: 'high',
        action: 'urgent',
        findings: drivers,
        criteria,
        recommendation: 'Possible vertebral fracture. ' + urgentAdvice + ' Consider imaging.',
      };
    }
    // [S-RF] one feature alone does not escalate
    return {
      level: 'low',
      action: 'none',
      findings: drivers,
      criteria,
      recommendation:
        'One fracture risk feature alone does not justify imaging. Ask about trauma, bone ' +
        'health and steroid use, and take bone health into account when choosing exercises.',
    };
  },

  progressiveMotorDeficit: ({ yes }) => {
    // [S-RF] progressive or marked motor deficit → urgent
    if (!yes('progressiveMotorDeficit')) return null;
    return {
      level: 'high',
      action: 'urgent',
      findings: ['progressiveMotorDeficit'],
      criteria: 'Marked (power 3/5 or less, e.g. foot drop) or worsening weakness → urgent.',
      recommendation:
        'Progressive motor deficit. ' +
        urgentAdvice +
        ' Re-test power, sensation and reflexes and record them.',
    };
  },

  axialSpondyloarthritis: ({ yes, findings }) => {
    const count =
      typeof findings.inflammatoryBackPainFeatures === 'number'
        ? findings.inflammatoryBackPainFeatures
        : 0;
    const gate: AnswerFindingId[] = [];
    if (yes('backPainOver3Months')) gate.push('backPainOver3Months');
    if (yes('onsetBeforeAge45')) gate.push('onsetBeforeAge45');
    const gateMet = gate.length === 2;
    const criteria =
      'Back pain for more than 3 months that began before age 45, and 4 or more of the nine ' +
      `inflammatory features → routine rheumatology referral; exactly 3 → consider an HLA-B27 ` +
      `test. ${count} of 9 features present.`;
    if (gateMet && count >= 4) {
      // [S-AXSPA] ≥4 features → routine rheumatology referral
      return {
        level: 'moderate',
        action: 'routine',
        findings: [...gate, 'inflammatoryBackPainFeatures'],
        criteria,
        recommendation:
          'Possible axial spondyloarthritis. Refer to rheumatology (routine); rehabilitation ' +
          'may go on.',
      };
    }
    if (gateMet && count === 3) {
      // [S-AXSPA] exactly 3 features → suggest an HLA-B27 test
      return {
        level: 'low',
        action: 'routine',
        findings: [...gate, 'inflammatoryBackPainFeatures'],
        criteria,
        recommendation:
          'Three inflammatory features. Consider an HLA-B27 test and decide on rheumatology ' +
          'referral with its result; rehabilitation may go on.',
      };
    }
    if (count >= 4) {
      // [S-AXSPA] the referral criteria need both the duration and the age of onset
      return {
        level: 'low',
        action: 'none',
        findings: [...gate, 'inflammatoryBackPainFeatures'],
        criteria,
        recommendation:
          'Four or more inflammatory features, but back pain for more than 3 months and onset ' +
          'before age 45 are not both confirmed, so the referral criteria are not met. Check ' +
          'the duration and age of onset.',
      };
    }
    return null;
  },

  cervicalMyelopathy: ({ yes }) => {
    // [S-RF] signs of cervical myelopathy → urgent, whatever region was screened
    if (!yes('myelopathySigns')) return null;
    return {
      level: 'high',
      action: 'urgent',
      findings: ['myelopathySigns'],
      criteria:
        'Gait disturbance, clumsy hands, paraesthesia in both arms or upper-motor-neuron ' +
        'signs → urgent.',
      recommendation: 'Possible cervical myelopathy. ' + urgentAdvice,
    };
  },

  cervicalArterialDysfunction: ({ yes }) => {
    // [S-RF] current arterial symptoms → emergency, and no neck manipulation
    if (!yes('cervicalArterialSymptoms')) return null;
    return {
      level: 'high',
      action: 'emergency',
      findings: ['cervicalArterialSymptoms'],
      criteria:
        'Current dizziness, double vision, slurred speech, difficulty swallowing, drop ' +
        'attacks, nystagmus or facial numbness → emergency; neck manipulation is ' +
        'contraindicated.',
      recommendation:
        'Possible cervical arterial dysfunction, which can lead to a stroke. ' +
        emergencyAdvice +
        ' Do not manipulate the neck.',
    };
  },
};

function parseRegion(value: unknown): Region {
  if (value === 'lumbar' || value === 'cervical') return value;
  throw new ClinicalInputError(
    ['region'],
    `must be "lumbar" or "cervical", not ${describeValue(value)}`,
  );
}

/** Validates `{ region, findings }`; errors name the failing field. */
export function parseScreenInput(input: unknown): ScreenInput {
  if (!isPlainObject(input)) {
    throw new ClinicalInputError(
      [],
      `must be an object with region and findings, not ${describeValue(input)}`,
    );
  }
  for (const key of Object.keys(input)) {
    if (key !== 'region' && key !== 'findings') {
      throw new ClinicalInputError([key], 'is not a known field; expected region and findings');
    }
  }
  return { region: parseRegion(input.region), findings: parseFindings(input.findings) };
}

function parseOptions(options: Partial<ScreenOptions> | undefined): ScreenOptions {
  const parsed: ScreenOptions = { ...defaultScreenOptions };
  if (options === undefined) return parsed;
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
    if (key !== 'fractureAgeOver' && key !== 'malignancyAgeOver') {
      throw new ClinicalInputError(
        ['options', key],
        'is not a known option; expected fractureAgeOver or malignancyAgeOver',
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 120) {
      throw new ClinicalInputError(
        ['options', key],
        `must be a number from 0 to 120, not ${describeValue(value)}`,
      );
    }
    parsed[key] = value;
  }
  return parsed;
}

function bySeverity(a: Concern, b: Concern): number {
  return (
    actionRank[b.action] - actionRank[a.action] ||
    levelRank[b.level] - levelRank[a.level] ||
    conditionOrder(a.condition) - conditionOrder(b.condition)
  );
}

function conditionOrder(id: ConditionId): number {
  return conditionDefinitions.findIndex((condition) => condition.id === id);
}

function unansweredFindings(region: Region, findings: Findings): FindingId[] {
  const askedHere = new Set<ConditionId>(
    conditionDefinitions
      .filter((condition) => condition.regions.includes(region))
      .map((condition) => condition.id),
  );
  const missing = findingDefinitions
    .filter((finding) => finding.usedBy.some((condition) => askedHere.has(condition)))
    .filter((finding) => {
      const value = findings[finding.id];
      return value === undefined || value === 'unknown';
    })
    .map((finding) => finding.id);
  // Cauda equina questions come first: they are the ones that cannot wait. [S-CES]
  const isCaudaEquina = (id: FindingId): boolean =>
    (caudaEquinaFindings as readonly FindingId[]).includes(id);
  return [...missing.filter(isCaudaEquina), ...missing.filter((id) => !isCaudaEquina(id))];
}

/**
 * Screens `{ region, findings }` for red flags of serious spinal pathology. Throws
 * `ClinicalInputError` naming the field when the input is not valid.
 */
export function screenRedFlags(input: unknown, options?: Partial<ScreenOptions>): RedFlagScreen {
  const { region, findings } = parseScreenInput(input);
  const settings = parseOptions(options);
  const yes = (id: AnswerFindingId): boolean => findings[id] === true;
  const context: RuleContext = {
    findings,
    options: settings,
    yes,
    present: (ids) => ids.filter(yes),
    ageOver: (threshold) => typeof findings.age === 'number' && findings.age > threshold,
  };

  const concerns: Concern[] = [];
  for (const condition of conditionDefinitions) {
    const result = rules[condition.id](context);
    if (result === null) continue;
    concerns.push({
      condition: condition.id,
      title: condition.title,
      ...result,
      sources: [...condition.sources],
    });
  }
  concerns.sort(bySeverity);

  const action = concerns[0]?.action ?? 'none';
  return {
    region,
    action,
    concerns,
    unanswered: unansweredFindings(region, findings),
    safetyNet: region === 'lumbar' ? caudaEquinaSafetyNet : null,
    contraindications: yes('cervicalArterialSymptoms') ? ['neckManipulation'] : [],
    requiresClinicianDecision: action === 'emergency' || action === 'urgent',
    disclaimer: screenDisclaimer,
    sources: ['S-RF', 'S-CES', 'S-MSCC', 'S-AXSPA'],
  };
}
