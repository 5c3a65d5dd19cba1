import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { importQuestionnaire } from './fhir-import.js';
import { getInstrument } from './registry.js';
import { scoreInstrument } from './score.js';

const LOINC = 'http://loinc.org';

/** A licensed-style NDI Questionnaire: LOINC panel and item codes, ordinal extensions, a total. */
function ndiQuestionnaire(): Record<string, unknown> {
  return {
    resourceType: 'Questionnaire',
    url: 'https://clinic.example/Questionnaire/ndi',
    version: '2024',
    title: 'Neck Disability Index (licensed)',
    publisher: 'Licence holder',
    copyright: 'Licensed wording, used under licence by the clinic',
    code: [{ system: LOINC, code: '82226-2' }],
    item: [
      { linkId: 'intro', type: 'display', text: 'Please answer every section.' },
      {
        linkId: 'sections',
        type: 'group',
        item: getInstrument('ndi').items.map((item) => ({
          linkId: `q${item.number}`,
          type: 'choice',
          text: `Licensed section ${item.number}`,
          code: [{ system: LOINC, code: item.loinc }],
          answerOption: [5, 4, 3, 2, 1, 0].map((value) => ({
            valueCoding: { code: `LA${value}`, display: `Licensed statement ${value}` },
            extension: [
              { url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: value },
            ],
          })),
        })),
      },
      {
        linkId: 'total',
        type: 'integer',
        text: 'Total',
        code: [{ system: LOINC, code: '82237-9' }],
      },
    ],
  };
}

/** An ODI Questionnaire matched by the documented linkId form, options by order. */
function odiQuestionnaire(): { resourceType: string; item: Record<string, unknown>[] } {
  return {
    resourceType: 'Questionnaire',
    item: Array.from({ length: 10 }, (_, index) => ({
      linkId: `odi-${index + 1}`,
      type: 'choice',
      text: `ODI section ${index + 1}`,
      answerOption: [0, 1, 2, 3, 4, 5].map((value) => ({ valueString: `Statement ${value}` })),
    })),
  };
}

