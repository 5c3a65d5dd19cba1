import type { Classification, CriterionStatus, RuleResult } from '@spinewise/clinical';
import { heading, keyValues, list, render, wrap } from './layout.js';

const mark: Readonly<Record<CriterionStatus, string>> = { met: '✓', notMet: '✗', unknown: '?' };

/** The rules in the order a clinician reads them: risk, then treatment, then the rules. */
const ruleOrder = [
  'startBack',
  'tbc',
  'manipulation',
  'stabilisation',
  'directionalPreference',
  'cervicalRadiculopathy',
] as const satisfies readonly (keyof Classification)[];

/**
 * The value a criterion was judged on. Yes/no values are left out: the mark already says it,
 * and "No symptoms below the knee (no)" would read as a double negative.
 */
function formatCriterionValue(value: number | boolean | string | undefined): string {
  if (value === undefined || typeof value === 'boolean') return '';
  return ` (${String(value)})`;
}

function renderRule(result: RuleResult<unknown>): string[] {
  if (!result.applicable) {
    return [...heading(`${result.title}: not applicable`, '-'), ...wrap(result.summary)];
  }
  const lines = [...heading(result.title, '-')];
  lines.push(...wrap(result.summary));
  if (result.criteria.length > 0) {
    lines.push('');
    for (const item of result.criteria) {
      lines.push(
        ...wrap(
          `${item.label}${formatCriterionValue(item.value)}`,
          '      ',
          undefined,
          `  ${mark[item.status]}   `,
        ),
      );
    }
    lines.push(
      `  ${result.met.length} met, ${result.notMet.length} not met, ${result.unknown.length} unknown`,
    );
  }
  lines.push('');
  lines.push(
    ...keyValues([
      ['Caveat', result.caveat],
      ['Sources', list(result.sources)],
    ]),
  );
  return lines;
}

export function renderClassification(classification: Classification): string {
  const lines = [
    ...heading(`Classification (${classification.region})`),
    `Criteria: ${mark.met} met   ${mark.notMet} not met   ${mark.unknown} unknown (not in the assessment)`,
  ];
  for (const key of ruleOrder) {
    lines.push('', ...renderRule(classification[key]));
  }
  lines.push('', `Sources: ${list(classification.sources)}`);
  return render(lines);
}
