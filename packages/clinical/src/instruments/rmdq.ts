import type { InstrumentItem } from './definition.js';
import { answeredSum, type InstrumentModule } from './instrument.js';
import { yesNo } from './response-scales.js';

// Short labels in our own words for the 24 statements about today. [S-RMDQ]
const statements: readonly [id: string, label: string][] = [
  ['staysHome', 'Stays at home more because of the back'],
  ['shiftsPosition', 'Changes position often to get comfortable'],
  ['walksSlowly', 'Walks more slowly than usual'],
  ['stoppedHousework', 'Has stopped usual jobs around the house'],
  ['usesHandrail', 'Needs a handrail to go upstairs'],
  ['liesDownMore', 'Lies down to rest more often'],
  ['holdsOnToStand', 'Holds on to something to get out of an easy chair'],
  ['asksOthers', 'Gets other people to do things'],
  ['dressesSlowly', 'Dresses more slowly than usual'],
  ['standsBriefly', 'Stands only for short periods'],
  ['avoidsBending', 'Avoids bending or kneeling'],
  ['hardToRise', 'Finds it hard to get out of a chair'],
  ['constantPain', 'Back hurts almost all the time'],
  ['hardToTurnInBed', 'Finds it hard to turn over in bed'],
  ['poorAppetite', 'Appetite is poorer'],
  ['troubleWithSocks', 'Has trouble putting on socks or tights'],
  ['walksShortDistances', 'Walks only short distances'],
  ['sleepsWorse', 'Sleeps less well'],
  ['helpDressing', 'Needs help to get dressed'],
  ['sitsMostOfDay', 'Sits down for most of the day'],
  ['avoidsHeavyJobs', 'Avoids heavy jobs around the house'],
  ['irritable', 'Is more irritable with people than usual'],
  ['slowOnStairs', 'Goes upstairs more slowly than usual'],
  ['staysInBed', 'Stays in bed most of the time'],
];

const items: readonly InstrumentItem[] = statements.map(([id, label], index) => ({
  id,
  number: index + 1,
  label,
  options: yesNo,
  scored: true,
}));

export const rmdq: InstrumentModule = {
  definition: {
    id: 'rmdq',
    title: 'Roland-Morris Disability Questionnaire',
    shortTitle: 'RMDQ',
    version: '24-item',
    region: 'lumbar',
    description: 'Twenty-four yes/no statements about how back pain affects the patient today.',
    items,
    answerCount: { min: 24, max: 24 },
    multipleMarks: 'reject',
    copyright: '© the authors (Roland & Morris, 1983).',
    licenceNote:
      'Copyrighted: Spinewise ships the structure, scoring and its own short labels; import the licensed wording as a FHIR Questionnaire. [S-LIC] [S-RMDQ]',
    wording: 'paraphrase',
    loinc: null,
    scoreRange: { min: 0, max: 24 },
    unit: 'points',
    subscaleRanges: {},
    direction: 'lowerIsBetter',
    // [S-RMDQ] ≤2 ≈ recovered; 4 is the functional threshold.
    bandScale: {
      on: 'score',
      bands: [
        { id: 'recovered', label: 'About recovered', range: '0–2', upTo: 2, upToInclusive: true },
        {
          id: 'below-threshold',
          label: 'Below the functional threshold of 4',
          range: '3',
          upTo: 3,
          upToInclusive: true,
        },
        {
          id: 'at-or-above-threshold',
          label: 'At or above the functional threshold of 4',
          range: '4–24',
          upTo: 24,
          upToInclusive: true,
        },
      ],
    },
    interpretation: 'Number of statements that apply today; higher means more disability.',
    // [S-RMDQ] [S-MCID] 5 points or 30 %.
    mcid: [
      {
        context: 'low back pain',
        combine: 'any',
        thresholds: [
          { kind: 'absolute', value: 5 },
          { kind: 'percent', value: 30 },
        ],
        sources: ['S-RMDQ', 'S-MCID'],
      },
    ],
    missing: {
      rule: 'none',
      maxMissing: 0,
      description:
        'the reference gives no rule for missing RMDQ items, so every item must be answered',
    },
    sources: ['S-RMDQ', 'S-MCID', 'S-LIC'],
  },
  score({ values }) {
    // [S-RMDQ] count of "yes".
    return { score: answeredSum(values).sum, subscales: {} };
  },
};
