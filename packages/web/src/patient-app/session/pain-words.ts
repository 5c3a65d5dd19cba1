/**
 * Pain 0–10 in words, by the pain-monitoring model [S-PMM]: 0–2 fine, 3–5 acceptable, above 5
 * too much.
 */
export type PainBand = 'fine' | 'acceptable' | 'tooMuch';

export function painBand(pain: number): PainBand {
  if (pain <= 2) return 'fine';
  if (pain <= 5) return 'acceptable';
  return 'tooMuch';
}

export const painBandWords: Readonly<Record<PainBand, string>> = {
  fine: 'fine',
  acceptable: 'acceptable — carry on',
  tooMuch: 'too much — ease off next time',
};

export const painScaleHint =
  '0 is no pain, 10 is the worst you can imagine. 0 to 2 is fine, 3 to 5 is acceptable, more than 5 is too much.';
