/**
 * The skeleton drawn over the camera picture: lines between the landmarks the model sees well,
 * a dot at each joint. Drawn on a canvas the size of the video; nothing is kept.
 */
import { defaultSmoothingSettings, type NormalizedLandmark } from '@spinewise/clinical';

/** Pairs of BlazePose landmark indexes joined by a line (the body, without the face and hands). */
const BONES: readonly (readonly [number, number])[] = [
  [11, 12],
  [11, 13],
  [13, 15],
  [12, 14],
  [14, 16],
  [11, 23],
  [12, 24],
  [23, 24],
  [23, 25],
  [25, 27],
  [27, 29],
  [29, 31],
  [27, 31],
  [24, 26],
  [26, 28],
  [28, 30],
  [30, 32],
  [28, 32],
  [7, 8],
  [0, 7],
  [0, 8],
];

const JOINTS = [0, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28];

export function drawSkeleton(
  canvas: HTMLCanvasElement,
  landmarks: readonly NormalizedLandmark[] | undefined,
): void {
  const context = canvas.getContext('2d');
  if (context === null) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  if (landmarks === undefined) return;
  const visible = (index: number) => {
    const point = landmarks[index];
    return point !== undefined && point.visibility >= defaultSmoothingSettings.minVisibility
      ? point
      : undefined;
  };
  const width = canvas.width;
  const height = canvas.height;
  context.lineWidth = Math.max(3, width / 160);
  context.lineCap = 'round';
  // Dark outline under a light line: visible on light and dark backgrounds alike.
  for (const [stroke, extra] of [
    ['rgba(0, 0, 0, 0.7)', 3],
    ['#7fffd4', 0],
  ] as const) {
    context.strokeStyle = stroke;
    context.lineWidth = Math.max(3, width / 160) + extra;
    context.beginPath();
    for (const [from, to] of BONES) {
      const a = visible(from);
      const b = visible(to);
      if (a === undefined || b === undefined) continue;
      context.moveTo(a.x * width, a.y * height);
      context.lineTo(b.x * width, b.y * height);
    }
    context.stroke();
  }
  context.fillStyle = '#ffffff';
  context.strokeStyle = 'rgba(0, 0, 0, 0.8)';
  context.lineWidth = 2;
  for (const index of JOINTS) {
    const point = visible(index);
    if (point === undefined) continue;
    context.beginPath();
    context.arc(point.x * width, point.y * height, Math.max(4, width / 110), 0, Math.PI * 2);
    context.fill();
    context.stroke();
  }
}
