import { describe, expect, it } from 'vitest';
import type { Assessment, RepeatedMovementFinding } from './assessment.js';
import { findDirectionalPreference } from './directional-preference.js';

const moves = (
  repeatedMovements: RepeatedMovementFinding[],
  region: Assessment['region'] = 'lumbar',
): Assessment => ({ region, examination: { repeatedMovements } });

describe('findDirectionalPreference', () => {
  it('prefers a centralising direction and avoids the opposite one', () => {
    const result = findDirectionalPreference(
      moves([{ direction: 'extension', effect: 'centralises' }]),
    );
    expect(result.result).toEqual({
      preference: 'extension',
      avoid: ['flexion'],
      caution: [],
      centralisation: true,
    });
    expect(result.summary).toBe(
      'Repeated extension centralises symptoms: prefer extension. Avoid flexion while symptoms respond this way.',
    );
    expect(result.met).toEqual(['extensionHelps']);
    expect(result.unknown).toEqual(['flexionHelps', 'lateralHelps', 'rotationHelps']);
    expect(result.sources).toEqual(['S-MDT']);
  });

  it('ranks centralising above reducing, and avoids peripheralising directions', () => {
    const result = findDirectionalPreference(
      moves([
        { direction: 'flexion', effect: 'reduces' },
        { direction: 'lateral', effect: 'centralises' },
        { direction: 'rotation', effect: 'peripheralises' },
        { direction: 'extension', effect: 'increases' },
      ]),
    );
    expect(result.result).toEqual({
      preference: 'lateral',
      avoid: ['rotation'],
      caution: ['extension'],
      centralisation: true,
    });
    expect(result.summary).toContain('Avoid rotation');
    expect(result.summary).toContain('Use extension with caution (symptoms increased).');
  });

  it('prefers a reducing direction when none centralises; the opposite is not avoided if it also helped', () => {
    const result = findDirectionalPreference(
      moves(
        [
          { direction: 'flexion', effect: 'reduces' },
          { direction: 'extension', effect: 'peripheralises' },
        ],
        'cervical',
      ),
    );
    expect(result.applicable).toBe(true);
    expect(result.result).toEqual({
      preference: 'flexion',
      avoid: ['extension'],
      caution: [],
      centralisation: false,
    });
    expect(result.summary).toMatch(/^Repeated flexion reduces symptoms: prefer flexion\./);
    const both = findDirectionalPreference(
      moves([
        { direction: 'extension', effect: 'centralises' },
        { direction: 'flexion', effect: 'reduces' },
      ]),
    );
    expect(both.result.preference).toBe('extension');
    expect(both.result.avoid).toEqual([]);
  });

  it('has no opposite to avoid for lateral or rotation', () => {
    const result = findDirectionalPreference(
      moves([
        { direction: 'rotation', effect: 'reduces' },
        { direction: 'extension', effect: 'noEffect' },
      ]),
    );
    expect(result.result.preference).toBe('rotation');
    expect(result.result.avoid).toEqual([]);
    expect(result.summary).not.toContain('Avoid');
  });

  it('picks no direction when two tie at the best response', () => {
    const result = findDirectionalPreference(
      moves([
        { direction: 'extension', effect: 'centralises' },
        { direction: 'lateral', effect: 'centralises' },
        { direction: 'flexion', effect: 'peripheralises' },
      ]),
    );
    expect(result.result).toEqual({
      preference: 'none',
      avoid: ['flexion'],
      caution: [],
      centralisation: true,
    });
    expect(result.summary).toMatch(
      /^No single preference: extension and lateral each centralises symptoms/,
    );
    const reducing = findDirectionalPreference(
      moves([
        { direction: 'extension', effect: 'reduces' },
        { direction: 'flexion', effect: 'reduces' },
      ]),
    );
    expect(reducing.result.preference).toBe('none');
    expect(reducing.result.centralisation).toBe(false);
  });

  it('is none when all four were tested and none helped', () => {
    const result = findDirectionalPreference(
      moves([
        { direction: 'extension', effect: 'noEffect' },
        { direction: 'flexion', effect: 'increases' },
        { direction: 'lateral', effect: 'noEffect' },
        { direction: 'rotation', effect: 'peripheralises' },
      ]),
    );
    expect(result.result).toEqual({
      preference: 'none',
      avoid: ['rotation'],
      caution: ['flexion'],
      centralisation: false,
    });
    expect(result.summary).toMatch(
      /^No preference: no direction centralised or reduced symptoms\./,
    );
  });

  it('is indeterminate while untested directions could still show a preference', () => {
    const result = findDirectionalPreference(
      moves([
        { direction: 'extension', effect: 'noEffect' },
        { direction: 'flexion', effect: 'noEffect' },
      ]),
    );
    expect(result.result.preference).toBeNull();
    expect(result.summary).toMatch(/lateral, rotation not yet tested/);
  });

  it('is indeterminate with no repeated movements', () => {
    for (const assessment of [{ region: 'lumbar' }, moves([])] satisfies Assessment[]) {
      const result = findDirectionalPreference(assessment);
      expect(result.result).toEqual({
        preference: null,
        avoid: [],
        caution: [],
        centralisation: false,
      });
      expect(result.unknown).toHaveLength(4);
      expect(result.summary).toMatch(/^No repeated movements recorded/);
    }
  });
});
