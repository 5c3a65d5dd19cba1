import type { InstrumentItem } from './definition.js';
import { answeredSum, type InstrumentModule } from './instrument.js';
import { numericScale } from './response-scales.js';

const rating = numericScale(0, 10, { 0: 'unable to do it', 10: 'able to do it as before' });

// [S-PSFS] the patient names 3 (up to 5) activities.
const items: readonly InstrumentItem[] = [1, 2, 3, 4, 5].map((number) => ({
  id: `activity${number}`,
  number,
  label: `Activity ${number} the patient finds hard`,
  options: rating,
  scored: true,
}));

export const psfs: InstrumentModule = {
  definition: {
    id: 'psfs',
    title: 'Patient-Specific Functional Scale',
    shortTitle: 'PSFS',
    version: 'Stratford 1995',
    region: 'any',
    description:
      'The patient names three to five activities they find hard and rates each from 0 (unable) to 10 (as before).',
    items,
    answerCount: { min: 3, max: 5 },
    multipleMarks: 'reject',
    copyright: 'Free to use.',
    licenceNote: 'Free to use. [S-LIC]',
    wording: 'paraphrase',
    loinc: null,
    scoreRange: { min: 0, max: 10 },
    unit: 'points',
    subscaleRanges: {},
    direction: 'higherIsBetter',
    bandScale: null,
    interpretation:
      'Mean of the activity ratings, 0 (unable) to 10 (as before); higher is better. Each activity is kept with its rating.',
    // [S-PSFS] 2 points for the mean (3 for a single activity: see psfsActivityChanges).
    mcid: [
      {
        context: 'mean of the activities',
        combine: 'any',
        thresholds: [{ kind: 'absolute', value: 2 }],
        sources: ['S-PSFS'],
      },
    ],
    missing: {
      rule: 'none',
      maxMissing: 0,
      description: 'every named activity needs a rating',
    },
    sources: ['S-PSFS', 'S-LIC'],
  },
  score({ values }) {
    const { sum, answered } = answeredSum(values);
    // [S-PSFS] mean of the activity ratings.
    return { score: sum / answered, subscales: {} };
  },
};
