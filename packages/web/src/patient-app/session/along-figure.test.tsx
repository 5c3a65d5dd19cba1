// @vitest-environment jsdom
import { getExercise } from '@spinewise/clinical';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlongFigure } from './along-figure.js';

function prefersReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query.includes('reduce'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const catCow = getExercise('cat-cow');

describe('AlongFigure', () => {
  it('moves with the timer when motion is welcome', () => {
    prefersReducedMotion(false);
    render(<AlongFigure name="Cat cow" animation={catCow.animation} running stepText="Step one" />);
    expect(screen.getByRole('img').getAttribute('data-moving')).toBe('true');
    expect(screen.queryByText('Step one')).toBeNull();
  });

  it('stays still and says the step in words for someone who asks for less motion', () => {
    prefersReducedMotion(true);
    render(<AlongFigure name="Cat cow" animation={catCow.animation} running stepText="Step one" />);
    expect(screen.getByRole('img').getAttribute('data-moving')).toBe('false');
    expect(screen.getByText('Step one')).toBeTruthy();
  });
});
