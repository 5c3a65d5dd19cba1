import type { Band, InstrumentItem } from './definition.js';
import { sumItems, type InstrumentModule } from './instrument.js';
import { disagreeAgree } from './response-scales.js';

// [S-SB] items in LOINC order 91340-0 … 91348-3; items 5–9 form the psychosocial subscale.
const statements: readonly [id: string, label: string, loinc: string][] = [
  ['legPain', 'Back pain has spread down a leg in the last two weeks', '91340-0'],
  ['shoulderNeckPain', 'Has had shoulder or neck pain as well', '91341-8'],
  ['walksShortDistances', 'Has walked only short distances because of back pain', '91342-6'],
  ['dressesSlowly', 'Has dressed more slowly than usual', '91343-4'],
  ['activityUnsafe', 'Feels it is not safe to be physically active', '91344-2'],
  ['worrying', 'Worrying thoughts have been on their mind a lot', '91345-9'],
  ['catastrophising', 'Feels the pain is terrible and will never get better', '91346-7'],
  ['lowMood', 'Has not enjoyed things they used to enjoy', '91347-5'],
];

const bothersomeness: InstrumentItem = {
  id: 'bothersomeness',
  number: 9,
  label: 'Overall, how bothersome back pain has been in the last two weeks',
  // [S-SB] answer labels as Keele names them; scores 1 only for very much / extremely.
  options: [
    { value: 0, label: 'Not at all' },
    { value: 1, label: 'Slightly' },
    { value: 2, label: 'Moderately' },
    { value: 3, label: 'Very much' },
    { value: 4, label: 'Extremely' },
  ],
  scored: true,
  loinc: '91348-3',
};

const items: readonly InstrumentItem[] = [
  ...statements.map(([id, label, loinc], index) => ({
    id,
    number: index + 1,
    label,
    options: disagreeAgree,
    scored: true,
    loinc,
  })),
  bothersomeness,
];

const bands = {
  low: { id: 'low', label: 'Low risk', range: 'total ≤3', upTo: 3, upToInclusive: true },
  medium: {
    id: 'medium',
    label: 'Medium risk',
    range: 'total ≥4, psychosocial ≤3',
    upTo: 9,
    upToInclusive: true,
  },
  high: { id: 'high', label: 'High risk', range: 'psychosocial ≥4', upTo: 9, upToInclusive: true },
} as const satisfies Record<string, Band>;

export const sbst: InstrumentModule = {
  definition: {
    id: 'sbst',
    title: 'Keele STarT Back Screening Tool',
    shortTitle: 'STarT Back',
    version: '9-item',
    region: 'lumbar',
    description:
      'Nine questions that sort low back pain into low, medium or high risk of a poor outcome, to match the care given.',
    items,
    answerCount: { min: 9, max: 9 },
    multipleMarks: 'reject',
    copyright:
      '© Keele University. The STarT Back Tool was developed with funding from Arthritis Research UK.',
    licenceNote:
      'Free for non-commercial use; keep the copyright and funding statement; commercial products must contact Keele University. [S-LIC]',
    wording: 'paraphrase',
    loinc: {
      panel: '91349-1',
      score: '91351-7',
      subscales: { psychosocial: '91350-9' },
      risk: '91352-5',
    },
    scoreRange: { min: 0, max: 9 },
    unit: 'points',
    subscaleRanges: { psychosocial: { min: 0, max: 5 } },
    direction: 'lowerIsBetter',
    bandScale: { on: 'score', bands: [bands.low, bands.medium, bands.high] },
    interpretation: 'Risk of a poor outcome, used to choose the matched care pathway.',
    // [S-SB] a stratification tool: no MCID.
    mcid: [],
    missing: {
      rule: 'none',
      maxMissing: 0,
      description: 'STarT Back is only scored with all nine items answered',
    },
    sources: ['S-SB', 'S-LIC'],
  },
  score({ values }) {
    // [S-SB] item 9 scores 1 only for "very much" (3) or "extremely" (4).
    // Every STarT Back item is answered (checked by readAnswers).
    const item9 = (values[8] as number) >= 3 ? 1 : 0;
    const total = sumItems(values, [1, 2, 3, 4, 5, 6, 7, 8]) + item9;
    const psychosocial = sumItems(values, [5, 6, 7, 8]) + item9;
    // [S-SB] subscale ≥4 → high; total ≤3 → low; otherwise medium.
    const band = psychosocial >= 4 ? bands.high : total <= 3 ? bands.low : bands.medium;
    return { score: total, subscales: { psychosocial }, band };
  },
};
