import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import {
  buildAssessmentBody,
  emptyDraft,
  errorsByStep,
  fieldKeyOfPath,
  screenQuestions,
  stepOfField,
  type Draft,
} from './assessment-draft.js';

function draftWith(change: Partial<Draft>): Draft {
  return { ...emptyDraft('baseline', ['odi', 'nprs']), ...change };
}

describe('buildAssessmentBody', () => {
  it('sends what was answered and nothing that was left open', () => {
    const draft = draftWith({
      age: '52',
      duration: '3',
      durationUnit: 'weeks',
      recurrentEpisode: 'yes',
      findings: { bladderDysfunction: 'yes', fever: 'no', nightPain: 'unknown', diabetes: '' },
      answers: { odi: ['1', '', '3'], nprs: ['6'] },
      exam: { straightLegRaiseDegrees: '40', aberrantMovement: 'no', proneInstabilityTest: '' },
      movements: { extension: 'centralises', flexion: '' },
    });
    const { body, invalid } = buildAssessmentBody(draft, 'lumbar');
    expect(invalid).toEqual({});
    expect(body).toEqual({
      kind: 'baseline',
      questionnaires: [
        { instrument: 'odi', answers: [1, null, 3] },
        { instrument: 'nprs', answers: [6] },
      ],
      redFlags: {
        findings: { bladderDysfunction: true, fever: false, nightPain: 'unknown', age: 52 },
      },
      examination: {
        symptomDurationDays: 21,
        recurrentEpisode: true,
        examination: {
          straightLegRaiseDegrees: 40,
          aberrantMovement: false,
          repeatedMovements: [{ direction: 'extension', effect: 'centralises' }],
        },
      },
    });
  });

  it('adds the goals as a PSFS questionnaire and remembers which row each came from', () => {
    const activities = [
      { activity: '', rating: '' },
      { activity: 'Lifting my daughter', rating: '3' },
      { activity: '', rating: '' },
      { activity: 'Gardening', rating: '' },
      { activity: '', rating: '' },
    ];
    const { body, layout } = buildAssessmentBody(
      draftWith({ instruments: [], activities }),
      'lumbar',
    );
    expect(body.questionnaires).toEqual([
      {
        instrument: 'psfs',
        answers: [
          { activity: 'Lifting my daughter', rating: 3 },
          { activity: 'Gardening', rating: null },
        ],
      },
    ]);
    expect(fieldKeyOfPath('questionnaires[0].answers[1].rating', layout)).toBe('q.psfs.answers[3]');
  });

  it('catches a number that is not a number before asking the server', () => {
    const { invalid } = buildAssessmentBody(
      draftWith({ age: 'fifty', exam: { hipInternalRotationDegrees: 'a lot' } }),
      'lumbar',
    );
    expect(Object.keys(invalid).sort()).toEqual([
      'examination.examination.hipInternalRotationDegrees',
      'redFlags.findings.age',
    ]);
  });

  it('asks about symptoms below the knee only for the low back', () => {
    const draft = draftWith({ symptomsBelowKnee: 'yes' });
    expect(buildAssessmentBody(draft, 'cervical').body.examination).toBeUndefined();
    expect(buildAssessmentBody(draft, 'lumbar').body.examination).toEqual({
      symptomsBelowKnee: true,
    });
  });
});

describe('where an API error goes', () => {
  const layout = {
    questionnaires: ['odi', 'nprs'] as const,
    psfsRows: [],
    movements: ['flexion', 'extension'] as const,
  };

  it('reads indexed paths back onto stable field keys and their steps', () => {
    expect(fieldKeyOfPath('questionnaires[1].answers[0]', layout)).toBe('q.nprs.answers[0]');
    expect(fieldKeyOfPath('examination.examination.repeatedMovements[1].effect', layout)).toBe(
      'movement.extension',
    );
    expect(fieldKeyOfPath('questionnaires[0].answers', layout)).toBe('q.odi.answers[0]');
    expect(stepOfField('q.nprs.answers[0]')).toBe('questionnaires');
    expect(stepOfField('q.psfs.answers[2]')).toBe('history');
    expect(stepOfField('redFlags.findings.age')).toBe('history');
    expect(stepOfField('redFlags.findings.fever')).toBe('screen');
    expect(stepOfField('examination.symptomDurationDays')).toBe('history');
    expect(stepOfField('movement.extension')).toBe('examination');
  });

  it('puts each field error beside its field, and the rest at the review', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Bad request',
      status: 400,
      detail: 'The assessment has problems.',
      errors: [
        { path: 'body.questionnaires[0].answers[3]', message: 'must be one of 0, 1, 2, 3, 4, 5' },
        { path: 'body.assessedAt', message: 'is in the future' },
      ],
    });
    const labels = { 'q.odi.answers[3]': 'ODI item 4' };
    const errors = errorsByStep(error, layout, labels);
    expect(errors.questionnaires?.fields).toEqual({
      'q.odi.answers[3]': 'ODI item 4 must be one of 0, 1, 2, 3, 4, 5.',
    });
    expect(errors.review?.form).toBe('The assessment has problems. assessedAt is in the future.');
    expect(errors.screen).toBeUndefined();
  });
});

describe('screenQuestions', () => {
  it('asks the cauda equina questions for the low back only, and the neck ones for the neck', () => {
    const lumbar = screenQuestions('lumbar').map((finding) => finding.id);
    const cervical = screenQuestions('cervical').map((finding) => finding.id);
    expect(lumbar).toContain('saddleNumbness');
    expect(cervical).not.toContain('saddleNumbness');
    expect(cervical).toContain('myelopathySigns');
    expect(lumbar).not.toContain('age');
  });
});
