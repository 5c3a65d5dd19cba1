import { crookLying, sitting, standing } from '../../skeleton/poses.js';
import type { Pose } from '../../skeleton/skeleton.js';
import type { Dosage, Exercise } from '../exercise.js';

/**
 * Strength for everyday tasks: bridges, the hip hinge and lifting, sit-to-stand, carries and
 * step-ups. The spine is held neutral in all of them; the hips and legs do the work.
 */

/** [S-ACSM] Strength default: 8–12 repetitions, 1–3 sets, 2–3 days a week; reps, then sets. */
const strengthDosage: Dosage = {
  kind: 'reps',
  default: { sets: 1, reps: 8, perDay: 1, daysPerWeek: 3 },
  bounds: {
    sets: { min: 1, max: 3, step: 1 },
    reps: { min: 8, max: 12, step: 2 },
    perDay: { min: 1, max: 1 },
    daysPerWeek: { min: 2, max: 3 },
  },
  progressionOrder: ['reps', 'sets'],
  secondsPerRep: 4,
  restSeconds: 60,
  rationale:
    'Strength: 8–12 repetitions, 1–3 sets, 2–3 days a week; add repetitions first, then sets (default).',
  sources: ['S-ACSM'],
};

const lumbarStopIf = [
  'Pain spreads down your leg or gets sharper.',
  'Pain during the exercise goes above 5 out of 10.',
];

// Bridge: shoulders stay on the floor, hips lift until shoulders, hips and knees line up.
const bridgeTop: Pose = {
  ...crookLying,
  hip: { x: -0.028, y: 0.177 },
  lowerTrunk: 205,
  upperTrunk: 205,
  left: { ...crookLying.left, thigh: 19, shin: 288 },
  right: { ...crookLying.right, thigh: 19, shin: 288 },
};
// Single-leg bridge: the left knee is straight, thighs level, before the hips lift.
const singleLegStart: Pose = { ...crookLying, left: { ...crookLying.left, shin: 50 } };
const singleLegTop: Pose = { ...bridgeTop, left: { ...bridgeTop.left, thigh: 22, shin: 22 } };

// Standing with the hands resting on the front of the thighs.
const handsOnThighs: Pose = {
  ...standing,
  left: { ...standing.left, forearm: 275 },
  right: { ...standing.right, forearm: 275 },
};
// Hinge: hips back, knees soft, back long, hands sliding down the thighs; feet stay put.
const hinged: Pose = {
  ...standing,
  hip: { x: -0.1, y: 0.46 },
  lowerTrunk: 45,
  upperTrunk: 45,
  head: 50,
  left: { upperArm: 240, forearm: 255, thigh: 298, shin: 266, foot: 0 },
  right: { upperArm: 240, forearm: 255, thigh: 298, shin: 266, foot: 0 },
};
// Reaching a box on a low surface (about chair-seat height): hips back, knees bent, back long.
const lowGrip: Pose = {
  ...standing,
  hip: { x: -0.1, y: 0.42 },
  lowerTrunk: 45,
  upperTrunk: 45,
  head: 60,
  left: { upperArm: 272, forearm: 272, thigh: 312, shin: 255, foot: 0 },
  right: { upperArm: 272, forearm: 272, thigh: 312, shin: 255, foot: 0 },
};
// Reaching a box on the floor: deeper through hips and knees, back still long.
const floorGrip: Pose = {
  ...standing,
  hip: { x: -0.16, y: 0.26 },
  lowerTrunk: 40,
  upperTrunk: 40,
  head: 60,
  left: { upperArm: 275, forearm: 275, thigh: 353, shin: 250, foot: 0 },
  right: { upperArm: 275, forearm: 275, thigh: 353, shin: 250, foot: 0 },
};
// Standing tall holding the box close to the body.
const holdingBox: Pose = {
  ...standing,
  left: { ...standing.left, upperArm: 280, forearm: 10 },
  right: { ...standing.right, upperArm: 280, forearm: 10 },
};

