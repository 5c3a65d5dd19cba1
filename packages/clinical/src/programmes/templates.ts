/**
 * What each phase's session is made of, as data: ordered slots, each with a purpose and the
 * exercises that can fill it in order of preference. The generator takes the first candidate
 * the safety rules allow, that the patient has the equipment for, and that keeps the chain
 * within one level of the week before. Biased candidates follow the directional preference or
 * condition [S-MDT] [S-STEN]; a lifting or carrying goal brings in its chain by the function
 * phase; a high STarT Back risk brings in relaxation [S-SB].
 */
import type { Region } from '../region.js';
import type { PhaseId } from './programme.js';

export type SlotBias = 'extension' | 'flexion' | 'default';

export interface Slot {
  readonly id: string;
  readonly purpose: string;
  /** Candidates by bias; `default` is used when the bias has no list of its own. */
  readonly candidates: Readonly<Partial<Record<SlotBias, readonly string[]>>> & {
    readonly default: readonly string[];
  };
  /**
   * Goal-specific candidates tried first when the patient has that goal. Once a goal's chain is
   * in the programme, it moves one level up a week (hip hinge → lifting technique → floor lift).
   */
  readonly goals?: Readonly<Partial<Record<'lifting' | 'carrying' | 'bending', readonly string[]>>>;
  /** Relaxation first when STarT Back risk is high. [S-SB] */
  readonly highRisk?: readonly string[];
}

export interface PhaseTemplate {
  readonly title: string;
  readonly aim: string;
  readonly slots: readonly Slot[];
}

const lumbar: Readonly<Record<PhaseId, PhaseTemplate>> = {
  settle: {
    title: 'Settle and move',
    aim: 'Calm symptoms and get moving again with gentle, direction-guided movement.',
    slots: [
      {
        id: 'directional-mobility',
        purpose: 'gentle movement in the direction that eases symptoms',
        candidates: {
          extension: ['prone-press-up', 'prone-on-elbows'],
          flexion: ['seated-flexion', 'knee-to-chest', 'childs-pose'],
          default: ['cat-cow', 'pelvic-tilt', 'lumbar-rotation'],
        },
      },
      {
        id: 'gentle-activation',
        purpose: 'gentle activation of the trunk muscles',
        candidates: {
          default: ['abdominal-bracing', 'pelvic-tilt', 'glute-bridge', 'dead-bug-heel-tap'],
        },
      },
      {
        id: 'ease',
        purpose: 'easing tension: relaxed breathing or a second gentle movement',
        highRisk: ['diaphragmatic-breathing'],
        candidates: {
          default: [
            'lumbar-rotation',
            'hip-flexor-stretch',
            'hamstring-stretch',
            'diaphragmatic-breathing',
          ],
        },
      },
    ],
  },
  control: {
    title: 'Control and strengthen',
    aim: 'Build control and endurance of the trunk and hips.',
    slots: [
      {
        id: 'core-endurance',
        purpose: 'trunk endurance and control',
        candidates: { default: ['bird-dog', 'quadruped-leg-slide'] },
      },
      {
        id: 'core-front',
        purpose: 'front and side trunk endurance',
        candidates: { default: ['curl-up', 'dead-bug', 'dead-bug-heel-tap', 'side-plank-knees'] },
      },
      {
        id: 'hips',
        purpose: 'hip strength',
        highRisk: ['diaphragmatic-breathing'],
        candidates: { default: ['glute-bridge', 'side-plank-knees', 'plank-kneeling'] },
      },
      {
        id: 'mobility',
        purpose: 'keeping the spine moving in its comfortable direction',
        candidates: {
          extension: ['prone-press-up', 'prone-on-elbows'],
          flexion: ['seated-flexion', 'knee-to-chest'],
          default: ['cat-cow', 'lumbar-rotation', 'upper-back-flexibility'],
        },
      },
    ],
  },
  function: {
    title: 'Function and return',
    aim: 'Practise the everyday tasks that matter to you and return to full activity.',
    slots: [
      {
        id: 'function',
        purpose: 'everyday tasks: standing up, bending, lifting, carrying',
        goals: {
          lifting: ['hip-hinge'],
          bending: ['hip-hinge', 'sit-to-stand'],
          carrying: ['farmer-carry'],
        },
        candidates: { default: ['sit-to-stand', 'hip-hinge', 'step-up'] },
      },
      {
        id: 'strength',
        purpose: 'hip and leg strength',
        candidates: { default: ['glute-bridge', 'single-leg-bridge', 'step-up', 'sit-to-stand'] },
      },
      {
        id: 'core',
        purpose: 'trunk endurance under more load',
        candidates: {
          default: ['side-plank', 'plank', 'bird-dog', 'side-plank-knees', 'plank-kneeling'],
        },
      },
      {
        id: 'mobility',
        purpose: 'whole-spine mobility',
        candidates: {
          extension: ['prone-press-up', 'dynamic-back-stretch'],
          flexion: ['seated-flexion', 'dynamic-back-stretch'],
          default: ['dynamic-back-stretch', 'cat-cow', 'upper-back-flexibility'],
        },
      },
    ],
  },
  maintain: {
    title: 'Maintain',
    aim: 'A short routine to keep for the long term.',
    slots: [
      {
        id: 'core',
        purpose: 'trunk endurance',
        candidates: { default: ['bird-dog', 'side-plank', 'side-plank-knees', 'curl-up'] },
      },
      {
        id: 'function',
        purpose: 'everyday strength',
        goals: {
          lifting: ['hip-hinge'],
          carrying: ['farmer-carry'],
        },
        candidates: { default: ['sit-to-stand', 'hip-hinge', 'glute-bridge'] },
      },
      {
        id: 'mobility',
        purpose: 'mobility',
        candidates: {
          extension: ['prone-press-up', 'dynamic-back-stretch'],
          default: ['dynamic-back-stretch', 'cat-cow'],
        },
      },
    ],
  },
};

