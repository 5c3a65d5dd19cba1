import { describe, expect, it } from 'vitest';
import { fakeExercise } from '../exercises/exercise.fixture.js';
import { checkExercise, isAllowedBeforeClearance, type SafetyContext } from './exercise-safety.js';

const patient: SafetyContext = {
  condition: 'nonspecific',
  directionalPreference: 'none',
  osteoporosis: false,
  surgeryNotCleared: false,
  cervicalArterialSymptoms: false,
};

const forwardFold = fakeExercise({
  movement: { directions: ['flexion'], endRange: true, sustained: true },
});
const loadedFlexion = fakeExercise({ movement: { directions: ['flexion'], load: 'loaded' } });
const gentleFlexion = fakeExercise({ movement: { directions: ['flexion'] } });
const pressUp = fakeExercise({ movement: { directions: ['extension'], endRange: true } });
const forcefulTwist = fakeExercise({
  movement: { directions: ['rotation'], rotationForce: 'forceful' },
});
const bracing = fakeExercise({
  movement: { directions: ['neutral'], gentleIsometric: true, sustained: true, load: 'unloaded' },
});
const breathing = fakeExercise({ aims: ['relaxation'], movement: { load: 'unloaded' } });
const walking = fakeExercise({ position: 'walking', aims: ['aerobic'] });

const rules = (exercise: typeof forwardFold, context: Partial<SafetyContext>, firstPhase = true) =>
  checkExercise(exercise, { ...patient, ...context }, firstPhase).reasons.map(
    (reason) => reason.rule,
  );

describe('checkExercise', () => {
  it('allows everything for a patient without precautions', () => {
    for (const exercise of [forwardFold, loadedFlexion, pressUp, forcefulTwist]) {
      expect(checkExercise(exercise, patient, true)).toEqual({
        allowed: true,
        reasons: [],
        cautions: [],
      });
    }
  });

  it('osteoporosis: no loaded or end-range flexion, no forceful twisting [S-OSTEO]', () => {
    expect(rules(forwardFold, { osteoporosis: true }, false)).toEqual([
      'safety.osteoporosis.flexion',
    ]);
    expect(rules(loadedFlexion, { osteoporosis: true }, false)).toEqual([
      'safety.osteoporosis.flexion',
    ]);
    expect(rules(forcefulTwist, { osteoporosis: true }, false)).toEqual([
      'safety.osteoporosis.rotation',
    ]);
    expect(rules(gentleFlexion, { osteoporosis: true }, false)).toEqual([]);
  });

  it('before surgical clearance: only walking, breathing and gentle isometrics [S-FUSION]', () => {
    expect(isAllowedBeforeClearance(walking)).toBe(true);
    expect(isAllowedBeforeClearance(breathing)).toBe(true);
    expect(isAllowedBeforeClearance(bracing)).toBe(true);
    expect(isAllowedBeforeClearance(gentleFlexion)).toBe(false);
    expect(rules(gentleFlexion, { surgeryNotCleared: true }, false)).toEqual([
      'safety.surgery.notCleared',
    ]);
    expect(rules(bracing, { surgeryNotCleared: true })).toEqual([]);
  });

  it('extension preference or disc-related leg pain: no provocative flexion in the first phase [S-MDT]', () => {
    expect(rules(forwardFold, { directionalPreference: 'extension' })).toEqual([
      'safety.direction.flexionEarly',
    ]);
    expect(rules(loadedFlexion, { condition: 'discRadicular' })).toEqual([
      'safety.direction.flexionEarly',
    ]);
    expect(rules(gentleFlexion, { condition: 'discRadicular' })).toEqual([]);
    expect(rules(forwardFold, { directionalPreference: 'extension' }, false)).toEqual([]);
  });

  it('flexion preference, stenosis, spondylolisthesis: no end-range extension in the first phase [S-STEN]', () => {
    for (const context of [
      { directionalPreference: 'flexion' as const },
      { condition: 'stenosis' as const },
      { condition: 'spondylolisthesis' as const },
    ]) {
      expect(rules(pressUp, context)).toEqual(['safety.direction.extensionEarly']);
      expect(rules(pressUp, context, false)).toEqual([]);
    }
  });

  it('applies the exercise’s own precautions: avoid, avoid early, caution', () => {
    const curlUp = fakeExercise({
      precautions: [
        {
          when: 'osteoporosis',
          effect: 'avoid',
          note: 'No curl-ups with osteoporosis.',
          sources: ['S-OSTEO'],
        },
        {
          when: 'spondylolisthesis',
          effect: 'avoidEarly',
          note: 'Not early.',
          sources: ['S-STEN'],
        },
        {
          when: 'cervicalArterialSymptoms',
          effect: 'caution',
          note: 'Watch for dizziness.',
          sources: ['S-RF'],
        },
      ],
    });
    expect(rules(curlUp, { osteoporosis: true }, false)).toEqual([
      'safety.precaution.osteoporosis',
    ]);
    expect(rules(curlUp, { condition: 'spondylolisthesis' })).toEqual([
      'safety.precaution.spondylolisthesis',
    ]);
    expect(rules(curlUp, { condition: 'spondylolisthesis' }, false)).toEqual([]);
    const verdict = checkExercise(curlUp, { ...patient, cervicalArterialSymptoms: true }, true);
    expect(verdict.allowed).toBe(true);
    expect(verdict.cautions.map((caution) => caution.text)).toEqual(['Watch for dizziness.']);
  });

  it('evaluates every precaution condition against the patient', () => {
    const conditionsSeen = (
      [
        'extensionPreference',
        'flexionPreference',
        'discRadicular',
        'stenosis',
        'cervicalRadiculopathy',
        'postSurgeryNotCleared',
      ] as const
    ).map((when) => {
      const exercise = fakeExercise({
        movement: {
          directions: ['neutral'],
          gentleIsometric: true,
          sustained: true,
          load: 'unloaded',
        },
        precautions: [{ when, effect: 'avoid', note: when, sources: ['S-MDT'] }],
      });
      const context: Partial<SafetyContext> = {
        extensionPreference: { directionalPreference: 'extension' as const },
        flexionPreference: { directionalPreference: 'flexion' as const },
        discRadicular: { condition: 'discRadicular' as const },
        stenosis: { condition: 'stenosis' as const },
        cervicalRadiculopathy: { condition: 'cervicalRadiculopathy' as const },
        postSurgeryNotCleared: { surgeryNotCleared: true },
      }[when];
      return [rules(exercise, context, false), rules(exercise, {}, false)];
    });
    for (const [withCondition, without] of conditionsSeen) {
      expect(withCondition).toHaveLength(1);
      expect(without).toEqual([]);
    }
  });
});
