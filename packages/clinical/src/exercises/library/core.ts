import { crookLying, quadruped } from '../../skeleton/poses.js';
import type { Limbs, Pose } from '../../skeleton/skeleton.js';
import type { Dosage, Exercise, MovementTags } from '../exercise.js';

/**
 * Core endurance and motor control: gentle isometrics (allowed before surgical clearance), and
 * the curl-up, plank, side plank, bird dog and dead bug chains. [S-MCGILL] [S-JOSPT] [S-FUSION]
 */

// ---------------------------------------------------------------------------------------------
// Local starting poses (side view unless said; the floor at y = 0). Worked out so that the
// elbows, knees or toes touch the floor and the trunk stays one straight line (neutral spine).
// ---------------------------------------------------------------------------------------------

const both = (limbs: Limbs): Pick<Pose, 'left' | 'right'> => ({ left: limbs, right: limbs });

/** Crook lying with the hands resting on the lower belly. */
const crookLyingHandsOnBelly: Pose = {
  ...crookLying,
  ...both({ ...crookLying.left, upperArm: 356, forearm: 16 }),
};

/** McGill curl-up start: one knee bent (left), the other leg straight, hands under the low back. */
const curlUpStart: Pose = {
  ...crookLying,
  right: { ...crookLying.right, thigh: 0, shin: 0, foot: 90 },
};
/** Head and shoulders lifted a little as one unit (the neck stays in line with the trunk). */
const curlUpTop: Pose = {
  ...curlUpStart,
  upperTrunk: 168,
  head: 166,
  left: { ...curlUpStart.left, upperArm: 343 },
  right: { ...curlUpStart.right, upperArm: 343 },
};
const elbowsRaised = { upperArm: 20, forearm: 330 } as const;
const curlUpElbowsRaisedStart: Pose = {
  ...curlUpStart,
  left: { ...curlUpStart.left, ...elbowsRaised },
  right: { ...curlUpStart.right, ...elbowsRaised },
};
const curlUpElbowsRaisedTop: Pose = {
  ...curlUpTop,
  left: { ...curlUpTop.left, upperArm: 8, forearm: 322 },
  right: { ...curlUpTop.right, upperArm: 8, forearm: 322 },
};

/** Elbows under the shoulders, forearms on the floor pointing forward. */
const onForearms = { upperArm: 270, forearm: 0 } as const;

/** Lying face down propped on the forearms, hips resting on the floor, knees bent to the floor. */
const forearmRestKnees: Pose = {
  hip: { x: 0, y: 0.05 },
  lowerTrunk: 23.6,
  upperTrunk: 23.6,
  head: 20,
  ...both({ ...onForearms, thigh: 192, shin: 180, foot: 180 }),
};
/** Plank from the knees: knees, hips and shoulders in one line. */
const kneelingPlank: Pose = {
  hip: { x: 0, y: 0.0765 },
  lowerTrunk: 18,
  upperTrunk: 18,
  head: 15,
  ...both({ ...onForearms, thigh: 198, shin: 180, foot: 180 }),
};
/** Lying face down propped on the forearms, legs straight, toes tucked under. */
const forearmRestLegsStraight: Pose = {
  hip: { x: 0, y: 0.05 },
  lowerTrunk: 23.6,
  upperTrunk: 23.6,
  head: 20,
  ...both({ ...onForearms, thigh: 180, shin: 180, foot: 220 }),
};
/** Full plank on forearms and toes: heels, hips and shoulders in one line. */
const forearmPlank: Pose = {
  hip: { x: 0, y: 0.134 },
  lowerTrunk: 6.6,
  upperTrunk: 6.6,
  head: 5,
  ...both({ ...onForearms, thigh: 186.6, shin: 186.6, foot: 260 }),
};
const plankOneLegLifted: Pose = {
  ...forearmPlank,
  right: { ...forearmPlank.right, thigh: 178, shin: 178 },
};

