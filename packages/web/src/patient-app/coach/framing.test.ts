import {
  defaultFigureCamera,
  getCoachRule,
  standing,
  standingFront,
  stillTimeline,
  synthesiseFrames,
  type NormalizedLandmark,
} from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { checkFraming, estimateView, limbAngles, meanBrightness, ruleMeasures } from './framing.js';

const aspectRatio = defaultFigureCamera.aspectRatio;

function firstFrame(view: 'side' | 'front'): readonly NormalizedLandmark[] {
  const frame = synthesiseFrames(stillTimeline(view === 'side' ? standing : standingFront, 1), {
    view,
  })[0];
  if (frame === undefined) throw new Error('no frame');
  return frame.landmarks;
}

const rule = getCoachRule('sit-to-stand');
if (rule === undefined) throw new Error('sit-to-stand is coached');

describe('the framing check', () => {
  it('tells a side view from a front view', () => {
    expect(estimateView(firstFrame('side'), aspectRatio)).toBe('side');
    expect(estimateView(firstFrame('front'), aspectRatio)).toBe('front');
  });

  it('is ready for a whole person, well lit, in the view the exercise needs', () => {
    const framing = checkFraming({
      landmarks: firstFrame('side'),
      aspectRatio,
      brightness: 120,
      view: rule.view,
      measures: ruleMeasures(rule),
    });
    expect(framing.items.filter((item) => !item.ok)).toEqual([]);
    expect(framing.ready).toBe(true);
  });

  it('asks the patient to turn when the view is wrong, and for light when it is dark', () => {
    const framing = checkFraming({
      landmarks: firstFrame('front'),
      aspectRatio,
      brightness: 20,
      view: 'side',
      measures: ruleMeasures(rule),
    });
    expect(framing.ready).toBe(false);
    expect(framing.items.filter((item) => !item.ok).map((item) => item.id)).toEqual([
      'light',
      'view',
    ]);
  });

  it('is not ready with no person, or with the legs out of the picture', () => {
    expect(
      checkFraming({
        landmarks: undefined,
        aspectRatio,
        brightness: 120,
        view: 'side',
        measures: ['knee'],
      }).items[0],
    ).toMatchObject({ id: 'person', ok: false });
    const cut = firstFrame('side').map((point, index) =>
      index >= 25 ? { ...point, visibility: 0.05 } : point,
    );
    const framing = checkFraming({
      landmarks: cut,
      aspectRatio,
      brightness: 120,
      view: 'side',
      measures: ruleMeasures(rule),
    });
    expect(framing.ready).toBe(false);
    expect(framing.items.find((item) => item.id === 'wholeBody')?.ok).toBe(false);
    expect(framing.items.find((item) => item.id === 'landmarks')?.ok).toBe(false);
  });

  it('reads straight knees as about 180° for a person standing', () => {
    const angles = limbAngles(firstFrame('side'), aspectRatio);
    expect(angles.leftKnee).toBeGreaterThan(170);
    expect(angles.rightKnee).toBeGreaterThan(170);
  });

  it('measures the mean brightness of a picture', () => {
    const pixels = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255]);
    expect(meanBrightness(pixels, 1)).toBeCloseTo(127.5, 1);
  });
});
