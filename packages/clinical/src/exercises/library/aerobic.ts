import type { Keyframe, Limbs, Pose } from '../../skeleton/skeleton.js';
import type { Exercise } from '../exercise.js';

const upright = { lowerTrunk: 90, upperTrunk: 90, head: 90 } as const;

/** Legs and arms at heel strike of the leading leg, and of the trailing leg pushing off. */
const leadingLeg: Limbs = { upperArm: 258, forearm: 262, thigh: 290, shin: 278, foot: 15 };
const trailingLeg: Limbs = { upperArm: 284, forearm: 300, thigh: 252, shin: 238, foot: 320 };
/** Mid-stance: the standing leg straight under the hip, the other swinging through. */
const standingLeg: Limbs = { upperArm: 270, forearm: 275, thigh: 270, shin: 270, foot: 0 };
const swingingLeg: Limbs = { upperArm: 270, forearm: 280, thigh: 285, shin: 245, foot: 345 };

/** One walking step cycle in place (side view): right heel down, mid-stance, left heel down, mid-stance. */
const stepCycle: readonly Keyframe[] = [
  {
    at: 0,
    pose: { hip: { x: 0, y: 0.47 }, ...upright, right: leadingLeg, left: trailingLeg },
    label: 'right heel down',
  },
  {
    at: 0.3,
    pose: { hip: { x: 0, y: 0.49 }, ...upright, right: standingLeg, left: swingingLeg },
    label: 'right leg under you',
  },
  {
    at: 0.6,
    pose: { hip: { x: 0, y: 0.47 }, ...upright, left: leadingLeg, right: trailingLeg },
    label: 'left heel down',
  },
  {
    at: 0.9,
    pose: { hip: { x: 0, y: 0.49 }, ...upright, left: standingLeg, right: swingingLeg },
    label: 'left leg under you',
  },
];

/** On an upright exercise bike: leaning slightly forward, hands on the handlebars. */
const onBike = (
  right: Pick<Limbs, 'thigh' | 'shin'>,
  left: Pick<Limbs, 'thigh' | 'shin'>,
): Pose => ({
  hip: { x: 0, y: 0.46 },
  lowerTrunk: 70,
  upperTrunk: 62,
  head: 75,
  right: { upperArm: 330, forearm: 355, foot: 350, ...right },
  left: { upperArm: 330, forearm: 355, foot: 350, ...left },
});

