import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  ARGON2_MEMORY_KIB,
  ARGON2_PARALLELISM,
  ARGON2_TIME_COST,
  DUMMY_PASSWORD_HASH,
  checkPasswordPolicy,
  checkPinPolicy,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './passwords.js';

const codes = (problems: readonly { code: string }[]) => problems.map((problem) => problem.code);

describe('hashPassword and verifyPassword', () => {
  // Few cases: argon2id is slow by design.
  it('hash with argon2id at the OWASP parameters and verify only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/u);
    expect(stored).not.toContain('correct horse battery');
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
    // A fresh salt each time.
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
  });

  it('match a password however its accents were composed', async () => {
    const stored = await hashPassword('Physiothérapie'.normalize('NFC'));
    expect(await verifyPassword(stored, 'Physiothérapie'.normalize('NFD'))).toBe(true);
  });

  it('answer false, not throw, for a malformed hash', async () => {
    expect(await verifyPassword('not a hash', 'anything at all')).toBe(false);
  });

  it('keep the dummy hash on the current parameters, so unknown emails cost the same', () => {
    const used = parseOptions(DUMMY_PASSWORD_HASH);
    expect(used).toMatchObject({
      algorithm: 2,
      memoryCost: ARGON2_MEMORY_KIB,
      timeCost: ARGON2_TIME_COST,
      parallelism: ARGON2_PARALLELISM,
    });
    expect(needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
    expect(
      needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'),
    ).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });
});

describe('checkPasswordPolicy', () => {
  it('accept a passphrase of 10 characters or more', () => {
    expect(checkPasswordPolicy('lumbar-extension')).toEqual([]);
    expect(checkPasswordPolicy('abcdefghij')).toEqual([]);
  });

  it('refuse fewer than 10 characters, counted as a person counts them', () => {
    expect(codes(checkPasswordPolicy('abcdefghi'))).toEqual(['tooShort']);
    // Nine emoji are nine characters, though eighteen UTF-16 units.
    expect(codes(checkPasswordPolicy('🦴💪🧘🏃🚶🦴💪🧘🏃'))).toEqual(['tooShort']);
  });

  it('refuse very long and very common passwords', () => {
    expect(codes(checkPasswordPolicy('a1'.repeat(200)))).toEqual(['tooLong']);
    expect(codes(checkPasswordPolicy('Password123'))).toEqual(['common']);
    expect(codes(checkPasswordPolicy('aaaaaaaaaaaa'))).toEqual(['common']);
  });

  it('never echo the password in a problem', () => {
    const secret = 'short';
    for (const problem of checkPasswordPolicy(secret))
      expect(problem.message).not.toContain(secret);
  });
});

describe('checkPinPolicy', () => {
  it('accept six digits that are not a trivial pattern', () => {
    expect(checkPinPolicy('204913')).toEqual([]);
  });

  it('refuse anything but exactly six digits', () => {
    for (const pin of ['12345', '1234567', '12a456', '', ' 204913', '２０４９１３']) {
      expect(codes(checkPinPolicy(pin))).toEqual(['notSixDigits']);
    }
  });

  it('refuse repeated digits and runs', () => {
    for (const pin of ['000000', '777777', '123456', '654321', '456789']) {
      expect(codes(checkPinPolicy(pin))).toEqual(['guessable']);
    }
  });
});
