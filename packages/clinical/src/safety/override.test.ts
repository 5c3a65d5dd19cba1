import { describe, expect, it } from 'vitest';
import { fakeExercise } from '../exercises/exercise.fixture.js';
import { getExercise } from '../exercises/index.js';
import type { SafetyContext } from './exercise-safety.js';
import { assessOverride, isOverridableReason, isRelativeRule } from './override.js';

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
const pressUp = fakeExercise({ movement: { directions: ['extension'], endRange: true } });
const avoidEarly = fakeExercise({
  precautions: [
    { when: 'extensionPreference', effect: 'avoidEarly', note: 'Not early.', sources: ['S-MDT'] },
  ],
});
const avoidAlways = fakeExercise({
  precautions: [
    { when: 'extensionPreference', effect: 'avoid', note: 'Never.', sources: ['S-MDT'] },
  ],
});
const avoidEarlyOsteo = fakeExercise({
  precautions: [
    { when: 'osteoporosis', effect: 'avoidEarly', note: 'Not early.', sources: ['S-OSTEO'] },
  ],
});

const rules = (reasons: readonly { rule: string }[]) => reasons.map((reason) => reason.rule);

describe('assessOverride', () => {
  it('lets a clinician override the first-phase direction rules [S-MDT] [S-STEN]', () => {
    const flexion = assessOverride(
      forwardFold,
      { ...patient, directionalPreference: 'extension' },
      true,
    );
    expect(flexion.canOverride).toBe(true);
    expect(rules(flexion.overridable)).toEqual(['safety.direction.flexionEarly']);
    expect(flexion.absolute).toEqual([]);

    const extension = assessOverride(pressUp, { ...patient, condition: 'stenosis' }, true);
    expect(extension.canOverride).toBe(true);
    expect(rules(extension.overridable)).toEqual(['safety.direction.extensionEarly']);
  });

  it('lets a clinician override an avoidEarly precaution in the first phase', () => {
    const result = assessOverride(
      avoidEarly,
      { ...patient, directionalPreference: 'extension' },
      true,
    );
    expect(result.canOverride).toBe(true);
    expect(rules(result.overridable)).toEqual(['safety.precaution.extensionPreference']);
  });

  it('never overrides an avoid precaution, though it shares the rule id', () => {
    const result = assessOverride(
      avoidAlways,
      { ...patient, directionalPreference: 'extension' },
      true,
    );
    expect(result.canOverride).toBe(false);
    expect(rules(result.absolute)).toEqual(['safety.precaution.extensionPreference']);
  });

  it('never overrides osteoporosis, surgery before clearance or arterial symptoms', () => {
    const osteo = assessOverride(forwardFold, { ...patient, osteoporosis: true }, true);
    expect(osteo.canOverride).toBe(false);
    expect(rules(osteo.absolute)).toEqual(['safety.osteoporosis.flexion']);

    const surgery = assessOverride(pressUp, { ...patient, surgeryNotCleared: true }, true);
    expect(surgery.canOverride).toBe(false);
    expect(rules(surgery.absolute)).toEqual(['safety.surgery.notCleared']);

    const early = assessOverride(avoidEarlyOsteo, { ...patient, osteoporosis: true }, true);
    expect(early.canOverride).toBe(false);
    expect(rules(early.absolute)).toEqual(['safety.precaution.osteoporosis']);
  });

  it('refuses when an absolute reason comes with an overridable one', () => {
    const result = assessOverride(
      forwardFold,
      { ...patient, directionalPreference: 'extension', osteoporosis: true },
      true,
    );
    expect(result.canOverride).toBe(false);
    expect(rules(result.overridable)).toEqual(['safety.direction.flexionEarly']);
    expect(rules(result.absolute)).toEqual(['safety.osteoporosis.flexion']);
  });

  it('has nothing to override when the exercise is allowed', () => {
    const later = assessOverride(
      forwardFold,
      { ...patient, directionalPreference: 'extension' },
      false,
    );
    expect(later.verdict.allowed).toBe(true);
    expect(later.canOverride).toBe(false);
    expect(later.overridable).toEqual([]);
  });

  it('agrees with the library: seated flexion waits for an extension preference, with a reason', () => {
    const exercise = getExercise('seated-flexion');
    const early = assessOverride(
      exercise,
      { ...patient, directionalPreference: 'extension' },
      true,
    );
    expect(early.canOverride).toBe(true);
    expect(rules(early.overridable)).toContain('safety.precaution.extensionPreference');
    const osteo = assessOverride(
      exercise,
      { ...patient, directionalPreference: 'extension', osteoporosis: true },
      true,
    );
    expect(osteo.verdict.cautions.length).toBeGreaterThan(0);
  });
});

describe('isRelativeRule', () => {
  it('names the relative rules by id', () => {
    expect(isRelativeRule('safety.direction.flexionEarly')).toBe(true);
    expect(isRelativeRule('safety.precaution.stenosis')).toBe(true);
    expect(isRelativeRule('safety.precaution.osteoporosis')).toBe(false);
    expect(isRelativeRule('safety.precaution.cervicalArterialSymptoms')).toBe(false);
    expect(isRelativeRule('safety.surgery.notCleared')).toBe(false);
    expect(isRelativeRule('safety.osteoporosis.rotation')).toBe(false);
  });
});

describe('isOverridableReason', () => {
  const reason = (rule: string) => ({ rule, text: 'x', sources: [] });
  it('tells an avoidEarly precaution from an avoid one with the same rule id', () => {
    const rule = 'safety.precaution.extensionPreference';
    expect(isOverridableReason(avoidEarly, reason(rule))).toBe(true);
    expect(isOverridableReason(avoidAlways, reason(rule))).toBe(false);
    expect(isOverridableReason(avoidEarlyOsteo, reason('safety.precaution.osteoporosis'))).toBe(
      false,
    );
    expect(isOverridableReason(pressUp, reason('safety.direction.extensionEarly'))).toBe(true);
    expect(isOverridableReason(pressUp, reason('safety.surgery.notCleared'))).toBe(false);
  });
});
