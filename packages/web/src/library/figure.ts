/**
 * The stick figure of an exercise, drawn from the clinical core's skeleton: the pose at a moment
 * of the looping animation (`poseAt` eases between keyframes), turned into the lines and head
 * of an SVG in a frame that fits every keyframe, so the figure never jumps or leaves the frame.
 */
import {
  landmarks,
  poseAt,
  type Animation,
  type LandmarkId,
  type Point,
  type Pose,
  type View,
} from '@spinewise/clinical';

export interface Bone {
  readonly id: string;
  readonly from: Point;
  readonly to: Point;
}

export interface FigureDrawing {
  /** In SVG units (y down), inside `frameOf`'s box. */
  readonly bones: readonly Bone[];
  readonly head: { readonly centre: Point; readonly radius: number };
}

export interface Frame {
  readonly minX: number;
  readonly minY: number;
  readonly width: number;
  readonly height: number;
}

/** One body height, in SVG units. */
const SCALE = 100;
const HEAD_RADIUS = 0.055;

const midpoint = (a: Point, b: Point, t = 0.5): Point => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
});

/** Body heights with y up → SVG units with y down. */
const toSvg = (point: Point): Point => ({ x: point.x * SCALE, y: -point.y * SCALE });

const limbChains: readonly (readonly LandmarkId[])[] = [
  ['leftShoulder', 'leftElbow', 'leftWrist'],
  ['rightShoulder', 'rightElbow', 'rightWrist'],
  ['leftHip', 'leftKnee', 'leftAnkle', 'leftToe'],
  ['rightHip', 'rightKnee', 'rightAnkle', 'rightToe'],
];

/** The figure of one pose. */
export function drawPose(pose: Pose, view: View): FigureDrawing {
  const at = landmarks(pose, view);
  const shoulders = midpoint(at.leftShoulder, at.rightShoulder);
  const hips = midpoint(at.leftHip, at.rightHip);
  const bones: Bone[] = [
    { id: 'lowerTrunk', from: hips, to: at.midBack },
    { id: 'upperTrunk', from: at.midBack, to: shoulders },
    { id: 'neck', from: shoulders, to: midpoint(shoulders, at.head, 0.35) },
  ];
  if (view === 'front') {
    bones.push({ id: 'shoulders', from: at.leftShoulder, to: at.rightShoulder });
    bones.push({ id: 'hips', from: at.leftHip, to: at.rightHip });
  }
  for (const chain of limbChains) {
    for (let index = 1; index < chain.length; index++) {
      const from = chain[index - 1] as LandmarkId;
      const to = chain[index] as LandmarkId;
      bones.push({ id: `${from}-${to}`, from: at[from], to: at[to] });
    }
  }
  return {
    bones: bones.map((bone) => ({ id: bone.id, from: toSvg(bone.from), to: toSvg(bone.to) })),
    head: { centre: toSvg(midpoint(shoulders, at.head, 0.68)), radius: HEAD_RADIUS * SCALE },
  };
}

/** The figure `seconds` into the looping animation. */
export function drawAt(animation: Animation, seconds: number): FigureDrawing {
  return drawPose(poseAt(animation, seconds), animation.view);
}

/** A box holding the figure in every keyframe (and the floor), with a margin. */
export function frameOf(animation: Animation): Frame {
  const xs: number[] = [];
  const ys: number[] = [0];
  for (const keyframe of animation.keyframes) {
    const drawing = drawPose(keyframe.pose, animation.view);
    for (const bone of drawing.bones) xs.push(bone.from.x, bone.to.x);
    for (const bone of drawing.bones) ys.push(bone.from.y, bone.to.y);
    const { centre, radius } = drawing.head;
    xs.push(centre.x - radius, centre.x + radius);
    ys.push(centre.y - radius, centre.y + radius);
  }
  const margin = 8;
  const minX = Math.min(...xs) - margin;
  const minY = Math.min(...ys) - margin;
  const width = Math.max(...xs) + margin - minX;
  const height = Math.max(...ys) + margin - minY;
  // Never narrower than tall by much, so lying and standing figures sit alike in the card.
  const wide = Math.max(width, height * 0.75);
  return { minX: minX - (wide - width) / 2, minY, width: wide, height };
}

/** The label of the keyframe the animation is at or last passed, e.g. `lift`. */
export function labelAt(animation: Animation, seconds: number): string | undefined {
  const time =
    ((seconds % animation.cycleSeconds) + animation.cycleSeconds) % animation.cycleSeconds;
  let label: string | undefined;
  for (const keyframe of animation.keyframes) if (keyframe.at <= time) label = keyframe.label;
  return label;
}

/** What the figure shows, in words, for its accessible name. */
export function describeMovement(name: string, animation: Animation): string {
  const labels = animation.keyframes
    .map((keyframe) => keyframe.label)
    .filter((label): label is string => label !== undefined && label !== '');
  const unique = labels.filter((label, index) => labels.indexOf(label) === index);
  const view = animation.view === 'side' ? 'from the side' : 'from the front';
  const steps = unique.length === 0 ? '' : `: ${unique.join(', then ')}`;
  return `Figure showing ${name}, seen ${view}, one repetition every ${formatSeconds(animation.cycleSeconds)}${steps}.`;
}

function formatSeconds(seconds: number): string {
  const rounded = Math.round(seconds * 10) / 10;
  return rounded === 1 ? '1 second' : `${rounded} seconds`;
}
