import { describe, expect, it } from 'vitest';
import {
  INVITATION_ALPHABET,
  constantTimeEqual,
  hashInvitationCode,
  hashToken,
  newInvitationCode,
  newToken,
  normaliseInvitationCode,
} from './tokens.js';

describe('newToken', () => {
  it('is 32 random bytes, base64url', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('does not repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
  });
});

describe('hashToken', () => {
  it('is the SHA-256, hex', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/u);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(newToken()));
  });
});

describe('constantTimeEqual', () => {
  it('compares strings of any lengths', () => {
    expect(constantTimeEqual('same', 'same')).toBe(true);
    expect(constantTimeEqual('same', 'Same')).toBe(false);
    expect(constantTimeEqual('short', 'a much longer string')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});

describe('newInvitationCode', () => {
  it('is two groups of four characters from the unambiguous alphabet, with its hash', () => {
    const { code, codeHash } = newInvitationCode();
    const group = `[${INVITATION_ALPHABET}]{4}`;
    expect(code).toMatch(new RegExp(`^${group}-${group}$`, 'u'));
    expect(codeHash).toBe(hashToken(code.replace('-', '')));
    expect(INVITATION_ALPHABET).not.toMatch(/[01IO]/u);
    expect(new Set(INVITATION_ALPHABET).size).toBe(32);
  });

  it('does not repeat', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newInvitationCode().code));
    expect(codes.size).toBe(1000);
  });

  it('hashes the same however the patient types it', () => {
    const { code, codeHash } = newInvitationCode();
    const bare = code.replace('-', '');
    expect(normaliseInvitationCode(` ${bare.toLowerCase().slice(0, 4)} ${bare.slice(4)} `)).toBe(
      bare,
    );
    expect(hashInvitationCode(code.toLowerCase())).toBe(codeHash);
    expect(hashInvitationCode(bare)).toBe(codeHash);
  });
});
