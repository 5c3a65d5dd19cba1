/**
 * The exercises the camera coach follows, and their rules. Each entry names the angle to follow,
 * the keyframes it moves between and the form checks; `deriveCoachRule` works out the numbers
 * from the exercise's own keyframes and dosage. Exercises lying still (gentle activations),
 * moving out of the camera's plane (rotations) or moving too little to see are not coached.
 */
import { getExercise } from '../exercises/library/index.js';
import { deriveCoachRule, type CoachRule, type CoachSpec } from './rules.js';

const sideViewNoSpine =
  'Seen from the side. The camera has no point along the spine, so the back is followed as a straight line from hips to shoulders; it cannot tell a rounded back from a straight one.';

const plankChecks = (lineMeasure: 'bodyLineSag' | 'thighLineSag', heels: string) =>
  [
    {
      id: 'hips-sagging',
      cue: `Lift your hips a little, so your shoulders, hips and ${heels} make one straight line.`,
      measure: lineMeasure,
      test: 'stayAtMost',
      at: 'lift',
      whileSteady: true,
    },
    {
      id: 'hips-too-high',
      cue: `Lower your hips a little, so your shoulders, hips and ${heels} make one straight line.`,
      measure: lineMeasure,
      test: 'stayAtLeast',
      at: 'lift',
      whileSteady: true,
    },
  ] as const;

const sitToStandChecks = [
  {
    id: 'knees-not-straight',
    cue: 'Stand all the way up at the top, with your knees straight but not locked.',
    measure: 'knee',
    test: 'reachAtLeast',
    at: 'stand',
    whileSteady: false,
  },
  {
    id: 'hips-not-straight',
    cue: 'Stand tall at the top: bring your hips right through.',
    measure: 'hip',
    test: 'reachAtLeast',
    at: 'stand',
    whileSteady: false,
  },
] as const;

const bridgeChecks = [
  {
    id: 'hips-not-high-enough',
    cue: 'Lift your hips a little higher, until your shoulders, hips and knees line up.',
    measure: 'thighLineSag',
    test: 'reachAtMost',
    at: 'lift',
    whileSteady: false,
  },
  {
    id: 'back-arching',
    cue: 'No need to push higher: stop when your shoulders, hips and knees are in line.',
    measure: 'thighLineSag',
    test: 'stayAtLeast',
    at: 'lift',
    whileSteady: false,
  },
] as const;

