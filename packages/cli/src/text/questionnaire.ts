import type { ImportSummary } from '../commands/import-questionnaire.js';
import { heading, keyValues, render, wrap } from './layout.js';

export function renderImportedQuestionnaire(summary: ImportSummary): string {
  const source = summary.questionnaire;
  const lines = [
    ...heading(`${summary.title} (${summary.instrument}): licensed wording imported`),
    ...keyValues([
      ['Matched by', summary.matchedBy === 'loinc' ? 'LOINC panel code' : 'item linkIds'],
      ['Questionnaire', source.title ?? undefined],
      ['URL', source.url ?? undefined],
      ['Version', source.version ?? undefined],
      ['Publisher', source.publisher ?? undefined],
      ['Copyright', summary.copyright],
    ]),
    '',
    ...heading(`Items (${summary.items.length})`, '-'),
  ];
  for (const item of summary.items) {
    lines.push(
      ...wrap(item.text ?? item.label, '     ', undefined, `${String(item.number).padStart(2)}.  `),
      ...wrap(`linkId ${item.linkId ?? '-'}, our item ${item.id}`, '       ', undefined, '     '),
      ...item.options.flatMap((option) =>
        wrap(option.label, '         ', undefined, `     ${String(option.value).padStart(2)}  `),
      ),
    );
  }
  return render(lines);
}
