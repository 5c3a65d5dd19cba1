import {
  ClinicalInputError,
  describeValue,
  isPlainObject,
  type InputPath,
} from '../input-error.js';
import type { InstrumentDefinition, InstrumentItem, ResponseOption } from './definition.js';
import { listInstruments } from './registry.js';

/**
 * Importing licensed wording from a FHIR R4 Questionnaire. [S-LIC]
 *
 * A clinic that holds a licence for an instrument (from the licence holder, or LOINC/LHC-Forms)
 * imports its Questionnaire; the imported item and answer texts replace our paraphrases, while
 * the scoring stays ours. The Questionnaire is matched to a built-in instrument by
 *  1. a LOINC panel code in `Questionnaire.code` (ODI 97908-8, NDI 82226-2, STarT Back 91349-1), or
 *  2. item `linkId`s of the form `<instrument>-<item number>` (e.g. `odi-1` … `odi-10`).
 * Each question item maps to one of our items by its LOINC item code or by that linkId form.
 * Anything that does not fit is rejected with the reason, never half-imported.
 */

const LOINC_SYSTEM = 'http://loinc.org';
const ORDINAL_EXTENSIONS = new Set([
  'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  'http://hl7.org/fhir/StructureDefinition/itemWeight',
]);
const LINK_ID = /^([a-z0-9]+)-(\d+)$/;

export interface ImportedItemMapping {
  readonly linkId: string;
  readonly itemId: string;
  readonly number: number;
  readonly matchedBy: 'loinc' | 'linkId';
}

export interface ImportedQuestionnaire {
  /** The built-in definition with the licensed wording; `wording: "licensed-import"`. */
  readonly instrument: InstrumentDefinition;
  readonly matchedBy: 'loinc' | 'linkId';
  readonly questionnaire: {
    readonly url: string | null;
    readonly version: string | null;
    readonly title: string | null;
    readonly publisher: string | null;
    readonly copyright: string | null;
  };
  readonly items: readonly ImportedItemMapping[];
}

interface QuestionNode {
  readonly node: Record<string, unknown>;
  readonly path: InputPath;
  readonly linkId: string;
}

