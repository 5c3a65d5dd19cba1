/**
 * Treatments NICE NG59 says not to offer for low back pain. Spinewise never suggests them; when
 * a clinician records one, the guideline note is shown and the clinician's reason recorded.
 * [S-NICE]
 */
export interface NotOfferedModality {
  readonly id: string;
  readonly name: string;
  /** Words that name it in free text. */
  readonly pattern: RegExp;
}

export const notOfferedModalities: readonly NotOfferedModality[] = [
  { id: 'belts-or-corsets', name: 'Belts or corsets', pattern: /\bbelts?\b|\bcorsets?\b/i },
  { id: 'foot-orthotics', name: 'Foot orthotics', pattern: /\borthotics?\b|\binsoles?\b/i },
  { id: 'rocker-sole-shoes', name: 'Rocker-sole shoes', pattern: /\brocker[- ]sole/i },
  { id: 'traction', name: 'Traction', pattern: /\btraction\b/i },
  { id: 'acupuncture', name: 'Acupuncture', pattern: /\bacupuncture\b/i },
  { id: 'ultrasound', name: 'Ultrasound', pattern: /\bultrasound\b/i },
  { id: 'tens', name: 'TENS', pattern: /\btens\b/i },
  { id: 'pens', name: 'PENS', pattern: /\bpens\b/i },
  { id: 'interferential', name: 'Interferential therapy', pattern: /\binterferential\b/i },
];

export const notOfferedNote =
  'NICE NG59 recommends not offering this for low back pain. Record your reason if you use it.';

/** The not-offered modalities a text names. */
export function findNotOffered(text: string): NotOfferedModality[] {
  return notOfferedModalities.filter((modality) => modality.pattern.test(text));
}
