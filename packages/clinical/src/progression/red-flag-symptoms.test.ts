import { describe, expect, it } from 'vitest';
import { isSourceId } from '../sources.js';
import {
  isRedFlagSymptom,
  logSymptomRules,
  logSymptoms,
  redFlagSymptoms,
} from './red-flag-symptoms.js';

describe('log symptoms → action', () => {
  it('every symptom has a rule with known sources and advice', () => {
    for (const symptom of logSymptoms) {
      const rule = logSymptomRules[symptom];
      expect(rule.advice.length).toBeGreaterThan(0);
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const id of rule.sources) expect(isSourceId(id)).toBe(true);
    }
  });

  it('four red flags stop and screen; peripheralisation regresses [S-MDT]', () => {
    expect(logSymptoms.filter(isRedFlagSymptom)).toEqual([
      'newNumbnessOrWeakness',
      'bladderBowelSaddle',
      'feverUnwell',
      'nightPain',
    ]);
    expect([...redFlagSymptoms].sort()).toEqual(logSymptoms.filter(isRedFlagSymptom).sort());
    expect(logSymptomRules.peripheralisation).toMatchObject({
      action: 'regress',
      severity: 'warning',
    });
  });

  it('bladder, bowel or saddle symptoms are an emergency with emergency-department advice [S-CES]', () => {
    const rule = logSymptomRules.bladderBowelSaddle;
    expect(rule).toMatchObject({ severity: 'emergency', sources: ['S-CES'] });
    expect(rule.advice).toMatch(/emergency department straight away/);
  });

  it('new numbness or weakness, fever and night pain are urgent [S-RF]', () => {
    for (const symptom of ['newNumbnessOrWeakness', 'feverUnwell', 'nightPain'] as const) {
      expect(logSymptomRules[symptom]).toMatchObject({ severity: 'urgent', sources: ['S-RF'] });
    }
  });
});
