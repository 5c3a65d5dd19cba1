/**
 * Patients' sign-in names (decision 007): a short name a patient without an email signs in with,
 * together with their PIN or password. It is not stored: it is the first 40 bits of the
 * patient's user id, written in the invitation alphabet as `XXXX-XXXX`, so it needs no column
 * and is found through the primary key. It names an account and is not a secret; the PIN or
 * password and the lock-out protect the account.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { users } from '../database/schema.js';
import { INVITATION_ALPHABET } from './tokens.js';

/** 8 characters of 5 bits: the first 10 hex digits of a UUID, which in a v4 UUID are random. */
export const SIGN_IN_NAME_LENGTH = 8;
const HEX_DIGITS = 10;
const BITS_PER_CHARACTER = 5;
const BASE = 2 ** BITS_PER_CHARACTER;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
const SIGN_IN_NAME = new RegExp(`^[${INVITATION_ALPHABET}]{${SIGN_IN_NAME_LENGTH}}$`, 'u');

/** A name as typed, in its one form: upper case, without the spaces and hyphens people add. */
export function normaliseSignInName(input: string): string {
  return input.toUpperCase().replace(/[\s-]/gu, '');
}

/** Whether `input`, however spaced or cased, has the shape of a sign-in name. */
export function isSignInName(input: string): boolean {
  return SIGN_IN_NAME.test(normaliseSignInName(input));
}

/** The sign-in name of a user id, e.g. `K7QM-X4TB`. */
export function signInNameOf(userId: string): string {
  const lower = userId.toLowerCase();
  if (!UUID.test(lower)) throw new Error('a user id is a UUID');
  // 40 bits fit exactly in a double, so plain arithmetic is exact here.
  let value = Number.parseInt(lower.replaceAll('-', '').slice(0, HEX_DIGITS), 16);
  let characters = '';
  for (let index = 0; index < SIGN_IN_NAME_LENGTH; index += 1) {
    characters = INVITATION_ALPHABET.charAt(value % BASE) + characters;
    value = Math.floor(value / BASE);
  }
  const half = SIGN_IN_NAME_LENGTH / 2;
  return `${characters.slice(0, half)}-${characters.slice(half)}`;
}

/** The user ids a sign-in name stands for (lowest and highest, inclusive), or `null` if malformed. */
export function userIdRangeOf(signInName: string): { lowest: string; highest: string } | null {
  const name = normaliseSignInName(signInName);
  if (!SIGN_IN_NAME.test(name)) return null;
  let value = 0;
  for (const character of name) value = value * BASE + INVITATION_ALPHABET.indexOf(character);
  const hex = value.toString(16).padStart(HEX_DIGITS, '0');
  const id = (rest: string) => {
    const digits = hex + rest.repeat(32 - HEX_DIGITS);
    return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
  };
  return { lowest: id('0'), highest: id('f') };
}

/** The patient a sign-in name names, as a condition on `users` (a range scan of the primary key). */
export function patientWithSignInName(signInName: string) {
  const range = userIdRangeOf(signInName);
  if (range === null) return null;
  return and(eq(users.role, 'patient'), gte(users.id, range.lowest), lte(users.id, range.highest));
}

/** Tries before giving up; with 2⁴⁰ names a clash is already rare, several in a row never happen. */
const NEW_ID_ATTEMPTS = 8;

type Reader = Pick<Database, 'select'>;

/**
 * A random id for a new patient user whose sign-in name no user has yet, so a name always
 * names one person. (Two redemptions drawing the same name at the same instant is left to
 * chance, about one in 10¹²; sign-in then refuses the name rather than guess between them.)
 */
export async function newPatientUserId(db: Reader): Promise<string> {
  for (let attempt = 0; attempt < NEW_ID_ATTEMPTS; attempt += 1) {
    const id = randomUUID();
    const range = userIdRangeOf(signInNameOf(id));
    if (range === null) throw new Error('a generated sign-in name did not parse');
    const [taken] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(gte(users.id, range.lowest), lte(users.id, range.highest)))
      .limit(1);
    if (taken === undefined) return id;
  }
  throw new Error('no free sign-in name after several tries');
}
