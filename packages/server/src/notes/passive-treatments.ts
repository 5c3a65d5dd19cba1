/**
 * Passive treatments a clinician records in a note, checked against NICE NG59. [S-NICE]
 *
 * The clinical core holds the guideline as data (`notOfferedModalities`, `notOfferedNote`);
 * this module only applies it to what a clinician typed. Any other treatment is recorded by
 * name as given: the core has no list of offered modalities, and we do not invent one.
 *
 * Pure: no database, no clock.
 */
import {
  findNotOffered,
  notOfferedModalities,
  notOfferedNote,
  type NotOfferedModality,
  type Region,
} from '@spinewise/clinical';

/**
 * The regions NG59's "do not offer" list speaks for. NG59 is the guideline for low back pain
 * and sciatica; it says nothing about the neck, so a neck episode is not flagged. [S-NICE]
 */
export const notOfferedRegions: readonly Region[] = ['lumbar'];

/** What the guideline adds about treatments it does recommend, to show beside the form. [S-NICE] */
export const passiveTreatmentGuidance =
  'Other treatments can be recorded by name. NICE NG59 recommends manual therapy only as part of a package of care that includes exercise.';

export function notOfferedApplies(region: Region): boolean {
  return notOfferedRegions.includes(region);
}

export function notOfferedById(id: string): NotOfferedModality | undefined {
  return notOfferedModalities.find((modality) => modality.id === id);
}

/** One modality for the note form: whether NG59 says not to offer it, and the note to show. */
export interface PassiveTreatmentOption {
  readonly id: string;
  readonly name: string;
  /** The regions NG59 says not to offer it for. */
  readonly notOfferedFor: readonly Region[];
  /** For the region asked about; with no region, whether it is not offered for any. */
  readonly notOffered: boolean;
  /** The guideline note, when `notOffered`. */
  readonly guidelineNote: string | null;
}

/** The modalities a form can offer by id: NG59's not-offered list, for `region` when given. */
export function passiveTreatmentOptions(region?: Region): PassiveTreatmentOption[] {
  const notOffered =
    region === undefined ? notOfferedRegions.length > 0 : notOfferedApplies(region);
  return notOfferedModalities.map((modality) => ({
    id: modality.id,
    name: modality.name,
    notOfferedFor: [...notOfferedRegions],
    notOffered,
    guidelineNote: notOffered ? notOfferedNote : null,
  }));
}

/** A passive treatment as the clinician sent it. */
export interface PassiveTreatmentInput {
  /** Free text, e.g. "Lumbar traction" or "Soft-tissue massage". */
  readonly modality: string;
  readonly details?: string | undefined;
  /** Names a not-offered modality by id, e.g. when the form's list was used. */
  readonly notOfferedId?: string | undefined;
  readonly clinicianReason?: string | undefined;
}

/** A treatment ready to store: the NG59 modality and note filled in when it is one. */
export interface CheckedPassiveTreatment {
  readonly modality: string;
  readonly details: string | null;
  readonly notOfferedId: string | null;
  readonly guidelineNote: string | null;
  readonly clinicianReason: string | null;
}

/** A problem with one treatment: its index in the list and the field. */
export interface PassiveTreatmentProblem {
  readonly index: number;
  readonly field: 'modality' | 'notOfferedId' | 'clinicianReason';
  readonly message: string;
}

export type PassiveTreatmentCheck =
  | { readonly ok: true; readonly treatments: readonly CheckedPassiveTreatment[] }
  | { readonly ok: false; readonly problems: readonly PassiveTreatmentProblem[] };

function blankToNull(text: string | undefined): string | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function checkOne(
  region: Region,
  input: PassiveTreatmentInput,
  index: number,
): CheckedPassiveTreatment | PassiveTreatmentProblem {
  const named = findNotOffered(input.modality);
  if (named.length > 1) {
    return {
      index,
      field: 'modality',
      message: `names more than one treatment NICE advises against (${named
        .map((modality) => modality.name)
        .join(', ')}); record each as its own treatment.`,
    };
  }
  let modality: NotOfferedModality | undefined = named[0];
  if (input.notOfferedId !== undefined) {
    const chosen = notOfferedById(input.notOfferedId);
    if (chosen === undefined) {
      return { index, field: 'notOfferedId', message: 'is not a known modality' };
    }
    if (modality !== undefined && modality.id !== chosen.id) {
      return {
        index,
        field: 'notOfferedId',
        message: `says ${chosen.name} but the modality names ${modality.name}`,
      };
    }
    modality = chosen;
  }

  const reason = blankToNull(input.clinicianReason);
  const base = {
    modality: input.modality.trim(),
    details: blankToNull(input.details),
    clinicianReason: reason,
  };
  if (modality === undefined || !notOfferedApplies(region)) {
    return { ...base, notOfferedId: null, guidelineNote: null };
  }
  // [S-NICE] recorded only with the clinician's reason, and with the note they were shown.
  if (reason === null) {
    return {
      index,
      field: 'clinicianReason',
      message: `is needed for ${modality.name}. ${notOfferedNote}`,
    };
  }
  return { ...base, notOfferedId: modality.id, guidelineNote: notOfferedNote };
}

/** Checks every treatment of a note for an episode of `region`; all problems at once. */
export function checkPassiveTreatments(
  region: Region,
  inputs: readonly PassiveTreatmentInput[],
): PassiveTreatmentCheck {
  const treatments: CheckedPassiveTreatment[] = [];
  const problems: PassiveTreatmentProblem[] = [];
  inputs.forEach((input, index) => {
    const checked = checkOne(region, input, index);
    if ('field' in checked) problems.push(checked);
    else treatments.push(checked);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, treatments };
}