/** Walking and cycling. */
export const aerobicExercises: readonly Exercise[] = [
  {
    id: 'graded-walking',
    name: 'Graded walking',
    region: 'general',
    aims: ['aerobic', 'function'],
    equipment: ['none'],
    position: 'walking',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      kind: 'duration',
      default: { sets: 1, minutes: 10, perDay: 1, daysPerWeek: 5 },
      bounds: {
        sets: { min: 1, max: 2, step: 1 },
        minutes: { min: 5, max: 60, step: 5 },
        perDay: { min: 1, max: 2 },
        daysPerWeek: { min: 5, max: 7 },
      },
      progressionOrder: ['minutes'],
      secondsPerRep: 60,
      restSeconds: 0,
      rationale:
        'Graded activity: measure how long the patient can walk now, start below it (default 20 % below) and add a set quota each week (default +10 %) on a time-contingent, not pain-contingent, schedule.',
      sources: ['S-GRADED'],
    },
    chain: 'graded-walking',
    level: 1,
    regression: null,
    progression: null,
    summary:
      'Regular walks that grow a little each week, guided by the clock rather than by how your back feels that day.',
    steps: [
      'Walk at a comfortable, steady pace, on flat ground to begin with.',
      'Set a timer for the minutes in your plan and stop when it goes off, even on a good day.',
      'On a bad day, still aim for your planned time, walking more slowly if you need to.',
      'Your plan adds a few minutes each week as your walking builds up.',
    ],
    cues: [
      'Stand tall and let your arms swing naturally.',
      'Walk at a pace where you can still talk.',
      'Some back ache while walking is normal and not harmful.',
    ],
    mistakes: [
      'Walking much further on a good day, then resting for days afterwards.',
      'Stopping early each time your back aches instead of walking to your planned time.',
      'Starting with long walks straight away.',
    ],
    feel: 'Warm and a little out of breath; your back may ache a little, and that should settle by the next morning.',
    stopIf: [
      'Pain spreads down your leg, or you get new numbness or weakness in your legs.',
      'Pain goes above 5 out of 10 and does not ease when you slow down.',
      'You get chest pain, feel very short of breath or feel faint (stop, and get medical help if it does not pass).',
    ],
    precautions: [],
    animation: { view: 'side', cycleSeconds: 1.2, keyframes: stepCycle },
    sources: ['S-GRADED', 'S-NICE', 'S-FUSION'],
  },
  {
    id: 'walking-intervals',
    name: 'Walking with rest breaks',
    region: 'general',
    aims: ['aerobic', 'function'],
    equipment: ['none'],
    position: 'walking',
    movement: {
      // Walking, with rests sitting or leaning forward (a gentle, short flexion) between walks.
      directions: ['flexion'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      kind: 'duration',
      default: { sets: 3, minutes: 3, perDay: 1, daysPerWeek: 5 },
      bounds: {
        sets: { min: 2, max: 6, step: 1 },
        minutes: { min: 2, max: 15, step: 1 },
        perDay: { min: 1, max: 2 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['minutes', 'sets'],
      secondsPerRep: 60,
      restSeconds: 120,
      rationale:
        'Neurogenic claudication: short walks with rests sitting or bending forward, which ease the legs; lengthen the walks by a set quota each week, by the clock (defaults).',
      sources: ['S-STEN', 'S-GRADED'],
    },
    chain: 'walking-intervals',
    level: 1,
    regression: null,
    progression: null,
    summary:
      'Short walks with planned rests sitting or leaning forward, for legs that ache or feel heavy when you walk.',
    steps: [
      'Walk at an easy pace for the minutes in your plan.',
      'Then stop and rest: sit down, or lean forward with your hands on a wall, a rail or your thighs.',
      'Rest for a minute or two, until your legs feel settled.',
      'Walk again, and repeat for the number of walks in your plan.',
    ],
    cues: [
      'Take your break when it is due, before your legs get bad.',
      'Pushing a trolley or using walking poles, leaning slightly forward, may let you walk further.',
      'Plan a route with benches or places to sit.',
    ],
    mistakes: [
      'Walking until your legs give out before you rest.',
      'Standing upright during the rest, which often does not ease the legs.',
      'Skipping the rest breaks to finish sooner.',
    ],
    feel: 'Your legs may start to ache or feel heavy towards the end of each walk, and settle with the rest.',
    stopIf: [
      'Your legs feel weak or numb and do not recover with rest.',
      'You have any new problem with your bladder or bowel, or numbness between your legs (get medical help straight away).',
      'You get chest pain, feel very short of breath or feel faint.',
    ],
    precautions: [],
    animation: { view: 'side', cycleSeconds: 1.2, keyframes: stepCycle },
    sources: ['S-STEN', 'S-GRADED'],
  },
  {
    id: 'stationary-cycling',
    name: 'Exercise bike',
    region: 'general',
    aims: ['aerobic'],
    equipment: ['bike'],
    position: 'sitting',
    movement: {
      // Seated with a slight forward lean for the whole ride: mild flexion, well short of end range.
      directions: ['flexion'],
      endRange: false,
      sustained: true,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      kind: 'duration',
      default: { sets: 1, minutes: 10, perDay: 1, daysPerWeek: 4 },
      bounds: {
        sets: { min: 1, max: 1, step: 1 },
        minutes: { min: 5, max: 45, step: 5 },
        perDay: { min: 1, max: 2 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['minutes'],
      secondsPerRep: 60,
      restSeconds: 0,
      rationale:
        'Aerobic exercise in minutes: start at a time the patient manages comfortably and add a set quota each week, by the clock (defaults). The slight forward lean suits neurogenic claudication.',
      sources: ['S-GRADED', 'S-STEN'],
    },
    chain: 'stationary-cycling',
    level: 1,
    regression: null,
    progression: null,
    summary:
      'Easy, steady pedalling to build fitness; the slight lean forward suits backs that dislike long walks.',
    steps: [
      'Set the seat so your knee is only slightly bent when the pedal is at the bottom.',
      'Sit with a slight lean forward and rest your hands on the handlebars.',
      'Pedal at an easy, steady pace with light resistance for the minutes in your plan.',
      'Pedal more slowly for the last minute before you stop.',
    ],
    cues: [
      'You should be able to talk while you pedal.',
      'Keep the resistance light to begin with.',
      'Keep your shoulders relaxed and your grip light.',
    ],
    mistakes: [
      'A seat so low or so high that your hips rock from side to side.',
      'Starting with heavy resistance.',
      'Gripping the handlebars tightly and hunching your shoulders.',
    ],
    feel: 'Warm and a little out of breath, with your legs working steadily.',
    stopIf: [
      'Pain spreads down your leg or gets sharper.',
      'Pain goes above 5 out of 10 and does not ease when you slow down.',
      'You get chest pain, feel very short of breath or feel faint.',
    ],
    precautions: [],
    animation: {
      // The right pedal goes round forwards: top, front, bottom, back; the left is opposite.
      view: 'side',
      cycleSeconds: 1.6,
      keyframes: [
        { at: 0, pose: onBike({ thigh: 331, shin: 232 }, { thigh: 312, shin: 273 }), label: 'top' },
        {
          at: 0.4,
          pose: onBike({ thigh: 342, shin: 257 }, { thigh: 307, shin: 250 }),
          label: 'push',
        },
        {
          at: 0.8,
          pose: onBike({ thigh: 312, shin: 273 }, { thigh: 331, shin: 232 }),
          label: 'bottom',
        },
        {
          at: 1.2,
          pose: onBike({ thigh: 307, shin: 250 }, { thigh: 342, shin: 257 }),
          label: 'back',
        },
      ],
    },
    sources: ['S-STEN', 'S-GRADED'],
  },
];