// Side planks, front view: the figure lies on its left side (its left is the lower side), the
// head to the right, seen from its front; bottom elbow under the shoulder, top hand on the hip.
const topArmOnHip = { upperArm: 200, forearm: 190 } as const;
/** Lying on the side propped on the elbow, hips on the floor. */
const sideLyingOnElbow = (legs: Pick<Limbs, 'thigh' | 'shin' | 'foot'>): Pose => ({
  hip: { x: 0, y: 0.097 },
  lowerTrunk: 33,
  upperTrunk: 33,
  head: 33,
  left: { ...onForearms, ...legs },
  right: { ...topArmOnHip, ...legs },
});
const sideRestKneesBent = sideLyingOnElbow({ thigh: 186, shin: 180, foot: 180 });
const sideRestLegsStraight = sideLyingOnElbow({ thigh: 183, shin: 183, foot: 183 });
/** Side plank from the knees: knees, hips and shoulders in one line. */
const sidePlankKnees: Pose = {
  hip: { x: 0, y: 0.17 },
  lowerTrunk: 20,
  upperTrunk: 20,
  head: 20,
  left: { ...onForearms, thigh: 200, shin: 180, foot: 180 },
  right: { ...topArmOnHip, thigh: 200, shin: 180, foot: 180 },
};
/** Full side plank on the elbow and the side of the feet. */
const sidePlankFull: Pose = {
  hip: { x: 0, y: 0.207 },
  lowerTrunk: 13.5,
  upperTrunk: 13.5,
  head: 13.5,
  left: { ...onForearms, thigh: 193.5, shin: 193.5, foot: 193.5 },
  right: { ...topArmOnHip, thigh: 193.5, shin: 193.5, foot: 193.5 },
};

/** On all fours, one leg slid straight back, toes on the floor. */
const quadrupedLegSlid: Pose = {
  ...quadruped,
  right: { ...quadruped.right, thigh: 201, shin: 201, foot: 240 },
};
/** Bird dog: left arm reaching forward, right leg reaching back, both about level with the back. */
const birdDogReach: Pose = {
  ...quadruped,
  left: { ...quadruped.left, upperArm: 12, forearm: 12 },
  right: { ...quadruped.right, thigh: 182, shin: 182, foot: 270 },
};

/** Lying on the back, hips and knees bent to a right angle (table top), arms by the sides. */
const tableTop: Pose = {
  ...crookLying,
  ...both({ ...crookLying.left, thigh: 90, shin: 0, foot: 60 }),
};
/** One bent leg lowered until the heel touches the floor. */
const heelDown: Limbs = { ...tableTop.right, thigh: 40, shin: 310, foot: 0 };
const heelTapRight: Pose = { ...tableTop, right: heelDown };
const heelTapLeft: Pose = { ...tableTop, left: heelDown };
/** Table top with both arms reaching up to the ceiling. */
const deadBugStart: Pose = {
  ...tableTop,
  ...both({ ...tableTop.left, upperArm: 90, forearm: 90 }),
};
/** One arm lowered overhead and the opposite leg straightened out, both hovering. */
const armOverhead: Limbs = { ...deadBugStart.left, upperArm: 165, forearm: 165 };
const legOut: Limbs = { ...deadBugStart.left, thigh: 18, shin: 18, foot: 60 };
const deadBugLeftArmRightLeg: Pose = { ...deadBugStart, left: armOverhead, right: legOut };
const deadBugRightArmLeftLeg: Pose = { ...deadBugStart, left: legOut, right: armOverhead };

// ---------------------------------------------------------------------------------------------
// Shared tags and doses
// ---------------------------------------------------------------------------------------------

/** A very gentle tightening with no spinal movement, lying down. [S-FUSION] */
const gentleIsometricTags: MovementTags = {
  directions: ['neutral'],
  endRange: false,
  sustained: true,
  load: 'unloaded',
  rotationForce: 'none',
  gentleIsometric: true,
};

/** The spine held still against body weight (plank, side plank, bird dog). */
const neutralHoldTags: MovementTags = {
  directions: ['neutral'],
  endRange: false,
  sustained: true,
  load: 'bodyweight',
  rotationForce: 'none',
  gentleIsometric: false,
};

/**
 * Core endurance holds: about 10 s each, repetitions in a descending pyramid (e.g. 6, then 4,
 * then 2 in later rounds), daily. Progress repetitions, then rounds, then the next level of the
 * chain — never the hold length. [S-MCGILL]
 */
