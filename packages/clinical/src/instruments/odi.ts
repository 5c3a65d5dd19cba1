import type { InstrumentItem } from './definition.js';
import { answeredSum, type InstrumentModule } from './instrument.js';
import { sectionStatements } from './response-scales.js';

const sections: readonly [id: string, label: string][] = [
  ['painIntensity', 'Pain intensity'],
  ['personalCare', 'Personal care (washing, dressing)'],
  ['lifting', 'Lifting'],
  ['walking', 'Walking'],
  ['sitting', 'Sitting'],
  ['standing', 'Standing'],
  ['sleeping', 'Sleeping'],
  ['sexLife', 'Sex life (if applicable)'],
  ['socialLife', 'Social life'],
  ['travelling', 'Travelling'],
];

const items: readonly InstrumentItem[] = sections.map(([id, label], index) => ({
  id,
  number: index + 1,
  label,
  options: sectionStatements,
  scored: true,
}));

export const odi: InstrumentModule = {
  definition: {
    id: 'odi',
    title: 'Oswestry Disability Index',
    shortTitle: 'ODI',
    version: '2.1a',
    region: 'lumbar',
    description:
      'How much low back pain limits ten areas of daily life, from pain intensity to travelling.',
    items,
    answerCount: { min: 10, max: 10 },
    multipleMarks: 'highest',
    copyright: '© Jeremy Fairbank; distributed by Mapi Research Trust.',
    licenceNote:
      'Fees may apply to commercial users. Spinewise ships the structure, scoring and its own short labels; import the licensed wording as a FHIR Questionnaire. [S-LIC]',
    wording: 'paraphrase',
    // [S-ODI] LOINC panel and score. LOINC's answer text for 97909-6 is NDI's: not used.
    loinc: { panel: '97908-8', score: '97909-6' },
    scoreRange: { min: 0, max: 100 },
    unit: 'percent',
    subscaleRanges: {},
    direction: 'lowerIsBetter',
    // [S-ODI] bands per Fairbank 1980, on the percentage.
    bandScale: {
      on: 'score',
      bands: [
        {
          id: 'minimal',
          label: 'Minimal disability',
          range: '0–20',
          upTo: 20,
          upToInclusive: true,
        },
        {
          id: 'moderate',
          label: 'Moderate disability',
          range: '>20–40',
          upTo: 40,
          upToInclusive: true,
        },
        {
          id: 'severe',
          label: 'Severe disability',
          range: '>40–60',
          upTo: 60,
          upToInclusive: true,
        },
        {
          id: 'crippled',
          label: 'Crippling back pain',
          range: '>60–80',
          upTo: 80,
          upToInclusive: true,
        },
        {
          id: 'bed-bound',
          label: 'Bed-bound, or symptoms may be exaggerated',
          range: '>80–100',
          upTo: 100,
          upToInclusive: true,
        },
      ],
    },
    interpretation: 'Percentage of maximum disability; lower is better.',
    // [S-MCID] 10 points or 30 % of baseline.
    mcid: [
      {
        context: 'low back pain',
        combine: 'any',
        thresholds: [
          { kind: 'absolute', value: 10 },
          { kind: 'percent', value: 30 },
        ],
        sources: ['S-MCID', 'S-ODI'],
      },
    ],
    missing: {
      rule: 'prorate',
      // [S-ODI] default: refuse to score with more than 2 sections missing.
      maxMissing: 2,
      description:
        'a skipped or not-applicable section shrinks the denominator; by default the ODI is not scored with more than 2 sections missing',
    },
    sources: ['S-ODI', 'S-MCID', 'S-LIC'],
  },
  score({ values }) {
    // [S-ODI] % = sum of answered sections ÷ (5 × answered sections) × 100.
    const { sum, answered } = answeredSum(values);
    return { score: (sum * 100) / (5 * answered), subscales: {} };
  },
};
