import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSignInName, normaliseSignInName, signInNameOf, userIdRangeOf } from './sign-in-names.js';
import { INVITATION_ALPHABET } from './tokens.js';

describe('signInNameOf', () => {
  it('writes the first 40 bits of the id as XXXX-XXXX in the invitation alphabet', () => {
    expect(signInNameOf('00000000-0000-4000-8000-000000000000')).toBe('2222-2222');
    expect(signInNameOf('ffffffff-ffff-4fff-bfff-ffffffffffff')).toBe('ZZZZ-ZZZZ');
    // 0x0000000001 is the last character's 1 (alphabet position 1 = '3').
    expect(signInNameOf('00000000-01ff-4fff-bfff-ffffffffffff')).toBe('2222-2223');
    const group = `[${INVITATION_ALPHABET}]{4}`;
    expect(signInNameOf(randomUUID())).toMatch(new RegExp(`^${group}-${group}$`, 'u'));
    expect(() => signInNameOf('not-a-uuid')).toThrow();
  });

  it('names ids that differ after the first 40 bits alike, and those that differ within apart', () => {
    expect(signInNameOf('12345678-9a00-4000-8000-000000000000')).toBe(
      signInNameOf('12345678-9aff-4fff-bfff-ffffffffffff'),
    );
    expect(signInNameOf('12345678-9a00-4000-8000-000000000000')).not.toBe(
      signInNameOf('12345678-9b00-4000-8000-000000000000'),
    );
  });
});

describe('userIdRangeOf', () => {
  it('is the range of ids whose sign-in name it is, for any id', () => {
    for (let index = 0; index < 200; index += 1) {
      const id = randomUUID();
      const range = userIdRangeOf(signInNameOf(id));
      expect(range).not.toBeNull();
      expect(range?.lowest.slice(0, 11)).toBe(id.slice(0, 11));
      expect(range !== null && range.lowest <= id && id <= range.highest).toBe(true);
      expect(range?.lowest).toMatch(/^[0-9a-f]{8}-[0-9a-f]{2}00-0000-0000-000000000000$/u);
      expect(range?.highest).toMatch(/^[0-9a-f]{8}-[0-9a-f]{2}ff-ffff-ffff-ffffffffffff$/u);
    }
  });

  it('reads a name however the patient types it, and refuses what is not one', () => {
    const id = randomUUID();
    const name = signInNameOf(id);
    expect(userIdRangeOf(` ${name.toLowerCase().replace('-', ' ')} `)).toEqual(userIdRangeOf(name));
    expect(normaliseSignInName(' k7qm - x4tb ')).toBe('K7QMX4TB');
    expect(isSignInName('k7qm-x4tb')).toBe(true);
    for (const bad of ['', 'K7QM-X4T', 'K7QM-X4TBB', 'K7QM-X4T0', 'O7QM-X4TB', 'K7QM_X4TB']) {
      expect(isSignInName(bad)).toBe(false);
      expect(userIdRangeOf(bad)).toBeNull();
    }
  });
});
