import type { InstrumentItem } from './definition.js';
import { answeredSum, type InstrumentModule } from './instrument.js';
import { numericScale } from './response-scales.js';

const confidence = numericScale(0, 6, { 0: 'not at all confident', 6: 'completely confident' });

// Confidence in doing each of these despite the pain. [S-PSEQ]
const statements: readonly [id: string, label: string][] = [
  ['enjoyThings', 'Enjoy things despite the pain'],
  ['householdChores', 'Do most household chores'],
  ['socialise', 'Socialise with friends or family as often as before'],
  ['copeMostSituations', 'Cope with the pain in most situations'],
  ['work', 'Do some form of work, paid or unpaid'],
  ['hobbies', 'Keep doing hobbies and leisure activities'],
  ['copeWithoutMedication', 'Cope with the pain without medication'],
  ['lifeGoals', 'Reach most of their goals in life'],
  ['normalLifestyle', 'Live a normal lifestyle'],
  ['becomeMoreActive', 'Gradually become more active'],
];

const items: readonly InstrumentItem[] = statements.map(([id, label], index) => ({
  id,
  number: index + 1,
  label,
  options: confidence,
  scored: true,
}));

export const pseq: InstrumentModule = {
  definition: {
    id: 'pseq',
    title: 'Pain Self-Efficacy Questionnaire',
    shortTitle: 'PSEQ',
    version: '10-item',
    region: 'any',
    description: 'Confidence in doing everyday things despite pain, 10 items rated 0–6.',
    items,
    answerCount: { min: 10, max: 10 },
    multipleMarks: 'reject',
    copyright: '© Michael Nicholas (Nicholas, 2007).',
    licenceNote:
      'Copyrighted: Spinewise ships the structure, scoring and its own short labels; import the licensed wording as a FHIR Questionnaire. [S-LIC] [S-PSEQ]',
    wording: 'paraphrase',
    loinc: null,
    scoreRange: { min: 0, max: 60 },
    unit: 'points',
    subscaleRanges: {},
    direction: 'higherIsBetter',
    // [S-PSEQ] ePPOC bands.
    bandScale: {
      on: 'score',
      bands: [
        {
          id: 'severe',
          label: 'Severe impairment of self-efficacy',
          range: '0–19',
          upTo: 19,
          upToInclusive: true,
        },
        {
          id: 'moderate',
          label: 'Moderate impairment',
          range: '20–30',
          upTo: 30,
          upToInclusive: true,
        },
        { id: 'mild', label: 'Mild impairment', range: '31–40', upTo: 40, upToInclusive: true },
        {
          id: 'minimal',
          label: 'Minimal impairment',
          range: '41–60',
          upTo: 60,
          upToInclusive: true,
        },
      ],
    },
    interpretation: 'Confidence despite pain, 0–60; higher is better.',
    // [S-PSEQ] ≥7 points together with a change of band.
    mcid: [
      {
        context: 'persistent pain (ePPOC)',
        combine: 'all',
        thresholds: [{ kind: 'absolute', value: 7 }, { kind: 'bandChange' }],
        sources: ['S-PSEQ'],
      },
    ],
    missing: {
      rule: 'none',
      maxMissing: 0,
      description:
        'the reference gives no rule for missing PSEQ items, so every item must be answered',
    },
    sources: ['S-PSEQ', 'S-LIC'],
  },
  score({ values }) {
    return { score: answeredSum(values).sum, subscales: {} };
  },
};
