// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  firstUnanswered,
  loadDraft,
  saveDraft,
  stepOfError,
  stepProblem,
  stepsOf,
  submissionOf,
  withAnswer,
  type Answers,
} from './draft.js';
import type { PatientInstrument, QuestionnaireRequest } from './questionnaires-api.js';

const levels = [0, 1, 2].map((value) => ({ value, label: `Level ${String(value)}` }));

function instrument(
  id: 'odi' | 'psfs' | 'nprs',
  items: number,
  rule: 'prorate' | 'none',
): PatientInstrument {
  return {
    id,
    title: id,
    shortTitle: id.toUpperCase(),
    description: '',
    answerCount: { min: items, max: items },
    missing: { rule, maxMissing: rule === 'prorate' ? 1 : 0, description: '' },
    copyright: '',
    items: Array.from({ length: items }, (_, index) => ({
      id: `${id}${String(index)}`,
      number: index + 1,
      text: `${id} item ${String(index + 1)}`,
      options: levels,
      scored: true,
    })),
  };
}

const instruments = [
  instrument('odi', 2, 'prorate'),
  instrument('psfs', 5, 'none'),
  instrument('nprs', 1, 'none'),
];

const request = {
  id: 'r1',
  instruments: ['psfs', 'odi'],
} as unknown as QuestionnaireRequest;

beforeEach(() => {
  sessionStorage.clear();
});

describe('stepsOf', () => {
  it('walks the instruments in the order asked, three PSFS activities, skipping only where allowed', () => {
    const steps = stepsOf(request, instruments);
    expect(steps.map((step) => `${step.instrument.id}:${String(step.index)}:${step.kind}`)).toEqual(
      ['psfs:0:activity', 'psfs:1:activity', 'psfs:2:activity', 'odi:0:choice', 'odi:1:choice'],
    );
    expect(steps.map((step) => step.skippable)).toEqual([false, false, false, true, true]);
  });

  it('asks to rate again the activities named at the baseline, and sends them as named', () => {
    const goals = ['Gardening', 'Carrying shopping', 'Sitting through a film', 'Cycling'];
    const steps = stepsOf({ ...request, instruments: ['psfs'] }, instruments, goals);
    expect(steps.map((step) => step.activity)).toEqual(goals);
    const [first] = steps;
    if (first === undefined) throw new Error('no step');
    expect(stepProblem(first, undefined)).toContain('0 to 10');
    let answers: Answers = {};
    for (const [index, step] of steps.entries()) {
      answers = withAnswer(answers, step, { activity: 'renamed', rating: index + 2 });
    }
    expect(firstUnanswered(steps, answers)).toBeNull();
    expect(submissionOf({ ...request, instruments: ['psfs'] }, steps, answers)).toEqual([
      {
        instrument: 'psfs',
        answers: goals.map((activity, index) => ({ activity, rating: index + 2 })),
      },
    ]);
  });
});

describe('answers', () => {
  it('finds the first gap, builds the body with skipped items as null, and maps errors to steps', () => {
    const steps = stepsOf(request, instruments);
    let answers: Answers = {};
    expect(firstUnanswered(steps, answers)).toBe(0);
    for (const [index, activity] of ['Gardening', 'Lifting', 'Sitting'].entries()) {
      const step = steps[index];
      if (step === undefined) throw new Error('no step');
      expect(stepProblem(step, { activity, rating: null })).toContain('0 to 10');
      answers = withAnswer(answers, step, { activity: ` ${activity} `, rating: index + 4 });
    }
    const [, , , odi1, odi2] = steps;
    if (odi1 === undefined || odi2 === undefined) throw new Error('no ODI steps');
    answers = withAnswer(answers, odi1, null);
    expect(firstUnanswered(steps, answers)).toBe(4);
    answers = withAnswer(answers, odi2, 2);
    expect(firstUnanswered(steps, answers)).toBeNull();

    const body = submissionOf(request, steps, answers);
    expect(body).toEqual([
      {
        instrument: 'psfs',
        answers: [
          { activity: 'Gardening', rating: 4 },
          { activity: 'Lifting', rating: 5 },
          { activity: 'Sitting', rating: 6 },
        ],
      },
      { instrument: 'odi', answers: [null, 2] },
    ]);
    expect(stepOfError('questionnaires[1].answers[1]', body, steps)).toBe(4);
    expect(stepOfError('questionnaires[0].answers[2].rating', body, steps)).toBe(2);
    expect(stepOfError('questionnaires', body, steps)).toBeNull();
  });

  it('keeps a draft on the phone and survives a damaged copy', () => {
    saveDraft('r1', { step: 3, answers: { odi: [1] } });
    expect(loadDraft('r1')).toEqual({ step: 3, answers: { odi: [1] } });
    sessionStorage.setItem('spinewise.questionnaire.r2', '{not json');
    expect(loadDraft('r2')).toEqual({ step: 0, answers: {} });
    sessionStorage.setItem('spinewise.questionnaire.r3', '{"step":-2,"answers":null}');
    expect(loadDraft('r3')).toEqual({ step: 0, answers: {} });
  });
});