function reject(path: InputPath, detail: string): never {
  throw new ClinicalInputError(path, detail);
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function loincCodes(codes: unknown): string[] {
  if (!Array.isArray(codes)) return [];
  return codes.flatMap((coding) =>
    isPlainObject(coding) && coding.system === LOINC_SYSTEM && typeof coding.code === 'string'
      ? [coding.code]
      : [],
  );
}

/** Every question (non-group, non-display) item, with its path in the resource. */
function collectQuestions(items: unknown, path: InputPath, into: QuestionNode[]): QuestionNode[] {
  if (items === undefined) return into;
  if (!Array.isArray(items)) reject(path, 'must be a list of items');
  items.forEach((node: unknown, index) => {
    const here = [...path, index];
    if (!isPlainObject(node)) reject(here, 'must be an item object');
    if (typeof node.linkId !== 'string' || node.linkId === '') {
      reject([...here, 'linkId'], 'every item needs a linkId');
    }
    if (node.type === 'display') return;
    if (node.type !== 'group') into.push({ node, path: here, linkId: node.linkId });
    collectQuestions(node.item, [...here, 'item'], into);
  });
  return into;
}

function summaryCodes(definition: InstrumentDefinition): Set<string> {
  const loinc = definition.loinc;
  const codes = new Set<string>();
  if (loinc === null) return codes;
  for (const code of [loinc.score, loinc.risk, ...Object.values(loinc.subscales ?? {})]) {
    if (code !== undefined) codes.add(code);
  }
  return codes;
}

function matchInstrument(
  questionnaire: Record<string, unknown>,
  questions: readonly QuestionNode[],
): { definition: InstrumentDefinition; matchedBy: 'loinc' | 'linkId' } {
  const instruments = listInstruments();
  const panelCodes = loincCodes(questionnaire.code);
  const byPanel = instruments.find(
    (definition) =>
      definition.loinc?.panel !== undefined && panelCodes.includes(definition.loinc.panel),
  );
  if (byPanel !== undefined) return { definition: byPanel, matchedBy: 'loinc' };

  // Calculated (read-only) items such as a total need not follow the linkId form.
  const prefixes = new Set(
    questions
      .filter((question) => question.node.readOnly !== true)
      .map((question) => LINK_ID.exec(question.linkId)?.[1]),
  );
  const [prefix] = prefixes;
  const byLinkId = instruments.find((definition) => definition.id === prefix);
  if (prefixes.size === 1 && byLinkId !== undefined)
    return { definition: byLinkId, matchedBy: 'linkId' };

  const panels = instruments
    .flatMap((definition) =>
      definition.loinc?.panel === undefined
        ? []
        : [`${definition.shortTitle} ${definition.loinc.panel}`],
    )
    .join(', ');
  return reject(
    ['code'],
    `does not match a built-in instrument: expected a LOINC panel code in Questionnaire.code (${panels}) or item linkIds of the form <instrument>-<number> for one instrument (e.g. odi-1 … odi-10)`,
  );
}

function mapItem(
  definition: InstrumentDefinition,
  question: QuestionNode,
): { item: InstrumentItem; matchedBy: 'loinc' | 'linkId' } | null {
  const codes = loincCodes(question.node.code);
  const byCode = definition.items.find(
    (item) => item.loinc !== undefined && codes.includes(item.loinc),
  );
  if (byCode !== undefined) return { item: byCode, matchedBy: 'loinc' };
  const link = LINK_ID.exec(question.linkId);
  const byLinkId =
    link?.[1] === definition.id
      ? definition.items.find((item) => item.number === Number(link[2]))
      : undefined;
  if (byLinkId !== undefined) return { item: byLinkId, matchedBy: 'linkId' };
  // Calculated totals, subscales and risk are ours to compute: skip them.
  const summaries = summaryCodes(definition);
  if (question.node.readOnly === true || codes.some((code) => summaries.has(code))) return null;
  return reject(
    [...question.path, 'linkId'],
    `${describeValue(question.linkId)} does not map to any ${definition.shortTitle} item (use its LOINC item code or the linkId ${definition.id}-<number>)`,
  );
}

function optionLabel(option: Record<string, unknown>): string | null {
  const coding = option.valueCoding;
  if (isPlainObject(coding)) return optionalString(coding.display) ?? optionalString(coding.code);
  if (typeof option.valueString === 'string') return optionalString(option.valueString);
  if (typeof option.valueInteger === 'number') return String(option.valueInteger);
  return null;
}

function optionOrdinal(option: Record<string, unknown>, coding: unknown): number | null {
  const extensions = [
    ...(Array.isArray(option.extension) ? (option.extension as unknown[]) : []),
    ...(isPlainObject(coding) && Array.isArray(coding.extension)
      ? (coding.extension as unknown[])
      : []),
  ];
  for (const extension of extensions) {
    if (!isPlainObject(extension) || typeof extension.url !== 'string') continue;
    if (!ORDINAL_EXTENSIONS.has(extension.url)) continue;
    if (typeof extension.valueDecimal === 'number') return extension.valueDecimal;
    if (typeof extension.valueInteger === 'number') return extension.valueInteger;
  }
  return null;
}

/** Relabels our options with the licensed answer texts, matched by ordinal value or by order. */
function importOptions(
  definition: InstrumentDefinition,
  item: InstrumentItem,
  question: QuestionNode,
): readonly ResponseOption[] {
  const answerOptions = question.node.answerOption;
  const path = [...question.path, 'answerOption'];
  if (answerOptions === undefined) return item.options;
  if (!Array.isArray(answerOptions) || answerOptions.length !== item.options.length) {
    return reject(
      path,
      `${definition.shortTitle} item ${item.number} has ${item.options.length} answers, but the questionnaire gives ${
        Array.isArray(answerOptions) ? answerOptions.length : 'none'
      }`,
    );
  }
  const seen = new Set<number>();
  return answerOptions
    .map((option: unknown, index): ResponseOption => {
      if (!isPlainObject(option))
        return reject([...path, index], 'must be an answer option object');
      const label = optionLabel(option);
      if (label === null)
        return reject(
          [...path, index],
          'has no text (valueCoding.display, valueString or valueInteger)',
        );
      const ordinal = optionOrdinal(option, option.valueCoding);
      const value = ordinal ?? (item.options[index] as ResponseOption).value;
      if (!item.options.some((ours) => ours.value === value) || seen.has(value)) {
        return reject(
          [...path, index],
          `ordinal value ${value} does not match a distinct ${definition.shortTitle} answer value`,
        );
      }
      seen.add(value);
      return { value, label };
    })
    .sort((a, b) => a.value - b.value);
}

/** Imports the licensed wording of a built-in instrument from a FHIR R4 Questionnaire. */
export function importQuestionnaire(questionnaire: unknown): ImportedQuestionnaire {
  if (!isPlainObject(questionnaire)) reject([], 'must be a FHIR R4 Questionnaire object');
  if (questionnaire.resourceType !== 'Questionnaire') {
    reject(
      ['resourceType'],
      `must be "Questionnaire", not ${describeValue(questionnaire.resourceType)}`,
    );
  }
  const questions = collectQuestions(questionnaire.item, ['item'], []);
  if (questions.length === 0) reject(['item'], 'the questionnaire has no question items');
  const { definition, matchedBy } = matchInstrument(questionnaire, questions);

  const imported = new Map<string, InstrumentItem>();
  const mappings: ImportedItemMapping[] = [];
  for (const question of questions) {
    const mapped = mapItem(definition, question);
    if (mapped === null) continue;
    const { item } = mapped;
    if (imported.has(item.id)) {
      reject(
        [...question.path, 'linkId'],
        `${definition.shortTitle} item ${item.number} appears twice`,
      );
    }
    const text = optionalString(question.node.text);
    if (text === null) reject([...question.path, 'text'], 'a licensed import needs the item text');
    imported.set(item.id, { ...item, text, options: importOptions(definition, item, question) });
    mappings.push({
      linkId: question.linkId,
      itemId: item.id,
      number: item.number,
      matchedBy: mapped.matchedBy,
    });
  }

  const items = definition.items.map((item) => {
    const found = imported.get(item.id);
    if (found === undefined) {
      return reject(
        ['item'],
        `${definition.shortTitle} item ${item.number} (${item.label}) is not in the questionnaire`,
      );
    }
    return found;
  });

  const copyright = optionalString(questionnaire.copyright);
  return {
    instrument: {
      ...definition,
      items,
      wording: 'licensed-import',
      copyright: copyright ?? definition.copyright,
    },
    matchedBy,
    questionnaire: {
      url: optionalString(questionnaire.url),
      version: optionalString(questionnaire.version),
      title: optionalString(questionnaire.title),
      publisher: optionalString(questionnaire.publisher),
      copyright,
    },
    items: mappings,
  };
}
