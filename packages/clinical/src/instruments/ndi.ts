import type { InstrumentItem } from './definition.js';
import { answeredSum, type InstrumentModule } from './instrument.js';
import { sectionStatements } from './response-scales.js';

// [S-NDI] sections in LOINC order, items 82227-0 … 82236-1.
const sections: readonly [id: string, label: string, loinc: string][] = [
  ['painIntensity', 'Pain intensity', '82227-0'],
  ['personalCare', 'Personal care (washing, dressing)', '82228-8'],
  ['lifting', 'Lifting', '82229-6'],
  ['reading', 'Reading', '82230-4'],
  ['headaches', 'Headaches', '82231-2'],
  ['concentration', 'Concentration', '82232-0'],
  ['work', 'Work', '82233-8'],
  ['driving', 'Driving', '82234-6'],
  ['sleeping', 'Sleeping', '82235-3'],
  ['recreation', 'Recreation', '82236-1'],
];

const items: readonly InstrumentItem[] = sections.map(([id, label, loinc], index) => ({
  id,
  number: index + 1,
  label,
  options: sectionStatements,
  scored: true,
  loinc,
}));

export const ndi: InstrumentModule = {
  definition: {
    id: 'ndi',
    title: 'Neck Disability Index',
    shortTitle: 'NDI',
    version: 'Vernon & Mior 1991',
    region: 'cervical',
    description: 'How much neck pain limits ten areas of daily life.',
    items,
    answerCount: { min: 10, max: 10 },
    multipleMarks: 'reject',
    copyright: '© Howard Vernon (Vernon & Mior, 1991).',
    licenceNote:
      'Copyrighted: Spinewise ships the structure, scoring and its own short labels; import the licensed wording as a FHIR Questionnaire. [S-LIC] [S-NDI]',
    wording: 'paraphrase',
    loinc: { panel: '82226-2', score: '82237-9' },
    scoreRange: { min: 0, max: 100 },
    unit: 'percent',
    subscaleRanges: { raw: { min: 0, max: 50 } },
    direction: 'lowerIsBetter',
    // [S-NDI] bands on the raw 0–50 score (Vernon). A raw prorated for skipped sections can be
    // fractional: each band runs up to, not including, the next band's first whole number.
    bandScale: {
      on: 'raw',
      bands: [
        { id: 'none', label: 'No disability', range: '0–4', upTo: 5, upToInclusive: false },
        { id: 'mild', label: 'Mild disability', range: '5–14', upTo: 15, upToInclusive: false },
        {
          id: 'moderate',
          label: 'Moderate disability',
          range: '15–24',
          upTo: 25,
          upToInclusive: false,
        },
        {
          id: 'severe',
          label: 'Severe disability',
          range: '25–34',
          upTo: 35,
          upToInclusive: false,
        },
        {
          id: 'complete',
          label: 'Complete disability',
          range: '≥35',
          upTo: 50,
          upToInclusive: true,
        },
      ],
    },
    interpretation: 'Percentage of maximum disability (raw 0–50 × 2); lower is better.',
    // [S-NDI] [S-MCID] 5 raw points = 10 %-points (Vernon); 19 %-points reported in mechanical
    // neck pain (Cleland 2008). Either threshold counts.
    mcid: [
      {
        context: 'neck pain',
        combine: 'any',
        thresholds: [
          { kind: 'absolute', value: 10, note: '5 raw points (Vernon)' },
          { kind: 'absolute', value: 19, note: 'reported in mechanical neck pain (Cleland 2008)' },
        ],
        sources: ['S-NDI', 'S-MCID'],
      },
    ],
    missing: {
      rule: 'prorate',
      // [S-NDI] same proportional rule as the ODI, with the same default limit.
      maxMissing: 2,
      description:
        'a skipped section shrinks the denominator (as for the ODI); by default the NDI is not scored with more than 2 sections missing',
    },
    sources: ['S-NDI', 'S-MCID', 'S-LIC'],
  },
  score({ values }) {
    const { sum, answered } = answeredSum(values);
    // [S-NDI] raw 0–50, prorated to ten sections when one is skipped; % = raw × 2.
    const raw = (sum * 10) / answered;
    return { score: raw * 2, subscales: { raw } };
  },
};
