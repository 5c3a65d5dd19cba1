// @vitest-environment jsdom
import { logSymptomRules } from '@spinewise/clinical';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from '../offline/outbox.js';

const outbox = vi.hoisted(() => ({
  online: true,
  enqueue: vi.fn(),
}));

vi.mock('../offline/outbox.js', () => ({
  enqueue: outbox.enqueue,
  useOutbox: () => ({
    entries: [],
    waiting: 0,
    syncing: false,
    online: outbox.online,
    syncNow: () => undefined,
  }),
  SyncStatus: ({ entryKey }: { entryKey: string }) => <span role="status">{entryKey}</span>,
}));

const { LogForm, logBodyOf, validateLog } = await import('./log-form.js');

const target = { exerciseId: 'cat-cow', name: 'Cat cow', date: '2026-11-10', plannedSets: 2 };

beforeEach(() => {
  outbox.online = true;
  outbox.enqueue.mockImplementation(
    (kind: string, url: string, body: unknown): Promise<OutboxEntry> =>
      Promise.resolve({
        key: 'k1',
        kind: kind as 'log',
        url,
        body,
        createdAt: '2026-11-10T09:00:00.000Z',
        state: 'saved',
      }),
  );
});

afterEach(() => {
  cleanup();
  outbox.enqueue.mockReset();
});

function choose(legend: string, label: string) {
  const group = screen.getByRole('group', { name: legend });
  fireEvent.click(within(group).getByLabelText(label));
}

describe('validateLog and logBodyOf', () => {
  it('asks for how much, each pain and the difficulty', () => {
    expect(Object.keys(validateLog({ symptoms: [] }).fields).sort()).toEqual([
      'completed',
      'difficulty',
      'painAfter',
      'painBefore',
      'painDuring',
    ]);
    expect(
      validateLog({
        completed: 'partly',
        painBefore: 1,
        painDuring: 2,
        painAfter: 2,
        difficulty: 'easy',
        symptoms: [],
      }).fields,
    ).toEqual({ setsDone: 'Choose how many sets you did.' });
  });

  it('makes the log the API takes: all the planned sets when done, skipped at none', () => {
    const values = {
      painBefore: 2,
      painDuring: 3,
      painAfter: 4,
      difficulty: 'hard' as const,
      symptoms: [],
    };
    expect(logBodyOf(target, { ...values, completed: 'done' })).toEqual({
      date: '2026-11-10',
      exerciseId: 'cat-cow',
      setsDone: 2,
      completed: 'done',
      painBefore: 2,
      painDuring: 3,
      painAfter: 4,
      difficulty: 'hard',
    });
    expect(logBodyOf(target, { ...values, completed: 'partly', setsDone: 0 })).toMatchObject({
      setsDone: 0,
      completed: 'skipped',
    });
  });
});

describe('LogForm', () => {
  it('shows what is missing and sends nothing', () => {
    render(<LogForm target={target} onLogged={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save my log' }));
    expect(screen.getByText('Please check your log')).toBeTruthy();
    expect(screen.getAllByText('Choose how hard it felt.').length).toBeGreaterThan(0);
    expect(outbox.enqueue).not.toHaveBeenCalled();
  });

  it('puts the log in the outbox, with the pain before given earlier', async () => {
    const onLogged = vi.fn();
    render(<LogForm target={target} painBefore={3} onLogged={onLogged} />);
    choose('How much you did', 'I did all of it');
    choose('Your pain during the exercise', '4');
    expect(screen.getByText('4 out of 10: acceptable — carry on')).toBeTruthy();
    choose('Your pain now, just after', '2');
    choose('How hard it felt', 'Moderate');
    fireEvent.click(screen.getByRole('button', { name: 'Save my log' }));
    await waitFor(() => {
      expect(onLogged).toHaveBeenCalled();
    });
    expect(outbox.enqueue).toHaveBeenCalledWith('log', '/api/me/logs', {
      date: '2026-11-10',
      exerciseId: 'cat-cow',
      setsDone: 2,
      completed: 'done',
      painBefore: 3,
      painDuring: 4,
      painAfter: 2,
      difficulty: 'moderate',
    });
  });

  it('shows the emergency advice the moment a red-flag symptom is ticked, before sending', () => {
    outbox.online = false;
    render(<LogForm target={target} onLogged={() => undefined} />);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(
      screen.getByLabelText('A change in your bladder or bowel, or numbness between your legs'),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(logSymptomRules.bladderBowelSaddle.advice);
    expect(alert.textContent).toContain('Do not wait for it');
    expect(document.activeElement).toBe(alert);
    expect(outbox.enqueue).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Save and tell my physio' })).toBeTruthy();
  });
});
