import type { ChangeResult, ThresholdResult } from '@spinewise/clinical';
import { formatNumber, heading, keyValues, list, render } from './layout.js';

function signed(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

function mcidVerdict(result: ChangeResult): string {
  const { mcidMet } = result;
  if (mcidMet === null) {
    return result.subscale === null
      ? 'none defined for this instrument'
      : 'none published for a subscale';
  }
  return mcidMet ? 'MET' : 'not met';
}

function thresholdName(threshold: ThresholdResult, unit: ChangeResult['unit']): string {
  switch (threshold.kind) {
    case 'absolute':
      return `${formatNumber(threshold.value ?? 0)} ${unit === 'percent' ? 'percentage points' : 'points'}`;
    case 'percent':
      return `${formatNumber(threshold.value ?? 0)} % of baseline`;
    case 'bandChange':
      return 'change of band';
  }
}

export function renderChange(result: ChangeResult, title: string): string {
  const lines = [
    ...heading(
      `Change in ${title} (${result.instrument}${result.subscale === null ? '' : `, subscale ${result.subscale}`})`,
    ),
    ...keyValues([
      ['Baseline', formatNumber(result.baseline)],
      ['Follow-up', formatNumber(result.followUp)],
      ['Change', signed(result.absolute)],
      ['Percent', result.percent === null ? 'n/a (baseline is 0)' : `${signed(result.percent)} %`],
      ['Direction', result.direction],
      ['MCID', mcidVerdict(result)],
      ['MCID rule', result.mcid?.description],
      ...(result.mcid?.thresholds ?? []).map(
        (threshold) =>
          [
            `  ${thresholdName(threshold, result.unit)}`,
            threshold.met ? 'met' : 'not met',
          ] as const,
      ),
      ['Sources', list(result.sources)],
    ]),
  ];
  return render(lines);
}
