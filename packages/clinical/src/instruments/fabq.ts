import type { InstrumentItem } from './definition.js';
import { sumItems, type InstrumentModule } from './instrument.js';
import { numericScale } from './response-scales.js';

const agreement = numericScale(0, 6, {
  0: 'completely disagree',
  3: 'unsure',
  6: 'completely agree',
});

// [S-FABQ] physical-activity subscale items 2–5; work subscale items 6, 7, 9, 10, 11, 12, 15;
// items 1, 8, 13, 14, 16 are asked but not scored.
const PHYSICAL_ACTIVITY_ITEMS = [2, 3, 4, 5] as const;
const WORK_ITEMS = [6, 7, 9, 10, 11, 12, 15] as const;
const scoredItems = new Set<number>([...PHYSICAL_ACTIVITY_ITEMS, ...WORK_ITEMS]);

const statements: readonly [id: string, label: string][] = [
  ['causedByActivity', 'Physical activity caused the pain'],
  ['activityWorsens', 'Physical activity makes the pain worse'],
  ['activityHarms', 'Physical activity might harm the back'],
  ['shouldAvoidActivity', 'Should not do activities that might worsen the pain'],
  ['cannotDoActivity', 'Cannot do activities that might worsen the pain'],
  ['causedByWork', 'Work, or an accident at work, caused the pain'],
  ['workAggravated', 'Work aggravated the pain'],
  ['compensationClaim', 'Has a compensation claim for the pain'],
  ['workTooHeavy', 'Work is too heavy for them'],
  ['workWorsens', 'Work makes, or would make, the pain worse'],
  ['workHarms', 'Work might harm the back'],
  ['shouldNotWork', 'Should not do their normal work with the present pain'],
  ['cannotWork', 'Cannot do their normal work with the present pain'],
  ['cannotWorkUntilTreated', 'Cannot do their normal work until the pain is treated'],
  ['notBackIn3Months', 'Does not expect to be back at normal work within 3 months'],
  ['neverBackToWork', 'Does not expect ever to go back to that work'],
];

const items: readonly InstrumentItem[] = statements.map(([id, label], index) => ({
  id,
  number: index + 1,
  label,
  options: agreement,
  scored: scoredItems.has(index + 1),
}));

export const fabq: InstrumentModule = {
  definition: {
    id: 'fabq',
    title: 'Fear-Avoidance Beliefs Questionnaire',
    shortTitle: 'FABQ',
    version: '16-item',
    region: 'lumbar',
    description:
      'Beliefs about how physical activity and work affect back pain, as two subscales: physical activity (pa) and work.',
    items,
    answerCount: { min: 16, max: 16 },
    multipleMarks: 'reject',
    copyright: '© the authors (Waddell et al., 1993).',
    licenceNote:
      'Copyrighted: Spinewise ships the structure, scoring and its own short labels; import the licensed wording as a FHIR Questionnaire. [S-LIC] [S-FABQ]',
    wording: 'paraphrase',
    loinc: null,
    // The FABQ defines no total: its score is the two subscales. [S-FABQ]
    scoreRange: null,
    unit: 'points',
    subscaleRanges: { pa: { min: 0, max: 24 }, work: { min: 0, max: 42 } },
    direction: 'lowerIsBetter',
    // [S-FABQ] FABQ-W >29: poorer return-to-work prognosis in acute occupational low back pain.
    bandScale: {
      on: 'work',
      bands: [
        {
          id: 'not-elevated',
          label: 'Work fear-avoidance not elevated',
          range: 'work ≤29',
          upTo: 29,
          upToInclusive: true,
        },
        {
          id: 'elevated',
          label: 'Work fear-avoidance elevated: poorer return-to-work prognosis',
          range: 'work >29',
          upTo: 42,
          upToInclusive: true,
        },
      ],
    },
    interpretation:
      'Two subscales, physical activity (0–24) and work (0–42); higher means stronger fear-avoidance beliefs. There is no total.',
    mcid: [],
    missing: {
      rule: 'none',
      maxMissing: 0,
      description:
        'the reference gives no rule for missing FABQ items, so every scored item must be answered (items 1, 8, 13, 14 and 16 may be left out)',
    },
    sources: ['S-FABQ', 'S-LIC'],
  },
  score({ values }) {
    return {
      score: null,
      subscales: {
        pa: sumItems(values, PHYSICAL_ACTIVITY_ITEMS),
        work: sumItems(values, WORK_ITEMS),
      },
    };
  },
};
