// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RomMeasurement } from './coach-api.js';
import { RomTrends, romSeries } from './rom-chart.js';

function text(element: Element | null | undefined): string {
  return element?.textContent ?? '';
}

/** The SVG's description, as `aria-describedby` points at it. */
function description(element: Element): string {
  const id = element.getAttribute('aria-describedby') ?? '';
  return document.getElementById(id)?.textContent ?? '';
}

afterEach(() => {
  cleanup();
});

const LIMITS = 'These angles are estimates, not clinical goniometry.';

const m = (id: string, movement: RomMeasurement['movement'], degrees: number, at: string) =>
  ({ id, movement, degrees, measuredAt: at }) as const;

const measurements: RomMeasurement[] = [
  m('1', 'neckRotationLeft', 60, '2026-11-02T08:00:00.000Z'),
  m('2', 'trunkFlexion', 48, '2026-11-01T08:00:00.000Z'),
  m('3', 'trunkFlexion', 61.25, '2026-11-09T08:00:00.000Z'),
  m('4', 'trunkFlexion', 55, '2026-11-05T08:00:00.000Z'),
];

describe('romSeries', () => {
  it('groups by movement in the chart order, oldest first within each', () => {
    const series = romSeries(measurements);
    expect(series.map((entry) => entry.movement)).toEqual(['trunkFlexion', 'neckRotationLeft']);
    expect(series[0]?.points.map((point) => point.id)).toEqual(['2', '4', '3']);
  });
});

describe('RomTrends', () => {
  it('draws a labelled trend per movement, with a table and the limits', () => {
    render(<RomTrends list={{ measurements, limits: LIMITS, truncated: false }} />);
    expect(text(screen.getByText(/About these numbers/u).parentElement)).toContain(LIMITS);
    const flexion = screen.getByRole('img', {
      name: 'Trunk flexion (bending forward), degrees over time',
    });
    expect(description(flexion)).toBe(
      '3 measurements from 1 Nov 2026 to 9 Nov 2026. First 48°, latest 61.3°.',
    );
    expect(flexion.querySelectorAll('circle')).toHaveLength(3);
    const neck = screen.getByRole('img', { name: /Neck rotation to the left/u });
    expect(description(neck)).toBe('One measurement: 60° on 2 Nov 2026.');
    expect(screen.queryByRole('img', { name: /Trunk extension/u })).toBeNull();

    fireEvent.click(screen.getByText('Trunk flexion (bending forward) as a table'));
    const table = screen.getByRole('table', { name: /Trunk flexion/u });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.lastElementChild?.textContent);
    expect(cells).toEqual(['61.3°', '55°', '48°']);
    expect(screen.queryByText(/most recent measurements/u)).toBeNull();
  });

  it('puts later and higher angles higher and further right', () => {
    render(<RomTrends list={{ measurements, limits: LIMITS, truncated: true }} />);
    const flexion = screen.getByRole('img', { name: /Trunk flexion/u });
    const [first, second, third] = [...flexion.querySelectorAll('circle')].map((circle) => ({
      x: Number(circle.getAttribute('cx')),
      y: Number(circle.getAttribute('cy')),
    }));
    expect(first && second && third).toBeTruthy();
    if (first === undefined || second === undefined || third === undefined) return;
    expect(first.x).toBeLessThan(second.x);
    expect(second.x).toBeLessThan(third.x);
    // SVG y grows downwards: 61° sits above 48°.
    expect(third.y).toBeLessThan(first.y);
    expect(screen.getByText(/most recent measurements/u)).toBeTruthy();
  });

  it('says how to measure when there is nothing yet', () => {
    render(<RomTrends list={{ measurements: [], limits: LIMITS, truncated: false }} />);
    expect(screen.getByText(/No range-of-motion measurements yet/u)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
