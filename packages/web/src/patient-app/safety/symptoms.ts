/**
 * The symptom questions of the patient app, in plain words, over the clinical core's log
 * symptoms (`logSymptoms`, `logSymptomRules`). The four red flags stop the programme: the
 * patient sees the rule's advice at once, before anything is sent [S-RF] [S-CES]; spreading
 * symptoms (peripheralisation) ease the exercise off [S-MDT].
 */
import {
  isRedFlagSymptom,
  logSymptomRules,
  redFlagSymptoms,
  type LogSymptom,
  type RedFlagSymptom,
} from '@spinewise/clinical';

export interface SymptomQuestion {
  readonly symptom: LogSymptom;
  /** The question as the patient reads it. */
  readonly text: string;
  /** An example or two, to make it concrete. */
  readonly hint: string;
}

/** Every log symptom, the emergency one first. */
export const symptomQuestions: readonly SymptomQuestion[] = [
  {
    symptom: 'bladderBowelSaddle',
    text: 'A change in your bladder or bowel, or numbness between your legs',
    hint: 'For example: you cannot pee or cannot hold it, you cannot control your bowels, or the skin where a saddle would touch feels numb.',
  },
  {
    symptom: 'newNumbnessOrWeakness',
    text: 'New numbness or weakness, or numbness that is spreading',
    hint: 'For example: your foot catches or drags, your leg gives way, or your hand is suddenly clumsy.',
  },
  {
    symptom: 'feverUnwell',
    text: 'A fever, or feeling generally unwell',
    hint: 'For example: hot and shivery, sweating at night, or much more tired than usual.',
  },
  {
    symptom: 'nightPain',
    text: 'Pain at night that does not ease, whatever position you are in',
    hint: 'Pain that keeps you awake and does not change when you move.',
  },
  {
    symptom: 'peripheralisation',
    text: 'Pain or tingling spreading further down your leg or arm',
    hint: 'It reaches further than it did before you started.',
  },
];

export interface Advice {
  readonly severity: 'emergency' | 'urgent';
  /** What to do now: the rule's advice. */
  readonly text: string;
  readonly symptoms: readonly RedFlagSymptom[];
}

/**
 * The advice for the symptoms chosen: the most serious red flag's (the emergency one first, as
 * `redFlagSymptoms` orders them), or `null` when none is a red flag.
 */
export function adviceFor(symptoms: readonly LogSymptom[]): Advice | null {
  const flags = redFlagSymptoms.filter((symptom) => symptoms.includes(symptom));
  const [worst] = flags;
  if (worst === undefined) return null;
  const rule = logSymptomRules[worst];
  return { severity: rule.severity, text: rule.advice, symptoms: flags };
}

export function hasRedFlag(symptoms: readonly LogSymptom[]): boolean {
  return symptoms.some(isRedFlagSymptom);
}

/** What to do about spreading symptoms (not a red flag: ease off). */
export const spreadingAdvice = logSymptomRules.peripheralisation.advice;