// Sit-to-stand, arms crossed on the chest; the feet stay where they are (ankles at x 0.245).
const crossedArms = { upperArm: 275, forearm: 60 };
const seated: Pose = {
  ...sitting,
  left: { ...sitting.left, ...crossedArms },
  right: { ...sitting.right, ...crossedArms },
};
const leanForward: Pose = { ...seated, lowerTrunk: 55, upperTrunk: 55, head: 65 };
const risen: Pose = {
  ...standing,
  hip: { x: 0.245, y: 0.5 },
  left: { ...crossedArms, thigh: 278, shin: 262, foot: 0 },
  right: { ...crossedArms, thigh: 278, shin: 262, foot: 0 },
};
const halfwayDown: Pose = {
  ...seated,
  hip: { x: 0.1, y: 0.34 },
  lowerTrunk: 60,
  upperTrunk: 60,
  head: 70,
  left: { ...crossedArms, thigh: 337, shin: 251, foot: 0 },
  right: { ...crossedArms, thigh: 337, shin: 251, foot: 0 },
};
const justAboveSeat: Pose = {
  ...halfwayDown,
  hip: { x: 0.06, y: 0.3 },
  left: { ...crossedArms, thigh: 349, shin: 257, foot: 0 },
  right: { ...crossedArms, thigh: 349, shin: 257, foot: 0 },
};

// Walking (side view), one stride: right heel down, passing, left heel down, passing.
const stride = (left: Pose['left'], right: Pose['right']): Pose => ({ ...standing, left, right });
const heelDown = { thigh: 288, shin: 280, foot: 10 };
const pushOff = { thigh: 253, shin: 240, foot: 330 };
const swing = { thigh: 280, shin: 235, foot: 330 };
const stance = { thigh: 270, shin: 270, foot: 0 };
const armsDown = { upperArm: 270, forearm: 270 };

// Step-up onto a low step (0.05 body heights): right foot on the step at x 0.2.
const oneFootOnStep: Pose = { ...standing, right: { ...standing.right, thigh: 304, shin: 285 } };
const pushingUp: Pose = {
  ...standing,
  hip: { x: 0.12, y: 0.52 },
  lowerTrunk: 85,
  upperTrunk: 85,
  head: 88,
  left: { ...standing.left, thigh: 250, shin: 245, foot: 310 },
  right: { ...standing.right, thigh: 293, shin: 266 },
};
const onStep: Pose = { ...standing, hip: { x: 0.2, y: 0.54 } };
const steppingDown: Pose = {
  ...standing,
  hip: { x: 0.12, y: 0.5 },
  left: { ...standing.left, thigh: 262, shin: 262 },
  right: { ...standing.right, thigh: 301, shin: 259 },
};

