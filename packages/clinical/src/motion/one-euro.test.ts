import { describe, expect, it } from 'vitest';
import { OneEuroFilter, defaultOneEuroSettings } from './one-euro.js';
import { seededRandom } from './synthetic.js';

const spread = (values: readonly number[]) => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
};

describe('One Euro filter', () => {
  it('passes the first sample through and keeps a steady signal steady', () => {
    const filter = new OneEuroFilter();
    expect(filter.filter(0.4, 0)).toBe(0.4);
    for (let frame = 1; frame < 30; frame++)
      expect(filter.filter(0.4, frame / 30)).toBeCloseTo(0.4);
  });

  it('steadies a still but noisy signal', () => {
    const random = seededRandom(1);
    const filter = new OneEuroFilter();
    const raw: number[] = [];
    const smoothed: number[] = [];
    for (let frame = 0; frame < 300; frame++) {
      const value = 0.5 + (random() - 0.5) * 0.01;
      raw.push(value);
      smoothed.push(filter.filter(value, frame / 30));
    }
    expect(spread(smoothed.slice(30))).toBeLessThan(spread(raw.slice(30)) / 2);
  });

  it('follows a moving signal with little lag (the cutoff rises with speed)', () => {
    const moving = new OneEuroFilter();
    const plain = new OneEuroFilter({ ...defaultOneEuroSettings, beta: 0 });
    let lastMoving = 0;
    let lastPlain = 0;
    for (let frame = 0; frame <= 30; frame++) {
      lastMoving = moving.filter(frame / 30, frame / 30);
      lastPlain = plain.filter(frame / 30, frame / 30);
    }
    // One unit a second for a second: the speed-adapted filter is much closer.
    expect(1 - lastMoving).toBeLessThan(0.05);
    expect(1 - lastPlain).toBeGreaterThan(0.1);
  });

  it('ignores a sample that is not after the last, and starts afresh after a reset', () => {
    const filter = new OneEuroFilter();
    filter.filter(1, 1);
    expect(filter.filter(5, 1)).toBe(1);
    expect(filter.filter(5, 0.5)).toBe(1);
    filter.reset();
    expect(filter.lastSeconds).toBeUndefined();
    expect(filter.filter(5, 2)).toBe(5);
  });
});
