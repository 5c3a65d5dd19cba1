import { crookLying, sitting, standing, standingFront } from '../../skeleton/poses.js';
import type { Pose } from '../../skeleton/skeleton.js';
import type { Dosage, Exercise, Precaution } from '../exercise.js';
import { mobilityReps, stretchHolds } from './dosages.js';

/**
 * Neck and upper-back exercises: deep neck flexor training, gentle neck movement and
 * stretches, and posture work for the shoulder blades and upper back.
 */

/** The shared stretch, done once through (one set) with a shorter hold cycle. [S-MCGILL] */
const stretchDosage: Dosage = {
  ...stretchHolds,
  bounds: { ...stretchHolds.bounds, sets: { min: 1, max: 1, step: 1 } },
  secondsPerRep: 25,
  rationale: 'Stretch: hold 20–30 seconds, 2–3 times, daily (default).',
};

const neckStopIf = [
  'Pain, pins and needles or numbness spreads into your arm or hand.',
  'Pain during the exercise goes above 5 out of 10.',
];
/** [S-RF] Symptoms of cervical arterial dysfunction are an emergency, not an exercise response. */
const arterialStopIf =
  'You feel dizzy or faint, see double, or have trouble speaking or swallowing: stop and get medical help straight away.';

/** [S-RF] Turning or bending the neck is not offered when there are arterial warning symptoms. */
const arterialPrecaution: Precaution = {
  when: 'cervicalArterialSymptoms',
  effect: 'avoid',
  note: 'Neck movement is not offered while dizziness, double vision, speech or swallowing problems or drop attacks are unexplained; they need a medical assessment first.',
  sources: ['S-RF'],
};
/** [S-WAIN] Turning and bending towards the painful side are how radicular arm symptoms are provoked. */
const radicularCaution: Precaution = {
  when: 'cervicalRadiculopathy',
  effect: 'caution',
  note: 'Turning or bending towards the side of arm symptoms can bring them on; stay in the range that keeps the arm quiet.',
  sources: ['S-WAIN'],
};

// Sitting, head drawn gently back over the shoulders.
const sittingHeadForward: Pose = { ...sitting, head: 85 };
const sittingChinTucked: Pose = { ...sitting, head: 95 };

// Lying on the back: a small nod keeps the head on the floor; the lift raises it slightly.
const chinNodded: Pose = { ...crookLying, head: 176 };
const headLifted: Pose = { ...crookLying, head: 162 };

// Sitting, elbows bent, shoulder blades squeezed back and down (the elbows move back).
const sittingArmsBent: Pose = {
  ...sitting,
  left: { ...sitting.left, upperArm: 272, forearm: 0 },
  right: { ...sitting.right, upperArm: 272, forearm: 0 },
};
const shoulderBladesBack: Pose = {
  ...sittingArmsBent,
  left: { ...sittingArmsBent.left, upperArm: 258 },
  right: { ...sittingArmsBent.right, upperArm: 258 },
};

// Sitting with the palm on the forehead.
const handOnForehead: Pose = {
  ...sitting,
  left: { ...sitting.left, upperArm: 343, forearm: 125 },
  right: { ...sitting.right, upperArm: 343, forearm: 125 },
};

// Front view, standing: the feet point outwards either side.
// The figure's left is on the image's right in a front view: head angles below 90 go that way.
const headToLeft = (degrees: number): Pose => ({ ...standingFront, head: 90 - degrees });
const headToRight = (degrees: number): Pose => ({ ...standingFront, head: 90 + degrees });
// Upper trapezius stretch: head tilted to the left, left hand resting on top of the head.
const trapeziusStretch: Pose = {
  ...standingFront,
  head: 68,
  left: { ...standingFront.left, upperArm: 67, forearm: 189 },
};

// Front view of lying on the right side: shoulders and hips stacked, the top (left) arm moves.
const sideLying: Pose = {
  hip: { x: 0, y: 0.1 },
  lowerTrunk: 178,
  upperTrunk: 178,
  head: 180,
  left: { upperArm: 300, forearm: 0, thigh: 345, shin: 350, foot: 0 },
  right: { upperArm: 0, forearm: 0, thigh: 0, shin: 0, foot: 0 },
};
const bookOpen: Pose = { ...sideLying, left: { ...sideLying.left, upperArm: 95, forearm: 100 } };