function rejection(questionnaire: unknown): ClinicalInputError {
  try {
    importQuestionnaire(questionnaire);
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

describe('importQuestionnaire [S-LIC]', () => {
  it('imports an NDI by LOINC panel and item codes, relabelling answers by ordinal value', () => {
    const imported = importQuestionnaire(ndiQuestionnaire());
    expect(imported.matchedBy).toBe('loinc');
    expect(imported.instrument.id).toBe('ndi');
    expect(imported.instrument.wording).toBe('licensed-import');
    expect(imported.instrument.copyright).toBe(
      'Licensed wording, used under licence by the clinic',
    );
    expect(imported.questionnaire).toEqual({
      url: 'https://clinic.example/Questionnaire/ndi',
      version: '2024',
      title: 'Neck Disability Index (licensed)',
      publisher: 'Licence holder',
      copyright: 'Licensed wording, used under licence by the clinic',
    });
    const first = imported.instrument.items[0];
    expect(first?.text).toBe('Licensed section 1');
    expect(first?.label).toBe('Pain intensity'); // our paraphrase stays alongside
    expect(first?.options.map((option) => option.label)).toEqual(
      [0, 1, 2, 3, 4, 5].map((value) => `Licensed statement ${value}`),
    );
    expect(imported.items).toHaveLength(10);
    expect(imported.items[3]).toEqual({
      linkId: 'q4',
      itemId: 'reading',
      number: 4,
      matchedBy: 'loinc',
    });
  });

  it('keeps our scoring: the import changes wording only', () => {
    importQuestionnaire(ndiQuestionnaire());
    expect(scoreInstrument('ndi', [2, 1, 2, 2, 3, 2, 2, 2, 2, 2]).score).toBe(40);
    expect(getInstrument('ndi').wording).toBe('paraphrase');
  });

  it('imports an ODI by linkId, options by order, keeping our copyright when none is given', () => {
    const imported = importQuestionnaire(odiQuestionnaire());
    expect(imported.matchedBy).toBe('linkId');
    expect(imported.instrument.id).toBe('odi');
    expect(imported.instrument.copyright).toBe(getInstrument('odi').copyright);
    expect(imported.instrument.items[9]?.options[5]).toEqual({ value: 5, label: 'Statement 5' });
    expect(imported.questionnaire.url).toBeNull();
  });

  it('keeps our options where the item has none (an integer item)', () => {
    const imported = importQuestionnaire({
      resourceType: 'Questionnaire',
      item: [{ linkId: 'nprs-1', type: 'integer', text: 'Rate your pain now' }],
    });
    expect(imported.instrument.items[0]?.options).toHaveLength(11);
    expect(imported.instrument.items[0]?.text).toBe('Rate your pain now');
  });

  it('reads integer option values and integer ordinal extensions', () => {
    const questionnaire = {
      resourceType: 'Questionnaire',
      item: [
        {
          linkId: 'nprs-1',
          type: 'choice',
          text: 'Pain',
          answerOption: Array.from({ length: 11 }, (_, value) => ({
            valueInteger: value,
            extension: [
              'not an extension',
              { url: 'http://example.org/other', valueInteger: 99 },
              { url: 'http://hl7.org/fhir/StructureDefinition/itemWeight', valueString: 'x' },
              { url: 'http://hl7.org/fhir/StructureDefinition/itemWeight', valueInteger: value },
            ],
          })),
        },
      ],
    };
    expect(importQuestionnaire(questionnaire).instrument.items[0]?.options[7]).toEqual({
      value: 7,
      label: '7',
    });
  });

  it('falls back to the code when an answer coding has no display', () => {
    const questionnaire = odiQuestionnaire();
    const first = questionnaire.item[0] as { answerOption: unknown[] };
    first.answerOption = [0, 1, 2, 3, 4, 5].map((value) => ({
      valueCoding: { code: `C${value}` },
    }));
    expect(importQuestionnaire(questionnaire).instrument.items[0]?.options[2]?.label).toBe('C2');
  });

  it.each<[string, (questionnaire: Record<string, unknown>) => unknown, string, RegExp]>([
    ['not an object', () => 'Questionnaire', '(input)', /FHIR R4 Questionnaire object/],
    [
      'another resource',
      (q) => ({ ...q, resourceType: 'Patient' }),
      'resourceType',
      /must be "Questionnaire"/,
    ],
    ['no items', (q) => ({ ...q, item: [] }), 'item', /no question items/],
    ['items not a list', (q) => ({ ...q, item: {} }), 'item', /must be a list/],
    ['an item not an object', (q) => ({ ...q, item: [3] }), 'item[0]', /item object/],
    [
      'an item without linkId',
      (q) => ({ ...q, item: [{ type: 'choice' }] }),
      'item[0].linkId',
      /needs a linkId/,
    ],
    [
      'no matching instrument',
      (q) => ({
        ...q,
        code: [{ system: 'http://snomed.info/sct', code: '1' }],
        item: [{ linkId: 'a', type: 'choice', text: 'A' }],
      }),
      'code',
      /does not match a built-in instrument: expected a LOINC panel code .*ODI 97908-8, NDI 82226-2, STarT Back 91349-1/,
    ],
    [
      'linkIds of two instruments',
      () => ({
        resourceType: 'Questionnaire',
        item: [
          { linkId: 'odi-1', type: 'choice' },
          { linkId: 'ndi-1', type: 'choice' },
        ],
      }),
      'code',
      /does not match/,
    ],
  ])('rejects %s', (_name, build, path, message) => {
    const error = rejection(build(ndiQuestionnaire()));
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).toMatch(message);
  });

  it('rejects an item that maps to nothing', () => {
    const questionnaire = odiQuestionnaire();
    questionnaire.item.push({ linkId: 'odi-11', type: 'choice', text: 'Extra' });
    expect(rejection(questionnaire).message).toMatch(
      /^item\[10\]\.linkId: "odi-11" does not map to any ODI item/,
    );
  });

  it('rejects an item given twice and an item left out', () => {
    const twice = odiQuestionnaire();
    twice.item.push({ ...twice.item[0], linkId: 'odi-1' });
    expect(rejection(twice).message).toMatch(/ODI item 1 appears twice/);
    const short = odiQuestionnaire();
    short.item.pop();
    expect(rejection(short).message).toBe(
      'item: ODI item 10 (Travelling) is not in the questionnaire',
    );
  });

  it('rejects an item without text', () => {
    const questionnaire = odiQuestionnaire();
    delete questionnaire.item[2]?.text;
    expect(rejection(questionnaire).message).toMatch(
      /^item\[2\]\.text: a licensed import needs the item text/,
    );
  });

  it('rejects answer options that do not fit ours', () => {
    const count = odiQuestionnaire();
    (count.item[0] as { answerOption: unknown[] }).answerOption.pop();
    expect(rejection(count).message).toMatch(
      /^item\[0\]\.answerOption: ODI item 1 has 6 answers, but the questionnaire gives 5/,
    );

    const notList = odiQuestionnaire();
    (notList.item[0] as { answerOption: unknown }).answerOption = 'x';
    expect(rejection(notList).message).toMatch(/gives none/);

    const notObject = odiQuestionnaire();
    (notObject.item[0] as { answerOption: unknown[] }).answerOption[1] = 7;
    expect(rejection(notObject).message).toMatch(
      /^item\[0\]\.answerOption\[1\]: must be an answer option object/,
    );

    const noText = odiQuestionnaire();
    (noText.item[0] as { answerOption: unknown[] }).answerOption[1] = { valueBoolean: true };
    expect(rejection(noText).message).toMatch(/^item\[0\]\.answerOption\[1\]: has no text/);

    const badOrdinal = ndiQuestionnaire();
    const group = (badOrdinal.item as Record<string, unknown>[])[1] as {
      item: { answerOption: { extension: { valueDecimal: number }[] }[] }[];
    };
    const option = group.item[0]?.answerOption[0]?.extension[0];
    if (option) option.valueDecimal = 4; // two options now claim 4
    expect(rejection(badOrdinal).message).toMatch(
      /ordinal value 4 does not match a distinct NDI answer value/,
    );
  });

  it('reads an ordinal extension on the coding itself', () => {
    const questionnaire = odiQuestionnaire();
    (questionnaire.item[0] as { answerOption: unknown[] }).answerOption = [5, 4, 3, 2, 1, 0].map(
      (value) => ({
        valueCoding: {
          display: `Worded ${value}`,
          extension: [
            { url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: value },
          ],
        },
      }),
    );
    expect(importQuestionnaire(questionnaire).instrument.items[0]?.options[0]).toEqual({
      value: 0,
      label: 'Worded 0',
    });
  });

  it('rejects an unmapped item of an instrument without LOINC codes', () => {
    const questionnaire = {
      resourceType: 'Questionnaire',
      item: [
        ...Array.from({ length: 24 }, (_, index) => ({
          linkId: `rmdq-${index + 1}`,
          type: 'boolean',
          text: `Statement ${index + 1}`,
        })),
        { linkId: 'rmdq-25', type: 'boolean', text: 'Extra' },
      ],
    };
    expect(rejection(questionnaire).message).toMatch(/"rmdq-25" does not map to any RMDQ item/);
  });

  it('skips read-only calculated items', () => {
    const questionnaire = odiQuestionnaire();
    questionnaire.item.push({ linkId: 'score', type: 'decimal', readOnly: true, text: 'Score' });
    expect(importQuestionnaire(questionnaire).items).toHaveLength(10);
  });
});
