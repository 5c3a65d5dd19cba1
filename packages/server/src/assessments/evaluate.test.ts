import { ClinicalInputError, scoreInstrument } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { changeSinceBaseline, classificationScores, evaluateAssessment } from './evaluate.js';

// Published vectors (shared/clinical/vectors.json): paciowg ODI examples 1 and 5, NDI example 1.
const ODI_36 = [2, 1, 2, 1, 2, 2, 1, 2, 3, 2];
const ODI_16 = [1, 0, 1, 0, 1, 1, 0, 1, 2, 1];
const NDI_40 = [2, 1, 2, 2, 3, 2, 2, 2, 2, 2];

function inputError(run: () => unknown): ClinicalInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('evaluateAssessment', () => {
  it('scores each questionnaire exactly as the clinical core does', () => {
    const evaluated = evaluateAssessment({
      region: 'lumbar',
      questionnaires: [
        { instrument: 'odi', answers: ODI_36 },
        { instrument: 'nprs', answers: [6] },
      ],
      redFlags: { findings: { bladderDysfunction: false } },
    });
    expect(evaluated.questionnaires[0]?.score).toEqual(scoreInstrument('odi', ODI_36));
    expect(evaluated.questionnaires[0]?.score.score).toBeCloseTo(36, 2);
    expect(evaluated.questionnaires[0]?.score.band).toBe('moderate');
    expect(evaluated.questionnaires[0]?.answers).toEqual(ODI_36);
    expect(evaluated.screen.action).toBe('none');
    expect(evaluated.classificationInput.scores).toEqual({ odi: 36, nprs: 6 });
    expect(evaluated.classification.region).toBe('lumbar');
  });

  it('screens for the given region and raises the cauda equina concern', () => {
    const evaluated = evaluateAssessment({
      region: 'lumbar',
      questionnaires: [],
      redFlags: { findings: { saddleNumbness: true } },
    });
    expect(evaluated.screen.action).toBe('emergency');
    expect(evaluated.screen.requiresClinicianDecision).toBe(true);
    expect(evaluated.findings).toEqual({ saddleNumbness: true });
  });

  it('takes the age from the red-flag findings when the examination gives none', () => {
    const fromScreen = evaluateAssessment({
      region: 'lumbar',
      questionnaires: [],
      redFlags: { findings: { age: 38 } },
      examination: { symptomDurationDays: 10 },
    });
    expect(fromScreen.classificationInput).toMatchObject({ age: 38, symptomDurationDays: 10 });
    const given = evaluateAssessment({
      region: 'lumbar',
      questionnaires: [],
      redFlags: { findings: { age: 38 } },
      examination: { age: 39 },
    });
    expect(given.classificationInput.age).toBe(39);
  });

  it('names the request field of every clinical input error', () => {
    const answer = inputError(() =>
      evaluateAssessment({
        region: 'lumbar',
        questionnaires: [{ instrument: 'odi', answers: [2, 1, 2, 9, 2, 2, 1, 2, 3, 2] }],
        redFlags: { findings: {} },
      }),
    );
    expect(answer.path).toEqual(['questionnaires', 0, 'answers', 3]);

    const twice = inputError(() =>
      evaluateAssessment({
        region: 'lumbar',
        questionnaires: [
          { instrument: 'nprs', answers: [3] },
          { instrument: 'nprs', answers: [4] },
        ],
        redFlags: { findings: {} },
      }),
    );
    expect(twice.path).toEqual(['questionnaires', 1, 'instrument']);

    const finding = inputError(() =>
      evaluateAssessment({
        region: 'lumbar',
        questionnaires: [],
        redFlags: { findings: { bladderDysfunction: 'maybe' } },
      }),
    );
    expect(finding.path).toEqual(['redFlags', 'findings', 'bladderDysfunction']);

    const exam = inputError(() =>
      evaluateAssessment({
        region: 'lumbar',
        questionnaires: [],
        redFlags: { findings: {} },
        examination: { examination: { straightLegRaiseDegrees: 400 } },
      }),
    );
    expect(exam.path).toEqual(['examination', 'examination', 'straightLegRaiseDegrees']);

    const age = inputError(() =>
      evaluateAssessment({
        region: 'lumbar',
        questionnaires: [],
        redFlags: { findings: {} },
        examination: { age: -1 },
      }),
    );
    expect(age.path).toEqual(['examination', 'age']);
  });
});

