/**
 * Starting poses to build exercise keyframes from (side view, the figure facing right, the
 * floor at y = 0). Exercises copy one and change the segments that move.
 */
import type { Limbs, Pose } from './skeleton.js';

const both = (limbs: Limbs): Pick<Pose, 'left' | 'right'> => ({ left: limbs, right: limbs });

/** Upright, arms by the sides. */
export const standing: Pose = {
  hip: { x: 0, y: 0.49 },
  lowerTrunk: 90,
  upperTrunk: 90,
  head: 90,
  ...both({ upperArm: 270, forearm: 270, thigh: 270, shin: 270, foot: 0 }),
};

/** Standing, seen from the front: the figure's left is on the image's right. */
export const standingFront: Pose = {
  ...standing,
  left: { upperArm: 272, forearm: 272, thigh: 272, shin: 270, foot: 0 },
  right: { upperArm: 268, forearm: 268, thigh: 268, shin: 270, foot: 180 },
};

/** On a chair (seat about a quarter of body height), hands resting on the thighs. */
export const sitting: Pose = {
  hip: { x: 0, y: 0.26 },
  lowerTrunk: 90,
  upperTrunk: 90,
  head: 90,
  ...both({ upperArm: 280, forearm: 10, thigh: 0, shin: 270, foot: 0 }),
};

/** Lying on the back with knees bent and feet flat (crook lying), head to the left. */
export const crookLying: Pose = {
  hip: { x: 0, y: 0.05 },
  lowerTrunk: 180,
  upperTrunk: 180,
  head: 180,
  ...both({ upperArm: 355, forearm: 0, thigh: 50, shin: 300, foot: 0 }),
};

/** Lying face down, head to the right, arms by the sides. */
export const proneLying: Pose = {
  hip: { x: 0, y: 0.05 },
  lowerTrunk: 0,
  upperTrunk: 0,
  head: 0,
  ...both({ upperArm: 180, forearm: 180, thigh: 180, shin: 180, foot: 200 }),
};

/** On hands and knees, hands under shoulders, knees under hips, facing right. */
export const quadruped: Pose = {
  hip: { x: 0, y: 0.245 },
  lowerTrunk: 16,
  upperTrunk: 16,
  head: 10,
  ...both({ upperArm: 270, forearm: 270, thigh: 270, shin: 180, foot: 180 }),
};
