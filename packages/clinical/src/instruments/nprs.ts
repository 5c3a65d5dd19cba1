import type { InstrumentModule } from './instrument.js';
import { numericScale } from './response-scales.js';

export const nprs: InstrumentModule = {
  definition: {
    id: 'nprs',
    title: 'Numeric Pain Rating Scale',
    shortTitle: 'NPRS',
    version: '0–10',
    region: 'any',
    description: 'Pain intensity as one whole number from 0 (no pain) to 10 (worst imaginable).',
    items: [
      {
        id: 'painIntensity',
        number: 1,
        label: 'Pain intensity',
        options: numericScale(0, 10, { 0: 'no pain', 10: 'worst pain imaginable' }),
        scored: true,
        loinc: '72514-3',
      },
    ],
    answerCount: { min: 1, max: 1 },
    multipleMarks: 'reject',
    copyright: 'Public domain.',
    licenceNote: 'Free to use. [S-LIC]',
    wording: 'paraphrase',
    loinc: { score: '72514-3' },
    scoreRange: { min: 0, max: 10 },
    unit: 'points',
    subscaleRanges: {},
    direction: 'lowerIsBetter',
    // [S-NPRS] default bands: a convention, not evidence.
    bandScale: {
      on: 'score',
      bands: [
        { id: 'none', label: 'No pain', range: '0', upTo: 0, upToInclusive: true },
        { id: 'mild', label: 'Mild pain', range: '1–3', upTo: 3, upToInclusive: true },
        { id: 'moderate', label: 'Moderate pain', range: '4–6', upTo: 6, upToInclusive: true },
        { id: 'severe', label: 'Severe pain', range: '7–10', upTo: 10, upToInclusive: true },
      ],
    },
    interpretation: 'Pain intensity; lower is better. The bands are a default convention.',
    mcid: [
      // [S-MCID] [S-NPRS] low back: 2 points or 30 %.
      {
        context: 'low back pain',
        region: 'lumbar',
        combine: 'any',
        thresholds: [
          { kind: 'absolute', value: 2 },
          { kind: 'percent', value: 30 },
        ],
        sources: ['S-MCID', 'S-NPRS'],
      },
      // [S-MCID] neck pain: 1.3 points (Cleland 2008).
      {
        context: 'neck pain',
        region: 'cervical',
        combine: 'any',
        thresholds: [{ kind: 'absolute', value: 1.3 }],
        sources: ['S-MCID'],
      },
    ],
    missing: { rule: 'none', maxMissing: 0, description: 'the single NPRS item must be answered' },
    sources: ['S-NPRS', 'S-MCID', 'S-LIC'],
  },
  score({ values }) {
    // readAnswers guarantees the single item is answered.
    return { score: values[0] as number, subscales: {} };
  },
};
