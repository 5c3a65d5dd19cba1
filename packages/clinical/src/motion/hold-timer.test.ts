import { describe, expect, it } from 'vitest';
import { getCoachRule } from './coached-exercises.js';
import { HoldTimer } from './hold-timer.js';
import type { CoachRule } from './rules.js';

// Side plank: hold pose at 0° of hip drop, tolerance ±10.5°.
const rule = getCoachRule('side-plank') as CoachRule;

describe('hold timer', () => {
  it('adds up the time within the tolerance and pauses outside it', () => {
    const timer = new HoldTimer(rule);
    for (let frame = 0; frame <= 90; frame++) timer.update(frame / 30, 2);
    expect(timer.totalSeconds).toBeCloseTo(3, 6);
    expect(timer.holding).toBe(true);
    for (let frame = 91; frame <= 150; frame++) timer.update(frame / 30, 20);
    expect(timer.holding).toBe(false);
    expect(timer.totalSeconds).toBeCloseTo(3, 6);
    for (let frame = 151; frame <= 181; frame++) timer.update(frame / 30, -3);
    expect(timer.totalSeconds).toBeCloseTo(4, 6);
  });

  it('does not count time across a gap longer than the limit', () => {
    const timer = new HoldTimer(rule);
    timer.update(0, 0);
    timer.update(0.1, 0);
    timer.update(0.1 + rule.maxGapSeconds.value + 0.5, 0);
    timer.update(1.2, 0);
    expect(timer.totalSeconds).toBeCloseTo(0.1 + (1.2 - (0.6 + rule.maxGapSeconds.value)), 6);
  });

  it('counts across a short gap (a dropped frame or two)', () => {
    const timer = new HoldTimer(rule);
    timer.update(0, 0);
    timer.update(0.1, 0);
    expect(timer.totalSeconds).toBeCloseTo(0.1, 6);
  });

  it('ends one hold and starts the next from zero', () => {
    const timer = new HoldTimer(rule);
    timer.update(0, 0);
    timer.update(2, 0.5);
    expect(timer.endHold()).toBe(0);
    for (let frame = 0; frame <= 60; frame++) timer.update(3 + frame / 30, 0);
    expect(timer.endHold()).toBeCloseTo(2, 6);
    expect(timer.currentSeconds).toBe(0);
    expect(timer.totalSeconds).toBeCloseTo(2, 6);
  });
});
