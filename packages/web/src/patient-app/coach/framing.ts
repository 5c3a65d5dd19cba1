/**
 * The framing check before counting starts: is a person in the picture, whole, lit well enough,
 * seen from the side or the front as the exercise needs, with every landmark its rule reads
 * visible? Pure: landmarks and a brightness in, a checklist out.
 *
 * Every threshold here is an engineering default, not a clinical one.
 */
import {
  bodyFromImage,
  defaultSmoothingSettings,
  measureAngle,
  type CoachRule,
  type MeasureId,
  type NormalizedLandmark,
} from '@spinewise/clinical';

export const framingSettings = {
  /** Mean brightness (0–255) below which the picture is too dark for the model to be reliable. */
  minBrightness: 45,
  /** A landmark this close to an edge (fraction of the picture) may be cut off. */
  edgeMargin: 0.02,
  /**
   * Shoulder width over trunk length, as the camera sees them: about 0.7–0.9 facing the camera,
   * under 0.3 side-on. Between the two the view is unclear.
   */
  frontAtLeast: 0.45,
  sideAtMost: 0.3,
} as const;

export type CameraView = 'side' | 'front';

export interface FramingItem {
  readonly id: 'person' | 'wholeBody' | 'landmarks' | 'light' | 'view';
  readonly ok: boolean;
  /** What to do when not ok (or what is fine), in plain words. */
  readonly text: string;
}

export interface Framing {
  readonly ready: boolean;
  readonly items: readonly FramingItem[];
  readonly view?: CameraView;
}

const WHOLE_BODY = [
  ['leftShoulder', 'rightShoulder'],
  ['leftHip', 'rightHip'],
  ['leftKnee', 'rightKnee'],
  ['leftAnkle', 'rightAnkle'],
] as const;

const INDEX = {
  nose: 0,
  leftShoulder: 11,
  rightShoulder: 12,
  leftHip: 23,
  rightHip: 24,
  leftKnee: 25,
  rightKnee: 26,
  leftAnkle: 27,
  rightAnkle: 28,
} as const;

function seen(point: NormalizedLandmark | undefined, margin: number): boolean {
  return (
    point !== undefined &&
    point.visibility >= defaultSmoothingSettings.minVisibility &&
    point.x >= margin &&
    point.x <= 1 - margin &&
    point.y >= margin &&
    point.y <= 1 - margin
  );
}

/** The view the camera has of the person, from shoulder width against trunk length. */
export function estimateView(
  landmarks: readonly NormalizedLandmark[],
  aspectRatio: number,
): CameraView | undefined {
  const at = (name: keyof typeof INDEX) => landmarks[INDEX[name]];
  const ls = at('leftShoulder');
  const rs = at('rightShoulder');
  const lh = at('leftHip');
  const rh = at('rightHip');
  if (ls === undefined || rs === undefined || lh === undefined || rh === undefined) {
    return undefined;
  }
  const shoulderWidth = Math.hypot((ls.x - rs.x) * aspectRatio, ls.y - rs.y);
  const trunk = Math.hypot(
    ((ls.x + rs.x - lh.x - rh.x) / 2) * aspectRatio,
    (ls.y + rs.y - lh.y - rh.y) / 2,
  );
  if (!(trunk > 0)) return undefined;
  const ratio = shoulderWidth / trunk;
  if (ratio >= framingSettings.frontAtLeast) return 'front';
  if (ratio <= framingSettings.sideAtMost) return 'side';
  return undefined;
}

/** The measures a rule reads: its tracked angle and its form checks'. */
export function ruleMeasures(rule: CoachRule): MeasureId[] {
  return [...new Set([rule.tracked.measure, ...rule.formChecks.map((check) => check.measure)])];
}

export interface FramingInput {
  readonly landmarks: readonly NormalizedLandmark[] | undefined;
  readonly aspectRatio: number;
  /** Mean brightness of the picture, 0–255. */
  readonly brightness: number;
  readonly view: CameraView;
  readonly measures: readonly MeasureId[];
}

/** The checklist for one frame. */
export function checkFraming(input: FramingInput): Framing {
  const light: FramingItem =
    input.brightness >= framingSettings.minBrightness
      ? { id: 'light', ok: true, text: 'There is enough light.' }
      : {
          id: 'light',
          ok: false,
          text: 'It is too dark. Turn on a light or face a window.',
        };
  const { landmarks } = input;
  if (landmarks === undefined) {
    return {
      ready: false,
      items: [
        {
          id: 'person',
          ok: false,
          text: 'We cannot see you yet. Step back until the camera shows all of you.',
        },
        light,
      ],
    };
  }
  const margin = framingSettings.edgeMargin;
  const whole = WHOLE_BODY.every(([left, right]) =>
    [landmarks[INDEX[left]], landmarks[INDEX[right]]].some((point) => seen(point, margin)),
  );
  const body = bodyFromImage(landmarks, input.aspectRatio, defaultSmoothingSettings.minVisibility);
  const measurable = input.measures.every((id) => measureAngle(body, id) !== undefined);
  const view = estimateView(landmarks, input.aspectRatio);
  const viewText =
    input.view === 'side'
      ? 'Turn side-on to the camera, so it sees you from the side.'
      : 'Face the camera, so it sees you from the front.';
  const items: FramingItem[] = [
    { id: 'person', ok: true, text: 'We can see you.' },
    whole
      ? { id: 'wholeBody', ok: true, text: 'Your whole body is in the picture.' }
      : {
          id: 'wholeBody',
          ok: false,
          text: 'Part of you is out of the picture. Move back, or put the phone lower or further away.',
        },
    measurable
      ? { id: 'landmarks', ok: true, text: 'The joints this exercise needs are clear.' }
      : {
          id: 'landmarks',
          ok: false,
          text: 'Some joints this exercise needs are hidden. Wear fitted clothes and keep your arms and legs in view.',
        },
    light,
    view === input.view
      ? { id: 'view', ok: true, text: `The camera sees you from the ${input.view}.` }
      : { id: 'view', ok: false, text: viewText },
  ];
  return {
    ready: items.every((item) => item.ok),
    items,
    ...(view === undefined ? {} : { view }),
  };
}

/** Mean brightness (0–255) of RGBA pixels, every `step`-th pixel. */
export function meanBrightness(pixels: Uint8ClampedArray, step = 4): number {
  let sum = 0;
  let count = 0;
  for (let index = 0; index + 2 < pixels.length; index += 4 * step) {
    // Rec. 601 luma.
    sum +=
      0.299 * (pixels[index] ?? 0) +
      0.587 * (pixels[index + 1] ?? 0) +
      0.114 * (pixels[index + 2] ?? 0);
    count += 1;
  }
  return count === 0 ? 0 : sum / count;
}

/** The elbow and knee angles of one frame, for the readout the browser test reads. */
export function limbAngles(
  landmarks: readonly NormalizedLandmark[],
  aspectRatio: number,
): Partial<Record<'leftElbow' | 'rightElbow' | 'leftKnee' | 'rightKnee', number>> {
  const body = bodyFromImage(landmarks, aspectRatio, defaultSmoothingSettings.minVisibility);
  const angles: Partial<Record<'leftElbow' | 'rightElbow' | 'leftKnee' | 'rightKnee', number>> = {};
  for (const id of ['leftElbow', 'rightElbow', 'leftKnee', 'rightKnee'] as const) {
    const value = measureAngle(body, id);
    if (value !== undefined) angles[id] = Math.round(value * 10) / 10;
  }
  return angles;
}