// Sitting with the hands behind the head; the upper back extends over the chair backrest.
const handsBehindHead: Pose = {
  ...sitting,
  left: { ...sitting.left, upperArm: 50, forearm: 199 },
  right: { ...sitting.right, upperArm: 50, forearm: 199 },
};
const upperBackExtended: Pose = {
  ...handsBehindHead,
  upperTrunk: 108,
  head: 108,
  left: { ...handsBehindHead.left, upperArm: 68, forearm: 217 },
  right: { ...handsBehindHead.right, upperArm: 68, forearm: 217 },
};

// Wall angel, front view: arms in a goalpost shape, then slid up the wall.
const goalpost: Pose = {
  ...standingFront,
  left: { ...standingFront.left, upperArm: 0, forearm: 90 },
  right: { ...standingFront.right, upperArm: 180, forearm: 90 },
};
const armsSlidUp: Pose = {
  ...standingFront,
  left: { ...standingFront.left, upperArm: 45, forearm: 85 },
  right: { ...standingFront.right, upperArm: 135, forearm: 95 },
};

// Doorway stretch, side view: forearms on the frame behind, one foot forward, then step through.
const inDoorway: Pose = {
  ...standing,
  hip: { x: 0, y: 0.485 },
  left: { upperArm: 175, forearm: 90, thigh: 258, shin: 258, foot: 0 },
  right: { upperArm: 175, forearm: 90, thigh: 283, shin: 275, foot: 0 },
};
const throughDoorway: Pose = {
  ...standing,
  hip: { x: 0.04, y: 0.487 },
  left: { upperArm: 160, forearm: 95, thigh: 253, shin: 255, foot: 0 },
  right: { upperArm: 160, forearm: 95, thigh: 278, shin: 265, foot: 0 },
};

