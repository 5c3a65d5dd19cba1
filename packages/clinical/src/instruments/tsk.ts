import type { InstrumentItem, ResponseOption } from './definition.js';
import { answeredSum, type InstrumentModule } from './instrument.js';

const agreement: readonly ResponseOption[] = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Somewhat disagree' },
  { value: 3, label: 'Somewhat agree' },
  { value: 4, label: 'Strongly agree' },
];

// [S-TSK] items 4, 8, 12, 16 of the TSK-17 are reverse scored.
const REVERSED = new Set([4, 8, 12, 16]);
// [S-TSK] the TSK-11 keeps items 1, 2, 3, 5, 6, 7, 10, 11, 13, 15, 17, none reversed.
const TSK11_ITEMS = [1, 2, 3, 5, 6, 7, 10, 11, 13, 15, 17] as const;

const statements: readonly [id: string, label: string][] = [
  ['exerciseMightInjure', 'Afraid that exercise might cause injury'],
  ['pushingIncreasesPain', 'Pain would increase if they tried to overcome it'],
  ['somethingDangerous', 'Their body is telling them something is dangerously wrong'],
  ['exerciseWouldHelp', 'Pain would probably ease with exercise'],
  ['notTakenSeriously', 'People do not take the condition seriously enough'],
  ['atRiskForLife', 'The injury has put the body at risk for life'],
  ['painMeansInjury', 'Pain always means the body is injured'],
  ['aggravatingNotDangerous', 'Something that aggravates pain is not necessarily dangerous'],
  ['accidentalInjury', 'Afraid of injuring themselves by accident'],
  ['avoidMovementSafest', 'Avoiding unnecessary movement is the safest way to stop pain worsening'],
  ['painMeansDanger', 'There would be less pain if nothing dangerous were going on'],
  ['betterActive', 'Would be better off physically active despite the pain'],
  ['painSignalsStop', 'Pain tells them when to stop exercising to avoid injury'],
  ['activityUnsafe', 'It is not safe to be physically active with this condition'],
  ['tooEasilyInjured', 'Cannot do what others do because injury comes too easily'],
  ['painNotDangerous', 'A lot of pain does not mean something is actually dangerous'],
  ['noExerciseInPain', 'No one should have to exercise when in pain'],
];

const tsk17Items: readonly InstrumentItem[] = statements.map(([id, label], index) => ({
  id,
  number: index + 1,
  label,
  options: agreement,
  scored: true,
  ...(REVERSED.has(index + 1) ? { reversed: true } : {}),
}));

const tsk11Items: readonly InstrumentItem[] = TSK11_ITEMS.map((original, index) => {
  const [id, label] = statements[original - 1] as [string, string];
  return { id, number: index + 1, label, options: agreement, scored: true };
});

const shared = {
  region: 'any',
  multipleMarks: 'reject',
  copyright: '© the authors (Vlaeyen et al., 1995; Woby et al., 2005).',
  licenceNote:
    'Copyrighted: Spinewise ships the structure, scoring and its own short labels; import the licensed wording as a FHIR Questionnaire. [S-LIC] [S-TSK]',
  wording: 'paraphrase',
  loinc: null,
  unit: 'points',
  subscaleRanges: {},
  direction: 'lowerIsBetter',
  missing: {
    rule: 'none',
    maxMissing: 0,
    description:
      'the reference gives no rule for missing TSK items, so every item must be answered',
  },
  sources: ['S-TSK', 'S-LIC'],
} as const;

export const tsk17: InstrumentModule = {
  definition: {
    ...shared,
    id: 'tsk17',
    title: 'Tampa Scale of Kinesiophobia',
    shortTitle: 'TSK-17',
    version: '17-item',
    description: 'Fear of movement and of injury or re-injury, 17 items rated 1–4.',
    items: tsk17Items,
    answerCount: { min: 17, max: 17 },
    scoreRange: { min: 17, max: 68 },
    // [S-TSK] >37 high kinesiophobia.
    bandScale: {
      on: 'score',
      bands: [
        {
          id: 'not-high',
          label: 'Kinesiophobia not high',
          range: '17–37',
          upTo: 37,
          upToInclusive: true,
        },
        { id: 'high', label: 'High kinesiophobia', range: '>37', upTo: 68, upToInclusive: true },
      ],
    },
    interpretation: 'Higher means more fear of movement; above 37 is high.',
    // [S-TSK] ≈5.5 points (Monticone 2016).
    mcid: [
      {
        context: 'chronic low back pain',
        combine: 'any',
        thresholds: [{ kind: 'absolute', value: 5.5 }],
        sources: ['S-TSK'],
      },
    ],
  },
  score({ values }) {
    // [S-TSK] reversed items score 5 − answer.
    // Every TSK item is answered (checked by readAnswers).
    const answered = values as readonly number[];
    const total = answered.reduce(
      (sum, value, index) => sum + (REVERSED.has(index + 1) ? 5 - value : value),
      0,
    );
    return { score: total, subscales: {} };
  },
};

export const tsk11: InstrumentModule = {
  definition: {
    ...shared,
    id: 'tsk11',
    title: 'Tampa Scale of Kinesiophobia (short form)',
    shortTitle: 'TSK-11',
    version: '11-item',
    description: 'The 11-item short form of the TSK, none reverse scored.',
    items: tsk11Items,
    answerCount: { min: 11, max: 11 },
    scoreRange: { min: 11, max: 44 },
    bandScale: null,
    interpretation: 'Higher means more fear of movement (11–44). No cut-off is set.',
    // [S-TSK] ≈4 points: a default, the evidence is weak.
    mcid: [
      {
        context: 'default, weak evidence',
        combine: 'any',
        thresholds: [{ kind: 'absolute', value: 4 }],
        default: true,
        sources: ['S-TSK'],
      },
    ],
  },
  score({ values }) {
    return { score: answeredSum(values).sum, subscales: {} };
  },
};
