import type { ResponseOption } from './definition.js';

/** Options `from`..`to` labelled with their number, with words at the anchors we name. */
export function numericScale(
  from: number,
  to: number,
  anchors: Readonly<Record<number, string>>,
): readonly ResponseOption[] {
  const options: ResponseOption[] = [];
  for (let value = from; value <= to; value++) {
    const anchor = anchors[value];
    options.push({ value, label: anchor === undefined ? String(value) : `${value} – ${anchor}` });
  }
  return options;
}

/** ODI and NDI sections: six statements scored 0–5, labelled by severity in our own words. */
export const sectionStatements: readonly ResponseOption[] = [
  { value: 0, label: 'No limitation' },
  { value: 1, label: 'Slight' },
  { value: 2, label: 'Moderate' },
  { value: 3, label: 'Marked' },
  { value: 4, label: 'Severe' },
  { value: 5, label: 'Most severe statement' },
];

export const yesNo: readonly ResponseOption[] = [
  { value: 0, label: 'No' },
  { value: 1, label: 'Yes' },
];

export const disagreeAgree: readonly ResponseOption[] = [
  { value: 0, label: 'Disagree' },
  { value: 1, label: 'Agree' },
];