/** Neck, upper back and posture. */
export const neckPostureExercises: readonly Exercise[] = [
  {
    id: 'chin-tuck',
    name: 'Chin tuck',
    region: 'cervical',
    aims: ['neck', 'posture'],
    equipment: ['none'],
    position: 'sitting',
    // Tagged neutral: the tuck returns the head over the shoulders (retraction) at low load, which
    // is also what an extension preference calls for; the loaded head lift stays flexion. [S-MDT]
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: true,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      kind: 'hold',
      default: { sets: 1, reps: 8, holdSeconds: 6, perDay: 1, daysPerWeek: 7 },
      bounds: {
        sets: { min: 1, max: 2, step: 1 },
        reps: { min: 8, max: 10, step: 2 },
        holdSeconds: { min: 6, max: 10, step: 2 },
        perDay: { min: 1, max: 3 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['holdSeconds', 'reps', 'sets'],
      secondsPerRep: 9,
      restSeconds: 30,
      rationale:
        'Deep neck muscle endurance: gentle holds of about 5–10 seconds, 8–10 repetitions, daily (default).',
      sources: ['S-MCGILL'],
    },
    chain: 'chin-tuck',
    level: 1,
    regression: null,
    progression: 'supine-chin-nod',
    summary:
      'Wakes up the small muscles deep at the front of your neck that hold your head well balanced.',
    steps: [
      'Sit or stand tall, looking straight ahead, shoulders relaxed.',
      'Gently draw your head straight back, as if making a double chin.',
      'Keep your eyes level: it is a small nod, not a look down at the floor.',
      'Hold for about 6 seconds while breathing normally, then relax.',
    ],
    cues: [
      'Think of the back of your head growing tall.',
      'Use little effort: this is a gentle movement, not a strong push.',
      'Keep your jaw and shoulders soft.',
    ],
    mistakes: [
      'Tipping your head down to look at the floor.',
      'Pushing so hard that the muscles at the front of your neck stand out.',
      'Holding your breath.',
    ],
    feel: 'A gentle stretch at the base of your skull and light work deep in the front of your neck.',
    stopIf: [...neckStopIf, 'Your headache gets worse.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 9,
      keyframes: [
        { at: 0, pose: sittingHeadForward, label: 'start' },
        { at: 1.5, pose: sittingChinTucked, label: 'tuck' },
        { at: 7.5, pose: sittingChinTucked, label: 'hold' },
      ],
    },
    sources: ['S-MCGILL'],
  },
  {
    id: 'supine-chin-nod',
    name: 'Chin nod lying down',
    region: 'cervical',
    aims: ['neck'],
    equipment: ['mat', 'towel'],
    position: 'supine',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: true,
      load: 'unloaded',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      kind: 'hold',
      default: { sets: 1, reps: 6, holdSeconds: 10, perDay: 1, daysPerWeek: 7 },
      bounds: {
        sets: { min: 1, max: 2, step: 1 },
        reps: { min: 6, max: 10, step: 2 },
        holdSeconds: { min: 10, max: 10, step: 1 },
        perDay: { min: 1, max: 2 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['reps', 'sets'],
      secondsPerRep: 13,
      restSeconds: 30,
      rationale:
        'Deep neck muscle endurance: 10-second holds, building up to 10 repetitions, daily (default).',
      sources: ['S-MCGILL'],
    },
    chain: 'chin-tuck',
    level: 2,
    regression: 'chin-tuck',
    progression: 'head-lift-chin-tucked',
    summary:
      'Trains the deep neck muscles to hold a steady nod for longer, with your head supported.',
    steps: [
      'Lie on your back with your knees bent and a thin folded towel under your head.',
      'Look at the ceiling and relax your jaw and shoulders.',
      'Gently nod your head as if saying "yes", sliding the back of your head up the towel.',
      'Hold the nod for 10 seconds, breathing normally, then relax.',
    ],
    cues: [
      'Make the nod small and slow.',
      'Keep the back of your head on the towel.',
      'Rest a hand on the front of your neck: it should stay soft.',
    ],
    mistakes: [
      'Lifting your head off the towel.',
      'Pressing the back of your head down hard.',
      'Clenching your jaw.',
    ],
    feel: 'Light, steady work deep in the front of your neck.',
    stopIf: [...neckStopIf, 'Your headache gets worse.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 13,
      keyframes: [
        { at: 0, pose: crookLying, label: 'start' },
        { at: 1.5, pose: chinNodded, label: 'nod' },
        { at: 11.5, pose: chinNodded, label: 'hold' },
      ],
    },
    sources: ['S-MCGILL'],
  },
  {
    id: 'head-lift-chin-tucked',
    name: 'Head lift with a chin tuck',
    region: 'cervical',
    aims: ['neck'],
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
    dosage: {
      kind: 'hold',
      default: { sets: 1, reps: 5, holdSeconds: 4, perDay: 1, daysPerWeek: 5 },
      bounds: {
        sets: { min: 1, max: 2, step: 1 },
        reps: { min: 5, max: 10, step: 1 },
        holdSeconds: { min: 4, max: 10, step: 2 },
        perDay: { min: 1, max: 1 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['holdSeconds', 'reps', 'sets'],
      secondsPerRep: 8,
      restSeconds: 45,
      rationale:
        'Deep neck muscle endurance against the weight of the head: short holds, building up to 10 seconds and 10 repetitions (default).',
      sources: ['S-MCGILL'],
    },
    chain: 'chin-tuck',
    level: 3,
    regression: 'supine-chin-nod',
    progression: null,
    summary: 'Strengthens the deep front neck muscles to hold your head up with a tucked chin.',
    steps: [
      'Lie on your back with your knees bent and your arms by your sides.',
      'Gently tuck your chin, as in the chin nod.',
      'Keeping the tuck, lift your head just clear of the floor.',
      'Hold for a few seconds, then lower your head and relax.',
    ],
    cues: [
      'Lift only a finger-width off the floor.',
      'Keep the chin tucked the whole time.',
      'Breathe normally.',
    ],
    mistakes: [
      'Poking your chin up towards the ceiling as you lift.',
      'Lifting your shoulders as well.',
      'Holding on after your chin starts to poke.',
    ],
    feel: 'Firm work at the front of your neck that fades when you rest.',
    stopIf: [...neckStopIf, 'Your headache gets worse.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 7.5,
      keyframes: [
        { at: 0, pose: crookLying, label: 'start' },
        { at: 1, pose: chinNodded, label: 'tuck' },
        { at: 2, pose: headLifted, label: 'lift' },
        { at: 6, pose: headLifted, label: 'hold' },
      ],
    },
    sources: ['S-MCGILL'],
  },
  {
    id: 'scapular-retraction',
    name: 'Shoulder blade squeeze',
    region: 'thoracic',
    aims: ['posture', 'neck'],
    equipment: ['chair'],
    position: 'sitting',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: true,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      kind: 'hold',
      default: { sets: 1, reps: 8, holdSeconds: 5, perDay: 1, daysPerWeek: 7 },
      bounds: {
        sets: { min: 1, max: 3, step: 1 },
        reps: { min: 8, max: 12, step: 2 },
        holdSeconds: { min: 5, max: 5, step: 1 },
        perDay: { min: 1, max: 3 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['reps', 'sets'],
      secondsPerRep: 8,
      restSeconds: 30,
      rationale:
        'Posture muscles: 8–12 repetitions with a short hold, 1–3 sets; add repetitions first, then sets (default).',
      sources: ['S-ACSM'],
    },
    chain: 'scapular-retraction',
    level: 1,
    regression: null,
    progression: null,
    summary:
      'Strengthens the muscles between your shoulder blades that help you sit tall without effort.',
    steps: [
      'Sit tall on a chair with your elbows bent at your sides.',
      'Gently draw your shoulder blades back and down, towards your back pockets.',
      'Hold for 5 seconds, breathing normally.',
      'Relax your shoulders, then repeat.',
    ],
    cues: [
      'Keep your neck long and your shoulders away from your ears.',
      'Squeeze gently, about half your full effort.',
      'Keep your chin level.',
    ],
    mistakes: [
      'Shrugging your shoulders up.',
      'Arching your lower back to push your chest out.',
      'Poking your chin forward.',
    ],
    feel: 'Gentle work between and below your shoulder blades.',
    stopIf: neckStopIf,
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 8,
      keyframes: [
        { at: 0, pose: sittingArmsBent, label: 'start' },
        { at: 1.5, pose: shoulderBladesBack, label: 'squeeze' },
        { at: 6.5, pose: shoulderBladesBack, label: 'hold' },
      ],
    },
    sources: ['S-ACSM'],
  },
  {
    id: 'isometric-neck-hold',
    name: 'Gentle neck press into your hand',
    region: 'cervical',
    aims: ['neck'],
    equipment: ['chair'],
    position: 'sitting',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: true,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: true,
    },
    dosage: {
      kind: 'hold',
      default: { sets: 1, reps: 5, holdSeconds: 6, perDay: 1, daysPerWeek: 7 },
      bounds: {
        sets: { min: 1, max: 2, step: 1 },
        reps: { min: 5, max: 10, step: 1 },
        holdSeconds: { min: 6, max: 10, step: 2 },
        perDay: { min: 1, max: 3 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['holdSeconds', 'reps', 'sets'],
      secondsPerRep: 9,
      restSeconds: 30,
      rationale:
        'Gentle isometric holds of about 5–10 seconds, 5–10 in each direction, daily (default).',
      sources: ['S-MCGILL'],
    },
    chain: 'isometric-neck-hold',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Switches on your neck muscles gently without moving your neck at all.',
    steps: [
      'Sit tall with your head level and your shoulders relaxed.',
      'Place your palm on your forehead.',
      'Gently press your forehead into your hand while your hand stops any movement.',
      'Hold for about 6 seconds, breathing normally, then relax.',
      'Repeat with your hand on the back of your head, then on each side.',
    ],
    cues: [
      'Use only a little effort, about a quarter of your strength.',
      'Your head should not move at all.',
      'Keep breathing throughout.',
    ],
    mistakes: [
      'Pressing hard enough to shake.',
      'Letting your head tip or turn.',
      'Holding your breath.',
    ],
    feel: 'Light work in the neck muscles on the side you press with; no pain.',
    stopIf: [...neckStopIf, 'Your headache gets worse.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 9,
      keyframes: [
        { at: 0, pose: sitting, label: 'start' },
        { at: 1.5, pose: handOnForehead, label: 'press gently' },
        { at: 7.5, pose: handOnForehead, label: 'hold' },
      ],
    },
    sources: ['S-MCGILL'],
  },
  {
    id: 'neck-rotation',
    name: 'Neck turns',
    region: 'cervical',
    aims: ['neck', 'mobility'],
    equipment: ['none'],
    position: 'standing',
    movement: {
      directions: ['rotation'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'gentle',
      gentleIsometric: false,
    },
    dosage: {
      ...mobilityReps,
      rationale: 'Mobility: 8–10 slow turns to each side, daily (default).',
    },
    chain: 'neck-rotation',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Eases a stiff neck by turning your head slowly from side to side.',
    steps: [
      'Sit or stand tall, looking straight ahead, shoulders relaxed.',
      'Slowly turn your head to look over one shoulder, as far as feels comfortable.',
      'Come back to the middle.',
      'Turn to look over the other shoulder, then back to the middle.',
    ],
    cues: [
      'Move slowly, about three seconds each way.',
      'Keep your chin level, as if it glides along a shelf.',
      'Turn only as far as is comfortable; the range grows with practice.',
    ],
    mistakes: [
      'Forcing the turn at the end.',
      'Turning your shoulders with your head.',
      'Tipping your chin up or down as you turn.',
    ],
    feel: 'Easing of stiffness; a mild stretch at the end of the turn is fine.',
    stopIf: [...neckStopIf, arterialStopIf],
    precautions: [arterialPrecaution, radicularCaution],
    animation: {
      view: 'front',
      cycleSeconds: 6,
      keyframes: [
        { at: 0, pose: standingFront, label: 'start' },
        { at: 1.5, pose: headToLeft(6), label: 'turn left' },
        { at: 3, pose: standingFront, label: 'middle' },
        { at: 4.5, pose: headToRight(6), label: 'turn right' },
      ],
    },
    sources: ['S-MCGILL', 'S-RF'],
  },
  {
    id: 'neck-side-bend',
    name: 'Neck side bends',
    region: 'cervical',
    aims: ['neck', 'mobility'],
    equipment: ['none'],
    position: 'standing',
    movement: {
      directions: ['lateral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      ...mobilityReps,
      rationale: 'Mobility: 8–10 slow bends to each side, daily (default).',
    },
    chain: 'neck-side-bend',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Loosens the sides of your neck by tipping your ear gently towards your shoulder.',
    steps: [
      'Sit or stand tall, looking straight ahead, shoulders relaxed.',
      'Slowly tip your head so one ear moves towards the shoulder on that side.',
      'Come back to the middle.',
      'Tip your head to the other side, then back to the middle.',
    ],
    cues: [
      'Keep looking straight ahead; do not turn your head.',
      'Let your shoulders stay down; bring your ear to your shoulder, not the other way round.',
      'Move slowly and within comfort.',
    ],
    mistakes: [
      'Lifting your shoulder up to meet your ear.',
      'Turning or tipping your head forward as you bend.',
      'Bouncing at the end of the movement.',
    ],
    feel: 'A mild stretch along the side of your neck opposite the way you bend.',
    stopIf: [...neckStopIf, arterialStopIf],
    precautions: [arterialPrecaution, radicularCaution],
    animation: {
      view: 'front',
      cycleSeconds: 6,
      keyframes: [
        { at: 0, pose: standingFront, label: 'start' },
        { at: 1.5, pose: headToLeft(22), label: 'bend left' },
        { at: 3, pose: standingFront, label: 'middle' },
        { at: 4.5, pose: headToRight(22), label: 'bend right' },
      ],
    },
    sources: ['S-MCGILL', 'S-RF'],
  },
  {
    id: 'upper-trapezius-stretch',
    name: 'Side of neck stretch',
    region: 'cervical',
    aims: ['neck', 'mobility'],
    equipment: ['none'],
    position: 'standing',
    movement: {
      directions: ['lateral', 'flexion'],
      endRange: true,
      sustained: true,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      ...stretchDosage,
      rationale: 'Stretch: hold 20–30 seconds, 2–3 times on each side, daily (default).',
    },
    chain: 'upper-trapezius-stretch',
    level: 1,
    regression: null,
    progression: null,
    summary:
      'Stretches the muscle running from your neck to your shoulder, which often feels tight.',
    steps: [
      'Sit or stand tall. Let your right arm hang down; if sitting, hold the edge of the seat.',
      'Tip your left ear towards your left shoulder.',
      'Tuck your chin a little, as if looking at your left knee.',
      'Rest your left hand on top of your head, adding only its weight, and hold.',
      'Come back to the middle slowly, then stretch the other side.',
    ],
    cues: [
      'Keep the shoulder on the stretched side down.',
      'Ease into the stretch; it should feel mild, not painful.',
      'Breathe slowly and let the muscle relax.',
    ],
    mistakes: [
      'Pulling your head with your hand.',
      'Letting the stretched shoulder rise.',
      'Bouncing in the stretch.',
    ],
    feel: 'A gentle stretch along the side of your neck towards your shoulder.',
    stopIf: neckStopIf,
    precautions: [],
    animation: {
      view: 'front',
      cycleSeconds: 25,
      keyframes: [
        { at: 0, pose: standingFront, label: 'start' },
        { at: 2, pose: trapeziusStretch, label: 'stretch' },
        { at: 22, pose: trapeziusStretch, label: 'hold' },
      ],
    },
    sources: ['S-MCGILL'],
  },
  {
    id: 'upper-back-flexibility',
    name: 'Open book (upper back rotation)',
    region: 'thoracic',
    aims: ['mobility', 'posture'],
    equipment: ['mat', 'pillow'],
    position: 'sideLying',
    movement: {
      directions: ['rotation'],
      endRange: false,
      sustained: false,
      load: 'unloaded',
      rotationForce: 'gentle',
      gentleIsometric: false,
    },
    dosage: {
      ...mobilityReps,
      secondsPerRep: 8,
      rationale: 'Mobility: 8–10 slow repetitions on each side, daily (default).',
    },
    chain: 'upper-back-flexibility',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Loosens a stiff upper back by gently turning your chest open like a book.',
    steps: [
      'Lie on your side with a pillow under your head and your hips and knees bent in front of you.',
      'Stretch both arms out in front of you at shoulder height, palms together.',
      'Lift your top arm up and over, turning your chest towards the ceiling and following your hand with your eyes.',
      'Let the arm go only as far as is comfortable, pause for a breath, then bring it back.',
      'Do all your repetitions, then turn over and do the other side.',
    ],
    cues: [
      'Keep your knees together and resting on the floor.',
      'Let the turn come from your upper back, not your lower back.',
      'Breathe out as you open.',
    ],
    mistakes: [
      'Letting your knees lift or roll back.',
      'Forcing the arm to the floor.',
      'Rushing the movement.',
    ],
    feel: 'A gentle stretch across your chest and an easing through your upper back.',
    stopIf: [
      'Pain, pins and needles or numbness spreads into your arm or hand.',
      'Pain spreads down your leg or gets sharper.',
      'Pain during the exercise goes above 5 out of 10.',
    ],
    precautions: [],
    animation: {
      view: 'front',
      cycleSeconds: 8,
      keyframes: [
        { at: 0, pose: sideLying, label: 'start' },
        { at: 3, pose: bookOpen, label: 'open' },
        { at: 5, pose: bookOpen, label: 'pause' },
      ],
    },
    sources: ['S-MCGILL'],
  },
  {
    id: 'thoracic-extension-chair',
    name: 'Upper back extension over a chair',
    region: 'thoracic',
    aims: ['mobility', 'posture'],
    equipment: ['chair'],
    position: 'sitting',
    movement: {
      directions: ['extension'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: { ...mobilityReps, secondsPerRep: 5 },
    chain: 'thoracic-extension-chair',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Counters slouching by gently arching your upper back over the top of a chair.',
    steps: [
      'Sit on a chair with a firm backrest that reaches about the bottom of your shoulder blades.',
      'Sit well back and place your hands behind your head, elbows pointing forward.',
      'Gently lean your upper back back over the top of the backrest.',
      'Pause for a moment, then come back to sitting tall.',
    ],
    cues: [
      'Support the weight of your head with your hands.',
      'Keep your bottom on the seat and your lower back still.',
      'Breathe out as you lean back.',
    ],
    mistakes: [
      'Arching your lower back instead of your upper back.',
      'Letting your head fall back.',
      'Pushing into pain at the end of the movement.',
    ],
    feel: 'A gentle stretch and easing across your upper back and chest.',
    stopIf: neckStopIf,
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 5,
      keyframes: [
        { at: 0, pose: handsBehindHead, label: 'start' },
        { at: 2, pose: upperBackExtended, label: 'lean back' },
        { at: 3, pose: upperBackExtended, label: 'pause' },
      ],
    },
    sources: ['S-MCGILL'],
  },
  {
    id: 'wall-angel',
    name: 'Wall angel',
    region: 'thoracic',
    aims: ['posture', 'mobility'],
    equipment: ['wall'],
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
      kind: 'reps',
      default: { sets: 1, reps: 8, perDay: 1, daysPerWeek: 7 },
      bounds: {
        sets: { min: 1, max: 3, step: 1 },
        reps: { min: 8, max: 12, step: 2 },
        perDay: { min: 1, max: 2 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['reps', 'sets'],
      secondsPerRep: 5,
      restSeconds: 30,
      rationale:
        'Posture muscles: 8–12 slow repetitions, 1–3 sets; add repetitions first, then sets (default).',
      sources: ['S-ACSM'],
    },
    chain: 'wall-angel',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Opens your chest and works the muscles that hold your shoulders back.',
    steps: [
      'Stand with your back against a wall, feet a small step away from it.',
      'Rest your head, upper back and bottom against the wall.',
      'Raise your arms to shoulder height with elbows bent, like a goalpost, backs of the hands towards the wall.',
      'Slowly slide your arms up the wall as far as is comfortable, then slide them back down.',
    ],
    cues: [
      'Keep your lower back gently against the wall; do not let it arch away.',
      'Keep your shoulders down, away from your ears.',
      'It is fine if your hands do not touch the wall.',
    ],
    mistakes: [
      'Arching your lower back to get your arms higher.',
      'Poking your chin forward.',
      'Shrugging your shoulders up.',
    ],
    feel: 'Work between your shoulder blades and a stretch across the front of your chest.',
    stopIf: neckStopIf,
    precautions: [],
    animation: {
      view: 'front',
      cycleSeconds: 5,
      keyframes: [
        { at: 0, pose: goalpost, label: 'start' },
        { at: 2.5, pose: armsSlidUp, label: 'slide up' },
      ],
    },
    sources: ['S-ACSM'],
  },
  {
    id: 'doorway-chest-stretch',
    name: 'Doorway chest stretch',
    region: 'thoracic',
    aims: ['posture', 'mobility'],
    equipment: ['none'],
    position: 'standing',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: true,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: stretchDosage,
    chain: 'doorway-chest-stretch',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Stretches tight chest muscles that pull your shoulders forward.',
    steps: [
      'Stand in a doorway. Rest your forearms on the door frame, elbows at shoulder height.',
      'Place one foot a step in front of the other.',
      'Shift your weight onto your front foot until you feel a stretch across your chest.',
      'Hold, breathing slowly, then step back to relax.',
    ],
    cues: [
      'Stand tall; keep your tummy gently firm so your back does not arch.',
      'Keep your shoulders down and relaxed.',
      'Move the elbows higher or lower on the frame to change where you feel it.',
    ],
    mistakes: [
      'Leaning so far that your lower back arches.',
      'Letting your chin poke forward.',
      'Pushing into pain or tingling in the arms.',
    ],
    feel: 'A gentle stretch across the front of your chest and shoulders.',
    stopIf: neckStopIf,
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 24,
      keyframes: [
        { at: 0, pose: inDoorway, label: 'start' },
        { at: 2, pose: throughDoorway, label: 'step through' },
        { at: 22, pose: throughDoorway, label: 'hold' },
      ],
    },
    sources: ['S-MCGILL'],
  },
];