const cervical: Readonly<Record<PhaseId, PhaseTemplate>> = {
  settle: {
    title: 'Settle and move',
    aim: 'Calm neck symptoms and restore comfortable movement.',
    slots: [
      {
        id: 'deep-neck',
        purpose: 'gentle deep neck muscle activation',
        candidates: { default: ['chin-tuck', 'isometric-neck-hold'] },
      },
      {
        id: 'neck-mobility',
        purpose: 'comfortable neck movement',
        candidates: { default: ['neck-rotation', 'neck-side-bend', 'upper-trapezius-stretch'] },
      },
      {
        id: 'shoulder-blades',
        purpose: 'shoulder blade position and relaxed breathing',
        highRisk: ['diaphragmatic-breathing'],
        candidates: { default: ['scapular-retraction', 'diaphragmatic-breathing'] },
      },
    ],
  },
  control: {
    title: 'Control and strengthen',
    aim: 'Build endurance of the deep neck and shoulder blade muscles.',
    slots: [
      {
        id: 'deep-neck',
        purpose: 'deep neck flexor endurance',
        candidates: { default: ['supine-chin-nod', 'chin-tuck'] },
      },
      {
        id: 'shoulder-blades',
        purpose: 'shoulder blade control',
        candidates: { default: ['scapular-retraction', 'wall-angel'] },
      },
      {
        id: 'upper-back',
        purpose: 'upper back mobility',
        candidates: { default: ['upper-back-flexibility', 'thoracic-extension-chair'] },
      },
      {
        id: 'neck-ease',
        purpose: 'easing neck tension',
        candidates: {
          default: ['upper-trapezius-stretch', 'isometric-neck-hold', 'neck-rotation'],
        },
      },
    ],
  },
  function: {
    title: 'Function and return',
    aim: 'Strength and posture for work, screens, driving and sport.',
    slots: [
      {
        id: 'deep-neck',
        purpose: 'deep neck flexor strength',
        candidates: { default: ['head-lift-chin-tucked', 'supine-chin-nod'] },
      },
      {
        id: 'posture',
        purpose: 'upright posture endurance',
        candidates: { default: ['wall-angel', 'doorway-chest-stretch', 'scapular-retraction'] },
      },
      {
        id: 'upper-back',
        purpose: 'upper back mobility',
        candidates: { default: ['thoracic-extension-chair', 'upper-back-flexibility'] },
      },
      {
        id: 'general',
        purpose: 'whole-body strength',
        candidates: { default: ['plank-kneeling', 'bird-dog', 'sit-to-stand'] },
      },
    ],
  },
  maintain: {
    title: 'Maintain',
    aim: 'A short routine to keep for the long term.',
    slots: [
      {
        id: 'deep-neck',
        purpose: 'deep neck flexor endurance',
        candidates: { default: ['supine-chin-nod', 'chin-tuck'] },
      },
      {
        id: 'posture',
        purpose: 'posture',
        candidates: { default: ['wall-angel', 'scapular-retraction'] },
      },
      {
        id: 'upper-back',
        purpose: 'upper back mobility',
        candidates: { default: ['upper-back-flexibility', 'thoracic-extension-chair'] },
      },
    ],
  },
};

export const phaseTemplates: Readonly<Record<Region, Readonly<Record<PhaseId, PhaseTemplate>>>> = {
  lumbar,
  cervical,
};

/** Before surgical clearance: gentle isometric activation and breathing (walking is the activity quota). [S-FUSION] */
export const protectedSlots: readonly Slot[] = [
  {
    id: 'gentle-activation',
    purpose: 'gentle isometric activation',
    candidates: {
      default: [
        'abdominal-bracing',
        'isometric-glute-squeeze',
        'pelvic-floor-activation',
        'isometric-neck-hold',
      ],
    },
  },
  {
    id: 'breathing',
    purpose: 'relaxed breathing',
    candidates: { default: ['diaphragmatic-breathing', 'relaxed-breathing-seated'] },
  },
  {
    id: 'gentle-activation-2',
    purpose: 'a second gentle activation',
    candidates: {
      default: [
        'isometric-glute-squeeze',
        'pelvic-floor-activation',
        'isometric-neck-hold',
        'abdominal-bracing',
      ],
    },
  },
];
