// Throughput of the assessment engine, for the record (no thresholds): instruments scored per
// second, red-flag screens per second and assessments classified per second. Run with `npm run bench -w packages/clinical`.
import { bench, describe } from 'vitest';
import { classifyAssessment, scoreInstrument, screenRedFlags } from '@spinewise/clinical';

const odiAnswers = [2, 1, 2, 1, 2, 2, 1, null, 3, 2];
const sbstAnswers = [1, 0, 0, 0, 1, 1, 1, 0, 'very much'];
const tskAnswers = Array.from({ length: 17 }, (_, index) => (index % 4) + 1);

const weakFlag = { region: 'lumbar', findings: { age: 55, nightPain: false, diabetes: true } };
const emergency = {
  region: 'lumbar',
  findings: {
    bladderDysfunction: true,
    saddleNumbness: 'unknown',
    historyOfCancer: true,
    neuroSymptoms: true,
    age: 68,
    osteoporosis: true,
    inflammatoryBackPainFeatures: 2,
  },
};

describe('instruments scored per second', () => {
  bench('ODI (one section skipped)', () => {
    scoreInstrument('odi', odiAnswers);
  });
  bench('STarT Back', () => {
    scoreInstrument('sbst', sbstAnswers);
  });
  bench('TSK-17', () => {
    scoreInstrument('tsk17', tskAnswers);
  });
});

describe('red-flag screens per second', () => {
  bench('one weak flag', () => {
    screenRedFlags(weakFlag);
  });
  bench('several conditions at once', () => {
    screenRedFlags(emergency);
  });
});

const acuteLowBack = {
  region: 'lumbar',
  age: 34,
  symptomDurationDays: 10,
  symptomsBelowKnee: false,
  scores: { odi: 32, nprs: 6, fabqWork: 12, sbst: { total: 5, psychosocial: 2 } },
  examination: {
    hypomobileLumbarSegment: true,
    hipInternalRotationDegrees: 40,
    straightLegRaiseDegrees: 80,
    aberrantMovement: false,
    repeatedMovements: [
      { direction: 'extension', effect: 'centralises' },
      { direction: 'flexion', effect: 'peripheralises' },
    ],
  },
};

describe('assessments classified per second', () => {
  bench('acute low back pain, every rule', () => {
    classifyAssessment(acuteLowBack);
  });
});