const coreEnduranceHolds: Dosage = {
  kind: 'hold',
  // Two rounds of a descending pyramid by default: 6 holds, then 4. [S-MCGILL]
  default: { sets: 2, reps: 6, holdSeconds: 10, perDay: 1, daysPerWeek: 7 },
  pyramid: { step: 2 },
  bounds: {
    sets: { min: 1, max: 3, step: 1 },
    reps: { min: 4, max: 10, step: 2 },
    holdSeconds: { min: 8, max: 10, step: 1 },
    perDay: { min: 1, max: 2 },
    daysPerWeek: { min: 5, max: 7 },
  },
  progressionOrder: ['reps', 'sets'],
  secondsPerRep: 14,
  restSeconds: 30,
  rationale:
    'Core endurance: holds of about 10 seconds, repetitions in a descending pyramid (6-4-2: each round 2 fewer), daily; progress repetitions, then rounds, then the next level — not hold length (defaults).',
  sources: ['S-MCGILL'],
};

/** Gentle activation: the same short holds, and it may be repeated through the day. */
const gentleActivationHolds: Dosage = {
  ...coreEnduranceHolds,
  bounds: { ...coreEnduranceHolds.bounds, perDay: { min: 1, max: 3 } },
  secondsPerRep: 13,
  restSeconds: 20,
  rationale:
    'Gentle activation: holds of about 10 seconds, repetitions in a descending pyramid (e.g. 6-4-2; reps is the first round), daily, and may be repeated through the day; with walking and breathing, what is allowed before surgical clearance. Progress repetitions, then rounds, not hold length (defaults).',
  sources: ['S-MCGILL', 'S-FUSION'],
};

/**
 * Dead bug chain: slow controlled repetitions (one repetition = each side once), in the same
 * small numbers and daily rhythm as the core endurance holds. [S-MCGILL]
 */
const deadBugReps: Dosage = {
  kind: 'reps',
  default: { sets: 1, reps: 6, perDay: 1, daysPerWeek: 7 },
  bounds: {
    sets: { min: 1, max: 3, step: 1 },
    reps: { min: 4, max: 10, step: 2 },
    perDay: { min: 1, max: 2 },
    daysPerWeek: { min: 5, max: 7 },
  },
  progressionOrder: ['reps', 'sets'],
  secondsPerRep: 8,
  restSeconds: 30,
  rationale:
    'Core endurance and control: slow repetitions with a short pause (one repetition = both sides), small numbers, daily; progress repetitions, then sets, then the next level (defaults).',
  sources: ['S-MCGILL'],
};

const osteoporosisCurlUp = {
  when: 'osteoporosis',
  effect: 'avoid',
  note: 'Osteoporosis or vertebral fragility: curl-ups (trunk flexion under effort) are avoided; offer planks, bird dog or bridging instead.',
  sources: ['S-OSTEO'],
} as const;

const stopForLegSymptoms = 'Pain, tingling or numbness spreads down your leg.';
const stopForPain = 'Pain during the exercise goes above 5 out of 10.';

// ---------------------------------------------------------------------------------------------
// Exercises
// ---------------------------------------------------------------------------------------------

