// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { mcidBand } from './mcid.js';
import { OutcomeChart } from './outcome-chart.js';
import { PainChart, painByDay } from './pain-chart.js';
import type { ChartLog } from './chart-api.js';

afterEach(() => {
  cleanup();
});

describe('mcidBand', () => {
  it('takes the smaller of "any" thresholds: ODI 10 points or 30 % of the baseline', () => {
    // 30 % of 20 is 6, smaller than 10 points.
    expect(mcidBand('odi', 20)).toMatchObject({ low: 14, high: 26, threshold: 6 });
    // 30 % of 50 is 15: the 10 points count.
    expect(mcidBand('odi', 50)).toMatchObject({ low: 40, high: 60, threshold: 10 });
  });

  it('chooses the figure for the region and clips to the score range', () => {
    expect(mcidBand('nprs', 1, 'cervical')?.low).toBe(0);
    expect(mcidBand('nprs', 6, 'cervical')?.threshold).toBe(1.3);
  });

  it('gives no band for an unknown instrument', () => {
    expect(mcidBand('nope', 10)).toBeNull();
  });
});

describe('OutcomeChart', () => {
  const points = [
    { day: '2026-10-01', score: 40, display: '40 %' },
    { day: '2026-10-29', score: 26, display: '26 %' },
  ];

  it('draws the MCID band around the baseline, and says so in words and in a table', () => {
    render(<OutcomeChart instrument="odi" points={points} region="lumbar" />);
    const band = screen.getByTestId('mcid-band');
    // ODI 0–100 over the plot's height: 30 to 50 is a fifth of it.
    expect(Number(band.getAttribute('height'))).toBeCloseTo((188 * 20) / 100, 5);
    const svg = screen.getByRole('img', { name: 'ODI over time' });
    const description = svg.querySelector('desc')?.textContent ?? '';
    expect(description).toContain('Baseline 40 %');
    expect(description).toContain('better by 14 percentage points, at least the MCID');
    expect(description).toContain('30 to 50');
    expect(screen.getByRole('table', { name: 'ODI scores' })).toBeDefined();
    expect(screen.getByText('-14')).toBeDefined();
  });

  it('says when a change is less than the MCID', () => {
    render(
      <OutcomeChart
        instrument="odi"
        points={[
          { day: '2026-10-01', score: 40, display: '40 %' },
          { day: '2026-10-29', score: 35, display: '35 %' },
        ]}
      />,
    );
    const description =
      screen.getByRole('img', { name: 'ODI over time' }).querySelector('desc')?.textContent ?? '';
    expect(description).toContain('less than the MCID');
  });
});

describe('PainChart', () => {
  const log = (date: string, painBefore: number | null, painAfter: number | null): ChartLog => ({
    id: date + String(painBefore),
    programmeId: 'p',
    programmeVersion: 1,
    date,
    exerciseId: 'e',
    exerciseName: 'Bridge',
    setsDone: 2,
    repsDone: null,
    holdSecondsDone: null,
    minutesDone: null,
    completed: null,
    painBefore,
    painDuring: null,
    painAfter,
    symptoms: [],
    note: null,
    createdAt: `${date}T10:00:00Z`,
  });

  it('averages each day, oldest first, and leaves out days without pain', () => {
    const days = painByDay([
      log('2026-11-02', 4, 3),
      log('2026-11-01', 5, 4),
      log('2026-11-02', 2, 2),
      log('2026-11-03', null, null),
    ]);
    expect(days).toEqual([
      { day: '2026-11-01', before: 5, after: 4 },
      { day: '2026-11-02', before: 3, after: 2.5 },
    ]);
    render(<PainChart days={days} />);
    expect(screen.getByRole('img', { name: 'Pain before and after sessions' })).toBeDefined();
    expect(screen.getByText('2.5/10')).toBeDefined();
  });
});
