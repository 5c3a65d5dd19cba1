// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Player } from './player.js';

const vibrate = vi.fn<(pattern: VibratePattern) => boolean>(() => true);

beforeEach(() => {
  vi.useFakeTimers();
  window.localStorage.clear();
  vibrate.mockClear();
  Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const progress = () => document.querySelector('.player-progress')?.textContent;

describe('Player', () => {
  it('counts repetitions set by set, down the pyramid, with a rest between sets', () => {
    render(<Player name="Bird dog" plan={{ repsPerSet: [3, 2], restSeconds: 5 }} steps={[]} />);
    const count = screen.getByRole('button', { name: 'Count one repetition' });
    expect(progress()).toBe('Set 1 of 2: 0 of 3');
    fireEvent.click(count);
    fireEvent.click(count);
    expect(progress()).toBe('Set 1 of 2: 2 of 3');
    fireEvent.click(count);
    // The first set is done: a 5-second rest.
    expect(screen.getByRole('timer').textContent).toContain('Rest… 5');
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(vibrate).toHaveBeenCalledTimes(1);
    expect(progress()).toBe('Set 2 of 2: 0 of 2');
    const next = screen.getByRole('button', { name: 'Count one repetition' });
    fireEvent.click(next);
    fireEvent.click(next);
    expect(progress()).toBe('All 2 sets done');
    expect(screen.getByText(/Well done/u)).toBeTruthy();
  });

  it('counts with the space bar', () => {
    render(<Player name="Cat cow" plan={{ repsPerSet: [10], restSeconds: 0 }} steps={[]} />);
    const player = screen.getByRole('region', { name: 'Guided player for Cat cow' });
    for (let i = 0; i < 7; i += 1) fireEvent.keyDown(player, { key: ' ' });
    expect(progress()).toBe('Set 1 of 1: 7 of 10');
  });

  it('times each hold, counts it when it ends, and pauses the timer', () => {
    render(
      <Player
        name="Side plank"
        plan={{ repsPerSet: [2], holdSeconds: 10, restSeconds: 0 }}
        steps={[]}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start a 10-second hold' }));
    act(() => {
      vi.advanceTimersByTime(4000);
    });
    expect(screen.getByRole('timer').textContent).toContain('Hold… 6');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    act(() => {
      vi.advanceTimersByTime(20_000);
    });
    expect(screen.getByRole('timer').textContent).toContain('Hold… 6');
    expect(progress()).toBe('Set 1 of 1: 0 of 2');
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    act(() => {
      vi.advanceTimersByTime(6000);
    });
    expect(progress()).toBe('Set 1 of 1: 1 of 2');
    expect(vibrate).toHaveBeenCalledTimes(1);
  });

  it('stays quiet and still when vibration is turned off, and remembers it', () => {
    const { unmount } = render(
      <Player
        name="Bridge"
        plan={{ repsPerSet: [1], holdSeconds: 2, restSeconds: 0 }}
        steps={[]}
      />,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Vibrate when a timer ends' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start a 2-second hold' }));
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(progress()).toBe('All 1 set done');
    expect(vibrate).not.toHaveBeenCalled();
    unmount();
    render(
      <Player
        name="Bridge"
        plan={{ repsPerSet: [1], holdSeconds: 2, restSeconds: 0 }}
        steps={[]}
      />,
    );
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Vibrate when a timer ends' }).checked,
    ).toBe(false);
  });
});
