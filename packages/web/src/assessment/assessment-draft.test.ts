import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import type { Instrument } from './assessment-api.js';
import {
  HISTORY_FACTORS_MAX,
  activitiesFromAnswers,
  addFactor,
  answersToDraft,
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

describe('the history', () => {
  it('sends surgery, factors and work, trimmed, and leaves out what was left open', () => {
    const { body, invalid } = buildAssessmentBody(
      draftWith({
        surgery: 'yes',
        surgeryDetails: '  L5/S1 fusion, 2018 ',
        aggravating: ['Sitting', 'Bending'],
        occupation: ' Nurse ',
        workStatus: 'modifiedDuties',
        historyNotes: '   ',
      }),
      'lumbar',
    );
    expect(invalid).toEqual({});
    expect(body.history).toEqual({
      surgery: 'L5/S1 fusion, 2018',
      aggravating: ['Sitting', 'Bending'],
      work: { occupation: 'Nurse', status: 'modifiedDuties' },
    });
  });

  it('sends no history when nothing was recorded, and no surgery when the answer is no', () => {
    expect(buildAssessmentBody(draftWith({}), 'lumbar').body).not.toHaveProperty('history');
    const { body } = buildAssessmentBody(
      draftWith({ surgery: 'no', surgeryDetails: 'typed before changing the answer' }),
      'lumbar',
    );
    expect(body).not.toHaveProperty('history');
  });

  it('asks for the details when the patient has had surgery', () => {
    const { invalid } = buildAssessmentBody(draftWith({ surgery: 'yes' }), 'lumbar');
    expect(invalid).toEqual({ 'history.surgery': expect.any(String) as string });
    expect(stepOfField('history.surgery')).toBe('history');
  });

  it('reads the API’s history paths back onto the history step’s fields', () => {
    const layout = { questionnaires: [], psfsRows: [], movements: [] };
    expect(fieldKeyOfPath('history.work.status', layout)).toBe('history.work.status');
    expect(fieldKeyOfPath('history.aggravating[3]', layout)).toBe('history.aggravating');
    expect(stepOfField(fieldKeyOfPath('history.easing[0]', layout))).toBe('history');
  });

  it('adds a factor once, whatever its case, and no more than the API takes', () => {
    expect(addFactor(['Sitting'], ' sitting ')).toEqual(['Sitting']);
    expect(addFactor(['Sitting'], '  ')).toEqual(['Sitting']);
    expect(addFactor(['Sitting'], ' Long drives ')).toEqual(['Sitting', 'Long drives']);
    const full = Array.from({ length: HISTORY_FACTORS_MAX }, (_, index) => `F${String(index)}`);
    expect(addFactor(full, 'One more')).toBe(full);
  });

  it('leaves the questionnaires out when they go to the patient’s phone', () => {
    const { body } = buildAssessmentBody(
      draftWith({ questionnaireMode: 'send', answers: { nprs: ['6'] } }),
      'lumbar',
    );
    expect(body.questionnaires).toEqual([]);
  });
});

describe('answers from the patient’s phone', () => {
  const instrument = {
    items: [
      {
        options: [
          { value: 0, label: 'None' },
          { value: 1, label: 'Some' },
          { value: 2, label: 'A lot' },
        ],
      },
      {
        options: [
          { value: 0, label: 'Disagree' },
          { value: 1, label: 'Agree' },
        ],
      },
      {
        options: [
          { value: 0, label: 'A' },
          { value: 3, label: 'B' },
          { value: 5, label: 'C' },
        ],
      },
      { options: [{ value: 0, label: 'x' }] },
      { options: [{ value: 0, label: 'y' }] },
    ],
  } as unknown as Instrument;

  it('fills numbers, option labels, yes/no and the highest of several marks; skips the rest', () => {
    expect(answersToDraft(instrument, [2, true, [0, 5, 3], null])).toEqual(['2', '1', '5', '', '']);
    expect(answersToDraft(instrument, ['Some', false, 'nonsense'])).toEqual(['1', '0', '', '', '']);
  });

  it('fills PSFS goals as rows of activity and rating', () => {
    const rows = activitiesFromAnswers([
      { activity: 'Gardening', rating: 3 },
      { activity: 'Running', rating: 6 },
    ]);
    expect(rows.slice(0, 3)).toEqual([
      { activity: 'Gardening', rating: '3' },
      { activity: 'Running', rating: '6' },
      { activity: '', rating: '' },
    ]);
    expect(rows).toHaveLength(5);
  });
});
