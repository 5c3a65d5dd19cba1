import { describe, expect, it } from 'vitest';
import { RepCounter, progressOf, type RepEvent } from './rep-counter.js';
import { getCoachRule } from './coached-exercises.js';
import type { CoachRule } from './rules.js';

// Sit-to-stand: knee 90° seated → 164° standing; enter at 138.1°, exit at 115.9°.
const rule = getCoachRule('sit-to-stand') as CoachRule;
// Hip hinge runs the other way: hip 180° → 107°.
const hinge = getCoachRule('hip-hinge') as CoachRule;

/** Feeds (seconds, degrees) pairs at 30 frames a second; returns the finished repetitions. */
const feed = (counter: RepCounter, degrees: readonly number[], from = 0): RepEvent[] =>
  degrees.flatMap((value, index) => counter.update(from + index / 30, value) ?? []);

/** A smooth rep from `low` to `high` and back over `seconds`. */
const rep = (low: number, high: number, seconds: number) =>
  Array.from({ length: Math.round(seconds * 30) }, (_, index) => {
    const phase = index / (seconds * 30);
    return low + ((high - low) * (1 - Math.cos(2 * Math.PI * phase))) / 2;
  });

describe('repetition counter', () => {
  it('places progress from the start (0) to the target (1), either direction', () => {
    expect(progressOf(rule, 90)).toBeCloseTo(0);
    expect(progressOf(rule, 164)).toBe(1);
    expect(progressOf(hinge, 180)).toBeCloseTo(0);
    expect(progressOf(hinge, 107)).toBe(1);
  });

  it('counts full repetitions, one each', () => {
    const counter = new RepCounter(rule);
    const events = feed(counter, [...rep(90, 164, 3), ...rep(90, 164, 3), ...rep(90, 164, 3), 90]);
    expect(events.map((event) => event.counted)).toEqual([true, true, true]);
    expect(counter.reps).toBe(3);
    expect(events[0]?.rangeDegrees).toBeGreaterThan(70);
  });

  it('counts a movement in the decreasing direction', () => {
    const counter = new RepCounter(hinge);
    feed(counter, [...rep(180, 107, 3), ...rep(180, 107, 3), 180]);
    expect(counter.reps).toBe(2);
  });

  it('does not count twice when the angle wobbles around a threshold (hysteresis)', () => {
    const counter = new RepCounter(rule);
    const wobble = Array.from({ length: 60 }, (_, index) => 138 + (index % 2 === 0 ? 3 : -3));
    feed(counter, [...rep(90, 140, 1).slice(0, 15), ...wobble, ...rep(90, 140, 1).slice(15), 90]);
    expect(counter.reps).toBe(1);
  });

  it('never counts a movement that stops short of the enter threshold', () => {
    const counter = new RepCounter(rule);
    feed(counter, [...rep(90, 135, 3), ...rep(90, 135, 3), 90]);
    expect(counter.reps).toBe(0);
    expect(counter.out).toBe(false);
  });

  it('does not count a repetition quicker than the minimum time', () => {
    const counter = new RepCounter(rule);
    const quick = rep(90, 164, rule.minRepSeconds.value / 2);
    const events = feed(counter, [90, 90, ...quick, 90, 90]);
    expect(events).toEqual([expect.objectContaining({ counted: false, reason: 'tooQuick' })]);
    expect(counter.reps).toBe(0);
  });

  it('does not count a repetition smaller than the minimum range', () => {
    // Starting already half-way up, then only to the enter threshold and back: too small.
    const counter = new RepCounter({
      ...rule,
      minRangeDegrees: { ...rule.minRangeDegrees, value: 60 },
    });
    const events = feed(counter, [...rep(110, 140, 3), 110]);
    expect(events).toEqual([expect.objectContaining({ counted: false, reason: 'tooSmall' })]);
  });

  it('does not count a person who starts already at the target and only comes back', () => {
    const counter = new RepCounter(rule);
    feed(counter, [164, 164, 164, ...rep(90, 164, 3).slice(45), 90]);
    expect(counter.reps).toBe(0);
  });
});
