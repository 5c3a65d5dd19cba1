import {
  classifyAssessment,
  type Assessment,
  generateProgramme,
  scoreInstrument,
  type InstrumentId,
} from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { ageOn, buildProfile, type AssessmentProfileInput } from './profile.js';

function questionnaire(instrument: InstrumentId, answers: readonly unknown[]) {
  return { instrument, answers, score: scoreInstrument(instrument, answers) };
}

const examination: Assessment = {
  region: 'lumbar',
  age: 44,
  symptomDurationDays: 20,
  // The examination copy differs, to show the scored questionnaire is what counts.
  scores: { odi: 30, nprs: 5, sbst: { total: 5, psychosocial: 2 } },
  examination: {
    repeatedMovements: [
      { direction: 'extension', effect: 'centralises' },
      { direction: 'flexion', effect: 'increases' },
    ],
  },
};

const assessment: AssessmentProfileInput = {
  questionnaires: [
    questionnaire('odi', [2, 1, 3, 1, 2, 1, 2, 1, 1, 3]),
    questionnaire('nprs', [5]),
    questionnaire('psfs', [
      { activity: 'Lifting boxes at work', rating: 3 },
      { activity: 'Sitting through a film', rating: 6 },
      { activity: 'Gardening', rating: 4 },
    ]),
  ],
  redFlagFindings: { bladderDysfunction: false, saddleNumbness: false },
  examination,
  classification: classifyAssessment(examination),
  flagDecision: null,
};

const source = {
  episode: { region: 'lumbar' as const, condition: 'nonspecific' },
  dateOfBirth: '1980-06-15',
  assessment,
  choices: { minutesPerDay: 20 },
  today: '2026-11-10',
};

describe('buildProfile', () => {
  it('takes scores, risk, preference and goals from the assessment the core scored', () => {
    const result = buildProfile(source);
    if (!result.ok) throw new Error('missing fields');
    expect(result.profile).toMatchObject({
      region: 'lumbar',
      condition: 'nonspecific',
      age: 44,
      symptomDurationDays: 20,
      sbstRisk: 'medium',
      scores: { odi: 34, nprs: 5 },
      directionalPreference: 'extension',
      goals: [
        { activity: 'Lifting boxes at work', rating: 3 },
        { activity: 'Sitting through a film', rating: 6 },
        { activity: 'Gardening', rating: 4 },
      ],
      minutesPerDay: 20,
      startDate: '2026-11-10',
    });
    expect(generateProgramme(result.profile).status).toBe('active');
  });

  it('lets the clinician’s choices override the records and passes the options on', () => {
    const result = buildProfile({
      ...source,
      choices: {
        minutesPerDay: 15,
        startDate: '2026-11-16',
        age: 45,
        directionalPreference: 'none',
        goals: [{ activity: 'Walking the dog' }],
        options: { weeks: 4 },
      },
    });
    if (!result.ok) throw new Error('missing fields');
    expect(result.profile).toMatchObject({
      age: 45,
      directionalPreference: 'none',
      goals: [{ activity: 'Walking the dog' }],
      startDate: '2026-11-16',
    });
    expect(result.options).toEqual({ weeks: 4 });
  });

  it('asks for what it cannot find rather than inventing it', () => {
    const result = buildProfile({
      ...source,
      episode: { region: 'lumbar', condition: 'Back pain after lifting' },
      dateOfBirth: null,
      assessment: { ...assessment, examination: { region: 'lumbar' } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing.map((item) => item.field)).toEqual([
      'condition',
      'age',
      'symptomDurationDays',
    ]);
  });

  it('gives the generator the clinician’s decision on a flag', () => {
    const result = buildProfile({
      ...source,
      assessment: {
        ...assessment,
        flagDecision: {
          decision: 'reviewedAndCleared',
          reason: 'Long-standing, investigated last year',
          by: '00000000-0000-4000-8000-000000000001',
          at: '2026-11-09T10:00:00.000Z',
        },
      },
    });
    if (!result.ok) throw new Error('missing fields');
    expect(result.profile.clinicianDecision).toEqual({
      decision: 'reviewedAndCleared',
      reason: 'Long-standing, investigated last year',
      date: '2026-11-09',
    });
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1980-06-15', '2026-06-14')).toBe(45);
    expect(ageOn('1980-06-15', '2026-06-15')).toBe(46);
  });
});