describe('classificationScores', () => {
  it('hands the rules the NDI %, the FABQ work subscale and the STarT Back scores', () => {
    const fabq = scoreInstrument('fabq', [0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 0, 0, 5, 0]);
    const sbst = scoreInstrument('sbst', [1, 0, 0, 0, 1, 1, 1, 0, 'very much']);
    const scores = classificationScores([
      { instrument: 'ndi', answers: NDI_40, score: scoreInstrument('ndi', NDI_40) },
      { instrument: 'fabq', answers: [], score: fabq },
      { instrument: 'sbst', answers: [], score: sbst },
      { instrument: 'rmdq', answers: [], score: scoreInstrument('rmdq', Array(24).fill(false)) },
    ]);
    expect(scores).toEqual({
      ndi: 40,
      fabqWork: fabq.subscales.work,
      sbst: { total: sbst.score, psychosocial: sbst.subscales.psychosocial },
    });
  });
});

describe('changeSinceBaseline', () => {
  const entry = (instrument: 'odi' | 'nprs' | 'fabq' | 'psfs', answers: unknown[]) => ({
    instrument,
    answers,
    score: scoreInstrument(instrument, answers),
  });

  it('compares each instrument with the core’s change and MCID', () => {
    const result = changeSinceBaseline(
      [entry('odi', ODI_36), entry('nprs', [6])],
      [entry('odi', ODI_16), entry('nprs', [5]), entry('psfs', [4, 5, 6])],
      'lumbar',
    );
    expect(result.withoutBaseline).toEqual(['psfs']);
    const odi = result.instruments.find((item) => item.instrument === 'odi');
    expect(odi?.change).toMatchObject({
      baseline: 36,
      followUp: 16,
      absolute: -20,
      direction: 'improved',
      mcidMet: true,
    });
    expect(odi?.change?.mcid?.thresholds.length).toBeGreaterThan(0);
    const nprs = result.instruments.find((item) => item.instrument === 'nprs');
    // [S-NPRS] one point is below the low back MCID (2 points or 30 %).
    expect(nprs?.change).toMatchObject({ absolute: -1, mcidMet: false });
  });

  it('compares the FABQ by subscale and the PSFS activity by activity', () => {
    const fabqBefore = [0, 4, 4, 4, 4, 5, 5, 0, 5, 5, 5, 5, 0, 0, 5, 0];
    const fabqAfter = [0, 2, 2, 2, 2, 3, 3, 0, 3, 3, 3, 3, 0, 0, 3, 0];
    const psfs = (rating: number) => [
      { activity: 'Gardening', rating },
      { activity: 'Lifting a child', rating: 5 },
      { activity: 'Driving', rating: 6 },
    ];
    const result = changeSinceBaseline(
      [entry('fabq', fabqBefore), entry('psfs', psfs(2))],
      [entry('fabq', fabqAfter), entry('psfs', psfs(6))],
      'lumbar',
    );
    const fabq = result.instruments.find((item) => item.instrument === 'fabq');
    expect(fabq?.change).toBeNull();
    expect(fabq?.subscales.map((item) => [item.subscale, item.absolute])).toEqual([
      ['pa', -8],
      ['work', -14],
    ]);
    const psfsChange = result.instruments.find((item) => item.instrument === 'psfs');
    expect(psfsChange?.activities?.matched[0]).toMatchObject({
      activity: 'Gardening',
      absolute: 4,
      mcidMet: true,
    });
    expect(psfsChange?.activities?.unmatched).toEqual([]);
  });
});
