import { describe, expect, it } from 'vitest';
import { findBand } from './definition.js';
import { getInstrument, instrumentIds, isInstrumentId, listInstruments } from './registry.js';

/** LOINC's mod-10 check digit. */
function loincCheckDigit(digits: string): number {
  let sum = 0;
  Array.from(digits)
    .reverse()
    .forEach((character, index) => {
      let value = Number(character);
      if (index % 2 === 0) {
        value *= 2;
        if (value > 9) value -= 9;
      }
      sum += value;
    });
  return (10 - (sum % 10)) % 10;
}

function allLoincCodes(): string[] {
  return listInstruments().flatMap((definition) => [
    ...definition.items.flatMap((item) => (item.loinc === undefined ? [] : [item.loinc])),
    ...(definition.loinc === null
      ? []
      : [
          definition.loinc.panel,
          definition.loinc.score,
          definition.loinc.risk,
          ...Object.values(definition.loinc.subscales ?? {}),
        ].filter((code): code is string => code !== undefined)),
  ]);
}

describe('instrument definitions', () => {
  it('has the ten instruments of the reference', () => {
    expect(instrumentIds).toEqual([
      'odi',
      'ndi',
      'rmdq',
      'sbst',
      'nprs',
      'psfs',
      'fabq',
      'tsk17',
      'tsk11',
      'pseq',
    ]);
    expect(isInstrumentId('odi')).toBe(true);
    expect(isInstrumentId('toString')).toBe(false);
    expect(isInstrumentId(3)).toBe(false);
  });

  it.each(instrumentIds)('%s is well formed', (id) => {
    const definition = getInstrument(id);
    expect(definition.id).toBe(id);
    expect(definition.wording).toBe('paraphrase');
    expect(definition.copyright).not.toBe('');
    expect(definition.licenceNote).toContain('[S-LIC]');
    expect(definition.sources.length).toBeGreaterThan(0);
    const ids = definition.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    definition.items.forEach((item, index) => {
      expect(item.number).toBe(index + 1);
      expect(item.label.length).toBeGreaterThan(0);
      const values = item.options.map((option) => option.value);
      // Options run in steps of one with no gaps.
      values.forEach((value, position) => {
        expect(value).toBe((values[0] ?? 0) + position);
      });
    });
    expect(definition.answerCount.max).toBeLessThanOrEqual(definition.items.length);
    expect(definition.answerCount.min).toBeGreaterThanOrEqual(1);
  });

  it.each(instrumentIds)('%s bands cover the whole scale in order', (id) => {
    const definition = getInstrument(id);
    if (definition.bandScale === null || id === 'sbst') return;
    const range =
      definition.bandScale.on === 'score'
        ? (definition.scoreRange as { min: number; max: number })
        : (definition.subscaleRanges[definition.bandScale.on] as { min: number; max: number });
    const bands = definition.bandScale.bands;
    const upper = bands.map((band) => band.upTo);
    expect([...upper].sort((a, b) => a - b)).toEqual(upper);
    expect(bands.at(-1)?.upTo).toBe(range.max);
    expect(bands.at(-1)?.upToInclusive).toBe(true);
    expect(() => findBand(bands, range.min)).not.toThrow();
  });

  it('findBand refuses a value beyond every band', () => {
    const bands = getInstrument('odi').bandScale?.bands ?? [];
    expect(() => findBand(bands, 101)).toThrow(RangeError);
  });

  it('every LOINC code carries a valid check digit', () => {
    const codes = allLoincCodes();
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      const [digits, check] = code.split('-') as [string, string];
      expect(loincCheckDigit(digits), code).toBe(Number(check));
    }
  });

  it('uses the LOINC codes the reference gives', () => {
    expect(getInstrument('odi').loinc).toEqual({ panel: '97908-8', score: '97909-6' });
    expect(getInstrument('ndi').items.map((item) => item.loinc)).toEqual([
      '82227-0',
      '82228-8',
      '82229-6',
      '82230-4',
      '82231-2',
      '82232-0',
      '82233-8',
      '82234-6',
      '82235-3',
      '82236-1',
    ]);
    expect(getInstrument('sbst').items[0]?.loinc).toBe('91340-0');
    expect(getInstrument('sbst').items[8]?.loinc).toBe('91348-3');
    expect(getInstrument('nprs').loinc).toEqual({ score: '72514-3' });
  });

  it('unknown instruments are an error naming the field', () => {
    expect(() => getInstrument('oswestry')).toThrow(
      /^instrument: "oswestry" is not an instrument; choose one of: odi/,
    );
  });
});