/** Function and strength. */
export const functionExercises: readonly Exercise[] = [
  {
    id: 'glute-bridge',
    name: 'Glute bridge',
    region: 'lumbar',
    aims: ['strength', 'function'],
    equipment: ['mat'],
    position: 'supine',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: { ...strengthDosage, secondsPerRep: 5 },
    chain: 'glute-bridge',
    level: 1,
    regression: null,
    progression: 'single-leg-bridge',
    summary: 'Strengthens your buttock muscles so your hips, not your back, do the lifting.',
    steps: [
      'Lie on your back with your knees bent and your feet flat on the floor, hip-width apart.',
      'Rest your arms by your sides. Gently tighten your tummy muscles.',
      'Squeeze your buttocks and lift your hips until your shoulders, hips and knees make a straight line.',
      'Hold for two breaths, then lower your hips slowly back to the floor.',
    ],
    cues: [
      'Push through your heels.',
      'Keep your back still: the movement comes from your hips.',
      'Breathe out as you lift.',
    ],
    mistakes: [
      'Lifting so high that your back arches.',
      'Letting your knees fall in or out.',
      'Holding your breath.',
    ],
    feel: 'Work in your buttocks and the backs of your thighs, not in your lower back.',
    stopIf: [...lumbarStopIf, 'You get cramp in the back of your thigh that does not ease.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 5,
      keyframes: [
        { at: 0, pose: crookLying, label: 'start' },
        { at: 1.5, pose: bridgeTop, label: 'lift' },
        { at: 3, pose: bridgeTop, label: 'hold' },
      ],
    },
    sources: ['S-JOSPT', 'S-ACSM'],
  },
  {
    id: 'single-leg-bridge',
    name: 'Single-leg bridge',
    region: 'lumbar',
    aims: ['strength', 'function'],
    equipment: ['mat'],
    position: 'supine',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      ...strengthDosage,
      secondsPerRep: 10,
      rationale:
        'Strength: 8–12 repetitions on each leg, 1–3 sets, 2–3 days a week; add repetitions first, then sets (default).',
    },
    chain: 'glute-bridge',
    level: 2,
    regression: 'glute-bridge',
    progression: null,
    summary: 'A harder bridge on one leg that builds hip strength and keeps your pelvis steady.',
    steps: [
      'Lie on your back with your knees bent and your feet flat on the floor.',
      'Straighten one knee so that leg is in the air and both thighs are level.',
      'Push through the heel on the floor and lift your hips until your body makes a straight line.',
      'Hold for two breaths, then lower slowly. Do all your repetitions, then switch legs.',
    ],
    cues: [
      'Keep your hips level, as if balancing a glass of water on your tummy.',
      'Keep the raised leg in line with the other thigh.',
      'Breathe out as you lift.',
    ],
    mistakes: [
      'Letting one hip drop lower than the other.',
      'Arching your back to get higher.',
      'Pushing down with your arms to help.',
    ],
    feel: 'Strong work in the buttock and back of the thigh of the leg on the floor.',
    stopIf: [...lumbarStopIf, 'You get cramp in the back of your thigh that does not ease.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 5,
      keyframes: [
        { at: 0, pose: singleLegStart, label: 'start' },
        { at: 1.5, pose: singleLegTop, label: 'lift' },
        { at: 3, pose: singleLegTop, label: 'hold' },
      ],
    },
    sources: ['S-JOSPT', 'S-ACSM'],
  },
  {
    id: 'hip-hinge',
    name: 'Hip hinge',
    region: 'lumbar',
    aims: ['function', 'strength'],
    equipment: ['none'],
    position: 'standing',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: { ...strengthDosage, secondsPerRep: 4 },
    chain: 'hip-hinge',
    level: 1,
    regression: null,
    progression: 'lifting-technique',
    summary:
      'Teaches you to bend forward from your hips with a long back, the base of safe lifting.',
    steps: [
      'Stand with your feet hip-width apart and your hands resting on the front of your thighs.',
      'Soften your knees a little.',
      'Push your hips back as if closing a car door with your bottom, letting your chest come forward.',
      'Slide your hands down towards your knees while your back stays long.',
      'Squeeze your buttocks and push your hips forward to stand tall again.',
    ],
    cues: [
      'Think "hips back", not "head down".',
      'Keep your back long, from your tailbone to the top of your head.',
      'To check, hold a broom handle along your back: it should touch your head, upper back and tailbone all the way.',
    ],
    mistakes: [
      'Rounding your back to reach lower.',
      'Bending your knees so much that it becomes a squat.',
      'Looking up and craning your neck.',
    ],
    feel: 'A stretch in the backs of your thighs and work in your buttocks as you stand up.',
    stopIf: lumbarStopIf,
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 4,
      keyframes: [
        { at: 0, pose: handsOnThighs, label: 'start' },
        { at: 2, pose: hinged, label: 'hinge' },
      ],
    },
    sources: ['S-JOSPT', 'S-ACSM'],
  },
  {
    id: 'lifting-technique',
    name: 'Lifting from a low surface',
    region: 'general',
    aims: ['function', 'strength'],
    equipment: ['weight', 'chair'],
    position: 'standing',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'loaded',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: { ...strengthDosage, secondsPerRep: 6 },
    chain: 'hip-hinge',
    level: 2,
    regression: 'hip-hinge',
    progression: 'floor-lift',
    summary:
      'Practises lifting a light box the way your body handles best, so lifting feels safe again.',
    steps: [
      'Put a light box or bag on a chair seat or low table. Stand close to it, feet hip-width apart.',
      'Push your hips back and bend your knees until you can hold the box with a long back.',
      'Hold the box firmly and bring it close to your body.',
      'Push through your feet and stand up tall, keeping the box close.',
      'Put it back down the same way: hips back, knees bent, back long.',
    ],
    cues: [
      'Keep the box close to your tummy.',
      'Breathe out as you stand up.',
      'Turn with your feet, not your back, if you need to change direction.',
    ],
    mistakes: [
      'Reaching for the box with straight legs and a rounded back.',
      'Holding the box far out in front of you.',
      'Twisting while holding the box.',
    ],
    feel: 'Work in your legs and buttocks; your back feels steady, not strained.',
    stopIf: lumbarStopIf,
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 6,
      keyframes: [
        { at: 0, pose: standing, label: 'start' },
        { at: 1.5, pose: lowGrip, label: 'hold the box' },
        { at: 3, pose: holdingBox, label: 'stand up' },
        { at: 4.5, pose: lowGrip, label: 'put it down' },
      ],
    },
    sources: ['S-JOSPT', 'S-ACSM'],
  },
  {
    id: 'floor-lift',
    name: 'Lifting from the floor',
    region: 'general',
    aims: ['function', 'strength'],
    equipment: ['weight'],
    position: 'standing',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'loaded',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: { ...strengthDosage, secondsPerRep: 6 },
    chain: 'hip-hinge',
    level: 3,
    regression: 'lifting-technique',
    progression: null,
    summary: 'Builds your confidence and strength to lift things from the floor in daily life.',
    steps: [
      'Put a light box on the floor. Stand close to it with your feet either side or just behind it.',
      'Push your hips back and bend your knees to lower yourself, keeping your back long.',
      'Hold the box firmly and pull it in towards you.',
      'Push through your feet and stand up tall, keeping the box close.',
      'Lower it back to the floor the same way.',
    ],
    cues: [
      'Your legs do the lifting; your back stays long and still.',
      'Keep the box close to your body all the way.',
      'Start light, and add weight only when it feels easy.',
    ],
    mistakes: [
      'Bending over the box with straight legs.',
      'Jerking the box up quickly.',
      'Twisting to put the box down to one side.',
    ],
    feel: 'Strong work in your thighs and buttocks; your back feels steady, not strained.',
    stopIf: lumbarStopIf,
    precautions: [
      {
        when: 'discRadicular',
        effect: 'caution',
        note: 'A floor lift asks for deep bending at the hips and easily rounds the back under load; keep the box light while leg symptoms are settling.',
        sources: ['S-MDT'],
      },
    ],
    animation: {
      view: 'side',
      cycleSeconds: 6,
      keyframes: [
        { at: 0, pose: standing, label: 'start' },
        { at: 1.5, pose: floorGrip, label: 'hold the box' },
        { at: 3, pose: holdingBox, label: 'stand up' },
        { at: 4.5, pose: floorGrip, label: 'put it down' },
      ],
    },
    sources: ['S-JOSPT', 'S-ACSM'],
  },
  {
    id: 'sit-to-stand',
    name: 'Sit to stand',
    region: 'general',
    aims: ['function', 'strength'],
    equipment: ['chair'],
    position: 'sitting',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: { ...strengthDosage, secondsPerRep: 5 },
    chain: 'sit-to-stand',
    level: 1,
    regression: null,
    progression: 'sit-to-stand-slow-lower',
    summary: 'Strengthens your legs for getting up from a chair, the car or the toilet with ease.',
    steps: [
      'Sit near the front of a firm chair with your feet flat on the floor, hip-width apart.',
      'Cross your arms over your chest.',
      'Lean forward from your hips until your nose is over your toes.',
      'Push through your feet and stand up tall.',
      'Push your hips back and sit down with control.',
    ],
    cues: [
      'Keep your back long as you lean forward.',
      'Keep your knees in line with your toes.',
      'Use your hands on the chair only if you need to at first.',
    ],
    mistakes: [
      'Flopping back into the chair.',
      'Letting your knees fall in towards each other.',
      'Rocking and throwing yourself up.',
    ],
    feel: 'Work in your thighs and buttocks.',
    stopIf: [...lumbarStopIf, 'You feel dizzy or unsteady when you stand up.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 5,
      keyframes: [
        { at: 0, pose: seated, label: 'start' },
        { at: 1, pose: leanForward, label: 'lean' },
        { at: 2.5, pose: risen, label: 'stand' },
        { at: 4, pose: justAboveSeat, label: 'sit down' },
      ],
    },
    sources: ['S-JOSPT', 'S-ACSM'],
  },
  {
    id: 'sit-to-stand-slow-lower',
    name: 'Sit to stand with a slow sit-down',
    region: 'general',
    aims: ['function', 'strength'],
    equipment: ['chair'],
    position: 'sitting',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: { ...strengthDosage, secondsPerRep: 7 },
    chain: 'sit-to-stand',
    level: 2,
    regression: 'sit-to-stand',
    progression: null,
    summary: 'A harder sit to stand: taking your time on the way down builds more leg strength.',
    steps: [
      'Sit near the front of a firm chair with your feet flat and your arms crossed over your chest.',
      'Lean forward from your hips and stand up tall.',
      'Push your hips back and lower yourself slowly, counting to four.',
      'Touch the chair lightly, then stand straight up again without resting.',
    ],
    cues: [
      'Count "one, two, three, four" on the way down.',
      'Keep your back long and your knees over your toes.',
      'Breathe steadily; do not hold your breath.',
    ],
    mistakes: [
      'Dropping the last part of the way into the chair.',
      'Letting your knees fall in towards each other.',
      'Rounding your back as you lower.',
    ],
    feel: 'Strong work in your thighs and buttocks, especially on the way down.',
    stopIf: [...lumbarStopIf, 'You feel dizzy or unsteady when you stand up.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 6.5,
      keyframes: [
        { at: 0, pose: seated, label: 'start' },
        { at: 1, pose: leanForward, label: 'lean' },
        { at: 2, pose: risen, label: 'stand' },
        { at: 3.5, pose: halfwayDown, label: 'lower slowly' },
        { at: 5, pose: justAboveSeat, label: 'touch the chair' },
      ],
    },
    sources: ['S-JOSPT', 'S-ACSM'],
  },
  {
    id: 'farmer-carry',
    name: "Farmer's carry",
    region: 'lumbar',
    aims: ['function', 'strength'],
    equipment: ['weight'],
    position: 'walking',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'loaded',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      ...strengthDosage,
      secondsPerRep: 12,
      restSeconds: 90,
      rationale:
        'Strength: 8–12 repetitions (one repetition is one walk of about 10 steps), 1–3 sets, 2–3 days a week; add repetitions first, then sets (default).',
    },
    chain: 'carry',
    level: 1,
    regression: null,
    progression: 'suitcase-carry',
    summary: 'Walking tall with a bag in each hand builds the strength for carrying shopping.',
    steps: [
      'Hold a bag of the same weight in each hand, arms by your sides.',
      'Stand tall with your shoulders gently back and down.',
      'Walk about 10 steps at a steady pace. That is one repetition.',
      'Turn around with small steps and walk back.',
      'Put the bags down by bending your hips and knees, with a long back.',
    ],
    cues: [
      'Stand tall, as if a string pulls the top of your head up.',
      'Keep your tummy muscles gently firm.',
      'Take normal, even steps.',
    ],
    mistakes: [
      'Leaning forward or backwards.',
      'Shrugging your shoulders up to your ears.',
      'Picking up bags that are too heavy to walk with normally.',
    ],
    feel: 'Work in your grip, shoulders and tummy; your back feels steady.',
    stopIf: lumbarStopIf,
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 2,
      keyframes: [
        { at: 0, pose: stride({ ...armsDown, ...pushOff }, { ...armsDown, ...heelDown }) },
        { at: 0.5, pose: stride({ ...armsDown, ...swing }, { ...armsDown, ...stance }) },
        { at: 1, pose: stride({ ...armsDown, ...heelDown }, { ...armsDown, ...pushOff }) },
        { at: 1.5, pose: stride({ ...armsDown, ...stance }, { ...armsDown, ...swing }) },
      ],
    },
    sources: ['S-MCGILL', 'S-ACSM'],
  },
  {
    id: 'suitcase-carry',
    name: 'Suitcase carry',
    region: 'lumbar',
    aims: ['function', 'strength'],
    equipment: ['weight'],
    position: 'walking',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'loaded',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      ...strengthDosage,
      secondsPerRep: 12,
      restSeconds: 90,
      rationale:
        'Strength: 8–12 repetitions (one repetition is one walk of about 10 steps, switching hands each time), 1–3 sets, 2–3 days a week; add repetitions first, then sets (default).',
    },
    chain: 'carry',
    level: 2,
    regression: 'farmer-carry',
    progression: null,
    summary:
      'Carrying a bag in one hand trains the muscles at the side of your trunk to keep you upright.',
    steps: [
      'Hold a bag in one hand, arm by your side. Keep the other hand free.',
      'Stand tall with your shoulders level.',
      'Walk about 10 steps at a steady pace without leaning. That is one repetition.',
      'Turn around, switch the bag to the other hand and walk back.',
      'Put the bag down by bending your hips and knees, with a long back.',
    ],
    cues: [
      'Keep your shoulders level, as if carrying a tray of drinks on them.',
      'Do not let the bag pull you to the side.',
      'Keep your tummy muscles gently firm.',
    ],
    mistakes: [
      'Leaning away from the bag or towards it.',
      'Hitching the shoulder up on the side of the bag.',
      'Using a bag so heavy that you cannot stay upright.',
    ],
    feel: 'Work along the side of your trunk opposite the bag, and in your grip.',
    stopIf: lumbarStopIf,
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 2,
      keyframes: [
        { at: 0, pose: stride({ ...armsDown, ...pushOff }, { ...armsDown, ...heelDown }) },
        { at: 0.5, pose: stride({ ...armsDown, ...swing }, { ...armsDown, ...stance }) },
        { at: 1, pose: stride({ ...armsDown, ...heelDown }, { ...armsDown, ...pushOff }) },
        { at: 1.5, pose: stride({ ...armsDown, ...stance }, { ...armsDown, ...swing }) },
      ],
    },
    sources: ['S-MCGILL', 'S-ACSM'],
  },
  {
    id: 'step-up',
    name: 'Step-up',
    region: 'lumbar',
    aims: ['function', 'strength'],
    equipment: ['step'],
    position: 'standing',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      ...strengthDosage,
      secondsPerRep: 8,
      rationale:
        'Strength: 8–12 repetitions leading with each leg, 1–3 sets, 2–3 days a week; add repetitions first, then sets (default).',
    },
    chain: 'step-up',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Builds leg strength and balance for stairs, kerbs and getting on a bus.',
    steps: [
      'Stand facing a low, sturdy step. Hold a rail or a wall if you need to.',
      'Place one whole foot on the step.',
      'Push through that foot to step up, and bring the other foot up beside it.',
      'Step down with the second foot first, then the first.',
      'Do all your repetitions leading with one leg, then switch legs.',
    ],
    cues: [
      'Keep your back tall and lean forward only slightly.',
      'Keep your knee in line with your toes.',
      'Start with a low step and use a higher one, such as the bottom stair, as it gets easier.',
    ],
    mistakes: [
      'Pushing off hard with the foot on the floor instead of the one on the step.',
      'Letting your knee fall in.',
      'Stepping down in a hurry.',
    ],
    feel: 'Work in the thigh and buttock of the leg on the step.',
    stopIf: [...lumbarStopIf, 'You feel unsteady or your knee hurts.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 4.5,
      keyframes: [
        { at: 0, pose: oneFootOnStep, label: 'start' },
        { at: 1, pose: pushingUp, label: 'push up' },
        { at: 2, pose: onStep, label: 'stand on the step' },
        { at: 3.5, pose: steppingDown, label: 'step down' },
      ],
    },
    sources: ['S-JOSPT', 'S-ACSM'],
  },
];
