/**
 * The consent and privacy note a patient accepts when they redeem their invitation (issue 6 §1).
 * The web app shows the note; its version id names the wording, so the stored version says
 * exactly which note the patient agreed to. A new wording gets a new id here and in the app;
 * older ids stay listed only while an app showing them may still be open.
 */
import { z } from 'zod';

/** Versions of the note this server accepts; the last is the current one. */
export const CONSENT_VERSIONS = ['2026-11'] as const;

export type ConsentVersion = (typeof CONSENT_VERSIONS)[number];

export const CURRENT_CONSENT_VERSION = CONSENT_VERSIONS[CONSENT_VERSIONS.length - 1];

/**
 * `{ accepted: true, version }`, required. Left out, it is read as `{}`, so the problem names
 * `body.consent.accepted` (and `body.consent.version`) rather than the whole object.
 */
export const consentSchema = z
  .strictObject({
    accepted: z.literal(true, {
      error: 'must be true: the patient accepts the consent and privacy note',
    }),
    version: z.enum(CONSENT_VERSIONS, {
      error: `must be the version of the note shown (${CONSENT_VERSIONS.join(', ')})`,
    }),
  })
  // Typed as the input it stands in for; parsing it fails, naming each field it lacks.
  .prefault({} as { accepted: true; version: ConsentVersion })
  .describe('The patient accepted this version of the consent and privacy note')
  .meta({ id: 'ConsentAcceptance' });
