import type { InstrumentScore } from '@spinewise/clinical';
import { heading, keyValues, list, render, table, formatNumber } from './layout.js';

export function renderScore(score: InstrumentScore): string {
  const subscales = Object.entries(score.subscales).map(
    ([name, value]) => [`  ${name}`, formatNumber(value)] as const,
  );
  const lines = [
    ...heading(`${score.title} (${score.instrument})`),
    ...keyValues([
      ['Score', score.display],
      [
        'Band',
        score.bandLabel === null
          ? undefined
          : `${score.bandLabel}${score.bandRange === null ? '' : ` (${score.bandRange})`}`,
      ],
      ...(subscales.length > 0 ? ([['Subscales', '']] as const) : []),
      ...subscales,
      [
        'Answered',
        `${score.answered} (missing ${score.missing}${score.missingItems.length > 0 ? `: ${score.missingItems.join(', ')}` : ''})`,
      ],
      ['Meaning', score.interpretation],
      [
        'Wording',
        score.wording === 'paraphrase' ? 'paraphrase (our own words)' : 'licensed import',
      ],
      ['Copyright', score.copyright],
      ['Licence', score.licenceNote],
      ['Sources', list(score.sources)],
    ]),
  ];
  const activities = score.activities ?? [];
  if (activities.length > 0) {
    lines.push(
      '',
      ...table(
        ['#', 'Activity', 'Rating'],
        activities.map((activity, index) => [
          String(index + 1),
          activity.activity ?? '(not named)',
          String(activity.rating),
        ]),
        ['right', 'left', 'right'],
      ),
    );
  }
  return render(lines);
}
