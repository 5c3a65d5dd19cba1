/** The geometry the hand-written SVG charts share: a plot area and day/value scales. */
import { daysBetween } from '../format/dates.js';

export const WIDTH = 640;
export const HEIGHT = 240;
export const MARGIN = { top: 16, right: 16, bottom: 36, left: 44 } as const;

export interface Plot {
  readonly x: (day: string) => number;
  readonly y: (value: number) => number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Scales mapping `[firstDay, lastDay]` and `[min, max]` onto the plot area. */
export function plotFor(firstDay: string, lastDay: string, min: number, max: number): Plot {
  const left = MARGIN.left;
  const right = WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = HEIGHT - MARGIN.bottom;
  const span = Math.max(1, daysBetween(firstDay, lastDay));
  const valueSpan = max - min === 0 ? 1 : max - min;
  return {
    left,
    right,
    top,
    bottom,
    // A single day sits in the middle.
    x: (day) =>
      firstDay === lastDay
        ? (left + right) / 2
        : left + ((right - left) * daysBetween(firstDay, day)) / span,
    y: (value) => bottom - ((bottom - top) * (value - min)) / valueSpan,
  };
}

/** About `count` round tick values from `min` to `max`. */
export function ticks(min: number, max: number, count = 5): number[] {
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw === 0 ? 1 : raw));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? raw;
  const values: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + 1e-9; value += step) {
    values.push(Math.round(value * 1000) / 1000);
  }
  return values;
}

/** An SVG path through the points, in order. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points
    .map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`)
    .join(' ');
}

/** Short day labels for the x axis: the first, the last and a few between. */
export function dayTicks(firstDay: string, lastDay: string, count = 4): string[] {
  const span = daysBetween(firstDay, lastDay);
  if (span <= 0) return [firstDay];
  const days = new Set<string>();
  for (let index = 0; index <= count; index += 1) {
    const offset = Math.round((span * index) / count);
    days.add(
      new Date(Date.parse(`${firstDay}T00:00:00Z`) + offset * 86_400_000)
        .toISOString()
        .slice(0, 10),
    );
  }
  return [...days];
}
