/**
 * Random secrets for sessions, CSRF and patient invitations. Only their SHA-256 hashes are
 * stored: a copied table yields no usable cookie or code. The secrets are high-entropy, so a
 * fast unsalted hash is enough (unlike passwords, they cannot be guessed from a dictionary).
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 256 bits, as OWASP's session guidance asks for at least 64 bits of entropy. */
const TOKEN_BYTES = 32;

/** A new session or CSRF token: 32 random bytes, base64url (43 characters, cookie-safe). */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** The SHA-256 of a token, hex: what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Compares two secrets in time that depends on neither: both are hashed first, so neither
 * their contents nor their lengths show in the timing (`timingSafeEqual` needs equal lengths).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}

// ---------------------------------------------------------------- invitation codes

/**
 * 32 characters without the ones people confuse when reading a code aloud or off paper (0/O,
 * 1/I). 8 of them carry 40 bits; an invitation also expires (72 hours by default), works once,
 * and its redeem route is rate-limited, so guessing one is not practical.
 */
export const INVITATION_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const INVITATION_CODE_LENGTH = 8;

export interface InvitationCode {
  /** Shown to the clinician once, e.g. `7KQM-X4TB`; never stored. */
  readonly code: string;
  /** The SHA-256 of the normalised code, for `invitations.code_hash`. */
  readonly codeHash: string;
}

/**
 * A code as typed, in its one stored form: upper case, without the spaces and hyphens people
 * add or drop when copying it.
 */
export function normaliseInvitationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/gu, '');
}

export function hashInvitationCode(input: string): string {
  return hashToken(normaliseInvitationCode(input));
}

/** A new one-time invitation code, grouped `XXXX-XXXX`, and its hash. */
export function newInvitationCode(): InvitationCode {
  let characters = '';
  for (let index = 0; index < INVITATION_CODE_LENGTH; index += 1) {
    // randomInt draws without modulo bias.
    characters += INVITATION_ALPHABET.charAt(randomInt(INVITATION_ALPHABET.length));
  }
  const half = INVITATION_CODE_LENGTH / 2;
  return {
    code: `${characters.slice(0, half)}-${characters.slice(half)}`,
    codeHash: hashInvitationCode(characters),
  };
}
