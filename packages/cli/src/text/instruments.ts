import type { InstrumentDefinition } from '@spinewise/clinical';
import type { InstrumentSummary } from '../commands/instruments.js';
import { heading, keyValues, list, render, table, wrap } from './layout.js';

function range(summary: InstrumentSummary): string {
  const unit = summary.unit === 'percent' ? ' %' : '';
  if (summary.scoreRange === null) {
    // No total (FABQ): show each subscale's range instead.
    return Object.entries(summary.subscaleRanges)
      .map(([name, { min, max }]) => `${name} ${min}–${max}`)
      .join(', ');
  }
  return `${summary.scoreRange.min}–${summary.scoreRange.max}${unit}`;
}

function itemCount(summary: InstrumentSummary): string {
  const { min, max } = summary.answers;
  return min === max ? String(summary.items) : `${min}–${max}`;
}

const directionWords: Readonly<Record<string, string>> = {
  lowerIsBetter: 'lower is better',
  higherIsBetter: 'higher is better',
};

function summaryRows(summary: InstrumentSummary): (readonly [string, string | undefined])[] {
  return [
    ['Version', summary.version],
    ['Region', summary.region],
    ['Items', itemCount(summary)],
    ['Score', `${range(summary)}, ${directionWords[summary.direction] ?? summary.direction}`],
    ['Subscales', summary.subscales.length > 0 ? list(summary.subscales) : undefined],
    [
      'Bands',
      summary.bands.length === 0
        ? undefined
        : `${summary.bandsOn === 'score' || summary.bandsOn === null ? '' : `on ${summary.bandsOn}: `}${summary.bands.join('; ')}`,
    ],
    ['MCID', summary.mcid.length > 0 ? summary.mcid.join('; ') : 'none defined'],
    [
      'Wording',
      summary.wording === 'paraphrase' ? 'paraphrase (our own words)' : 'licensed import',
    ],
    ['Copyright', summary.copyright],
    ['Licence', summary.licenceNote],
  ];
}

export function renderInstrumentList(summaries: readonly InstrumentSummary[]): string {
  const lines = [
    ...heading('Outcome instruments'),
    ...table(
      ['id', 'Instrument', 'Items', 'Score', 'Better', 'Wording'],
      summaries.map((summary) => [
        summary.id,
        `${summary.title} ${summary.version}`.trim(),
        itemCount(summary),
        range(summary),
        summary.direction === 'higherIsBetter' ? 'higher' : 'lower',
        summary.wording,
      ]),
      ['left', 'left', 'right', 'right', 'left', 'left'],
    ),
  ];
  for (const summary of summaries) {
    lines.push(
      '',
      ...heading(`${summary.id}: ${summary.title}`, '-'),
      ...keyValues(summaryRows(summary)),
    );
  }
  return render(lines);
}

export function renderInstrument(
  definition: InstrumentDefinition,
  summary: InstrumentSummary,
): string {
  const lines = [
    ...heading(`${definition.title} (${definition.id})`),
    ...wrap(definition.description),
    '',
    ...keyValues(summaryRows(summary)),
    '',
    ...heading('Items', '-'),
  ];
  for (const item of definition.items) {
    const notes = [item.scored ? '' : 'not scored', item.reversed === true ? 'reverse scored' : '']
      .filter((note) => note !== '')
      .join(', ');
    lines.push(
      ...wrap(
        `${item.text ?? item.label}${notes === '' ? '' : ` (${notes})`}`,
        '     ',
        undefined,
        `${String(item.number).padStart(2)}.  `,
      ),
    );
    lines.push(
      ...wrap(
        item.options.map((option) => `${option.value} = ${option.label}`).join('; '),
        '       ',
        undefined,
        '     ',
      ),
    );
  }
  lines.push('', `Sources: ${list(definition.sources)}`);
  return render(lines);
}
