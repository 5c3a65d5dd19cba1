import type { SessionLog } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { mergeCheckIns } from './merge.js';

const log = (date: string, extra: Partial<SessionLog> = {}): SessionLog => ({
  date,
  exerciseId: 'cat-cow',
  setsDone: 2,
  ...extra,
});

describe('mergeCheckIns', () => {
  it("puts a day's check-in on every log of that day, and only that day", () => {
    const merged = mergeCheckIns(
      [log('2026-11-09'), log('2026-11-09', { exerciseId: 'bird-dog' }), log('2026-11-10')],
      [{ sessionOn: '2026-11-09', pain: 4, stiffness: 6 }],
    );
    expect(merged[0]).toMatchObject({ nextMorningPain: 4, nextMorningStiffness: 6 });
    expect(merged[1]).toMatchObject({
      exerciseId: 'bird-dog',
      nextMorningPain: 4,
      nextMorningStiffness: 6,
    });
    expect(merged[2]).not.toHaveProperty('nextMorningPain');
    expect(merged[2]).not.toHaveProperty('nextMorningStiffness');
  });

  it('keeps what a log reported itself, and leaves the input as it was', () => {
    const logs = [log('2026-11-09', { nextMorningPain: 1 })];
    const merged = mergeCheckIns(logs, [{ sessionOn: '2026-11-09', pain: 7, stiffness: 3 }]);
    expect(merged[0]).toMatchObject({ nextMorningPain: 1, nextMorningStiffness: 3 });
    expect(logs[0]).not.toHaveProperty('nextMorningStiffness');
  });

  it('keeps the order and length, with no check-ins at all', () => {
    const logs = [log('2026-11-10'), log('2026-11-09')];
    expect(mergeCheckIns(logs, [])).toEqual(logs);
  });
});
