import { importQuestionnaire } from '@spinewise/clinical';
import type { ImportedQuestionnaire } from '@spinewise/clinical';
import { formatCommandHelp, formatJson, parseCommandArgs } from '../command.js';
import type { Command } from '../command.js';
import { parseJsonInput, readInput } from '../input.js';
import { renderImportedQuestionnaire } from '../text/questionnaire.js';

const usage = 'spinewise import-questionnaire <file|-> [--format json|text]';

/** What the import matched and the wording it brings, without the rest of the definition. */
export function summariseImport(imported: ImportedQuestionnaire) {
  const { instrument } = imported;
  const mappings = new Map(imported.items.map((mapping) => [mapping.itemId, mapping]));
  return {
    instrument: instrument.id,
    title: instrument.title,
    version: instrument.version,
    matchedBy: imported.matchedBy,
    wording: instrument.wording,
    copyright: instrument.copyright,
    questionnaire: imported.questionnaire,
    items: instrument.items.map((item) => ({
      number: item.number,
      id: item.id,
      linkId: mappings.get(item.id)?.linkId ?? null,
      matchedBy: mappings.get(item.id)?.matchedBy ?? null,
      label: item.label,
      text: item.text ?? null,
      options: item.options.map((option) => ({ value: option.value, label: option.label })),
    })),
  };
}

export type ImportSummary = ReturnType<typeof summariseImport>;

export const importQuestionnaireCommand: Command = {
  name: 'import-questionnaire',
  summary: 'Check how a licensed FHIR R4 Questionnaire maps onto an instrument.',
  usage,
  help: `Reads a FHIR R4 Questionnaire (JSON) holding the licensed wording of a built-in
instrument, matches it by its LOINC panel code or by linkIds <instrument>-<number>
(odi-1 … odi-10), and shows each item with the imported text and answer labels. The
scoring stays Spinewise's; only the wording is imported. Nothing is stored: use it to
check a questionnaire before loading it into the server.

Examples:
  spinewise import-questionnaire examples/questionnaire-odi.json --format text
  spinewise import-questionnaire odi-licensed.json | jq '.items[].text'`,
  async run(argv, io) {
    const args = parseCommandArgs(importQuestionnaireCommand, argv, {}, 1);
    if (args.help) {
      io.stdout(formatCommandHelp(importQuestionnaireCommand));
      return 0;
    }
    const input = parseJsonInput(await readInput(io, args.positionals[0], usage));
    const summary = summariseImport(importQuestionnaire(input));
    io.stdout(args.format === 'text' ? renderImportedQuestionnaire(summary) : formatJson(summary));
    return 0;
  },
};