/** The coached exercises, as written (see `coachRules` for the derived numbers). */
export const coachSpecs: readonly CoachSpec[] = [
  {
    exerciseId: 'plank',
    measure: 'bodyLineSag',
    start: 'rest',
    target: 'lift',
    checks: plankChecks('bodyLineSag', 'heels'),
    limits: `${sideViewNoSpine} Only the hip's height against the shoulder–ankle line is checked.`,
  },
  {
    exerciseId: 'plank-kneeling',
    measure: 'thighLineSag',
    start: 'rest',
    target: 'lift',
    checks: plankChecks('thighLineSag', 'knees'),
    limits: `${sideViewNoSpine} Only the hip's height against the shoulder–knee line is checked; the movement is small, so keep the whole body in view and the camera still.`,
  },
  {
    exerciseId: 'side-plank',
    measure: 'bodyLineSag',
    start: 'rest',
    target: 'lift',
    checks: plankChecks('bodyLineSag', 'feet'),
    limits:
      'Seen from the front. Only the hips dropping towards the floor (or lifting too high) is checked; twisting forwards or backwards cannot be seen from the front.',
  },
  {
    exerciseId: 'side-plank-knees',
    measure: 'thighLineSag',
    start: 'rest',
    target: 'lift',
    checks: plankChecks('thighLineSag', 'knees'),
    limits:
      'Seen from the front. Only the hips dropping towards the floor (or lifting too high) is checked; twisting forwards or backwards cannot be seen from the front.',
  },
  {
    exerciseId: 'bird-dog',
    measure: 'maxHip',
    start: 'start',
    target: 'reach',
    checks: [
      {
        id: 'back-not-level',
        cue: 'Keep your back level and still while you reach: no dipping or lifting at the hips.',
        measure: 'trunkFromVertical',
        test: 'stayAtLeast',
        at: 'reach',
        whileSteady: true,
      },
      {
        id: 'back-tipping-up',
        cue: 'Keep your back level and still while you reach: no dipping or lifting at the hips.',
        measure: 'trunkFromVertical',
        test: 'stayAtMost',
        at: 'reach',
        whileSteady: true,
      },
      {
        id: 'arm-not-reaching',
        cue: 'Reach your arm out in front, level with your back.',
        measure: 'maxShoulder',
        test: 'stayAtLeast',
        at: 'reach',
        whileSteady: true,
      },
    ],
    limits: `${sideViewNoSpine} A pelvis tipping to one side cannot be seen from the side: "level" here means the hip–shoulder line keeps its angle. Either arm and leg may reach; the straighter hip and the higher arm are followed.`,
  },
  {
    exerciseId: 'cat-cow',
    measure: 'neckFlexion',
    start: 'start',
    target: 'cat',
    checks: [
      {
        id: 'cat-not-rounded',
        cue: 'Round your back up a little more, letting your head hang down.',
        measure: 'neckFlexion',
        test: 'reachAtLeast',
        at: 'cat',
        whileSteady: false,
      },
    ],
    limits:
      'Seen from the side. The camera has no point along the spine, so the rounding and arching are followed through the head and neck against the hip–shoulder line; nodding the head alone would also count. The reported range runs from the arch (negative) to the rounding (positive).',
  },
  {
    exerciseId: 'glute-bridge',
    measure: 'thighLineSag',
    start: 'start',
    target: 'lift',
    checks: bridgeChecks,
    limits: `${sideViewNoSpine} Hip lift is read from the shoulder–hip–knee line.`,
  },
  {
    exerciseId: 'single-leg-bridge',
    measure: 'thighLineSag',
    start: 'start',
    target: 'lift',
    checks: bridgeChecks,
    limits: `${sideViewNoSpine} Hip lift is read from the shoulder–hip–knee line of both sides together; a pelvis dropping on one side cannot be seen from the side.`,
  },
  {
    exerciseId: 'sit-to-stand',
    measure: 'knee',
    start: 'start',
    target: 'stand',
    checks: sitToStandChecks,
    limits: `${sideViewNoSpine} Knees drifting inwards cannot be seen from the side.`,
  },
  {
    exerciseId: 'sit-to-stand-slow-lower',
    measure: 'knee',
    start: 'start',
    target: 'stand',
    checks: sitToStandChecks,
    limits: `${sideViewNoSpine} Knees drifting inwards cannot be seen from the side. The speed of lowering is not checked.`,
  },
  {
    exerciseId: 'hip-hinge',
    measure: 'hip',
    start: 'start',
    target: 'hinge',
    checks: [
      {
        id: 'knees-bending-too-much',
        cue: 'Keep your knees only softly bent: send your hips back instead of squatting down.',
        measure: 'knee',
        test: 'stayAtLeast',
        at: 'hinge',
        whileSteady: false,
      },
    ],
    limits: `${sideViewNoSpine} Whether the back stays long (not rounded) cannot be checked.`,
  },
  {
    exerciseId: 'curl-up',
    measure: 'headLift',
    start: 'start',
    target: 'lift',
    checks: [
      {
        id: 'lifting-too-high',
        cue: 'Lift only a little: just your head and shoulders off the floor, not a sit-up.',
        measure: 'headLift',
        test: 'stayAtMost',
        at: 'lift',
        whileSteady: false,
      },
    ],
    limits:
      'Seen from the side. The lift is small, so it is read as the rise of the hip-to-ear line; keep the whole body in view and the camera still. Whether the neck stays in line with the trunk is not checked.',
  },
  {
    exerciseId: 'prone-press-up',
    measure: 'trunkFromVertical',
    start: 'start',
    target: 'up',
    checks: [],
    limits: `${sideViewNoSpine} Whether the hips stay resting on the floor is not checked.`,
  },
  {
    exerciseId: 'forward-fold',
    measure: 'trunkFlexion',
    start: 'start',
    target: 'fold',
    checks: [],
    limits: `${sideViewNoSpine} The angle includes bending at the hips. Go only as far as is comfortable: the fold is timed, not pushed.`,
  },
];

/** Every coached exercise's rule, derived from its keyframes and dosage: plain JSON data. */
export const coachRules: readonly CoachRule[] = coachSpecs.map((spec) =>
  deriveCoachRule(getExercise(spec.exerciseId), spec),
);

const byId: ReadonlyMap<string, CoachRule> = new Map(
  coachRules.map((rule) => [rule.exerciseId, rule]),
);

/** The rule of one exercise, or undefined when the camera does not coach it. */
export function getCoachRule(exerciseId: string): CoachRule | undefined {
  return byId.get(exerciseId);
}
