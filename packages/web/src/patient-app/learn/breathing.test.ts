import { describe, expect, it } from 'vitest';
import { breathAt, cycleSeconds } from './breathing.js';

const timer = { inhaleSeconds: 4, holdSeconds: 2, exhaleSeconds: 6, cycles: 2 };

describe('breathAt', () => {
  it('walks through in, hold and out, counting the seconds left', () => {
    expect(cycleSeconds(timer)).toBe(12);
    expect(breathAt(timer, 0)).toEqual({ phase: 'in', cycle: 1, secondsLeft: 4, phaseSeconds: 4 });
    expect(breathAt(timer, 3.9)).toMatchObject({ phase: 'in', secondsLeft: 1 });
    expect(breathAt(timer, 4)).toMatchObject({ phase: 'hold', secondsLeft: 2 });
    expect(breathAt(timer, 6)).toMatchObject({ phase: 'out', secondsLeft: 6, phaseSeconds: 6 });
    expect(breathAt(timer, 12)).toMatchObject({ phase: 'in', cycle: 2 });
  });

  it('skips a hold of zero seconds and ends after the last cycle', () => {
    const noHold = { ...timer, holdSeconds: 0 };
    expect(breathAt(noHold, 4)).toMatchObject({ phase: 'out', secondsLeft: 6 });
    expect(breathAt(timer, 24)).toEqual({ phase: null, cycle: 2, secondsLeft: 0, phaseSeconds: 0 });
  });
});
