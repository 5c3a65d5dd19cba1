import { logSymptomRules, logSymptoms } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { adviceFor, symptomQuestions } from './symptoms.js';

describe('symptom questions', () => {
  it('ask about every symptom a log can carry, once', () => {
    expect(symptomQuestions.map((q) => q.symptom).sort()).toEqual([...logSymptoms].sort());
  });

  it("give the most serious red flag's advice, and none for spreading symptoms alone", () => {
    expect(adviceFor(['nightPain', 'bladderBowelSaddle'])).toEqual({
      severity: 'emergency',
      text: logSymptomRules.bladderBowelSaddle.advice,
      symptoms: ['bladderBowelSaddle', 'nightPain'],
    });
    expect(adviceFor(['feverUnwell'])?.severity).toBe('urgent');
    expect(adviceFor(['peripheralisation'])).toBeNull();
    expect(adviceFor([])).toBeNull();
  });
});
