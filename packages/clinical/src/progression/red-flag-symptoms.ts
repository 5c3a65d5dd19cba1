/**
 * The symptoms a patient can tick on a session log, and what each one does to the programme,
 * as data a clinician can review. Four are red flags: any one stops the whole programme and
 * alerts the clinician (REFERENCE §5 "stop and screen"), with the action REFERENCE §2 gives the
 * condition it may signal. Peripheralisation is not a red flag: it regresses the exercise.
 */
import type { SourceId } from '../sources.js';

export const logSymptoms = [
  'peripheralisation',
  'newNumbnessOrWeakness',
  'bladderBowelSaddle',
  'feverUnwell',
  'nightPain',
] as const;

export type LogSymptom = (typeof logSymptoms)[number];

export type RedFlagSymptom = Exclude<LogSymptom, 'peripheralisation'>;

export interface RedFlagSymptomRule {
  readonly action: 'stopAndScreen';
  /** REFERENCE §2 action for the condition the symptom may signal. */
  readonly severity: 'emergency' | 'urgent';
  /** What the symptom is, in the clinician's words. */
  readonly label: string;
  /** The condition(s) of REFERENCE §2 it may signal. */
  readonly suspected: string;
  /** What the patient should do, in plain words. */
  readonly advice: string;
  readonly sources: readonly SourceId[];
}

export interface RegressSymptomRule {
  readonly action: 'regress';
  readonly severity: 'warning';
  readonly label: string;
  readonly advice: string;
  readonly sources: readonly SourceId[];
}

// [S-CES] emergency advice in plain words, as the cauda equina safety net gives it
// (screening/safety-net.ts), for a patient who has just reported such a symptom.
const caudaEquinaAdvice =
  'Stop your exercises. You have reported a change in your bladder or bowel, or numbness ' +
  'between your legs (where a saddle would touch). This can be a sign of cauda equina ' +
  'syndrome, which needs treatment within hours. Go to an emergency department straight away, ' +
  'at any time of the day or night, including weekends. Do not wait for your next appointment ' +
  'or to see if it gets better. Tell the staff you have back pain and are worried about cauda ' +
  'equina syndrome.';

const stopAndSeeClinician =
  'Stop your exercises for now and contact your clinician or GP today to be seen within the ' +
  'next day or so. If it gets worse quickly, or you notice changes in your bladder, bowel or ' +
  'the feeling between your legs, go to an emergency department straight away.';

export const logSymptomRules: Readonly<
  Record<RedFlagSymptom, RedFlagSymptomRule> & Record<'peripheralisation', RegressSymptomRule>
> = {
  // [S-CES] any one cauda equina finding → emergency (REFERENCE §2): emergency advice at once.
  bladderBowelSaddle: {
    action: 'stopAndScreen',
    severity: 'emergency',
    label: 'new bladder or bowel disturbance, or saddle numbness',
    suspected: 'cauda equina syndrome',
    advice: caudaEquinaAdvice,
    sources: ['S-CES'],
  },
  // [S-RF] new or spreading weakness or numbness: progressive motor deficit → urgent
  // (bilateral or with bladder/bowel/saddle change → emergency, which the advice says).
  newNumbnessOrWeakness: {
    action: 'stopAndScreen',
    severity: 'urgent',
    label: 'new or spreading numbness or weakness',
    suspected: 'progressive neurological deficit',
    advice: stopAndSeeClinician,
    sources: ['S-RF'],
  },
  // [S-RF] fever or systemically unwell: possible spinal infection → urgent review.
  feverUnwell: {
    action: 'stopAndScreen',
    severity: 'urgent',
    label: 'fever or feeling generally unwell',
    suspected: 'spinal infection',
    advice: stopAndSeeClinician,
    sources: ['S-RF'],
  },
  // [S-RF] constant or unremitting night pain: possible malignancy → urgent review.
  nightPain: {
    action: 'stopAndScreen',
    severity: 'urgent',
    label: 'unremitting night pain',
    suspected: 'malignancy or spinal metastasis',
    advice: stopAndSeeClinician,
    sources: ['S-RF'],
  },
  // [S-MDT] symptoms spreading further down the limb (peripheralisation): regress the exercise.
  peripheralisation: {
    action: 'regress',
    severity: 'warning',
    label: 'symptoms spreading further into the leg or arm (peripheralisation)',
    advice:
      'Ease off this exercise. If pain keeps spreading further down your leg or arm, tell your ' +
      'clinician.',
    sources: ['S-MDT'],
  },
};

export function isRedFlagSymptom(symptom: LogSymptom): symptom is RedFlagSymptom {
  return logSymptomRules[symptom].action === 'stopAndScreen';
}

/** The red-flag symptoms in the order they are reported: the emergency one first. */
export const redFlagSymptoms: readonly RedFlagSymptom[] = [
  'bladderBowelSaddle',
  'newNumbnessOrWeakness',
  'feverUnwell',
  'nightPain',
];
