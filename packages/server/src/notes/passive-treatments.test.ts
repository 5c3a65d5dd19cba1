import { notOfferedModalities, notOfferedNote } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { checkPassiveTreatments, passiveTreatmentOptions } from './passive-treatments.js';

describe('passive treatments against NICE NG59 [S-NICE]', () => {
  it('lists every not-offered modality of the core, flagged for the low back only', () => {
    const lumbar = passiveTreatmentOptions('lumbar');
    expect(lumbar.map((option) => option.id)).toEqual(notOfferedModalities.map((m) => m.id));
    expect(
      lumbar.every((option) => option.notOffered && option.guidelineNote === notOfferedNote),
    ).toBe(true);
    const cervical = passiveTreatmentOptions('cervical');
    expect(cervical.every((option) => !option.notOffered && option.guidelineNote === null)).toBe(
      true,
    );
    expect(passiveTreatmentOptions()[0]).toMatchObject({
      notOffered: true,
      notOfferedFor: ['lumbar'],
    });
  });

  it('records an offered treatment by name, as given', () => {
    const result = checkPassiveTreatments('lumbar', [
      { modality: 'Soft-tissue massage', details: ' 10 minutes ', clinicianReason: '  ' },
    ]);
    expect(result).toEqual({
      ok: true,
      treatments: [
        {
          modality: 'Soft-tissue massage',
          details: '10 minutes',
          notOfferedId: null,
          guidelineNote: null,
          clinicianReason: null,
        },
      ],
    });
  });

  it('needs the reason for a not-offered modality named in the text or by id', () => {
    const result = checkPassiveTreatments('lumbar', [
      { modality: 'Massage' },
      { modality: 'Lumbar traction' },
      { modality: 'Electrotherapy', notOfferedId: 'tens', clinicianReason: ' ' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'clinicianReason'],
      [2, 'clinicianReason'],
    ]);
    expect(result.problems[0]?.message).toContain('Traction');
    expect(result.problems[0]?.message).toContain(notOfferedNote);
  });

  it('stores the modality id and the guideline note with the reason', () => {
    const result = checkPassiveTreatments('lumbar', [
      { modality: 'TENS', clinicianReason: 'Patient request after shared decision' },
    ]);
    expect(result).toEqual({
      ok: true,
      treatments: [
        expect.objectContaining({
          notOfferedId: 'tens',
          guidelineNote: notOfferedNote,
          clinicianReason: 'Patient request after shared decision',
        }),
      ],
    });
  });

  it('refuses two not-offered modalities in one entry, or an id the text contradicts', () => {
    const result = checkPassiveTreatments('lumbar', [
      { modality: 'TENS and traction', clinicianReason: 'why' },
      { modality: 'Ultrasound', notOfferedId: 'acupuncture', clinicianReason: 'why' },
      { modality: 'Something', notOfferedId: 'no-such-thing' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'modality'],
      [1, 'notOfferedId'],
      [2, 'notOfferedId'],
    ]);
  });

  it('does not flag a neck episode, which NG59 does not cover', () => {
    const result = checkPassiveTreatments('cervical', [{ modality: 'Cervical traction' }]);
    expect(result).toEqual({
      ok: true,
      treatments: [expect.objectContaining({ notOfferedId: null, guidelineNote: null })],
    });
  });
});
