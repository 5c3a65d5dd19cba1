import { describe, expect, it } from 'vitest';
import { findNotOffered, notOfferedModalities } from './not-offered.js';

describe('NICE NG59 not-offered modalities [S-NICE]', () => {
  it('lists the nine the guideline names', () => {
    expect(notOfferedModalities.map((modality) => modality.id)).toEqual([
      'belts-or-corsets',
      'foot-orthotics',
      'rocker-sole-shoes',
      'traction',
      'acupuncture',
      'ultrasound',
      'tens',
      'pens',
      'interferential',
    ]);
  });

  it('finds them in free text, as whole words', () => {
    expect(findNotOffered('Applied TENS and lumbar traction').map((m) => m.id)).toEqual([
      'traction',
      'tens',
    ]);
    expect(findNotOffered('Lumbar support belt')[0]?.id).toBe('belts-or-corsets');
    expect(findNotOffered('Shoulder blade retraction, ten reps, pens down')).toEqual([
      expect.objectContaining({ id: 'pens' }),
    ]);
    expect(findNotOffered('Scapular retraction, tension release')).toEqual([]);
  });
});
