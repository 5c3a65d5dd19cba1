/**
 * Password and PIN hashing (argon2id) and the policies a new password or PIN must meet
 * (issue 4 §4). Nothing here logs or returns the secret it is given: problems are codes and
 * messages about the rules, never about the characters typed.
 */
import { hash, parseOptions, verify } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet, argon2id: "a minimum configuration of 19 MiB of memory,
// an iteration count of 2, and 1 degree of parallelism" (m=19456 KiB, t=2, p=1).
export const ARGON2_MEMORY_KIB = 19_456;
export const ARGON2_TIME_COST = 2;
export const ARGON2_PARALLELISM = 1;

// The algorithm is the package's default, argon2id: its `Algorithm` is an ambient const enum,
// which `isolatedModules` cannot read. passwords.test.ts pins the `$argon2id$` prefix.
const options = {
  memoryCost: ARGON2_MEMORY_KIB,
  timeCost: ARGON2_TIME_COST,
  parallelism: ARGON2_PARALLELISM,
} as const;

/**
 * One spelling of a password however it was typed: a password with accents entered on another
 * keyboard or device (composed vs decomposed characters) still matches (NIST SP 800-63B §5.1.1.2
 * recommends NFKC/NFKD normalisation before hashing).
 */
function normalise(plain: string): string {
  return plain.normalize('NFKC');
}

/** The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) to store in `users.password_hash`. */
export async function hashPassword(plain: string): Promise<string> {
  return hash(normalise(plain), options);
}

/** Whether `plain` matches a stored hash; `false` (never a throw) for a malformed hash. */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await verify(hash, normalise(plain));
  } catch {
    return false;
  }
}

/**
 * Whether a stored hash was made with other parameters than today's (older, weaker settings),
 * so the log-in that just verified it should store a fresh one.
 */
export function needsRehash(hash: string): boolean {
  try {
    const used = parseOptions(hash);
    return (
      !hash.startsWith('$argon2id$') ||
      used.memoryCost !== ARGON2_MEMORY_KIB ||
      used.timeCost !== ARGON2_TIME_COST ||
      used.parallelism !== ARGON2_PARALLELISM
    );
  } catch {
    return true;
  }
}

/**
 * A hash of a random secret nobody knows, made with today's parameters: log-in verifies
 * against it when the email is unknown, so an unknown email costs the same time as a known one.
 * Fixed rather than computed at start-up so the first such log-in is not slower than the rest;
 * passwords.test.ts checks it still uses the current parameters.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$+lBkHvsQdJAaZmWo6bk3sw$0jj9Z69jkNn9vlJlKKunXFfhxeaWN2sSc2tEQYUEOj8';

// ---------------------------------------------------------------- policies

// OWASP Authentication Cheat Sheet and NIST SP 800-63B: length over composition rules; allow
// long passphrases (at least 64 characters), but bound them so hashing cannot be abused.
export const STAFF_PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const PIN_LENGTH = 6;

export type PasswordProblemCode = 'tooShort' | 'tooLong' | 'common' | 'notSixDigits' | 'guessable';

export interface PasswordProblem {
  readonly code: PasswordProblemCode;
  readonly message: string;
}

/**
 * A few of the most used passwords that meet the length rule (NIST SP 800-63B asks to refuse
 * commonly used values); compared case-insensitively. A breached-password list is the fuller
 * answer and can replace this without changing the callers.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890',
  '0123456789',
  '1234567891',
  '12345678910',
  '0987654321',
  '1q2w3e4r5t',
  'qwertyuiop',
  'asdfghjkl;',
  'password12',
  'password123',
  'password1234',
  'passw0rd12',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'changeme123',
  'administrator',
  'spinewise123',
]);

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters as a person counts them (graphemes, not UTF-16 units: an emoji is one). */
function characterCount(text: string): number {
  return Array.from(graphemes.segment(text)).length;
}

/** The problems with a new staff (or patient) password; empty when it may be used. */
export function checkPasswordPolicy(plain: string): readonly PasswordProblem[] {
  const normalised = normalise(plain);
  const length = characterCount(normalised);
  const problems: PasswordProblem[] = [];
  if (length < STAFF_PASSWORD_MIN_LENGTH) {
    problems.push({
      code: 'tooShort',
      message: `Use at least ${STAFF_PASSWORD_MIN_LENGTH} characters.`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({
      code: 'tooLong',
      message: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
    });
  }
  const lower = normalised.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1*$/u.test(normalised)) {
    problems.push({
      code: 'common',
      message: 'This password is too common or too easy to guess; choose another.',
    });
  }
  return problems;
}

/** Runs of consecutive digits, up or down (123456, 987654), are among the first PINs tried. */
function isSequence(digits: string): boolean {
  const steps = new Set<number>();
  for (let index = 1; index < digits.length; index += 1) {
    steps.add(digits.charCodeAt(index) - digits.charCodeAt(index - 1));
  }
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

/** The problems with a new patient PIN: exactly six digits, not a trivial pattern. */
export function checkPinPolicy(pin: string): readonly PasswordProblem[] {
  if (!new RegExp(`^[0-9]{${PIN_LENGTH}}$`, 'u').test(pin)) {
    return [{ code: 'notSixDigits', message: `A PIN is exactly ${PIN_LENGTH} digits (0–9).` }];
  }
  if (/^(.)\1*$/u.test(pin) || isSequence(pin)) {
    return [
      {
        code: 'guessable',
        message: 'Avoid a repeated digit or a run like 123456; choose another PIN.',
      },
    ];
  }
  return [];
}