/** Core endurance and motor control. */
export const coreExercises: readonly Exercise[] = [
  // --- Gentle isometrics (allowed before surgical clearance) ---------------------------------
  {
    id: 'abdominal-bracing',
    name: 'Abdominal bracing',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'supine',
    movement: gentleIsometricTags,
    dosage: gentleActivationHolds,
    chain: 'abdominal-bracing',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Gently wakes up the deep tummy muscles that support your back, without moving it.',
    steps: [
      'Lie on your back with your knees bent and your feet flat on the floor.',
      'Rest your hands on your lower belly.',
      'Breathe out, then gently tighten your tummy as if getting ready for a small nudge.',
      'Keep breathing normally and hold for about 10 seconds.',
      'Let go slowly and rest for a few breaths before the next one.',
    ],
    cues: [
      'Use only a little effort, about a quarter of your strongest squeeze.',
      'Your back stays still: no pressing it into the floor, no arching.',
      'Keep breathing the whole time.',
    ],
    mistakes: [
      'Holding your breath.',
      'Sucking your belly in hard or pushing it out.',
      'Tensing your shoulders, jaw or neck.',
    ],
    feel: 'A light firmness under your hands, while you can still breathe and talk easily.',
    stopIf: [stopForLegSymptoms, stopForPain, 'You feel dizzy or short of breath.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: crookLyingHandsOnBelly, label: 'relax' },
        { at: 2, pose: crookLyingHandsOnBelly, label: 'tighten gently' },
        { at: 12, pose: crookLyingHandsOnBelly, label: 'let go' },
      ],
    },
    sources: ['S-MCGILL', 'S-FUSION', 'S-JOSPT'],
  },
  {
    id: 'isometric-glute-squeeze',
    name: 'Buttock squeeze',
    region: 'lumbar',
    aims: ['strength', 'coreEndurance'],
    equipment: ['mat'],
    position: 'supine',
    movement: gentleIsometricTags,
    dosage: gentleActivationHolds,
    chain: 'isometric-glute-squeeze',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Gently switches on your buttock muscles while your back rests and stays still.',
    steps: [
      'Lie on your back with your knees bent and your feet flat on the floor.',
      'Let your arms rest by your sides.',
      'Gently squeeze your buttocks together.',
      'Keep breathing normally and hold for about 10 seconds.',
      'Relax fully and rest for a few breaths before the next one.',
    ],
    cues: [
      'A gentle squeeze is enough; it should not be a strain.',
      'Your hips stay on the floor: this is a squeeze, not a lift.',
      'Breathe slowly and evenly.',
    ],
    mistakes: [
      'Lifting your hips or arching your back.',
      'Holding your breath.',
      'Pushing hard through your feet.',
    ],
    feel: 'A gentle tightening in your buttocks and nothing more in your back.',
    stopIf: [stopForLegSymptoms, stopForPain, 'You get cramp in your buttock or thigh.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: crookLying, label: 'relax' },
        { at: 2, pose: crookLying, label: 'squeeze' },
        { at: 12, pose: crookLying, label: 'let go' },
      ],
    },
    sources: ['S-FUSION', 'S-MCGILL'],
  },
  {
    id: 'pelvic-floor-activation',
    name: 'Pelvic floor lift',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'supine',
    movement: gentleIsometricTags,
    dosage: gentleActivationHolds,
    chain: 'pelvic-floor-activation',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Gently lifts the muscles at the base of your body that work with your deep tummy.',
    steps: [
      'Lie on your back with your knees bent and your feet flat on the floor.',
      'Breathe in and let your belly rise softly.',
      'As you breathe out, gently lift the muscles you would use to stop passing wind or urine.',
      'Keep the lift and keep breathing for about 10 seconds.',
      'Let go fully and rest for a few breaths before the next one.',
    ],
    cues: [
      'Think of a gentle lift inwards and upwards, not a hard clench.',
      'Keep your buttocks, thighs and back relaxed.',
      'Letting go fully matters as much as the lift.',
    ],
    mistakes: [
      'Squeezing your buttocks or thighs instead.',
      'Holding your breath or bearing down.',
      'Practising while passing urine.',
    ],
    feel: 'A light lifting feeling low in your body, with your back resting and still.',
    stopIf: [stopForLegSymptoms, stopForPain, 'You feel pain in your pelvis or groin.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: crookLying, label: 'breathe in' },
        { at: 2, pose: crookLying, label: 'lift and hold' },
        { at: 12, pose: crookLying, label: 'let go' },
      ],
    },
    sources: ['S-FUSION', 'S-JOSPT'],
  },

  // --- Curl-up chain -------------------------------------------------------------------------
  {
    id: 'curl-up',
    name: 'Curl-up',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'supine',
    movement: {
      directions: ['flexion'],
      endRange: false,
      sustained: true,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: coreEnduranceHolds,
    chain: 'curl-up',
    level: 1,
    regression: null,
    progression: 'curl-up-elbows-raised',
    summary: 'Builds endurance in your front tummy muscles while your lower back stays supported.',
    steps: [
      'Lie on your back with one knee bent and the other leg straight.',
      'Slide your hands, palms down, under the small of your back.',
      'Gently tighten your tummy.',
      'Lift your head and shoulders just a little off the floor, keeping your neck still.',
      'Hold for about 10 seconds while breathing, then lower slowly.',
      'Halfway through, swap which knee is bent.',
    ],
    cues: [
      'The lift is small: only your head and shoulders leave the floor.',
      'Move your head and chest together, as one piece.',
      'Keep the natural curve of your lower back resting on your hands.',
    ],
    mistakes: [
      'Tucking your chin to your chest or pulling on your head.',
      'Curling up too high, like a sit-up.',
      'Pressing your lower back flat into your hands.',
      'Holding your breath.',
    ],
    feel: 'Your tummy muscles working, with no strain in your neck or lower back.',
    stopIf: [stopForLegSymptoms, stopForPain, 'Your neck starts to hurt.'],
    precautions: [osteoporosisCurlUp],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: curlUpStart, label: 'start' },
        { at: 2, pose: curlUpTop, label: 'lift' },
        { at: 12, pose: curlUpTop, label: 'lower' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },
  {
    id: 'curl-up-elbows-raised',
    name: 'Curl-up with elbows raised',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'supine',
    movement: {
      directions: ['flexion'],
      endRange: false,
      sustained: true,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: coreEnduranceHolds,
    chain: 'curl-up',
    level: 2,
    regression: 'curl-up',
    progression: null,
    summary:
      'A harder curl-up: lifting your elbows asks your tummy muscles to do more of the work.',
    steps: [
      'Lie on your back with one knee bent and the other leg straight.',
      'Slide your hands, palms down, under the small of your back.',
      'Lift your elbows a little off the floor and keep them there.',
      'Gently tighten your tummy and lift your head and shoulders just a little.',
      'Hold for about 10 seconds while breathing, then lower slowly.',
      'Halfway through, swap which knee is bent.',
    ],
    cues: [
      'Keep your elbows up for the whole hold.',
      'The lift stays small, with your neck still.',
      'Breathe steadily while you hold.',
    ],
    mistakes: [
      'Letting your elbows drop to the floor to help.',
      'Nodding your chin forward.',
      'Curling up too high or holding your breath.',
    ],
    feel: 'Your tummy muscles working harder than in the basic curl-up, with a relaxed neck.',
    stopIf: [stopForLegSymptoms, stopForPain, 'Your neck or shoulders start to hurt.'],
    precautions: [osteoporosisCurlUp],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: curlUpElbowsRaisedStart, label: 'elbows up' },
        { at: 2, pose: curlUpElbowsRaisedTop, label: 'lift' },
        { at: 12, pose: curlUpElbowsRaisedTop, label: 'lower' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },

  // --- Plank chain (knees → feet → add limb movement) ----------------------------------------
  {
    id: 'plank-kneeling',
    name: 'Plank from the knees',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'prone',
    movement: neutralHoldTags,
    dosage: coreEnduranceHolds,
    chain: 'plank',
    level: 1,
    regression: null,
    progression: 'plank',
    summary: 'Builds endurance in the muscles around your trunk with a short lever: your knees.',
    steps: [
      'Lie on your front, propped on your forearms, with your elbows under your shoulders.',
      'Bend your knees so they rest on the floor.',
      'Gently tighten your tummy and lift your hips until your knees, hips and shoulders make a straight line.',
      'Hold for about 10 seconds while breathing, then lower your hips to rest.',
    ],
    cues: [
      'Keep your back flat like a table, not sagging and not peaked.',
      'Push the floor away gently with your forearms.',
      'Look at the floor just ahead of your hands.',
    ],
    mistakes: [
      'Letting your hips sag towards the floor.',
      'Pushing your bottom up high.',
      'Holding your breath.',
    ],
    feel: 'Your tummy, shoulders and buttocks working, with no ache building in your lower back.',
    stopIf: [stopForLegSymptoms, stopForPain, 'Your shoulder hurts.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: forearmRestKnees, label: 'rest' },
        { at: 2, pose: kneelingPlank, label: 'lift' },
        { at: 12, pose: kneelingPlank, label: 'lower' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },
  {
    id: 'plank',
    name: 'Plank',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'prone',
    movement: neutralHoldTags,
    dosage: coreEnduranceHolds,
    chain: 'plank',
    level: 2,
    regression: 'plank-kneeling',
    progression: 'plank-leg-lift',
    summary: 'Builds endurance in the muscles around your trunk, holding your body straight.',
    steps: [
      'Lie on your front, propped on your forearms, with your elbows under your shoulders.',
      'Tuck your toes under.',
      'Gently tighten your tummy and lift your body until your heels, hips and shoulders make a straight line.',
      'Hold for about 10 seconds while breathing, then lower to rest.',
    ],
    cues: [
      'Keep one long straight line from your head to your heels.',
      'Squeeze your buttocks lightly to keep your hips level.',
      'Breathe steadily through the hold.',
    ],
    mistakes: [
      'Letting your hips sag, so your lower back arches.',
      'Pushing your bottom up high.',
      'Letting your head hang down.',
    ],
    feel: 'Your tummy, shoulders and legs working, with no ache building in your lower back.',
    stopIf: [stopForLegSymptoms, stopForPain, 'Your shoulder hurts.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: forearmRestLegsStraight, label: 'rest' },
        { at: 2, pose: forearmPlank, label: 'lift' },
        { at: 12, pose: forearmPlank, label: 'lower' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },
  {
    id: 'plank-leg-lift',
    name: 'Plank with leg lift',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'prone',
    movement: neutralHoldTags,
    dosage: coreEnduranceHolds,
    chain: 'plank',
    level: 3,
    regression: 'plank',
    progression: null,
    summary: 'A harder plank: lifting one leg makes your trunk work to stay still and level.',
    steps: [
      'Get into a plank on your forearms and toes, with your body in a straight line.',
      'Gently tighten your tummy.',
      'Lift one foot a few centimetres off the floor, keeping your leg straight.',
      'Hold for about 10 seconds while breathing, then lower the foot and rest.',
      'Lift the other foot next time.',
    ],
    cues: [
      'Your hips stay level: no twisting as your foot leaves the floor.',
      'A small lift is enough.',
      'Keep one long line from your head to your heels.',
    ],
    mistakes: [
      'Lifting the leg high, so your lower back arches.',
      'Letting your hips drop or tilt to one side.',
      'Holding your breath.',
    ],
    feel: 'Your tummy, buttocks and shoulders working hard, with your back staying still.',
    stopIf: [stopForLegSymptoms, stopForPain, 'Your shoulder hurts.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: forearmRestLegsStraight, label: 'rest' },
        { at: 2, pose: forearmPlank, label: 'plank' },
        { at: 3.5, pose: plankOneLegLifted, label: 'lift leg' },
        { at: 11, pose: plankOneLegLifted, label: 'lower leg' },
        { at: 12.5, pose: forearmPlank, label: 'lower' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },

  // --- Side plank chain ----------------------------------------------------------------------
  {
    id: 'side-plank-knees',
    name: 'Side plank from the knees',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'sideLying',
    movement: neutralHoldTags,
    dosage: coreEnduranceHolds,
    chain: 'side-plank',
    level: 1,
    regression: null,
    progression: 'side-plank',
    summary: 'Builds endurance in the muscles along the side of your trunk, with your knees down.',
    steps: [
      'Lie on your side, propped on your elbow, with your elbow under your shoulder.',
      'Bend your knees so your feet are behind you.',
      'Rest your top hand on your hip.',
      'Lift your hips until your knees, hips and shoulders make a straight line.',
      'Hold for about 10 seconds while breathing, then lower your hips to rest.',
      'Swap sides as you go, so both sides do the same number.',
    ],
    cues: [
      'Keep your body in one straight line, not bent at the hips.',
      'Push the floor away gently with your elbow.',
      'Keep your head in line with your body.',
    ],
    mistakes: [
      'Letting your hips sag back to the floor.',
      'Rolling forwards or backwards.',
      'Shrugging your shoulder up to your ear.',
    ],
    feel: 'The side of your waist working, and some effort in the supporting shoulder.',
    stopIf: [stopForLegSymptoms, stopForPain, 'Your shoulder hurts.'],
    precautions: [],
    animation: {
      view: 'front',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: sideRestKneesBent, label: 'rest' },
        { at: 2, pose: sidePlankKnees, label: 'lift' },
        { at: 12, pose: sidePlankKnees, label: 'lower' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },
  {
    id: 'side-plank',
    name: 'Side plank',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'sideLying',
    movement: neutralHoldTags,
    dosage: coreEnduranceHolds,
    chain: 'side-plank',
    level: 2,
    regression: 'side-plank-knees',
    progression: null,
    summary:
      'Builds endurance in the muscles along the side of your trunk, with your legs straight.',
    steps: [
      'Lie on your side, propped on your elbow, with your elbow under your shoulder.',
      'Straighten your legs and place your top foot in front of or on your bottom foot.',
      'Rest your top hand on your hip.',
      'Lift your hips until your feet, hips and shoulders make a straight line.',
      'Hold for about 10 seconds while breathing, then lower your hips to rest.',
      'Swap sides as you go, so both sides do the same number.',
    ],
    cues: [
      'Keep your body in one straight line, not bent at the hips.',
      'Push the floor away gently with your elbow.',
      'Keep breathing steadily through the hold.',
    ],
    mistakes: [
      'Letting your hips sag towards the floor.',
      'Rolling forwards or backwards.',
      'Holding your breath.',
    ],
    feel: 'The side of your waist working hard, and effort in the supporting shoulder.',
    stopIf: [stopForLegSymptoms, stopForPain, 'Your shoulder hurts.'],
    precautions: [],
    animation: {
      view: 'front',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: sideRestLegsStraight, label: 'rest' },
        { at: 2, pose: sidePlankFull, label: 'lift' },
        { at: 12, pose: sidePlankFull, label: 'lower' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },

  // --- Bird dog chain ------------------------------------------------------------------------
  {
    id: 'quadruped-leg-slide',
    name: 'Leg slide on all fours',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'quadruped',
    movement: neutralHoldTags,
    dosage: coreEnduranceHolds,
    chain: 'bird-dog',
    level: 1,
    regression: null,
    progression: 'bird-dog',
    summary:
      'Teaches your trunk to stay still while your leg moves, the first step to the bird dog.',
    steps: [
      'Kneel on all fours with your hands under your shoulders and your knees under your hips.',
      'Gently tighten your tummy.',
      'Slide one leg straight back along the floor, keeping your toes on the floor.',
      'Hold for about 10 seconds while breathing, then slide it back in.',
      'Use the other leg next time.',
    ],
    cues: [
      'Keep your back still and flat, like a table top.',
      'Keep your hips level as the leg slides.',
      'Move slowly.',
    ],
    mistakes: [
      'Letting your back sag or twist as the leg moves.',
      'Shifting your weight far over to one side.',
      'Holding your breath.',
    ],
    feel: 'Your tummy and buttock working gently to keep your back still.',
    stopIf: [
      stopForLegSymptoms,
      stopForPain,
      'Your knees or wrists hurt (try a folded towel under them).',
    ],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: quadruped, label: 'start' },
        { at: 2, pose: quadrupedLegSlid, label: 'slide back' },
        { at: 12, pose: quadrupedLegSlid, label: 'slide in' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },
  {
    id: 'bird-dog',
    name: 'Bird dog',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'quadruped',
    movement: neutralHoldTags,
    dosage: coreEnduranceHolds,
    chain: 'bird-dog',
    level: 2,
    regression: 'quadruped-leg-slide',
    progression: null,
    summary:
      'Builds control and endurance in your back and hips while you reach with an arm and a leg.',
    steps: [
      'Kneel on all fours with your hands under your shoulders and your knees under your hips.',
      'Gently tighten your tummy.',
      'Reach one arm forwards and the opposite leg back until both are level with your back.',
      'Hold for about 10 seconds while breathing, then lower them slowly.',
      'Use the other arm and leg next time.',
    ],
    cues: [
      'Reach long, not high: your hand and heel stay about level with your back.',
      'Keep your hips level, as if balancing a cup on your lower back.',
      'Keep your neck in line, looking at the floor.',
    ],
    mistakes: [
      'Lifting the leg too high, so your lower back arches.',
      'Twisting your hips to one side.',
      'Rushing or holding your breath.',
    ],
    feel: 'Your back, buttock and shoulder muscles working together to keep you steady.',
    stopIf: [stopForLegSymptoms, stopForPain, 'Your knees, wrists or shoulder hurt.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 14,
      keyframes: [
        { at: 0, pose: quadruped, label: 'start' },
        { at: 2, pose: birdDogReach, label: 'reach' },
        { at: 12, pose: birdDogReach, label: 'lower' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },

  // --- Dead bug chain ------------------------------------------------------------------------
  {
    id: 'dead-bug-heel-tap',
    name: 'Heel tap',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'supine',
    movement: { ...neutralHoldTags, sustained: false },
    dosage: deadBugReps,
    chain: 'dead-bug',
    level: 1,
    regression: null,
    progression: 'dead-bug',
    summary:
      'Trains your tummy to keep your back still while one leg moves, the first step to the dead bug.',
    steps: [
      'Lie on your back with your knees bent and your arms by your sides.',
      'Gently tighten your tummy and lift your feet so your hips and knees are bent at right angles.',
      'Slowly lower one foot, keeping the knee bent, until your heel taps the floor.',
      'Bring it back up, then do the same with the other leg. That is one repetition.',
    ],
    cues: [
      'Keep your lower back resting quietly on the floor.',
      'Move slowly: about two seconds down and two seconds up.',
      'Breathe out as the leg lowers.',
    ],
    mistakes: [
      'Letting your lower back arch off the floor.',
      'Dropping the leg quickly.',
      'Holding your breath.',
    ],
    feel: 'Your lower tummy working to keep your back and pelvis still.',
    stopIf: [stopForLegSymptoms, stopForPain],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 8,
      keyframes: [
        { at: 0, pose: tableTop, label: 'table top' },
        { at: 2, pose: heelTapRight, label: 'tap' },
        { at: 4, pose: tableTop, label: 'back up' },
        { at: 6, pose: heelTapLeft, label: 'tap other side' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },
  {
    id: 'dead-bug',
    name: 'Dead bug',
    region: 'lumbar',
    aims: ['coreEndurance'],
    equipment: ['mat'],
    position: 'supine',
    movement: { ...neutralHoldTags, sustained: false },
    dosage: { ...deadBugReps, secondsPerRep: 10 },
    chain: 'dead-bug',
    level: 2,
    regression: 'dead-bug-heel-tap',
    progression: null,
    summary:
      'Trains your trunk to stay still while an arm and the opposite leg move away from you.',
    steps: [
      'Lie on your back and lift your feet so your hips and knees are bent at right angles.',
      'Reach both arms up towards the ceiling.',
      'Gently tighten your tummy.',
      'Slowly lower one arm behind your head and straighten the opposite leg, both hovering just above the floor.',
      'Pause, bring them back, then do the other arm and leg. That is one repetition.',
    ],
    cues: [
      'Keep your lower back resting quietly on the floor the whole time.',
      'Only go as low as you can without your back arching.',
      'Breathe out as you reach away.',
    ],
    mistakes: [
      'Letting your lower back arch off the floor.',
      'Moving the arm and leg on the same side.',
      'Rushing or holding your breath.',
    ],
    feel: 'Your tummy working steadily to keep your back and pelvis still.',
    stopIf: [stopForLegSymptoms, stopForPain, 'Your shoulder hurts when your arm goes overhead.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 10,
      keyframes: [
        { at: 0, pose: deadBugStart, label: 'start' },
        { at: 2.5, pose: deadBugLeftArmRightLeg, label: 'reach' },
        { at: 5, pose: deadBugStart, label: 'back' },
        { at: 7.5, pose: deadBugRightArmLeftLeg, label: 'reach other side' },
      ],
    },
    sources: ['S-MCGILL', 'S-JOSPT'],
  },
];
